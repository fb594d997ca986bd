using NuMM.Examples.ScaleOut;
using NuMM.Generated.Tests.Support;
using NuMM.Runtime.Data;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Selection;

namespace NuMM.ScaleOut.Tests;

/// <summary>Sharded runs of a weighted selection over the five HZZ ROOT files (12 105 events), merged, against the
/// single-process run: bit for bit, for N = 1, 2, 3 and 7, and the merge's refusals.</summary>
public class ShardMergeTests : IDisposable
{
    private const int BatchSize = 500;
    private readonly string _dir = Directory.CreateTempSubdirectory("numm-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static string[] HzzFiles() =>
        new[] { "uncompressed", "zlib", "lz4", "zstd", "lzma" }.Select(c => Path.Combine(AppContext.BaseDirectory, "TestData", "root", $"uproot-HZZ-{c}.root")).ToArray();

    /// <summary>The dataset: the five files, the second one only entries [100, 2000) with an exposure; all files POT.</summary>
    internal static Dataset HzzDataset()
    {
        var plain = Dataset.FromFiles(HzzFiles(), "events");
        var files = plain.Files.Select((f, i) => f with { Exposure = Exposure.Pot(1e20 / 3 * (i + 1)) }).ToList();
        files[1] = files[1] with { FirstEntry = 100, StopEntry = 2000 };
        return new Dataset(files);
    }

    private string RunShards(Dataset dataset, int n, string tag)
    {
        var paths = new List<string>();
        for (int i = 0; i < n; i++)
        {
            string path = Path.Combine(_dir, $"{tag}-{i}-of-{n}.nummr");
            ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, i, n, BatchSize, path, new RunOptions { MaxThreads = 2 });
            paths.Add(path);
        }
        string merged = Path.Combine(_dir, $"{tag}-merged-{n}.nummr");
        ResultMerger.MergeToFile(paths, merged);
        return merged;
    }

