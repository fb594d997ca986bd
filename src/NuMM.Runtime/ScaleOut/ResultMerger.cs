using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Selection.Exact;

namespace NuMM.Runtime.ScaleOut;

/// <summary>Thrown when shard results cannot be merged; the message names the shard file(s) concerned.</summary>
public sealed class MergeException(string message) : Exception(message);

/// <summary>Merges the result files of a sharded run. Everything is checked before anything is added: the files must be
/// complete and undamaged, of the same analysis, kernel, binning, dataset, shard count, batch size, NuMM version and
/// vector width; every shard 0..N−1 must be there exactly once, and their entry ranges must tile the dataset with no
/// overlap or gap and match the shard plan. The exact sums are then added strictly in shard order, so the merged
/// result rounds to the same bits as a single run over the dataset.</summary>
public static class ResultMerger
{
    /// <summary>The merged exact sums and their provenance (one shard covering the whole dataset).</summary>
    /// <param name="Provenance">Provenance of the merged result.</param>
    /// <param name="ShapeJson">The shape JSON.</param>
    /// <param name="Sums">The exact sums.</param>
    public sealed record Merged(ResultProvenance Provenance, byte[] ShapeJson, ExactResult Sums)
    {
        /// <summary>The merged result, correctly rounded.</summary>
        public AnalysisResult Result() => Sums.Round();

        /// <summary>Writes the merged result file atomically.</summary>
        /// <param name="path">The output file.</param>
        public void Write(string path) => ResultFile.Write(path, Provenance, ShapeJson, Sums);
    }

