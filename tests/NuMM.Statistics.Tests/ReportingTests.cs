using System.Text.Json;
using System.Xml.Linq;
using NuMM.Runtime.Reporting.Svg;
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
    public void SvgPlot_IsWellFormedXmlWithOneShapePerSeries()
    {
        var plot = new SvgPlot("Δχ² profile", "μ_ν (10⁻¹⁰ μ_B)", "Δχ²")
            .AddLine("stat + syst", [0.0, 0.5, 1.0, 1.5], [0.0, 0.4, 1.8, 4.1])
            .AddLine("stat only", [0.0, 0.5, 1.0, 1.5], [0.0, 0.6, 2.5, double.NaN], dashed: true)
            .AddBand("expected ±1σ", [0.0, 1.5], [0.5, 0.5], [1.0, 1.0])
            .AddStep("data", [0.0, 0.5, 1.0], [2.0, 3.0])
            .AddHorizontalLine("90% CL", 2.71);
        var doc = XDocument.Parse(plot.ToSvg());
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(3, doc.Descendants(svg + "polyline").Count()); // two lines (the NaN only ends a run) + one step histogram
        Assert.Single(doc.Descendants(svg + "polygon"));
        Assert.Contains(doc.Descendants(svg + "text"), t => t.Value == "90% CL");
    }

    [Fact]
    public void SvgPlot_MismatchedSeries_ThrowsNamingSeries()
    {
        var e = Assert.Throws<ArgumentException>(() => new SvgPlot("t", "x", "y").AddLine("curve A", [1.0, 2.0], [1.0]));
        Assert.Contains("curve A", e.Message);
    }
}
