using System.Text.Json;
using NuMM.Runtime.Statistics.HistFactory;
using NuMM.Runtime.Statistics.Inference;
using Xunit.Abstractions;

namespace NuMM.Statistics.Tests;

/// <summary>pyhf's published validation cases (Reference/pyhf, written by make_fixtures.py from scikit-hep/pyhf
/// tests/test_validation.py and validation/data): observed and expected CLs at μ = 1 with the statistic pyhf's test used.</summary>
public class HistFactoryValidationTests(ITestOutputHelper output)
{
    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Reference", "pyhf");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "expected.json")));
        foreach (var p in doc.RootElement.EnumerateObject()) data.Add(p.Name);
        return data;
    }

    /// <summary>NuMM's observed and expected CLs of one fixture, with pyhf's stored numbers and the scipy re-computation.</summary>
    internal static (double[] Numm, double[] Pyhf, double[] Scipy) Run(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "expected.json")));
        using var sdoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "scipy_cls.json")));
        var e = doc.RootElement.GetProperty(name);
        var sc = sdoc.RootElement.GetProperty(name);
        bool tilde = e.GetProperty("statistic").GetString() == "qtilde";
        var options = tilde ? new HistFactoryOptions { Normsys = NormsysInterpolation.Code4, Histosys = HistosysInterpolation.Code4p } : new HistFactoryOptions();
        var model = HistFactoryModel.Create(HistFactoryWorkspace.Load(Path.Combine(Dir, name + ".json")), options);
        var r = HypothesisTest.Asymptotic(model, model.Poi, 1.0, tilde ? HypothesisStatistic.QMuTilde : HypothesisStatistic.QMu);
        static double[] Numbers(JsonElement x) => new[] { x.GetProperty("obs").GetDouble() }.Concat(x.GetProperty("exp").EnumerateArray().Select(v => v.GetDouble())).ToArray();
        return ([r.Cls, .. r.Expected], Numbers(e), Numbers(sc));
    }

    /// <summary>pyhf's stored numbers for this fixture come from a local minimum: its fit of the shared histosys (kinked at
    /// α = 0, both templates below nominal in one bin) stops early; scipy from a grid of starts and NuMM agree on a lower
    /// minimum (issue 9 quotes the same 0.138).</summary>
    private static readonly string[] PyhfAtLocalMinimum = ["2bin_2channel_coupledhistosys"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClsAtMuOne_MatchesPyhfAndScipy(string name)
    {
        var (numm, pyhf, scipy) = Run(name);
        string[] labels = ["obs", "exp −2σ", "exp −1σ", "exp median", "exp +1σ", "exp +2σ"];
        for (int i = 0; i < numm.Length; i++)
            output.WriteLine($"| {name} | {labels[i]} | {pyhf[i]:G10} | {scipy[i]:G10} | {numm[i]:G10} | {(numm[i] - pyhf[i]) / pyhf[i]:E2} | {(numm[i] - scipy[i]) / scipy[i]:E2} |");
        for (int i = 0; i < numm.Length; i++)
        {
            // The independent scipy global minimisation: agreement to 1e-5 relative.
            Assert.True(Math.Abs(numm[i] - scipy[i]) <= 1e-5 * scipy[i], $"{name} {labels[i]}: NuMM {numm[i]:R} vs scipy {scipy[i]:R}");
            // pyhf's stored numbers carry its minimiser's noise: up to 1.5e-4 relative on the 7e-10 expected CLs of 1bin_normsys.
            double rel = Math.Abs(numm[i] - pyhf[i]) / pyhf[i];
            if (PyhfAtLocalMinimum.Contains(name)) Assert.True(rel > 0.1, $"{name}: pyhf's local minimum was expected to differ");
            else Assert.True(rel <= 2e-4, $"{name} {labels[i]}: NuMM {numm[i]:R} vs pyhf {pyhf[i]:R} (relative {rel:E2})");
        }
    }
}
