using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NuMM.Runtime.Data.Root;

/// <summary>A flat TTree: its entry count and branches, and the entry points that read chosen branches straight into
/// the columns of an <see cref="IColumnBatch"/>.</summary>
public sealed class RootTree
{
    private readonly RootBranch[] _branches;
    private readonly Dictionary<string, RootBranch> _byName = new(StringComparer.Ordinal);

    private RootTree(RootFile file, RootKey key, TreeModel model)
    {
        File = file;
        Key = key;
        Name = model.Name.Length > 0 ? model.Name : key.Name;
        Title = model.Title;
        Entries = model.Entries;
        ClassVersion = model.Version;

        var flat = new List<BranchModel>();
        void Walk(BranchModel b, int depth)
        {
            if (depth > 64) throw new DataFormatException("Branches nest deeper than 64 levels", file.Path, key.Path, null, key.SeekKey);
            flat.Add(b);
            foreach (var s in b.Branches) Walk(s, depth + 1);
        }
        foreach (var b in model.Branches) Walk(b, 0);
        var leafOwner = new Dictionary<LeafModel, BranchModel>(ReferenceEqualityComparer.Instance);
        foreach (var b in flat) foreach (var l in b.Leaves) leafOwner.TryAdd(l, b);

        var branches = new List<RootBranch>(flat.Count);
        foreach (var b in flat)
        {
            string? count = null;
            var lc = b.Leaves.Count == 1 ? b.Leaves[0].LeafCount : null;
            if (lc is not null) count = leafOwner.TryGetValue(lc, out var owner) ? owner.Name : lc.Name;
            var rb = new RootBranch(this, b, count);
            branches.Add(rb);
            _byName.TryAdd(b.Name, rb);
            // A leaf list "x/D:y/I:z/B" is one branch; each leaf follows it as the branch "name.leaf".
            if (b.Leaves.Count > 1 && RootBranch.LeafListProblem(b) is null)
            {
                int entryBytes = 0;
                foreach (var l in b.Leaves) entryBytes += Math.Max(1, l.Len) * l.LenType;
                int offset = 0;
                foreach (var l in b.Leaves)
                {
                    var member = new RootBranch(this, b, null, new RootBranch.LeafListMember(l, offset, entryBytes));
                    offset += Math.Max(1, l.Len) * l.LenType;
                    branches.Add(member);
                    _byName.TryAdd(member.Name, member);
                }
            }
        }
        _branches = branches.ToArray();
    }

    internal static RootTree Read(RootFile file, RootKey key)
    {
        var bytes = file.ReadObject(key);
        long fileOffset = key.ObjectLength == key.TotalBytes - key.KeyLength ? key.SeekKey + key.KeyLength : -1;
        var buffer = new RootBuffer(bytes, 0, bytes.Length, file.Path, key.Path, fileOffset, key.KeyLength);
        var model = new RootStreamers(buffer).Tree(key.ClassName);
        return new RootTree(file, key, model);
    }

    /// <summary>The file.</summary>
    public RootFile File { get; }

    /// <summary>The key the tree was read from.</summary>
    public RootKey Key { get; }

    /// <summary>The tree name.</summary>
    public string Name { get; }

    /// <summary>The tree title.</summary>
    public string Title { get; }

    /// <summary>The number of entries (events).</summary>
    public long Entries { get; }

    /// <summary>The streamed TTree class version (16–20).</summary>
    public int ClassVersion { get; }

    /// <summary>Every branch, sub-branches included, in the file's order.</summary>
    public IReadOnlyList<RootBranch> Branches => _branches;

