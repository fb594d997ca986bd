using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Reporting.Tables;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Statistics.Model;
using NuMM.Runtime.Systematics;

namespace NuMM.Generated.Tests;

/// <summary>A generated kernel's variations through the runtime: exposure carried, a sample variation attached by the
/// runner, a JSON round trip, the universe spread, the systematics table and the bridge to the prediction model.</summary>
public class VariationRuntimeTests
{
    private static SystEvent.Batch[] Batches(Func<SystEvent, SystEvent>? change = null) =>
        Enumerable.Range(0, 6).Select(k =>
        {
            var b = VariationTests.RandomBatch(1500, 900 + k);
            if (change != null) for (int i = 0; i < b.Length; i++) b.Set(i, change(b[i]));
            return b;
        }).ToArray();

    private static AnalysisResult Run(int threads) =>
        AnalysisRunner.Run(new SystSelection.Kernel(), new ArrayBatchSource<SystEvent.Batch>(Batches()).WithExposure(Exposure.Pot(2e20)),
            [new SampleVariation<SystEvent.Batch>("calibration", 1,
                new ArrayBatchSource<SystEvent.Batch>(Batches(e => e with { E = e.E * 1.03f })).WithExposure(Exposure.Pot(2e20)))],
            () => new SystEvent.Batch(1500), new RunOptions { MaxThreads = threads });

    [Fact]
    public void GeneratedVariations_CarryExposure_RoundTrip_AndDoNotDependOnThreads()
    {
        var r = Run(3);
        Assert.Equal(["energy scale", "vertex", "hit efficiency", "xsec", "flux universes", "calibration"], r.Systematics);
        Assert.All(r.Variations, v => Assert.Equal(Exposure.Pot(2e20), v.Exposure));
        var reloaded = AnalysisResultJson.FromJson(AnalysisResultJson.ToJson(r));
        Assert.Equal(AnalysisResultJson.ToJson(r), AnalysisResultJson.ToJson(reloaded));
        Assert.Equal(r.Variations.Count, reloaded.Variations.Count);
        var one = Run(1);
        for (int i = 0; i < r.Variations.Count; i++)
            VariationTests.Identical(one.Variations[i].Result, r.Variations[i].Result, r.Variations[i].Label);
        // The sample variation is the plain nominal selection on the shifted sample.
        var alone = AnalysisRunner.Run(new SystReference.Kernel(), new ArrayBatchSource<SystEvent.Batch>(Batches(e => e with { E = e.E * 1.03f })),
            () => new SystEvent.Batch(1500), new RunOptions { MaxThreads = 1 });
        VariationTests.Identical(alone, r.Variation("calibration", 1), "calibration +1");
    }

    [Fact]
    public void FluxUniverses_LinearInTheIndex_HaveOnePrincipalComponent()
    {
        // Universe u weighs 1 + 0.01 (u − 10) E_true, so bin b of universe u is a_b + (u − 10) s_b: universe 10 is the
        // nominal, the mean over u = 0..19 is a_b − 0.5 s_b, the sample variance is s_b² · 20·21/12, and the covariance
        // has rank one.
        var r = Run(2);
        var s = UniverseSpread.Of(r, "flux universes", "E");
        Assert.Equal(20, s.UniverseCount);
        Assert.Equal(1.0, s.PrincipalComponents[0].FractionOfVariance, 1e-9);
        for (int b = 0; b < s.BinCount; b++)
        {
            double a = r.Universe("flux universes", 10).Histogram1D("E").BinContent(b);
            double slope = (a - r.Universe("flux universes", 0).Histogram1D("E").BinContent(b)) / 10;
            Assert.Equal(r.Histogram1D("E").BinContent(b), a, 1e-12 * (1 + a));
            Assert.Equal(a - 0.5 * slope, s.Mean[b], 1e-9 * (1 + a));
            Assert.Equal(Math.Abs(slope) * Math.Sqrt(20 * 21 / 12.0), s.StandardDeviation[b], 1e-9 * (1 + a));
        }
    }

    [Fact]
    public void TableAndBridge_CoverEveryGeneratedSystematic()
    {
        var r = Run(2);
        var table = new SystematicsTable([new SystematicsTableComponent("sample", r)]);
        Assert.Equal(r.Systematics, table.Systematics);
        double n = r.CutFlow.Yield(r.CutFlow.CutCount);
        Assert.Equal((r.Variation("energy scale", 1).CutFlow.Yield(4) - n) / n, table.Effect("energy scale", "sample")!.Value.Up, 1e-15);
        var bridge = SystematicPrediction.Build([new VariedComponent("sample", r, "E", ComponentScale.Linear("norm"))],
            new SystematicPredictionOptions { PrincipalComponents = 3 });
        // Rank one: a single principal component survives.
        Assert.Equal(["energy scale", "vertex", "hit efficiency", "xsec", "flux universes_pc1", "calibration"], bridge.TemplateSystematics.Select(t => t.Parameter));
        var model = bridge.ToModel([new FitParameter("norm", 1, 0, 5)]);
        var at = new double[model.Parameters.Count];
        at[0] = 1;
        var nominal = new double[model.BinCount];
        model.Predict(at, nominal);
        for (int b = 0; b < nominal.Length; b++) Assert.Equal(r.Histogram1D("E").BinContent(b), nominal[b], 1e-12 * (1 + nominal[b]));
        at[model.IndexOf("energy scale")] = 2;
        model.Predict(at, nominal);
        for (int b = 0; b < nominal.Length; b++)
            if (r.Histogram1D("E").BinContent(b) > 0)
                Assert.Equal(r.Variation("energy scale", 2).Histogram1D("E").BinContent(b), nominal[b], 1e-9 * (1 + nominal[b]));
    }
}
