using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NuMM.Runtime.Data.Root.Compression;

namespace NuMM.Runtime.Data.Root;

/// <summary>A ROOT file opened for reading without a ROOT installation: the header (32- and 64-bit seek pointers),
/// the directory tree of keys and the flat TTrees in it. Thread-safe for concurrent reads; dispose to close.</summary>
/// <example><code>
/// using var file = RootFile.Open("events.root");
/// var tree = file.GetTree("events");
/// double[] px = tree.GetBranch("Muon_Px").ReadJagged&lt;double&gt;().Values;
/// </code></example>
public sealed class RootFile : IDisposable
{
    private readonly RootSource _source;

    private RootFile(RootSource source, string path)
    {
        _source = source;
        Path = path;
        try
        {
            if (source.Length < 64) throw new DataFormatException($"File is {source.Length} bytes, shorter than the 64-byte ROOT header", path, null, null, 0);
            var head = ReadBytes(0, (int)Math.Min(source.Length, 128), "file header");
            var b = new RootBuffer(head, 0, head.Length, path, "file header", 0, 0);
            if (head[0] != 'r' || head[1] != 'o' || head[2] != 'o' || head[3] != 't')
                throw new DataFormatException($"Wrong magic '{Printable(head.AsSpan(0, 4))}'; expected 'root' — not a ROOT file", path, "file header", null, 0);
            b.Skip(4);
            int version = b.I32();
            int begin = b.I32();
            IsLargeFile = version >= 1000000;
            Version = version % 1000000;
            long end, seekInfo;
            int nbytesName;
            if (IsLargeFile)
            {
                end = b.I64(); b.I64(); b.I32(); b.I32();
                nbytesName = b.I32(); b.U8(); Compression = b.I32(); seekInfo = b.I64();
            }
            else
            {
                end = b.I32(); b.I32(); b.I32(); b.I32();
                nbytesName = b.I32(); b.U8(); Compression = b.I32(); seekInfo = b.I32();
            }
            _ = seekInfo;
            if (begin < 64 || begin >= source.Length)
                throw new DataFormatException($"Header fBEGIN = {begin} lies outside the file (length {source.Length}); expected 64 ≤ fBEGIN < length", path, "file header", null, 8);
            if (end > source.Length)
                throw new DataFormatException($"Header fEND = {end} is past the end of the file (length {source.Length}); the file is truncated", path, "file header", null, 12);
            if (nbytesName <= 0 || begin + (long)nbytesName >= source.Length)
                throw new DataFormatException($"Header fNbytesName = {nbytesName} puts the top directory outside the file", path, "file header", null, null);
            CheckFileKey(begin);
            Root = RootDirectory.ReadTop(this, begin + (long)nbytesName);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Opens the ROOT file at <paramref name="path"/> and reads its top directory.</summary>
    /// <param name="path">A file system path.</param>
    /// <exception cref="DataFormatException">The file is not a ROOT file or its header or directory is corrupt.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static RootFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new RootFile(new FileSource(path), path);
    }

    /// <summary>Reads a ROOT file held in memory.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="name">A name for messages (for example the original path).</param>
    /// <exception cref="DataFormatException">The bytes are not a ROOT file or are corrupt.</exception>
    public static RootFile Open(ReadOnlyMemory<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new RootFile(new MemorySource(bytes), name);
    }

    /// <summary>The path (or name) the file was opened with.</summary>
    public string Path { get; }

    /// <summary>The ROOT version that wrote the file, as an integer (62004 for 6.20/04).</summary>
    public int Version { get; }

    /// <summary>True when the file uses 64-bit seek pointers (files over 2 GB).</summary>
    public bool IsLargeFile { get; }

    /// <summary>The file's default compression setting (100 × algorithm + level).</summary>
    public int Compression { get; }

    /// <summary>The top directory.</summary>
    public RootDirectory Root { get; }

    /// <summary>The keys of the top directory.</summary>
    public IReadOnlyList<RootKey> Keys => Root.Keys;

    /// <summary>Work smaller than this many stored bytes is decoded on the calling thread (tests lower it to exercise the
    /// parallel path on small files).</summary>
    internal long MinParallelBytes { get; set; } = BasketReader.DefaultMinParallelBytes;

    /// <summary>The length of the file in bytes.</summary>
    public long Length => _source.Length;

    /// <summary>Opens the tree at <paramref name="path"/> ("name", "dir/sub/name", optionally ";cycle").</summary>
    /// <param name="path">The tree's path inside the file.</param>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    /// <exception cref="DataFormatException">The key is not a tree or the tree metadata is corrupt.</exception>
    public RootTree GetTree(string path) => Root.GetTree(path);

    /// <summary>The paths of every tree in the file (all directory levels), for listing.</summary>
    public IReadOnlyList<string> TreePaths()
    {
        var list = new List<string>();
        Root.CollectTrees(list, 0);
        return list;
    }

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Path} (ROOT {Version / 10000}.{Version / 100 % 100:D2}/{Version % 100:D2})";

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>, checking the range against the file length.</summary>
    internal byte[] ReadBytes(long offset, long count, string objectName)
    {
        if (offset < 0 || count < 0 || offset > _source.Length || count > _source.Length - offset)
            throw new DataFormatException($"Record of {count} bytes at {offset} runs past the end of the file (length {_source.Length}); the file is truncated or a pointer is corrupt",
                Path, objectName, null, offset);
        var buf = new byte[count];
        _source.ReadAt(offset, buf);
        return buf;
    }

