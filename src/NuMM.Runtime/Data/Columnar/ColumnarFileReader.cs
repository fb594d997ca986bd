using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>Opens a NuMM columnar file (docs/format.md): validates the preamble, header, index and trailer
/// against the file size and their checksums, then serves batch sources that read only the requested columns
/// with one positioned read per chunk, straight into the batch when the batch holds whole row groups.</summary>
public sealed class ColumnarFileReader : IColumnFile
{
    private readonly SafeFileHandle _handle;
    private readonly ColumnInfo[] _columns;
    private readonly long[] _groupFirst;
    private readonly int[] _groupCount;
    private readonly long[] _chunkOffset; // [group * columns + column]
    private readonly long[] _chunkLength;
    private readonly uint[] _chunkCrc;

    private ColumnarFileReader(string path, SafeFileHandle handle, ColumnInfo[] columns, Exposure exposure,
        KeyValuePair<string, string>[] provenance, int rowGroupCapacity, long entries, long[] groupFirst, int[] groupCount,
        long[] chunkOffset, long[] chunkLength, uint[] chunkCrc, ushort minorVersion)
    {
        Path = path;
        _handle = handle;
        _columns = columns;
        Exposure = exposure;
        Provenance = provenance;
        RowGroupCapacity = rowGroupCapacity;
        EntryCount = entries;
        _groupFirst = groupFirst;
        _groupCount = groupCount;
        _chunkOffset = chunkOffset;
        _chunkLength = chunkLength;
        _chunkCrc = chunkCrc;
        MinorVersion = minorVersion;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnInfo> Columns => _columns;

    /// <inheritdoc/>
    public long EntryCount { get; }

    /// <inheritdoc/>
    public Exposure Exposure { get; }

    /// <summary>The provenance key/value pairs, sorted by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Provenance { get; }

    /// <summary>Entries per full row group.</summary>
    public int RowGroupCapacity { get; }

    /// <summary>Number of row groups.</summary>
    public int RowGroupCount => _groupCount.Length;

    /// <summary>The minor format version the file was written with (the major version is always 1; array columns need 1.1).</summary>
    public ushort MinorVersion { get; }

    internal SafeFileHandle Handle => _handle;

    internal int GroupCount(int group) => _groupCount[group];

    internal long GroupFirst(int group) => _groupFirst[group];

    /// <summary>Where the chunk of <paramref name="column"/> in row group <paramref name="rowGroup"/> lies, for callers
    /// that memory-map the file: its payload is <see cref="ColumnarChunkInfo.PayloadLength"/> bytes of little-endian
    /// values starting at the 64-byte-aligned <see cref="ColumnarChunkInfo.PayloadOffset"/> (for an array column of N
    /// values per entry, value k of the chunk's entry i at k × entries + i).</summary>
    /// <param name="rowGroup">The row group, 0 ≤ rowGroup &lt; <see cref="RowGroupCount"/>.</param>
    /// <param name="column">The column index in <see cref="Columns"/>.</param>
    public ColumnarChunkInfo GetChunk(int rowGroup, int column)
    {
        if ((uint)rowGroup >= (uint)_groupCount.Length) throw new ArgumentOutOfRangeException(nameof(rowGroup), rowGroup, $"The file has {_groupCount.Length} row groups.");
        if ((uint)column >= (uint)_columns.Length) throw new ArgumentOutOfRangeException(nameof(column), column, $"The file has {_columns.Length} columns.");
        var (offset, length, crc) = Chunk(rowGroup, column);
        return new ColumnarChunkInfo(offset, offset + ColumnarLayout.ChunkHeaderSize, length, crc, _groupFirst[rowGroup], _groupCount[rowGroup]);
    }

    internal (long Offset, long Length, uint Crc) Chunk(int group, int column)
    {
        int k = group * _columns.Length + column;
        return (_chunkOffset[k], _chunkLength[k], _chunkCrc[k]);
    }

    /// <summary>Opens and validates <paramref name="path"/>.</summary>
    /// <param name="path">A NuMM columnar file.</param>
    /// <exception cref="DataFormatException">The file is truncated, corrupt or not a NuMM columnar file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ColumnarFileReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Parse(path, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    IBatchSource<IColumnBatch> IColumnFile.OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping, ColumnConversion conversion) =>
        OpenSource(schema, mapping, conversion);

    /// <summary>A source that fills batches of <paramref name="schema"/>, reading only the bound columns.</summary>
    /// <param name="schema">The batch's columns, in order.</param>
    /// <param name="mapping">Schema column → file column overrides; null for none.</param>
    /// <param name="conversion">Which type differences may be converted; by default none.</param>
    /// <exception cref="DataFormatException">A column is missing or mismatched (all problems in one message).</exception>
    public ColumnarBatchSource OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None) =>
        new(this, schema, SchemaBinder.Bind(schema, _columns, Path, mapping, conversion));

