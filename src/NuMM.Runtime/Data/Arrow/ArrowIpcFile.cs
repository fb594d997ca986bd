using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Array = System.Array;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Arrow;

/// <summary>An Apache Arrow IPC file (Feather v2), memory-mapped. Non-null numeric and boolean fields are columns;
/// <c>list&lt;numeric&gt;</c> fields are list columns, read whole with <see cref="ReadColumn"/>. Units, sources, finite flags
/// and the exposure are taken from NuMM's "numm.*" metadata when present (files from other tools have none).</summary>
public sealed class ArrowIpcFile : IColumnFile
{
    private readonly MemoryMappedFile _map;
    private readonly Dictionary<string, (ColumnInfo Info, int Field, bool List)> _byName = new(StringComparer.Ordinal);
    private long _entries = -1;

    private ArrowIpcFile(string path, MemoryMappedFile map, Schema schema)
    {
        Path = path;
        _map = map;
        Schema = schema;
        var columns = new List<ColumnInfo>();
        var lists = new List<ColumnInfo>();
        var skipped = new List<string>();
        for (int i = 0; i < schema.FieldsList.Count; i++)
        {
            var f = schema.FieldsList[i];
            bool list = f.DataType is ListType;
            var element = list ? ((ListType)f.DataType).ValueDataType : f.DataType;
            if (ArrowTypes.Of(element) is not ColumnType t)
            {
                skipped.Add($"{f.Name} ({f.DataType.Name})");
                continue;
            }
            var info = InterchangeMetadata.Column(f.Name, t, f.Metadata);
            (list ? lists : columns).Add(info);
            _byName.TryAdd(f.Name, (info, i, list));
        }
        Columns = columns;
        ListColumns = lists;
        SkippedFields = skipped;
        Exposure = InterchangeMetadata.ReadExposure(schema.Metadata, path);
    }

    /// <summary>Opens and memory-maps <paramref name="path"/>; reads the schema.</summary>
    /// <param name="path">An Arrow IPC file.</param>
    /// <exception cref="DataFormatException">The file is not a readable Arrow IPC file.</exception>
    public static ArrowIpcFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (new FileInfo(path).Length == 0) throw new DataFormatException("The file is empty; expected an Arrow IPC file", path);
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            using var reader = OpenReader(map, path);
            return new ArrowIpcFile(path, map, reader.Schema);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    private static ArrowFileReader OpenReader(MemoryMappedFile map, string path)
    {
        var view = map.CreateViewStream(0, 0, MemoryMappedFileAccess.Read);
        try
        {
            var reader = new ArrowFileReader(view, leaveOpen: false);
            _ = reader.Schema;
            return reader;
        }
        catch (Exception e) when (e is not DataFormatException and not OutOfMemoryException)
        {
            view.Dispose();
            throw new DataFormatException($"Not a readable Arrow IPC file: {e.Message}", path, null, null, null, e);
        }
    }

    internal ArrowFileReader NewReader() => OpenReader(_map, Path);

    /// <summary>The Arrow schema.</summary>
    public Schema Schema { get; }

    /// <inheritdoc/>
    public string Path { get; }

    /// <summary>The numeric and boolean fields, one value per entry.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>The <c>list&lt;numeric&gt;</c> fields (<see cref="ColumnInfo.Type"/> is the element type).</summary>
    public IReadOnlyList<ColumnInfo> ListColumns { get; }

    /// <summary>Fields of other types (strings, structs, …), "name (type)", which NuMM does not read.</summary>
    public IReadOnlyList<string> SkippedFields { get; }

    /// <inheritdoc/>
    public Exposure Exposure { get; }

    /// <summary>Entries: the rows of all record batches (counted on first use by reading every batch).</summary>
    public long EntryCount
    {
        get
        {
            if (_entries < 0)
            {
                long n = 0;
                using var reader = NewReader();
                while (Next(reader) is { } rb) { n += rb.Length; rb.Dispose(); }
                _entries = n;
            }
            return _entries;
        }
    }

    internal RecordBatch? Next(ArrowFileReader reader)
    {
        try { return reader.ReadNextRecordBatch(); }
        catch (Exception e) when (e is not DataFormatException and not OutOfMemoryException)
        {
            throw new DataFormatException($"Corrupt Arrow record batch: {e.Message}", Path, null, null, null, e);
        }
    }

    internal int FieldIndex(string name) => _byName[name].Field;

    /// <summary>Reads a whole column (list columns with their offsets).</summary>
    /// <param name="name">A column or list column.</param>
    /// <exception cref="DataFormatException">No such column, a null value, or a corrupt batch.</exception>
    public TableColumn ReadColumn(string name)
    {
        if (!_byName.TryGetValue(name, out var c))
            throw new DataFormatException($"No numeric column '{name}'; the file holds: {string.Join(", ", _byName.Keys)}", Path, name);
        var type = c.Info.Type;
        var parts = new List<(byte[] Bytes, int[]? Counts)>();
        long values = 0, entries = 0;
        using (var reader = NewReader())
        {
            while (Next(reader) is { } rb)
            {
                using (rb)
                {
                    var a = rb.Column(c.Field);
                    if (a.NullCount > 0)
                        throw new DataFormatException($"Column '{name}' holds {a.NullCount} null values; NuMM columns have none", Path, name, entries);
                    if (c.List)
                    {
                        var la = (ListArray)a;
                        var off = la.ValueOffsets;
                        var counts = new int[la.Length];
                        for (int i = 0; i < la.Length; i++) counts[i] = off[i + 1] - off[i];
                        int first = off[0], n = off[la.Length] - first;
                        if (la.Values.NullCount > 0)
                            throw new DataFormatException($"List column '{name}' holds null elements; NuMM columns have none", Path, name, entries);
                        var bytes = new byte[n * ColumnTypes.Size(type)];
                        ArrowTypes.CopyValues(la.Values, type, first, n, bytes);
                        parts.Add((bytes, counts));
                        values += n;
                    }
                    else
                    {
                        var bytes = new byte[a.Length * ColumnTypes.Size(type)];
                        ArrowTypes.CopyValues(a, type, 0, a.Length, bytes);
                        parts.Add((bytes, null));
                        values += a.Length;
                    }
                    entries += rb.Length;
                }
            }
        }
        var all = ColumnArrays.New(type, values);
        var dst = ColumnArrays.Bytes(all);
        int pos = 0;
        foreach (var p in parts) { p.Bytes.CopyTo(dst[pos..]); pos += p.Bytes.Length; }
        long[]? offsets = null;
        if (c.List)
        {
            offsets = new long[entries + 1];
            long e = 0;
            foreach (var p in parts) foreach (int k in p.Counts!) { offsets[e + 1] = offsets[e] + k; e++; }
        }
        return new TableColumn(c.Info, all, offsets);
    }

    /// <inheritdoc/>
    public IBatchSource<IColumnBatch> OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None)
    {
        var bindings = SchemaBinder.Bind(schema, Columns, Path, mapping, conversion);
        return new ArrowBatchSource(this, [.. schema], bindings);
    }

    /// <inheritdoc/>
    public void Dispose() => _map.Dispose();
}
