using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CsvHelper;
using CsvHelper.Configuration;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Csv;

/// <summary>Reads a small comma-separated table into memory as columns. The first row names the columns; a
/// header cell <c>E [GeV]</c> gives column "E" the unit "GeV". Values are parsed in the invariant culture
/// ('.' decimal point; <c>nan</c>, <c>inf</c>, <c>-inf</c> accepted for floats; <c>true</c>/<c>false</c> for
/// booleans). Each column's type is declared by the caller or inferred from all its values: bool if every value
/// is true/false, else int32 or int64 if every value is an integer that fits, else float64. A value that does not
/// parse is an error naming the row, the line and the column.</summary>
public sealed class CsvFile : IColumnFile
{
    private readonly ColumnInfo[] _columns;
    private readonly byte[][] _data;

    private CsvFile(string path, ColumnInfo[] columns, byte[][] data, long rows)
    {
        Path = path;
        _columns = columns;
        _data = data;
        EntryCount = rows;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnInfo> Columns => _columns;

    /// <inheritdoc/>
    public long EntryCount { get; }

    /// <summary>Always <see cref="Exposure.None"/>: a CSV table carries no exposure (give it when converting).</summary>
    public Exposure Exposure => Exposure.None;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file (UTF-8, comma-separated, header row first).</param>
    /// <param name="declaredTypes">Types for some or all columns (by header name); the rest are inferred. Null to infer all.</param>
    /// <exception cref="DataFormatException">The header is missing or repeats a name, a row has the wrong number of
    /// fields, or a value does not parse as its column's type (names row, line and column).</exception>
    public static CsvFile Open(string path, IReadOnlyDictionary<string, ColumnType>? declaredTypes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path, declaredTypes);
    }

