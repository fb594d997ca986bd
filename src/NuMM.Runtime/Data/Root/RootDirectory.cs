using System;
using System.Collections.Generic;
using System.Globalization;

namespace NuMM.Runtime.Data.Root;

/// <summary>A directory in a ROOT file: its keys and, through them, subdirectories and trees.</summary>
public sealed class RootDirectory
{
    private const int MaxDepth = 64;
    private readonly RootKey[] _keys;
    private readonly int _depth;

    private RootDirectory(RootFile file, string path, int depth, Func<RootDirectory, RootKey[]> keys)
    {
        File = file;
        Path = path;
        _depth = depth;
        _keys = keys(this);
    }

    /// <summary>The file.</summary>
    public RootFile File { get; }

    /// <summary>The directory's path inside the file ("" for the top directory).</summary>
    public string Path { get; }

    /// <summary>Every key of this directory, in file order (all cycles).</summary>
    public IReadOnlyList<RootKey> Keys => _keys;

    internal static RootDirectory ReadTop(RootFile file, long recordSeek) => Read(file, recordSeek, "", 0);

    private static RootDirectory Read(RootFile file, long recordSeek, string path, int depth)
    {
        string what = path.Length == 0 ? "top directory" : path;
        var rec = file.ReadBytes(recordSeek, Math.Min(42, file.Length - recordSeek), what);
        var b = new RootBuffer(rec, 0, rec.Length, file.Path, what, recordSeek, 0);
        int version = b.I16();
        b.U32(); b.U32();
        int nbytesKeys = b.I32();
        b.I32();
        long seekKeys;
        if (version > 1000) { b.I64(); b.I64(); seekKeys = b.I64(); }
        else { b.I32(); b.I32(); seekKeys = b.I32(); }
        return new RootDirectory(file, path, depth, dir => ReadKeys(file, dir, seekKeys, nbytesKeys, what));
    }

    private static RootKey[] ReadKeys(RootFile file, RootDirectory dir, long seekKeys, int nbytesKeys, string what)
    {
        if (seekKeys == 0) return [];
        if (nbytesKeys <= 0)
            throw new DataFormatException($"Directory key list has {nbytesKeys} bytes; expected a positive size", file.Path, what, null, seekKeys);
        var bytes = file.ReadBytes(seekKeys, nbytesKeys, what + " key list");
        var b = new RootBuffer(bytes, 0, bytes.Length, file.Path, what + " key list", seekKeys, 0);
        var header = file.ParseKey(b, dir);
        b.Seek(header.KeyLength);
        int n = b.Count(26, "Key");
        var keys = new RootKey[n];
        for (int i = 0; i < n; i++) keys[i] = file.ParseKey(b, dir);
        return keys;
    }

    /// <summary>The highest cycle of the key named <paramref name="name"/> (or the given cycle with "name;cycle"), or null.</summary>
    /// <param name="name">A key name, optionally followed by ";cycle".</param>
    public RootKey? FindKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int cycle = -1;
        int semi = name.LastIndexOf(';');
        if (semi >= 0 && int.TryParse(name.AsSpan(semi + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int c)) { cycle = c; name = name[..semi]; }
        RootKey? best = null;
        foreach (var k in _keys)
        {
            if (!string.Equals(k.Name, name, StringComparison.Ordinal)) continue;
            if (cycle >= 0) { if (k.Cycle == cycle) return k; continue; }
            if (best is null || k.Cycle > best.Cycle) best = k;
        }
        return best;
    }

    /// <summary>The subdirectories (highest cycle of each name).</summary>
    public IReadOnlyList<RootDirectory> Directories()
    {
        var list = new List<RootDirectory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in _keys)
            if (k.IsDirectory && seen.Add(k.Name)) list.Add(OpenDirectory(FindKey(k.Name)!));
        return list;
    }

    /// <summary>Opens the subdirectory at <paramref name="path"/> ("sub" or "sub/subsub").</summary>
    /// <param name="path">A path relative to this directory.</param>
    /// <exception cref="KeyNotFoundException">No such directory.</exception>
    public RootDirectory GetDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = this;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = dir.FindKey(part);
            if (key is null || !key.IsDirectory)
                throw new KeyNotFoundException($"No directory '{part}' in '{(dir.Path.Length == 0 ? "/" : dir.Path)}' of {File.Path}.");
            dir = dir.OpenDirectory(key);
        }
        return dir;
    }

    /// <summary>Opens the tree at <paramref name="path"/> ("tree", "sub/tree", optionally ";cycle").</summary>
    /// <param name="path">A path relative to this directory.</param>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    /// <exception cref="DataFormatException">The key is not a tree, or its metadata is corrupt.</exception>
    public RootTree GetTree(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int slash = path.LastIndexOf('/');
        var dir = slash >= 0 ? GetDirectory(path[..slash]) : this;
        string name = slash >= 0 ? path[(slash + 1)..] : path;
        var key = dir.FindKey(name) ?? throw new KeyNotFoundException(
            $"No key '{name}' in '{(dir.Path.Length == 0 ? "/" : dir.Path)}' of {File.Path}; keys: {string.Join(", ", dir.KeyNames())}.");
        if (!key.IsTree)
            throw new DataFormatException($"Key is a {key.ClassName}; expected a TTree", File.Path, key.Path, null, key.SeekKey);
        return RootTree.Read(File, key);
    }

    private IEnumerable<string> KeyNames()
    {
        foreach (var k in _keys) yield return $"{k.Name};{k.Cycle} ({k.ClassName})";
    }

    internal RootDirectory OpenDirectory(RootKey key)
    {
        if (_depth + 1 > MaxDepth)
            throw new DataFormatException($"Directories nest deeper than {MaxDepth} levels", File.Path, key.Path, null, key.SeekKey);
        return Read(File, key.SeekKey + key.KeyLength, key.Path, _depth + 1);
    }

    internal void CollectTrees(List<string> list, int depth)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in _keys)
        {
            if (!seen.Add(k.Name)) continue;
            if (k.IsTree) list.Add(k.Path);
            else if (k.IsDirectory) OpenDirectory(FindKey(k.Name)!).CollectTrees(list, depth + 1);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Path.Length == 0 ? "/" : Path;
}
