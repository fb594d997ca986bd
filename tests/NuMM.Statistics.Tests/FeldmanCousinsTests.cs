using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

public class FeldmanCousinsTests
{
    /// <summary>90 % C.L. intervals printed in G. J. Feldman and R. D. Cousins, Phys. Rev. D 57, 3873 (1998),
    /// Table II (Poisson signal mean μ for n₀ observed with known background b, b = 0 … 5). The b = 0 rows for n₀ = 0…5,
    /// (n₀ = 10, b = 0.5) and (n₀ = 6, b = 3) are also quoted in the gammapy and maham test suites.
    /// Not checked: the n₀ = 0 entries for b ≥ 2 (1.26, 1.08, 0.98 printed); the strict likelihood-ratio ordering implemented
    /// here gives 1.08, 0.95, 0.77, so the paper's printed values there include an adjustment this construction does not make.</summary>
    public static TheoryData<int, double, double, double> PaperRows => new()
    {
        { 0, 0.0, 0.00, 2.44 },
        { 1, 0.0, 0.11, 4.36 },
        { 2, 0.0, 0.53, 5.91 },
        { 3, 0.0, 1.10, 7.42 },
        { 4, 0.0, 1.47, 8.60 },
        { 5, 0.0, 1.84, 9.99 },
        { 10, 0.5, 5.00, 16.00 },
        { 0, 1.0, 0.00, 1.61 },
        { 1, 3.0, 0.00, 1.88 },
        { 2, 3.0, 0.00, 3.04 },
        { 3, 3.0, 0.00, 4.42 },
        { 6, 3.0, 0.15, 8.47 },
    };

    [Theory]
    [MemberData(nameof(PaperRows))]
    public void ExactPoissonBelt_MatchesFeldmanCousinsTableII(int n, double b, double lower, double upper)
    {
        var (lo, hi) = FeldmanCousinsPoisson.Interval(n, b, 0.9);
        // The table prints two decimals from a 0.005 grid: agree within half a printed unit plus one grid step.
        Assert.True(Math.Abs(lo - lower) <= 0.0101, $"n={n}, b={b}: lower {lo:F4} vs table {lower:F2}");
        Assert.True(Math.Abs(hi - upper) <= 0.0101, $"n={n}, b={b}: upper {hi:F4} vs table {upper:F2}");
    }

    [Fact]
    public void AcceptanceInterval_FeldmanCousinsTableI_MuHalfBackgroundThree()
    {
        // Table I of the paper: for μ = 0.5, b = 3.0 the 90 % acceptance interval is n ∈ [0, 6].
        Assert.Equal((0, 6), FeldmanCousinsPoisson.AcceptanceInterval(0.5, 3.0, 0.9));
    }

    [Fact]
    public void AcceptanceInterval_CoversAtLeastTheConfidenceLevel()
    {
        foreach (double mu in new[] { 0.0, 0.7, 2.3, 6.1 })
        {
            var (lo, hi) = FeldmanCousinsPoisson.AcceptanceInterval(mu, 2.5, 0.9);
            double p = 0;
            for (int n = lo; n <= hi; n++) p += MathNet.Numerics.Distributions.Poisson.PMF(mu + 2.5, n);
            Assert.True(p >= 0.9, $"coverage {p} at μ = {mu}");
        }
    }

    private static BinnedLikelihood KnownBackgroundCounting(int n, double b) =>
        new CountingExperiment(n, b, 0.0).Likelihood;