    /// <summary>Like <see cref="ReadBytes"/>, into an array rented from <paramref name="pool"/> (at least <paramref name="count"/> long).</summary>
    internal byte[] ReadRented(long offset, int count, string objectName, System.Buffers.ArrayPool<byte> pool)
    {
        if (offset < 0 || count < 0 || offset > _source.Length || count > _source.Length - offset)
            throw new DataFormatException($"Record of {count} bytes at {offset} runs past the end of the file (length {_source.Length}); the file is truncated or a pointer is corrupt",
                Path, objectName, null, offset);
        var buf = pool.Rent(count);
        _source.ReadAt(offset, buf.AsSpan(0, count));
        return buf;
    }

    /// <summary>fBEGIN must point at the TFile key, which names class "TFile" and records its own position; a corrupt
    /// fBEGIN would otherwise read some other bytes as the top directory and could list no trees without any error.</summary>
    private void CheckFileKey(int begin)
    {
        const string what = "file header";
        string found;
        try
        {
            var first = ReadBytes(begin, Math.Min(18, _source.Length - begin), what);
            int keylen = first.Length < 18 ? 0 : (first[14] << 8) | first[15];
            if (keylen < 18) throw new DataFormatException("key too short", Path, what, null, begin);
            var bytes = ReadBytes(begin, keylen, what);
            var b = new RootBuffer(bytes, 0, bytes.Length, Path, what, begin, 0);
            b.Skip(4);
            int version = b.I16();
            b.Skip(8);
            b.Skip(4);
            long seekKey = version > 1000 ? b.I64() : b.I32();
            if (version > 1000) b.I64(); else b.I32();
            string cls = b.TString();
            if (cls == "TFile" && seekKey == begin) return;
            found = $"a key of class '{cls}' recording position {seekKey}";
        }
        catch (DataFormatException)
        {
            found = "no readable key";
        }
        throw new DataFormatException($"Header fBEGIN = {begin} does not point at the file's TFile key (found {found}); the header is corrupt",
            Path, what, null, 8);
    }

    /// <summary>Reads the key header stored at <paramref name="seek"/>.</summary>
    internal RootKey ReadKeyAt(long seek, RootDirectory dir, string context)
    {
        var first = ReadBytes(seek, 18, context);
        int keylen = (first[14] << 8) | first[15];
        var bytes = ReadBytes(seek, keylen, context);
        var b = new RootBuffer(bytes, 0, bytes.Length, Path, context, seek, 0);
        return ParseKey(b, dir);
    }

    /// <summary>Parses one key header at the buffer's position.</summary>
    internal RootKey ParseKey(RootBuffer b, RootDirectory dir)
    {
        int start = b.Position;
        int nbytes = b.I32();
        int version = b.I16();
        int objlen = b.I32();
        b.U32();
        int keylen = b.I16();
        int cycle = b.I16();
        long seekKey = version > 1000 ? b.I64() : b.I32();
        if (version > 1000) b.I64(); else b.I32();
        string cls = b.TString();
        string name = b.TString();
        string title = b.TString();
        if (keylen < b.Position - start || nbytes < keylen || objlen < 0 || seekKey < 0 || seekKey > _source.Length - nbytes)
            throw b.Error($"Key '{name}' is inconsistent (fNbytes {nbytes}, fKeylen {keylen}, fObjlen {objlen}, fSeekKey {seekKey}, file length {_source.Length}); expected a key that lies inside the file");
        return new RootKey(name, title, cls, cycle, keylen, objlen, nbytes, seekKey, dir);
    }

    /// <summary>The object bytes of <paramref name="key"/>, decompressed.</summary>
    internal byte[] ReadObject(RootKey key)
    {
        long dataStart = key.SeekKey + key.KeyLength;
        int stored = key.TotalBytes - key.KeyLength;
        var raw = ReadBytes(dataStart, stored, key.Path);
        if (stored == key.ObjectLength) return raw;
        return RootDecompressor.Decompress(raw, key.ObjectLength, Path, key.Path, dataStart);
    }

    private static string Printable(ReadOnlySpan<byte> s)
    {
        var sb = new StringBuilder();
        foreach (var c in s) sb.Append(c is >= 32 and < 127 ? (char)c : '?');
        return sb.ToString();
    }
}
