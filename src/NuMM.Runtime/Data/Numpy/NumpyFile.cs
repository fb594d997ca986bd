using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Numpy;

/// <summary>Reads numpy files as columns: a .npz archive (what <c>numpy.savez</c> and <c>numpy.savez_compressed</c>
/// write; stored or deflated members) holds one array per column, named by its member name without ".npy": a 1-D
/// array is a scalar column, an array of shape (entries, n) (or (entries, a, b, …), flattened in C order) an array
/// column of n (a × b × …) values per entry;
/// a single .npy file is one column named by the file's stem. Every array must have the same length. Each
/// .npz member is checked against the CRC-32 of the zip directory while it is read.</summary>
public sealed class NumpyFile : IColumnFile
{
    private readonly Stream _file;
    private readonly ZipArchive? _zip;
    private readonly ZipArchiveEntry?[] _entries;
    private readonly NpyArrayInfo[] _arrays;
    private readonly ColumnInfo[] _columns;

    private NumpyFile(string path, Stream file, ZipArchive? zip, ZipArchiveEntry?[] entries, NpyArrayInfo[] arrays)
    {
        Path = path;
        _file = file;
        _zip = zip;
        _entries = entries;
        _arrays = arrays;
        _columns = arrays.Select(a => new ColumnInfo(a.Name, a.Type, "", a.Name, false, a.ValuesPerEntry)).ToArray();
        EntryCount = arrays.Length == 0 ? 0 : arrays[0].Length;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnInfo> Columns => _columns;

    /// <summary>The arrays, in archive order, with their dtypes.</summary>
    public IReadOnlyList<NpyArrayInfo> Arrays => _arrays;

    /// <inheritdoc/>
    public long EntryCount { get; }

    /// <summary>Always <see cref="Exposure.None"/>: numpy files carry no exposure (give it when converting).</summary>
    public Exposure Exposure => Exposure.None;

    /// <summary>True when the file is a .npz archive, false for a single .npy array.</summary>
    public bool IsArchive => _zip is not null;

    /// <summary>Opens a .npz archive, or a .npy file when the name ends in ".npy", and parses every array header.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is not a valid archive or array, an array is not a C-ordered
    /// array of a supported dtype, or the arrays differ in length (first dimension).</exception>
    public static NumpyFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ZipArchive? zip = null;
        try
        {
            if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
            {
                string name = System.IO.Path.GetFileNameWithoutExtension(path);
                var info = NpyHeader.Read(stream, name, path, stream.Length, null);
                return new NumpyFile(path, stream, null, [null], [info]);
            }
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (Exception e) when (IsContainerError(e))
            {
                throw new DataFormatException($"Not a readable .npz (zip) archive: {e.Message}", path, inner: e);
            }
            var entries = new List<ZipArchiveEntry?>();
            var arrays = new List<NpyArrayInfo>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyList<ZipArchiveEntry> members;
            try
            {
                members = zip.Entries;
            }
            catch (Exception e) when (IsContainerError(e))
            {
                throw new DataFormatException($"Not a readable .npz (zip) archive: {e.Message}", path, inner: e);
            }
            foreach (var entry in members)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal)) continue;
                string name = entry.FullName[..^4];
                if (!names.Add(name)) throw new DataFormatException($"The archive holds two arrays named '{name}'.", path, name);
                try
                {
                    using var s = entry.Open();
                    arrays.Add(NpyHeader.Read(s, name, path, entry.Length, null));
                }
                catch (Exception e) when (IsContainerError(e))
                {
                    throw new DataFormatException($"Cannot read member '{entry.FullName}' of the archive: {e.Message}", path, name, inner: e);
                }
                entries.Add(entry);
            }
            if (arrays.Count == 0) throw new DataFormatException("The archive holds no .npy arrays.", path);
            if (arrays.Any(a => a.Length != arrays[0].Length))
                throw new DataFormatException("The arrays differ in length; every column needs one value per entry: "
                    + string.Join(", ", arrays.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name} ({a.Length})"))) + ".",
                    path, string.Join(", ", arrays.Where(a => a.Length != arrays[0].Length).Select(a => a.Name)));
            return new NumpyFile(path, stream, zip, [.. entries], [.. arrays]);
        }
        catch
        {
            zip?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    IBatchSource<IColumnBatch> IColumnFile.OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping, ColumnConversion conversion) =>
        OpenSource(schema, mapping, conversion);

    /// <summary>A source that streams the bound arrays into batches; dispose it to close the member streams.</summary>
    /// <param name="schema">The batch's columns, in order.</param>
    /// <param name="mapping">Schema column → array name overrides; null for none.</param>
    /// <param name="conversion">Which type differences may be converted; by default none.</param>
    /// <exception cref="DataFormatException">An array is missing or mismatched (all problems in one message).</exception>
    public NumpyBatchSource OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null, ColumnConversion conversion = ColumnConversion.None)
    {
        var bindings = SchemaBinder.Bind(schema, _columns, Path, mapping, conversion);
        return new NumpyBatchSource(this, schema, bindings);
    }

    internal NpyArrayInfo Array(int index) => _arrays[index];

    internal uint? ExpectedCrc(int index) => _entries[index]?.Crc32;

    /// <summary>Opens the raw bytes of array <paramref name="index"/> (header included).</summary>
    internal Stream OpenArray(int index)
    {
        var entry = _entries[index];
        if (entry is not null)
        {
            try { return entry.Open(); }
            catch (Exception e) when (IsContainerError(e))
            {
                throw new DataFormatException($"Cannot read member '{entry.FullName}' of the archive: {e.Message}", Path, _arrays[index].Name, inner: e);
            }
        }
        var s = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return s;
    }

    internal static bool IsContainerError(Exception e) =>
        e is InvalidDataException or EndOfStreamException or NotSupportedException or ArgumentException
        || (e is IOException && e is not FileNotFoundException and not DirectoryNotFoundException);

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _zip?.Dispose();
        _file.Dispose();
    }
}