    [Fact]
    public void ToyFeldmanCousins_KnownBackground_AgreesWithExactConstruction()
    {
        const int n = 2; const double b = 3.0;
        var grid = Enumerable.Range(0, 33).Select(i => i * 0.25).ToArray();
        var result = FeldmanCousins.Run(KnownBackgroundCounting(n, b), CountingExperiment.SignalParameter, grid,
            new FeldmanCousinsOptions { Toys = 400, Seed = 7 });
        var (lo, hi) = FeldmanCousinsPoisson.Interval(n, b, 0.9);
        Assert.Equal(0.0, result.Lower);
        // The toy interval is read on a 0.25 grid from 400 toys per point: agree within one grid step.
        Assert.True(Math.Abs(result.Upper - hi) < 0.25, $"toy upper {result.Upper} vs exact {hi}");
        // Point by point, the toy acceptance equals the exact one away from the edge.
        foreach (var p in result.Points.Where(p => Math.Abs(p.Value - hi) > 0.3))
        {
            var (n1, n2) = FeldmanCousinsPoisson.AcceptanceInterval(p.Value, b, 0.9);
            Assert.Equal(n >= n1 && n <= n2, p.Accepted);
        }
    }

    [Fact]
    public void ToyFeldmanCousins_OneAndManyThreads_GiveIdenticalResults()
    {
        var lik = new CountingExperiment(25, 23.78, 0.109).Likelihood;
        var grid = new[] { 2.0, 6.0, 10.0, 14.0 };
        var one = FeldmanCousins.Run(lik, CountingExperiment.SignalParameter, grid, new FeldmanCousinsOptions { Toys = 60, Seed = 99, MaxDegreeOfParallelism = 1, KeepToyStatistics = true });
        var many = FeldmanCousins.Run(lik, CountingExperiment.SignalParameter, grid, new FeldmanCousinsOptions { Toys = 60, Seed = 99, MaxDegreeOfParallelism = 4, KeepToyStatistics = true });
        for (int i = 0; i < grid.Length; i++)
        {
            Assert.Equal(one.Points[i].ToyDeltaChi2, many.Points[i].ToyDeltaChi2);
            Assert.Equal(one.Points[i].CriticalDeltaChi2, many.Points[i].CriticalDeltaChi2);
        }
        Assert.Equal(one.Upper, many.Upper);
        var otherSeed = FeldmanCousins.Run(lik, CountingExperiment.SignalParameter, grid, new FeldmanCousinsOptions { Toys = 60, Seed = 100, KeepToyStatistics = true });
        Assert.NotEqual(one.Points[1].ToyDeltaChi2, otherSeed.Points[1].ToyDeltaChi2);
    }

    [Fact]
    public void ToyFeldmanCousins_ReportsProgressUpToTotal()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<FeldmanCousinsProgress>();
        var progress = new SyncProgress(reports.Add);
        FeldmanCousins.Run(KnownBackgroundCounting(3, 1.0), CountingExperiment.SignalParameter, [1.0, 3.0],
            new FeldmanCousinsOptions { Toys = 50, Progress = progress });
        Assert.Contains(reports, r => r.ToysDone == 100 && r.ToysTotal == 100);
    }

    [Fact]
    public void ToyFeldmanCousins_DecreasingGrid_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => FeldmanCousins.Run(KnownBackgroundCounting(3, 1.0), CountingExperiment.SignalParameter, [1.0, 0.5]));
        Assert.Contains("point 1", e.Message);
    }

    [Fact]
    public void ToyRandom_SameSeedPointToy_SameStream_DifferentToy_DifferentStream()
    {
        var a = new ToyRandom(5, 3, 17); var b = new ToyRandom(5, 3, 17); var c = new ToyRandom(5, 3, 18);
        var xa = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(xa, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(xa, Enumerable.Range(0, 8).Select(_ => c.NextUInt64()).ToArray());
        var u = new ToyRandom(1, 0, 0);
        double mean = Enumerable.Range(0, 20000).Select(_ => u.NextDouble()).Average();
        Assert.InRange(mean, 0.49, 0.51); // 20000 uniforms: σ(mean) = 0.002
    }

    private sealed class SyncProgress(Action<FeldmanCousinsProgress> report) : IProgress<FeldmanCousinsProgress>
    {
        public void Report(FeldmanCousinsProgress value) => report(value);
    }
}
