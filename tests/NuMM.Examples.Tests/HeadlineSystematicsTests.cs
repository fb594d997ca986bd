using NuMM.Examples.NuOnE;
using NuMM.Examples.NuOnE.Analysis;
using NuMM.Examples.NuOnE.Simulation;
using NuMM.Runtime.Reporting.Tables;
using NuMM.Runtime.Selection;

namespace NuMM.Examples.Tests;

/// <summary>The headline's systematics, filled by its generated kernel in one pass, against their definitions computed
/// here the slow way: the energy scale as the old re-selection of an energy-scaled copy of the sample, the flux
/// universes and knobs as hand sums of weight × factor over the events passing every cut.</summary>
public class HeadlineSystematicsTests
{
    private static readonly SimulationSettings Small = new(NuOnEEvents: 20_000, BackgroundEventsPerCategory: 20_480, Seed: 11, BatchSize: 4096);

    [Fact]
    public void EnergyScaleShift_EqualsReselectingAnEnergyScaledCopy()
    {
        var sample = SystematicColumns.Attach(NearDetectorSimulation.Background(SampleCategory.NueCC, Small), Small);
        var analysis = new NuOnEAnalysis(Small);
        var result = analysis.Run(sample, 0.0);
        foreach (var sigma in new[] { -2.0, -1.0, 1.0, 2.0 })
        {
            // The same float arithmetic as the [Shift] body: E · (1 + 0.05 σ) in single precision.
            var copy = NearDetectorSimulation.WithEnergyScale(sample, 1f + 0.05f * (float)sigma);
            var reference = analysis.Run(copy, 0.0);
            var shifted = result.Variation("energy scale", sigma);
            Assert.Equal(reference.CutFlow.Passed, shifted.CutFlow.Passed);
            Assert.Equal(reference.CutFlow.SumW, shifted.CutFlow.SumW);
            Assert.Equal(reference.Histogram1D("ShowerEnergy").SumW.ToArray(), shifted.Histogram1D("ShowerEnergy").SumW.ToArray());
        }
        Assert.NotEqual(result.CutFlow.Passed[7], result.Variation("energy scale", 2).CutFlow.Passed[7]);
    }

    [Fact]
    public void FluxUniversesAndKnobs_EqualHandSumsOverSelectedEvents()
    {
        var sample = SystematicColumns.Attach(NearDetectorSimulation.Background(SampleCategory.NC, Small), Small);
        var inputs = SystematicInputs.Simulate(sample, Small);
        var result = new NuOnEAnalysis(Small).Run(sample, 0.0);
        var universes = new double[SystematicInputs.FluxUniverseCount];
        double dis = 0;
        long selected = 0;
        for (int b = 0; b < sample.Count; b++)
        {
            var batch = sample[b];
            for (int i = 0; i < batch.Length; i++)
            {
                var e = batch[i];
                bool pass = NdSingleElectronSelection.Decaf(e) && NdSingleElectronSelection.ClosestSliceTime(e) && NdSingleElectronSelection.Preselection(e)
                    && NdSingleElectronSelection.Fiducial(e) && NdSingleElectronSelection.Containment(e) && NdSingleElectronSelection.SingleParticle(e)
                    && NdSingleElectronSelection.EnergyCut(e) && NdSingleElectronSelection.NuoneId(e) && NdSingleElectronSelection.Epi0Id(e)
                    && NdSingleElectronSelection.SmallETheta2(e);
                if (!pass) continue;
                selected++;
                double w = (double)(e.PpfxWeight * e.XsecWeight * e.NormWeight);
                for (int u = 0; u < universes.Length; u++) universes[u] += w * inputs[b].UniverseWeight(i, u);
                dis += w * (1.0 + 2.0 * inputs[b].DisNormalisationResponse[i]);
            }
        }
        Assert.True(selected > 5, $"only {selected} selected events");
        for (int u = 0; u < universes.Length; u++)
            Assert.Equal(universes[u], result.Universe("flux", u).CutFlow.SumW[10], Math.Abs(universes[u]) * 1e-9);
        Assert.Equal(dis, result.Variation("DIS normalisation", 2).CutFlow.SumW[10], Math.Abs(dis) * 1e-6);
    }

    [Fact]
    public void EveryBackgroundSample_IsReadOnce_AndCarriesEverySystematic()
    {
        var analysis = new NuOnEAnalysis(Small);
        var sample = SystematicColumns.Attach(NearDetectorSimulation.Background(SampleCategory.NumuCC, Small), Small);
        var result = analysis.Run(sample, 0.0);
        Assert.Equal(1, analysis.Passes(sample));
        Assert.Equal(new[] { "energy scale", "flux", "MaCCQE", "MaRES", "DIS normalisation" }, result.Systematics);
        Assert.Equal(4 + 100 + 3 * 6, result.Variations.Count);
        // ν-on-e: one read gives the SM background and the signal, each equal to its own run.
        var nuOnE = SystematicColumns.Attach(NearDetectorSimulation.NuOnE(Small), Small);
        var (signal, r) = analysis.RunSignalAndStandardModel(nuOnE, NuOnEAnalysis.ReferenceMomentBohr);
        Assert.Equal(1, analysis.Passes(nuOnE));
        Assert.Equal(new NuOnEAnalysis(Small).Run(nuOnE, NuOnEAnalysis.ReferenceMomentBohr).CutFlow.SumW, signal.CutFlow.SumW);
        Assert.Equal(new NuOnEAnalysis(Small).Run(nuOnE, 0.0).Universe("flux", 42).CutFlow.SumW, r.Universe("flux", 42).CutFlow.SumW);
        // ν-on-e events respond to no cross-section knob (technote section 3.5).
        var table = new SystematicsTable([new SystematicsTableComponent("nu-on-e", r)]);
        Assert.Equal(0.0, table.Effect("MaRES", "nu-on-e")!.Value.Up);
        Assert.InRange(table.Effect("flux", "nu-on-e")!.Value.Spread, 0.05, 0.15);
    }
}
