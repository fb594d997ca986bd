using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Data;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

public class ModelTests
{
    [Fact]
    public void PredictionComponent_NaNBin_ThrowsNamingComponentAndBin()
    {
        var e = Assert.Throws<ArgumentException>(() => new PredictionComponent("nu-on-e", [1.0, double.NaN, 2.0]));
        Assert.Contains("'nu-on-e'", e.Message);
        Assert.Contains("bin 1", e.Message);
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void PredictionComponent_NegativeBin_ThrowsNamingValue()
    {
        var e = Assert.Throws<ArgumentException>(() => new PredictionComponent("mec", [1.0, 2.0, -0.5]));
        Assert.Contains("'mec'", e.Message);
        Assert.Contains("bin 2", e.Message);
        Assert.Contains("-0.5", e.Message);
    }

    [Fact]
    public void PredictionComponent_EmptySpectrum_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new PredictionComponent("other", ReadOnlySpan<double>.Empty));
        Assert.Contains("'other'", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void TemplateShift_InfiniteBin_ThrowsNamingSystematicComponentAndBin()
    {
        var e = Assert.Throws<ArgumentException>(() => new TemplateSystematic("escale").AddShift("nu-on-e", 1, [1.0, double.PositiveInfinity]));
        Assert.Contains("escale", e.Message);
        Assert.Contains("nu-on-e", e.Message);
        Assert.Contains("bin 1", e.Message);
    }

    [Fact]
    public void PredictionModel_ScaleUsesUndeclaredParameter_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new PredictionModel([new PredictionComponent("signal", [1.0], ComponentScale.Square("mu"))], []));
        Assert.Contains("'signal'", e.Message);
        Assert.Contains("'mu'", e.Message);
    }

    [Fact]
    public void Predict_SignalScale_IsMuSquared()
    {
        var model = new PredictionModel(
            [new PredictionComponent("signal", [2.0, 3.0], ComponentScale.Square("mu")), new PredictionComponent("bkg", [10.0, 20.0])],
            [new FitParameter("mu", 1, 0, 10)]);
        var m = new double[2];
        model.Predict([3.0], m);
        Assert.Equal(10 + 9 * 2.0, m[0], 12);
        Assert.Equal(20 + 9 * 3.0, m[1], 12);
    }

    [Fact]
    public void Predict_ComponentExposure_ScaledToDataExposure()
    {
        var model = new PredictionModel([new PredictionComponent("bkg", [4.0], exposure: Exposure.Pot(1e20))], [], dataExposure: Exposure.Pot(3.62e20));
        var m = new double[1];
        model.Predict([], m);
        Assert.Equal(4.0 * 3.62, m[0], 12);
    }

    [Fact]
    public void PredictionModel_ExposureKindsDiffer_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new PredictionModel(
            [new PredictionComponent("solar", [4.0], exposure: Exposure.LivetimeSeconds(100))], [], dataExposure: Exposure.Pot(1e20)));
        Assert.Contains("'solar'", e.Message);
    }

    [Fact]
    public void Predict_NonFiniteScale_ThrowsNamingComponentAndValues()
    {
        var model = new PredictionModel([new PredictionComponent("signal", [1.0], ComponentScale.Function("k", ["k"], v => Math.Log(v[0])))],
            [new FitParameter("k", 1, -5, 5)]);
        var e = Assert.Throws<InvalidOperationException>(() => model.Predict([-2.0], new double[1]));
        Assert.Contains("'signal'", e.Message);
        Assert.Contains("k = -2", e.Message);
    }

    [Fact]
    public void NegativeScale_DeficitStudy_FitsBelowZero()
    {
        // μ² as a free parameter with a negative lower bound (issue 9): one bin, n = 5 observed, b = 10, signal 4 per unit μ².
        // The Poisson MLE is μ²̂ = (n − b)/s = −1.25 (hand formula), below the physical boundary; the fit must not throw.
        var model = new PredictionModel([new PredictionComponent("signal", [4.0], ComponentScale.Linear("mu2")), new PredictionComponent("bkg", [10.0])],
            [new FitParameter("mu2", 0.5, -2, 10)]);
        var fit = new Minimizer().Minimize(new BinnedLikelihood(model, [5.0]));
        Assert.True(fit.Converged, fit.Status);
        Assert.Equal(-1.25, fit["mu2"], 6);
        var predicted = new double[1];
        model.Predict([-2.0], predicted);
        Assert.Equal(2.0, predicted[0], 12);
    }

    private static PredictionModel OneBinTemplateModel(TemplateInterpolation mode, params (double Sigma, double Value)[] shifts)
    {
        var syst = new TemplateSystematic("theta", mode);
        foreach (var (s, v) in shifts) syst.AddShift("c", s, [v]);
        return new PredictionModel([new PredictionComponent("c", [10.0])], [], [syst]);
    }

    private static double Predict(PredictionModel model, double theta)
    {
        var m = new double[1];
        model.Predict([theta], m);
        return m[0];
    }

    [Fact]
    public void LinearTemplate_BetweenShifts_InterpolatesAndExtrapolatesWithOutermostSlope()
    {
        var model = OneBinTemplateModel(TemplateInterpolation.Linear, (-1, 9.0), (1, 12.0));
        Assert.Equal(10.0, Predict(model, 0), 12);
        Assert.Equal(11.0, Predict(model, 0.5), 12);   // 10 + 0.5·(12 − 10)
        Assert.Equal(9.5, Predict(model, -0.5), 12);   // 10 − 0.5·(10 − 9)
        Assert.Equal(16.0, Predict(model, 3), 12);     // slope 2 per σ beyond +1
        Assert.Equal(7.0, Predict(model, -3), 12);     // slope 1 per σ beyond −1
        Assert.Equal(0.0, Predict(model, -20), 12);    // floored at zero, never negative
    }

    [Fact]
    public void CubicTemplate_MatchesScipyCubicHermiteSpline()
    {
        var c = Reference.Case("cubic_interpolation");
        var knots = c.Array("knots"); var ratios = c.Array("ratios");
        var model = OneBinTemplateModel(TemplateInterpolation.Cubic, knots.Zip(ratios).Where(p => p.First != 0).Select(p => (p.First, 10.0 * p.Second)).ToArray());
        var thetas = c.Array("thetas"); var expected = c.Array("cubic");
        for (int i = 0; i < thetas.Length; i++) Assert.Equal(10.0 * expected[i], Predict(model, thetas[i]), 10);
        var xt = c.Array("extrapolated_theta"); var xe = c.Array("extrapolated");
        for (int i = 0; i < xt.Length; i++) Assert.Equal(10.0 * xe[i], Predict(model, xt[i]), 10);
        for (int i = 0; i < knots.Length; i++) Assert.Equal(10.0 * ratios[i], Predict(model, knots[i]), 10);
    }

    [Fact]
    public void CubicTemplate_IsContinuouslyDifferentiableAtKnots()
    {
        var model = OneBinTemplateModel(TemplateInterpolation.Cubic, (-2, 7.0), (-1, 8.5), (1, 11.0), (2, 13.5));
        const double h = 1e-6;
        foreach (double k in new[] { -2.0, -1.0, 0.0, 1.0, 2.0 })
        {
            double left = (Predict(model, k) - Predict(model, k - h)) / h;
            double right = (Predict(model, k + h) - Predict(model, k)) / h;
            Assert.Equal(left, right, 4);
        }
    }

    [Fact]
    public void NormalizationCode4_SmoothAtPlusMinusOneAndOneAtZero()
    {
        var n = new NormalizationSystematic("n", ["c"], up: 0.3, down: 0.1, NormalizationInterpolation.PolynomialExponential);
        Assert.Equal(1.0, n.Factor(0), 14);
        Assert.Equal(1.3, n.Factor(1), 12);
        Assert.Equal(0.9, n.Factor(-1), 12);
        const double h = 1e-4;
        foreach (double x in new[] { -1.0, 1.0 })
        {
            // The exponential side and the polynomial side agree in value, slope and curvature (pyhf code 4 definition).
            double inside = x > 0 ? x - 3 * h : x + 3 * h, outside = x > 0 ? x + 3 * h : x - 3 * h;
            double d1In = (n.Factor(inside + h) - n.Factor(inside - h)) / (2 * h);
            double d1Out = (n.Factor(outside + h) - n.Factor(outside - h)) / (2 * h);
            Assert.Equal(d1Out, d1In, 3);
            double d2In = (n.Factor(inside + h) - 2 * n.Factor(inside) + n.Factor(inside - h)) / (h * h);
            double d2Out = (n.Factor(outside + h) - 2 * n.Factor(outside) + n.Factor(outside - h)) / (h * h);
            Assert.Equal(d2Out, d2In, 1);
        }
        Assert.Equal(Math.Pow(1.3, 2.5), n.Factor(2.5), 12);
        Assert.Equal(Math.Pow(0.9, 2), n.Factor(-2), 12);
    }

    [Fact]
    public void NormalizationExponential_IsPowerOfOnePlusUp()
    {
        var n = new NormalizationSystematic("n", ["c"], up: 0.2, interpolation: NormalizationInterpolation.Exponential);
        Assert.Equal(Math.Pow(1.2, 0.7), n.Factor(0.7), 14);
        Assert.Equal(Math.Pow(0.8, 1.5), n.Factor(-1.5), 14);
    }

    [Fact]
    public void BinnedLikelihood_ObservedNaN_ThrowsNamingBin()
    {
        var model = new PredictionModel([new PredictionComponent("c", [1.0, 2.0])], []);
        var e = Assert.Throws<ArgumentException>(() => new BinnedLikelihood(model, [1.0, double.NaN]));
        Assert.Contains("bin 1", e.Message);
    }
}