    /// <summary>Parses CSV text already in memory (see <see cref="Open"/>).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="path">The name used in messages.</param>
    /// <param name="declaredTypes">Types for some or all columns; the rest are inferred.</param>
    public static CsvFile Parse(TextReader reader, string path, IReadOnlyDictionary<string, ColumnType>? declaredTypes = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        string[] header;
        var rows = new List<string[]>();
        var lines = new List<int>();
        try
        {
            using var parser = new CsvParser(reader, config);
            if (!parser.Read() || parser.Record is null) throw new DataFormatException("The CSV file is empty; expected a header row naming the columns.", path);
            header = parser.Record;
            while (parser.Read())
            {
                var record = parser.Record!;
                if (record.Length != header.Length)
                    throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"Row {rows.Count + 1} (line {parser.RawRow}) has {record.Length} fields; the header has {header.Length}."), path, null, rows.Count);
                rows.Add(record);
                lines.Add(parser.RawRow);
            }
        }
        catch (CsvHelperException e)
        {
            throw new DataFormatException($"The CSV file cannot be parsed: {e.Message.Split('\n')[0]}", path, inner: e);
        }

        var columns = new ColumnInfo[header.Length];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++)
        {
            var (name, unit) = SplitHeader(header[c]);
            if (name.Length == 0) throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"Header field {c + 1} is empty; every column needs a name."), path);
            if (!names.Add(name)) throw new DataFormatException($"The header names column '{name}' twice.", path, name);
            ColumnType type = declaredTypes is not null && declaredTypes.TryGetValue(name, out var declared) ? declared : Infer(rows, c);
            columns[c] = new ColumnInfo(name, type, unit, name, false);
        }
        if (declaredTypes is not null)
        {
            var unknown = declaredTypes.Keys.Where(k => !names.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            if (unknown.Length > 0)
                throw new DataFormatException($"Types were declared for columns the header does not have: {string.Join(", ", unknown)}; header: {string.Join(", ", names)}.", path, string.Join(", ", unknown));
        }
        var data = new byte[columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            var col = columns[c];
            data[c] = new byte[rows.Count * ColumnTypes.Size(col.Type)];
            for (int r = 0; r < rows.Count; r++)
                if (!TryParse(rows[r][c], col.Type, data[c].AsSpan(r * ColumnTypes.Size(col.Type))))
                    throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"Row {r + 1} (line {lines[r]}), column '{col.Name}': cannot read '{rows[r][c]}' as {ColumnTypes.Name(col.Type)}."), path, col.Name, r);
        }
        return new CsvFile(path, columns, data, rows.Count);
    }

    /// <inheritdoc/>
    IBatchSource<IColumnBatch> IColumnFile.OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping, ColumnConversion conversion) =>
        OpenSource(schema, mapping, conversion);

    /// <summary>A source that copies the bound columns into batches.</summary>
    /// <param name="schema">The batch's columns, in order.</param>
    /// <param name="mapping">Schema column → CSV column overrides; null for none.</param>
    /// <param name="conversion">Which type differences may be converted; by default none.</param>
    /// <exception cref="DataFormatException">A column is missing or mismatched, or the schema has array columns (a CSV
    /// cell holds one value).</exception>
    public CsvBatchSource OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var arrays = schema.Where(c => c.Length > 1).ToList();
        if (arrays.Count > 0)
            throw new DataFormatException("A CSV table holds one value per row and column, so it cannot fill the schema's array column"
                + $"{(arrays.Count == 1 ? "" : "s")} {string.Join(", ", arrays.Select(c => $"'{c.Name}' ({c.Length} values per event)"))}; "
                + "store the data as .npz (a 2-D array per column) or in the NuMM format.", Path, string.Join(", ", arrays.Select(c => c.Name)));
        return new(this, schema, SchemaBinder.Bind(schema, _columns, Path, mapping, conversion));
    }

    internal ReadOnlySpan<byte> Data(int column) => _data[column];

    /// <summary>Nothing to release: the table is in memory.</summary>
    public void Dispose() { }

    private static (string Name, string Unit) SplitHeader(string cell)
    {
        cell = cell.Trim();
        int open = cell.LastIndexOf('[');
        if (open > 0 && cell.EndsWith(']')) return (cell[..open].Trim(), cell[(open + 1)..^1].Trim());
        return (cell, "");
    }

    private static ColumnType Infer(List<string[]> rows, int c)
    {
        if (rows.Count == 0) return ColumnType.Double;
        if (rows.All(r => bool.TryParse(r[c], out _))) return ColumnType.Boolean;
        bool allLong = true, allInt = true;
        foreach (var r in rows)
        {
            if (!long.TryParse(r[c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)) { allLong = false; break; }
            if (v is < int.MinValue or > int.MaxValue) allInt = false;
        }
        return allLong ? (allInt ? ColumnType.Int32 : ColumnType.Int64) : ColumnType.Double;
    }

    private static bool TryParse(string s, ColumnType type, Span<byte> dest)
    {
        const NumberStyles Int = NumberStyles.AllowLeadingSign;
        var ci = CultureInfo.InvariantCulture;
        switch (type)
        {
            case ColumnType.Boolean:
                if (!bool.TryParse(s, out bool b)) return false;
                dest[0] = (byte)(b ? 1 : 0);
                return true;
            case ColumnType.SByte: return Store(sbyte.TryParse(s, Int, ci, out var i8), i8, dest);
            case ColumnType.Byte: return Store(byte.TryParse(s, Int, ci, out var u8), u8, dest);
            case ColumnType.Int16: return Store(short.TryParse(s, Int, ci, out var i16), i16, dest);
            case ColumnType.UInt16: return Store(ushort.TryParse(s, Int, ci, out var u16), u16, dest);
            case ColumnType.Int32: return Store(int.TryParse(s, Int, ci, out var i32), i32, dest);
            case ColumnType.UInt32: return Store(uint.TryParse(s, Int, ci, out var u32), u32, dest);
            case ColumnType.Int64: return Store(long.TryParse(s, Int, ci, out var i64), i64, dest);
            case ColumnType.UInt64: return Store(ulong.TryParse(s, Int, ci, out var u64), u64, dest);
            case ColumnType.Single: return Store(TryParseFloat(s, out double f) && (float.IsFinite((float)f) || !double.IsFinite(f)), (float)f, dest);
            case ColumnType.Double: return Store(TryParseFloat(s, out double d), d, dest);
            default: return false;
        }
    }

    private static bool TryParseFloat(string s, out double value)
    {
        switch (s.ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan": value = double.NaN; return true;
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool Store<T>(bool ok, T value, Span<byte> dest) where T : unmanaged
    {
        if (ok) MemoryMarshal.Write(dest, in value);
        return ok;
    }
}