    /// <summary>The branch named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A branch name (ordinal comparison).</param>
    public RootBranch? FindBranch(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The branch named <paramref name="name"/>.</summary>
    /// <param name="name">A branch name (ordinal comparison).</param>
    /// <exception cref="DataFormatException">The tree has no such branch.</exception>
    public RootBranch GetBranch(string name) => FindBranch(name)
        ?? throw new DataFormatException($"No branch '{name}' in the tree; expected one of: {string.Join(", ", _branches.Select(b => b.Name))}", File.Path, Name, null, null);

    /// <summary>True when a leaf of type <paramref name="from"/> may fill a column of type <paramref name="to"/>: the same type,
    /// lossless integer widening, any integer or float to float/double (double → float is the schema's explicit choice);
    /// never an integer narrowing, a sign change, bool ↔ number, or a string.</summary>
    /// <param name="from">The stored leaf type.</param>
    /// <param name="to">The schema's column type.</param>
    public static bool CanConvert(RootLeafType from, ColumnType to) => LeafDecoder.CanConvert(from, to);

    /// <summary>Checks a schema against the tree: each column's source (<see cref="ColumnInfo.Source"/>, or its name when empty)
    /// must name a readable scalar branch, or an element "branch[k]" of a fixed-size array branch, whose type converts to
    /// the column type. An array column (<see cref="ColumnInfo.Length"/> N &gt; 1) names a fixed-size array branch of N values
    /// per entry (<c>w[N]/F</c>), or a counted branch whose every entry holds N values (checked as the entries are read).
    /// Returns every problem found (empty when the schema fits).</summary>
    /// <param name="columns">The schema's columns.</param>
    public IReadOnlyList<string> CheckColumns(IReadOnlyList<ColumnInfo> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var problems = new List<string>();
        Plan(columns, problems);
        return problems;
    }

    internal ColumnPlan[] Plan(IReadOnlyList<ColumnInfo> columns, List<string>? problems)
    {
        var plans = new List<ColumnPlan>(columns.Count);
        var errors = problems ?? new List<string>();
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            string source = string.IsNullOrEmpty(c.Source) ? c.Name : c.Source;
            int element = -1;
            string branchName = source;
            int lb = source.IndexOf('[');
            if (lb > 0 && source.EndsWith(']'))
            {
                if (!int.TryParse(source.AsSpan(lb + 1, source.Length - lb - 2), NumberStyles.None, CultureInfo.InvariantCulture, out element))
                {
                    errors.Add($"column '{c.Name}': source '{source}' has a non-numeric index; expected 'branch' or 'branch[k]'");
                    continue;
                }
                branchName = source[..lb];
            }
            var br = FindBranch(branchName);
            if (br is null) { errors.Add($"column '{c.Name}': no branch '{branchName}'"); continue; }
            string where = $"column '{c.Name}' ← branch '{br.Name}' ({br.Describe()})";
            if (!br.IsReadable) { errors.Add($"{where}: {br.UnsupportedReason}"); continue; }
            if (br.Entries != Entries) { errors.Add($"{where}: the branch has {br.Entries} entries, the tree {Entries}"); continue; }
            if (br.Kind == RootArrayKind.String) { errors.Add($"{where}: a string branch cannot fill a {c.Type} column"); continue; }
            bool array = c.Length > 1;
            if (array && element >= 0)
            {
                errors.Add($"{where}: the column holds {c.Length} values per event but '{source}' names one element; map it to the whole branch '{br.Name}'");
                continue;
            }
            if (array && br.Kind == RootArrayKind.Scalar)
            {
                errors.Add($"{where}: a scalar branch (one value per entry) cannot fill an array column of {c.Length} values per event");
                continue;
            }
            if (array && br.Kind == RootArrayKind.Fixed && br.FixedLength != c.Length)
            {
                errors.Add($"{where}: the branch holds {br.FixedLength} values per entry, the column {c.Length}");
                continue;
            }
            if (br.Kind == RootArrayKind.Counted && !array)
            {
                errors.Add($"{where}: a counted array (per-entry length from '{br.CountBranch}') cannot fill one value per event; declare an array column "
                    + "[Column(Length = N)] when every entry holds N values, or read it with RootBranch.ReadJagged");
                continue;
            }
            if (br.Kind == RootArrayKind.Fixed && element < 0 && br.FixedLength != c.Length)
            {
                errors.Add($"{where}: a fixed array of {br.FixedLength} values per entry; map the column to one element, '{br.Name}[k]' with 0 ≤ k < {br.FixedLength}, "
                    + $"or declare it an array column of {br.FixedLength} values");
                continue;
            }
            if (element >= 0 && (br.Kind != RootArrayKind.Fixed || element >= br.FixedLength))
            {
                errors.Add($"{where}: index [{element}] is outside the {br.FixedLength} value(s) per entry");
                continue;
            }
            if (!LeafDecoder.CanConvert(br.LeafType, c.Type))
            {
                errors.Add($"{where}: leaf type {br.LeafType} does not convert to column type {c.Type} (allowed: same type, lossless integer widening, number → float/double)");
                continue;
            }
            plans.Add(new ColumnPlan(i, c, br, element));
        }
        if (problems is null && errors.Count > 0)
            throw new DataFormatException($"The schema does not fit tree '{Name}' ({errors.Count} problem(s)):\n  - {string.Join("\n  - ", errors)}\n", File.Path, Name, null, null);
        return plans.ToArray();
    }

