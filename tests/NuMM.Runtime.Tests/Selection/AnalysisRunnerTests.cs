using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class AnalysisRunnerTests
{
    private const long Events = 60_000;

    private static AnalysisResult Run(int threads, long events = Events, int capacity = 1000, int maxBatch = 0, TestKernel? kernel = null,
        IProgress<RunProgress>? progress = null, CancellationToken token = default, int inFlight = 0) =>
        AnalysisRunner.Run(kernel ?? new TestKernel(), TestKernel.Source(events, maxBatch), () => TestKernel.NewBatch(capacity),
            new RunOptions { MaxThreads = threads, Progress = progress, CancellationToken = token, BatchesInFlight = inFlight });

    private static void AssertBitwiseEqual(AnalysisResult a, AnalysisResult b, string what)
    {
        Assert.Equal(a.CutFlow.Passed, b.CutFlow.Passed);
        Assert.Equal(a.CutFlow.PassedAllOthers, b.CutFlow.PassedAllOthers);
        AssertBits(a.CutFlow.SumW, b.CutFlow.SumW, what + " cut flow SumW");
        AssertBits(a.CutFlow.SumW2, b.CutFlow.SumW2, what + " cut flow SumW2");
        AssertBits(a.CutFlow.SumWAllOthers, b.CutFlow.SumWAllOthers, what + " N-1 SumW");
        AssertBits(a.CutFlow.SumW2AllOthers, b.CutFlow.SumW2AllOthers, what + " N-1 SumW2");
        for (int i = 0; i < a.Histograms1D.Count; i++)
        {
            AssertBits(a.Histograms1D[i].SumW.ToArray(), b.Histograms1D[i].SumW.ToArray(), $"{what} h1[{i}] SumW");
            AssertBits(a.Histograms1D[i].SumW2.ToArray(), b.Histograms1D[i].SumW2.ToArray(), $"{what} h1[{i}] SumW2");
        }
        for (int i = 0; i < a.Histograms2D.Count; i++)
        {
            AssertBits(a.Histograms2D[i].SumW.ToArray(), b.Histograms2D[i].SumW.ToArray(), $"{what} h2[{i}] SumW");
            AssertBits(a.Histograms2D[i].SumW2.ToArray(), b.Histograms2D[i].SumW2.ToArray(), $"{what} h2[{i}] SumW2");
        }
    }

    private static void AssertBits(double[] a, double[] b, string what)
    {
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]), $"{what}[{i}]: {a[i]:R} vs {b[i]:R}");
    }

    [Fact]
    public void Run_OneTwoAndEightThreads_BitwiseIdentical()
    {
        var one = Run(1);
        AssertBitwiseEqual(one, Run(2), "2 threads");
        AssertBitwiseEqual(one, Run(8), "8 threads");
        AssertBitwiseEqual(one, Run(8, inFlight: 3), "8 threads, window 3");
        AssertBitwiseEqual(one, Run(3, inFlight: 64), "3 threads, window 64");
    }

    [Fact]
    public void Run_RepeatedRuns_BitwiseIdentical()
    {
        var first = Run(4);
        for (int r = 0; r < 5; r++) AssertBitwiseEqual(first, Run(4), $"repeat {r}");
    }

    [Fact]
    public void Run_TinyBatchesManyThreads_StaysBitwiseIdentical()
    {
        var reference = Run(1, events: 3000, capacity: 7);
        for (int r = 0; r < 10; r++) AssertBitwiseEqual(reference, Run(8, events: 3000, capacity: 7, inFlight: 1 + r % 5), $"stress {r}");
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(4, 3, 3)]
    [InlineData(3, 0, 6)]
    public void Run_BatchesAndPartials_ArePooledWithinTheWindow(int threads, int inFlight, int maxPooled)
    {
        int batches = 0, results = 0;
        var kernel = new CountingKernel(() => Interlocked.Increment(ref results));
        AnalysisRunner.Run(kernel, TestKernel.Source(20_000), () => { Interlocked.Increment(ref batches); return TestKernel.NewBatch(100); },
            new RunOptions { MaxThreads = threads, BatchesInFlight = inFlight });
        Assert.InRange(batches, 1, maxPooled);          // 200 batches read through at most `window` batch objects
        Assert.InRange(results, 2, maxPooled + 1);      // the total plus at most one partial per slot
    }

    private sealed class CountingKernel(Action onCreate) : IAnalysisKernel<DynamicColumnBatch>
    {
        private readonly TestKernel _inner = new();
        public AnalysisResult CreateResult() { onCreate(); return _inner.CreateResult(); }
        public void Process(DynamicColumnBatch batch, AnalysisResult into) => _inner.Process(batch, into);
    }

    [Fact]
    public void Run_Result_MatchesNaiveLoopOverEvents()
    {
        var result = Run(4, capacity: 777);
        // Independent reference: one pass over the events without batches or partial results.
        var kernel = new TestKernel();
        var reference = kernel.CreateResult();
        var batch = TestKernel.NewBatch(1);
        for (long i = 0; i < Events; i++)
        {
            TestKernel.Write(batch, 0, i);
            batch.Length = 1;
            kernel.Process(batch, reference);
        }
        Assert.Equal(reference.CutFlow.Passed, result.CutFlow.Passed);
        Assert.Equal(reference.CutFlow.PassedAllOthers, result.CutFlow.PassedAllOthers);
        Assert.Equal(Events, result.CutFlow.Passed[0]);
        for (int k = 0; k <= 3; k++) Assert.Equal(reference.CutFlow.SumW[k], result.CutFlow.SumW[k], 1e-9 * reference.CutFlow.SumW[0]);
        var hr = reference.Histogram1D("x"); var h = result.Histogram1D("x");
        for (int c = 0; c < h.CellCount; c++) Assert.Equal(hr.SumW[c], h.SumW[c], 1e-9 * hr.Integral(true) + 1e-12);
        Assert.Equal(result.CutFlow.SumW[3], h.Integral(true), 1e-9 * h.Integral(true));
        Assert.Equal(result.CutFlow.SumW[3], result.Histogram2D("xy").Integral(true), 1e-9 * h.Integral(true));
    }

    [Fact]
    public void Run_BatchSizeOne_AndEmptySource_Work()
    {
        AssertBitwiseEqual(Run(1, events: 500, capacity: 1), Run(3, events: 500, capacity: 1), "capacity 1");
        var empty = Run(4, events: 0);
        Assert.Equal(0, empty.CutFlow.Passed[0]);
    }

    [Fact]
    public void Run_Progress_ReportsEventsInOrder()
    {
        var seen = new List<RunProgress>();
        var progress = new SynchronousProgress<RunProgress>(p => seen.Add(p));
        Run(4, events: 10_500, capacity: 1000, progress: progress);
        Assert.Equal(11, seen.Count);
        for (int i = 0; i < seen.Count; i++) Assert.Equal(i + 1, seen[i].BatchesProcessed);
        Assert.Equal(Math.Min(1000L * 11, 10_500), seen[^1].EventsProcessed);
        Assert.Equal(4000, seen[3].EventsProcessed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Run_KernelThrows_PropagatesWithBatchIndex(int threads)
    {
        var e = Assert.Throws<AnalysisRunException>(() => Run(threads, capacity: 1000, kernel: new TestKernel { ThrowAtEvent = 12_345 }));
        Assert.Equal(12, e.BatchIndex);
        Assert.Equal(RunStage.Processing, e.Stage);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("batch 12", e.Message);
        Assert.Contains("TestAnalysis", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Run_SourceThrows_PropagatesWithBatchIndex(int threads)
    {
        int calls = 0;
        var source = new DelegateSource(b =>
        {
            if (calls++ == 7) throw new IOException("disk gone");
            for (int i = 0; i < 10; i++) TestKernel.Write(b, i, calls * 10 + i);
            b.Length = 10;
            return true;
        });
        var e = Assert.Throws<AnalysisRunException>(() => AnalysisRunner.Run(new TestKernel(), source, () => TestKernel.NewBatch(10), new RunOptions { MaxThreads = threads }));
        Assert.Equal(7, e.BatchIndex);
        Assert.Equal(RunStage.Reading, e.Stage);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public void Run_CancelledDuringRun_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress<RunProgress>(p => { if (p.BatchesProcessed == 3) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => Run(2, progress: progress, token: cts.Token));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_ProgressThrows_PropagatesAsRunException(int threads)
    {
        var progress = new SynchronousProgress<RunProgress>(p => { if (p.BatchesProcessed == 5) throw new InvalidOperationException("progress bar broke"); });
        var e = Assert.Throws<AnalysisRunException>(() => Run(threads, progress: progress));
        Assert.Equal(4, e.BatchIndex);
        Assert.Equal(RunStage.Merging, e.Stage);
    }

    [Fact]
    public void Run_OneThread_AllocationDoesNotGrowWithBatchCount()
    {
        long Measure(long events)
        {
            var kernel = new TestKernel();
            var source = TestKernel.Source(events);
            var options = new RunOptions { MaxThreads = 1 };
            Func<DynamicColumnBatch> newBatch = () => TestKernel.NewBatch(100);
            long before = GC.GetAllocatedBytesForCurrentThread();
            AnalysisRunner.Run(kernel, source, newBatch, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        // Warm up on the long run too: tiered JIT promotes the loop's methods only after many batches, and a
        // promotion during the measured run can allocate on this thread once (seen as +248 B on a clean CI clone).
        Measure(50_000);
        Measure(1000);
        // The least of three runs each: a one-off allocation by the runtime itself (a tiered-JIT or OSR promotion on this
        // thread, seen under heavy load even after the warm-up) cannot then fail the test, while a per-batch allocation
        // grows every run and still does.
        long few = Math.Min(Measure(1_000), Math.Min(Measure(1_000), Measure(1_000)));       // 10 batches
        long many = Math.Min(Measure(50_000), Math.Min(Measure(50_000), Measure(50_000)));  // 500 batches
        // Not Assert.Equal: a wait that really blocks (the reader behind, another process busy on this 2-core machine)
        // can allocate a few hundred bytes once (seen: +496 B on a clean clone while a benchmark ran). That is thread
        // timing, not a per-batch cost. A per-batch allocation of even one 24-byte object over the 490 extra batches is
        // 11.8 kB and still fails here.
        Assert.True(many - few < 1024, $"the 500-batch run allocated {many - few} B more than the 10-batch run ({few} B)");
    }

    [Fact]
    public void RunOptions_BadValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RunOptions { MaxThreads = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RunOptions { BatchesInFlight = -1 });
        Assert.Equal(Environment.ProcessorCount, new RunOptions().MaxThreads);
    }

    [Fact]
    public void Run_KernelReturningSharedResult_FailsClearly()
    {
        var e = Assert.Throws<AnalysisRunException>(() =>
            AnalysisRunner.Run(new SharedResultKernel(), TestKernel.Source(100), () => TestKernel.NewBatch(10), new RunOptions { MaxThreads = 1 }));
        Assert.Contains("CreateResult must build new objects", e.Message);
        Assert.Equal(0, e.BatchIndex);
    }

    private sealed class SharedResultKernel : IAnalysisKernel<DynamicColumnBatch>
    {
        private readonly AnalysisResult _shared = new TestKernel().CreateResult();
        public AnalysisResult CreateResult() => _shared;
        public void Process(DynamicColumnBatch batch, AnalysisResult into) { }
    }

    private sealed class DelegateSource(Func<DynamicColumnBatch, bool> read) : IBatchSource<DynamicColumnBatch>
    {
        public bool ReadNext(DynamicColumnBatch batch) => read(batch);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
