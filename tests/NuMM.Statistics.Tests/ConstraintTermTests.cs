using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>Issue 9, item 3: Poisson (gamma) and log-normal constraints, checked against hand formulas written here.</summary>
public class ConstraintTermTests
{
    private static BinnedLikelihood OneBin(double observed, double background, FitParameter factor) =>
        new(new PredictionModel([new PredictionComponent("bkg", [background], ComponentScale.Linear(factor.Name))], [factor]), [observed]);

    private static double Poisson2(double d, double m) => 2 * (m - d + (d > 0 ? d * Math.Log(d / m) : 0));

    [Fact]
    public void PoissonConstraint_Value_AndClosedFormProfile()
    {
        // n ~ Poisson(b·k), auxiliary count τ ~ Poisson(τ·k) with τ = 1/0.2² = 25 (relative width 20 %).
        const double n = 14, b = 10, tau = 25;
        var lik = OneBin(n, b, FitParameter.PoissonFactor("k", 0.2));
        foreach (double k in new[] { 0.7, 1.0, 1.3 })
            Assert.Equal(Poisson2(n, b * k) + Poisson2(tau, tau * k), lik.Evaluate([k]), 12);
        // d/dk [2(bk − n ln bk) + 2(τk − τ ln k)] = 0  ⇒  k̂ = (n + τ)/(b + τ).
        var fit = new Minimizer().Minimize(lik);
        Assert.Equal((n + tau) / (b + tau), fit["k"], 6);
        // Curvature d²χ²/dk² = 2(n + τ)/k², so the Hessian error is √(2/H) = k̂/√(n + τ).
        double kHat = (n + tau) / (b + tau);
        Assert.Equal(kHat / Math.Sqrt(n + tau), fit.ErrorOf("k"), 4);
    }

    [Fact]
    public void LogNormalConstraint_Value_AndProfileAgainstGoldenSection()
    {
        const double n = 14, b = 10;
        double s = Math.Log(1 + 0.2);
        var lik = OneBin(n, b, FitParameter.LogNormalFactor("k", 0.2));
        double Hand(double k) => Poisson2(n, b * k) + Math.Pow(Math.Log(k) / s, 2);
        foreach (double k in new[] { 0.7, 1.0, 1.3 })
            Assert.Equal(Hand(k), lik.Evaluate([k]), 12);
        // Golden-section search on the hand formula.
        double lo = 0.5, hi = 2.0, r = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++)
        {
            double c = hi - r * (hi - lo), d = lo + r * (hi - lo);
            if (Hand(c) < Hand(d)) hi = d; else lo = c;
        }
        var fit = new Minimizer().Minimize(lik);
        Assert.Equal(0.5 * (lo + hi), fit["k"], 5);
        Assert.Equal(Hand(0.5 * (lo + hi)), fit.Minimum, 9);
    }

    [Fact]
    public void ToyCentres_FollowTheAuxiliaryMeasurement()
    {
        var poisson = new ConstraintTerm(FitParameter.PoissonFactor("k", 0.2));
        var logNormal = new ConstraintTerm(FitParameter.LogNormalFactor("k", 0.2));
        var rng = new ToyRandom(1, 0, 0);
        const int n = 40000;
        var p = Enumerable.Range(0, n).Select(_ => poisson.SampleCentre(rng, 1.2)).ToArray();
        // n_aux = 25 c ~ Poisson(30): integer counts, mean 30, variance 30 (σ(mean) = 0.027, σ(var) ≈ 0.22).
        Assert.All(p.Take(100), c => Assert.Equal(Math.Round(25 * c), 25 * c, 9));
        Assert.InRange(p.Average() * 25, 29.9, 30.1);
        Assert.InRange(p.Select(c => (25 * c - 30) * (25 * c - 30)).Average(), 29.2, 30.8);
        var l = Enumerable.Range(0, n).Select(_ => Math.Log(logNormal.SampleCentre(rng, 1.2))).ToArray();
        double s = Math.Log(1.2);
        Assert.InRange(l.Average(), Math.Log(1.2) - 0.004, Math.Log(1.2) + 0.004); // σ(mean) = s/200 = 0.0009
        Assert.InRange(Math.Sqrt(l.Select(v => (v - Math.Log(1.2)) * (v - Math.Log(1.2))).Average()), 0.98 * s, 1.02 * s);
    }

    [Fact]
    public void NonGaussianConstraints_NeedPositiveCentreAndLowerBound()
    {
        var e = Assert.Throws<ArgumentException>(() => new FitParameter("k", 1, -1, 5, new GaussianConstraint(1, 0.1), null, "", ConstraintKind.Poisson));
        Assert.Contains("'k'", e.Message);
        Assert.Contains("lower bound", e.Message);
        Assert.Throws<ArgumentException>(() => new FitParameter("k", 1, 0, 5, new GaussianConstraint(0, 0.1), null, "", ConstraintKind.LogNormal));
        Assert.Equal(ConstraintKind.Poisson, FitParameter.PoissonFactor("g", 0.1).WithInitial(2).ConstraintKind);
    }

    [Theory]
    [InlineData(ConstraintKind.Gaussian)]
    [InlineData(ConstraintKind.Poisson)]
    [InlineData(ConstraintKind.LogNormal)]
    public void ToyKernel_AnalyticGradient_MatchesFiniteDifferences(ConstraintKind kind)
    {
        var lik = FeldmanCousinsPiecesTests.ShapeModel(extraKind: kind);
        var kernel = BinnedToyKernel.TryCreate(lik)!;
        int n = lik.Parameters.Count;
        // A point off every knot (θ not in {0, ±1, ±2}), inside every bound, with some θ beyond ±2 (linear extrapolation).
        double[] x = [0.37, 1.08, 1.21, 0.43, -1.37, 2.6, -0.71, 0.29, -0.55];
        Assert.Equal(n, x.Length);
        var g = new double[n]; var h = new double[n * n];
        Assert.Equal(lik.Evaluate(x), kernel.ValueGradientHessian(x, g, h), 10);
        for (int i = 0; i < n; i++)
        {
            double step = 1e-6, xi = x[i];
            x[i] = xi + step; double up = kernel.Value(x);
            x[i] = xi - step; double down = kernel.Value(x);
            x[i] = xi;
            Assert.True(Math.Abs((up - down) / (2 * step) - g[i]) < 1e-5 * (1 + Math.Abs(g[i])), $"{kind}, {lik.Parameters[i].Name}: FD {(up - down) / (2 * step)} vs analytic {g[i]}");
        }
    }
}
