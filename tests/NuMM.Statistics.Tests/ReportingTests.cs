using System.Text.Json;
using System.Xml.Linq;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Reporting;

namespace NuMM.Statistics.Tests;

public class ReportingTests
{
    [Fact]
    public void FitMarkdown_ListsEveryParameterAndStatus()
    {
        var lik = MinimizerTests.BinnedCase(out _);
        var fit = new Minimizer().Minimize(lik);
        var md = FitReport.ToMarkdown(fit);
        Assert.Contains("**converged**", md);
        foreach (var p in fit.ParameterNames) Assert.Contains("| " + p + " |", md);
        Assert.Contains("Correlations:", md);
    }

    [Fact]
    public void FitJson_RoundTripsValues()
    {
        var lik = MinimizerTests.BinnedCase(out _);
        var fit = new Minimizer().Minimize(lik);
        using var doc = JsonDocument.Parse(FitReport.ToJson(fit));
        var values = doc.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(fit.Values, values);
        Assert.True(doc.RootElement.GetProperty("converged").GetBoolean());
        Assert.Equal(4, doc.RootElement.GetProperty("correlation").GetArrayLength());
    }

    [Fact]
    public void ScanCsvAndJson_HaveOneRowPerPoint()
    {
        var lik = MinimizerTests.BinnedCase(out _);
        var scan = ProfileLikelihood.Scan(lik, "mu", [0.0, 0.5, 1.0]);
        var csv = FitReport.ToCsv(scan).Trim().Split('\n');
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("mu,delta_chi2,chi2,converged,mu,norm_nue,escale,mec_norm", csv[0]);
        using var doc = JsonDocument.Parse(FitReport.ToJson(scan));
        Assert.Equal(3, doc.RootElement.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public void Figure_DeltaChi2Curves_SvgHoldsEveryLegendEntryAsText()
    {
        var plot = new Figure("Δχ² profile", "μ_ν (10⁻¹⁰ μ_B)", "Δχ²")
            .AddLine("stat + syst", [0.0, 0.5, 1.0, 1.5], [0.0, 0.4, 1.8, 4.1])
            .AddLine("stat only", [0.0, 0.5, 1.0, 1.5], [0.0, 0.6, 2.5, double.NaN], dashed: true)
            .AddBand("expected ±1σ", [0.0, 1.5], [0.5, 0.5], [1.0, 1.0])
            .AddStep("data", [0.0, 0.5, 1.0], [2.0, 3.0])
            .AddHorizontalLine("90% CL", 2.71);
        Assert.Equal(["stat + syst", "stat only", "expected ±1σ", "data", "90% CL"], plot.Labels);
        var doc = XDocument.Parse(plot.ToSvg());
        var text = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        foreach (var label in plot.Labels) Assert.Contains(label, text);
    }

    [Fact]
    public void Figure_MismatchedSeries_ThrowsNamingSeries()
    {
        var e = Assert.Throws<ArgumentException>(() => new Figure("t", "x", "y").AddLine("curve A", [1.0, 2.0], [1.0]));
        Assert.Contains("curve A", e.Message);
    }
}

public class FitPlotTests
{
    [Fact]
    public void Contour_CircularBowl_PointsLieOnTheLevelCircle()
    {
        // Δχ²(a, b) = (a − 2)²/0.25 + (b − 1)²/4 on a grid: the 4.605 contour is the ellipse with semi-axes √4.605·(0.5, 2).
        var model = new NuMM.Runtime.Statistics.Model.PredictionModel(
            [new("A", [1.0, 0.0], NuMM.Runtime.Statistics.Model.ComponentScale.Linear("a")), new("B", [0.0, 1.0], NuMM.Runtime.Statistics.Model.ComponentScale.Linear("b")), new("floor", [10.0, 10.0])],
            [new("a", 1, 0, 20), new("b", 1, 0, 20)]);
        var lik = new NuMM.Runtime.Statistics.Likelihood.BinnedLikelihood(model, [12.0, 11.0],
            NuMM.Runtime.Statistics.Likelihood.TestStatistic.ChiSquare(NuMM.Runtime.Statistics.Likelihood.ChiSquareErrors.Fixed, [0.5, 2.0]));
        var xs = Enumerable.Range(0, 21).Select(i => 0.8 + 0.12 * i).ToArray();
        var ys = Enumerable.Range(0, 21).Select(i => 0.0 + 0.6 * i).ToArray();
        var scan = ProfileLikelihood.Scan2D(lik, "a", xs, "b", ys);
        double level = CriticalValues.ChiSquare(0.9, 2);
        var segments = FitPlots.Contour(scan, level);
        Assert.True(segments.Count > 20);
        foreach (var (x1, y1, _, _) in segments)
        {
            double r = Math.Pow(x1 - 2, 2) / 0.25 + Math.Pow(y1 - 1, 2) / 4;
            Assert.InRange(r, level * 0.97, level * 1.03); // linear interpolation on a coarse grid of a quadratic surface
        }
        var svg = XDocument.Parse(new Figure("90% CL (2 dof)", "a", "b").AddSegments("contour", segments).ToSvg());
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Trim() == "contour");
    }

    [Fact]
    public void DeltaChi2AndSpectrumPlots_AreWellFormed()
    {
        var lik = MinimizerTests.BinnedCase(out var c);
        var scan = ProfileLikelihood.Scan(lik, "mu", [0.0, 0.4, 0.8, 1.2, 1.6]);
        var dchi2 = FitPlots.DeltaChi2("μ profile", "μ (reference moment)", [("stat + syst", scan)]);
        Assert.Equal("stat + syst", dchi2.Labels[0]);
        Assert.Equal("Δχ² = 2.71", dchi2.Labels[1]);
        XDocument.Parse(dchi2.ToSvg());
        var fit = new Minimizer().Minimize(lik);
        var edges = Enumerable.Range(0, 11).Select(i => i * 0.1).ToArray();
        var spectrum = FitPlots.Spectrum("best fit", "E θ² (arb.)", edges, lik.Model, fit.Values, c.Array("data"));
        Assert.Equal([.. lik.Model.ComponentNames, "data"], spectrum.Labels); // each component stacked, then the data points
        XDocument.Parse(spectrum.ToSvg());
    }
}
