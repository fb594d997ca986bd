using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

public class InferenceTests
{
    /// <summary>One bin, Gaussian measurement x = d − b of a signal s ≥ 0 with known σ (χ² with fixed error).</summary>
    private static BinnedLikelihood Gaussian(double observed, double background, double sigma) =>
        new(new PredictionModel([new PredictionComponent("signal", [1.0], ComponentScale.Linear("s")), new PredictionComponent("bkg", [background])],
            [new FitParameter("s", 1, 0, 100)]), [observed], TestStatistic.ChiSquare(ChiSquareErrors.Fixed, [sigma]));

    private static double Bisect(Func<double, double> f, double a, double b)
    {
        double fa = f(a);
        for (int i = 0; i < 200; i++)
        {
            double m = 0.5 * (a + b), fm = f(m);
            if (Math.Sign(fm) == Math.Sign(fa)) { a = m; fa = fm; } else b = m;
        }
        return 0.5 * (a + b);
    }

    [Fact]
    public void CriticalValues_AreChiSquareQuantiles()
    {
        Assert.Equal(1.644854 * 1.644854, CriticalValues.UpperLimit(0.9), 5);     // χ²₁ quantile = (Φ⁻¹(0.95))², Φ⁻¹(0.95) = 1.644854
        Assert.Equal(1.281552 * 1.281552, CriticalValues.StrictlyOneSided(0.9), 4); // (Φ⁻¹(0.9))²
        Assert.Equal(-2 * Math.Log(0.1), CriticalValues.ChiSquare(0.9, 2), 9); // χ²₂ quantile has the closed form −2 ln(1 − CL)
    }

    [Fact]
    public void ProfileLimit_GaussianAwayFromBoundary_IsXPlus1Point645Sigma()
    {
        // Δχ² = ((s − x)/σ)², so Δχ² = 2.7055 at s = x + 1.64485 σ.
        var r = ProfileLikelihood.UpperLimit(Gaussian(13.0, 10.0, 0.8), "s");
        Assert.Equal(3.0 + Normal.InvCDF(0, 1, 0.95) * 0.8, r.Limit, 6);
        Assert.Equal(3.0, r.BestFit, 5);
    }

    [Fact]
    public void ProfileLimit_GaussianBelowBoundary_MeasuredFromBoundary()
    {
        // x = −0.5 < 0: best fit s = 0, Δχ²(s) = (s − x)² − x² = s² + s, which reaches 2.7055 at s = (−1 + √(1 + 4·2.7055))/2.
        var r = ProfileLikelihood.UpperLimit(Gaussian(9.5, 10.0, 1.0), "s");
        double level = Math.Pow(Normal.InvCDF(0, 1, 0.95), 2);
        Assert.Equal((-1 + Math.Sqrt(1 + 4 * level)) / 2, r.Limit, 6);
        Assert.Equal(0.0, r.BestFit);
    }

    [Fact]
    public void ProfileLimit_PoissonZeroObservedNoBackground_IsHalfTheCriticalValue()
    {
        // χ²(s) = 2s for n = 0, b = 0: the limit is 2.7055/2 = 1.3528 events.
        var model = new PredictionModel([new PredictionComponent("signal", [1.0], ComponentScale.Linear("s"))], [new FitParameter("s", 1, 0, 100)]);
        var r = ProfileLikelihood.UpperLimit(new BinnedLikelihood(model, [0.0]), "s");
        Assert.Equal(Math.Pow(Normal.InvCDF(0, 1, 0.95), 2) / 2, r.Limit, 6);
    }

    [Fact]
    public void ProfileLimit_PoissonKnownBackground_MatchesClosedFormRoot()
    {
        // n = 5, b = 2: Δχ²(s) = 2[(s + b) − n + n ln(n/(s + b))] with ŝ = 3; solve Δχ² = 2.7055 by bisection.
        double level = Math.Pow(Normal.InvCDF(0, 1, 0.95), 2);
        double expected = Bisect(s => 2 * ((s + 2) - 5 + 5 * Math.Log(5 / (s + 2))) - level, 3, 30);
        var r = new CountingExperiment(5, 2.0, 0.0).ProfileUpperLimit();
        Assert.Equal(expected, r.Limit, 6);
        Assert.Equal(3.0, r.BestFit, 4);
    }

