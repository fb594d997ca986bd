using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NuMM.Runtime.Statistics.Inference;

namespace NuMM.Benchmarks.Statistics;

/// <summary>Issue 4 and 9 targets: Feldman–Cousins with 10⁴ toys per point over 50 points (counting experiment: "under a
/// minute on 2 cores"; the 20-bin model with 10 nuisances: "at most 2 minutes on 2 cores"). Each toy is two fits (global
/// and at the point). The 50 × 100 cases run the same toys with the general minimiser and with the fast toy fits (analytic
/// gradients, Newton steps, no allocation per toy), for the ratio. One monitored iteration per case: the runs are long and
/// deterministic.
/// Run: dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter '*FeldmanCousinsBenchmark*'</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class FeldmanCousinsBenchmark
{
    private CountingExperiment _counting = null!;
    private double[] _countingPoints = null!;
    private NuMM.Runtime.Statistics.Likelihood.BinnedLikelihood _binned = null!;
    private double[] _binnedPoints = null!;

    /// <summary>Threads used by the toy loop (1 and all cores, to show the scaling in the same run).</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    /// <summary>The technote's counting experiment (25 observed, 23.78 expected, 10.9 % background systematic) and the 20-bin model.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _counting = new CountingExperiment(25, 23.78, 0.109);
        _countingPoints = Enumerable.Range(0, 50).Select(i => 0.4 * i).ToArray();
        _binned = StatisticsBenchmarkModels.Binned();
        _binnedPoints = Enumerable.Range(0, 50).Select(i => 0.02 * i).ToArray();
    }

    /// <summary>Counting experiment: 50 points × 10⁴ toys.</summary>
    [Benchmark]
    public double Counting50x10000() => _counting.FeldmanCousins(_countingPoints,
        new FeldmanCousinsOptions { Toys = 10_000, Seed = 1, MaxDegreeOfParallelism = Threads }).Upper;

    /// <summary>20-bin model with 10 nuisances: 50 points × 100 toys, general minimiser for every toy fit.</summary>
    [Benchmark]
    public double Binned50x100General() => FeldmanCousins.Run(_binned, "mu", _binnedPoints,
        new FeldmanCousinsOptions { Toys = 100, Seed = 1, MaxDegreeOfParallelism = Threads, FastToyFits = false }).Upper;

    /// <summary>The same toys with the fast toy fits.</summary>
    [Benchmark]
    public double Binned50x100Fast() => FeldmanCousins.Run(_binned, "mu", _binnedPoints,
        new FeldmanCousinsOptions { Toys = 100, Seed = 1, MaxDegreeOfParallelism = Threads }).Upper;

    /// <summary>Issue 9 target: 20-bin model, 50 points × 10⁴ toys with the fast toy fits.</summary>
    [Benchmark]
    public double Binned50x10000Fast() => FeldmanCousins.Run(_binned, "mu", _binnedPoints,
        new FeldmanCousinsOptions { Toys = 10_000, Seed = 1, MaxDegreeOfParallelism = Threads }).Upper;
}
