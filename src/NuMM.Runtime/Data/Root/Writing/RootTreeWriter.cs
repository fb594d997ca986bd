using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using NuMM.Runtime.Data.Root.Compression;

namespace NuMM.Runtime.Data.Root.Writing;

/// <summary>Writes a ROOT file holding one TTree of flat branches: one scalar branch (<c>x/F</c>, <c>n/I</c>, …) per
/// one-value column and one fixed-length array branch (<c>w[100]/F</c>) per array column, in ROOT 6's on-disk format
/// (the structures and class versions ROOT 6.20 writes), so ROOT, uproot and <see cref="RootFile"/> read it. Events are
/// appended batch by batch; every branch starts a basket at the same entries, so clusters are aligned across branches.
/// The file is written under a temporary name and appears at its path only when <see cref="Close"/> succeeds; a writer
/// disposed without closing deletes what it wrote.</summary>
/// <example><code>
/// using (var writer = RootTreeWriter.Create("events.root", "events", batch.Columns.ToArray(),
///     new RootWriteOptions { Compression = RootCompressionAlgorithm.Zstd }))
/// {
///     while (source.ReadNext(batch)) writer.Write(batch);
///     writer.Close();
/// }
/// </code></example>
public sealed class RootTreeWriter : IDisposable
{
    /// <summary>The largest file this writer produces: it writes 32-bit seek pointers, as ROOT does below 2 GB.</summary>
    public const long MaxFileBytes = int.MaxValue;

    private const int Begin = 100;
    private const int BasketBufferSize = 32000;
    private static readonly Lazy<byte[]> StreamerInfo = new(LoadStreamerInfo);

    private readonly string _path;
    private readonly string _tempPath;
    private readonly string _fileName;
    private readonly string _treeName;
    // The options' values at creation: changing the options object later does not affect this file.
    private readonly RootCompressionAlgorithm _compression;
    private readonly int _level;
    private readonly int _entriesPerBasket;
    private readonly string _treeTitle;
    private readonly Column[] _columns;
    private readonly uint _datime;
    private readonly byte[] _uuid;
    private FileStream? _stream;
    private long _pos;
    private int _pending;           // entries buffered for the next basket of every branch
    private bool _closed;

    private sealed class Column
    {
        public required ColumnInfo Info { get; init; }
        public required BranchRecord Record { get; init; }
        public required int ElementSize { get; init; }
        public byte[] Data = [];
    }

