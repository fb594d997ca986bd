using System.Text.Json;
using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;
using NuMM.Runtime.Systematics;

namespace NuMM.Statistics.Tests;

/// <summary>The bridge from varied analysis results to the prediction model, against a model assembled by hand from the
/// same numbers (and, for the flux universes, from numpy's principal components in Reference/universe_spread.json).</summary>
public class SystematicPredictionTests
{
    private static readonly double[] A = [40, 90, 130, 80, 25];     // "nuone" at 1e20 POT
    private static readonly double[] B = [300, 220, 150, 90, 40];   // "bkg" at 5e19 POT
    private const int Universes = 20;
    private const int Kept = 3;

    private static double[] Map(double[] x, Func<int, double, double> f) => x.Select((v, b) => f(b, v)).ToArray();
    private static double[] EscaleA(double s) => Map(A, (b, v) => v * (1 + 0.03 * s * (b - 2)));
    private static double[] EscaleB(double s) => Map(B, (b, v) => v * (1 - 0.02 * s * (b - 2)));
    private static double[] XsecB(double s) => Map(B, (b, v) => v * (1 + (b < 3 ? 0.1 : 0.05) * s));
    private static double[] CalibA(double s) => Map(A, (b, v) => 2 * v * (1 + 0.02 * s * (b - 1)));   // at 2e20 POT

    /// <summary>The universes of Reference/universe_spread.py ("joint" case), same formula.</summary>
    private static double[] Universe(double[] nominal, int u, double phase) =>
        Map(nominal, (b, v) => v * (1 + 0.08 * Math.Sin(1.3 * u + 0.7 * b + phase) + 0.03 * Math.Cos(2.1 * u * (b + 1))));

    private static readonly RegularAxis Axis = new(5, 0, 2.5, "E", "GeV");

    private static AnalysisResult Result(double[] bins, Exposure exposure, IReadOnlyList<VariationResult>? variations = null)
    {
        var h = new Histogram1D(Axis, "E");
        for (int b = 0; b < bins.Length; b++) h.FillCell(b + 1, bins[b]);
        var flow = new CutFlow(["sel"]);
        flow.SumW[1] = bins.Sum();
        var r = new AnalysisResult("Test", flow, [h], [], variations ?? [], exposure);
        return r;
    }

    private static AnalysisResult NuOnE()
    {
        var v = new List<VariationResult>();
        foreach (double s in new[] { -2.0, -1, 1, 2 }) v.Add(VariationResult.AtSigma("escale", VariationKind.Shift, s, Result(EscaleA(s), Exposure.None)));
        foreach (double s in new[] { -1.0, 1 }) v.Add(VariationResult.AtSigma("calib", VariationKind.Sample, s, Result(CalibA(s), Exposure.Pot(2e20))));
        for (int u = 0; u < Universes; u++) v.Add(VariationResult.InUniverse("flux", u, Result(Universe(A, u, 0.3), Exposure.None)));
        return Result(A, Exposure.Pot(1e20), v);
    }

    private static AnalysisResult Background()
    {
        var v = new List<VariationResult>();
        foreach (double s in new[] { -2.0, -1, 1, 2 }) v.Add(VariationResult.AtSigma("escale", VariationKind.Shift, s, Result(EscaleB(s), Exposure.None)));
        for (int u = 0; u < Universes; u++) v.Add(VariationResult.InUniverse("flux", u, Result(Universe(B, u, 1.1), Exposure.None)));
        foreach (double s in new[] { -3.0, -2, -1, 1, 2, 3 }) v.Add(VariationResult.AtSigma("xsec", VariationKind.Knob, s, Result(XsecB(s), Exposure.None)));
        return Result(B, Exposure.Pot(5e19), v);
    }

    private static VariedComponent[] Components() =>
        [new("nuone", NuOnE(), "E", ComponentScale.Linear("norm")), new("bkg", Background(), "E")];