    /// <summary>Opens a source of batches over entries [<paramref name="firstEntry"/>, <paramref name="stopEntry"/>) filling the
    /// given columns (mapped to branches through <see cref="ColumnInfo.Source"/>). The mapping is checked now: every missing or
    /// mismatched branch is listed in one <see cref="DataFormatException"/>.</summary>
    /// <typeparam name="TBatch">The batch type; its columns must equal <paramref name="columns"/>.</typeparam>
    /// <param name="columns">The schema's columns, in the batch's order.</param>
    /// <param name="maxDegreeOfParallelism">Threads used for decompression; −1 for all cores, 1 for none.</param>
    /// <param name="firstEntry">First entry to read.</param>
    /// <param name="stopEntry">One past the last entry to read; −1 for the end of the tree.</param>
    /// <exception cref="DataFormatException">The schema does not fit the tree.</exception>
    public RootBatchSource<TBatch> OpenBatches<TBatch>(IReadOnlyList<ColumnInfo> columns, int maxDegreeOfParallelism = -1,
        long firstEntry = 0, long stopEntry = -1) where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (stopEntry < 0) stopEntry = Entries;
        if (firstEntry < 0 || firstEntry > stopEntry || stopEntry > Entries)
            throw new ArgumentOutOfRangeException(nameof(firstEntry), $"Entry range [{firstEntry}, {stopEntry}) must lie within [0, {Entries}].");
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 (all cores) or a positive count.");
        return new RootBatchSource<TBatch>(this, columns.ToArray(), Plan(columns, null), maxDegreeOfParallelism, firstEntry, stopEntry);
    }

    /// <summary>Opens a source of batches filling the columns of <paramref name="template"/> (for example a generated batch type).</summary>
    /// <typeparam name="TBatch">The batch type.</typeparam>
    /// <param name="template">A batch whose <see cref="IColumnBatch.Columns"/> give the schema.</param>
    /// <param name="maxDegreeOfParallelism">Threads used for decompression; −1 for all cores, 1 for none.</param>
    /// <exception cref="DataFormatException">The schema does not fit the tree.</exception>
    public RootBatchSource<TBatch> OpenBatches<TBatch>(TBatch template, int maxDegreeOfParallelism = -1) where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(template);
        return OpenBatches<TBatch>(template.Columns.ToArray(), maxDegreeOfParallelism);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Entries} entries, {_branches.Length} branches)";
}

/// <summary>One schema column bound to a branch: to one element of a fixed array (<see cref="Element"/> ≥ 0), or to the
/// whole branch (−1; for an array column, all <see cref="ColumnInfo.Length"/> values of each entry).</summary>
internal sealed record ColumnPlan(int ColumnIndex, ColumnInfo Column, RootBranch Branch, int Element);
