using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>CLs and p-values at a given μ (issue 9). Expected numbers are hand formulae for a one-bin Poisson counting
/// experiment without nuisances (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554, eqs. 12, 14, 16, 52–67) and the
/// exact Poisson CLs sums; pyhf's validation fixtures cover the models with nuisances (HistFactoryValidationTests).</summary>
public class HypothesisTestTests
{
    private const double S = 5, B = 3;

    private static BinnedLikelihood Counting(double n, double lower = 0) =>
        new(new PredictionModel([new PredictionComponent("signal", [S], ComponentScale.Linear("mu")), new PredictionComponent("bkg", [B])],
            [new FitParameter("mu", 0.5, lower, 10)]), [n]);

    /// <summary>2 [m − n + n ln(n/m)], the Poisson deviance of one bin.</summary>
    private static double Dev(double n, double m) => 2 * (m - n + (n > 0 ? n * Math.Log(n / m) : 0));

    [Fact]
    public void Q0_Asymptotic_MatchesHandFormula()
    {
        // n = 10, b = 3: q₀ = 2 [n ln(n/b) − (n − b)], p₀ = 1 − Φ(√q₀).
        var r = HypothesisTest.Asymptotic(Counting(10), "mu", 1.0, HypothesisStatistic.Q0);
        double q0 = Dev(10, B);
        Assert.Equal(q0, r.Observed, 7);
        Assert.Equal(1 - Normal.CDF(0, 1, Math.Sqrt(q0)), r.PValue, 8);
        Assert.Equal(Math.Sqrt(q0), r.Significance, 5);
        // Expected under μ = 1: Asimov n = 8, q₀,A = Dev(8, 3); median p₀ = 1 − Φ(√q₀,A).
        double q0a = Dev(S + B, B);
        Assert.Equal(q0a, r.Asimov, 7);
        Assert.Equal(1 - Normal.CDF(0, 1, Math.Sqrt(q0a)), r.Expected[2], 8);
    }

    [Fact]
    public void QMu_Asymptotic_MatchesHandFormula()
    {
        // n = 5, μ = 1: μ̂ = 0.4, q₁ = Dev(5, 8) − 0; Asimov (background only) n = 3: q₁,A = Dev(3, 8).
        var r = HypothesisTest.Asymptotic(Counting(5), "mu", 1.0, HypothesisStatistic.QMu);
        double q = Dev(5, S + B), qa = Dev(B, S + B);
        Assert.InRange(r.BestFit, 0.4 - 2e-5, 0.4 + 2e-5); // EDM ≤ 1e-9: within 3e-5 σ, σ_μ ≈ 0.45
        Assert.Equal(q, r.Observed, 7);
        Assert.Equal(qa, r.Asimov, 7);
        double clsb = 1 - Normal.CDF(0, 1, Math.Sqrt(q)), clb = Normal.CDF(0, 1, Math.Sqrt(qa) - Math.Sqrt(q));
        Assert.Equal(clsb, r.PValue, 8);
        Assert.Equal(clsb / clb, r.Cls, 8);
        for (int i = 0; i < 5; i++)
        {
            double n = 2 - i;
            Assert.Equal((1 - Normal.CDF(0, 1, Math.Sqrt(qa) + n)) / (1 - Normal.CDF(0, 1, n)), r.Expected[i], 8);
        }
        Assert.True(r.Expected[0] < r.Expected[2] && r.Expected[2] < r.Expected[4]);
    }

    [Fact]
    public void QMuTilde_Deficit_WithNegativeLowerBound_MeasuresFromZero()
    {
        // n = 1 < b: μ̂ = (1 − 3)/5 = −0.4 when μ may go negative; q̃₁ = Dev(1, 8) − Dev(1, 3) (eq. 16), the same number
        // as with the bound at 0. With q̃ > q̃_A the second branch of eq. 65 applies.
        double q = Dev(1, S + B) - Dev(1, B), qa = Dev(B, S + B);
        foreach (var lower in new[] { -0.5, 0.0 })
        {
            var r = HypothesisTest.Asymptotic(Counting(1, lower), "mu", 1.0, HypothesisStatistic.QMuTilde);
            Assert.Equal(lower < 0 ? -0.4 : 0.0, r.BestFit, 5);
            Assert.Equal(q, r.Observed, 7);
            Assert.Equal(qa, r.Asimov, 7);
            Assert.True(q > qa);
            double clsb = 1 - Normal.CDF(0, 1, (q + qa) / (2 * Math.Sqrt(qa))), clb = 1 - Normal.CDF(0, 1, (q - qa) / (2 * Math.Sqrt(qa)));
            Assert.Equal(clsb / clb, r.Cls, 8);
        }
        // The CLs limit works with the negative bound too (it threw before issue 9) and agrees with the bounded one.
        var limitNeg = AsymptoticCls.UpperLimit(Counting(1, -0.5), "mu", 0.95);
        var limitZero = AsymptoticCls.UpperLimit(Counting(1, 0), "mu", 0.95);
        Assert.Equal(limitZero.Observed, limitNeg.Observed, 5);
    }

    [Fact]
    public void Toys_OneBin_ReproduceTheExactPoissonCls()
    {
        // q_μ decreases with n below μ̂ = μ, so "q ≥ q_obs" is "n ≤ n_obs" (the tie n = n_obs included):
        // CLs+b = P(n ≤ 5 | 8), CLb = P(n ≤ 5 | 3).
        var r = HypothesisTest.Toys(Counting(5), "mu", 1.0, HypothesisStatistic.QMu, new HypothesisToyOptions { Toys = 20000, Seed = 7 });
        double clsb = Poisson.CDF(S + B, 5), clb = Poisson.CDF(B, 5);
        Assert.InRange(r.PValue, clsb - 0.012, clsb + 0.012); // σ(CLs+b) = 0.0028 for 2·10⁴ toys
        Assert.InRange(r.ClB, clb - 0.008, clb + 0.008);       // σ(CLb) = 0.0020
        Assert.InRange(r.Cls, clsb / clb - 0.015, clsb / clb + 0.015);
        Assert.Equal(20000, r.Toys);
    }

    [Fact]
    public void Toys_Q0_ReproduceThePoissonTail()
    {
        // q₀ grows with n above b: p₀ = P(n ≥ 10 | 3).
        var r = HypothesisTest.Toys(Counting(10), "mu", 1.0, HypothesisStatistic.Q0, new HypothesisToyOptions { Toys = 20000, Seed = 8 });
        double p0 = 1 - Poisson.CDF(B, 9);
        Assert.InRange(r.PValue, p0 - 0.0006, p0 + 0.0006); // p₀ = 0.0011, σ = 0.00024
    }
}
