using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Root;

namespace NuMM.Cli.Inputs;

/// <summary>One TTree of a ROOT file seen as columns: every readable scalar branch, with its natural type, and every
/// readable fixed-size array branch (<c>w[100]/F</c>) as an array column of its values per entry. Single elements of
/// fixed-size array branches are reachable as "branch[k]" through a mapping or --columns.</summary>
public sealed class RootTreeInput : IColumnFile
{
    private readonly RootFile _file;
    private readonly RootTree _tree;
    private readonly ColumnInfo[] _columns;

    /// <summary>Opens tree <paramref name="treePath"/> of <paramref name="path"/>, or the only tree when null.</summary>
    /// <param name="path">The ROOT file.</param>
    /// <param name="treePath">The tree's path in the file; null when the file holds exactly one tree.</param>
    /// <exception cref="DataFormatException">The file is corrupt, has no such tree, or needs --tree to choose.</exception>
    public RootTreeInput(string path, string? treePath)
    {
        _file = RootFile.Open(path);
        try
        {
            var trees = _file.TreePaths();
            if (treePath is null)
            {
                if (trees.Count != 1)
                    throw new DataFormatException(trees.Count == 0
                        ? "The file holds no TTree."
                        : $"The file holds {trees.Count} trees ({string.Join(", ", trees)}); choose one with --tree.", path);
                treePath = trees[0];
            }
            try
            {
                _tree = _file.GetTree(treePath);
            }
            catch (KeyNotFoundException)
            {
                throw new DataFormatException($"No tree '{treePath}'; the file holds: {(trees.Count == 0 ? "no trees" : string.Join(", ", trees))}.", path, treePath);
            }
            TreePath = treePath;
            _columns = _tree.Branches
                .Where(b => IsColumn(b))
                .Select(b => new ColumnInfo(b.Name, b.NaturalColumnType!.Value, "", b.Name, false, b.FixedLength))
                .ToArray();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The tree read.</summary>
    public RootTree Tree => _tree;

    /// <summary>The tree's path in the file.</summary>
    public string TreePath { get; }

    /// <inheritdoc/>
    public string Path => _file.Path;

    /// <inheritdoc/>
    public IReadOnlyList<ColumnInfo> Columns => _columns;

    /// <inheritdoc/>
    public long EntryCount => _tree.Entries;

    /// <summary>ROOT trees carry no NuMM exposure; give it with --pot or --livetime.</summary>
    public Exposure Exposure => Exposure.None;

    /// <summary>The column a source name refers to: a scalar branch, a whole fixed-size array branch (an array column),
    /// or "branch[k]" of a fixed-size array branch.</summary>
    /// <param name="source">A branch name, optionally with an element index.</param>
    public ColumnInfo? Resolve(string source)
    {
        int lb = source.IndexOf('[');
        var branch = _tree.FindBranch(lb > 0 ? source[..lb] : source);
        if (branch?.NaturalColumnType is not ColumnType type || !branch.IsReadable) return null;
        if (lb > 0) return branch.Kind == RootArrayKind.Fixed ? new ColumnInfo(source, type, "", source, false) : null;
        return IsColumn(branch) ? new ColumnInfo(source, type, "", source, false, branch.FixedLength) : null;
    }

    /// <summary>Why the branch named by <paramref name="source"/> ("branch" or "branch[k]") cannot fill a column, in the
    /// reader's words; null when no such branch exists.</summary>
    /// <param name="source">A branch name, optionally with an element index.</param>
    public string? WhyNot(string source)
    {
        int lb = source.IndexOf('[');
        var branch = _tree.FindBranch(lb > 0 ? source[..lb] : source);
        if (branch is null) return null;
        var probe = new ColumnInfo(source, branch.NaturalColumnType ?? ColumnType.Double, "", source, false);
        var problems = _tree.CheckColumns([probe]);
        return problems.Count > 0 ? problems[0] : null;
    }

    /// <summary>Every branch that is not one of <see cref="Columns"/>, with the reason it is left out.</summary>
    /// <param name="listsConverted">True when jagged and fixed-array branches are converted as list columns (Arrow output).</param>
    public IEnumerable<(string Branch, string Reason)> SkippedBranches(bool listsConverted = false)
    {
        var kept = new HashSet<string>(_columns.Select(c => c.Source), StringComparer.Ordinal);
        foreach (var b in _tree.Branches)
        {
            if (kept.Contains(b.Name)) continue;
            if (listsConverted && b.IsReadable && b.NaturalColumnType is not null && b.Kind is RootArrayKind.Counted or RootArrayKind.Fixed) continue;
            string reason = b switch
            {
                { IsLeafList: true, IsReadable: false } when _tree.Branches.Any(m => m.LeafListBranch == b.Name) =>
                    $"leaf list ({b.Title}); its leaves are converted as the columns {string.Join(", ", _tree.Branches.Where(m => m.LeafListBranch == b.Name).Select(m => m.Name))}",
                { IsReadable: false } => b.UnsupportedReason!,
                { Kind: RootArrayKind.Counted } => $"jagged array (per-entry length from '{b.CountBranch}'); a NuMM array column holds the same number of values in every entry (an .arrow or .parquet output keeps it as a list column)",
                { Kind: RootArrayKind.Fixed } => $"fixed array of {b.FixedLength} values per entry, more than an array column holds ({ColumnInfo.MaxLength}); convert single elements with --columns or a mapping as '{b.Name}[k]'",
                { Kind: RootArrayKind.String } => "string branch; NuMM columns are numeric",
                _ => $"the branch has {b.Entries} entries, the tree {_tree.Entries}",
            };
            yield return (b.Name, reason);
        }
    }

    private static bool IsColumn(RootBranch b) => b.IsReadable && b.NaturalColumnType is not null
        && (b.Kind == RootArrayKind.Scalar || (b.Kind == RootArrayKind.Fixed && b.FixedLength <= ColumnInfo.MaxLength));

    /// <inheritdoc/>
    public IBatchSource<IColumnBatch> OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None)
    {
        // The ROOT reader maps ColumnInfo.Source to branches itself and lists every problem in one exception.
        var mapped = schema.Select(c => mapping?.Find(c.Name) is { } e ? c with { Source = e.Source } : c).ToArray();
        return _tree.OpenBatches<IColumnBatch>(mapped, maxDegreeOfParallelism: -1);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