    private RootTreeWriter(string path, string treeName, IReadOnlyList<ColumnInfo> columns, RootWriteOptions options)
    {
        _path = System.IO.Path.GetFullPath(path);
        _fileName = System.IO.Path.GetFileName(_path);
        _treeName = treeName;
        _compression = options.Compression;
        _level = options.EffectiveLevel;
        _entriesPerBasket = options.EntriesPerBasket;
        _treeTitle = options.TreeTitle ?? "";
        _columns = new Column[columns.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            string branch = BranchName(c);
            string? problem = NameProblem(branch);
            if (problem is not null) throw new ArgumentException($"Column '{c.Name}': branch name '{branch}' {problem}.", nameof(columns));
            if (!names.Add(branch)) throw new ArgumentException($"Column '{c.Name}': branch '{branch}' appears twice; branch names must be unique.", nameof(columns));
            if (c.Length < 1 || c.Length > ColumnInfo.MaxLength)
                throw new ArgumentException($"Column '{c.Name}' holds {c.Length} values per event; expected 1 to {ColumnInfo.MaxLength}.", nameof(columns));
            var (leafClass, letter, size, unsigned) = LeafOf(c.Type)
                ?? throw new ArgumentException($"Column '{c.Name}' has type {c.Type}, which has no ROOT leaf; expected bool, an 8–64-bit integer, float or double.", nameof(columns));
            string dims = c.Length > 1 ? $"[{c.Length}]" : "";
            _columns[i] = new Column
            {
                Info = c,
                ElementSize = size,
                Record = new BranchRecord
                {
                    Name = branch, Title = $"{branch}{dims}/{letter}", LeafClass = leafClass, LeafTitle = branch + dims,
                    Len = c.Length, LenType = size, Unsigned = unsigned, Compress = RootCompressor.Setting(options.Compression, _level),
                    BasketSize = BasketBufferSize,
                },
            };
        }
        _datime = RootKeyWriter.Datime(DateTime.Now);
        _uuid = Guid.NewGuid().ToByteArray();
        _tempPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_path) ?? ".", $".{_fileName}.{Guid.NewGuid():N}.partial");
        _stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        // Room for the header and the TFile key with the top directory; both are written by Close.
        _pos = Begin + FileKeyBytes;
    }

    /// <summary>Creates a writer for a new file at <paramref name="path"/> (replaced when <see cref="Close"/> succeeds).</summary>
    /// <param name="path">The ROOT file to write.</param>
    /// <param name="treeName">The TTree's name (and key name).</param>
    /// <param name="columns">One branch per column, named by <see cref="ColumnInfo.Source"/> when set, else by
    /// <see cref="ColumnInfo.Name"/>, so the same schema reads the file back; an array column (Length N &gt; 1) becomes a fixed
    /// array branch of N values per entry.</param>
    /// <param name="options">Compression and basket size; null for defaults (zlib level 1, 32,768 entries per basket).</param>
    /// <exception cref="ArgumentException">A name is empty or holds a character ROOT gives a meaning in branch titles
    /// ('/', ':', '[', ']'), a branch name repeats, or a column type has no ROOT leaf.</exception>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static RootTreeWriter Create(string path, string treeName, IReadOnlyList<ColumnInfo> columns, RootWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(treeName);
        ArgumentNullException.ThrowIfNull(columns);
        string? problem = NameProblem(treeName);
        if (problem is not null) throw new ArgumentException($"Tree name '{treeName}' {problem}.", nameof(treeName));
        return new RootTreeWriter(path, treeName, columns, options ?? new RootWriteOptions());
    }

    /// <summary>Reads every batch of <paramref name="source"/> into <paramref name="buffer"/> and writes the events as the
    /// tree <paramref name="treeName"/> of a new ROOT file; returns the number of entries written.</summary>
    /// <typeparam name="TBatch">The batch type (for example a generated one, or <see cref="Batches.DynamicColumnBatch"/>).</typeparam>
    /// <param name="path">The ROOT file to write.</param>
    /// <param name="treeName">The tree's name.</param>
    /// <param name="source">The events.</param>
    /// <param name="buffer">A batch to read into; its columns give the branches.</param>
    /// <param name="options">Compression and basket size; null for defaults.</param>
    public static long WriteAll<TBatch>(string path, string treeName, IBatchSource<TBatch> source, TBatch buffer, RootWriteOptions? options = null)
        where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(buffer);
        using var writer = Create(path, treeName, buffer.Columns.ToArray(), options);
        while (source.ReadNext(buffer)) writer.Write(buffer);
        writer.Close();
        return writer.Entries;
    }

    /// <summary>The path the file appears at once closed.</summary>
    public string Path => _path;

    /// <summary>Entries written so far.</summary>
    public long Entries { get; private set; }

    /// <summary>Appends the <see cref="IColumnBatch.Length"/> events of <paramref name="batch"/>.</summary>
    /// <param name="batch">A batch with the writer's columns (same names, types and lengths, in order; either array layout).</param>
    /// <exception cref="ArgumentException">The batch's columns differ from the writer's.</exception>
    /// <exception cref="InvalidOperationException">The writer is closed.</exception>
    public void Write(IColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureOpen();
        var cols = batch.Columns;
        if (cols.Length != _columns.Length)
            throw new ArgumentException($"The batch has {cols.Length} columns; the writer was created for {_columns.Length}.", nameof(batch));
        for (int i = 0; i < cols.Length; i++)
        {
            var want = _columns[i].Info;
            if (cols[i].Name != want.Name || cols[i].Type != want.Type || cols[i].Length != want.Length)
                throw new ArgumentException($"Batch column {i} is '{cols[i].Name}' ({cols[i].Type} × {cols[i].Length}); the writer was created for '{want.Name}' ({want.Type} × {want.Length}).", nameof(batch));
        }
        int n = batch.Length, row = 0;
        while (row < n)
        {
            int take = Math.Min(n - row, _entriesPerBasket - _pending);
            for (int i = 0; i < _columns.Length; i++) Append(_columns[i], batch, i, cols[i], row, take);
            _pending += take;
            row += take;
            Entries += take;
            if (_pending == _entriesPerBasket) FlushBaskets();
        }
    }

    /// <summary>Writes the last baskets, the tree, the streamer information and the directory, and moves the file to
    /// <see cref="Path"/>.</summary>
    /// <exception cref="IOException">Writing failed (the partial file is deleted).</exception>
    public void Close()
    {
        EnsureOpen();
        try
        {
            if (_pending > 0) FlushBaskets();
            Finish();
            _stream!.Flush(true);
            _stream.Dispose();
            _stream = null;
            File.Move(_tempPath, _path, overwrite: true);
            _closed = true;
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>Closes the file handle; a writer not closed with <see cref="Close"/> deletes its partial file.</summary>
    public void Dispose()
    {
        if (!_closed) Abandon();
    }

    private void Abandon()
    {
        _closed = true;
        _stream?.Dispose();
        _stream = null;
        try { File.Delete(_tempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void EnsureOpen()
    {
        if (_closed || _stream is null) throw new InvalidOperationException($"The writer of {_path} is closed.");
    }

    private static string BranchName(ColumnInfo c) => string.IsNullOrEmpty(c.Source) ? c.Name : c.Source;

    private static string? NameProblem(string name)
    {
        if (string.IsNullOrEmpty(name)) return "is empty";
        foreach (char ch in name)
            if (ch is '/' or ':' or '[' or ']' || char.IsControl(ch)) return $"contains '{(char.IsControl(ch) ? "\\u" + ((int)ch).ToString("X4") : ch.ToString())}', which ROOT reads as part of a leaf description";
        return null;
    }

    /// <summary>The TLeaf class, type letter, element size and signedness of a column type.</summary>
    private static (string Class, char Letter, int Size, bool Unsigned)? LeafOf(ColumnType t) => t switch
    {
        ColumnType.Boolean => ("TLeafO", 'O', 1, false),
        ColumnType.SByte => ("TLeafB", 'B', 1, false),
        ColumnType.Byte => ("TLeafB", 'b', 1, true),
        ColumnType.Int16 => ("TLeafS", 'S', 2, false),
        ColumnType.UInt16 => ("TLeafS", 's', 2, true),
        ColumnType.Int32 => ("TLeafI", 'I', 4, false),
        ColumnType.UInt32 => ("TLeafI", 'i', 4, true),
        ColumnType.Int64 => ("TLeafL", 'L', 8, false),
        ColumnType.UInt64 => ("TLeafL", 'l', 8, true),
        ColumnType.Single => ("TLeafF", 'F', 4, false),
        ColumnType.Double => ("TLeafD", 'D', 8, false),
        _ => null,
    };

    /// <summary>Appends rows [row, row + count) of a column to its pending basket, entry-major and big-endian.</summary>
    private void Append(Column col, IColumnBatch batch, int index, ColumnInfo layout, int row, int count)
    {
        int values = col.Info.Length, size = col.ElementSize;
        int need = (_pending + count) * values * size;
        if (col.Data.Length < need) Array.Resize(ref col.Data, Math.Max(need, Math.Min(col.Data.Length * 2, _entriesPerBasket * values * size)));
        var dst = col.Data.AsSpan(_pending * values * size, count * values * size);
        switch (col.Info.Type)
        {
            case ColumnType.Boolean: Gather<bool>(batch, index, layout, row, count, dst); break;
            case ColumnType.SByte: Gather<sbyte>(batch, index, layout, row, count, dst); break;
            case ColumnType.Byte: Gather<byte>(batch, index, layout, row, count, dst); break;
            case ColumnType.Int16: Gather<short>(batch, index, layout, row, count, dst); break;
            case ColumnType.UInt16: Gather<ushort>(batch, index, layout, row, count, dst); break;
            case ColumnType.Int32: Gather<int>(batch, index, layout, row, count, dst); break;
            case ColumnType.UInt32: Gather<uint>(batch, index, layout, row, count, dst); break;
            case ColumnType.Int64: Gather<long>(batch, index, layout, row, count, dst); break;
            case ColumnType.UInt64: Gather<ulong>(batch, index, layout, row, count, dst); break;
            case ColumnType.Single: Gather<float>(batch, index, layout, row, count, dst); break;
            case ColumnType.Double: Gather<double>(batch, index, layout, row, count, dst); break;
        }
        // ROOT stores big-endian; a bool is one byte, 0 or 1.
        switch (size)
        {
            case 1 when col.Info.Type == ColumnType.Boolean: foreach (ref byte b in dst) b = b != 0 ? (byte)1 : (byte)0; break;
            case 2: { var s = MemoryMarshal.Cast<byte, short>(dst); BinaryPrimitives.ReverseEndianness(s, s); break; }
            case 4: { var s = MemoryMarshal.Cast<byte, int>(dst); BinaryPrimitives.ReverseEndianness(s, s); break; }
            case 8: { var s = MemoryMarshal.Cast<byte, long>(dst); BinaryPrimitives.ReverseEndianness(s, s); break; }
        }
    }

    /// <summary>Copies rows [row, row + count) into <paramref name="dst"/> entry-major (native byte order): a scalar or
    /// event-major column is one contiguous run; an element-major one is transposed.</summary>
    private static void Gather<T>(IColumnBatch batch, int index, ColumnInfo layout, int row, int count, Span<byte> dst) where T : unmanaged
    {
        var src = batch.Column<T>(index);
        var to = MemoryMarshal.Cast<byte, T>(dst);
        int values = layout.Length;
        if (values == 1 || layout.IsEventMajor) { src.Slice(row * values, count * values).CopyTo(to); return; }
        int cap = batch.Capacity;
        for (int k = 0; k < values; k++)
        {
            var run = src.Slice(k * cap + row, count);
            for (int e = 0; e < count; e++) to[e * values + k] = run[e];
        }
    }

    /// <summary>Writes one basket per branch holding the pending entries.</summary>
    private void FlushBaskets()
    {
        long first = Entries - _pending;
        foreach (var col in _columns)
        {
            var rec = col.Record;
            int objlen = _pending * col.Info.Length * col.ElementSize;
            var raw = col.Data.AsSpan(0, objlen).ToArray();
            var stored = RootCompressor.Compress(raw, _compression, _level);
            int keylen = RootKeyWriter.KeyLength(RootKeyWriter.BasketKeyVersion, "TBasket", rec.Name, _treeName) + RootKeyWriter.BasketHeaderBytes;
            int nbytes = keylen + stored.Length;
            long seek = _pos;
            var w = new RootWriteBuffer(keylen);
            RootKeyWriter.Key(w, nbytes, RootKeyWriter.BasketKeyVersion, objlen, _datime, keylen, (short)rec.BasketSeek.Count, seek, Begin, "TBasket", rec.Name, _treeName);
            w.I16(3);                               // TBasket version
            w.I32(BasketBufferSize);                // fBufferSize
            w.I32(col.Info.Length * col.ElementSize); // fNevBufSize: bytes per entry
            w.I32(_pending);                        // fNevBuf
            w.I32(keylen + objlen);                 // fLast
            w.U8(0);                                // flag: fixed-size entries, no offset table
            Append(w.Written);
            Append(stored);
            rec.BasketBytes.Add(nbytes);
            rec.BasketEntry.Add(first);
            rec.BasketSeek.Add(seek);
            rec.TotBytes += keylen + objlen;
            rec.ZipBytes += nbytes;
        }
        _pending = 0;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_pos + bytes.Length > MaxFileBytes)
            throw new IOException($"{_path}: the file would exceed {MaxFileBytes} bytes, the most a ROOT file with 32-bit seek pointers holds; write fewer events per file.");
        _stream!.Position = _pos;
        _stream.Write(bytes);
        _pos += bytes.Length;
    }

    private int FileKeyLength => RootKeyWriter.KeyLength(RootKeyWriter.SmallKeyVersion, "TFile", _fileName, "");

    private int NbytesName => FileKeyLength + RootWriteBuffer.TStringSize(_fileName) + RootWriteBuffer.TStringSize("");

    private int FileKeyBytes => NbytesName + RootKeyWriter.DirectoryRecordBytes;

    /// <summary>A key of the top directory with its (possibly compressed) object; returns the key's position, size and header.</summary>
    private (long Seek, int Nbytes, int Keylen, int Objlen) WriteKey(string cls, string name, string title, byte[] obj, bool compress, int cycle = 1)
    {
        var stored = compress ? RootCompressor.Compress(obj, _compression, _level) : obj;
        int keylen = RootKeyWriter.KeyLength(RootKeyWriter.SmallKeyVersion, cls, name, title);
        int nbytes = keylen + stored.Length;
        long seek = _pos;
        var w = new RootWriteBuffer(keylen);
        RootKeyWriter.Key(w, nbytes, RootKeyWriter.SmallKeyVersion, obj.Length, _datime, keylen, cycle, seek, Begin, cls, name, title);
        Append(w.Written);
        Append(stored);
        return (seek, nbytes, keylen, obj.Length);
    }

    private void Finish()
    {
        // ROOT writes, after the baskets: the TTree key, the StreamerInfo list, the top directory's key list and the
        // free-segment list; then it rewrites the header and the TFile key with the directory record.
        string title = _treeTitle;
        int treeKeylen = RootKeyWriter.KeyLength(RootKeyWriter.SmallKeyVersion, "TTree", _treeName, title);
        var records = Array.ConvertAll(_columns, c => c.Record);
        var treeObj = RootTreeRecord.Write(treeKeylen, _treeName, title, Entries, _entriesPerBasket, records);
        var tree = WriteKey("TTree", _treeName, title, treeObj, compress: true);

        var info = WriteKey("TList", "StreamerInfo", "Doubly linked list", StreamerInfo.Value, compress: true);

        var keys = new RootWriteBuffer();
        keys.I32(1);
        RootKeyWriter.Key(keys, tree.Nbytes, RootKeyWriter.SmallKeyVersion, tree.Objlen, _datime, tree.Keylen, 1, tree.Seek, Begin, "TTree", _treeName, title);
        var keyList = WriteKey("TFile", _fileName, "", keys.ToArray(), compress: false);

        int freeKeylen = RootKeyWriter.KeyLength(RootKeyWriter.SmallKeyVersion, "TFile", _fileName, "");
        long end = _pos + freeKeylen + 10;
        var free = new RootWriteBuffer();
        free.I16(1);                                // TFree version
        free.I32(checked((int)end));                // fFirst: the free space starts at the end of the file…
        free.I32(2_000_000_000);                    // fLast: …and runs to ROOT's kStartBigFile
        var freeKey = WriteKey("TFile", _fileName, "", free.ToArray(), compress: false);

        // The TFile key at fBEGIN: its object is the file's name and title, then the top directory record.
        var fk = new RootWriteBuffer(FileKeyBytes);
        RootKeyWriter.Key(fk, FileKeyBytes, RootKeyWriter.SmallKeyVersion, FileKeyBytes - FileKeyLength, _datime, FileKeyLength, 1, Begin, 0, "TFile", _fileName, "");
        fk.TString(_fileName);
        fk.TString("");
        RootKeyWriter.Directory(fk, _datime, keyList.Nbytes, NbytesName, Begin, 0, keyList.Seek, _uuid);
        long endOfFile = _pos;
        _pos = Begin;
        Append(fk.Written);

        var h = new RootWriteBuffer(Begin);
        h.Bytes("root"u8);
        h.I32(62004);                               // the ROOT version whose layout is written (6.20/04)
        h.I32(Begin);
        h.I32(checked((int)endOfFile));             // fEND
        h.I32(checked((int)freeKey.Seek));          // fSeekFree
        h.I32(freeKey.Nbytes);                      // fNbytesFree
        h.I32(1);                                   // nfree
        h.I32(NbytesName);
        h.U8(4);                                    // fUnits: 4-byte pointers
        h.I32(RootCompressor.Setting(_compression, _level));
        h.I32(checked((int)info.Seek));             // fSeekInfo
        h.I32(info.Nbytes);                         // fNbytesInfo
        h.I16(1);                                   // UUID version
        h.Bytes(_uuid);
        h.Zeros(Begin - h.Position);
        _pos = 0;
        Append(h.Written);
        _pos = endOfFile;
        if (end != endOfFile) throw new InvalidOperationException($"Internal error: the free-segment record ends at {endOfFile}, not at the {end} it records.");
    }

    private static byte[] LoadStreamerInfo()
    {
        const string name = "NuMM.Root.StreamerInfo-6.20.04.bin";
        using var s = typeof(RootTreeWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from NuMM.Runtime.");
        var bytes = new byte[s.Length];
        s.ReadExactly(bytes);
        return bytes;
    }
}
