using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using NuMM.Runtime.Data.Interchange;

namespace NuMM.Runtime.Data.Arrow;

/// <summary>Writes columns as an Apache Arrow IPC file (the "Feather v2" format pyarrow, polars and pandas read), one
/// record batch per <see cref="BatchEntries"/> entries, without nulls. List columns become Arrow <c>list&lt;T&gt;</c>.
/// Units, sources, finite flags and the exposure travel as field and schema metadata (keys "numm.*"). The file is
/// written under a temporary name and renamed at the end, so a failure leaves nothing behind.</summary>
public static class ArrowIpcWriter
{
    /// <summary>Entries per record batch.</summary>
    public const int BatchEntries = 65536;

    /// <summary>Writes <paramref name="columns"/> (all with the same number of entries) to <paramref name="path"/>.</summary>
    /// <param name="path">The output file (replaced).</param>
    /// <param name="columns">The columns, in order.</param>
    /// <param name="exposure">The exposure to record.</param>
    /// <param name="metadata">Further schema metadata (for example provenance); may be null.</param>
    /// <exception cref="ArgumentException">The columns differ in length or have duplicate names.</exception>
    public static void Write(string path, IReadOnlyList<TableColumn> columns, Exposure exposure,
        IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        long entries = Check(columns);
        var fields = columns.Select(c => new Field(c.Info.Name,
            c.IsList ? new ListType(new Field("item", ArrowTypes.Of(c.Info.Type), false)) : ArrowTypes.Of(c.Info.Type),
            false, InterchangeMetadata.OfColumn(c.Info))).ToList();
        var meta = InterchangeMetadata.OfExposure(exposure).Concat(metadata ?? []).ToList();
        var schema = new Schema(fields, meta);
        string tmp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new ArrowFileWriter(stream, schema))
            {
                for (long start = 0; start < entries || (start == 0 && entries == 0); start += BatchEntries)
                {
                    int n = (int)Math.Min(BatchEntries, entries - start);
                    var arrays = columns.Select(c => Slice(c, (int)start, n)).ToList();
                    writer.WriteRecordBatch(new RecordBatch(schema, arrays, n));
                    if (entries == 0) break;
                }
                writer.WriteEnd();
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { }
            throw;
        }
    }

    internal static long Check(IReadOnlyList<TableColumn> columns)
    {
        if (columns.Count == 0) throw new ArgumentException("No columns to write.", nameof(columns));
        long entries = columns[0].Entries;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            if (c.Entries != entries)
                throw new ArgumentException($"Column '{c.Info.Name}' has {c.Entries} entries; '{columns[0].Info.Name}' has {entries}.", nameof(columns));
            if (!names.Add(c.Info.Name)) throw new ArgumentException($"Column '{c.Info.Name}' appears twice.", nameof(columns));
            if (c.Offsets is not null && c.Offsets[^1] > int.MaxValue)
                throw new ArgumentException($"List column '{c.Info.Name}' holds {c.Offsets[^1]} values, more than Arrow's 32-bit list offsets allow.", nameof(columns));
        }
        return entries;
    }

    private static IArrowArray Slice(TableColumn c, int start, int n)
    {
        if (c.Offsets is null) return ArrowTypes.Build(c.Info.Type, c.Values, start, n);
        int first = (int)c.Offsets[start], last = (int)c.Offsets[start + n];
        var offsets = new int[n + 1];
        for (int i = 0; i <= n; i++) offsets[i] = (int)(c.Offsets[start + i] - first);
        var child = ArrowTypes.Build(c.Info.Type, c.Values, first, last - first);
        var listType = new ListType(new Field("item", ArrowTypes.Of(c.Info.Type), false));
        var data = new ArrayData(listType, n, 0, 0,
            [ArrowBuffer.Empty, new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray())], [child.Data]);
        return new ListArray(data);
    }
}
