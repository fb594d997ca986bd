using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>Writes a NuMM columnar file (docs/format.md) by streaming: batches are appended, one row group per
/// column is held in memory, and each full row group is written as one chunk per column. The output goes to a
/// temporary file in the same directory and is renamed onto <see cref="Path"/> only by <see cref="Commit"/>;
/// disposing without committing (for example after an exception) deletes it, so no half-written file remains.</summary>
public sealed class ColumnarFileWriter : IDisposable
{
    private readonly ColumnInfo[] _columns;
    private readonly int[] _sizes;
    private readonly int[] _lengths; // values per entry: 1, or N for an array column
    private readonly byte[][] _chunks; // per column: 64-byte chunk header, then the row group's payload (array value k at k × capacity), then padding
    private readonly int _capacity;
    private readonly int _headerLength;
    private readonly uint _headerCrc;
    private readonly List<long> _groupFirst = [];
    private readonly List<int> _groupCount = [];
    private readonly List<long> _chunkOffset = [];
    private readonly List<long> _chunkLength = [];
    private readonly List<uint> _chunkCrc = [];
    private FileStream? _stream;
    private int _pending;
    private bool _committed, _faulted;

    /// <summary>Starts writing <paramref name="path"/> (the temporary file is created now).</summary>
    /// <param name="path">The final output path; replaced atomically on <see cref="Commit"/>.</param>
    /// <param name="columns">The columns, in order; names unique and non-empty.</param>
    /// <param name="options">Exposure, provenance and row-group size; defaults when null.</param>
    public ColumnarFileWriter(string path, IReadOnlyList<ColumnInfo> columns, ColumnarWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(columns);
        options ??= new ColumnarWriteOptions();
        if (options.RowGroupEntries < 1 || options.RowGroupEntries > ColumnarLayout.MaxRowGroupEntries)
            throw new ArgumentOutOfRangeException(nameof(options), options.RowGroupEntries, $"RowGroupEntries must lie in [1, {ColumnarLayout.MaxRowGroupEntries}].");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(columns));
            if (string.IsNullOrEmpty(c.Name)) throw new ArgumentException("A column needs a non-empty name.", nameof(columns));
            if (!names.Add(c.Name)) throw new ArgumentException($"Column '{c.Name}' appears twice.", nameof(columns));
            if (c.Length < 1 || c.Length > ColumnInfo.MaxLength)
                throw new ArgumentException($"Column '{c.Name}' has length {c.Length}; a column holds 1 to {ColumnInfo.MaxLength} values per entry.", nameof(columns));
        }
        var provenance = (options.Provenance ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        for (int i = 0; i < provenance.Length; i++)
        {
            if (string.IsNullOrEmpty(provenance[i].Key)) throw new ArgumentException("Provenance keys must be non-empty.", nameof(options));
            if (i > 0 && provenance[i].Key == provenance[i - 1].Key) throw new ArgumentException($"Provenance key '{provenance[i].Key}' appears twice.", nameof(options));
        }
        var e = options.Exposure;
        if (!double.IsFinite(e.Value) || e.Value < 0 || !Enum.IsDefined(e.Kind))
            throw new ArgumentOutOfRangeException(nameof(options), e.Value, "The exposure must be finite and ≥ 0 with a defined kind.");

        Path = System.IO.Path.GetFullPath(path);
        _columns = columns.ToArray();
        _capacity = options.RowGroupEntries;
        _sizes = _columns.Select(c => ColumnTypes.Size(c.Type)).ToArray();
        _lengths = _columns.Select(c => c.Length).ToArray();
        for (int c = 0; c < _columns.Length; c++)
            if ((long)_capacity * _sizes[c] * _lengths[c] > Array.MaxLength - 2 * ColumnarLayout.Alignment)
                throw new ArgumentOutOfRangeException(nameof(options), options.RowGroupEntries,
                    $"A row group of {_capacity} entries of column '{_columns[c].Name}' ({_lengths[c]} × {_sizes[c]} bytes per entry) exceeds 2 GiB; use smaller row groups.");
        byte[] header = EncodeHeader(_columns, e, provenance);
        _headerLength = header.Length;
        _headerCrc = Crc32C.Compute(header);

        string dir = System.IO.Path.GetDirectoryName(Path)!;
        TemporaryPath = System.IO.Path.Combine(dir, string.Create(CultureInfo.InvariantCulture,
            $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
        _stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        try
        {
            _stream.Write(new byte[ColumnarLayout.PreambleSize]); // patched by Commit
            _stream.Write(header);
            WritePadding(_stream.Position);
            _chunks = new byte[_columns.Length][];
            for (int c = 0; c < _columns.Length; c++)
                _chunks[c] = new byte[ColumnarLayout.ChunkHeaderSize + ColumnarLayout.Align((long)_capacity * _sizes[c] * _lengths[c])];
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The final output path (absolute).</summary>
    public string Path { get; }

    /// <summary>The temporary file written until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The columns being written.</summary>
    public IReadOnlyList<ColumnInfo> Columns => _columns;

    /// <summary>Entries appended so far.</summary>
    public long EntriesWritten { get; private set; }

    /// <summary>Appends the <see cref="IColumnBatch.Length"/> valid events of <paramref name="batch"/>, whose
    /// columns must have the writer's names, types and lengths in the same order (an array column in either
    /// <see cref="NuMM.Dsl.ArrayLayout"/>; the file stores it element-major regardless).</summary>
    /// <param name="batch">The events to append.</param>
    /// <exception cref="DataFormatException">A column declared finite holds NaN or ±∞ (names the column and entry).</exception>
    public void Write(IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureWritable();
        var cols = batch.Columns;
        if (cols.Length != _columns.Length)
            throw new ArgumentException($"The batch has {cols.Length} columns; the file has {_columns.Length}.", nameof(batch));
        for (int c = 0; c < cols.Length; c++)
            if (cols[c].Name != _columns[c].Name || cols[c].Type != _columns[c].Type || cols[c].Length != _columns[c].Length)
                throw new ArgumentException($"Batch column {c} is '{cols[c].Name}' ({ColumnTypes.Describe(cols[c])}); the file expects '{_columns[c].Name}' ({ColumnTypes.Describe(_columns[c])}).", nameof(batch));
        int n = batch.Length, stride = batch.Capacity;
        for (int c = 0; c < _columns.Length; c++)
        {
            if (!_columns[c].RequireFinite) continue;
            var bytes = ColumnTypes.Bytes(batch, c, _columns[c].Type);
            if (cols[c].IsEventMajor)
            {
                // Each event's values together: one scan of n × Length values.
                int flat = ValueChecks.FirstNonFinite(bytes, _columns[c].Type, n * _lengths[c]);
                if (flat < 0) continue;
                _faulted = true;
                throw new DataFormatException($"Column '{_columns[c].Name}' is declared finite but holds {FormatValue(batch, c, flat)} as value {flat % _lengths[c]}.", Path, _columns[c].Name, EntriesWritten + flat / _lengths[c]);
            }
            for (int k = 0; k < _lengths[c]; k++)
            {
                int bad = ValueChecks.FirstNonFinite(bytes[(k * stride * _sizes[c])..], _columns[c].Type, n);
                if (bad < 0) continue;
                _faulted = true;
                string which = _lengths[c] == 1 ? "" : $" as value {k}";
                throw new DataFormatException($"Column '{_columns[c].Name}' is declared finite but holds {FormatValue(batch, c, k * stride + bad)}{which}.", Path, _columns[c].Name, EntriesWritten + bad);
            }
        }
        int done = 0;
        try
        {
            while (done < n)
            {
                int take = Math.Min(n - done, _capacity - _pending);
                for (int c = 0; c < _columns.Length; c++)
                {
                    int size = _sizes[c];
                    var bytes = ColumnTypes.Bytes(batch, c, _columns[c].Type);
                    if (cols[c].IsEventMajor)
                    {
                        // The file holds value k of a row group's entries together (runs _capacity apart): transpose into them.
                        ArrayRuns.GetRuns(bytes, cols[c], stride, size, done, _chunks[c].AsSpan(ColumnarLayout.ChunkHeaderSize + _pending * size), _capacity, take);
                        continue;
                    }
                    for (int k = 0; k < _lengths[c]; k++)
                        bytes.Slice((k * stride + done) * size, take * size)
                            .CopyTo(_chunks[c].AsSpan(ColumnarLayout.ChunkHeaderSize + (k * _capacity + _pending) * size));
                }
                _pending += take;
                done += take;
                EntriesWritten += take;
                if (_pending == _capacity) FlushRowGroup();
            }
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    /// <summary>Writes the last row group, the index and the trailer, patches the preamble, flushes to disk and
    /// renames the temporary file onto <see cref="Path"/> (replacing any existing file).</summary>
    public void Commit()
    {
        EnsureWritable();
        try
        {
            if (_pending > 0) FlushRowGroup();
            var s = _stream!;
            long indexOffset = s.Position;
            byte[] index = EncodeIndex();
            s.Write(index);
            Span<byte> trailer = stackalloc byte[ColumnarLayout.TrailerSize];
            BinaryPrimitives.WriteInt64LittleEndian(trailer, indexOffset);
            ColumnarLayout.EndMagic.CopyTo(trailer[8..]);
            s.Write(trailer);

            Span<byte> pre = stackalloc byte[ColumnarLayout.PreambleSize];
            pre.Clear();
            ColumnarLayout.Magic.CopyTo(pre);
            BinaryPrimitives.WriteUInt16LittleEndian(pre[8..], ColumnarLayout.MajorVersion);
            BinaryPrimitives.WriteUInt16LittleEndian(pre[10..], ColumnarLayout.MinorVersion);
            BinaryPrimitives.WriteInt32LittleEndian(pre[12..], _headerLength);
            BinaryPrimitives.WriteUInt32LittleEndian(pre[16..], _headerCrc);
            BinaryPrimitives.WriteInt32LittleEndian(pre[20..], _columns.Length);
            BinaryPrimitives.WriteInt32LittleEndian(pre[24..], _capacity);
            BinaryPrimitives.WriteInt32LittleEndian(pre[28..], _groupCount.Count);
            BinaryPrimitives.WriteInt64LittleEndian(pre[32..], EntriesWritten);
            BinaryPrimitives.WriteInt64LittleEndian(pre[40..], indexOffset);
            BinaryPrimitives.WriteInt64LittleEndian(pre[48..], index.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(pre[60..], Crc32C.Compute(pre[..60]));
            s.Position = 0;
            s.Write(pre);
            s.Flush(flushToDisk: true);
            s.Dispose();
            _stream = null;
            File.Move(TemporaryPath, Path, overwrite: true);
            _committed = true;
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    /// <summary>Closes the file; when <see cref="Commit"/> did not complete, deletes the temporary file.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (!_committed)
        {
            try { File.Delete(TemporaryPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            _committed = true; // nothing more to clean up
            _faulted = true;
        }
    }

    private void EnsureWritable()
    {
        if (_stream is null) throw new ObjectDisposedException(nameof(ColumnarFileWriter), "The writer was committed or disposed.");
        if (_faulted) throw new InvalidOperationException("An earlier write failed; the output is abandoned. Dispose the writer.");
    }

    private void FlushRowGroup()
    {
        var s = _stream!;
        int group = _groupCount.Count;
        long first = EntriesWritten - _pending;
        _groupFirst.Add(first);
        _groupCount.Add(_pending);
        for (int c = 0; c < _columns.Length; c++)
        {
            byte[] chunk = _chunks[c];
            int run = _pending * _sizes[c];
            // A short last row group: close the gaps between the runs of an array column's values (moving down, so in place).
            if (_pending < _capacity)
                for (int k = 1; k < _lengths[c]; k++)
                    chunk.AsSpan(ColumnarLayout.ChunkHeaderSize + k * _capacity * _sizes[c], run).CopyTo(chunk.AsSpan(ColumnarLayout.ChunkHeaderSize + k * run));
            long payload = (long)run * _lengths[c];
            long padded = ColumnarLayout.Align(payload);
            var data = chunk.AsSpan(ColumnarLayout.ChunkHeaderSize, (int)padded);
            data[(int)payload..].Clear();
            uint crc = Crc32C.Compute(data[..(int)payload]);
            var h = chunk.AsSpan(0, ColumnarLayout.ChunkHeaderSize);
            h.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(h, ColumnarLayout.ChunkMagic);
            BinaryPrimitives.WriteInt32LittleEndian(h[4..], c);
            BinaryPrimitives.WriteInt32LittleEndian(h[8..], group);
            BinaryPrimitives.WriteInt32LittleEndian(h[12..], _pending);
            BinaryPrimitives.WriteInt64LittleEndian(h[16..], first);
            BinaryPrimitives.WriteInt64LittleEndian(h[24..], payload);
            BinaryPrimitives.WriteUInt32LittleEndian(h[32..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[60..], Crc32C.Compute(h[..60]));
            _chunkOffset.Add(s.Position);
            _chunkLength.Add(payload);
            _chunkCrc.Add(crc);
            s.Write(chunk, 0, ColumnarLayout.ChunkHeaderSize + (int)padded);
        }
        _pending = 0;
    }

    private byte[] EncodeIndex()
    {
        int groups = _groupCount.Count, cols = _columns.Length;
        long size = ColumnarLayout.IndexHeaderSize + (long)groups * (ColumnarLayout.RowGroupRecordSize + (long)cols * ColumnarLayout.ColumnRecordSize) + 4;
        if (size > Array.MaxLength) throw new InvalidOperationException("The index would exceed 2 GiB; use larger row groups.");
        var b = new byte[size];
        var span = b.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, ColumnarLayout.IndexMagic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], groups);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], cols);
        int p = ColumnarLayout.IndexHeaderSize;
        for (int g = 0; g < groups; g++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[p..], _groupFirst[g]);
            BinaryPrimitives.WriteInt32LittleEndian(span[(p + 8)..], _groupCount[g]);
            p += ColumnarLayout.RowGroupRecordSize;
            for (int c = 0; c < cols; c++)
            {
                int k = g * cols + c;
                BinaryPrimitives.WriteInt64LittleEndian(span[p..], _chunkOffset[k]);
                BinaryPrimitives.WriteInt64LittleEndian(span[(p + 8)..], _chunkLength[k]);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 16)..], _chunkCrc[k]);
                p += ColumnarLayout.ColumnRecordSize;
            }
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span[p..], Crc32C.Compute(span[..p]));
        return b;
    }

    private static byte[] EncodeHeader(ColumnInfo[] columns, Exposure exposure, KeyValuePair<string, string>[] provenance)
    {
        using var ms = new MemoryStream();
        Span<byte> tmp = stackalloc byte[8];
        void WriteString(string? s)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(s ?? "");
            Span<byte> len = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(len, utf8.Length);
            ms.Write(len);
            ms.Write(utf8);
        }
        foreach (var c in columns)
        {
            tmp[..4].Clear();
            tmp[0] = ColumnarLayout.TypeCode(c.Type);
            tmp[1] = (byte)(c.RequireFinite ? 1 : 0);
            BinaryPrimitives.WriteUInt16LittleEndian(tmp[2..], (ushort)c.Length);
            ms.Write(tmp[..4]);
            WriteString(c.Name);
            WriteString(c.Unit);
            WriteString(c.Source);
        }
        BinaryPrimitives.WriteInt32LittleEndian(tmp, (int)exposure.Kind);
        ms.Write(tmp[..4]);
        BinaryPrimitives.WriteDoubleLittleEndian(tmp, exposure.Value);
        ms.Write(tmp[..8]);
        BinaryPrimitives.WriteInt32LittleEndian(tmp, provenance.Length);
        ms.Write(tmp[..4]);
        foreach (var p in provenance)
        {
            WriteString(p.Key);
            WriteString(p.Value);
        }
        return ms.ToArray();
    }

    private void WritePadding(long position)
    {
        int pad = (int)(ColumnarLayout.Align(position) - position);
        if (pad > 0) _stream!.Write(new byte[pad]);
    }

    private static string FormatValue(IColumnBatch batch, int column, int index) => batch.Columns[column].Type == ColumnType.Single
        ? batch.Column<float>(column)[index].ToString("R", CultureInfo.InvariantCulture)
        : batch.Column<double>(column)[index].ToString("R", CultureInfo.InvariantCulture);
}
