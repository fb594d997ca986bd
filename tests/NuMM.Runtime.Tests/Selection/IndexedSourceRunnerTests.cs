using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Data.Root.Compression;
using NuMM.Runtime.Data.Root.Writing;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

/// <summary><see cref="AnalysisRunner"/> over sources read by every thread at once (<see cref="IIndexedBatchSource{TBatch}"/>):
/// the result equals a sequential one-thread run bit for bit, the earliest failing batch is the one reported, and
/// progress still arrives in batch order. The ROOT cases write a file with <see cref="RootTreeWriter"/> and read it
/// through <see cref="RootBatchSource{TBatch}"/>.</summary>
public sealed class IndexedSourceRunnerTests
{
    /// <summary>Batch k = events [k·C, (k+1)·C) of <see cref="TestKernel"/>'s stream; may fail or stall on chosen batches.</summary>
    private sealed class IndexedSource(long events) : IIndexedBatchSource<DynamicColumnBatch>
    {
        public Func<long, Exception?> FailAt { get; init; } = _ => null;
        public Action<long> Before { get; init; } = _ => { };
        public int SequentialReads;

        public bool ReadBatch(long index, DynamicColumnBatch batch)
        {
            Before(index);
            if (FailAt(index) is { } e) throw e;
            long e0 = index * batch.Capacity;
            if (e0 >= events) { batch.Length = 0; return false; }
            int n = (int)Math.Min(batch.Capacity, events - e0);
            for (int i = 0; i < n; i++) TestKernel.Write(batch, i, e0 + i);
            batch.Length = n;
            return true;
        }

        public bool ReadNext(DynamicColumnBatch batch) { Interlocked.Increment(ref SequentialReads); return false; }
    }

    private static AnalysisResult RunSequential(long events, int capacity) =>
        AnalysisRunner.Run(new TestKernel(), TestKernel.Source(events), () => TestKernel.NewBatch(capacity), new RunOptions { MaxThreads = 1 });

    private static AnalysisResult RunIndexed(IIndexedBatchSource<DynamicColumnBatch> source, int threads, int capacity, TestKernel? kernel = null,
        IProgress<RunProgress>? progress = null, CancellationToken token = default) =>
        AnalysisRunner.Run(kernel ?? new TestKernel(), source, () => TestKernel.NewBatch(capacity),
            new RunOptions { MaxThreads = threads, Progress = progress, CancellationToken = token });

