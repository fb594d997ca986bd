using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class AnalysisResultJsonTests
{
    private static AnalysisResult Sample() =>
        AnalysisRunner.Run(new TestKernel(), TestKernel.Source(5000), () => TestKernel.NewBatch(512), new RunOptions { MaxThreads = 1 });

    [Fact]
    public void RoundTrip_IsBitwiseIdentical()
    {
        var a = Sample();
        var json = AnalysisResultJson.ToJson(a);
        var b = AnalysisResultJson.FromJson(json);
        Assert.Equal(a.AnalysisName, b.AnalysisName);
        Assert.Equal(a.CutFlow.CutNames, b.CutFlow.CutNames);
        Assert.Equal(a.CutFlow.Passed, b.CutFlow.Passed);
        Assert.Equal(a.CutFlow.PassedAllOthers, b.CutFlow.PassedAllOthers);
        Assert.Equal(a.CutFlow.SumW.Select(BitConverter.DoubleToInt64Bits), b.CutFlow.SumW.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.CutFlow.SumW2AllOthers.Select(BitConverter.DoubleToInt64Bits), b.CutFlow.SumW2AllOthers.Select(BitConverter.DoubleToInt64Bits));
        for (int i = 0; i < a.Histograms1D.Count; i++)
        {
            Assert.Equal(a.Histograms1D[i].Name, b.Histograms1D[i].Name);
            Assert.Equal(a.Histograms1D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits), b.Histograms1D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(a.Histograms1D[i].SumW2.ToArray().Select(BitConverter.DoubleToInt64Bits), b.Histograms1D[i].SumW2.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(a.Histograms1D[i].Axis.Unit, b.Histograms1D[i].Axis.Unit);
        }
        Assert.IsType<VariableAxis>(b.Histogram1D("y").Axis);
        Assert.Equal(a.Histogram2D("xy").SumW.ToArray(), b.Histogram2D("xy").SumW.ToArray());
        // The reloaded result merges with a live one (same binning).
        a.Add(b);
        Assert.Equal(2 * b.CutFlow.Passed[0], a.CutFlow.Passed[0]);
        Assert.Equal(json, AnalysisResultJson.ToJson(b));
    }

    [Fact]
    public void FromJson_Malformed_ThrowsFormatExceptionNamingPart()
    {
        Assert.Throws<FormatException>(() => AnalysisResultJson.FromJson("{"));
        Assert.Contains("format", Assert.Throws<FormatException>(() => AnalysisResultJson.FromJson("{\"format\":\"other\"}")).Message);
        var json = AnalysisResultJson.ToJson(Sample()).Replace("\"sumwAllOthers\"", "\"renamed\"");
        Assert.Contains("sumwAllOthers", Assert.Throws<FormatException>(() => AnalysisResultJson.FromJson(json)).Message);
    }

    [Fact]
    public void Spectrum_RoundTrip_KeepsExposure()
    {
        var h = new Histogram1D(new RegularAxis(3, 0, 0.005, "E θ²", "GeV rad²"), "etheta2");
        h.Fill(0.001, 0.1); h.Fill(0.004, 1.0 / 3); h.Fill(9, 2);
        var s = new Spectrum(h, Exposure.Pot(1.0e21));
        var t = HistogramJson.SpectrumFromJson(HistogramJson.ToJson(s));
        Assert.Equal(s.Exposure, t.Exposure);
        Assert.Equal(h.SumW.ToArray(), t.Histogram.SumW.ToArray());
        Assert.Equal("GeV rad²", t.Histogram.Axis.Unit);
        Assert.Contains("exposure kind", Assert.Throws<FormatException>(() =>
            HistogramJson.SpectrumFromJson(HistogramJson.ToJson(s).Replace("ProtonsOnTarget", "Furlongs"))).Message);
    }
}
