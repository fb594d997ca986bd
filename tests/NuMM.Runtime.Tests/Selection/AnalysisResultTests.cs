using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class AnalysisResultTests
{
    [Fact]
    public void Lookup_ByName_AndUnknownNameListsNames()
    {
        var r = new TestKernel().CreateResult();
        Assert.Equal("x", r.Histogram1D("x").Name);
        Assert.Equal("xy", r.Histogram2D("xy").Name);
        var e = Assert.Throws<KeyNotFoundException>(() => r.Histogram1D("z"));
        Assert.Contains("x, y", e.Message);
        Assert.Throws<KeyNotFoundException>(() => r.Histogram2D("x"));
        Assert.Equal(Exposure.Pot(1e20), r.Spectrum("x", Exposure.Pot(1e20)).Exposure);
    }

    [Fact]
    public void AddResetCloneEmpty_Work()
    {
        var a = new TestKernel().CreateResult();
        var b = a.CloneEmpty();
        b.Histogram1D("x").Fill(0.5, 2);
        b.CutFlow.Passed[0] = 3;
        a.Add(b);
        a.Add(b);
        Assert.Equal(4.0, a.Histogram1D("x").Integral());
        Assert.Equal(6, a.CutFlow.Passed[0]);
        Assert.Equal(0.0, a.CloneEmpty().Histogram1D("x").Integral(true));
        a.Reset();
        Assert.Equal(0, a.CutFlow.Passed[0]);
        Assert.Equal(0.0, a.Histogram1D("x").Integral(true));
    }

    [Fact]
    public void Add_DifferentShape_ThrowsClearly()
    {
        var a = new TestKernel().CreateResult();
        var fewer = new AnalysisResult("Other", new CutFlow(TestKernel.CutNames), [a.Histograms1D[0].CloneEmpty()], []);
        Assert.Contains("Other", Assert.Throws<ArgumentException>(() => a.Add(fewer)).Message);
        var renamed = new AnalysisResult("Other", new CutFlow(TestKernel.CutNames),
            [a.Histograms1D[0].CloneEmpty(), new Histogram1D(a.Histograms1D[1].Axis, "yy")], [a.Histograms2D[0].CloneEmpty()]);
        Assert.Contains("'yy'", Assert.Throws<ArgumentException>(() => a.Add(renamed)).Message);
        var otherCuts = new AnalysisResult("Other", new CutFlow(["q"]),
            [a.Histograms1D[0].CloneEmpty(), a.Histograms1D[1].CloneEmpty()], [a.Histograms2D[0].CloneEmpty()]);
        Assert.Throws<ArgumentException>(() => a.Add(otherCuts));
    }

    [Fact]
    public void Constructor_DuplicateHistogramNames_Throws()
    {
        var axis = new RegularAxis(1, 0, 1);
        var e = Assert.Throws<ArgumentException>(() => new AnalysisResult("A", new CutFlow(["c"]), [new Histogram1D(axis, "h"), new Histogram1D(axis, "h")], []));
        Assert.Contains("'h'", e.Message);
    }
}