    private static void AssertBitwiseEqual(AnalysisResult a, AnalysisResult b)
    {
        Assert.Equal(a.CutFlow.Passed, b.CutFlow.Passed);
        Assert.Equal(a.CutFlow.PassedAllOthers, b.CutFlow.PassedAllOthers);
        Assert.Equal(a.CutFlow.SumW.Select(BitConverter.DoubleToInt64Bits), b.CutFlow.SumW.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.CutFlow.SumW2.Select(BitConverter.DoubleToInt64Bits), b.CutFlow.SumW2.Select(BitConverter.DoubleToInt64Bits));
        for (int i = 0; i < a.Histograms1D.Count; i++)
        {
            Assert.Equal(a.Histograms1D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits), b.Histograms1D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(a.Histograms1D[i].SumW2.ToArray().Select(BitConverter.DoubleToInt64Bits), b.Histograms1D[i].SumW2.ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
        for (int i = 0; i < a.Histograms2D.Count; i++)
            Assert.Equal(a.Histograms2D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits), b.Histograms2D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void IndexedRun_EqualsSequentialOneThreadRun_BitForBit(int threads)
    {
        var reference = RunSequential(50_000, 999);
        var source = new IndexedSource(50_000);
        for (int r = 0; r < 3; r++) AssertBitwiseEqual(reference, RunIndexed(source, threads, 999));
        Assert.Equal(0, source.SequentialReads);
    }

    [Fact]
    public void UnderAnExposureWrapper_IsStillReadByIndex_AndKeepsTheExposure()
    {
        var reference = RunSequential(20_000, 999);
        var source = new IndexedSource(20_000);
        var result = AnalysisRunner.Run(new TestKernel(), source.WithExposure(Exposure.Pot(2.5e20)), () => TestKernel.NewBatch(999), new RunOptions { MaxThreads = 2 });
        AssertBitwiseEqual(reference, result);
        Assert.Equal(0, source.SequentialReads);
        Assert.Equal(Exposure.Pot(2.5e20), result.Exposure);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ReadErrorInBatchK_IsReportedAsBatchK(int threads)
    {
        var source = new IndexedSource(50_000) { FailAt = k => k == 7 ? new IOException("basket 7 is corrupt") : null };
        var e = Assert.Throws<AnalysisRunException>(() => RunIndexed(source, threads, 1000));
        Assert.Equal(7, e.BatchIndex);
        Assert.Equal(RunStage.Reading, e.Stage);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public void LaterBatchFailingFirst_StillReportsTheEarlierBatch()
    {
        // Batch 9 fails at once; batch 7 fails only after batch 9 has (it waits for that), so the error seen first is
        // batch 9's, yet batch 7 comes first in batch order and is the one reported.
        using var nineFailed = new ManualResetEventSlim();
        var source = new IndexedSource(50_000)
        {
            Before = k => { if (k == 7) nineFailed.Wait(TimeSpan.FromSeconds(10)); },
            FailAt = k => k switch
            {
                9 => Set(nineFailed, new IOException("nine")),
                7 => new IOException("seven"),
                _ => null,
            },
        };
        var e = Assert.Throws<AnalysisRunException>(() => RunIndexed(source, 4, 1000));
        Assert.Equal(7, e.BatchIndex);
        Assert.Equal("seven", e.InnerException!.Message);
    }

    private static Exception Set(ManualResetEventSlim s, Exception e) { s.Set(); return e; }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void KernelErrorInBatchK_IsReportedAsBatchK(int threads)
    {
        var e = Assert.Throws<AnalysisRunException>(() => RunIndexed(new IndexedSource(50_000), threads, 1000, new TestKernel { ThrowAtEvent = 23_456 }));
        Assert.Equal(23, e.BatchIndex);
        Assert.Equal(RunStage.Processing, e.Stage);
    }

    [Fact]
    public void Progress_ArrivesInBatchOrder()
    {
        var seen = new List<RunProgress>();
        RunIndexed(new IndexedSource(10_500), 4, 1000, progress: new SyncProgress(p => seen.Add(p)));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), seen.Select(p => p.BatchesProcessed));
        Assert.Equal(10_500, seen[^1].EventsProcessed);
    }

    [Fact]
    public void Cancellation_Stops()
    {
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            RunIndexed(new IndexedSource(50_000), 2, 1000, progress: new SyncProgress(p => { if (p.BatchesProcessed == 3) cts.Cancel(); }), token: cts.Token));
    }

    [Fact]
    public void BatchesOfDifferentCapacity_AreRefused()
    {
        int made = 0;
        var e = Assert.Throws<AnalysisRunException>(() => AnalysisRunner.Run(new TestKernel(), new IndexedSource(50_000),
            () => TestKernel.NewBatch(Interlocked.Increment(ref made) == 1 ? 1000 : 500), new RunOptions { MaxThreads = 2, BatchesInFlight = 2 }));
        // Either thread may make its batch first; the message names the two capacities, smaller first, either way.
        Assert.Contains("capacity 500 and 1000", e.InnerException!.Message);
    }

    private sealed class SyncProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }

    private static string WriteRoot(string dir, long events, RootCompressionAlgorithm algorithm, int entriesPerBasket)
    {
        string path = Path.Combine(dir, "events.root");
        var source = TestKernel.Source(events);
        RootTreeWriter.WriteAll(path, "events", source, TestKernel.NewBatch(1000),
            new RootWriteOptions { Compression = algorithm, EntriesPerBasket = entriesPerBasket });
        return path;
    }

    /// <summary>A ROOT source seen only through <see cref="IBatchSource{TBatch}.ReadNext"/>: the runner's sequential path.</summary>
    private sealed class SequentialOnly(IBatchSource<DynamicColumnBatch> inner) : IBatchSource<DynamicColumnBatch>
    {
        public bool ReadNext(DynamicColumnBatch batch) => inner.ReadNext(batch);
    }

    [Theory]
    [InlineData(RootCompressionAlgorithm.Zstd, 1000)]   // baskets aligned with the batches
    [InlineData(RootCompressionAlgorithm.Zlib, 777)]    // baskets straddling batch boundaries
    public void RootFile_ParallelRead_EqualsSequentialRead_BitForBit(RootCompressionAlgorithm algorithm, int entriesPerBasket)
    {
        var dir = Directory.CreateTempSubdirectory("numm-indexed-");
        try
        {
            string path = WriteRoot(dir.FullName, 30_000, algorithm, entriesPerBasket);
            using var file = RootFile.Open(path);
            var tree = file.GetTree("events");
            var sequential = AnalysisRunner.Run(new TestKernel(), new SequentialOnly(tree.OpenBatches<DynamicColumnBatch>(TestKernel.Columns)),
                () => TestKernel.NewBatch(1000), new RunOptions { MaxThreads = 1 });
            AssertBitwiseEqual(RunSequential(30_000, 1000), sequential); // the file holds the stream's events
            foreach (int threads in new[] { 1, 2, 4 })
                AssertBitwiseEqual(sequential, RunIndexed(tree.OpenBatches<DynamicColumnBatch>(TestKernel.Columns), threads, 1000));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void RootFile_NonFiniteValueInBatchK_IsReportedAsBatchK()
    {
        // w requires finite values; event 12,345 gets w = NaN, so batch 12 (of 1000 events) fails while reading.
        var dir = Directory.CreateTempSubdirectory("numm-indexed-");
        try
        {
            string path = Path.Combine(dir.FullName, "bad.root");
            var data = TestKernel.NewBatch(30_000);
            for (int i = 0; i < 30_000; i++) TestKernel.Write(data, i, i);
            data.Column<double>(2)[12_345] = double.NaN;
            data.Length = 30_000;
            using (var w = RootTreeWriter.Create(path, "events", TestKernel.Columns, new RootWriteOptions { Compression = RootCompressionAlgorithm.Lz4, EntriesPerBasket = 1000 }))
            {
                w.Write(data);
                w.Close();
            }
            using var file = RootFile.Open(path);
            foreach (int threads in new[] { 1, 2, 4 })
            {
                var e = Assert.Throws<AnalysisRunException>(() => RunIndexed(file.GetTree("events").OpenBatches<DynamicColumnBatch>(TestKernel.Columns), threads, 1000));
                Assert.Equal(12, e.BatchIndex);
                Assert.Equal(RunStage.Reading, e.Stage);
                Assert.Equal(12_345, ((DataFormatException)e.InnerException!).Entry);
            }
        }
        finally { dir.Delete(recursive: true); }
    }
}
