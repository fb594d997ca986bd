using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using NuMM.Runtime.Statistics.Inference;

namespace NuMM.Statistics.Tests;

/// <summary>Flat-prior Bayesian limits and hybrid (Cousins–Highland) CLs for counting experiments, against hand formulae
/// and quadratures written in the test (independent of the code under test).</summary>
public class BayesianAndHybridTests
{
    [Fact]
    public void Bayesian_KnownBackground_ReproducesHelenesFormula()
    {
        // Helene (NIM 212 (1983) 319): 1 − CL = P(n ≤ n₀ | s_up + b) / P(n ≤ n₀ | b); n₀ = 3, b = 1, CL = 0.9.
        double lo = 0, hi = 30;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Poisson.CDF(mid + 1, 3) / Poisson.CDF(1, 3) > 0.1) lo = mid; else hi = mid;
        }
        var r = BayesianUpperLimit.Compute(new CountingExperiment(3, 1.0, 0).Likelihood, CountingExperiment.SignalParameter, 0.9);
        Assert.Equal(0.5 * (lo + hi), r.Upper, 2);
        Assert.Equal(0, r.Samples);
    }

    [Fact]
    public void Bayesian_BackgroundUncertainty_MatchesQuadrature()
    {
        // n = 25, b = 23.78 ± 10.9 %: posterior(s) ∝ ∫ Pois(25 | s + b(1 + δθ)) φ(θ) dθ over |θ| ≤ 5 (the experiment's bound).
        const double b = 23.78, d = 0.109;
        double Posterior(double s) => GaussLegendreRule.Integrate(t => Poisson.PMF(s + b * (1 + d * t), 25) * Normal.PDF(0, 1, t), -5, 5, 128);
        double total = GaussLegendreRule.Integrate(Posterior, 0, 60, 256);
        double lo = 0, hi = 60;
        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (GaussLegendreRule.Integrate(Posterior, 0, mid, 256) / total < 0.9) lo = mid; else hi = mid;
        }
        var r = BayesianUpperLimit.Compute(new CountingExperiment(25, b, d).Likelihood, CountingExperiment.SignalParameter, 0.9,
            new BayesianOptions { Samples = 8000, GridPoints = 401 });
        Assert.InRange(r.Upper, 0.5 * (lo + hi) - 0.1, 0.5 * (lo + hi) + 0.1);
    }

    [Fact]
    public void Hybrid_CountingExperiment_MatchesThePriorAveragedPoissonSums()
    {
        // n₀ = 3, b = 2 ± 30 %, s = 5: q_μ falls with n below μ̂ = s, so CLs+b = ⟨P(n ≤ 3 | s + b(1 + δθ))⟩ and
        // CLb = ⟨P(n ≤ 3 | b(1 + δθ))⟩ over θ ~ N(0, 1) truncated to the experiment's bound |θ| ≤ 0.999/δ.
        const double b = 2, d = 0.3, s = 5;
        double lim = 0.999 / d;
        double norm = Normal.CDF(0, 1, lim) - Normal.CDF(0, 1, -lim);
        double Avg(Func<double, double> f) => GaussLegendreRule.Integrate(t => f(t) * Normal.PDF(0, 1, t), -lim, lim, 128) / norm;
        double clsb = Avg(t => Poisson.CDF(s + b * (1 + d * t), 3)), clb = Avg(t => Poisson.CDF(b * (1 + d * t), 3));
        var r = HybridCls.Test(new CountingExperiment(3, b, d).Likelihood, CountingExperiment.SignalParameter, s, HypothesisStatistic.QMu,
            new HypothesisToyOptions { Toys = 20000, Seed = 11 });
        Assert.InRange(r.PValue, clsb - 0.012, clsb + 0.012); // σ ≈ 0.003 for 2·10⁴ toys
        Assert.InRange(r.ClB, clb - 0.012, clb + 0.012);
        Assert.InRange(r.Cls, clsb / clb - 0.02, clsb / clb + 0.02);
    }
}
