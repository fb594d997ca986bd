using System;
using System.Globalization;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Array = System.Array;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Arrow;

/// <summary>Fills batches from the record batches of an <see cref="ArrowIpcFile"/> in file order; a NuMM batch may take
/// entries from several record batches and a record batch may fill several NuMM batches. Values are copied (and
/// converted when the binding asks for it) out of the memory-mapped file; a null value or a non-finite value in a
/// column declared finite is an error naming the column and entry.</summary>
public sealed class ArrowBatchSource : IBatchSource<IColumnBatch>, IDisposable
{
    private readonly ArrowIpcFile _file;
    private readonly ColumnInfo[] _schema;
    private readonly ColumnBinding[] _bindings;
    private readonly int[] _fields;
    private readonly byte[]?[] _scratch;
    private readonly ArrowFileReader _reader;
    private RecordBatch? _current;
    private int _pos;
    private long _entry;

    internal ArrowBatchSource(ArrowIpcFile file, ColumnInfo[] schema, ColumnBinding[] bindings)
    {
        _file = file;
        _schema = schema;
        _bindings = bindings;
        _fields = Array.ConvertAll(bindings, b => file.FieldIndex(b.Source.Name));
        _scratch = new byte[bindings.Length][];
        _reader = file.NewReader();
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
            if (_current is null || _pos == _current.Length)
            {
                _current?.Dispose();
                _current = _file.Next(_reader);
                _pos = 0;
                if (_current is null) break;
                if (_current.Length == 0) continue;
            }
            int take = Math.Min(batch.Capacity - fill, _current.Length - _pos);
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
        var array = _current!.Column(_fields[b]);
        long first = _entry;
        if (array.NullCount > 0)
            for (int i = 0; i < take; i++)
                if (array.IsNull(_pos + i))
                    throw new DataFormatException($"Column '{bind.Source.Name}' holds a null value; NuMM columns have none", _file.Path, bind.Source.Name, first + i);
        var to = bind.Target.Type;
        var dest = ColumnTypes.Bytes(batch, bind.SchemaIndex, to).Slice(fill * ColumnTypes.Size(to), take * ColumnTypes.Size(to));
        if (bind.Converts)
        {
            int need = take * ColumnTypes.Size(bind.Source.Type);
            if (_scratch[b] is null || _scratch[b]!.Length < need) _scratch[b] = new byte[Math.Max(need, batch.Capacity * ColumnTypes.Size(bind.Source.Type))];
            var raw = _scratch[b].AsSpan(0, need);
            ArrowTypes.CopyValues(array, bind.Source.Type, _pos, take, raw);
            int bad = ValueConverter.Convert(raw, bind.Source.Type, dest, to, take);
            if (bad >= 0)
                throw new DataFormatException($"Column '{bind.Source.Name}' holds a value that does not fit {ColumnTypes.Name(to)} (requested conversion from {ColumnTypes.Name(bind.Source.Type)}).", _file.Path, bind.Source.Name, first + bad);
        }
        else
        {
            ArrowTypes.CopyValues(array, to, _pos, take, dest);
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

    /// <inheritdoc/>
    public void Dispose()
    {
        _current?.Dispose();
        _reader.Dispose();
    }
}
