using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Root;

namespace NuMM.Runtime.ScaleOut;

/// <summary>One input file of a dataset: a ROOT tree (<c>.root</c>), an Arrow IPC file (<c>.arrow</c>) or a NuMM
/// columnar file (<c>.numm</c>), with the
/// range of entries that belongs to the dataset and the exposure of that range.</summary>
/// <param name="Path">The file (absolute once resolved, so every batch job finds it).</param>
/// <param name="Tree">The tree inside a ROOT file; null for a NuMM file.</param>
/// <param name="FirstEntry">First entry of the range.</param>
/// <param name="StopEntry">One past the last entry of the range.</param>
/// <param name="Exposure">The exposure of the range (POT or s); <see cref="Exposure.None"/> when unknown.</param>
public sealed record DatasetFile(string Path, string? Tree, long FirstEntry, long StopEntry, Exposure Exposure)
{
    /// <summary>Entries in the range.</summary>
    public long Entries => StopEntry - FirstEntry;

    /// <summary>True for a ROOT file (by its <c>.root</c> extension).</summary>
    public bool IsRoot => System.IO.Path.GetExtension(Path).Equals(".root", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an Arrow IPC file (by its <c>.arrow</c> or <c>.feather</c> extension).</summary>
    public bool IsArrow => System.IO.Path.GetExtension(Path).ToLowerInvariant() is ".arrow" or ".feather";
}

/// <summary>A contiguous range of entries of one file of a dataset: a piece of a shard.</summary>
/// <param name="File">Index of the file in <see cref="Dataset.Files"/>.</param>
/// <param name="FirstEntry">First entry.</param>
/// <param name="StopEntry">One past the last entry.</param>
public readonly record struct DatasetRange(int File, long FirstEntry, long StopEntry);

/// <summary>An ordered list of input files with entry ranges, independent of any cluster. Split into shards by
/// <see cref="Shard"/>: the shard boundaries fall on batch boundaries (every file's range is read in batches of the
/// batch size from its first entry), so every batch holds the same events whether the dataset is read by one process
/// or by N, which with the runner's error-free sums makes the merged result bit-identical to a single run.</summary>
public sealed class Dataset
{
    private const string Format = "numm-dataset-1";

    /// <summary>Creates a dataset from resolved files (ranges and exposures known).</summary>
    /// <param name="files">The files in order; at least one.</param>
    public Dataset(IReadOnlyList<DatasetFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ArgumentException("A dataset needs at least one file.", nameof(files));
        for (int i = 0; i < files.Count; i++)
        {
            var f = files[i] ?? throw new ArgumentException($"Dataset file {i} is null.", nameof(files));
            if (f.FirstEntry < 0 || f.StopEntry < f.FirstEntry)
                throw new ArgumentException($"{f.Path}: entry range [{f.FirstEntry}, {f.StopEntry}) is not a range.", nameof(files));
            f.Exposure.Validate(f.Path);
            if (i > 0 && f.Exposure.Kind != ExposureKind.None && files[0].Exposure.Kind != ExposureKind.None && f.Exposure.Kind != files[0].Exposure.Kind)
                throw new ArgumentException($"{f.Path}: exposure {f.Exposure} does not match {files[0].Path} ({files[0].Exposure}); exposure kinds do not mix.", nameof(files));
        }
        Files = [.. files];
    }

    /// <summary>The files in order.</summary>
    public IReadOnlyList<DatasetFile> Files { get; }

    /// <summary>All entries of the dataset.</summary>
    public long Entries
    {
        get { long n = 0; foreach (var f in Files) n += f.Entries; return n; }
    }

    /// <summary>Opens every file to learn its entry count (and a NuMM file's recorded exposure) and returns the dataset
    /// with absolute paths and known ranges. A ROOT file needs a tree name.</summary>
    /// <param name="paths">The files, in order.</param>
    /// <param name="tree">The tree to read in every ROOT file.</param>
    /// <param name="exposurePerFile">An exposure to give every file (overrides a NuMM file's own); null to use what the files record.</param>
    /// <exception cref="DataFormatException">A file cannot be read; the message names it.</exception>
    public static Dataset FromFiles(IReadOnlyList<string> paths, string? tree, Exposure? exposurePerFile = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<DatasetFile>();
        foreach (var p in paths) files.Add(Resolve(p, tree, 0, -1, exposurePerFile));
        return new Dataset(files);
    }

