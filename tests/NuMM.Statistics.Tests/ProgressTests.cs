using System.Collections.Concurrent;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>Progress of toy ensembles and scans: the sequence of reports is the same for any thread count (toys counted in
/// order), it ends at the total, and the results with a progress sink equal those without, bit for bit.</summary>
public class ProgressTests
{
    private static BinnedLikelihood Counting(double n) =>
        new(new PredictionModel([new PredictionComponent("signal", [5.0], ComponentScale.Linear("mu")), new PredictionComponent("bkg", [3.0])],
            [new FitParameter("mu", 0.5, 0, 10)]), [n]);

    /// <summary>Collects reports in the order they arrive; flags two reports at once (they must come one at a time).</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        private int _inside;
        public ConcurrentQueue<T> Values { get; } = new();
        public bool Overlapped { get; private set; }

        public void Report(T value)
        {
            if (Interlocked.Increment(ref _inside) > 1) Overlapped = true;
            Thread.SpinWait(200); // widen the window in which an overlapping call would be seen
            Values.Enqueue(value);
            Interlocked.Decrement(ref _inside);
        }
    }

    [Fact]
    public void FeldmanCousins_ReportsPieceBoundariesInOrder_SameForOneAndThreeThreads_ResultUnchanged()
    {
        var lik = new CountingExperiment(3, 1.0, 0.0).Likelihood;
        double[] grid = [0.5, 2.0, 4.0];
        var plain = FeldmanCousins.Run(lik, CountingExperiment.SignalParameter, grid, new FeldmanCousinsOptions { Toys = 40, ToysPerBlock = 7, KeepToyStatistics = true, MaxDegreeOfParallelism = 1 });
        var runs = new[] { 1, 3 }.Select(threads =>
        {
            var rec = new Recorder<FeldmanCousinsProgress>();
            var r = FeldmanCousins.Run(lik, CountingExperiment.SignalParameter, grid,
                new FeldmanCousinsOptions { Toys = 40, ToysPerBlock = 7, KeepToyStatistics = true, MaxDegreeOfParallelism = threads, Progress = rec });
            return (r, rec);
        }).ToArray();
        // 3 points × blocks of 7, 7, 7, 7, 7, 5 toys = 120 toys; 1 % of 120 rounds to a step of 1, so every piece boundary is reported.
        int[] blockSizes = [7, 7, 7, 7, 7, 5];
        var expected = new List<long>();
        long sum = 0;
        for (int p = 0; p < 3; p++) foreach (int s in blockSizes) expected.Add(sum += s);
        foreach (var (r, rec) in runs)
        {
            Assert.False(rec.Overlapped);
            Assert.Equal(expected, rec.Values.Select(v => v.ToysDone));
            Assert.All(rec.Values, v => Assert.Equal(120, v.ToysTotal));
            Assert.Equal(plain.Lower, r.Lower);
            Assert.Equal(plain.Upper, r.Upper);
            for (int i = 0; i < grid.Length; i++) Assert.Equal(plain.Points[i].ToyDeltaChi2, r.Points[i].ToyDeltaChi2);
        }
    }

    [Fact]
    public void HypothesisTestToys_OneReportPerPercentInToyOrder_SameForOneAndFourThreads_ResultUnchanged()
    {
        var plain = HypothesisTest.Toys(Counting(6), "mu", 1.0, HypothesisStatistic.QMuTilde, new HypothesisToyOptions { Toys = 200, Seed = 3 });
        // 2 × 200 toys, a report every 4 toys (1 % of 400): 4, 8, …, 400.
        var expected = Enumerable.Range(1, 100).Select(i => 4L * i).ToArray();
        foreach (int threads in new[] { 1, 4 })
        {
            var rec = new Recorder<ToyProgress>();
            var r = HypothesisTest.Toys(Counting(6), "mu", 1.0, HypothesisStatistic.QMuTilde,
                new HypothesisToyOptions { Toys = 200, Seed = 3, MaxDegreeOfParallelism = threads, Progress = rec });
            Assert.False(rec.Overlapped);
            Assert.Equal(expected, rec.Values.Select(v => v.ToysDone));
            Assert.All(rec.Values, v => Assert.Equal(400, v.ToysTotal));
            Assert.Equal(plain.PValue, r.PValue);
            Assert.Equal(plain.Cls, r.Cls);
            Assert.Equal(plain.Expected, r.Expected);
        }
    }

    [Fact]
    public void HybridCls_ReportsEveryToyOnce_InOrder_ResultUnchanged()
    {
        var plain = HybridCls.Test(Counting(4), "mu", 1.0, HypothesisStatistic.QMu, new HypothesisToyOptions { Toys = 50, Seed = 11 });
        var rec = new Recorder<ToyProgress>();
        var r = HybridCls.Test(Counting(4), "mu", 1.0, HypothesisStatistic.QMu, new HypothesisToyOptions { Toys = 50, Seed = 11, MaxDegreeOfParallelism = 3, Progress = rec });
        // 100 toys, step 1: every toy.
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), rec.Values.Select(v => v.ToysDone));
        Assert.Equal(plain.Cls, r.Cls);
        Assert.Equal(plain.Expected, r.Expected);
    }

    [Fact]
    public void ProfileScan_ReportsZeroThenEachPoint_ScanUnchanged()
    {
        double[] grid = [0, 0.5, 1, 1.5, 2, 3];
        var plain = ProfileLikelihood.Scan(Counting(6), "mu", grid);
        var rec = new Recorder<long>();
        var scan = ProfileLikelihood.Scan(Counting(6), "mu", grid, progress: rec);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], rec.Values);
        Assert.Equal(plain.DeltaChi2, scan.DeltaChi2);
    }

    [Fact]
    public void ProfileScan2D_ReportsGridPointsInScanOrder()
    {
        var lik = new BinnedLikelihood(new PredictionModel(
            [new PredictionComponent("signal", [5.0, 2.0], ComponentScale.Linear("mu")), new PredictionComponent("bkg", [3.0, 4.0], ComponentScale.Linear("b"))],
            [new FitParameter("mu", 0.5, 0, 10), new FitParameter("b", 1, 0.1, 5)]), [7, 6]);
        var rec = new Recorder<long>();
        ProfileLikelihood.Scan2D(lik, "mu", [0.5, 1, 1.5], "b", [0.8, 1.2], progress: rec);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], rec.Values);
    }
}