    /// <summary>Merges shard result files.</summary>
    /// <param name="files">The shard files, in any order.</param>
    /// <exception cref="MergeException">The files do not form one complete sharded run; the message names the file(s).</exception>
    /// <exception cref="NuMM.Runtime.Data.DataFormatException">A file is truncated or damaged; the message names it.</exception>
    public static Merged Merge(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new MergeException("Nothing to merge: no shard files given.");
        var dupPath = files.GroupBy(f => System.IO.Path.GetFullPath(f)).FirstOrDefault(g => g.Count() > 1);
        if (dupPath != null) throw new MergeException($"{dupPath.Key} is given {dupPath.Count()} times.");

        // Pass 1: read and check every header (in parallel; only the headers are read).
        var provenances = new ResultProvenance[files.Count];
        ForEachInParallel(files.Count, i => provenances[i] = ResultFile.ReadProvenance(files[i]));
        var heads = files.Select((f, i) => (Path: f, P: provenances[i])).ToList();
        var (firstPath, first) = heads[0];
        foreach (var (path, p) in heads.Skip(1))
        {
            void Same(string what, object mine, object theirs)
            {
                if (!Equals(mine, theirs))
                    throw new MergeException($"{path}: {what} is {theirs}, but {firstPath} has {mine}; these shards belong to different runs and are not merged.");
            }
            Same("the analysis", first.Analysis, p.Analysis);
            Same("the kernel type", first.KernelType, p.KernelType);
            Same("the kernel hash (generated code and parameters)", first.KernelHash, p.KernelHash);
            Same("the binning hash (cuts, histograms, variations)", first.BinningHash, p.BinningHash);
            Same("the dataset hash", first.DatasetHash, p.DatasetHash);
            Same("the shard count", first.Shards, p.Shards);
            Same("the batch size", first.BatchSize, p.BatchSize);
            Same("the NuMM version", first.NuMMVersion, p.NuMMVersion);
            Same("the vector width in bits", first.VectorBits, p.VectorBits);
        }
        int n = first.Shards;
        var byShard = new (string Path, ResultProvenance P)?[n];
        foreach (var h in heads)
        {
            if (h.P.Shard < 0 || h.P.Shard >= n) throw new MergeException($"{h.Path}: shard index {h.P.Shard} is outside [0, {n}).");
            if (byShard[h.P.Shard] is { } other)
                throw new MergeException($"{h.Path}: duplicated shard {h.P.Shard}/{n}; {other.Path} is the same shard.");
            byShard[h.P.Shard] = h;
        }
        var missing = Enumerable.Range(0, n).Where(i => byShard[i] == null).ToList();
        if (missing.Count > 0)
            throw new MergeException($"Missing shard{(missing.Count > 1 ? "s" : "")} {Describe(missing)} of {n} (have {heads.Count} files, from {firstPath}).");
        CheckRanges(byShard.Select(s => s!.Value).ToList(), first);

        // Pass 2: add the exact sums in shard order. Files are read, checked and decoded in parallel, a window at a time;
        // the sums are then added in stripes of values on all cores, each value still receiving the shards in order.
        var shardFile = ResultFile.Read(byShard[0]!.Value.Path);
        var total = shardFile.Sums;
        long events = shardFile.Provenance.Events;
        int window = Math.Max(8, 4 * Environment.ProcessorCount);
        int stripes = Math.Max(1, Environment.ProcessorCount);
        var decoded = new ResultFile.DecodedBody[window];
        for (int start = 1; start < n; start += window)
        {
            int count = Math.Min(window, n - start);
            ForEachInParallel(count, k =>
            {
                string path = byShard[start + k]!.Value.Path;
                var bytes = ResultFile.ReadChecked(path, out _, out _, out _, out int body);
                decoded[k] = ResultFile.Decode(bytes, body, total.Counts.Length, total.Exposures.Count, total.Sums.Count, path);
            });
            for (int k = 0; k < count; k++)
            {
                var d = decoded[k];
                for (int i = 0; i < d.Counts.Length; i++) total.Counts[i] += d.Counts[i];
                foreach (var (slot, kind, c) in d.Exposures) total.AddExposureComponent(slot, kind, c);
                events += byShard[start + k]!.Value.P.Events;
            }
            int values = total.Sums.Count;
            System.Threading.Tasks.Parallel.For(0, stripes, s =>
            {
                int from = (int)((long)values * s / stripes), to = (int)((long)values * (s + 1) / stripes);
                var sums = total.Sums;
                for (int k = 0; k < count; k++)
                {
                    var d = decoded[k];
                    int j = LowerBound(d.Index, from);
                    for (; j < d.Index.Length && d.Index[j] < to; j++) sums.Add(d.Index[j], d.Component[j]);
                }
            });
            Array.Clear(decoded);
        }
        var ranges = new List<DatasetRange>();
        for (int i = 0; i < n; i++)
            foreach (var r in byShard[i]!.Value.P.Ranges)
            {
                if (ranges.Count > 0 && ranges[^1].File == r.File && ranges[^1].StopEntry == r.FirstEntry) ranges[^1] = ranges[^1] with { StopEntry = r.StopEntry };
                else ranges.Add(r);
            }
        var merged = first with
        {
            Shard = 0, Shards = 1, Ranges = ranges, Events = events,
            Host = Environment.MachineName, Created = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        return new Merged(merged, shardFile.ShapeJson, total);
    }

    /// <summary>Merges shard files into <paramref name="output"/> (written to a temporary file, then renamed: nothing
    /// partial is ever left at the output path).</summary>
    /// <param name="files">The shard files.</param>
    /// <param name="output">The merged result file.</param>
    public static Merged MergeToFile(IReadOnlyList<string> files, string output)
    {
        var m = Merge(files);
        m.Write(output);
        return m;
    }

    private static void CheckRanges(List<(string Path, ResultProvenance P)> shards, ResultProvenance first)
    {
        var dataset = new Dataset(first.Files);
        // Overlaps and gaps, naming the shards concerned.
        var pieces = shards.SelectMany(s => s.P.Ranges.Select(r => (s.Path, r))).OrderBy(x => x.r.File).ThenBy(x => x.r.FirstEntry).ToList();
        foreach (var (path, r) in pieces)
            if (r.File < 0 || r.File >= dataset.Files.Count || r.FirstEntry < dataset.Files[r.File].FirstEntry || r.StopEntry > dataset.Files[r.File].StopEntry)
                throw new MergeException($"{path}: range [{r.FirstEntry}, {r.StopEntry}) of file {r.File} lies outside the dataset.");
        for (int fi = 0; fi < dataset.Files.Count; fi++)
        {
            var f = dataset.Files[fi];
            long at = f.FirstEntry;
            string? previous = null;
            foreach (var (path, r) in pieces.Where(p => p.r.File == fi))
            {
                if (r.FirstEntry < at)
                    throw new MergeException($"{path}: entries [{r.FirstEntry}, {Math.Min(at, r.StopEntry)}) of {f.Path} overlap those of {previous}.");
                if (r.FirstEntry > at)
                    throw new MergeException($"Entries [{at}, {r.FirstEntry}) of {f.Path} are in no shard (missing range before {path}).");
                at = r.StopEntry;
                previous = path;
            }
            if (at < f.StopEntry) throw new MergeException($"Entries [{at}, {f.StopEntry}) of {f.Path} are in no shard.");
        }
        // Each shard holds exactly its part of the plan.
        foreach (var (path, p) in shards)
        {
            var expected = dataset.Shard(p.Shard, p.Shards, p.BatchSize);
            if (!expected.SequenceEqual(p.Ranges))
                throw new MergeException($"{path}: shard {p.Shard}/{p.Shards} holds ranges {Describe(p.Ranges)}, but the shard plan gives {Describe(expected)}.");
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0..count−1 on all cores; when some fail, rethrows the failure of the
    /// lowest index as it was (so the message names the first bad file, whatever the thread timing).</summary>
    private static void ForEachInParallel(int count, Action<int> body)
    {
        var errors = new Exception?[count];
        System.Threading.Tasks.Parallel.For(0, count, i =>
        {
            try { body(i); }
            catch (Exception e) { errors[i] = e; }
        });
        foreach (var e in errors)
            if (e != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static string Describe(IReadOnlyList<DatasetRange> ranges) =>
        ranges.Count == 0 ? "none" : string.Join(", ", ranges.Select(r => $"file {r.File} [{r.FirstEntry}, {r.StopEntry})"));

    /// <summary>"3, 5-7" for a sorted list of indices.</summary>
    internal static string Describe(IReadOnlyList<int> indices)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < indices.Count;)
        {
            int j = i;
            while (j + 1 < indices.Count && indices[j + 1] == indices[j] + 1) j++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(indices[i]);
            if (j > i) sb.Append('-').Append(indices[j]);
            i = j + 1;
        }
        return sb.ToString();
    }
}
