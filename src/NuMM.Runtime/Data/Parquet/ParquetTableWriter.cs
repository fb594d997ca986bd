using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parquet;
using Parquet.Schema;
using NuMM.Runtime.Data.Interchange;

namespace NuMM.Runtime.Data.Parquet;

/// <summary>Writes columns as an Apache Parquet file through Parquet.Net: required (non-null) fields, an array column
/// (N values per entry) as a list of N required elements per entry, one row group per <see cref="RowGroupEntries"/>
/// entries. Units, sources, finite flags, array lengths and the exposure go into the file's key-value metadata
/// ("numm.exposure.*", "numm.unit.&lt;column&gt;", "numm.length.&lt;column&gt;", …). A jagged list column (offsets + values)
/// is a list field with a varying number of elements per entry, an empty entry an empty list, as pyarrow writes
/// <c>list&lt;T&gt;</c>. The file appears under its name only when complete.</summary>
public static class ParquetTableWriter
{
    /// <summary>Entries per row group.</summary>
    public const int RowGroupEntries = 1 << 20;

    /// <summary>Writes <paramref name="columns"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The output file (replaced).</param>
    /// <param name="columns">Columns with one value, a fixed number of values or (list columns) a varying number of values
    /// per entry, all with the same number of entries.</param>
    /// <param name="exposure">The exposure to record.</param>
    /// <param name="metadata">Further key-value metadata (for example provenance); may be null.</param>
    /// <exception cref="ArgumentException">Differing entry counts or duplicate names.</exception>
    public static void Write(string path, IReadOnlyList<TableColumn> columns, Exposure exposure,
        IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        long entries = Arrow.ArrowIpcWriter.Check(columns);
        // An array column is a list field; its values are written through the list's element field.
        // Elements are declared optional, as pyarrow writes them, though NuMM never writes a null.
        var items = columns.Select(c => new DataField(c.Info.IsArray || c.IsList ? "element" : c.Info.Name, ParquetTypes.ClrType(c.Info.Type), c.Info.IsArray || c.IsList)).ToArray();
        var fields = columns.Select((c, k) => c.Info.IsArray || c.IsList ? (Field)new ListField(c.Info.Name, items[k]) : items[k]).ToArray();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in InterchangeMetadata.OfExposure(exposure)) meta[kv.Key] = kv.Value;
        foreach (var c in columns)
        {
            foreach (var kv in InterchangeMetadata.OfColumn(c.Info)) meta[kv.Key + "." + c.Info.Name] = kv.Value;
            if (c.Info.IsArray) meta[ParquetFile.LengthKey + "." + c.Info.Name] = c.Info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (var kv in metadata ?? []) meta[kv.Key] = kv.Value;
        string tmp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            {
                var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
                try
                {
                    writer.CustomMetadata = meta;
                    for (long start = 0; start < entries || start == 0; start += RowGroupEntries)
                    {
                        int n = (int)Math.Min(RowGroupEntries, entries - start);
                        using var rg = writer.CreateRowGroup();
                        for (int k = 0; k < columns.Count; k++)
                            (columns[k].IsList
                                ? ParquetTypes.WriteJagged(rg, items[k], columns[k].Info.Type, columns[k].Values, columns[k].Offsets!, (int)start, n)
                                : columns[k].Info.IsArray
                                ? ParquetTypes.WriteList(rg, items[k], columns[k].Info.Type, columns[k].Values, (int)start, n, columns[k].Info.Length)
                                : ParquetTypes.Write(rg, items[k], columns[k].Info.Type, columns[k].Values, (int)start, n)).GetAwaiter().GetResult();
                        if (entries == 0) break;
                    }
                }
                finally
                {
                    writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { }
            throw;
        }
    }
}
