using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NuMM.Cli.Inputs;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Arrow;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Csv;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Numpy;
using NuMM.Runtime.Data.Parquet;
using NuMM.Runtime.Data.Root;

namespace NuMM.Cli.Commands;

/// <summary>`numm inspect FILE`: lists a file's trees (ROOT) or columns (NuMM, .npz/.npy, CSV) with types,
/// units and entry counts.</summary>
public static class InspectCommand
{
    /// <summary>Writes the listing of <paramref name="path"/> to <paramref name="output"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="output">Where the listing goes.</param>
    /// <param name="verify">Also read all data: for NuMM files every chunk (checksums, finite flags); for ROOT files every
    /// basket of every readable branch, decompressed and checked.</param>
    /// <param name="quiet">True for no progress output while verifying.</param>
    public static void Run(string path, TextWriter output, bool verify = false, bool quiet = false)
    {
        var format = InputFormats.Detect(path);
        switch (format)
        {
            case InputFormat.Columnar:
            {
                using var f = ColumnarFileReader.Open(path);
                output.WriteLine(Invariant($"{path}: NuMM columnar file, version 1.{f.MinorVersion}, {f.EntryCount} entries, {f.Columns.Count} columns, {f.RowGroupCount} row group{(f.RowGroupCount == 1 ? "" : "s")} of up to {f.RowGroupCapacity} entries"));
                output.WriteLine($"exposure: {f.Exposure}");
                if (f.Provenance.Count > 0)
                {
                    output.WriteLine("provenance:");
                    foreach (var p in f.Provenance) output.WriteLine($"  {p.Key} = {p.Value}");
                }
                WriteColumns(output, f.Columns, f.EntryCount, showSource: true);
                if (verify)
                {
                    var all = f.Columns.ToArray();
                    var source = f.OpenSource(all);
                    var batch = new Runtime.Data.Batches.DynamicColumnBatch(all, Math.Max(1, f.RowGroupCapacity));
                    long read = BatchReading.ReadAll($"verify {Path.GetFileName(path)}", f.EntryCount, source, batch, static _ => { }, quiet);
                    output.WriteLine(Invariant($"verified: {read} entries of {all.Length} columns, every chunk checksum matches and every finite column is finite"));
                }
                break;
            }
            case InputFormat.Npz or InputFormat.Npy:
            {
                using var f = NumpyFile.Open(path);
                output.WriteLine(Invariant($"{path}: numpy {(f.IsArchive ? ".npz archive" : ".npy array")}, {f.EntryCount} entries, {f.Columns.Count} arrays"));
                WriteTable(output, ["column", "type", "dtype", "entries"],
                    f.Arrays.Select(a => new[] { a.Name, ColumnTypes.Describe(new ColumnInfo(a.Name, a.Type, "", a.Name, false, a.ValuesPerEntry)), a.Descr, Invariant($"{a.Length}") }));
                break;
            }
            case InputFormat.Arrow:
            {
                using var f = ArrowIpcFile.Open(path);
                output.WriteLine(Invariant($"{path}: Arrow IPC file, {f.EntryCount} entries, {f.Columns.Count} columns, {f.ListColumns.Count} list columns"));
                output.WriteLine($"exposure: {f.Exposure}");
                WriteColumns(output, f.Columns, f.EntryCount, showSource: true);
                if (f.ListColumns.Count > 0)
                {
                    output.WriteLine("list columns:");
                    WriteTable(output, ["column", "element type", "unit", "source"], f.ListColumns.Select(c => new[] { c.Name, ColumnTypes.Name(c.Type), c.Unit, c.Source }));
                }
                foreach (var s in f.SkippedFields) output.WriteLine($"not read: {s}");
                if (verify)
                {
                    long values = 0;
                    foreach (var c in f.Columns.Concat(f.ListColumns)) values += f.ReadColumn(c.Name).Values.Length;
                    output.WriteLine(Invariant($"verified: {values} values of {f.Columns.Count + f.ListColumns.Count} columns read, no nulls"));
                }
                break;
            }
            case InputFormat.Parquet:
            {
                using var f = ParquetFile.Open(path);
                output.WriteLine(Invariant($"{path}: Parquet file, {f.EntryCount} entries, {f.Columns.Count} columns, {f.RowGroupCount} row group{(f.RowGroupCount == 1 ? "" : "s")}"));
                output.WriteLine($"exposure: {f.Exposure}");
                WriteColumns(output, f.Columns, f.EntryCount, showSource: true);
                foreach (var s in f.SkippedFields) output.WriteLine($"not read: {s}");
                if (verify)
                {
                    long values = 0;
                    foreach (var c in f.Columns) values += f.ReadColumn(c.Name).Values.Length;
                    output.WriteLine(Invariant($"verified: {values} values of {f.Columns.Count} columns read, no nulls"));
                }
                break;
            }
            case InputFormat.Csv:
            {
                using var f = CsvFile.Open(path);
                output.WriteLine(Invariant($"{path}: CSV table, {f.EntryCount} rows, {f.Columns.Count} columns (types inferred)"));
                WriteColumns(output, f.Columns, f.EntryCount, showSource: false);
                break;
            }
            case InputFormat.Root:
            {
                using var f = RootFile.Open(path);
                var trees = f.TreePaths();
                output.WriteLine(Invariant($"{path}: ROOT file (version {f.Version / 10000}.{f.Version / 100 % 100:D2}/{f.Version % 100:D2}), {trees.Count} tree{(trees.Count == 1 ? "" : "s")}"));
                foreach (var t in trees)
                {
                    var tree = f.GetTree(t);
                    output.WriteLine();
                    output.WriteLine(Invariant($"tree {t}: {tree.Entries} entries, {tree.Branches.Count} branches"));
                    WriteTable(output, ["branch", "type", "shape", "entries", "note"], tree.Branches.Select(b => new[]
                    {
                        b.Name,
                        b.IsReadable && b.NaturalColumnType is ColumnType ct ? ColumnTypes.Name(ct) : b.LeafType == RootLeafType.String ? "string" : b.LeafClassName,
                        Shape(b),
                        Invariant($"{b.Entries}"),
                        b.UnsupportedReason ?? "",
                    }));
                    if (verify)
                    {
                        int baskets = 0, branches = 0;
                        foreach (var b in tree.Branches.Where(b => b.IsReadable))
                        {
                            baskets += b.Verify();
                            branches++;
                        }
                        output.WriteLine(Invariant($"verified: {baskets} baskets of {branches} readable branches decompressed and checked"));
                    }
                }
                break;
            }
        }
    }

