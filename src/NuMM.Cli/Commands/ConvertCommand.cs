using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NuMM.Cli.Inputs;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Cli.Commands;

/// <summary>What `numm convert` was asked to do.</summary>
/// <param name="Input">The input file (ROOT, NuMM, .npz/.npy or CSV).</param>
/// <param name="Output">The NuMM file to write (replaced atomically).</param>
/// <param name="Tree">For ROOT input, the tree; null for the only one.</param>
/// <param name="Columns">Output columns to keep (null: all, or all mapped ones when a mapping is given).</param>
/// <param name="MappingFile">A mapping file "column = source [unit] : type", or null.</param>
/// <param name="Exposure">The exposure to record; null keeps the input's.</param>
/// <param name="Created">A creation time to record in the provenance, as given (none when null).</param>
/// <param name="RowGroupEntries">Entries per row group of the output.</param>
public sealed record ConvertRequest(string Input, string Output, string? Tree, IReadOnlyList<string>? Columns, string? MappingFile,
    Exposure? Exposure, string? Created, int RowGroupEntries);

/// <summary>`numm convert`: reads the chosen columns of an input file batch by batch and writes them to a NuMM
/// columnar file, keeping the stored types unless a mapping line asks for another type.</summary>
public static class ConvertCommand
{
    /// <summary>Runs the conversion and returns the number of entries written.</summary>
    /// <param name="request">What to convert.</param>
    /// <param name="output">Where the one-line summary goes.</param>
    public static long Run(ConvertRequest request, TextWriter output)
    {
        var mapping = request.MappingFile is null ? null : SchemaMapping.Load(request.MappingFile);
        using var input = InputFiles.Open(request.Input, request.Tree);
        var schema = Plan(input, request, mapping);
        // Converting a whole tree: say which branches are left out and why, so nothing disappears silently.
        if (input is RootTreeInput tree && request.Columns is null && (mapping is null || mapping.Entries.Count == 0))
            foreach (var (branch, reason) in tree.SkippedBranches())
                output.WriteLine($"skipped branch '{branch}': {reason}");

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
        var source = input.OpenSource(schema, null, conversion);
        try
        {
            using var writer = new ColumnarFileWriter(request.Output, schema, new ColumnarWriteOptions
            {
                Exposure = exposure,
                Provenance = provenance,
                RowGroupEntries = request.RowGroupEntries,
            });
            var batch = new DynamicColumnBatch(schema, request.RowGroupEntries);
            while (source.ReadNext(batch)) writer.Write(batch);
            writer.Commit();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {request.Output}: {writer.EntriesWritten} entries, {schema.Length} columns, exposure {exposure}"));
            return writer.EntriesWritten;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>The output columns: names from --columns, the mapping or the input; each bound to its source with
    /// the source's type (or the mapping's) and unit (or the mapping's). Every unknown name is reported at once.</summary>
    internal static ColumnInfo[] Plan(IColumnFile input, ConvertRequest request, SchemaMapping? mapping)
    {
        IEnumerable<string> names = request.Columns
            ?? (mapping is not null && mapping.Entries.Count > 0 ? mapping.Entries.Select(e => e.Column) : input.Columns.Select(c => c.Name));
        var byName = input.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        var result = new List<ColumnInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name)) { problems.Add($"column '{name}' is requested twice"); continue; }
            var entry = mapping?.Find(name);
            string sourceName = entry?.Source ?? name;
            ColumnInfo? stored = byName.GetValueOrDefault(sourceName) ?? (input as RootTreeInput)?.Resolve(sourceName);
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
        if (result.Count == 0 && problems.Count == 0) problems.Add("no columns to convert");
        if (problems.Count > 0)
        {
            string available = string.Join(", ", input.Columns.Select(c => $"{c.Name} ({ColumnTypes.Describe(c)})"));
            throw new DataFormatException($"Cannot convert ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}): {string.Join("; ", problems)}. Available: {available}.",
                request.Input, null);
        }
        return [.. result];
    }
}
