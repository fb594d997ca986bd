using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Root;

namespace NuMM.Runtime.ScaleOut;

/// <summary>The batches of <see cref="DatasetSource{TBatch}"/> — each range read in batches of the batch capacity from its
/// first entry, never spanning two ranges — read by batch index from several threads at once
/// (<see cref="IIndexedBatchSource{TBatch}"/>), so <see cref="Selection.AnalysisRunner"/> reads and decompresses a shard's
/// NuMM files and ROOT trees on all its threads. Batch k is the k-th batch <see cref="DatasetSource{TBatch}"/> would give,
/// so results do not depend on which source or how many threads read. A range's file is opened on the first read of one
/// of its batches and closed after the last. Arrow IPC files have no random access: use <see cref="DatasetSource{TBatch}"/>
/// for datasets with Arrow files (<see cref="CanRead"/>).</summary>
/// <typeparam name="TBatch">The columnar batch type (for example a generated batch).</typeparam>
public sealed class IndexedDatasetSource<TBatch> : IIndexedBatchSource<TBatch>, IDisposable where TBatch : IColumnBatch
{
    private readonly Dataset _dataset;
    private readonly IReadOnlyList<DatasetRange> _ranges;
    private readonly IReadOnlyList<ColumnInfo> _schema;
    private readonly object _gate = new();
    private readonly Open?[] _open;
    private long[] _firstBatch = []; // per range: the index of its first batch, for batches of _capacity
    private int[] _unread = [];      // per range: batches not yet read (the file closes at 0)
    private int _capacity;
    private long _next;
    private bool _disposed;

    /// <summary>One range's open file and its reader by batch index (entries from the range's first entry on).</summary>
    private sealed record Open(IDisposable File, Func<long, TBatch, bool> Read);

    /// <summary>Creates the source.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="ranges">The ranges to read, in order (for example <see cref="Dataset.Shard"/>).</param>
    /// <param name="schema">The batch type's columns (a generated batch's <c>Schema</c>).</param>
    /// <exception cref="ArgumentException">A range lies outside its file, or a range's file is an Arrow IPC file.</exception>
    public IndexedDatasetSource(Dataset dataset, IReadOnlyList<DatasetRange> ranges, IReadOnlyList<ColumnInfo> schema)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _ranges = ranges ?? throw new ArgumentNullException(nameof(ranges));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Exposures = DatasetSource<TBatch>.ExposuresOf(dataset, ranges);
        foreach (var r in ranges)
            if (dataset.Files[r.File].IsArrow)
                throw new ArgumentException($"{dataset.Files[r.File].Path}: an Arrow IPC file cannot be read by batch index; read this dataset with DatasetSource.", nameof(ranges));
        _open = new Open?[ranges.Count];
    }

    /// <summary>True when every range's file can be read by batch index (no Arrow IPC file among them).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="ranges">The ranges to read.</param>
    public static bool CanRead(Dataset dataset, IReadOnlyList<DatasetRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ranges);
        foreach (var r in ranges)
            if ((uint)r.File < (uint)dataset.Files.Count && dataset.Files[r.File].IsArrow) return false;
        return true;
    }

    /// <summary>The exposures of the files whose first entry lies in these ranges (POT or s).</summary>
    public IReadOnlyList<Exposure> Exposures { get; }

    /// <summary>The next batch in order (a sequential reader's view of the same batches).</summary>
    /// <param name="batch">The batch to overwrite.</param>
    public bool ReadNext(TBatch batch)
    {
        bool got = ReadBatch(_next, batch);
        if (got) _next++;
        return got;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The batch's capacity differs from that of earlier batches.</exception>
    /// <exception cref="DataFormatException">A file is missing, corrupt or does not hold the schema's columns.</exception>
    public bool ReadBatch(long index, TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int r = Locate(index, batch.Capacity);
        if (r < 0)
        {
            batch.Length = 0;
            return false;
        }
        var range = _ranges[r];
        long local = index - _firstBatch[r];
        var open = Acquire(r);
        if (!open.Read(local, batch))
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Batch {local} of range [{range.FirstEntry}, {range.StopEntry}) is past the end of the file."), _dataset.Files[range.File].Path);
        // A NuMM file's source reads to the file's end; the range may stop inside the batch.
        long start = range.FirstEntry + local * batch.Capacity;
        if (batch.Length > range.StopEntry - start) batch.Length = (int)(range.StopEntry - start);
        if (Interlocked.Decrement(ref _unread[r]) == 0) Close(r);
        return true;
    }

    /// <summary>The range that holds batch <paramref name="index"/> for batches of <paramref name="capacity"/>, or −1 past
    /// the last; plans the batches on the first call.</summary>
    private int Locate(long index, int capacity)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_capacity == 0)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
                _capacity = capacity;
                _firstBatch = new long[_ranges.Count + 1];
                _unread = new int[_ranges.Count];
                for (int i = 0; i < _ranges.Count; i++)
                {
                    long n = (_ranges[i].StopEntry - _ranges[i].FirstEntry + capacity - 1) / capacity;
                    _unread[i] = (int)Math.Min(n, int.MaxValue);
                    _firstBatch[i + 1] = _firstBatch[i] + n;
                }
            }
            else if (capacity != _capacity)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"This source reads batches of {_capacity} events; a batch of capacity {capacity} would number them differently."), "batch");
        }
        if (index >= _firstBatch[^1]) return -1;
        int r = Array.BinarySearch(_firstBatch, index);
        if (r < 0) r = ~r - 1;
        while (r + 1 < _ranges.Count && _firstBatch[r + 1] == index) r++; // skip empty ranges
        return r;
    }

    private Open Acquire(int r)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_open[r] is { } open) return open;
            var range = _ranges[r];
            var f = _dataset.Files[range.File];
            IDisposable? file = null;
            try
            {
                if (f.IsRoot)
                {
                    var root = RootFile.Open(f.Path);
                    file = root;
                    var source = root.GetTree(f.Tree!).OpenBatches<TBatch>(_schema, 1, range.FirstEntry, range.StopEntry);
                    open = new Open(root, source.ReadBatch);
                }
                else
                {
                    var numm = ColumnarFileReader.Open(f.Path);
                    file = numm;
                    var source = numm.OpenSource(_schema);
                    source.Seek(range.FirstEntry);
                    open = new Open(numm, (k, b) => source.ReadBatch(k, b));
                }
            }
            catch
            {
                file?.Dispose();
                throw;
            }
            _open[r] = open;
            return open;
        }
    }

    private void Close(int r)
    {
        lock (_gate)
        {
            _open[r]?.File.Dispose();
            _open[r] = null;
        }
    }

    /// <summary>Closes every open file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            for (int r = 0; r < _open.Length; r++)
            {
                _open[r]?.File.Dispose();
                _open[r] = null;
            }
        }
    }
}
