using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Csv;

/// <summary>Copies the bound columns of an in-memory <see cref="CsvFile"/> into batches, converting types only
/// where the binding asks for it and checking columns declared finite.</summary>
public sealed class CsvBatchSource : IBatchSource<IColumnBatch>
{
    private readonly CsvFile _file;
    private readonly ColumnInfo[] _schema;
    private readonly ColumnBinding[] _bindings;
    private long _position;

    internal CsvBatchSource(CsvFile file, IReadOnlyList<ColumnInfo> schema, ColumnBinding[] bindings)
    {
        _file = file;
        _schema = [.. schema];
        _bindings = bindings;
    }

    /// <summary>The row the next batch starts at.</summary>
    public long Position => _position;

    /// <inheritdoc/>
    public bool ReadNext(IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Columns.Length != _schema.Length)
            throw new ArgumentException($"The batch has {batch.Columns.Length} columns; this source was opened for {_schema.Length}.", nameof(batch));
        int take = (int)Math.Min(batch.Capacity, _file.EntryCount - _position);
        if (take <= 0)
        {
            batch.Length = 0;
            return false;
        }
        foreach (var bind in _bindings)
        {
            if (batch.Columns[bind.SchemaIndex].Type != bind.Target.Type)
                throw new ArgumentException($"Batch column {bind.SchemaIndex} is {ColumnTypes.Name(batch.Columns[bind.SchemaIndex].Type)}; the source was opened for {ColumnTypes.Name(bind.Target.Type)}.", nameof(batch));
            int sourceSize = ColumnTypes.Size(bind.Source.Type), targetSize = ColumnTypes.Size(bind.Target.Type);
            var src = _file.Data(bind.SourceIndex).Slice((int)(_position * sourceSize), take * sourceSize);
            var dest = ColumnTypes.Bytes(batch, bind.SchemaIndex, bind.Target.Type)[..(take * targetSize)];
            if (bind.Converts)
            {
                int bad = ValueConverter.Convert(src, bind.Source.Type, dest, bind.Target.Type, take);
                if (bad >= 0)
                    throw new DataFormatException($"Column '{bind.Source.Name}' holds a value that does not fit {ColumnTypes.Name(bind.Target.Type)} (requested conversion from {ColumnTypes.Name(bind.Source.Type)}).",
                        _file.Path, bind.Source.Name, _position + bad);
            }
            else
            {
                src.CopyTo(dest);
            }
            if (bind.RequireFinite)
            {
                int bad = ValueChecks.FirstNonFinite(dest, bind.Target.Type, take);
                if (bad >= 0)
                {
                    double v = bind.Target.Type == ColumnType.Single ? MemoryMarshal.Cast<byte, float>(dest)[bad] : MemoryMarshal.Cast<byte, double>(dest)[bad];
                    throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"Column '{bind.Source.Name}' is declared finite but row {_position + bad + 1} holds {v:R}."), _file.Path, bind.Source.Name, _position + bad);
                }
            }
        }
        _position += take;
        batch.Length = take;
        return true;
    }
}