    private static string Shape(RootBranch b) => b switch
    {
        { ObjectClassName: not null } => "object",
        { IsLeafList: true } => "leaf list {" + b.Title + "}",
        _ => KindShape(b),
    };

    private static string KindShape(RootBranch b) => b.Kind switch
    {
        RootArrayKind.Scalar => "scalar",
        RootArrayKind.Fixed => "[" + string.Join("][", b.Dimensions.Count > 0 ? b.Dimensions : [b.FixedLength]) + "]",
        RootArrayKind.Counted => "[" + b.CountBranch + "]" + string.Concat(b.Dimensions.Select(d => Invariant($"[{d}]"))),
        _ => "string",
    };

    private static void WriteColumns(TextWriter output, IReadOnlyList<ColumnInfo> columns, long entries, bool showSource)
    {
        var header = showSource ? new[] { "column", "type", "unit", "source", "finite", "entries" } : ["column", "type", "unit", "entries"];
        WriteTable(output, header, columns.Select(c => showSource
            ? new[] { c.Name, ColumnTypes.Describe(c), c.Unit, c.Source, c.RequireFinite ? "yes" : "", Invariant($"{entries}") }
            : [c.Name, ColumnTypes.Describe(c), c.Unit, Invariant($"{entries}")]));
    }

    private static void WriteTable(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var r in all)
            output.WriteLine(("  " + string.Join("  ", r.Select((s, i) => s.PadRight(widths[i])))).TrimEnd());
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
