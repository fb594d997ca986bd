using System;
using System.Buffers;
using System.Collections.Generic;

namespace NuMM.Runtime.Data.Root;

/// <summary>Reads a tree's chosen branches batch by batch into the columns of <typeparamref name="TBatch"/>. Only the
/// baskets overlapping each batch are read; they are decompressed in parallel and each lands at a position fixed by its
/// entry range, so the output never depends on thread timing. The last basket of each branch is kept for the next batch.
/// As an <see cref="IIndexedBatchSource{TBatch}"/> it also fills any batch by its index, so several threads (those of
/// <see cref="Selection.AnalysisRunner"/>) each read and decompress their own batch; that path decodes on the calling
/// thread only, since the parallelism is the callers'.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public sealed class RootBatchSource<TBatch> : IIndexedBatchSource<TBatch> where TBatch : IColumnBatch
{
    /// <summary>Decoded baskets kept per branch for <see cref="ReadBatch"/>: a basket that straddles two batches read by two
    /// threads is then usually decompressed once. Four covers two threads each finishing one basket and starting the next.</summary>
    private const int SharedCacheSize = 4;
    private readonly RootTree _tree;
    private readonly ColumnInfo[] _columns;
    private readonly BranchGroup[] _groups;
    private readonly int _maxDop;
    private readonly long _stop;
    private readonly List<(BranchGroup Group, int Basket)> _work = new();
    private DecodedBasket[] _decoded = [];

    private sealed class BranchGroup
    {
        public required RootBranch Branch { get; init; }
        public required List<ColumnPlan> Plans { get; init; }
        public int CachedIndex = -1;
        public DecodedBasket? Cached;
        // ReadBatch's cache, shared by its callers (guarded by itself): basket index, basket, last use.
        public readonly (int Index, DecodedBasket? Basket, long Used)[] Shared = new (int, DecodedBasket?, long)[SharedCacheSize];
        public long Clock;

        public DecodedBasket LoadOwned(int index)
        {
            var b = Branch.LoadBasket(index, ArrayPool<byte>.Shared);
            if (Branch.Kind != RootArrayKind.Counted) Branch.CheckFixedBasket(b, index);
            return b;
        }

        public DecodedBasket Load(int index)
        {
            lock (Shared)
            {
                for (int i = 0; i < Shared.Length; i++)
                    if (Shared[i].Basket is not null && Shared[i].Index == index) { Shared[i].Used = ++Clock; return Shared[i].Basket!; }
            }
            var b = Branch.LoadBasket(index);
            if (Branch.Kind != RootArrayKind.Counted) Branch.CheckFixedBasket(b, index); // counted entries are checked one by one in Fill
            lock (Shared)
            {
                int victim = 0;
                for (int i = 0; i < Shared.Length; i++)
                {
                    if (Shared[i].Basket is not null && Shared[i].Index == index) return Shared[i].Basket!; // another thread was first
                    if (Shared[victim].Basket is not null && (Shared[i].Basket is null || Shared[i].Used < Shared[victim].Used)) victim = i;
                }
                Shared[victim] = (index, b, ++Clock);
            }
            return b;
        }
    }

    private readonly long _first;

    internal RootBatchSource(RootTree tree, ColumnInfo[] columns, ColumnPlan[] plans, int maxDop, long first, long stop)
    {
        _tree = tree;
        _columns = columns;
        _maxDop = maxDop;
        _first = first;
        Position = first;
        _stop = stop;
        var groups = new Dictionary<RootBranch, BranchGroup>();
        var order = new List<BranchGroup>();
        foreach (var p in plans)
        {
            if (!groups.TryGetValue(p.Branch, out var g))
            {
                g = new BranchGroup { Branch = p.Branch, Plans = new List<ColumnPlan>() };
                groups.Add(p.Branch, g);
                order.Add(g);
            }
            g.Plans.Add(p);
        }
        _groups = order.ToArray();
        // Validate the basket tables now, so a corrupt table is reported at open time.
        foreach (var g in _groups) _ = g.Branch.Baskets;
    }

    /// <summary>The next entry to read.</summary>
    public long Position { get; private set; }

    /// <summary>One past the last entry this source reads.</summary>
    public long StopEntry => _stop;

    /// <summary>The tree.</summary>
    public RootTree Tree => _tree;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The batch's columns differ from those the source was opened for.</exception>
    /// <exception cref="DataFormatException">A basket is corrupt, or a column that requires finite values holds NaN or ±∞.</exception>
    public bool ReadNext(TBatch batch)
    {
        CheckBatch(batch);
        if (Position >= _stop)
        {
            batch.Length = 0;
            return false;
        }
        long e0 = Position;
        int n = (int)Math.Min(batch.Capacity, _stop - e0);
        long e1 = e0 + n;

        var work = _work;
        work.Clear();
        long workBytes = 0;
        foreach (var g in _groups)
        {
            var baskets = g.Branch.Baskets;
            for (int i = FirstBasket(baskets, e0); i < baskets.Length && baskets[i].EntryStart < e1; i++)
            {
                work.Add((g, i));
                if (g.CachedIndex != i) workBytes += BasketReader.StoredBytes(g.Branch.Model, baskets[i]);
            }
        }
        if (_decoded.Length < work.Count) _decoded = new DecodedBasket[work.Count];
        var decoded = _decoded;
        BasketReader.ForEach(work.Count, _maxDop, workBytes, _tree.File.MinParallelBytes, w =>
        {
            var (g, i) = work[w];
            var b = g.CachedIndex == i && g.Cached is not null ? g.Cached : g.Branch.LoadBasket(i);
            if (g.Branch.Kind != RootArrayKind.Counted) g.Branch.CheckFixedBasket(b, i); // counted entries are checked one by one in Fill
            decoded[w] = b;
            var info = g.Branch.Baskets[i];
            long from = Math.Max(info.EntryStart, e0), to = Math.Min(info.EntryStop, e1);
            foreach (var p in g.Plans) Fill(batch, p, b, info.EntryStart, (int)(from - info.EntryStart), (int)(from - e0), (int)(to - from));
        });
        for (int w = 0; w < work.Count; w++)
        {
            var (g, i) = work[w];
            g.CachedIndex = i;
            g.Cached = decoded[w];
            decoded[w] = null!;
        }
        foreach (var g in _groups)
            foreach (var p in g.Plans)
                if (p.Column.RequireFinite) CheckFinite(batch, p, n, e0);
        batch.Length = n;
        Position = e1;
        return true;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The batch's columns differ from those the source was opened for.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    /// <exception cref="DataFormatException">A basket is corrupt, or a column that requires finite values holds NaN or ±∞.</exception>
    public bool ReadBatch(long index, TBatch batch)
    {
        CheckBatch(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        long e0 = _first + index * batch.Capacity;
        if (index >= (_stop - _first + batch.Capacity - 1) / batch.Capacity || e0 >= _stop)
        {
            batch.Length = 0;
            return false;
        }
        int n = (int)Math.Min(batch.Capacity, _stop - e0);
        long e1 = e0 + n;
        foreach (var g in _groups)
        {
            var baskets = g.Branch.Baskets;
            for (int i = FirstBasket(baskets, e0); i < baskets.Length && baskets[i].EntryStart < e1; i++)
            {
                var info = baskets[i];
                // A basket inside this batch serves no other: decode it into pooled buffers and give them back at once
                // (with baskets aligned to batches, as RootTreeWriter writes them, a run then allocates almost nothing).
                // One that straddles a batch boundary goes through the shared cache for the neighbouring batch.
                bool own = info.EntryStart >= e0 && info.EntryStop <= e1;
                var b = own ? g.LoadOwned(i) : g.Load(i);
                long from = Math.Max(info.EntryStart, e0), to = Math.Min(info.EntryStop, e1);
                foreach (var p in g.Plans) Fill(batch, p, b, info.EntryStart, (int)(from - info.EntryStart), (int)(from - e0), (int)(to - from));
                if (b.Rented is not null) ArrayPool<byte>.Shared.Return(b.Rented);
            }
        }
        foreach (var g in _groups)
            foreach (var p in g.Plans)
                if (p.Column.RequireFinite) CheckFinite(batch, p, n, e0);
        batch.Length = n;
        return true;
    }

    private void CheckBatch(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var cols = batch.Columns;
        if (cols.Length != _columns.Length)
            throw new ArgumentException($"The batch has {cols.Length} columns; the source was opened for {_columns.Length}.", nameof(batch));
        for (int i = 0; i < cols.Length; i++)
            if (cols[i].Name != _columns[i].Name || cols[i].Type != _columns[i].Type || cols[i].Length != _columns[i].Length)
                throw new ArgumentException($"Batch column {i} is '{cols[i].Name}' ({Mapping.ColumnTypes.Describe(cols[i])}); the source was opened for '{_columns[i].Name}' ({Mapping.ColumnTypes.Describe(_columns[i])}).", nameof(batch));
    }

    private static int FirstBasket(BasketInfo[] baskets, long entry)
    {
        int lo = 0, hi = baskets.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (baskets[mid].EntryStop <= entry) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void Fill(TBatch batch, ColumnPlan p, DecodedBasket b, long basketStart, int srcEntry, int dst, int count)
    {
        switch (p.Column.Type)
        {
            case ColumnType.Boolean: FillT<bool>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.SByte: FillT<sbyte>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.Byte: FillT<byte>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.Int16: FillT<short>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.UInt16: FillT<ushort>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.Int32: FillT<int>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.UInt32: FillT<uint>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.Int64: FillT<long>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.UInt64: FillT<ulong>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.Single: FillT<float>(batch, p, b, basketStart, srcEntry, dst, count); break;
            case ColumnType.Double: FillT<double>(batch, p, b, basketStart, srcEntry, dst, count); break;
            default: throw new ArgumentOutOfRangeException(nameof(p), p.Column.Type, "Unknown column type.");
        }
    }

    private void FillT<T>(TBatch batch, ColumnPlan p, DecodedBasket b, long basketStart, int srcEntry, int dst, int count) where T : unmanaged
    {
        var column = batch.Column<T>(p.ColumnIndex);
        var br = p.Branch;
        int values = p.Column.Length, size = LeafDecoder.SizeOf(br.LeafType);
        if (p.Element >= 0)
        {
            LeafDecoder.Decode(b.Payload, br.LeafType, column.Slice(dst, count), br.FixedLength, srcEntry * br.FixedLength + p.Element);
            return;
        }
        if (values == 1 && br.Kind != RootArrayKind.Counted)
        {
            LeafDecoder.Decode(b.Payload.Slice(srcEntry * size), br.LeafType, column.Slice(dst, count));
            return;
        }
        // An array column: the basket holds each entry's values together (entry-major), an element-major batch each
        // value's run of entries (stride = capacity), an event-major batch each entry's values together as the basket
        // does. A counted branch qualifies only when every entry holds exactly `values` values, so its entries are as
        // densely packed as a fixed array's.
        var payload = b.Payload;
        if (br.Kind == RootArrayKind.Counted)
        {
            int start = CheckCountedEntries(p, b, basketStart, srcEntry, count, values * size);
            payload = payload.Slice(start, count * values * size);
            srcEntry = 0;
        }
        payload = payload.Slice(srcEntry * values * size);
        if (batch.Columns[p.ColumnIndex].IsEventMajor)
            LeafDecoder.Decode(payload, br.LeafType, column.Slice(dst * values, count * values)); // straight into place
        else
            LeafDecoder.DecodeTransposed(payload, br.LeafType, column, batch.Capacity, dst, count, values);
    }

    /// <summary>The byte offset of entry <paramref name="srcEntry"/> in the basket's payload, after checking that it and the
    /// next <paramref name="count"/> − 1 entries each hold exactly <paramref name="entryBytes"/> bytes.</summary>
    private int CheckCountedEntries(ColumnPlan p, DecodedBasket b, long basketStart, int srcEntry, int count, int entryBytes)
    {
        var offsets = b.Offsets;
        for (int e = srcEntry; e < srcEntry + count; e++)
        {
            int bytes = offsets is null ? 0 : offsets[e + 1] - offsets[e];
            if (bytes == entryBytes) continue;
            long entry = basketStart + e;
            int size = LeafDecoder.SizeOf(p.Branch.LeafType);
            string held = bytes % size == 0 ? $"{bytes / size} values" : $"{bytes} bytes, not a whole number of values";
            throw new DataFormatException($"Array column '{p.Column.Name}' needs {p.Column.Length} values in every entry of counted branch '{p.Branch.Name}' "
                + $"(count from '{p.Branch.CountBranch}'), but this entry holds {held}",
                _tree.File.Path, $"{_tree.Name}/{p.Branch.Name}", entry, null);
        }
        return offsets is null ? 0 : offsets[srcEntry];
    }

    private void CheckFinite(TBatch batch, ColumnPlan p, int n, long e0)
    {
        // Element-major: one run of n values per value k. Event-major: one run of n × Length values, entry after entry.
        int length = p.Column.Length;
        bool eventMajor = batch.Columns[p.ColumnIndex].IsEventMajor;
        int runs = eventMajor ? 1 : length, run = eventMajor ? n * length : n;
        for (int r = 0; r < runs; r++)
        {
            int at = r * batch.Capacity;
            int bad = p.Column.Type switch
            {
                ColumnType.Double => LeafDecoder.FirstNonFinite<double>(batch.Column<double>(p.ColumnIndex).Slice(at, run)),
                ColumnType.Single => LeafDecoder.FirstNonFinite<float>(batch.Column<float>(p.ColumnIndex).Slice(at, run)),
                _ => -1,
            };
            if (bad < 0) continue;
            string v = p.Column.Type == ColumnType.Double
                ? batch.Column<double>(p.ColumnIndex)[at + bad].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : batch.Column<float>(p.ColumnIndex)[at + bad].ToString(System.Globalization.CultureInfo.InvariantCulture);
            int k = eventMajor ? bad % length : r, entry = eventMajor ? bad / length : bad;
            string which = length == 1 ? "" : $" as value {k} of {length}";
            throw new DataFormatException($"Column '{p.Column.Name}' requires finite values but branch '{p.Branch.Name}' holds {v}{which}",
                _tree.File.Path, $"{_tree.Name}/{p.Branch.Name}", e0 + entry, null);
        }
    }
}
