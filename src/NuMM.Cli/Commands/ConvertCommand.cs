using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NuMM.Cli.Inputs;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Arrow;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Parquet;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Data.Root.Writing;

namespace NuMM.Cli.Commands;

/// <summary>What `numm convert` was asked to do.</summary>
/// <param name="Input">The input file (ROOT, NuMM, .npz/.npy or CSV).</param>
/// <param name="Output">The file to write (replaced atomically): an Apache Arrow IPC file when it ends in .arrow or
/// .feather, Parquet for .parquet, a ROOT file (tree "events") for .root, else a NuMM columnar file.</param>
/// <param name="Tree">For ROOT input, the tree; null for the only one.</param>
/// <param name="Columns">Output columns to keep (null: all, or all mapped ones when a mapping is given).</param>
/// <param name="MappingFile">A mapping file "column = source [unit] : type", or null.</param>
/// <param name="Exposure">The exposure to record; null keeps the input's.</param>
/// <param name="Created">A creation time to record in the provenance, as given (none when null).</param>
/// <param name="RowGroupEntries">Entries per row group of the output.</param>
public sealed record ConvertRequest(string Input, string Output, string? Tree, IReadOnlyList<string>? Columns, string? MappingFile,
    Exposure? Exposure, string? Created, int RowGroupEntries)
{
    /// <summary>True for no progress output (no bar on a terminal, no plain lines on standard error).</summary>
    public bool Quiet { get; init; }
}

/// <summary>`numm convert`: reads the chosen columns of an input file batch by batch and writes them to a NuMM
/// columnar file or an Apache Arrow IPC file, keeping the stored types unless a mapping line asks for another type.
/// Arrow output also takes list columns: jagged and fixed-array ROOT branches and Arrow list fields; Parquet output takes
/// jagged ROOT branches as list columns.</summary>
public static class ConvertCommand
{
    /// <summary>True when <paramref name="output"/> names an Arrow IPC file (.arrow, .feather), which holds list columns.</summary>
    /// <param name="output">The output path.</param>
    public static bool IsArrowOutput(string output) =>
        Path.GetExtension(output).ToLowerInvariant() is ".arrow" or ".feather";

    /// <summary>True when <paramref name="output"/> names a Parquet file (.parquet): scalar columns, array columns as lists of a fixed length, jagged ROOT branches as lists of varying length.</summary>
    /// <param name="output">The output path.</param>
    public static bool IsParquetOutput(string output) => Path.GetExtension(output).ToLowerInvariant() == ".parquet";

    /// <summary>True when <paramref name="output"/> names a ROOT file (.root): one TTree of flat scalar and fixed-array
    /// branches, ZLIB-compressed as ROOT does by default.</summary>
    /// <param name="output">The output path.</param>
    public static bool IsRootOutput(string output) => Path.GetExtension(output).ToLowerInvariant() == ".root";

