using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class VariationResultTests
{
    private static AnalysisResult Nominal() => new TestKernel().CreateResult();

    private static AnalysisResult WithExposure(AnalysisResult r, Exposure e)
    {
        r.SetExposure(e);
        return r;
    }

    [Fact]
    public void Lookup_BySigmaUniverseAndSystematic_ListsWhatThereIs()
    {
        var r = new VariedTestKernel().CreateResult();
        Assert.Equal(["xScale", "wKnob", "flux"], r.Systematics);
        Assert.Same(r.Variations[1].Result, r.Variation("xScale", 1));
        Assert.Same(r.Variations[3].Result, r.Variation("wKnob", -1));
        Assert.Same(r.Variations[5 + 4].Result, r.Universe("flux", 4));
        Assert.Equal(VariedTestKernel.UniverseCount, r.VariationsOf("flux").Count);
        Assert.All(r.VariationsOf("flux"), v => Assert.Equal(VariationKind.Universe, v.Kind));
        var e = Assert.Throws<KeyNotFoundException>(() => r.Variation("xScale", 3));
        Assert.Contains("xScale σ=+2", e.Message);
        Assert.Contains("flux universe 5", Assert.Throws<KeyNotFoundException>(() => r.Universe("flux", 6)).Message);
        Assert.Contains("xScale, wKnob, flux", Assert.Throws<KeyNotFoundException>(() => r.VariationsOf("energy")).Message);
    }

    [Fact]
    public void Constructor_SystematicWithTwoKinds_Throws()
    {
        var n = Nominal();
        var e = Assert.Throws<ArgumentException>(() => new AnalysisResult("A", n.CutFlow, n.Histograms1D, n.Histograms2D,
            [VariationResult.AtSigma("s", VariationKind.Shift, 1, Nominal()), VariationResult.AtSigma("s", VariationKind.Sample, -1, Nominal())]));
        Assert.Contains("one kind", e.Message);
    }

    [Fact]
    public void Exposure_InKernelVariationsFollowNominal_SamplesKeepTheirOwn()
    {
        var sample = WithExposure(Nominal(), Exposure.Pot(2e20));
        var r = WithExposure(new VariedTestKernel().CreateResult(), Exposure.Pot(1e20)).WithVariations([VariationResult.AtSigma("calib", VariationKind.Sample, 1, sample)]);
        r.SetExposure(Exposure.Pot(5e20));
        Assert.Equal(Exposure.Pot(5e20), r.Exposure);
        foreach (var v in r.Variations)
            Assert.Equal(v.Kind == VariationKind.Sample ? Exposure.Pot(2e20) : Exposure.Pot(5e20), v.Exposure);
        Assert.Equal(Exposure.Pot(5e20), r.Spectrum("x").Exposure);
        var bad = Assert.Throws<ArgumentException>(() => r.SetExposure(Exposure.LivetimeSeconds(10)));
        Assert.Contains("calib σ=+1", bad.Message);
        Assert.Equal(Exposure.Pot(5e20), r.Exposure);
    }

    [Fact]
    public void Constructor_SampleOfOtherExposureKind_OrInKernelVariationWithOtherExposure_Throws()
    {
        var n = WithExposure(Nominal(), Exposure.Pot(1e20));
        var live = WithExposure(Nominal(), Exposure.LivetimeSeconds(100));
        Assert.Contains("do not mix", Assert.Throws<ArgumentException>(() =>
            n.WithVariations([VariationResult.AtSigma("calib", VariationKind.Sample, 1, live)])).Message);
        var other = WithExposure(Nominal(), Exposure.Pot(3e20));
        Assert.Contains("nominal events", Assert.Throws<ArgumentException>(() =>
            n.WithVariations([VariationResult.AtSigma("scale", VariationKind.Shift, 1, other)])).Message);
    }

    [Fact]
    public void Add_SumsExposuresOfNominalAndVariations()
    {
        var sampleA = WithExposure(Nominal(), Exposure.Pot(1e19));
        var a = WithExposure(new VariedTestKernel().CreateResult(), Exposure.Pot(2e20)).WithVariations([VariationResult.AtSigma("calib", VariationKind.Sample, 1, sampleA)]);
        var b = a.CloneEmpty();
        Assert.Equal(new Exposure(0, ExposureKind.ProtonsOnTarget), b.Exposure);
        b.SetExposure(Exposure.Pot(3e20));
        b.Variations[^1].Result.SetExposure(Exposure.Pot(4e19));
        a.Add(b);
        Assert.Equal(5e20, a.Exposure.Value, 1e-12 * 5e20);
        Assert.Equal(5e20, a.Universe("flux", 2).Exposure.Value, 1e-12 * 5e20);
        Assert.Equal(5e19, a.Variation("calib", 1).Exposure.Value, 1e-12 * 5e19);
        a.Reset();
        Assert.Equal(new Exposure(0, ExposureKind.ProtonsOnTarget), a.Exposure);
        Assert.Equal(new Exposure(0, ExposureKind.ProtonsOnTarget), a.Variation("calib", 1).Exposure);
    }

    [Fact]
    public void Add_ExposureKindsDiffer_ThrowsAndChangesNothing()
    {
        var a = WithExposure(new VariedTestKernel().CreateResult(), Exposure.Pot(1e20));
        var b = new VariedTestKernel().CreateResult();   // no exposure
        b.CutFlow.Passed[0] = 7;
        b.Universe("flux", 0).CutFlow.Passed[0] = 7;
        var e = Assert.Throws<ArgumentException>(() => a.Add(b));
        Assert.Contains("exposure kinds do not mix", e.Message);
        Assert.Equal(0, a.CutFlow.Passed[0]);
        Assert.Equal(0, a.Universe("flux", 0).CutFlow.Passed[0]);
        Assert.Equal(Exposure.Pot(1e20), a.Exposure);

        // A sample variation's exposure kind is checked before anything is added, too.
        var c = WithExposure(Nominal(), Exposure.Pot(1e20)).WithVariations([VariationResult.AtSigma("calib", VariationKind.Sample, 1, WithExposure(Nominal(), Exposure.Pot(1)))]);
        var d = WithExposure(Nominal(), Exposure.Pot(1e20)).WithVariations([VariationResult.AtSigma("calib", VariationKind.Sample, 1, WithExposure(Nominal(), Exposure.Pot(1)))]);
        d.CutFlow.Passed[0] = 3;
        d.Variations[0].Result.SetExposure(Exposure.LivetimeSeconds(1));
        Assert.Contains("calib σ=+1", Assert.Throws<ArgumentException>(() => c.Add(d)).Message);
        Assert.Equal(0, c.CutFlow.Passed[0]);
    }

    [Fact]
    public void NominalOnly_SharesStorageWithoutVariations()
    {
        var r = WithExposure(new VariedTestKernel().CreateResult(), Exposure.LivetimeSeconds(3600));
        var n = r.NominalOnly();
        Assert.Empty(n.Variations);
        Assert.Same(r.CutFlow, n.CutFlow);
        Assert.Same(r.Histogram1D("x"), n.Histogram1D("x"));
        Assert.Equal(r.Exposure, n.Exposure);
    }

    [Fact]
    public void Exposure_Invalid_IsRejected()
    {
        var r = Nominal();
        Assert.Throws<ArgumentException>(() => r.SetExposure(new Exposure(double.NaN, ExposureKind.ProtonsOnTarget)));
        Assert.Throws<ArgumentException>(() => r.SetExposure(new Exposure(-1, ExposureKind.Livetime)));
        Assert.Throws<ArgumentException>(() => r.SetExposure(new Exposure(5, ExposureKind.None)));
    }
}