    [Fact]
    public void Merge_AnyShardCount_BitIdenticalToSingleProcessRun()
    {
        var dataset = HzzDataset();
        Assert.Equal(4 * 2421 + 1900, dataset.Entries);
        string single = Path.Combine(_dir, "single.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, 0, 1, BatchSize, single);
        var reference = ResultFile.Read(single).Result();

        // The plain runner over the whole dataset gives the same result (with the exposure set from outside).
        using (var source = new DatasetSource<HzzEvent.Batch>(dataset, dataset.Shard(0, 1, BatchSize), HzzEvent.Batch.Schema))
        {
            var plain = AnalysisRunner.Run(new HzzWeighted.Kernel(), source, () => new HzzEvent.Batch(BatchSize), new RunOptions { MaxThreads = 1 });
            ResultCompare.AssertIdentical(reference, plain, "plain runner", compareExposure: false);
        }
        Assert.Equal(Exposure.Pot(RationalSum.Of(dataset.Files.Select(f => f.Exposure.Value))), reference.Exposure);
        Assert.True(reference.CutFlow.Passed[2] > 1000, "the selection must keep enough events to tell");

        bool naiveDiffers = false;
        foreach (int n in new[] { 1, 2, 3, 7 })
        {
            var merged = ResultFile.Read(RunShards(dataset, n, "hzz"));
            ResultCompare.AssertIdentical(reference, merged.Result(), $"N={n}", compareExposure: true);
            Assert.Equal(1, merged.Provenance.Shards);
            Assert.Equal(dataset.Entries, merged.Provenance.Events);
            // The same shards added as rounded doubles (what a naive merge does) are not always bit-identical.
            if (n > 1)
            {
                var naive = ResultFile.Read(Path.Combine(_dir, $"hzz-0-of-{n}.nummr")).Result();
                for (int i = 1; i < n; i++) naive.Add(ResultFile.Read(Path.Combine(_dir, $"hzz-{i}-of-{n}.nummr")).Result());
                naiveDiffers |= !ResultCompare.Identical(reference, naive);
            }
        }
        Assert.True(naiveDiffers, "adding rounded shard results never differed from the single run: the test data would not tell an exact merge from a naive one");
    }

    [Fact]
    public void Merge_MixedRootArrowAndNummFiles_BitIdenticalToSingleRun()
    {
        // The same HZZ events as Arrow IPC and NuMM columnar files (converted by numm), mixed with a ROOT file, one range
        // starting mid-file (Arrow has no seek; NuMM files seek to the row group).
        string root = HzzFiles()[1];
        string arrow = Path.Combine(_dir, "hzz.arrow"), numm = Path.Combine(_dir, "hzz.numm");
        Assert.Equal(0, NuMM.Cli.NummCommand.Run(["convert", root, arrow, "--tree", "events", "--columns", "MET_px,MET_py,NMuon,NJet,EventWeight", "--pot", "2e20"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, NuMM.Cli.NummCommand.Run(["convert", root, numm, "--tree", "events", "--columns", "MET_px,MET_py,NMuon,NJet,EventWeight", "--pot", "3e20", "--row-group", "700"], TextWriter.Null, TextWriter.Null));
        var resolved = Dataset.FromFiles([root, arrow, numm], "events");
        Assert.Equal(Exposure.Pot(2e20), resolved.Files[1].Exposure);
        var files = resolved.Files.ToList();
        files[1] = files[1] with { FirstEntry = 321, Exposure = Exposure.Pot(1e20) };
        files[2] = files[2] with { FirstEntry = 1234, Exposure = Exposure.Pot(1e20) };
        files[0] = files[0] with { Exposure = Exposure.Pot(1e20) };
        var dataset = new Dataset(files);
        string single = Path.Combine(_dir, "mixed-single.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, 0, 1, BatchSize, single);
        var reference = ResultFile.Read(single).Result();
        // Independent check of the ranges: the same events from the ROOT file alone (entries 321… and 1234… of the same tree).
        var rootOnly = new Dataset([files[0], files[0] with { FirstEntry = 321 }, files[0] with { FirstEntry = 1234 }]);
        string rootSingle = Path.Combine(_dir, "root-single.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), rootOnly, 0, 1, BatchSize, rootSingle);
        ResultCompare.AssertIdentical(ResultFile.Read(rootSingle).Result(), reference, "ROOT-only ranges", compareExposure: true);
        foreach (int n in new[] { 2, 3, 7 })
            ResultCompare.AssertIdentical(reference, ResultFile.Read(RunShards(dataset, n, "mixed")).Result(), $"mixed N={n}", compareExposure: true);
    }

    [Fact]
    public void Shard_Plan_TilesDatasetOnBatchBoundaries()
    {
        var dataset = HzzDataset();
        foreach (int n in new[] { 1, 2, 3, 7, 40 })
        {
            var all = Enumerable.Range(0, n).SelectMany(i => dataset.Shard(i, n, BatchSize)).ToList();
            for (int f = 0; f < dataset.Files.Count; f++)
            {
                var mine = all.Where(r => r.File == f).ToList();
                Assert.Equal(dataset.Files[f].FirstEntry, mine[0].FirstEntry);
                Assert.Equal(dataset.Files[f].StopEntry, mine[^1].StopEntry);
                for (int k = 1; k < mine.Count; k++) Assert.Equal(mine[k - 1].StopEntry, mine[k].FirstEntry);
                Assert.All(mine, r => Assert.Equal(0, (r.FirstEntry - dataset.Files[f].FirstEntry) % BatchSize));
            }
        }
        // 25 batches in 40 shards: some shards are empty, none holds two batches.
        Assert.Contains(Enumerable.Range(0, 40), i => dataset.Shard(i, 40, BatchSize).Count == 0);
    }

    [Fact]
    public void Merge_RefusesBadSetsOfShards_NamingTheFile()
    {
        var dataset = HzzDataset();
        var shards = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string p = Path.Combine(_dir, $"s{i}.nummr");
            ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, i, 3, BatchSize, p);
            shards.Add(p);
        }
        string output = Path.Combine(_dir, "out.nummr");

        // Missing shard.
        var e = Assert.Throws<MergeException>(() => ResultMerger.MergeToFile([shards[0], shards[2]], output));
        Assert.Contains("Missing shard 1 of 3", e.Message);
        // Duplicated shard (a copy under another name).
        string copy = Path.Combine(_dir, "copy-of-s1.nummr");
        File.Copy(shards[1], copy);
        e = Assert.Throws<MergeException>(() => ResultMerger.MergeToFile([.. shards, copy], output));
        Assert.Contains("duplicated shard 1/3", e.Message);
        Assert.Contains("copy-of-s1.nummr", e.Message);
        // Truncated file.
        string cut = Path.Combine(_dir, "cut.nummr");
        var bytes = File.ReadAllBytes(shards[2]);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var d = Assert.Throws<DataFormatException>(() => ResultMerger.MergeToFile([shards[0], shards[1], cut], output));
        Assert.Contains("cut.nummr", d.Message);
        Assert.Contains("truncated", d.Message);
        // Damaged byte in the body.
        string damaged = Path.Combine(_dir, "damaged.nummr");
        bytes[^20] ^= 0x40;
        File.WriteAllBytes(damaged, bytes);
        d = Assert.Throws<DataFormatException>(() => ResultMerger.MergeToFile([shards[0], shards[1], damaged], output));
        Assert.Contains("damaged.nummr", d.Message);
        // A different split of the same dataset: overlapping ranges.
        string other = Path.Combine(_dir, "other-split.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, 1, 2, BatchSize, other);
        e = Assert.Throws<MergeException>(() => ResultMerger.MergeToFile([shards[0], other], output));
        Assert.Contains("other-split.nummr", e.Message);
        Assert.Contains("shard count", e.Message);
        // Another analysis parameter (kernel hash) and another dataset.
        string param = Path.Combine(_dir, "param.nummr");
        ShardRun.Run(new HzzWeighted.Kernel { MaxVectorBits = 128 }, HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, 2, 3, BatchSize, param);
        e = Assert.Throws<MergeException>(() => ResultMerger.MergeToFile([shards[0], shards[1], param], output));
        Assert.Contains("param.nummr", e.Message);
        Assert.Contains("kernel hash", e.Message);
        var smaller = new Dataset(dataset.Files.Take(4).ToList());
        string otherData = Path.Combine(_dir, "other-data.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), smaller, 2, 3, BatchSize, otherData);
        e = Assert.Throws<MergeException>(() => ResultMerger.MergeToFile([shards[0], shards[1], otherData], output));
        Assert.Contains("dataset hash", e.Message);

        // Nothing was written by any refused merge, and no temporary file is left behind.
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        ResultMerger.MergeToFile(shards, output);
        Assert.True(File.Exists(output));
    }
}
