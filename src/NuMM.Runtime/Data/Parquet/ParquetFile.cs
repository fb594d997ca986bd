using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Mapping;
using Array = System.Array;

namespace NuMM.Runtime.Data.Parquet;

/// <summary>An Apache Parquet file read through Parquet.Net. Top-level numeric and boolean fields are columns (optional
/// fields too, as long as they hold no null); a list of numbers whose every entry holds the same number N of values is an
/// array column of length N (read into a <c>[Column(Length = N)] FixedArray&lt;T&gt;</c> field, as a ROOT branch
/// <c>w[N]</c> is; N comes from NuMM's "numm.length.&lt;column&gt;" metadata or else from the first row group, and every
/// entry is checked when read). Variable-length lists, structs and other types are listed in
/// <see cref="SkippedFields"/>. Units, sources, finite flags and the exposure come from NuMM's "numm.*" key-value
/// metadata when present.</summary>
public sealed class ParquetFile : IColumnFile
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly Dictionary<string, (ColumnInfo Info, DataField Field)> _byName = new(StringComparer.Ordinal);

    private ParquetFile(string path, FileStream stream, ParquetReader reader)
    {
        Path = path;
        _stream = stream;
        _reader = reader;
        var meta = reader.CustomMetadata ?? new Dictionary<string, string>();
        var columns = new List<ColumnInfo>();
        var skipped = new List<string>();
        foreach (var f in reader.Schema.Fields)
        {
            if (f is DataField df && df.MaxRepetitionLevel == 0 && ParquetTypes.Of(df.ClrType) is ColumnType t)
            {
                var info = InterchangeMetadata.Column(df.Name, t, ColumnMeta(meta, df.Name));
                columns.Add(info);
                _byName[df.Name] = (info, df);
            }
            else if (f is ListField { Item: DataField item } && item.MaxRepetitionLevel == 1 && ParquetTypes.Of(item.ClrType) is ColumnType et)
            {
                // A list of numbers is an array column when every entry holds the same number of values, as a ROOT
                // branch w[N] is: NuMM's own files say N in their metadata, for others the first row group tells.
                var (length, why) = FixedLength(reader, meta, f.Name, item, et);
                if (length > 0)
                {
                    var info = InterchangeMetadata.Column(f.Name, et, ColumnMeta(meta, f.Name)) with { Length = length };
                    columns.Add(info);
                    _byName[f.Name] = (info, item);
                }
                else
                {
                    skipped.Add($"{f.Name} (list of {item.ClrType.Name}: {why})");
                }
            }
            else
            {
                skipped.Add($"{f.Name} ({f.SchemaType}{(f is DataField d ? " " + d.ClrType.Name : "")})");
            }
        }
        Columns = columns;
        SkippedFields = skipped;
        Exposure = InterchangeMetadata.ReadExposure(meta, path);
        long n = 0;
        for (int g = 0; g < reader.RowGroupCount; g++) n += reader.RowGroups[g].RowCount;
        EntryCount = n;
    }

    /// <summary>The metadata key that records the values per entry of an array column written by NuMM.</summary>
    internal const string LengthKey = "numm.length";

    private static Dictionary<string, string> ColumnMeta(IReadOnlyDictionary<string, string> meta, string name)
    {
        var colMeta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { InterchangeMetadata.Unit, InterchangeMetadata.Source, InterchangeMetadata.Finite })
            if (meta.TryGetValue(key + "." + name, out var v)) colMeta[key] = v;
        return colMeta;
    }

    /// <summary>The values per entry of a list column, or 0 and why it has no fixed length.</summary>
    private static (int Length, string Why) FixedLength(ParquetReader reader, IReadOnlyDictionary<string, string> meta, string name, DataField item, ColumnType type)
    {
        if (meta.TryGetValue(LengthKey + "." + name, out var recorded))
            return int.TryParse(recorded, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
                ? (n, "") : (0, $"metadata '{LengthKey}.{name}' = '{recorded}' is not a positive count");
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            if (rg.RowCount == 0) continue;
            var lengths = ParquetTypes.ListLengths(rg, item, type, checked((int)rg.RowCount));
            int first = lengths[0], other = Array.FindIndex(lengths, l => l != first);
            if (other >= 0) return (0, $"variable-length list (entry 0 holds {first} values, entry {other} holds {lengths[other]})");
            return first == 0 ? (0, "null or empty lists") : (first, "");
        }
        return (0, "no entries to tell a fixed length from");
    }

    /// <summary>Opens <paramref name="path"/> and reads its footer.</summary>
    /// <param name="path">A Parquet file.</param>
    /// <exception cref="DataFormatException">The file is not a readable Parquet file.</exception>
    public static ParquetFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            ParquetReader reader;
            try { reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult(); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new DataFormatException($"Not a readable Parquet file: {e.Message}", path, null, null, null, e);
            }
            return new ParquetFile(path, stream, reader);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>Fields NuMM does not read, "name (kind type)".</summary>
    public IReadOnlyList<string> SkippedFields { get; }

    /// <inheritdoc/>
    public long EntryCount { get; }

    /// <inheritdoc/>
    public Exposure Exposure { get; }

    /// <summary>Row groups in the file.</summary>
    public int RowGroupCount => _reader.RowGroupCount;

    /// <summary>Reads column <paramref name="name"/> of row group <paramref name="group"/>.</summary>
    internal Array ReadChunk(string name, int group, long firstEntry)
    {
        var (info, field) = _byName[name];
        using var rg = _reader.OpenRowGroupReader(group);
        try
        {
            int rows = checked((int)rg.RowCount);
            return info.IsArray
                ? ParquetTypes.ReadList(rg, field, info.Type, rows, info.Length, name, Path, firstEntry)
                : ParquetTypes.Read(rg, field, info.Type, rows, Path, firstEntry);
        }
        catch (Exception e) when (e is not DataFormatException and not OutOfMemoryException)
        {
            throw new DataFormatException($"Corrupt Parquet column chunk (row group {group}): {e.Message}", Path, name, firstEntry, null, e);
        }
    }

    /// <summary>Reads a whole list field of numbers or booleans — fixed-length or jagged — as a list column (values and
    /// entry offsets; a null or empty list is an empty entry). Such columns are not read into NuMM batches, which hold no
    /// jagged values; this is for checking and re-exporting them.</summary>
    /// <param name="name">A top-level list field.</param>
    /// <exception cref="DataFormatException">No such list field, a null element, or a corrupt chunk.</exception>
    public TableColumn ReadListColumn(string name)
    {
        var field = _reader.Schema.Fields.FirstOrDefault(f => f.Name == name);
        if (field is not ListField { Item: DataField item } || item.MaxRepetitionLevel != 1 || ParquetTypes.Of(item.ClrType) is not ColumnType type)
            throw new DataFormatException($"No list column '{name}' of numbers or booleans", Path, name);
        var meta = _reader.CustomMetadata ?? new Dictionary<string, string>();
        var info = InterchangeMetadata.Column(name, type, ColumnMeta(meta, name));
        var parts = new List<(Array Values, long[] Offsets)>();
        long first = 0;
        for (int g = 0; g < RowGroupCount; g++)
        {
            using var rg = _reader.OpenRowGroupReader(g);
            int rows = checked((int)rg.RowCount);
            try { parts.Add(ParquetTypes.ReadJagged(rg, item, type, rows, name, Path, first)); }
            catch (Exception e) when (e is not DataFormatException and not OutOfMemoryException)
            {
                throw new DataFormatException($"Corrupt Parquet column chunk (row group {g}): {e.Message}", Path, name, first, null, e);
            }
            first += rows;
        }
        long total = parts.Sum(p => (long)p.Values.Length);
        var values = ColumnArrays.New(type, total);
        var dst = ColumnArrays.Bytes(values);
        var offsets = new long[first + 1];
        long entry = 0, at = 0;
        int size = ColumnTypes.Size(type);
        foreach (var (v, o) in parts)
        {
            ColumnArrays.Bytes(v).CopyTo(dst.Slice(checked((int)(at * size))));
            for (int i = 0; i < o.Length - 1; i++) offsets[entry++] = at + o[i];
            at += v.Length;
        }
        offsets[first] = at;
        return new TableColumn(info, values, offsets);
    }

    /// <summary>Reads a whole column (for an array column, each entry's values together).</summary>
    /// <param name="name">A column.</param>
    /// <exception cref="DataFormatException">No such column, a null value, or a corrupt chunk.</exception>
    public TableColumn ReadColumn(string name)
    {
        if (!_byName.TryGetValue(name, out var c))
            throw new DataFormatException($"No numeric column '{name}'; the file holds: {string.Join(", ", _byName.Keys)}", Path, name);
        int length = c.Info.Length, size = ColumnTypes.Size(c.Info.Type);
        var all = ColumnArrays.New(c.Info.Type, EntryCount * length);
        var dst = ColumnArrays.Bytes(all);
        long first = 0;
        for (int g = 0; g < RowGroupCount; g++)
        {
            var chunk = ReadChunk(name, g, first);
            var bytes = ColumnArrays.Bytes(chunk);
            int rows = chunk.Length / length;
            // Chunks hold value k of every entry together; a table column holds each entry's values together.
            for (int i = 0; i < rows; i++)
                for (int k = 0; k < length; k++)
                    bytes.Slice((k * rows + i) * size, size).CopyTo(dst.Slice((int)(((first + i) * length + k) * size)));
            first += rows;
        }
        return new TableColumn(c.Info, all);
    }

    /// <inheritdoc/>
    public IBatchSource<IColumnBatch> OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None)
    {
        var bindings = SchemaBinder.Bind(schema, Columns, Path, mapping, conversion);
        return new ParquetBatchSource(this, [.. schema], bindings);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}