    /// <summary>Runs the conversion and returns the number of entries written.</summary>
    /// <param name="request">What to convert.</param>
    /// <param name="output">Where the one-line summary goes.</param>
    public static long Run(ConvertRequest request, TextWriter output)
    {
        var mapping = request.MappingFile is null ? null : SchemaMapping.Load(request.MappingFile);
        using var input = InputFiles.Open(request.Input, request.Tree);
        bool arrow = IsArrowOutput(request.Output), parquet = IsParquetOutput(request.Output);
        // ROOT jagged branches become list columns in Arrow and Parquet; Parquet keeps ROOT w[N] as fixed-length array columns.
        bool rootLists = parquet && input is RootTreeInput;
        var (schema, lists) = Plan(input, request, mapping, arrow || rootLists, fixedAsArrays: parquet);
        // Converting a whole input: say what is left out and why, so nothing disappears silently.
        if (request.Columns is null && (mapping is null || mapping.Entries.Count == 0))
        {
            if (input is RootTreeInput tree)
                foreach (var (branch, reason) in tree.SkippedBranches(listsConverted: arrow || parquet))
                    output.WriteLine($"skipped branch '{branch}': {reason}");
            if (arrow && input is not RootTreeInput)
                foreach (var c in input.Columns.Where(c => c.IsArray))
                    output.WriteLine($"skipped column '{c.Name}': fixed-length array column; writing array columns from this input to Arrow is not supported");
            if (input is ArrowIpcFile af)
            {
                foreach (var f in af.SkippedFields) output.WriteLine($"skipped field {f}: not a numeric or boolean column");
                if (!arrow) foreach (var l in af.ListColumns) output.WriteLine($"skipped list column '{l.Name}': {(parquet ? "list columns of an Arrow input are converted to .arrow outputs only" : "NuMM columns hold no jagged values")}");
            }
            if (input is ParquetFile pf)
            {
                foreach (var f in pf.SkippedFields) output.WriteLine($"skipped field {f}: not a flat numeric or boolean column");
            }
        }

        var provenance = new List<KeyValuePair<string, string>>
        {
            new("producer", "numm convert " + typeof(ConvertCommand).Assembly.GetName().Version?.ToString(3)),
            new("input", Path.GetFileName(request.Input)),
        };
        if (input is RootTreeInput root) provenance.Add(new("input.tree", root.TreePath));
        if (request.MappingFile is not null) provenance.Add(new("mapping", Path.GetFileName(request.MappingFile)));
        if (request.Created is not null) provenance.Add(new("created", request.Created));
        if (input is ColumnarFileReader numm)
            foreach (var p in numm.Provenance) provenance.Add(new("input." + p.Key, p.Value));

        var exposure = request.Exposure ?? input.Exposure;
        var conversion = schema.Any(c => mapping?.Find(c.Name)?.Type is not null) ? ColumnConversion.Any : ColumnConversion.None;
        if (arrow || parquet)
        {
            var table = ReadTable(input, schema, lists, conversion, request.RowGroupEntries, request.Quiet);
            if (arrow) ArrowIpcWriter.Write(request.Output, table, exposure, provenance);
            else ParquetTableWriter.Write(request.Output, table, exposure, provenance);
            long n = table.Count == 0 ? 0 : table[0].Entries;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {request.Output}: {n} entries, {table.Count} columns ({lists.Length} list), exposure {exposure}"));
            return n;
        }
        if (IsRootOutput(request.Output)) return WriteRoot(request, input, schema, conversion, exposure, output);
        using var writer = new ColumnarFileWriter(request.Output, schema, new ColumnarWriteOptions
        {
            Exposure = exposure,
            Provenance = provenance,
            RowGroupEntries = request.RowGroupEntries,
        });
        CopyBatches(request, input, schema, conversion, writer.Write);
        writer.Commit();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {request.Output}: {writer.EntriesWritten} entries, {schema.Length} columns, exposure {exposure}"));
        return writer.EntriesWritten;
    }