    [Fact]
    public void NovaCountingExperiment_ProfileAndClsLimits_MatchScipyReference()
    {
        // Technote sec. 2.5.1: 25 observed, 23.78 expected, 10.9 % background systematic.
        var c = Reference.Case("counting_nova");
        var exp = new CountingExperiment((int)c.Number("observed"), c.Number("background"), c.Number("fractional_uncertainty"));
        var profile = exp.ProfileUpperLimit();
        Assert.True(profile.AllFitsConverged);
        Assert.Equal(c.Number("profile_upper_limit_90"), profile.Limit, 4);
        Assert.Equal(c.Number("s_hat"), profile.BestFit, 3);
        var cls = exp.ClsUpperLimit();
        Assert.Equal(c.Number("cls_observed_90"), cls.Observed, 3);
        var expected = c.Array("cls_expected_90");
        double[] mine = [cls.ExpectedMinus2, cls.ExpectedMinus1, cls.ExpectedMedian, cls.ExpectedPlus1, cls.ExpectedPlus2];
        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], mine[i], 3);
    }

    [Fact]
    public void NovaCountingExperiment_FeldmanCousinsWithToys_GivesAnUpperLimitNearTheProfileLimit()
    {
        var exp = new CountingExperiment(25, 23.78, 0.109);
        var grid = Enumerable.Range(0, 16).Select(i => i * 1.0).ToArray();
        var fc = exp.FeldmanCousins(grid, new FeldmanCousinsOptions { Toys = 300, Seed = 11 });
        Assert.Equal(0.0, fc.Lower);
        // With 300 toys per point the FC limit should lie within a few events of the asymptotic profile limit (8.89).
        Assert.InRange(fc.Upper, 6.5, 11.5);
        Assert.All(fc.Points, p => Assert.Equal(0, p.FailedToyFits));
    }

    [Fact]
    public void AsymptoticCls_GaussianMeasurement_MatchesClosedForm()
    {
        // For a Gaussian measurement x of s ≥ 0 with error σ, q̃ is exactly asymptotic:
        // CLs(s) = Φ((x − s)/σ)/Φ(x/σ); expected limit for band N: σ (Φ⁻¹(1 − αΦ(N)) + N) (Cowan et al. 2011, eq. 89 for CLs).
        const double x = 0.7, sigma = 1.3, alpha = 0.1;
        var r = AsymptoticCls.UpperLimit(Gaussian(10 + x, 10, sigma), "s", 0.9);
        double observed = Bisect(s => Normal.CDF(0, 1, (x - s) / sigma) / Normal.CDF(0, 1, x / sigma) - alpha, 0, 20);
        Assert.Equal(observed, r.Observed, 5);
        double Band(double n) => sigma * (Normal.InvCDF(0, 1, 1 - alpha * Normal.CDF(0, 1, n)) + n);
        Assert.Equal(Band(0), r.ExpectedMedian, 5);
        Assert.Equal(Band(1), r.ExpectedPlus1, 5);
        Assert.Equal(Band(-1), r.ExpectedMinus1, 5);
        Assert.Equal(Band(2), r.ExpectedPlus2, 5);
        Assert.Equal(Band(-2), r.ExpectedMinus2, 5);
    }

    [Fact]
    public void ProfileScan_BinnedMuSquaredModel_MatchesIminuitProfile()
    {
        var lik = MinimizerTests.BinnedCase(out var c);
        var mus = c.Array("scan_mu"); var expected = c.Array("scan_delta_chi2");
        var scan = ProfileLikelihood.Scan(lik, "mu", mus);
        Assert.True(scan.AllConverged);
        for (int i = 0; i < mus.Length; i++) Assert.Equal(expected[i], scan.Points[i].DeltaChi2, 4);
        var limit = ProfileLikelihood.UpperLimit(lik, "mu");
        Assert.Equal(c.Number("upper_limit_mu_90"), limit.Limit, 4);
        // The profiled nuisances are reported at every point.
        Assert.Equal(mus.Length, scan.Profiled("escale").Length);
    }

    [Fact]
    public void ProfileScan2D_QuadraticModel_DeltaChi2IsExact()
    {
        // Two independent Gaussian bins measuring a and b: Δχ²(a, b) = (a − 2)²/0.25 + (b − 1)²/4.
        var model = new PredictionModel(
            [new PredictionComponent("A", [1.0, 0.0], ComponentScale.Linear("a")), new PredictionComponent("B", [0.0, 1.0], ComponentScale.Linear("b")),
             new PredictionComponent("floor", [10.0, 10.0])],
            [new FitParameter("a", 1, 0, 10), new FitParameter("b", 1, 0, 10)]);
        var lik = new BinnedLikelihood(model, [12.0, 11.0], TestStatistic.ChiSquare(ChiSquareErrors.Fixed, [0.5, 2.0]));
        double[] xs = [1.0, 2.0, 3.0], ys = [0.0, 1.0, 4.0];
        var scan = ProfileLikelihood.Scan2D(lik, "a", xs, "b", ys);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(Math.Pow(xs[i] - 2, 2) / 0.25 + Math.Pow(ys[j] - 1, 2) / 4, scan.Points[i * 3 + j].DeltaChi2, 6);
    }

    [Fact]
    public void WeightedProfileSum_EqualWeights_IntegratesMixtureOfGaussians()
    {
        // Two configurations with Gaussian profiles N(1, 0.5) and N(2, 0.8) in μ (Borexino-style weighted sum of profiles).
        var grid = Enumerable.Range(0, 4001).Select(i => i * 0.002).ToArray();
        var p1 = new LikelihoodProfile("estimator A", grid.Select(m => Math.Pow((m - 1) / 0.5, 2) + 3.0).ToArray());
        var p2 = new LikelihoodProfile("estimator B", grid.Select(m => Math.Pow((m - 2) / 0.8, 2) + 7.0).ToArray());
        var combined = ProfileCombination.WeightedSum(grid, [p1, p2]);
        Assert.Equal(0.5, combined.EffectiveWeights[0], 12);
        // Independent: flat prior on μ ∈ [0, 8]; mixture of the two normalised-to-peak Gaussians (areas ∝ σ).
        double Cdf(double m) => 0.5 * Math.Sqrt(2 * Math.PI) * (0.5 * (Normal.CDF(1, 0.5, m) - Normal.CDF(1, 0.5, 0)) + 0.8 * (Normal.CDF(2, 0.8, m) - Normal.CDF(2, 0.8, 0)));
        double expected = Bisect(m => Cdf(m) - 0.9 * Cdf(8), 0, 8);
        Assert.Equal(expected, combined.IntegratedUpperLimit(0.9), 4);
        var weighted = ProfileCombination.WeightedSum(grid, [p1, p2], weightByMaximumLikelihood: true);
        Assert.Equal(1 / (1 + Math.Exp(-2.0)), weighted.EffectiveWeights[0], 12); // exp(−(3 − 3)/2) : exp(−(7 − 3)/2)
    }

    [Fact]
    public void WeightedProfileSum_WrongLength_ThrowsNamingProfile()
    {
        var e = Assert.Throws<ArgumentException>(() => ProfileCombination.WeightedSum([0.0, 1.0, 2.0], [new LikelihoodProfile("pile-up B", [1.0, 2.0])]));
        Assert.Contains("pile-up B", e.Message);
    }
}