    /// <summary>Reads a dataset description (JSON: <c>{"format": "numm-dataset-1", "files": [{"path": …, "tree": …,
    /// "first": …, "stop": …, "pot": … | "livetime": …}]}</c>; relative paths are relative to the description) and
    /// resolves it.</summary>
    /// <param name="path">The description file.</param>
    /// <exception cref="FormatException">The description is malformed; the message names the file and the JSON path.</exception>
    public static Dataset Load(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(full)); }
        catch (JsonException e) { throw new FormatException($"{full}: not valid JSON ({e.Message})", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var fmt) || fmt.GetString() != Format)
                throw new FormatException($"{full}: $.format must be \"{Format}\".");
            if (!root.TryGetProperty("files", out var arr) || arr.ValueKind != JsonValueKind.Array || arr.GetArrayLength() == 0)
                throw new FormatException($"{full}: $.files must be a non-empty array.");
            string dir = System.IO.Path.GetDirectoryName(full)!;
            var files = new List<DatasetFile>();
            int i = 0;
            foreach (var f in arr.EnumerateArray())
            {
                string at = $"$.files[{i}]";
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("path", out var p) || p.ValueKind != JsonValueKind.String)
                    throw new FormatException($"{full}: {at}.path must be a string.");
                string? tree = f.TryGetProperty("tree", out var t) ? t.GetString() : null;
                long first = f.TryGetProperty("first", out var a) ? Int(a, full, at + ".first") : 0;
                long stop = f.TryGetProperty("stop", out var b) ? Int(b, full, at + ".stop") : -1;
                Exposure? exposure = null;
                if (f.TryGetProperty("pot", out var pot)) exposure = Exposure.Pot(Number(pot, full, at + ".pot"));
                if (f.TryGetProperty("livetime", out var lt))
                {
                    if (exposure != null) throw new FormatException($"{full}: {at} gives both pot and livetime.");
                    exposure = Exposure.LivetimeSeconds(Number(lt, full, at + ".livetime"));
                }
                files.Add(Resolve(System.IO.Path.GetFullPath(p.GetString()!, dir), tree, first, stop, exposure));
                i++;
            }
            return new Dataset(files);
        }
    }

    /// <summary>Writes the description of this (resolved) dataset, which <see cref="Load"/> reads back unchanged.</summary>
    /// <param name="path">The file to write (written to a temporary file, then renamed).</param>
    public void Save(string path)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteStartArray("files");
            foreach (var f in Files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                if (f.Tree != null) w.WriteString("tree", f.Tree);
                w.WriteNumber("first", f.FirstEntry);
                w.WriteNumber("stop", f.StopEntry);
                if (f.Exposure.Kind == ExposureKind.ProtonsOnTarget) w.WriteNumber("pot", f.Exposure.Value);
                if (f.Exposure.Kind == ExposureKind.Livetime) w.WriteNumber("livetime", f.Exposure.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        AtomicFile.Write(path, buffer.ToArray());
    }

    /// <summary>A SHA-256 (hex) of the dataset: every file's path, tree, range, exposure and size in bytes. Shards of
    /// different datasets have different fingerprints and are not merged.</summary>
    public string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var f in Files)
        {
            long size = File.Exists(f.Path) ? new FileInfo(f.Path).Length : -1;
            sb.Append(CultureInfo.InvariantCulture, $"{f.Path}\n{f.Tree}\n{f.FirstEntry}\n{f.StopEntry}\n{(int)f.Exposure.Kind}:{BitConverter.DoubleToInt64Bits(f.Exposure.Value)}\n{size}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The entry ranges of shard <paramref name="shard"/> of <paramref name="shards"/>. Every file's range is read
    /// in batches of <paramref name="batchSize"/> from its first entry; batch b, starting at entry S_b of the dataset's E
    /// entries, belongs to shard ⌊S_b·N/E⌋. Shards are contiguous, balanced by entries to within one batch, and together
    /// hold every batch exactly once; a shard is empty when there are fewer batches than shards.</summary>
    /// <param name="shard">0 ≤ shard &lt; shards.</param>
    /// <param name="shards">Number of shards, ≥ 1.</param>
    /// <param name="batchSize">Events per batch, ≥ 1.</param>
    public IReadOnlyList<DatasetRange> Shard(int shard, int shards, int batchSize)
    {
        if (shards < 1) throw new ArgumentOutOfRangeException(nameof(shards), shards, "At least one shard.");
        if (shard < 0 || shard >= shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"Shard index must be in [0, {shards}).");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be ≥ 1.");
        var ranges = new List<DatasetRange>();
        long total = Entries, start = 0;
        for (int fi = 0; fi < Files.Count; fi++)
        {
            var f = Files[fi];
            for (long b = f.FirstEntry; b < f.StopEntry; b += batchSize)
            {
                long s = start + (b - f.FirstEntry);
                if ((int)((Int128)s * shards / total) != shard) continue;
                long stop = Math.Min(b + batchSize, f.StopEntry);
                if (ranges.Count > 0 && ranges[^1].File == fi && ranges[^1].StopEntry == b)
                    ranges[^1] = ranges[^1] with { StopEntry = stop };
                else
                    ranges.Add(new DatasetRange(fi, b, stop));
            }
            start += f.Entries;
        }
        return ranges;
    }

    private static DatasetFile Resolve(string path, string? tree, long first, long stop, Exposure? exposure)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Dataset file {full} does not exist.", full);
        long entries;
        var recorded = Exposure.None;
        if (System.IO.Path.GetExtension(full).Equals(".root", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(tree)) throw new ArgumentException($"{full}: a ROOT file needs a tree name.");
            using var rf = RootFile.Open(full);
            entries = rf.GetTree(tree).Entries;
        }
        else if (System.IO.Path.GetExtension(full).ToLowerInvariant() is ".arrow" or ".feather")
        {
            using var af = NuMM.Runtime.Data.Arrow.ArrowIpcFile.Open(full);
            entries = af.EntryCount;
            recorded = af.Exposure;
            tree = null;
        }
        else
        {
            using var nf = ColumnarFileReader.Open(full);
            entries = nf.EntryCount;
            recorded = nf.Exposure;
            tree = null;
        }
        if (stop < 0) stop = entries;
        if (first < 0 || first > stop || stop > entries)
            throw new ArgumentException($"{full}: entry range [{first}, {stop}) is outside the file's [0, {entries}).");
        Exposure e;
        if (exposure is { } given) e = given;
        else if (recorded.Kind != ExposureKind.None && (first != 0 || stop != entries))
            throw new ArgumentException($"{full}: the file records {recorded} for all {entries} entries; give the exposure of the range [{first}, {stop}) explicitly.");
        else e = recorded;
        return new DatasetFile(full, tree, first, stop, e);
    }

    private static long Int(JsonElement e, string file, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long v) && v >= 0 ? v : throw new FormatException($"{file}: {at} must be a non-negative integer.");

    private static double Number(JsonElement e, string file, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) && double.IsFinite(v) && v >= 0 ? v : throw new FormatException($"{file}: {at} must be a finite number ≥ 0.");
}
