using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace NuMM.Runtime.Data.Mapping;

/// <summary>One line of a mapping: schema (or output) column <see cref="Column"/> is filled from the file's
/// column or branch <see cref="Source"/>, optionally with a declared unit and a requested type.</summary>
/// <param name="Column">The schema or output column name.</param>
/// <param name="Source">The name of the column or branch in the input file.</param>
/// <param name="Unit">The declared physical unit, or null when the line gives none.</param>
/// <param name="Type">The requested element type (an explicit conversion), or null to keep the stored type.</param>
/// <param name="Line">The 1-based line of the mapping file that declared it (0 when built in code).</param>
public sealed record MappingEntry(string Column, string Source, string? Unit, ColumnType? Type, int Line);

/// <summary>Maps schema columns to the names they have in an input file. Written as a text file with one
/// <c>column = source</c> per line (optionally <c>column = source [unit] : type</c>; <c>#</c> starts a comment),
/// or as a JSON object <c>{"column": "source", ...}</c> whose values may also be objects
/// <c>{"source": "...", "unit": "...", "type": "..."}</c>. Columns without an entry use
/// <see cref="ColumnInfo.Source"/>.</summary>
public sealed class SchemaMapping
{
    private readonly Dictionary<string, MappingEntry> _byColumn;

    /// <summary>Creates a mapping from entries; column names must be unique.</summary>
    /// <param name="entries">The entries, in order.</param>
    /// <param name="path">The file the entries came from, for messages; null when built in code.</param>
    public SchemaMapping(IEnumerable<MappingEntry> entries, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Path = path;
        var list = new List<MappingEntry>();
        _byColumn = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (string.IsNullOrWhiteSpace(e.Column) || string.IsNullOrWhiteSpace(e.Source))
                throw new DataFormatException("A mapping entry needs a column name and a source name.", path, e.Column, byteOffset: null);
            if (!_byColumn.TryAdd(e.Column, e))
                throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{e.Column}' is mapped twice (lines {_byColumn[e.Column].Line} and {e.Line})."), path, e.Column);
            list.Add(e);
        }
        Entries = list;
    }

    /// <summary>The mapping with no entries: every column is read from its <see cref="ColumnInfo.Source"/>.</summary>
    public static SchemaMapping Identity { get; } = new([]);

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<MappingEntry> Entries { get; }

    /// <summary>The mapping file's path, or null.</summary>
    public string? Path { get; }

    /// <summary>The entry for schema column <paramref name="column"/>, or null.</summary>
    /// <param name="column">A schema column name.</param>
    public MappingEntry? Find(string column) => _byColumn.GetValueOrDefault(column);

    /// <summary>The name to look up in the file for <paramref name="column"/>: the mapped source, else
    /// <see cref="ColumnInfo.Source"/>, else the column name.</summary>
    /// <param name="column">A schema column.</param>
    public string SourceOf(ColumnInfo column) =>
        Find(column.Name)?.Source ?? (string.IsNullOrEmpty(column.Source) ? column.Name : column.Source);

    /// <summary>Reads a mapping file (JSON when its first non-blank character is '{', text otherwise).</summary>
    /// <param name="path">The mapping file.</param>
    public static SchemaMapping Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"Cannot read the mapping file: {e.Message}", path, inner: e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses mapping text (JSON when its first non-blank character is '{', text otherwise).</summary>
    /// <param name="text">The mapping.</param>
    /// <param name="path">Where it came from, for messages.</param>
    public static SchemaMapping Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('{') ? ParseJson(text, path) : ParseText(text, path);
    }

    private static SchemaMapping ParseText(string text, string? path)
    {
        var entries = new List<MappingEntry>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            int eq = line.IndexOf('=');
            if (eq <= 0) throw LineError(path, lineNo, $"expected 'column = source', found '{line}'");
            string column = line[..eq].Trim();
            string rest = line[(eq + 1)..].Trim();
            ColumnType? type = null;
            int colon = rest.LastIndexOf(':');
            if (colon >= 0)
            {
                string typeText = rest[(colon + 1)..].Trim();
                if (!ColumnTypes.TryParse(typeText, out var t))
                    throw LineError(path, lineNo, $"unknown type '{typeText}' (expected bool, int8 … int64, uint8 … uint64, float32 or float64)");
                type = t;
                rest = rest[..colon].Trim();
            }
            string? unit = null;
            int open = rest.IndexOf('[');
            if (open >= 0)
            {
                int close = rest.IndexOf(']', open);
                if (close < 0 || close != rest.Length - 1) throw LineError(path, lineNo, $"expected the unit as '[unit]' at the end of '{rest}'");
                unit = rest[(open + 1)..close].Trim();
                rest = rest[..open].Trim();
            }
            if (column.Length == 0 || rest.Length == 0 || rest.Contains(' ', StringComparison.Ordinal) || column.Contains(' ', StringComparison.Ordinal))
                throw LineError(path, lineNo, $"expected 'column = source', found '{lines[i].Trim()}'");
            entries.Add(new MappingEntry(column, rest, unit, type, lineNo));
        }
        return new SchemaMapping(entries, path);
    }

    private static SchemaMapping ParseJson(string text, string? path)
    {
        var entries = new List<MappingEntry>();
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new DataFormatException("A JSON mapping must be an object {\"column\": \"source\"}.", path);
            int index = 0;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                index++;
                if (p.Value.ValueKind == JsonValueKind.String)
                {
                    entries.Add(new MappingEntry(p.Name, p.Value.GetString()!, null, null, index));
                    continue;
                }
                if (p.Value.ValueKind != JsonValueKind.Object)
                    throw new DataFormatException($"The value for column '{p.Name}' must be a string or an object with \"source\".", path, p.Name);
                string? source = p.Value.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (source is null) throw new DataFormatException($"Column '{p.Name}' has no \"source\" string.", path, p.Name);
                string? unit = p.Value.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                ColumnType? type = null;
                if (p.Value.TryGetProperty("type", out var t))
                {
                    if (t.ValueKind != JsonValueKind.String || !ColumnTypes.TryParse(t.GetString()!, out var ct))
                        throw new DataFormatException($"Column '{p.Name}' has an unknown \"type\" {t.GetRawText()}.", path, p.Name);
                    type = ct;
                }
                entries.Add(new MappingEntry(p.Name, source, unit, type, index));
            }
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"The mapping is not valid JSON: {e.Message}", path, inner: e);
        }
        return new SchemaMapping(entries, path);
    }

    private static DataFormatException LineError(string? path, int line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Mapping line {line}: {what}."), path);
}
