using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

public class LikelihoodTests
{
    private static PredictionModel TwoBins() => new(
        [new PredictionComponent("s", [3.0, 1.0], ComponentScale.Linear("k"), sumW2: [0.9, 0.04]), new PredictionComponent("b", [5.0, 8.0], sumW2: [0.25, 0.64])],
        [new FitParameter("k", 1, 0, 10), new FitParameter("t", 0.3, -5, 5, new GaussianConstraint(0, 0.5))]);

    [Fact]
    public void Poisson_EqualsBakerCousinsClosedFormPlusPull()
    {
        var lik = new BinnedLikelihood(TwoBins(), [7.0, 0.0]);
        double m0 = 8, m1 = 9;
        double expected = 2 * (m0 - 7 + 7 * Math.Log(7 / m0)) + 2 * m1 + (0.3 / 0.5) * (0.3 / 0.5);
        Assert.Equal(expected, lik.Evaluate([1.0, 0.3]), 12);
    }

    [Fact]
    public void ChiSquareCovariance_EqualsResidualQuadraticForm()
    {
        var cov = new double[,] { { 2.0, 0.5 }, { 0.5, 1.0 } };
        var lik = new BinnedLikelihood(TwoBins(), [10.0, 7.0], TestStatistic.ChiSquareCovarianceMatrix(cov, addDataStatistical: false));
        double r0 = 10 - 8, r1 = 7 - 9, det = 2 * 1 - 0.25;
        double quad = (r0 * r0 * 1.0 - 2 * r0 * r1 * 0.5 + r1 * r1 * 2.0) / det; // explicit 2×2 inverse
        Assert.Equal(quad + 0.36, lik.Evaluate([1.0, 0.3]), 12);
    }

    [Fact]
    public void ChiSquareNeyman_UsesDataVarianceAndOneForEmptyBins()
    {
        var lik = new BinnedLikelihood(TwoBins(), [10.0, 0.0], TestStatistic.ChiSquare());
        Assert.Equal((10 - 8.0) * (10 - 8.0) / 10 + 81 + 0.36, lik.Evaluate([1.0, 0.3]), 12);
    }

    [Fact]
    public void BarlowBeestonLite_Poisson_EqualsNumericalMinimumOverBinFactor()
    {
        var model = TwoBins();
        var data = new[] { 12.0, 6.0 };
        var lik = new BinnedLikelihood(model, data, TestStatistic.Poisson(), mcStatistics: true);
        // Independent: minimise each bin's 2[βm − d + d ln(d/βm)] + (β−1)²/σ² by golden-section search.
        double[] m = [8.0, 9.0];
        double[] var = [0.9 + 0.25, 0.04 + 0.64]; // Σ sumW2 at k = 1
        double total = 0.36;
        for (int b = 0; b < 2; b++)
        {
            double s2 = var[b] / (m[b] * m[b]);
            double F(double beta) => 2 * (beta * m[b] - data[b] + data[b] * Math.Log(data[b] / (beta * m[b]))) + (beta - 1) * (beta - 1) / s2;
            total += Golden(F, 0.2, 5);
        }
        Assert.Equal(total, lik.Evaluate([1.0, 0.3]), 8);
    }

    [Fact]
    public void BarlowBeestonLite_ChiSquareFixedErrors_EqualsNumericalMinimum()
    {
        var model = TwoBins();
        var data = new[] { 12.0, 6.0 };
        var lik = new BinnedLikelihood(model, data, TestStatistic.ChiSquare(ChiSquareErrors.Fixed, [2.0, 1.5]), mcStatistics: true);
        double[] m = [8.0, 9.0], sd = [2.0, 1.5], var = [1.15, 0.68];
        double total = 0.36;
        for (int b = 0; b < 2; b++)
        {
            double s2 = var[b] / (m[b] * m[b]);
            double F(double beta) => Math.Pow((data[b] - beta * m[b]) / sd[b], 2) + (beta - 1) * (beta - 1) / s2;
            total += Golden(F, 0.2, 5);
        }
        Assert.Equal(total, lik.Evaluate([1.0, 0.3]), 8);
    }

    [Fact]
    public void Asimov_MinimumIsZeroAtGeneratingParameters()
    {
        var lik = new BinnedLikelihood(TwoBins(), [1.0, 1.0]).Asimov([2.0, 0.1]);
        Assert.Equal(0.0, lik.Evaluate([2.0, 0.1]), 12);
    }

    internal static double Golden(Func<double, double> f, double a, double b)
    {
        double g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        for (int i = 0; i < 200; i++)
        {
            if (f(c) < f(d)) b = d; else a = c;
            c = b - g * (b - a); d = a + g * (b - a);
        }
        return f(0.5 * (a + b));
    }
}