    private static JsonElement Joint()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "universe_spread.json")));
        return doc.RootElement.GetProperty("joint").Clone();
    }

    /// <summary>The same model, template by template, written out by hand.</summary>
    private static PredictionModel ByHand(Exposure data)
    {
        var escale = new TemplateSystematic("escale");
        var calib = new TemplateSystematic("calib");
        var xsec = new TemplateSystematic("xsec");
        foreach (double s in new[] { -2.0, -1, 1, 2 }) { escale.AddShift("nuone", s, EscaleA(s)); escale.AddShift("bkg", s, EscaleB(s)); }
        foreach (double s in new[] { -1.0, 1 }) calib.AddShift("nuone", s, CalibA(s).Select(v => v * 1e20 / 2e20).ToArray());
        foreach (double s in new[] { -3.0, -2, -1, 1, 2, 3 }) xsec.AddShift("bkg", s, XsecB(s));
        var joint = Joint();
        var lambda = joint.GetProperty("eigenvalues_mean").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var vectors = joint.GetProperty("eigenvectors_mean").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var pcs = new List<TemplateSystematic>();
        for (int k = 0; k < Kept; k++)
        {
            var shift = vectors[k].Select(x => Math.Sqrt(lambda[k]) * x).ToArray();
            var t = new TemplateSystematic($"flux_pc{k + 1}", TemplateInterpolation.Linear);
            // bkg is at half the reference exposure, so its block of the joint vector is 2 × its bins.
            t.AddShift("nuone", -1, Map(A, (b, v) => Math.Max(0, v - shift[b]))).AddShift("nuone", 1, Map(A, (b, v) => Math.Max(0, v + shift[b])));
            t.AddShift("bkg", -1, Map(B, (b, v) => Math.Max(0, v - shift[5 + b] / 2))).AddShift("bkg", 1, Map(B, (b, v) => Math.Max(0, v + shift[5 + b] / 2)));
            pcs.Add(t);
        }
        return new PredictionModel(
            [new PredictionComponent("nuone", A, ComponentScale.Linear("norm"), Exposure.Pot(1e20)), new PredictionComponent("bkg", B, null, Exposure.Pot(5e19))],
            [new FitParameter("norm", 1, 0, 5)],
            [escale, calib, .. pcs, xsec], null, data);
    }

    private static SystematicPrediction Bridge() =>
        SystematicPrediction.Build(Components(), new SystematicPredictionOptions { PrincipalComponents = Kept, McStatistics = false });

    [Fact]
    public void Bridge_PredictsWhatTheHandModelPredicts()
    {
        var data = Exposure.Pot(2e20);
        var hand = ByHand(data);
        var bridged = Bridge().ToModel([new FitParameter("norm", 1, 0, 5)], null, data);
        Assert.Equal(hand.Parameters.Select(p => p.Name), bridged.Parameters.Select(p => p.Name));
        Assert.Equal(["norm", "escale", "calib", "flux_pc1", "flux_pc2", "flux_pc3", "xsec"], bridged.Parameters.Select(p => p.Name));
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            var p = hand.Parameters.Select((q, i) => i == 0 ? 0.5 + rng.NextDouble() : 4 * rng.NextDouble() - 2).ToArray();
            var a = new double[5]; var b = new double[5];
            hand.Predict(p, a);
            bridged.Predict(p, b);
            for (int i = 0; i < 5; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-9 * a[i], $"trial {trial}, bin {i}: {a[i]:R} vs {b[i]:R}");
        }
    }

    [Fact]
    public void Fit_WithTheBridgedModel_EqualsTheFitWithTheHandModel()
    {
        var data = Exposure.Pot(2e20);
        var hand = ByHand(data);
        var bridged = Bridge().ToModel([new FitParameter("norm", 1, 0, 5)], null, data);
        double[] truth = [1.1, 0.6, 0.3, 0.5, -0.4, 0.2, -0.8];
        var observed = new double[5];
        hand.Predict(truth, observed);
        for (int i = 0; i < 5; i++) observed[i] = Math.Round(observed[i] * 1.03 - 2);   // not exactly Asimov: the fit has work to do
        var fitter = new Minimizer();
        FitResult fh = fitter.Minimize(new BinnedLikelihood(hand, observed));
        FitResult fb = fitter.Minimize(new BinnedLikelihood(bridged, observed));
        Assert.True(fh.Converged, fh.Status);
        Assert.True(fb.Converged, fb.Status);
        Assert.Equal(fh.Minimum, fb.Minimum, 1e-9);
        for (int i = 0; i < truth.Length; i++)
        {
            Assert.Equal(fh.Values[i], fb.Values[i], 1e-6);
            Assert.Equal(fh.Errors[i], fb.Errors[i], 1e-5);
        }
    }

    [Fact]
    public void UniverseCovariance_IsTheJointCovarianceSummedOverComponents_AtTheDataExposure()
    {
        var bridge = SystematicPrediction.Build(Components(), new SystematicPredictionOptions { Universes = UniverseTreatment.Covariance });
        Assert.DoesNotContain(bridge.TemplateSystematics, t => t.Parameter.StartsWith("flux", StringComparison.Ordinal));
        var cov = bridge.UniverseCovariance(Exposure.Pot(2e20));
        var joint = Joint().GetProperty("cov_mean").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
            {
                // total = a + 2b at the reference exposure (1e20), ×2 to the data exposure: cov × 4.
                double hand = 4 * (joint[i][j] + joint[i][5 + j] + joint[5 + i][j] + joint[5 + i][5 + j]);
                Assert.True(Math.Abs(hand - cov[i, j]) <= 1e-9 * Math.Abs(joint[2][2]), $"({i},{j}): {hand:R} vs {cov[i, j]:R}");
            }
        Assert.Equal(cov[1, 3], bridge.UniverseCovariance("flux", Exposure.Pot(2e20))[1, 3]);
        Assert.Equal(Exposure.Pot(1e20), bridge.ReferenceExposure);
        // With the principal-component treatment nothing is left for the covariance term.
        Assert.Equal(0.0, Bridge().UniverseCovariance(Exposure.Pot(2e20))[2, 2]);
    }

    [Fact]
    public void Components_CarryExposureAndSumW2()
    {
        var bridge = SystematicPrediction.Build(Components());
        Assert.Equal(Exposure.Pot(5e19), bridge.Components[1].Exposure);
        Assert.Equal(B.Select(v => v * v), bridge.Components[1].SumW2!);
        Assert.Equal(["escale", "calib", "flux", "xsec"], bridge.Systematics);
        Assert.Equal(["escale", "calib", "flux_pc1", "flux_pc2", "flux_pc3", "flux_pc4", "flux_pc5", "xsec"], bridge.TemplateSystematics.Select(t => t.Parameter));
        var only = SystematicPrediction.Build(Components(), new SystematicPredictionOptions { Systematics = ["xsec"] });
        Assert.Equal(["xsec"], only.TemplateSystematics.Select(t => t.Parameter));
        Assert.Equal(["bkg"], only.TemplateSystematics[0].Components);
    }

    [Fact]
    public void BadInput_IsNamed()
    {
        var c = Components();
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => SystematicPrediction.Build([c[0] with { Histogram = "nope" }])).Message);
        Assert.Contains("used twice", Assert.Throws<ArgumentException>(() => SystematicPrediction.Build([c[0], c[0]])).Message);
        Assert.Contains("'energy'", Assert.Throws<ArgumentException>(() =>
            SystematicPrediction.Build(c, new SystematicPredictionOptions { Systematics = ["energy"] })).Message);
        // Fewer universes in one component than in the other.
        var few = new List<VariationResult>();
        for (int u = 0; u < 5; u++) few.Add(VariationResult.InUniverse("flux", u, Result(Universe(B, u, 1.1), Exposure.None)));
        var e = Assert.Throws<ArgumentException>(() => SystematicPrediction.Build([c[0], new VariedComponent("bkg", Result(B, Exposure.Pot(5e19), few), "E")]));
        Assert.Contains("5 in component 'bkg'", e.Message);
        // The same systematic as a shift in one component and as universes in another.
        var shift = new List<VariationResult> { VariationResult.AtSigma("flux", VariationKind.Shift, 1, Result(B, Exposure.None)) };
        Assert.Contains("Shift variations in component 'bkg'", Assert.Throws<ArgumentException>(() =>
            SystematicPrediction.Build([new VariedComponent("bkg", Result(B, Exposure.Pot(5e19), shift), "E"), c[0]])).Message);
        Assert.Contains("do not mix", Assert.Throws<ArgumentException>(() =>
            SystematicPrediction.Build([c[0], new VariedComponent("live", Result(B, Exposure.LivetimeSeconds(10)), "E")])).Message);
    }
}
