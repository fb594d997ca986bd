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
/// fields too, as long as they hold no null); nested and repeated fields (lists, structs) and other types are listed in
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
                var colMeta = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var key in new[] { InterchangeMetadata.Unit, InterchangeMetadata.Source, InterchangeMetadata.Finite })
                    if (meta.TryGetValue(key + "." + df.Name, out var v)) colMeta[key] = v;
                var info = InterchangeMetadata.Column(df.Name, t, colMeta);
                columns.Add(info);
                _byName[df.Name] = (info, df);
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
        try { return ParquetTypes.Read(rg, field, info.Type, checked((int)rg.RowCount), Path, firstEntry); }
        catch (Exception e) when (e is not DataFormatException and not OutOfMemoryException)
        {
            throw new DataFormatException($"Corrupt Parquet column chunk (row group {group}): {e.Message}", Path, name, firstEntry, null, e);
        }
    }

    /// <summary>Reads a whole column.</summary>
    /// <param name="name">A column.</param>
    /// <exception cref="DataFormatException">No such column, a null value, or a corrupt chunk.</exception>
    public TableColumn ReadColumn(string name)
    {
        if (!_byName.TryGetValue(name, out var c))
            throw new DataFormatException($"No numeric column '{name}'; the file holds: {string.Join(", ", _byName.Keys)}", Path, name);
        var all = ColumnArrays.New(c.Info.Type, EntryCount);
        var dst = ColumnArrays.Bytes(all);
        long first = 0;
        int pos = 0;
        for (int g = 0; g < RowGroupCount; g++)
        {
            var chunk = ReadChunk(name, g, first);
            var bytes = ColumnArrays.Bytes(chunk);
            bytes.CopyTo(dst[pos..]);
            pos += bytes.Length;
            first += chunk.Length;
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
            if (cols[i].Name != _schema[i].Name || cols[i].Type != _schema[i].Type)
                throw new ArgumentException($"Batch column {i} is '{cols[i].Name}' ({cols[i].Type}); the source was opened for '{_schema[i].Name}' ({_schema[i].Type}).", nameof(batch));
        int fill = 0;
        while (fill < batch.Capacity)
        {
            if (_chunks is null || _pos == _rows)
            {
                if (_group + 1 >= _file.RowGroupCount) break;
                _group++;
                _chunks = Array.ConvertAll(_bindings, b => (Array)_file.ReadChunk(b.Source.Name, _group, _entry));
                _rows = _bindings.Length == 0 ? 0 : _chunks[0].Length;
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
        var raw = ColumnArrays.Bytes(_chunks![b]).Slice(_pos * ColumnTypes.Size(from), take * ColumnTypes.Size(from));
        var dest = ColumnTypes.Bytes(batch, bind.SchemaIndex, to).Slice(fill * ColumnTypes.Size(to), take * ColumnTypes.Size(to));
        long first = _entry;
        if (bind.Converts)
        {
            int bad = ValueConverter.Convert(raw, from, dest, to, take);
            if (bad >= 0)
                throw new DataFormatException($"Column '{bind.Source.Name}' holds a value that does not fit {ColumnTypes.Name(to)} (requested conversion from {ColumnTypes.Name(from)}).", _file.Path, bind.Source.Name, first + bad);
        }
        else
        {
            raw.CopyTo(dest);
        }
        if (bind.RequireFinite)
        {
            int bad = ValueChecks.FirstNonFinite(dest, to, take);
            if (bad >= 0)
            {
                double v = to == ColumnType.Single ? MemoryMarshal.Cast<byte, float>(dest)[bad] : MemoryMarshal.Cast<byte, double>(dest)[bad];
                throw new DataFormatException($"Column '{bind.Target.Name}' is declared finite but holds {v.ToString("R", CultureInfo.InvariantCulture)}.", _file.Path, bind.Target.Name, first + bad);
            }
        }
    }
}
