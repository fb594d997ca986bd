using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NuMM.Runtime.Data.Mapping;

/// <summary>How one schema column is filled: from which column of the file, and whether a conversion runs.</summary>
/// <param name="SchemaIndex">The column's index in the schema (and the batch).</param>
/// <param name="Target">The schema column.</param>
/// <param name="SourceIndex">The index of the file column that fills it.</param>
/// <param name="Source">The file column.</param>
public readonly record struct ColumnBinding(int SchemaIndex, ColumnInfo Target, int SourceIndex, ColumnInfo Source)
{
    /// <summary>True when the stored type differs from the schema type, so values are converted on read.</summary>
    public bool Converts => Source.Type != Target.Type;

    /// <summary>True when NaN or ±∞ is an error for this column (declared by the schema or by the file).</summary>
    public bool RequireFinite => Target.RequireFinite || Source.RequireFinite;
}

/// <summary>Matches a schema against the columns a file offers, checking names, types, lengths and units at open time
/// and reporting every problem in one <see cref="DataFormatException"/>. An array column's
/// <see cref="ColumnInfo.Layout"/> is not compared: it describes the batch, not the file, and a file's array column fills
/// either layout (the reader lays the values out as the batch's column asks).</summary>
public static class SchemaBinder
{
    /// <summary>Binds each schema column to a file column. A column with a mapping entry is looked up by the
    /// mapped name only. Otherwise the file column is, in order: the one named <see cref="ColumnInfo.Source"/>;
    /// the only one whose own <see cref="ColumnInfo.Source"/> is that name (a NuMM file converted from the
    /// branch); the one named <see cref="ColumnInfo.Name"/>.</summary>
    /// <param name="schema">The columns the caller wants, in batch order.</param>
    /// <param name="available">The columns the file holds (<see cref="ColumnInfo.Name"/> is the name in the file).</param>
    /// <param name="file">The file's path, for the message.</param>
    /// <param name="mapping">Schema column → file name overrides; null for none.</param>
    /// <param name="conversion">Which type differences are allowed.</param>
    /// <exception cref="DataFormatException">Something is missing or mismatched; the message lists every problem.</exception>
    public static ColumnBinding[] Bind(IReadOnlyList<ColumnInfo> schema, IReadOnlyList<ColumnInfo> available, string file,
        SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(available);
        mapping ??= SchemaMapping.Identity;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < available.Count; i++) index.TryAdd(available[i].Name, i);
        var problems = new List<string>();
        var problemColumns = new List<string>();
        var result = new ColumnBinding[schema.Count];
        for (int k = 0; k < schema.Count; k++)
        {
            var target = schema[k];
            string source = mapping.SourceOf(target);
            string label = source == target.Name ? $"column '{target.Name}'" : $"column '{target.Name}' (source '{source}')";
            var entry = mapping.Find(target.Name);
            if (!index.TryGetValue(source, out int s) && (entry is not null || !TryFallback(target, source, available, index, out s)))
            {
                var near = available.Select(a => a.Name).FirstOrDefault(n => string.Equals(n, source, StringComparison.OrdinalIgnoreCase));
                problems.Add(near is null ? $"{label}: not in the file" : $"{label}: not in the file; did you mean '{near}'?");
                problemColumns.Add(target.Name);
                continue;
            }
            var stored = available[s];
            if (stored.Length != target.Length)
            {
                problems.Add($"{label}: {Shape(stored.Length)} in the file, the schema expects {Shape(target.Length)}");
                problemColumns.Add(target.Name);
                continue;
            }
            if (stored.Type != target.Type)
            {
                bool ok = conversion switch
                {
                    ColumnConversion.Any => true,
                    ColumnConversion.Lossless => ColumnTypes.IsLossless(stored.Type, target.Type),
                    _ => false,
                };
                if (!ok)
                {
                    string hint = conversion == ColumnConversion.None
                        ? "no conversion was requested"
                        : "the conversion can lose values and only lossless conversions were requested";
                    problems.Add($"{label}: stored as {ColumnTypes.Name(stored.Type)}, the schema expects {ColumnTypes.Name(target.Type)} ({hint})");
                    problemColumns.Add(target.Name);
                    continue;
                }
            }
            string? expectedUnit = entry?.Unit ?? (target.Unit.Length > 0 ? target.Unit : null);
            if (expectedUnit is not null && stored.Unit.Length > 0 && !string.Equals(stored.Unit, expectedUnit, StringComparison.Ordinal))
            {
                problems.Add($"{label}: stored in '{stored.Unit}', the schema expects '{expectedUnit}'");
                problemColumns.Add(target.Name);
                continue;
            }
            result[k] = new ColumnBinding(k, target, s, stored);
        }
        if (problems.Count == 0) return result;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"The file does not provide what the schema needs ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var p in problems) sb.Append("\n  - ").Append(p);
        sb.Append("\n  available: ").Append(available.Count == 0 ? "(no columns)" : string.Join(", ", available.Select(a => $"{a.Name} ({ColumnTypes.Describe(a)})")));
        if (mapping.Path is not null) sb.Append("\n  mapping file: ").Append(mapping.Path);
        throw new DataFormatException(sb.ToString(), file, string.Join(", ", problemColumns));
    }

    private static string Shape(int length) => length == 1 ? "one value per event" : $"an array of {length} values per event";

    private static bool TryFallback(ColumnInfo target, string source, IReadOnlyList<ColumnInfo> available, Dictionary<string, int> index, out int found)
    {
        found = -1;
        for (int i = 0; i < available.Count; i++)
        {
            if (!string.Equals(available[i].Source, source, StringComparison.Ordinal)) continue;
            if (found >= 0) { found = -1; break; } // ambiguous: do not guess
            found = i;
        }
        if (found >= 0) return true;
        return index.TryGetValue(target.Name, out found);
    }
}
