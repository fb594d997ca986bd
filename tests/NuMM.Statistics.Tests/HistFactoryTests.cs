using System.Text.Json.Nodes;
using NuMM.Runtime.Statistics.HistFactory;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>HistFactory JSON reading, errors, JSON-Patch and export (issue 9).</summary>
public class HistFactoryTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", "pyhf", name + ".json");

    [Fact]
    public void BadWorkspace_ReportsEveryProblemWithItsJsonPath()
    {
        const string json = """
        {"channels": [{"name": "sr", "samples": [
            {"name": "sig", "data": [1, 2], "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
            {"name": "bkg", "data": [5, -1], "modifiers": [{"name": "n", "type": "normsys", "data": {"hi": 1.1}},
                                                          {"name": "h", "type": "wobble", "data": null}]}]}],
         "observations": [{"name": "sr", "data": [3]}],
         "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}],
         "version": "1.0.0"}
        """;
        var e = Assert.Throws<HistFactoryFormatException>(() => HistFactoryWorkspace.Parse(json, "bad.json"));
        Assert.Contains("$.channels[0].samples[1].modifiers[0].data.lo: missing", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("$.channels[0].samples[1].modifiers[1].type: unknown modifier type 'wobble'", StringComparison.Ordinal));
        Assert.Contains("$.channels[0].samples[1].data[1]: expected events must be ≥ 0; got -1", e.Problems);
        Assert.Contains("$.observations[0].data: has 1 bins but channel 'sr' has 2", e.Problems);
        Assert.StartsWith("bad.json: 4 problems", e.Message);
    }

    [Fact]
    public void InconsistentObservation_IsNamed()
    {
        var node = JsonNode.Parse(File.ReadAllText(Fixture("1bin_normsys")))!;
        node["observations"]![0]!["data"] = new JsonArray(1.0, 2.0, 3.0);
        var e = Assert.Throws<HistFactoryFormatException>(() => HistFactoryWorkspace.FromJson(node));
        Assert.Contains("$.observations[0].data: has 3 bins but channel 'singlechannel' has 2", e.Problems);
    }

    [Fact]
    public void RoundTrip_ToJsonAndBack_GivesTheSameLikelihood()
    {
        var ws = HistFactoryWorkspace.Load(Fixture("2bin_2channel_couplednorm"));
        var again = HistFactoryWorkspace.Parse(ws.ToJson().ToJsonString());
        var a = HistFactoryModel.Create(ws); var b = HistFactoryModel.Create(again);
        double[] p = [1.3, 0.4];
        Assert.Equal(a.Evaluate(p), b.Evaluate(p));
    }

    [Fact]
    public void HandComputedLikelihood_1binShapesys()
    {
        // −2 ln L ratio by hand: λ = μ·10 + γ·50, τ = (50/7)², aux = τ: 2[λ − 55 + 55 ln(55/λ)] + 2[γτ − τ + τ ln(τ/(γτ))].
        var m = HistFactoryModel.Create(HistFactoryWorkspace.Load(Fixture("1bin_shapesys")));
        Assert.Equal(["mu", "uncorr_bkguncrt[0]"], m.Parameters.Select(p => p.Name).ToArray());
        double mu = 0.7, g = 1.1, lam = 10 * mu + 50 * g, tau = 50.0 / 7 * (50.0 / 7);
        double expected = 2 * (lam - 55 + 55 * Math.Log(55 / lam)) + 2 * (g * tau - tau + tau * Math.Log(1 / g));
        Assert.Equal(expected, m.Evaluate([mu, g]), 10);
    }

    [Fact]
    public void Patch_ReplacesTheSignalAndErrorsNameTheOperation()
    {
        string dir = Path.Combine(Path.GetTempPath(), "numm-hf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string patch = Path.Combine(dir, "patch.json");
            File.WriteAllText(patch, """[{"op": "replace", "path": "/channels/0/samples/0/data", "value": [20.0]}]""");
            var patched = HistFactoryModel.Create(HistFactoryWorkspace.Load(Fixture("1bin_shapesys"), [patch]));
            Assert.Equal(20 * 1.0 + 50, patched.Expected([1.0, 1.0])[0], 12);

            string set = Path.Combine(dir, "set.json");
            File.WriteAllText(set, """
                {"patches": [{"metadata": {"name": "a"}, "patch": [{"op": "replace", "path": "/channels/0/samples/0/data", "value": [5.0]}]},
                             {"metadata": {"name": "b"}, "patch": [{"op": "replace", "path": "/channels/0/samples/0/data", "value": [7.0]}]}]}
                """);
            var b = HistFactoryModel.Create(HistFactoryWorkspace.Load(Fixture("1bin_shapesys"), [set], "b"));
            Assert.Equal(7 + 50, b.Expected([1.0, 1.0])[0], 12);
            var noName = Assert.Throws<HistFactoryFormatException>(() => HistFactoryWorkspace.Load(Fixture("1bin_shapesys"), [set]));
            Assert.Contains("holds 2 patches (a, b)", noName.Message);

            string bad = Path.Combine(dir, "bad.json");
            File.WriteAllText(bad, """[{"op": "add", "path": "/channels/0/samples/-", "value": {}}, {"op": "remove", "path": "/channels/7"}]""");
            var e = Assert.Throws<HistFactoryFormatException>(() => HistFactoryWorkspace.Load(Fixture("1bin_shapesys"), [bad]));
            Assert.Contains("$[1] (remove /channels/7)", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Export_SquareSignalModel_ImportsToTheSameMinimum()
    {
        // The NuMM μ² model (linear ±1σ template, linear normsys) exported and read back: pyhf's normfactor on μ² with
        // normsys code 0 is the same likelihood, so the minimum and μ̂² agree.
        var lik = MinimizerTests.BinnedCase(out _);
        var export = HistFactoryExport.FromLikelihood(lik, "mu");
        Assert.Equal("mu_squared", export.Workspace.Measurements[0].Poi);
        Assert.Contains(export.Notes, n => n.Contains("code0", StringComparison.Ordinal));
        var hf = HistFactoryModel.Create(HistFactoryWorkspace.Parse(export.Workspace.ToJson().ToJsonString()), new HistFactoryOptions { Normsys = NormsysInterpolation.Code0 });
        var fitter = new Minimizer(new MinimizerOptions { ComputeCovariance = false });
        var a = fitter.Minimize(lik);
        var b = fitter.Minimize(hf);
        Assert.Equal(a.Minimum, b.Minimum, 7);
        Assert.Equal(a["mu"] * a["mu"], b["mu_squared"], 4);
        Assert.Equal(a["norm_nue"], b["norm_nue"], 4);
    }

    [Fact]
    public void Export_OpaqueFunction_IsRefusedNamingTheComponent()
    {
        var model = new PredictionModel([new PredictionComponent("odd", [1.0], ComponentScale.Function("e^k", ["k"], v => Math.Exp(v[0])))], [new FitParameter("k", 0)]);
        var e = Assert.Throws<NotSupportedException>(() => HistFactoryExport.FromLikelihood(new BinnedLikelihood(model, [1.0]), "k"));
        Assert.Contains("'odd'", e.Message);
    }
}

/// <summary>Inference on a HistFactory model through <see cref="NuMM.Runtime.Statistics.Likelihood.IGenerativeObjective"/>.</summary>
public class HistFactoryInferenceTests
{
    [Fact]
    public void FeldmanCousins_RunsOnAWorkspaceModel_AndAgreesWithTheEquivalentBinnedLikelihood()
    {
        // 1bin_normsys as a workspace and as a NuMM BinnedLikelihood (normsys code 1 = NuMM's exponential normalisation):
        // the same likelihood, the same toys (same seed, same parameter order) → the same accepted points.
        var ws = HistFactoryWorkspace.Load(Path.Combine(AppContext.BaseDirectory, "Reference", "pyhf", "1bin_normsys.json"));
        var hf = HistFactoryModel.Create(ws);
        var model = new PredictionModel(
            [new PredictionComponent("signal", [30.0, 95.0], ComponentScale.Linear("mu")), new PredictionComponent("background", [100.0, 150.0])],
            [new FitParameter("mu", 1, 0, 10), new FitParameter("bkg_norm", 0, -5, 5, new GaussianConstraint(0, 1), 1, "σ")], null,
            [new NormalizationSystematic("bkg_norm", ["background"], 0.1, 0.1, NormalizationInterpolation.Exponential)]);
        var lik = new BinnedLikelihood(model, [120.0, 180.0]);
        Assert.Equal(lik.Evaluate([0.4, 0.3]), hf.Evaluate([0.4, 0.3]), 10);
        double[] points = [0.0, 0.2, 0.4, 0.6];
        var options = new NuMM.Runtime.Statistics.Inference.FeldmanCousinsOptions { Toys = 300, Seed = 3 };
        var a = NuMM.Runtime.Statistics.Inference.FeldmanCousins.Run(hf, "mu", points, options);
        var b = NuMM.Runtime.Statistics.Inference.FeldmanCousins.Run(lik, "mu", points, options);
        Assert.Equal(b.Points.Select(p => p.Accepted), a.Points.Select(p => p.Accepted));
        for (int i = 0; i < points.Length; i++) Assert.Equal(b.Points[i].DataDeltaChi2, a.Points[i].DataDeltaChi2, 6);
    }
}