/// <summary>Fills batches from a <see cref="ParquetFile"/> row group by row group (each bound column chunk is read whole,
/// then copied out batch by batch, converted when the binding asks for it).</summary>
public sealed class ParquetBatchSource : IBatchSource<IColumnBatch>
{
    private readonly ParquetFile _file;
    private readonly ColumnInfo[] _schema;
    private readonly ColumnBinding[] _bindings;
    private Array[]? _chunks;
    private byte[]?[]? _scratch;
    private int _group = -1, _pos, _rows;
    private long _entry;

    internal ParquetBatchSource(ParquetFile file, ColumnInfo[] schema, ColumnBinding[] bindings)
    {
        _file = file;
        _schema = schema;
        _bindings = bindings;
    }

    /// <inheritdoc/>
    public bool ReadNext(IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var cols = batch.Columns;
        if (cols.Length != _schema.Length)
            throw new ArgumentException($"The batch has {cols.Length} columns; the source was opened for {_schema.Length}.", nameof(batch));
        for (int i = 0; i < cols.Length; i++)
            if (cols[i].Name != _schema[i].Name || cols[i].Type != _schema[i].Type || cols[i].Length != _schema[i].Length)
                throw new ArgumentException($"Batch column {i} is '{cols[i].Name}' ({cols[i].Type}); the source was opened for '{_schema[i].Name}' ({_schema[i].Type}).", nameof(batch));
        int fill = 0;
        while (fill < batch.Capacity)
        {
            if (_chunks is null || _pos == _rows)
            {
                if (_group + 1 >= _file.RowGroupCount) break;
                _group++;
                _chunks = Array.ConvertAll(_bindings, b => (Array)_file.ReadChunk(b.Source.Name, _group, _entry));
                _rows = _bindings.Length == 0 ? 0 : _chunks[0].Length / _bindings[0].Source.Length;
                _pos = 0;
                if (_rows == 0) continue;
            }
            int take = Math.Min(batch.Capacity - fill, _rows - _pos);
            for (int b = 0; b < _bindings.Length; b++) Copy(batch, b, fill, take);
            _pos += take;
            fill += take;
            _entry += take;
        }
        batch.Length = fill;
        return fill > 0;
    }

