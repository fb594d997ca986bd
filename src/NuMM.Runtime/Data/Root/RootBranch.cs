using System;
using System.Collections.Generic;
using System.Text;

namespace NuMM.Runtime.Data.Root;

/// <summary>A jagged (counted) array read from a branch: entry i holds <c>Values[Offsets[i]..Offsets[i+1]]</c>.</summary>
/// <typeparam name="T">Element type.</typeparam>
/// <param name="Values">All values, entry after entry.</param>
/// <param name="Offsets">Entries + 1 start indices into <paramref name="Values"/>; the first is 0, the last is Values.Length.</param>
public readonly record struct RootJagged<T>(T[] Values, long[] Offsets)
{
    /// <summary>Number of entries.</summary>
    public int Entries => Offsets.Length - 1;

    /// <summary>The values of entry <paramref name="entry"/>.</summary>
    /// <param name="entry">Entry index in [0, <see cref="Entries"/>).</param>
    public ReadOnlySpan<T> this[int entry] => Values.AsSpan((int)Offsets[entry], (int)(Offsets[entry + 1] - Offsets[entry]));
}

/// <summary>A branch of a flat TTree: its leaf type, shape and entry count, and methods that read it whole.
/// Reads decompress the branch's baskets in parallel; results do not depend on thread timing.</summary>
public sealed class RootBranch
{
    private readonly BranchModel _model;
    private readonly LeafModel? _leaf;
    private BasketInfo[]? _baskets;

    internal RootBranch(RootTree tree, BranchModel model, string? countBranch) : this(tree, model, countBranch, null) { }

    /// <summary>A branch, or (when <paramref name="member"/> is set) one leaf of a leaf-list branch seen as its own
    /// branch "branch.leaf": every entry of the shared baskets holds the leaves one after the other, so this leaf's values
    /// sit at a fixed byte offset in each entry.</summary>
    internal RootBranch(RootTree tree, BranchModel model, string? countBranch, LeafListMember? member)
    {
        Tree = tree;
        _model = model;
        _member = member;
        Name = member is null ? model.Name : model.Name + "." + member.Leaf.Name;
        Title = member is null ? model.Title : member.Leaf.Title;
        ClassName = model.ClassName;
        Entries = model.Entries;
        CountBranch = countBranch;
        _leaf = member?.Leaf ?? (model.Leaves.Count == 1 ? model.Leaves[0] : null);
        LeafClassName = _leaf?.ClassName ?? (model.Leaves.Count == 0 ? "" : string.Join(",", model.Leaves.ConvertAll(l => l.ClassName)));
        LeafType = _leaf is null ? RootLeafType.Unsupported : LeafTypeOf(_leaf);
        Dimensions = _leaf is null ? [] : ParseDimensions(_leaf.Title, _leaf.Name);
        if (LeafType == RootLeafType.String) Kind = RootArrayKind.String;
        else if (_leaf?.LeafCount is not null) Kind = RootArrayKind.Counted;
        else if (_leaf is not null && (_leaf.Len > 1 || Dimensions.Count > 0)) Kind = RootArrayKind.Fixed;
        else Kind = RootArrayKind.Scalar;
        FixedLength = Kind is RootArrayKind.Fixed or RootArrayKind.Counted ? Math.Max(1, _leaf!.Len) : 1;
        UnsupportedReason = FindUnsupportedReason();
    }

    /// <summary>Where one leaf of a leaf-list branch sits in each entry.</summary>
    /// <param name="Leaf">The leaf.</param>
    /// <param name="ByteOffset">Bytes before this leaf's values in each entry.</param>
    /// <param name="EntryBytes">Bytes of one entry (all leaves).</param>
    internal sealed record LeafListMember(LeafModel Leaf, int ByteOffset, int EntryBytes);

    private readonly LeafListMember? _member;

    /// <summary>True for a leaf-list branch itself ("x/D:y/I:z/B", several leaves in one branch); its leaves are listed
    /// after it as the branches "name.leaf".</summary>
    public bool IsLeafList => _member is null && _model.Leaves.Count > 1;

    /// <summary>For a split-object branch (TBranchElement, TBranchObject), the streamed class; else null.</summary>
    public string? ObjectClassName => _model.ObjectClassName;

    /// <summary>For one leaf of a leaf-list branch ("branch.leaf"), the name of that leaf-list branch; else null.</summary>
    public string? LeafListBranch => _member is null ? null : _model.Name;

