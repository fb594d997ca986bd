using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Tests.Histograms;

public class SpectrumTests
{
    private static Spectrum Make(string name, Exposure exposure, params (double X, double W)[] fills)
    {
        var h = new Histogram1D(new RegularAxis(2, 0, 2, "E", "GeV"), name);
        foreach (var (x, w) in fills) h.Fill(x, w);
        return new Spectrum(h, exposure);
    }

    [Fact]
    public void ScaledTo_DoublePot_DoublesContentAndQuadruplesVariance()
    {
        var s = Make("sig", Exposure.Pot(1e20), (0.5, 3), (1.5, 1));
        var t = s.ScaledTo(Exposure.Pot(2e20));
        Assert.Equal(Exposure.Pot(2e20), t.Exposure);
        Assert.Equal(6.0, t.Histogram.BinContent(0));
        Assert.Equal(36.0, t.Histogram.SumW2[1]);
        Assert.Equal(3.0, s.Histogram.BinContent(0));  // original untouched
        Assert.Equal(8.0, s.Integral(Exposure.Pot(2e20)));
        Assert.Equal(2.0, s.ToHistogram(Exposure.Pot(5e19)).Integral());
    }

    [Fact]
    public void Add_DifferentPot_RescalesRightToLeftExposure()
    {
        var a = Make("a", Exposure.Pot(1e20), (0.5, 1));
        var b = Make("b", Exposure.Pot(4e20), (0.5, 8), (1.5, 4));
        var sum = a + b;
        Assert.Equal(Exposure.Pot(1e20), sum.Exposure);
        Assert.Equal(1 + 8 / 4.0, sum.Histogram.BinContent(0));
        Assert.Equal(1.0, sum.Histogram.BinContent(1));
        Assert.Equal(1 + 64 / 16.0, sum.Histogram.SumW2[1]);   // variance of b scales with the square
        var diff = a - b;
        Assert.Equal(1 - 2.0, diff.Histogram.BinContent(0));
        Assert.Equal(1 + 4.0, diff.Histogram.SumW2[1]);       // variances add for a difference
    }

    [Fact]
    public void Add_PotWithLivetime_RefusesNamingBoth()
    {
        var beam = Make("beam", Exposure.Pot(1e20), (0.5, 1));
        var cosmic = Make("cosmics", Exposure.LivetimeSeconds(3600), (0.5, 1));
        var e = Assert.Throws<InvalidOperationException>(() => beam + cosmic);
        Assert.Contains("beam", e.Message);
        Assert.Contains("cosmics", e.Message);
        Assert.Contains("do not mix", e.Message);
        Assert.Throws<InvalidOperationException>(() => beam.ScaledTo(Exposure.LivetimeSeconds(10)));
        Assert.Throws<InvalidOperationException>(() => cosmic.Integral(Exposure.Pot(1e20)));
        Assert.Throws<InvalidOperationException>(() => beam.AddSample(cosmic));
    }

    [Fact]
    public void Add_EmptyRightOfOtherKind_AddsNothing()
    {
        var beam = Make("beam", Exposure.Pot(1e20), (0.5, 1));
        var empty = Make("empty", Exposure.None);
        var sum = beam + empty;
        Assert.Equal(1.0, sum.Histogram.Integral());
        Assert.Equal(Exposure.Pot(1e20), sum.Exposure);
    }

    [Fact]
    public void Add_ZeroExposureWithContent_Refuses()
    {
        var a = Make("a", Exposure.Pot(1e20), (0.5, 1));
        var z = Make("z", Exposure.Pot(0), (0.5, 1));
        Assert.Throws<InvalidOperationException>(() => a + z);
        Assert.Throws<InvalidOperationException>(() => z.ScaledTo(Exposure.Pot(1)));
    }

    [Fact]
    public void Add_Livetime_RescalesBySeconds()
    {
        var a = Make("a", Exposure.LivetimeSeconds(100), (0.5, 1));
        var b = Make("b", Exposure.LivetimeSeconds(50), (0.5, 1));
        Assert.Equal(3.0, (a + b).Histogram.Integral());
    }