    private void Copy(IColumnBatch batch, int b, int fill, int take)
    {
        ref readonly var bind = ref _bindings[b];
        var from = bind.Source.Type;
        var to = bind.Target.Type;
        var layout = batch.Columns[bind.SchemaIndex];
        var column = ColumnTypes.Bytes(batch, bind.SchemaIndex, to);
        int fromSize = ColumnTypes.Size(from), toSize = ColumnTypes.Size(to), length = bind.Target.Length;
        // Value k of an array column: a run of the chunk's entries at k × rows, of the batch's at k × capacity
        // (element-major). An event-major column takes the runs converted and checked in a scratch buffer (or straight
        // from the chunk), then transposed into place.
        Span<byte> runs = layout.IsEventMajor && bind.Converts ? Scratch(b, batch.Capacity * length * toSize)[..(take * length * toSize)] : default;
        for (int k = 0; k < length; k++)
        {
            var raw = ColumnArrays.Bytes(_chunks![b]).Slice((k * _rows + _pos) * fromSize, take * fromSize);
            var dest = !layout.IsEventMajor ? column.Slice((k * batch.Capacity + fill) * toSize, take * toSize)
                : bind.Converts ? runs.Slice(k * take * toSize, take * toSize)
                : raw;
            CopyRun(bind, raw, dest, take, length == 1 ? "" : $" (value {k})");
        }
        if (layout.IsEventMajor)
        {
            if (bind.Converts) ArrayRuns.PutRuns(column, layout, batch.Capacity, toSize, fill, runs, take, take);
            else ArrayRuns.PutRuns(column, layout, batch.Capacity, toSize, fill, ColumnArrays.Bytes(_chunks![b])[(_pos * fromSize)..], _rows, take);
        }
    }

    private Span<byte> Scratch(int b, int bytes)
    {
        _scratch ??= new byte[_bindings.Length][];
        if (_scratch[b] is null || _scratch[b]!.Length < bytes) _scratch[b] = new byte[bytes];
        return _scratch[b];
    }

    private void CopyRun(in ColumnBinding bind, Span<byte> raw, Span<byte> dest, int take, string which)
    {
        var from = bind.Source.Type;
        var to = bind.Target.Type;
        long first = _entry;
        if (bind.Converts)
        {
            int bad = ValueConverter.Convert(raw, from, dest, to, take);
            if (bad >= 0)
                throw new DataFormatException($"Column '{bind.Source.Name}' holds a value{which} that does not fit {ColumnTypes.Name(to)} (requested conversion from {ColumnTypes.Name(from)}).", _file.Path, bind.Source.Name, first + bad);
        }
        else if (dest != raw) // an unconverted event-major run is checked where it lies in the chunk
        {
            raw.CopyTo(dest);
        }
        if (bind.RequireFinite)
        {
            int bad = ValueChecks.FirstNonFinite(dest, to, take);
            if (bad >= 0)
            {
                double v = to == ColumnType.Single ? MemoryMarshal.Cast<byte, float>(dest)[bad] : MemoryMarshal.Cast<byte, double>(dest)[bad];
                throw new DataFormatException($"Column '{bind.Target.Name}' is declared finite but holds {v.ToString("R", CultureInfo.InvariantCulture)}{which}.", _file.Path, bind.Target.Name, first + bad);
            }
        }
    }
}