    /// <summary>The tree.</summary>
    public RootTree Tree { get; }

    /// <summary>The branch name.</summary>
    public string Name { get; }

    /// <summary>The branch title (for simple branches the leaf list, for example "Muon_Px[NMuon]/F").</summary>
    public string Title { get; }

    /// <summary>The ROOT class of the branch ("TBranch" for flat branches, "TBranchElement" for split objects).</summary>
    public string ClassName { get; }

    /// <summary>The ROOT class of the leaf ("TLeafF", "TLeafI", ...), or a comma-separated list when there are several.</summary>
    public string LeafClassName { get; }

    /// <summary>The stored element type.</summary>
    public RootLeafType LeafType { get; }

    /// <summary>The column type holding the values without conversion, or null (strings, unsupported leaves).</summary>
    public ColumnType? NaturalColumnType => LeafDecoder.NaturalColumnType(LeafType);

    /// <summary>Scalar, fixed-size array, counted array or string.</summary>
    public RootArrayKind Kind { get; }

    /// <summary>Values per entry for <see cref="RootArrayKind.Fixed"/> (the product of the dimensions), values per counted
    /// item for <see cref="RootArrayKind.Counted"/> (1 for <c>x[n]</c>, 3 for <c>x[n][3]</c>), else 1.</summary>
    public int FixedLength { get; }

    /// <summary>The fixed dimensions declared in the leaf title (for <c>x[2][5]/F</c>: 2, 5; the counted first dimension of
    /// <c>x[n][3]</c> is left out).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>For counted arrays, the name of the branch holding each entry's count; else null.</summary>
    public string? CountBranch { get; }

    /// <summary>The number of entries the branch declares (equals the tree's in a well-formed file).</summary>
    public long Entries { get; }

    /// <summary>The number of baskets (on disk and embedded in the tree object).</summary>
    public int BasketCount => _model.WriteBasket + _model.EmbeddedBaskets.Count;

    /// <summary>Why this branch cannot be read, or null when it can.</summary>
    public string? UnsupportedReason { get; }

    /// <summary>True when the reader can decode this branch.</summary>
    public bool IsReadable => UnsupportedReason is null;