    [Fact]
    public void AddSample_SameKind_AddsHistogramsAndExposures()
    {
        var a = Make("a", Exposure.Pot(1e20), (0.5, 1));
        var b = Make("b", Exposure.Pot(3e20), (0.5, 2));
        a.AddSample(b);
        Assert.Equal(Exposure.Pot(4e20), a.Exposure);
        Assert.Equal(3.0, a.Histogram.Integral());
        Assert.Equal(1.5, a.Integral(Exposure.Pot(2e20)));
    }

    [Fact]
    public void Add_DifferentBinning_Throws()
    {
        var a = Make("a", Exposure.Pot(1e20), (0.5, 1));
        var b = new Spectrum(new Histogram1D(new RegularAxis(3, 0, 2), "b3"), Exposure.Pot(1e20));
        b.Histogram.Fill(0.1);
        var e = Assert.Throws<ArgumentException>(() => a + b);
        Assert.Contains("b3", e.Message);
    }

    [Fact]
    public void Constructor_NoneKindWithValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Spectrum(new RegularAxis(1, 0, 1), new Exposure(5, ExposureKind.None)));
    }

    [Fact]
    public void FakeData_ScalesAndSetsPoissonVariance()
    {
        var s = Make("sig", Exposure.Pot(1e20), (0.5, 2), (0.5, 2), (1.5, 1));
        var d = s.FakeData(Exposure.Pot(3e20));
        Assert.Equal(12.0, d.Histogram.BinContent(0));
        Assert.Equal(12.0, d.Histogram.SumW2[1]);
        Assert.Equal(3.0, d.Histogram.SumW2[2]);
        Assert.Equal(Exposure.Pot(3e20), d.Exposure);
        var scaled = s.Scaled(0.5);
        Assert.Equal(2.0, scaled.Histogram.BinContent(0));
        Assert.Equal(2.0, scaled.Histogram.SumW2[1]);   // (4 + 4) × 0.25
        Assert.Equal(s.Exposure, scaled.Exposure);
    }

    [Fact]
    public void MockData_IsReproducibleIntegerPoissonAroundPrediction()
    {
        var s = Make("sig", Exposure.Pot(1e20), (0.5, 2.5), (1.5, 40));
        var a = s.MockData(Exposure.Pot(2e20), seed: 42);
        var b = s.MockData(Exposure.Pot(2e20), seed: 42);
        Assert.Equal(a.Histogram.SumW.ToArray(), b.Histogram.SumW.ToArray());
        Assert.All(a.Histogram.SumW.ToArray(), v => Assert.Equal(Math.Round(v), v));
        Assert.Equal(a.Histogram.SumW.ToArray(), a.Histogram.SumW2.ToArray());
        // Mean and variance over toys: Poisson with λ = 5 and 80 (σ of the mean = √(λ/N)).
        const int toys = 4000;
        double s0 = 0, s1 = 0, q1 = 0;
        for (int t = 0; t < toys; t++)
        {
            var h = s.MockData(Exposure.Pot(2e20), seed: t).Histogram;
            s0 += h.BinContent(0); s1 += h.BinContent(1); q1 += h.BinContent(1) * h.BinContent(1);
        }
        Assert.InRange(s0 / toys, 5 - 4 * Math.Sqrt(5.0 / toys), 5 + 4 * Math.Sqrt(5.0 / toys));
        Assert.InRange(s1 / toys, 80 - 4 * Math.Sqrt(80.0 / toys), 80 + 4 * Math.Sqrt(80.0 / toys));
        double var1 = q1 / toys - (s1 / toys) * (s1 / toys);
        Assert.InRange(var1, 80 * 0.9, 80 * 1.1);
        var neg = Make("neg", Exposure.Pot(1e20), (0.5, -1));
        Assert.Contains("bin 0", Assert.Throws<InvalidOperationException>(() => neg.MockData(Exposure.Pot(1e20), 1)).Message);
    }
}