    /// <summary>Reads every entry of <paramref name="input"/> as the output columns, in batches of the row-group size,
    /// and hands each batch to <paramref name="write"/> (the NuMM and the ROOT writer alike).</summary>
    private static void CopyBatches(ConvertRequest request, IColumnFile input, ColumnInfo[] schema, ColumnConversion conversion, Action<DynamicColumnBatch> write)
    {
        var source = input.OpenSource(schema, null, conversion);
        try
        {
            var batch = new DynamicColumnBatch(schema, request.RowGroupEntries);
            BatchReading.ReadAll($"convert {Path.GetFileName(request.Input)}", input.EntryCount, source, batch, write, request.Quiet);
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>Writes the columns as the tree "events" of a ROOT file, each branch named after its output column. ROOT
    /// files have no place for NuMM's exposure and provenance, so the summary says they were left out.</summary>
    private static long WriteRoot(ConvertRequest request, IColumnFile input, ColumnInfo[] schema, ColumnConversion conversion, Exposure? exposure, TextWriter output)
    {
        using var writer = RootTreeWriter.Create(request.Output, "events", schema.Select(c => c with { Source = "" }).ToArray(),
            new RootWriteOptions { EntriesPerBasket = request.RowGroupEntries });
        CopyBatches(request, input, schema, conversion, writer.Write);
        writer.Close();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {request.Output}: tree 'events', {writer.Entries} entries, {schema.Length} branches (ZLIB); exposure {exposure} and provenance not stored (ROOT trees have no place for them)"));
        return writer.Entries;
    }

    /// <summary>A batch column's filled values, each entry's values together: a copy of an event-major (or scalar) column,
    /// a transpose of an element-major one (value k of its entries together, at k × capacity).</summary>
    private static byte[] EntryMajor(IColumnBatch batch, int c)
    {
        var info = batch.Columns[c];
        int size = ColumnTypes.Size(info.Type), rows = batch.Length;
        var result = new byte[rows * info.Length * size];
        ArrayRuns.GetEntries(ColumnTypes.Bytes(batch, c, info.Type), info, batch.Capacity, size, 0, result);
        return result;
    }

    /// <summary>A list (jagged) output column and the branch or field that fills it.</summary>
    /// <param name="Name">The output column.</param>
    /// <param name="Source">The ROOT branch or Arrow list field.</param>
    internal sealed record ListPlan(string Name, string Source);

    /// <summary>The whole input in memory as output columns: the scalar ones batch by batch, the list ones whole.</summary>
    private static List<TableColumn> ReadTable(IColumnFile input, ColumnInfo[] schema, ListPlan[] lists, ColumnConversion conversion, int batchEntries, bool quiet)
    {
        var table = new List<TableColumn>();
        if (schema.Length > 0)
        {
            var parts = schema.Select(_ => new List<byte[]>()).ToArray();
            // Arrow and Parquet store each entry's values together, so array columns are read event-major: a ROOT w[N]
            // branch or a NumPy (entries, N) array then lands as it is stored and leaves the batch as one copy.
            var entryMajor = schema.Select(c => c.IsArray ? c with { Layout = ArrayLayout.EventMajor } : c).ToArray();
            var source = input.OpenSource(entryMajor, null, conversion);
            long total;
            try
            {
                var batch = new DynamicColumnBatch(entryMajor, batchEntries);
                total = BatchReading.ReadAll($"read {Path.GetFileName(input.Path)}", input.EntryCount, source, batch, b =>
                {
                    for (int c = 0; c < schema.Length; c++) parts[c].Add(EntryMajor(b, c));
                }, quiet);
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
            for (int c = 0; c < schema.Length; c++)
            {
                var values = ColumnArrays.New(schema[c].Type, total * schema[c].Length);
                var dst = ColumnArrays.Bytes(values);
                int pos = 0;
                foreach (var p in parts[c]) { p.CopyTo(dst[pos..]); pos += p.Length; }
                table.Add(new TableColumn(schema[c], values));
            }
        }
        foreach (var l in lists)
        {
            var col = input switch
            {
                RootTreeInput root => RootList(root.Tree.GetBranch(l.Source)),
                ArrowIpcFile af => af.ReadColumn(l.Source),
                _ => throw new InvalidOperationException($"List column '{l.Name}' from an input that has none"),
            };
            table.Add(col with { Info = col.Info with { Name = l.Name, Source = l.Source } });
        }
        return table;
    }

    /// <summary>A jagged or fixed-array branch, whole, as a list column in its natural element type.</summary>
    private static TableColumn RootList(RootBranch b)
    {
        var type = b.NaturalColumnType!.Value;
        var info = new ColumnInfo(b.Name, type, "", b.Name, false);
        return type switch
        {
            ColumnType.Boolean => Jagged(info, b.ReadJagged<bool>()),
            ColumnType.SByte => Jagged(info, b.ReadJagged<sbyte>()),
            ColumnType.Byte => Jagged(info, b.ReadJagged<byte>()),
            ColumnType.Int16 => Jagged(info, b.ReadJagged<short>()),
            ColumnType.UInt16 => Jagged(info, b.ReadJagged<ushort>()),
            ColumnType.Int32 => Jagged(info, b.ReadJagged<int>()),
            ColumnType.UInt32 => Jagged(info, b.ReadJagged<uint>()),
            ColumnType.Int64 => Jagged(info, b.ReadJagged<long>()),
            ColumnType.UInt64 => Jagged(info, b.ReadJagged<ulong>()),
            ColumnType.Single => Jagged(info, b.ReadJagged<float>()),
            _ => Jagged(info, b.ReadJagged<double>()),
        };
    }

    private static TableColumn Jagged<T>(ColumnInfo info, RootJagged<T> j) where T : unmanaged => new(info, j.Values, j.Offsets);

    /// <summary>The output columns: names from --columns, the mapping or the input; each bound to its source with
    /// the source's type (or the mapping's) and unit (or the mapping's). Every unknown name is reported at once.
    /// When <paramref name="lists"/> is true (Arrow output; Parquet output from ROOT), jagged and fixed-array ROOT branches
    /// and Arrow list fields become list columns; with <paramref name="fixedAsArrays"/> (Parquet) a ROOT fixed array that
    /// fits an array column stays one.</summary>
    internal static (ColumnInfo[] Scalars, ListPlan[] Lists) Plan(IColumnFile input, ConvertRequest request, SchemaMapping? mapping, bool lists = false,
        bool fixedAsArrays = false)
    {
        var root = input as RootTreeInput;
        var arrowIn = input as ArrowIpcFile;
        IEnumerable<string> names = request.Columns
            ?? (mapping is not null && mapping.Entries.Count > 0 ? mapping.Entries.Select(e => e.Column)
                : lists && root is not null ? root.Tree.Branches.Where(b => input.Columns.Any(c => c.Name == b.Name) || IsListBranch(b)).Select(b => b.Name)
                : lists && arrowIn is not null ? arrowIn.Schema.FieldsList.Select(f => f.Name).Where(n => input.Columns.Any(c => c.Name == n) || arrowIn.ListColumns.Any(c => c.Name == n))
                : lists ? input.Columns.Where(c => !c.IsArray).Select(c => c.Name)
                : input.Columns.Select(c => c.Name));
        var byName = input.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        var result = new List<ColumnInfo>();
        var listPlans = new List<ListPlan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name)) { problems.Add($"column '{name}' is requested twice"); continue; }
            var entry = mapping?.Find(name);
            string sourceName = entry?.Source ?? name;
            ColumnInfo? stored = byName.GetValueOrDefault(sourceName) ?? root?.Resolve(sourceName);
            if (lists && stored is { IsArray: true } && root is null)
            {
                problems.Add($"'{name}' is a fixed-length array column ({stored.Length} values per entry); writing array columns from this input to Arrow is not supported");
                continue;
            }
            if ((stored is null || stored.IsArray && !fixedAsArrays) && lists && (root?.Tree.FindBranch(sourceName) is { } lb && IsListBranch(lb) || arrowIn?.ListColumns.Any(c => c.Name == sourceName) == true))
            {
                if (entry?.Type is not null) { problems.Add($"'{name}' is a list column; a mapping cannot change its type"); continue; }
                listPlans.Add(new ListPlan(name, sourceName));
                continue;
            }
            if (stored is null)
            {
                string? why = (input as RootTreeInput)?.WhyNot(sourceName);
                problems.Add((entry, why) switch
                {
                    (null, null) => $"'{name}' is not a column of the input",
                    (null, _) => $"'{name}' cannot be converted: {why}",
                    (_, null) => $"'{name}' maps to '{sourceName}' (mapping line {entry.Line}), which is not a column of the input",
                    _ => $"'{name}' maps to '{sourceName}' (mapping line {entry.Line}), which cannot be converted: {why}",
                });
                continue;
            }
            // The output remembers which input column or branch filled it.
            result.Add(new ColumnInfo(name, entry?.Type ?? stored.Type, entry?.Unit ?? stored.Unit, sourceName, stored.RequireFinite, stored.Length));
        }
        if (result.Count == 0 && listPlans.Count == 0 && problems.Count == 0) problems.Add("no columns to convert");
        if (problems.Count > 0)
        {
            string available = string.Join(", ", input.Columns.Select(c => $"{c.Name} ({ColumnTypes.Describe(c)})"));
            throw new DataFormatException($"Cannot convert ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}): {string.Join("; ", problems)}. Available: {available}.",
                request.Input, null);
        }
        return ([.. result], [.. listPlans]);
    }

    private static bool IsListBranch(RootBranch b) =>
        b.IsReadable && b.NaturalColumnType is not null && b.Kind is RootArrayKind.Counted or RootArrayKind.Fixed;
}
