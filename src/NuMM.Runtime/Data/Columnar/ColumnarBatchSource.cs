using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>Reads the bound columns of a NuMM columnar file into batches, in entry order (<see cref="ReadNext"/>) or by
/// batch index from several threads at once (<see cref="ReadBatch"/>, each thread with its own buffers). A chunk is read with
/// one positioned read straight into the batch when the batch takes the whole row group at once (batch capacity
/// a multiple of the row-group size) — for an array column one read per value k, since the chunk's runs are spaced by
/// the row group's entry count and the batch's by its capacity; otherwise through one scratch buffer per column
/// allocated on first use. An event-major array column (<see cref="ColumnInfo.IsEventMajor"/>) always takes the scratch
/// path: the file stores value k of a row group's entries together, so the runs are transposed into the batch.
/// Every chunk's header and CRC-32C are checked, and columns declared finite are scanned for NaN and ±∞.
/// Nothing is allocated per batch.</summary>
public sealed class ColumnarBatchSource : IIndexedBatchSource<IColumnBatch>, IExposureSource
{
    private readonly ColumnarFileReader _file;
    private readonly ColumnInfo[] _schema;
    private readonly ColumnBinding[] _bindings;
    private readonly ThreadLocal<Buffers> _perThread;  // one set per calling thread (ReadNext and ReadBatch)
    private int _group, _offsetInGroup;
    private long _first; // where batch 0 of ReadBatch starts: 0, or the last Seek

    /// <summary>Scratch buffers of one reader: per binding, the chunk read last (for batches that take part of a row group)
    /// and converted runs, allocated on first use; and one chunk header.</summary>
    private sealed class Buffers(int bindings)
    {
        public readonly byte[]?[] Scratch = new byte[bindings][];
        public readonly byte[]?[] Runs = new byte[bindings][];
        public readonly int[] ScratchGroup = Enumerable.Repeat(-1, bindings).ToArray();
        public readonly byte[] ChunkHeader = new byte[ColumnarLayout.ChunkHeaderSize];
    }

    internal ColumnarBatchSource(ColumnarFileReader file, IReadOnlyList<ColumnInfo> schema, ColumnBinding[] bindings)
    {
        _file = file;
        _schema = [.. schema];
        _bindings = bindings;
        _perThread = new ThreadLocal<Buffers>(() => new Buffers(bindings.Length));
    }

    /// <summary>The exposure the file records for all of its entries (<see cref="Exposure.None"/> when it records none).</summary>
    public Exposure Exposure => _file.Exposure;

    /// <summary>How each schema column is filled.</summary>
    public IReadOnlyList<ColumnBinding> Bindings => _bindings;

    /// <summary>The entry the next batch starts at.</summary>
    public long Position => _group < _file.RowGroupCount ? _file.GroupFirst(_group) + _offsetInGroup : _file.EntryCount;

    /// <summary>Rewinds to the first entry.</summary>
    public void Reset()
    {
        _group = 0;
        _offsetInGroup = 0;
        _first = 0;
    }

    /// <summary>Moves to entry <paramref name="entry"/>: the next batch starts there (a shard of a sharded run starts
    /// mid-file).</summary>
    /// <param name="entry">0..<see cref="ColumnarFileReader.EntryCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The entry is outside the file.</exception>
    public void Seek(long entry)
    {
        if (entry < 0 || entry > _file.EntryCount)
            throw new ArgumentOutOfRangeException(nameof(entry), entry, $"{_file.Path}: entry {entry} is outside [0, {_file.EntryCount}].");
        _group = 0;
        while (_group < _file.RowGroupCount && _file.GroupFirst(_group) + _file.GroupCount(_group) <= entry) _group++;
        _offsetInGroup = _group < _file.RowGroupCount ? (int)(entry - _file.GroupFirst(_group)) : 0;
        _first = entry;
    }

    /// <inheritdoc/>
    public bool ReadNext(IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckBatch(batch);
        int group = _group, offsetInGroup = _offsetInGroup;
        int filled = Fill(batch, ref group, ref offsetInGroup, batch.Capacity, _perThread.Value!);
        _group = group;
        _offsetInGroup = offsetInGroup;
        batch.Length = filled;
        return filled > 0;
    }