    /// <summary>A one-line description: name, type, shape and entries.</summary>
    public string Describe()
    {
        var sb = new StringBuilder(Name).Append(" : ");
        sb.Append(LeafType == RootLeafType.Unsupported ? LeafClassName.Length > 0 ? LeafClassName : ClassName : LeafType.ToString());
        switch (Kind)
        {
            case RootArrayKind.Fixed: sb.Append('[').Append(string.Join("][", Dimensions.Count > 0 ? Dimensions : [FixedLength])).Append(']'); break;
            case RootArrayKind.Counted:
                sb.Append('[').Append(CountBranch).Append(']');
                foreach (var d in Dimensions) sb.Append('[').Append(d).Append(']');
                break;
        }
        sb.Append(", ").Append(Entries).Append(" entries");
        if (UnsupportedReason is not null) sb.Append(" (not readable: ").Append(UnsupportedReason).Append(')');
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    internal BranchModel Model => _model;

    private static RootLeafType LeafTypeOf(LeafModel leaf)
    {
        var t = (leaf.ClassName, leaf.IsUnsigned) switch
        {
            ("TLeafO", _) => RootLeafType.Boolean,
            ("TLeafB", false) => RootLeafType.Int8,
            ("TLeafB", true) => RootLeafType.UInt8,
            ("TLeafS", false) => RootLeafType.Int16,
            ("TLeafS", true) => RootLeafType.UInt16,
            ("TLeafI", false) => RootLeafType.Int32,
            ("TLeafI", true) => RootLeafType.UInt32,
            ("TLeafL" or "TLeafG", false) => RootLeafType.Int64,
            ("TLeafL" or "TLeafG", true) => RootLeafType.UInt64,
            ("TLeafF", _) => RootLeafType.Float32,
            ("TLeafD", _) => RootLeafType.Float64,
            ("TLeafC", _) => RootLeafType.String,
            _ => RootLeafType.Unsupported,
        };
        // A leaf whose element size disagrees with its class is not one this reader understands.
        if (t != RootLeafType.Unsupported && t != RootLeafType.String && leaf.LenType != LeafDecoder.SizeOf(t)) return RootLeafType.Unsupported;
        return t;
    }

    private static List<int> ParseDimensions(string title, string name)
    {
        var dims = new List<int>();
        int i = title.IndexOf('[');
        int slash = title.LastIndexOf('/');
        int stop = slash >= 0 ? slash : title.Length;
        while (i >= 0 && i < stop)
        {
            int j = title.IndexOf(']', i);
            if (j < 0 || j > stop) break;
            if (int.TryParse(title.AsSpan(i + 1, j - i - 1), out int d)) dims.Add(d);
            i = title.IndexOf('[', j);
        }
        _ = name;
        return dims;
    }

    private string? FindUnsupportedReason()
    {
        if (_model.ObjectClassName is not null)
            return $"split-object branch ({_model.ObjectClassName}); NuMM reads flat TTrees (one numeric leaf per branch)";
        if (_model.Leaves.Count == 0) return "the branch has no leaves";
        if (_model.Leaves.Count > 1 && _member is null)
            return LeafListProblem(_model) is string why
                ? $"leaf-list branch ({Title}) whose leaves cannot be split into columns: {why}"
                : $"leaf-list branch ({Title}); read its leaves as the branches {string.Join(", ", _model.Leaves.ConvertAll(l => "'" + _model.Name + "." + l.Name + "'"))}";
        if (_model.FileName.Length > 0) return $"its baskets are stored in another file ('{_model.FileName}')";
        if (LeafType == RootLeafType.Unsupported)
            return _leaf!.ClassName is "TLeafF16" or "TLeafD32"
                ? $"{_leaf.ClassName} (packed Float16_t/Double32_t) is not decoded"
                : $"leaf class {_leaf.ClassName} with {_leaf.LenType}-byte elements is not a flat numeric leaf";
        if (Kind == RootArrayKind.String && _leaf!.LeafCount is not null) return "arrays of strings are not supported";
        return null;
    }

    /// <summary>Why the leaves of a leaf-list branch cannot be read as separate columns, or null when they can: every leaf
    /// must be a numeric scalar or fixed-size array, so each entry has the same size.</summary>
    internal static string? LeafListProblem(BranchModel m)
    {
        if (m.ObjectClassName is not null || m.Leaves.Count < 2) return "not a leaf list";
        foreach (var l in m.Leaves)
        {
            if (l.LeafCount is not null) return $"leaf '{l.Name}' is a counted array, so entries differ in size";
            if (l.ClassName == "TLeafC") return $"leaf '{l.Name}' is a string, so entries differ in size";
            if (LeafTypeOf(l) == RootLeafType.Unsupported) return $"leaf '{l.Name}' has class {l.ClassName} with {l.LenType}-byte elements";
        }
        return null;
    }

    /// <summary>Throws a <see cref="DataFormatException"/> when the branch cannot be read.</summary>
    internal void EnsureReadable()
    {
        if (UnsupportedReason is not null)
            throw new DataFormatException($"Branch cannot be read: {UnsupportedReason}", Tree.File.Path, Path, null, null);
        if (Entries != Tree.Entries)
            throw new DataFormatException($"Branch has {Entries} entries but its tree has {Tree.Entries}; expected equal counts",
                Tree.File.Path, Path, Math.Min(Entries, Tree.Entries), null);
    }

    /// <summary>"tree/branch", for messages.</summary>
    internal string Path => Tree.Name + "/" + Name;

    /// <summary>The basket table: entry ranges checked to be contiguous from 0 to <see cref="Entries"/>.</summary>
    internal BasketInfo[] Baskets => _baskets ??= BuildBaskets();

    private BasketInfo[] BuildBaskets()
    {
        var m = _model;
        var list = new List<BasketInfo>(m.WriteBasket + m.EmbeddedBaskets.Count);
        long embeddedEntries = 0;
        foreach (var eb in m.EmbeddedBaskets) embeddedEntries += eb.NevBuf;
        long next = 0;
        for (int i = 0; i < m.WriteBasket; i++)
        {
            long start = m.BasketEntry[i];
            long stop = i + 1 < m.WriteBasket ? m.BasketEntry[i + 1] : m.Entries - embeddedEntries;
            if (start != next || stop < start || stop > m.Entries)
                throw new DataFormatException($"Basket {i} covers entries [{start}, {stop}); expected it to start at {next} and end by {m.Entries}",
                    Tree.File.Path, Path, next, null);
            if (m.BasketSeek[i] <= 0 || m.BasketBytes[i] <= 0)
                throw new DataFormatException($"Basket {i} has file position {m.BasketSeek[i]} and size {m.BasketBytes[i]}; expected both positive",
                    Tree.File.Path, Path, start, null);
            list.Add(new BasketInfo(start, stop, m.BasketSeek[i], m.BasketBytes[i], -1));
            next = stop;
        }
        for (int e = 0; e < m.EmbeddedBaskets.Count; e++)
        {
            long stop = next + m.EmbeddedBaskets[e].NevBuf;
            list.Add(new BasketInfo(next, stop, 0, 0, e));
            next = stop;
        }
        if (next != m.Entries)
            throw new DataFormatException($"Baskets hold {next} entries; the branch declares {m.Entries}", Tree.File.Path, Path, next, null);
        return list.ToArray();
    }

    private long _storedBytes = -1;

    /// <summary>Bytes of all baskets on disk (or embedded), for the parallelism decision.</summary>
    internal long StoredBytes
    {
        get
        {
            if (_storedBytes < 0)
            {
                long n = 0;
                foreach (var b in Baskets) n += BasketReader.StoredBytes(_model, b);
                _storedBytes = n;
            }
            return _storedBytes;
        }
    }

    /// <summary>Loads basket <paramref name="index"/>; with a <paramref name="pool"/>, into rented buffers (see <see cref="DecodedBasket.Rented"/>).</summary>
    internal DecodedBasket LoadBasket(int index, System.Buffers.ArrayPool<byte>? pool = null)
    {
        var b = BasketReader.Load(Tree.File, _model, Path, Baskets[index], index, pool);
        if (_member is null) return b;
        if (b.Rented is not null) { var copy = LoadMember(b, index); pool!.Return(b.Rented); return copy; }
        return LoadMember(b, index);
    }

    private DecodedBasket LoadMember(DecodedBasket b, int index)
    {
        // One leaf of a leaf list: gather its bytes out of each entry, so it reads like a one-leaf branch.
        var m = _member!;
        long expected = (long)b.Entries * m.EntryBytes;
        if (b.Offsets is not null || b.Border != expected)
            throw new DataFormatException($"Basket {index} holds {b.Border} data bytes; {b.Entries} entries of the {m.EntryBytes}-byte leaf list need {expected}",
                Tree.File.Path, Path, Baskets[index].EntryStart, Baskets[index].Seek == 0 ? null : Baskets[index].Seek);
        int size = FixedLength * LeafDecoder.SizeOf(LeafType);
        var data = new byte[b.Entries * size];
        var payload = b.Payload;
        for (int e = 0; e < b.Entries; e++) payload.Slice(e * m.EntryBytes + m.ByteOffset, size).CopyTo(data.AsSpan(e * size));
        return new DecodedBasket { Data = data, Start = 0, Border = data.Length, Entries = b.Entries };
    }

    /// <summary>Checks that a basket of a fixed-size branch holds exactly entries × values-per-entry elements.</summary>
    internal void CheckFixedBasket(DecodedBasket b, int index)
    {
        long expected = (long)b.Entries * FixedLength * LeafDecoder.SizeOf(LeafType);
        if (b.Border != expected)
            throw new DataFormatException($"Basket {index} holds {b.Border} data bytes; {b.Entries} entries of {FixedLength} × {LeafDecoder.SizeOf(LeafType)}-byte values need {expected}",
                Tree.File.Path, Path, Baskets[index].EntryStart, Baskets[index].Seek == 0 ? null : Baskets[index].Seek);
    }

    private void CheckTarget<T>(RootArrayKind[] kinds) where T : unmanaged
    {
        EnsureReadable();
        if (Array.IndexOf(kinds, Kind) < 0)
            throw new InvalidOperationException($"Branch '{Name}' is {Kind}; use {(Kind == RootArrayKind.Counted ? "ReadJagged" : Kind == RootArrayKind.String ? "ReadStrings" : "Read")}.");
        var ct = LeafDecoder.ColumnTypeOf<T>();
        if (ct is null || !LeafDecoder.CanConvert(LeafType, ct.Value))
            throw new DataFormatException($"Branch holds {LeafType} values, which do not convert to {typeof(T).Name}", Tree.File.Path, Path, null, null);
    }

    /// <summary>Reads a scalar branch (one value per entry) or a fixed-array branch (entries × <see cref="FixedLength"/>
    /// values, entry-major), converting to <typeparamref name="T"/> when allowed (see <see cref="RootTree.CanConvert"/>).</summary>
    /// <typeparam name="T">bool, an integer type, float or double.</typeparam>
    /// <param name="maxDegreeOfParallelism">Threads used for decompression; −1 for all cores.</param>
    /// <exception cref="DataFormatException">The branch is corrupt, unreadable or its type does not convert.</exception>
    public T[] Read<T>(int maxDegreeOfParallelism = -1) where T : unmanaged
    {
        CheckTarget<T>([RootArrayKind.Scalar, RootArrayKind.Fixed]);
        var baskets = Baskets;
        int per = FixedLength;
        if (Entries * per > Array.MaxLength)
            throw new DataFormatException($"Branch holds {Entries} × {per} values, more than one array can hold", Tree.File.Path, Path, null, null);
        // Decompress first, so the entry counts are confirmed by real basket contents before the output is allocated.
        var decoded = new DecodedBasket[baskets.Length];
        BasketReader.ForEach(baskets.Length, maxDegreeOfParallelism, StoredBytes, Tree.File.MinParallelBytes, i =>
        {
            var b = LoadBasket(i);
            CheckFixedBasket(b, i);
            decoded[i] = b;
        });
        var result = new T[Entries * per];
        BasketReader.ForEach(baskets.Length, maxDegreeOfParallelism, StoredBytes, Tree.File.MinParallelBytes, i =>
            LeafDecoder.Decode(decoded[i].Payload, LeafType, result.AsSpan((int)(baskets[i].EntryStart * per), decoded[i].Entries * per)));
        return result;
    }

    /// <summary>Reads a counted (jagged) array branch; entry boundaries come from each basket's entry-offset table.</summary>
    /// <typeparam name="T">bool, an integer type, float or double.</typeparam>
    /// <param name="maxDegreeOfParallelism">Threads used for decompression; −1 for all cores.</param>
    /// <exception cref="DataFormatException">The branch is corrupt, unreadable or its type does not convert.</exception>
    public RootJagged<T> ReadJagged<T>(int maxDegreeOfParallelism = -1) where T : unmanaged
    {
        CheckTarget<T>([RootArrayKind.Counted, RootArrayKind.Fixed, RootArrayKind.Scalar]);
        var baskets = Baskets;
        var parts = new (T[] Values, int[] Counts)[baskets.Length];
        int elem = LeafDecoder.SizeOf(LeafType);
        BasketReader.ForEach(baskets.Length, maxDegreeOfParallelism, StoredBytes, Tree.File.MinParallelBytes, i =>
        {
            var b = LoadBasket(i);
            var counts = new int[b.Entries];
            if (b.Offsets is null && Kind == RootArrayKind.Counted)
            {
                if (b.Border > 0)
                    throw new DataFormatException($"Basket {i} of a counted array has no entry-offset table", Tree.File.Path, Path, baskets[i].EntryStart, null);
            }
            else if (b.Offsets is null)
            {
                CheckFixedBasket(b, i);
                Array.Fill(counts, FixedLength);
            }
            else
            {
                for (int e = 0; e < b.Entries; e++)
                {
                    int bytes = b.Offsets[e + 1] - b.Offsets[e];
                    if (bytes % (elem * FixedLength) != 0)
                        throw new DataFormatException($"Entry holds {bytes} bytes, not a whole number of {elem * FixedLength}-byte items",
                            Tree.File.Path, Path, baskets[i].EntryStart + e, null);
                    counts[e] = bytes / elem;
                }
            }
            int total = b.Offsets is null ? b.Entries * FixedLength : b.Offsets[b.Entries] / elem;
            var values = new T[total];
            LeafDecoder.Decode(b.Payload, LeafType, values.AsSpan());
            parts[i] = (values, counts);
        });
        long n = 0;
        foreach (var p in parts) n += p.Values.Length;
        var all = new T[n];
        var offsets = new long[Entries + 1];
        long pos = 0;
        int entry = 0;
        foreach (var p in parts)
        {
            p.Values.CopyTo(all, pos);
            foreach (var c in p.Counts) { offsets[entry + 1] = offsets[entry] + c; entry++; }
            pos += p.Values.Length;
        }
        return new RootJagged<T>(all, offsets);
    }

    /// <summary>Decompresses every basket of the branch and checks it as a whole-branch read would (sizes, entry-offset
    /// tables, string entries), discarding the values. Returns the number of baskets checked.</summary>
    /// <param name="maxDegreeOfParallelism">Threads used for decompression; −1 for all cores.</param>
    /// <exception cref="DataFormatException">The branch is unreadable or a basket is corrupt.</exception>
    public int Verify(int maxDegreeOfParallelism = -1)
    {
        EnsureReadable();
        switch (Kind)
        {
            case RootArrayKind.String: ReadStrings(maxDegreeOfParallelism); break;
            case RootArrayKind.Counted: VerifyAs(maxDegreeOfParallelism, jagged: true); break;
            default: VerifyAs(maxDegreeOfParallelism, jagged: false); break;
        }
        return Baskets.Length;
    }

    private void VerifyAs(int dop, bool jagged)
    {
        switch (NaturalColumnType)
        {
            case ColumnType.Boolean: if (jagged) ReadJagged<bool>(dop); else Read<bool>(dop); break;
            case ColumnType.SByte: if (jagged) ReadJagged<sbyte>(dop); else Read<sbyte>(dop); break;
            case ColumnType.Byte: if (jagged) ReadJagged<byte>(dop); else Read<byte>(dop); break;
            case ColumnType.Int16: if (jagged) ReadJagged<short>(dop); else Read<short>(dop); break;
            case ColumnType.UInt16: if (jagged) ReadJagged<ushort>(dop); else Read<ushort>(dop); break;
            case ColumnType.Int32: if (jagged) ReadJagged<int>(dop); else Read<int>(dop); break;
            case ColumnType.UInt32: if (jagged) ReadJagged<uint>(dop); else Read<uint>(dop); break;
            case ColumnType.Int64: if (jagged) ReadJagged<long>(dop); else Read<long>(dop); break;
            case ColumnType.UInt64: if (jagged) ReadJagged<ulong>(dop); else Read<ulong>(dop); break;
            case ColumnType.Single: if (jagged) ReadJagged<float>(dop); else Read<float>(dop); break;
            case ColumnType.Double: if (jagged) ReadJagged<double>(dop); else Read<double>(dop); break;
            default: throw new DataFormatException($"Branch holds {LeafType} values, which NuMM does not decode", Tree.File.Path, Path, null, null);
        }
    }

    /// <summary>Reads a string branch (TLeafC): one string per entry, decoded as Latin-1 (ROOT stores bytes).</summary>
    /// <param name="maxDegreeOfParallelism">Threads used for decompression; −1 for all cores.</param>
    /// <exception cref="DataFormatException">The branch is corrupt or not a string branch.</exception>
    public string[] ReadStrings(int maxDegreeOfParallelism = -1)
    {
        EnsureReadable();
        if (Kind != RootArrayKind.String) throw new InvalidOperationException($"Branch '{Name}' is {Kind}, not String.");
        var baskets = Baskets;
        var decoded = new DecodedBasket[baskets.Length];
        BasketReader.ForEach(baskets.Length, maxDegreeOfParallelism, StoredBytes, Tree.File.MinParallelBytes, i =>
        {
            var b = LoadBasket(i);
            if (b.Offsets is null && b.Entries > 0)
                throw new DataFormatException($"Basket {i} of a string branch has no entry-offset table", Tree.File.Path, Path, baskets[i].EntryStart, null);
            decoded[i] = b;
        });
        var result = new string[Entries];
        BasketReader.ForEach(baskets.Length, maxDegreeOfParallelism, StoredBytes, Tree.File.MinParallelBytes, i =>
        {
            var b = decoded[i];
            for (int e = 0; e < b.Entries; e++)
            {
                var s = new RootBuffer(b.Data, b.Start + b.Offsets![e], b.Start + b.Offsets[e + 1], Tree.File.Path, Path, -1, 0);
                try { result[baskets[i].EntryStart + e] = s.TString(); }
                catch (DataFormatException ex)
                {
                    throw new DataFormatException($"String entry is malformed: {ex.Message}", Tree.File.Path, Path, baskets[i].EntryStart + e, null, ex);
                }
            }
        });
        return result;
    }
}