    /// <summary>The file's row groups as batches of <typeparamref name="TBatch"/> that read the memory-mapped file in place
    /// (zero-copy; see <see cref="MappedColumnarSource{TBatch}"/>). The schema is the batch type's.</summary>
    /// <typeparam name="TBatch">A generated batch type.</typeparam>
    /// <param name="mapping">Schema column → file column overrides; null for none.</param>
    /// <param name="verifyChecksums">Check each chunk's CRC-32C before its row group is first used (default). Turning it off
    /// saves one read of the data; the headers, finite and boolean checks stay.</param>
    /// <exception cref="DataFormatException">A column is missing or mismatched, differs in type from the schema, or is
    /// event-major in the schema.</exception>
    public MappedColumnarSource<TBatch> OpenMapped<TBatch>(SchemaMapping? mapping = null, bool verifyChecksums = true)
        where TBatch : class, IViewableBatch<TBatch> =>
        new(this, SchemaBinder.Bind(TBatch.Schema, _columns, Path, mapping, ColumnConversion.None), verifyChecksums);

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();

    internal DataFormatException Error(string message, string? column = null, long? entry = null, long? offset = null, Exception? inner = null) =>
        new(message, Path, column, entry, offset, inner);

    private static ColumnarFileReader Parse(string path, SafeFileHandle handle)
    {
        long length = RandomAccess.GetLength(handle);
        DataFormatException Fail(string m, long? offset = null, string? column = null) => new(m, path, column, null, offset);
        if (length < ColumnarLayout.PreambleSize + ColumnarLayout.TrailerSize)
        {
            Span<byte> head = stackalloc byte[8];
            int got = ReadAt(handle, head, 0);
            if (got < 8 || !head.SequenceEqual(ColumnarLayout.Magic))
                throw Fail($"Not a NuMM columnar file: expected magic {Hex(ColumnarLayout.Magic)}, found {Hex(head[..got])}.", 0);
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The file is truncated: {length} bytes, a NuMM columnar file has at least {ColumnarLayout.PreambleSize + ColumnarLayout.TrailerSize}."), length);
        }

        Span<byte> pre = stackalloc byte[ColumnarLayout.PreambleSize];
        ReadExactly(handle, pre, 0, path, "preamble");
        if (!pre[..8].SequenceEqual(ColumnarLayout.Magic))
            throw Fail($"Not a NuMM columnar file: expected magic {Hex(ColumnarLayout.Magic)}, found {Hex(pre[..8])}.", 0);
        uint preCrc = BinaryPrimitives.ReadUInt32LittleEndian(pre[60..]), preActual = Crc32C.Compute(pre[..60]);
        if (preCrc != preActual)
            throw Fail($"Preamble checksum mismatch: stored CRC-32C 0x{preCrc:X8}, computed 0x{preActual:X8}; the file is corrupt.", 60);
        ushort major = BinaryPrimitives.ReadUInt16LittleEndian(pre[8..]), minor = BinaryPrimitives.ReadUInt16LittleEndian(pre[10..]);
        if (major != ColumnarLayout.MajorVersion)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"Unsupported format version {major}.{minor}; this reader reads version {ColumnarLayout.MajorVersion}.x."), 8);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(pre[12..]);
        uint headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(pre[16..]);
        int columnCount = BinaryPrimitives.ReadInt32LittleEndian(pre[20..]);
        int capacity = BinaryPrimitives.ReadInt32LittleEndian(pre[24..]);
        int groups = BinaryPrimitives.ReadInt32LittleEndian(pre[28..]);
        long entries = BinaryPrimitives.ReadInt64LittleEndian(pre[32..]);
        long indexOffset = BinaryPrimitives.ReadInt64LittleEndian(pre[40..]);
        long indexLength = BinaryPrimitives.ReadInt64LittleEndian(pre[48..]);

        long dataStart = ColumnarLayout.Align(ColumnarLayout.PreambleSize + (long)Math.Max(headerLength, 0));
        if (headerLength < 0 || dataStart > length - ColumnarLayout.TrailerSize)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The header length {headerLength} does not fit in the file ({length} bytes); the file is truncated or corrupt."), 12);
        if (columnCount < 0 || columnCount > headerLength / 16)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The column count {columnCount} does not fit in a header of {headerLength} bytes."), 20);
        if (capacity < 1 || capacity > ColumnarLayout.MaxRowGroupEntries)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The row-group capacity {capacity} lies outside [1, {ColumnarLayout.MaxRowGroupEntries}]."), 24);
        long expectedIndexEnd = length - ColumnarLayout.TrailerSize;
        if (indexOffset < dataStart || indexLength < ColumnarLayout.IndexHeaderSize + 4 || indexOffset > expectedIndexEnd || indexLength != expectedIndexEnd - indexOffset)
            throw Fail(string.Create(CultureInfo.InvariantCulture,
                $"The index (offset {indexOffset}, {indexLength} bytes) does not end where the trailer starts (byte {expectedIndexEnd} of {length}); the file is truncated or was not closed."), 40);

        Span<byte> trailer = stackalloc byte[ColumnarLayout.TrailerSize];
        ReadExactly(handle, trailer, expectedIndexEnd, path, "trailer");
        if (!trailer[8..].SequenceEqual(ColumnarLayout.EndMagic))
            throw Fail($"The trailer is missing: expected end magic {Hex(ColumnarLayout.EndMagic)}, found {Hex(trailer[8..])}; the file is truncated or was not closed.", expectedIndexEnd + 8);
        long trailerIndex = BinaryPrimitives.ReadInt64LittleEndian(trailer);
        if (trailerIndex != indexOffset)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The trailer gives index offset {trailerIndex}, the preamble {indexOffset}."), expectedIndexEnd);

        // Header.
        var header = new byte[headerLength];
        ReadExactly(handle, header, ColumnarLayout.PreambleSize, path, "header");
        uint headerActual = Crc32C.Compute(header);
        if (headerActual != headerCrc)
            throw Fail($"Header checksum mismatch: stored CRC-32C 0x{headerCrc:X8}, computed 0x{headerActual:X8}; the file is corrupt.", ColumnarLayout.PreambleSize);
        var r = new HeaderReader(header, path);
        var columns = new ColumnInfo[columnCount];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < columnCount; c++)
        {
            long at = r.Offset;
            byte code = r.Byte();
            byte flags = r.Byte();
            int values = r.UInt16(); // 0 in files written before version 1.1: one value per entry
            var type = ColumnarLayout.TypeFromCode(code) ?? throw Fail($"Column {c} has unknown type code {code}.", at);
            if (values > ColumnInfo.MaxLength)
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"Column {c} holds {values} values per entry; at most {ColumnInfo.MaxLength} are supported."), at + 2);
            string name = r.String(), unit = r.String(), source = r.String();
            if (name.Length == 0 || !names.Add(name)) throw Fail($"Column {c} has an empty or repeated name '{name}'.", at);
            columns[c] = new ColumnInfo(name, type, unit, source, (flags & 1) != 0, Math.Max(values, 1));
        }
        long exposureAt = r.Offset;
        int kind = r.Int32();
        double value = r.Double();
        if (!Enum.IsDefined((ExposureKind)kind) || !double.IsFinite(value) || value < 0)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"Invalid exposure: kind {kind}, value {value:R}; expected kind 0–2 and a finite value ≥ 0."), exposureAt);
        var exposure = new Exposure(value, (ExposureKind)kind);
        int provCount = r.Int32();
        if (provCount < 0 || provCount > headerLength / 8) throw Fail(string.Create(CultureInfo.InvariantCulture, $"Invalid provenance count {provCount}."), r.Offset - 4);
        var provenance = new KeyValuePair<string, string>[provCount];
        for (int i = 0; i < provCount; i++) provenance[i] = new(r.String(), r.String());
        if (r.Offset != ColumnarLayout.PreambleSize + headerLength)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The header has {ColumnarLayout.PreambleSize + headerLength - r.Offset} unexpected trailing bytes."), r.Offset);

        // Index.
        long stride = ColumnarLayout.RowGroupRecordSize + (long)columnCount * ColumnarLayout.ColumnRecordSize;
        if (groups < 0 || groups > (indexLength - ColumnarLayout.IndexHeaderSize - 4) / stride
            || indexLength != ColumnarLayout.IndexHeaderSize + groups * stride + 4)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The index length {indexLength} does not match {groups} row groups of {columnCount} columns."), indexOffset);
        if (indexLength > Array.MaxLength)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The index is {indexLength} bytes; at most {Array.MaxLength} are supported."), indexOffset);
        var index = new byte[indexLength];
        ReadExactly(handle, index, indexOffset, path, "index");
        uint indexCrc = BinaryPrimitives.ReadUInt32LittleEndian(index.AsSpan((int)indexLength - 4));
        uint indexActual = Crc32C.Compute(index.AsSpan(0, (int)indexLength - 4));
        if (indexCrc != indexActual)
            throw Fail($"Index checksum mismatch: stored CRC-32C 0x{indexCrc:X8}, computed 0x{indexActual:X8}; the file is corrupt.", indexOffset + indexLength - 4);
        if (BinaryPrimitives.ReadUInt32LittleEndian(index) != ColumnarLayout.IndexMagic
            || BinaryPrimitives.ReadInt32LittleEndian(index.AsSpan(4)) != groups || BinaryPrimitives.ReadInt32LittleEndian(index.AsSpan(8)) != columnCount)
            throw Fail("The index header does not match the preamble (magic 'NIDX', row-group and column counts).", indexOffset);

        var groupFirst = new long[groups];
        var groupCount = new int[groups];
        var chunkOffset = new long[groups * columnCount];
        var chunkLength = new long[groups * columnCount];
        var chunkCrc = new uint[groups * columnCount];
        long expectedFirst = 0, minOffset = dataStart;
        int p = ColumnarLayout.IndexHeaderSize;
        for (int g = 0; g < groups; g++)
        {
            long at = indexOffset + p;
            groupFirst[g] = BinaryPrimitives.ReadInt64LittleEndian(index.AsSpan(p));
            groupCount[g] = BinaryPrimitives.ReadInt32LittleEndian(index.AsSpan(p + 8));
            if (groupFirst[g] != expectedFirst || groupCount[g] < 1 || groupCount[g] > capacity)
                throw Fail(string.Create(CultureInfo.InvariantCulture,
                    $"Row group {g} starts at entry {groupFirst[g]} with {groupCount[g]} entries; expected start {expectedFirst} and 1–{capacity} entries."), at);
            expectedFirst += groupCount[g];
            p += ColumnarLayout.RowGroupRecordSize;
            for (int c = 0; c < columnCount; c++)
            {
                int k = g * columnCount + c;
                long off = BinaryPrimitives.ReadInt64LittleEndian(index.AsSpan(p));
                long len = BinaryPrimitives.ReadInt64LittleEndian(index.AsSpan(p + 8));
                chunkCrc[k] = BinaryPrimitives.ReadUInt32LittleEndian(index.AsSpan(p + 16));
                long expectedLen = (long)groupCount[g] * ColumnTypes.Size(columns[c].Type) * columns[c].Length;
                if (len != expectedLen)
                    throw Fail(string.Create(CultureInfo.InvariantCulture,
                        $"Row group {g}: the index gives a {len}-byte chunk; {groupCount[g]} entries of {ColumnTypes.Describe(columns[c])} need {expectedLen}."), indexOffset + p + 8, columns[c].Name);
                if (off < minOffset || (off & (ColumnarLayout.Alignment - 1)) != 0 || off > indexOffset - ColumnarLayout.ChunkHeaderSize - len)
                    throw Fail(string.Create(CultureInfo.InvariantCulture,
                        $"Row group {g}: chunk offset {off} lies outside the data region [{minOffset}, {indexOffset}) or is not {ColumnarLayout.Alignment}-byte aligned."), indexOffset + p, columns[c].Name);
                minOffset = off + ColumnarLayout.ChunkHeaderSize + len;
                chunkOffset[k] = off;
                chunkLength[k] = len;
                p += ColumnarLayout.ColumnRecordSize;
            }
        }
        if (expectedFirst != entries)
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"The row groups hold {expectedFirst} entries; the preamble says {entries}."), 32);
        return new ColumnarFileReader(path, handle, columns, exposure, provenance, capacity, entries, groupFirst, groupCount,
            chunkOffset, chunkLength, chunkCrc, minor);
    }

    internal static int ReadAt(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path, string what)
    {
        int got = ReadAt(handle, buffer, offset);
        if (got != buffer.Length)
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The file ends inside the {what}: expected {buffer.Length} bytes, read {got}."), path, null, null, offset + got);
    }

    internal static string Hex(ReadOnlySpan<byte> b) => b.Length == 0 ? "(nothing)" : Convert.ToHexString(b);

    /// <summary>Bounded reads of the header: every length is checked against what is left.</summary>
    private sealed class HeaderReader(byte[] data, string path)
    {
        private int _pos;

        public long Offset => ColumnarLayout.PreambleSize + _pos;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || n > data.Length - _pos)
                throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"The header ends early: needed {n} bytes at header position {_pos}, {data.Length - _pos} left."), path, null, null, Offset);
            var s = data.AsSpan(_pos, n);
            _pos += n;
            return s;
        }

        public byte Byte() => Take(1)[0];

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

        public string String()
        {
            int n = Int32();
            long at = Offset;
            var bytes = Take(n);
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new DataFormatException("A header string is not valid UTF-8.", path, null, null, at, e);
            }
        }
    }
}
