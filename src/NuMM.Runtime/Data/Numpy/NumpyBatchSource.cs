using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Numpy;

/// <summary>Streams the bound arrays of a <see cref="NumpyFile"/> into batches: each array is read sequentially
/// straight into the batch column (into a scratch buffer when a conversion was requested, or for a 2-D array read into an
/// element-major array column, whose entry-major values are transposed in cache-sized blocks; an event-major array column
/// takes them as they are, so it is read straight into place too), byte-swapped when stored
/// big-endian, and checked against the member's zip CRC-32 when its last value has been read.</summary>
public sealed class NumpyBatchSource : IBatchSource<IColumnBatch>, IDisposable
{
    private readonly NumpyFile _file;
    private readonly ColumnInfo[] _schema;
    private readonly ColumnBinding[] _bindings;
    private readonly Stream[] _streams;
    private readonly System.IO.Hashing.Crc32[] _crc;
    private readonly byte[]?[] _scratch;
    private readonly byte[]?[] _transposed;
    private long _position;

    internal NumpyBatchSource(NumpyFile file, IReadOnlyList<ColumnInfo> schema, ColumnBinding[] bindings)
    {
        _file = file;
        _schema = [.. schema];
        _bindings = bindings;
        _streams = new Stream[bindings.Length];
        _crc = new System.IO.Hashing.Crc32[bindings.Length];
        _scratch = new byte[bindings.Length][];
        _transposed = new byte[bindings.Length][];
        try
        {
            for (int b = 0; b < bindings.Length; b++)
            {
                int k = bindings[b].SourceIndex;
                _streams[b] = file.OpenArray(k);
                int slot = b;
                _crc[b] = new System.IO.Hashing.Crc32();
                var info = file.Array(k);
                try
                {
                    NpyHeader.Read(_streams[b], info.Name, file.Path, null, bytes => _crc[slot].Append(bytes));
                }
                catch (Exception e) when (NumpyFile.IsContainerError(e))
                {
                    throw new DataFormatException($"Cannot read array '{info.Name}': {e.Message}", file.Path, info.Name, inner: e);
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The entry the next batch starts at.</summary>
    public long Position => _position;

    /// <inheritdoc/>
    public bool ReadNext(IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckBatch(batch);
        long total = _file.EntryCount;
        if (_position >= total)
        {
            batch.Length = 0;
            return false;
        }
        int take = (int)Math.Min(batch.Capacity, total - _position);
        bool last = _position + take == total;
        for (int b = 0; b < _bindings.Length; b++)
        {
            ref readonly var bind = ref _bindings[b];
            var info = _file.Array(bind.SourceIndex);
            var targetType = bind.Target.Type;
            int values = info.ValuesPerEntry, size = ColumnTypes.Size(info.Type), targetSize = ColumnTypes.Size(targetType);
            // An event-major column stores each entry's values together, as the file does: the whole batch is one run
            // of take × values values read (or converted) straight into place. An element-major one takes one run per value k.
            bool eventMajor = batch.Columns[bind.SchemaIndex].IsEventMajor;
            int runs = eventMajor ? 1 : values, runLength = eventMajor ? take * values : take;
            var column = ColumnTypes.Bytes(batch, bind.SchemaIndex, targetType);
            var dest = column[..(runLength * targetSize)];
            int rawBytes = take * size * values;
            bool transposes = values > 1 && !eventMajor;
            Span<byte> raw;
            if (bind.Converts || transposes)
            {
                if (_scratch[b] is null || _scratch[b]!.Length < rawBytes) _scratch[b] = new byte[(long)batch.Capacity * size * values];
                raw = _scratch[b].AsSpan(0, rawBytes);
            }
            else
            {
                raw = dest;
            }
            int got;
            try
            {
                got = _streams[b].ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
                if (last && got == raw.Length && _streams[b].ReadByte() >= 0)
                    throw _Error(info.Name, $"Array '{info.Name}' holds more data than its shape ({total}) declares.", total);
            }
            catch (Exception e) when (NumpyFile.IsContainerError(e))
            {
                throw new DataFormatException($"Cannot read array '{info.Name}': {e.Message}", _file.Path, info.Name, _position, inner: e);
            }
            if (got != raw.Length)
                throw _Error(info.Name, string.Create(CultureInfo.InvariantCulture,
                    $"Array '{info.Name}' ends after {_position + got / (size * values)} of its {total} entries."), _position + got / (size * values));
            _crc[b].Append(raw);
            if (last && _file.ExpectedCrc(bind.SourceIndex) is uint expected && expected != _crc[b].GetCurrentHashAsUInt32())
                throw _Error(info.Name, $"Member '{info.Name}.npy' fails its zip CRC-32 check: stored 0x{expected:X8}, computed 0x{_crc[b].GetCurrentHashAsUInt32():X8}; the data is corrupt.", null);
            if (info.BigEndian) SwapBytes(raw, info.Type);
            if (transposes)
            {
                // Entry-major (value k of entry i at i × values + k) to element-major runs of `take` entries: straight into
                // the column (runs `capacity` apart), or into a buffer of runs `take` apart when they are converted next.
                var layout = batch.Columns[bind.SchemaIndex];
                if (bind.Converts)
                {
                    if (_transposed[b] is null || _transposed[b]!.Length < rawBytes) _transposed[b] = new byte[(long)batch.Capacity * size * values];
                    var transposed = _transposed[b].AsSpan(0, rawBytes);
                    ArrayRuns.PutEntries(transposed, layout, take, size, 0, raw);
                    raw = transposed;
                }
                else
                {
                    ArrayRuns.PutEntries(column, layout, batch.Capacity, size, 0, raw);
                }
            }
            for (int r = 0; r < runs; r++)
            {
                dest = column.Slice(r * batch.Capacity * targetSize, runLength * targetSize);
                if (bind.Converts)
                {
                    var run = raw.Slice(r * runLength * size, runLength * size);
                    int bad = ValueConverter.Convert(run, info.Type, dest, targetType, runLength);
                    if (bad >= 0)
                        throw _Error(info.Name, $"Array '{info.Name}' holds a value{Which(values, eventMajor, r, bad)} that does not fit {ColumnTypes.Name(targetType)} (requested conversion from {ColumnTypes.Name(info.Type)}).", _position + EntryOf(values, eventMajor, bad));
                }
                if (bind.RequireFinite)
                {
                    int bad = ValueChecks.FirstNonFinite(dest, targetType, runLength);
                    if (bad >= 0)
                    {
                        double v = targetType == ColumnType.Single ? MemoryMarshal.Cast<byte, float>(dest)[bad] : MemoryMarshal.Cast<byte, double>(dest)[bad];
                        throw _Error(bind.Target.Name, $"Column '{bind.Target.Name}' is declared finite but holds {v.ToString("R", CultureInfo.InvariantCulture)}{Which(values, eventMajor, r, bad)}.", _position + EntryOf(values, eventMajor, bad));
                    }
                }
                if (targetType == ColumnType.Boolean && info.Type == ColumnType.Boolean)
                {
                    int bad = ValueChecks.FirstInvalidBoolean(dest);
                    if (bad >= 0) throw _Error(info.Name, $"Boolean array '{info.Name}' holds byte {dest[bad]}{Which(values, eventMajor, r, bad)}; expected 0 or 1.", _position + EntryOf(values, eventMajor, bad));
                }
            }
        }
        _position += take;
        batch.Length = take;
        return true;
    }

    /// <summary>The entry (relative to the batch) of value <paramref name="index"/> of a run: runs of an element-major
    /// column hold one value per entry, the single run of an event-major one <paramref name="values"/> per entry.</summary>
    private static int EntryOf(int values, bool eventMajor, int index) => eventMajor ? index / values : index;

    /// <summary>" (value k of n per entry)" for an array column, "" for a scalar one.</summary>
    private static string Which(int values, bool eventMajor, int run, int index) => values == 1 ? ""
        : string.Create(CultureInfo.InvariantCulture, $" (value {(eventMajor ? index % values : run)} of {values} per entry)");

    private DataFormatException _Error(string column, string message, long? entry) => new(message, _file.Path, column, entry);

    private static void SwapBytes(Span<byte> data, ColumnType type)
    {
        switch (ColumnTypes.Size(type))
        {
            case 2:
                var s16 = MemoryMarshal.Cast<byte, ushort>(data);
                BinaryPrimitives.ReverseEndianness(s16, s16);
                break;
            case 4:
                var s32 = MemoryMarshal.Cast<byte, uint>(data);
                BinaryPrimitives.ReverseEndianness(s32, s32);
                break;
            case 8:
                var s64 = MemoryMarshal.Cast<byte, ulong>(data);
                BinaryPrimitives.ReverseEndianness(s64, s64);
                break;
        }
    }

    private void CheckBatch(IColumnBatch batch)
    {
        var cols = batch.Columns;
        if (cols.Length != _schema.Length)
            throw new ArgumentException($"The batch has {cols.Length} columns; this source was opened for {_schema.Length}.", nameof(batch));
        for (int i = 0; i < cols.Length; i++)
            if (!ReferenceEquals(cols[i], _schema[i]) && (cols[i].Name != _schema[i].Name || cols[i].Type != _schema[i].Type || cols[i].Length != _schema[i].Length))
                throw new ArgumentException($"Batch column {i} is '{cols[i].Name}' ({ColumnTypes.Describe(cols[i])}); the source was opened for '{_schema[i].Name}' ({ColumnTypes.Describe(_schema[i])}).", nameof(batch));
    }

    /// <summary>Closes the array streams.</summary>
    public void Dispose()
    {
        foreach (var s in _streams) s?.Dispose();
    }
}
