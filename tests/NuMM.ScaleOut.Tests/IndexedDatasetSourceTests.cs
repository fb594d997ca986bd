using NuMM.Examples.ScaleOut;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Selection;

namespace NuMM.ScaleOut.Tests;

/// <summary><see cref="IndexedDatasetSource{TBatch}"/>: batch k, read by any thread, is the k-th batch of
/// <see cref="DatasetSource{TBatch}"/> over the same ranges (ROOT trees and NuMM files, ranges starting and stopping
/// mid-file), so a shard's result does not depend on which source or how many threads read it.</summary>
public class IndexedDatasetSourceTests : IDisposable
{
    private const int BatchSize = 300;
    private readonly string _dir = Directory.CreateTempSubdirectory("numm-indexed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Contents(HzzEvent.Batch b)
    {
        var all = new List<byte>();
        for (int c = 0; c < b.Columns.Length; c++)
        {
            int size = ColumnTypes.Size(b.Columns[c].Type);
            all.AddRange(ColumnTypes.Bytes(b, c, b.Columns[c].Type)[..(b.Length * size)].ToArray());
        }
        return [.. all];
    }

    /// <summary>The HZZ ROOT dataset of the shard tests plus the same events as a NuMM file, ranges mid-file.</summary>
    private Dataset MixedDataset()
    {
        string numm = Path.Combine(_dir, "hzz.numm");
        Assert.Equal(0, NuMM.Cli.NummCommand.Run(["convert", ShardMergeTests.HzzFiles()[2], numm, "--tree", "events", "--columns", "MET_px,MET_py,NMuon,NJet,EventWeight", "--row-group", "700"], TextWriter.Null, TextWriter.Null));
        var files = ShardMergeTests.HzzDataset().Files.ToList();
        var nummFile = Dataset.FromFiles([numm], null).Files[0];
        files.Insert(2, nummFile with { FirstEntry = 1234, StopEntry = 2100 });
        return new Dataset(files);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    public void BatchK_OnTwoThreadsBackwards_EqualsTheSequentialSource(int shard, int shards)
    {
        var dataset = MixedDataset();
        var ranges = dataset.Shard(shard, shards, BatchSize);
        Assert.True(IndexedDatasetSource<HzzEvent.Batch>.CanRead(dataset, ranges));
        var expected = new List<byte[]>();
        using (var sequential = new DatasetSource<HzzEvent.Batch>(dataset, ranges, HzzEvent.Batch.Schema))
        {
            var b = new HzzEvent.Batch(BatchSize);
            while (sequential.ReadNext(b)) expected.Add(Contents(b));
        }
        using var indexed = new IndexedDatasetSource<HzzEvent.Batch>(dataset, ranges, HzzEvent.Batch.Schema);
        var got = new byte[expected.Count][];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            var mine = new HzzEvent.Batch(BatchSize);
            for (int k = expected.Count - 1 - t; k >= 0; k -= 2)
            {
                Assert.True(indexed.ReadBatch(k, mine));
                got[k] = Contents(mine);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (int k = 0; k < expected.Count; k++) Assert.True(expected[k].AsSpan().SequenceEqual(got[k]), $"batch {k} of shard {shard}/{shards} differs");
        var past = new HzzEvent.Batch(BatchSize);
        Assert.False(indexed.ReadBatch(expected.Count, past));
        Assert.Equal(0, past.Length);
        Assert.Throws<ArgumentException>(() => indexed.ReadBatch(0, new HzzEvent.Batch(BatchSize + 1)));
    }

    [Fact]
    public void Runner_OnThreeThreads_EqualsTheSequentialSourceOnOne()
    {
        var dataset = MixedDataset();
        var ranges = dataset.Shard(0, 1, BatchSize);
        AnalysisResult sequential, indexed;
        using (var s = new DatasetSource<HzzEvent.Batch>(dataset, ranges, HzzEvent.Batch.Schema))
            sequential = AnalysisRunner.Run(new HzzWeighted.Kernel(), s, () => new HzzEvent.Batch(BatchSize), new RunOptions { MaxThreads = 1 });
        using (var s = new IndexedDatasetSource<HzzEvent.Batch>(dataset, ranges, HzzEvent.Batch.Schema))
            indexed = AnalysisRunner.Run(new HzzWeighted.Kernel(), s, () => new HzzEvent.Batch(BatchSize), new RunOptions { MaxThreads = 3 });
        ResultCompare.AssertIdentical(sequential, indexed, "indexed on 3 threads", compareExposure: false);
        Assert.True(sequential.CutFlow.Passed[0] > 10_000);
    }

    [Fact]
    public void ArrowFiles_AreRefused_NamingTheFile()
    {
        string arrow = Path.Combine(_dir, "hzz.arrow");
        Assert.Equal(0, NuMM.Cli.NummCommand.Run(["convert", ShardMergeTests.HzzFiles()[0], arrow, "--tree", "events", "--columns", "MET_px,MET_py,NMuon,NJet,EventWeight"], TextWriter.Null, TextWriter.Null));
        var dataset = Dataset.FromFiles([ShardMergeTests.HzzFiles()[0], arrow], "events");
        var ranges = dataset.Shard(0, 1, BatchSize);
        Assert.False(IndexedDatasetSource<HzzEvent.Batch>.CanRead(dataset, ranges));
        var e = Assert.Throws<ArgumentException>(() => new IndexedDatasetSource<HzzEvent.Batch>(dataset, ranges, HzzEvent.Batch.Schema));
        Assert.Contains("hzz.arrow", e.Message);
    }
}