public class StatisticsOnlyTests
{
    [Fact]
    public void AsimovScan_WithSystematics_IsNeverAboveStatisticsOnly()
    {
        // On Asimov data both global minima are 0, and profiling the nuisances minimises over a larger set than fixing
        // them at 0, so Δχ²_syst(μ) ≤ Δχ²_stat(μ) point by point (technote sec. 4.2: curves for stats and systs separately).
        var lik = MinimizerTests.BinnedCase(out _);
        var asimov = lik.Asimov([0.0, 1.0, 0.0, 0.0]);
        double[] mus = [0.0, 0.4, 0.8, 1.2];
        var statOnly = new Dictionary<string, double> { ["escale"] = 0, ["mec_norm"] = 0 };
        var stat = ProfileLikelihood.Scan(asimov, "mu", mus, fixedParameters: statOnly);
        var syst = ProfileLikelihood.Scan(asimov, "mu", mus);
        for (int i = 0; i < mus.Length; i++) Assert.True(syst.Points[i].DeltaChi2 <= stat.Points[i].DeltaChi2 + 1e-6, $"μ = {mus[i]}");
        Assert.True(syst.Points[^1].DeltaChi2 < stat.Points[^1].DeltaChi2 - 1e-3);
        Assert.All(stat.Points, p => Assert.Equal(0.0, p.Parameters[2]));
        double limStat = ProfileLikelihood.UpperLimit(asimov, "mu", fixedParameters: statOnly).Limit;
        var sy = ProfileLikelihood.UpperLimit(asimov, "mu");
        double limSyst = sy.Limit;
        Assert.True(sy.AllFitsConverged, NuMM.Runtime.Statistics.Reporting.FitReport.ToMarkdown(sy.GlobalFit));
        Assert.True(limSyst >= limStat, $"{limSyst} vs {limStat}");
    }
}
