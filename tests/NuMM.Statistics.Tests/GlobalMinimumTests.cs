using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>Issue 9 defects of the minimiser: local minima reported as converged, the μ² saddle at μ = 0, EDM precision.
/// Reference numbers: Reference/issue9_reference.py (scipy, each branch minimised separately).</summary>
public class GlobalMinimumTests
{
    private static BinnedLikelihood TwoMinima(out System.Text.Json.JsonElement c, double start)
    {
        c = Reference.Issue9("two_minima");
        var syst = new TemplateSystematic("shared", TemplateInterpolation.Linear)
            .AddShift("bkg", 1, c.Array("up")).AddShift("bkg", -1, c.Array("down"));
        var model = new PredictionModel([new PredictionComponent("bkg", c.Array("nominal"))],
            [new FitParameter("shared", start, -5, 5, new GaussianConstraint(0, 1), 1, "σ")], [syst]);
        return new BinnedLikelihood(model, c.Array("data"));
    }

    [Fact]
    public void SharedTemplateWithTwoMinima_SingleStartStopsInTheLocalOne()
    {
        var lik = TwoMinima(out var c, start: -0.3);
        var local = new Minimizer(new MinimizerOptions { MultiStart = MultiStartOptions.Off }).Minimize(lik);
        Assert.InRange(local["shared"], c.Number("local_theta") - 3e-5, c.Number("local_theta") + 3e-5);
        Assert.Equal(c.Number("local_chi2"), local.Minimum, 8);
    }

    [Fact]
    public void SharedTemplateWithTwoMinima_MultiStartFindsTheGlobalOneAndReportsBoth()
    {
        var lik = TwoMinima(out var c, start: -0.3);
        var fit = new Minimizer().Minimize(lik);
        Assert.True(fit.Converged, fit.Status);
        // EDM ≤ 1e-9 puts θ within √EDM ≈ 3e-5 σ of the minimum.
        Assert.InRange(fit["shared"], c.Number("global_theta") - 3e-5, c.Number("global_theta") + 3e-5);
        Assert.Equal(c.Number("global_chi2"), fit.Minimum, 9);
        Assert.Equal(2, fit.Minima.Count);
        Assert.Equal(c.Number("local_chi2"), fit.Minima[1].Minimum, 7);
        Assert.Equal(3, fit.Starts); // −0.3 and −0.3 ± 2σ
        Assert.Equal(1, fit.StartsReachingBest);
        Assert.False(fit.BestReachedFromSeveralStarts);
    }

    [Fact]
    public void ProfileScan_UsesTheGlobalMinimumAtEveryPoint()
    {
        // A signal on top of the two-minimum background; at μ = 0 the profiled χ² must be the global branch's minimum.
        var c = Reference.Issue9("two_minima");
        var syst = new TemplateSystematic("shared", TemplateInterpolation.Linear)
            .AddShift("bkg", 1, c.Array("up")).AddShift("bkg", -1, c.Array("down"));
        var model = new PredictionModel(
            [new PredictionComponent("bkg", c.Array("nominal")), new PredictionComponent("sig", [10.0, 5.0], ComponentScale.Linear("mu"))],
            [new FitParameter("mu", 0, 0, 10), new FitParameter("shared", -0.3, -5, 5, new GaussianConstraint(0, 1), 1, "σ")], [syst]);
        var scan = ProfileLikelihood.Scan(new BinnedLikelihood(model, c.Array("data")), "mu", [0.0, 0.5]);
        Assert.Equal(c.Number("global_chi2"), scan.Points[0].Chi2, 8);
    }

    [Fact]
    public void SquareSignal_StartedAtZero_LeavesTheSaddle()
    {
        var c = Reference.Issue9("square_saddle");
        var model = new PredictionModel(
            [new PredictionComponent("numm", c.Array("signal"), ComponentScale.Square("mu")), new PredictionComponent("bkg", c.Array("background"))],
            [new FitParameter("mu", 0, 0, 10)]);
        var lik = new BinnedLikelihood(model, c.Array("data"));
        Assert.Equal(c.Number("chi2_at_zero"), lik.Evaluate([0.0]), 9);
        foreach (var options in new[] { new MinimizerOptions { MultiStart = MultiStartOptions.Off }, new MinimizerOptions() })
        {
            var fit = new Minimizer(options).Minimize(lik);
            Assert.True(fit.Converged, fit.Status);
            Assert.InRange(fit["mu"], c.Number("mu_hat") - 3e-5 * 0.2, c.Number("mu_hat") + 3e-5 * 0.2); // σ_μ ≈ 0.2
            Assert.Equal(c.Number("chi2_min"), fit.Minimum, 9);
        }
    }

    [Fact]
    public void EdmConvergence_ReachesTheExactMinimumAndReportsTheEdm()
    {
        // Rosenbrock: exact minimum (1, 1), χ² = 0; the Hessian there is [[802, −400], [−400, 200]].
        var f = new FunctionObjective([new FitParameter("a", -1.2), new FitParameter("b", 1)], p =>
            100 * Math.Pow(p[1] - p[0] * p[0], 2) + Math.Pow(1 - p[0], 2));
        var r = new Minimizer().Minimize(f);
        Assert.True(r.Converged, r.Status);
        Assert.True(r.EstimatedDistanceToMinimum < new MinimizerOptions().Tolerance, $"EDM {r.EstimatedDistanceToMinimum}");
        // EDM ≤ 1e-9 bounds the distance: ½ δᵀHδ ≤ EDM with λ_min(H) ≈ 0.4 gives |δ| ≲ 7e-5.
        Assert.InRange(r.Values[0], 1 - 1e-4, 1 + 1e-4);
        Assert.InRange(r.Values[1], 1 - 2e-4, 1 + 2e-4);
    }

    [Fact]
    public void BinnedFit_AgreesWithIminuitStrategy2To1e4OfAnError()
    {
        // iminuit was run with tol 1e-6 (EDM goal 2e-9): its values are within ~1e-4 σ of the minimum.
        var lik = MinimizerTests.BinnedCase(out var c);
        var r = new Minimizer().Minimize(lik);
        Assert.True(r.Converged, r.Status);
        var values = c.Array("values"); var errors = c.Array("errors");
        for (int i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(r.Values[i] - values[i]) < 2e-4 * errors[i], $"{r.ParameterNames[i]}: {r.Values[i]} vs iminuit {values[i]} ± {errors[i]}");
    }
}