    /// <summary>Fills <paramref name="batch"/> with batch <paramref name="index"/> for batches of its capacity: entries
    /// [first + index × capacity, …) where first is 0 or the entry of the last <see cref="Seek"/>. Safe to call from several
    /// threads at once with different batches (each thread reads with its own buffers), so the runner reads, checks and
    /// converts batches on all its threads; independent of <see cref="ReadNext"/>'s position.</summary>
    /// <param name="index">The batch's index, from 0.</param>
    /// <param name="batch">The batch to overwrite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    /// <exception cref="DataFormatException">A chunk is corrupt, or a value breaks a column's declared constraints.</exception>
    public bool ReadBatch(long index, IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckBatch(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        long entry = _first + index * batch.Capacity;
        if (index > (_file.EntryCount - _first) / batch.Capacity || entry >= _file.EntryCount)
        {
            batch.Length = 0;
            return false;
        }
        // Row groups are full except the last, so the group holding `entry` is found by division.
        int group = (int)Math.Min(entry / _file.RowGroupCapacity, _file.RowGroupCount - 1);
        while (_file.GroupFirst(group) > entry) group--;
        int offsetInGroup = (int)(entry - _file.GroupFirst(group));
        int filled = Fill(batch, ref group, ref offsetInGroup, batch.Capacity, _perThread.Value!);
        batch.Length = filled;
        return filled > 0;
    }

    /// <summary>Fills <paramref name="batch"/> from row group <paramref name="group"/>, entry <paramref name="offset"/>
    /// on, with up to <paramref name="capacity"/> entries; advances both; returns the entries filled.</summary>
    private int Fill(IColumnBatch batch, ref int group, ref int offset, int capacity, Buffers buffers)
    {
        int filled = 0, groups = _file.RowGroupCount;
        var scratch = buffers.Scratch;
        var scratchGroup = buffers.ScratchGroup;
        while (filled < capacity && group < groups)
        {
            int inGroup = _file.GroupCount(group);
            int take = Math.Min(capacity - filled, inGroup - offset);
            long firstEntry = _file.GroupFirst(group) + offset;
            for (int b = 0; b < _bindings.Length; b++)
            {
                ref readonly var bind = ref _bindings[b];
                var target = bind.Target.Type;
                int targetSize = ColumnTypes.Size(target), values = bind.Target.Length;
                var column = ColumnTypes.Bytes(batch, bind.SchemaIndex, target);
                var layout = batch.Columns[bind.SchemaIndex];
                if (!bind.Converts && offset == 0 && take == inGroup && !layout.IsEventMajor)
                {
                    ReadChunk(group, bind, column, capacity * targetSize, filled * targetSize, take * targetSize, values, buffers.ChunkHeader);
                    for (int k = 0; k < values; k++)
                        Validate(bind, column.Slice((k * capacity + filled) * targetSize, take * targetSize), take, firstEntry, values == 1 ? -1 : k);
                    continue;
                }
                int sourceSize = ColumnTypes.Size(bind.Source.Type);
                if (scratchGroup[b] != group)
                {
                    long bytes = (long)inGroup * sourceSize * values;
                    if (bytes > Array.MaxLength)
                        throw _file.Error(string.Create(CultureInfo.InvariantCulture, $"The chunk of row group {group} holds {bytes} bytes, more than one buffer can hold; rewrite the file with smaller row groups."), bind.Target.Name, firstEntry);
                    // Sized by the first (full) row group read; only a file whose first group is short grows it later.
                    if (scratch[b] is null || scratch[b]!.Length < bytes) scratch[b] = new byte[bytes];
                    scratchGroup[b] = -1;
                    ReadChunk(group, bind, scratch[b].AsSpan(0, (int)bytes), 0, 0, (int)bytes, 1, buffers.ChunkHeader);
                    scratchGroup[b] = group;
                }
                // Value k of an array column: a run of the chunk's entries at k × inGroup, of the batch's at k × capacity
                // (element-major) or scattered with stride Length (event-major: converted and checked as runs, then transposed into place).
                for (int k = 0; k < values; k++)
                {
                    var src = scratch[b].AsSpan((k * inGroup + offset) * sourceSize, take * sourceSize);
                    var dest = !layout.IsEventMajor ? column.Slice((k * capacity + filled) * targetSize, take * targetSize)
                        : bind.Converts ? Runs(buffers, b, capacity * values * targetSize).Slice(k * take * targetSize, take * targetSize)
                        : src;
                    if (bind.Converts)
                    {
                        int bad = ValueConverter.Convert(src, bind.Source.Type, dest, target, take);
                        if (bad >= 0)
                            throw _file.Error($"Column '{bind.Source.Name}' holds a value{Value(values, k)} that does not fit {ColumnTypes.Name(target)} (requested conversion from {ColumnTypes.Name(bind.Source.Type)}).",
                                bind.Target.Name, firstEntry + bad);
                    }
                    else if (!layout.IsEventMajor)
                    {
                        src.CopyTo(dest);
                    }
                    Validate(bind, dest, take, firstEntry, values == 1 ? -1 : k);
                }
                if (layout.IsEventMajor)
                {
                    if (bind.Converts) ArrayRuns.PutRuns(column, layout, capacity, targetSize, filled, buffers.Runs[b]!, take, take);
                    else ArrayRuns.PutRuns(column, layout, capacity, targetSize, filled, scratch[b].AsSpan(offset * sourceSize), inGroup, take);
                }
            }
            filled += take;
            offset += take;
            if (offset == inGroup)
            {
                group++;
                offset = 0;
            }
        }
        return filled;
    }

    /// <summary>The converted runs of binding <paramref name="b"/> (every element of a batch's entries, element-major, for an
    /// event-major column read with a conversion), allocated on first use.</summary>
    private static Span<byte> Runs(Buffers buffers, int b, int bytes)
    {
        if (buffers.Runs[b] is null || buffers.Runs[b]!.Length < bytes) buffers.Runs[b] = new byte[bytes];
        return buffers.Runs[b];
    }

    private static string Value(int values, int k) => ChunkChecks.Value(values, k);

    /// <summary>Checks one run of values; <paramref name="element"/> is the array value k the run holds, or −1 for a scalar column.</summary>
    private void Validate(in ColumnBinding bind, ReadOnlySpan<byte> values, int count, long firstEntry, int element) =>
        ChunkChecks.Values(_file, bind, values, count, firstEntry, element);

    /// <summary>Reads and checks the chunk of <paramref name="group"/>: its payload, <paramref name="runs"/> runs of
    /// <paramref name="runBytes"/> bytes, lands at <paramref name="start"/> + r × <paramref name="runStride"/> of
    /// <paramref name="destination"/> (one run for a scalar column or a scratch buffer, one per value for an array column).</summary>
    private void ReadChunk(int group, in ColumnBinding bind, Span<byte> destination, int runStride, int start, int runBytes, int runs, byte[] header)
    {
        int column = bind.SourceIndex;
        string name = bind.Source.Name;
        var (offset, length, crc) = _file.Chunk(group, column);
        long first = _file.GroupFirst(group);
        int count = _file.GroupCount(group);
        var h = header.AsSpan();
        int got = ColumnarFileReader.ReadAt(_file.Handle, h, offset);
        if (got != h.Length)
            throw _file.Error(string.Create(CultureInfo.InvariantCulture, $"The file ends inside a chunk header: expected {h.Length} bytes, read {got}."), name, first, offset + got);
        ChunkChecks.Header(_file, h, group, column, name, offset);
        uint actual = 0;
        for (int r = 0; r < runs; r++)
        {
            var run = destination.Slice(start + r * runStride, runBytes);
            long at = offset + ColumnarLayout.ChunkHeaderSize + (long)r * runBytes;
            got = ColumnarFileReader.ReadAt(_file.Handle, run, at);
            if (got != run.Length)
                throw _file.Error(string.Create(CultureInfo.InvariantCulture,
                    $"The file ends inside a chunk: expected {(long)runs * runBytes} bytes, read {(long)r * runBytes + got}."), name, first, at + got);
            actual = Crc32C.Append(actual, run);
        }
        ChunkChecks.Payload(_file, crc, actual, name, first, offset);
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
}
