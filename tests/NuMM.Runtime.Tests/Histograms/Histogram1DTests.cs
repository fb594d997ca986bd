using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Tests.Histograms;

public class Histogram1DTests
{
    [Fact]
    public void Fill_WeightedValues_LandInCellsWithSumW2()
    {
        var h = new Histogram1D(new RegularAxis(2, 0, 2), "h");
        h.Fill(0.5, 2.0);
        h.Fill(0.7, 3.0);
        h.Fill(1.5);
        h.Fill(-1, 0.5);
        h.Fill(double.NaN, 4.0);
        h.Fill(double.PositiveInfinity, 1.0);
        h.Fill(double.NegativeInfinity, 1.0);
        Assert.Equal(4, h.SumW.Length);
        Assert.Equal([1.5, 5.0, 1.0, 5.0], h.SumW.ToArray());
        Assert.Equal([1.25, 13.0, 1.0, 17.0], h.SumW2.ToArray());
        Assert.Equal(5.0, h.BinContent(0));
        Assert.Equal(Math.Sqrt(13.0), h.BinError(0));
        Assert.Equal(5.0, h.BinContent(2));  // overflow: NaN (4) + +∞ (1)
        Assert.Equal(1.5, h.BinContent(-1));
        Assert.Equal(6.0, h.Integral());
        Assert.Equal(12.5, h.Integral(includeFlow: true));
        Assert.Equal(Math.Sqrt(14.0), h.IntegralError());
        Assert.Equal(Math.Sqrt(32.25), h.IntegralError(includeFlow: true));
        Assert.Equal(11.0, h.Integral(0, 2));
        Assert.Equal(6.0, h.Integral(1, 2));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Fill_NonFiniteWeight_ThrowsNamingHistogram(double w)
    {
        var h = new Histogram1D(new RegularAxis(2, 0, 2), "etheta2");
        var e = Assert.Throws<ArgumentException>(() => h.Fill(0.5, w));
        Assert.Contains("etheta2", e.Message);
        Assert.Equal(0.0, h.Integral(true));
        Assert.Throws<ArgumentException>(() => h.Fill([0.5, 0.6], [1.0, w]));
    }

    [Fact]
    public void FillCell_OutOfRange_Throws()
    {
        var h = new Histogram1D(new RegularAxis(2, 0, 2), "h");
        h.FillCell(3, 1.0);
        Assert.Equal(1.0, h.BinContent(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.FillCell(4, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.FillCell(-1, 1.0));
    }

    [Fact]
    public void Add_SameBinning_AddsCellsIncludingFlow()
    {
        var a = new Histogram1D(new RegularAxis(3, 0, 3), "a");
        var b = new Histogram1D(new RegularAxis(3, 0, 3), "b");
        a.Fill(0.5, 1); a.Fill(5, 2);
        b.Fill(0.5, 3); b.Fill(-5, 4);
        a.Add(b);
        Assert.Equal([4.0, 4.0, 0, 0, 2.0], a.SumW.ToArray());
        Assert.Equal([16.0, 10.0, 0, 0, 4.0], a.SumW2.ToArray());
    }

    [Fact]
    public void Add_VariableAxisWithSameEdgesAsRegular_IsAccepted()
    {
        var a = new Histogram1D(new RegularAxis(2, 0, 1), "a");
        var b = new Histogram1D(new VariableAxis([0, 0.5, 1]), "b");
        b.Fill(0.7);
        a.Add(b);
        Assert.Equal(1.0, a.BinContent(1));
    }

    [Fact]
    public void Add_DifferentBinning_ThrowsNamingBoth()
    {
        var a = new Histogram1D(new RegularAxis(3, 0, 3), "Ecal");
        var b = new Histogram1D(new RegularAxis(3, 0, 4), "EcalShifted");
        var e = Assert.Throws<ArgumentException>(() => a.Add(b));
        Assert.Contains("'Ecal'", e.Message);
        Assert.Contains("'EcalShifted'", e.Message);
        var c = new Histogram1D(new VariableAxis([0, 1, 2.5, 3]), "EcalVar");
        e = Assert.Throws<ArgumentException>(() => a.Add(c));
        Assert.Contains("EcalVar", e.Message);
    }

    [Fact]
    public void Scale_MultipliesSumWAndSquaresIntoSumW2()
    {
        var h = new Histogram1D(new RegularAxis(1, 0, 1), "h");
        h.Fill(0.5, 2);
        h.Fill(7, 1);
        h.Scale(3);
        Assert.Equal([0.0, 6.0, 3.0], h.SumW.ToArray());
        Assert.Equal([0.0, 36.0, 9.0], h.SumW2.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Scale(double.NaN));
        h.Reset();
        Assert.Equal(0.0, h.Integral(true));
        Assert.All(h.SumW2.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Clone_IsIndependentCopy()
    {
        var h = new Histogram1D(new RegularAxis(2, 0, 2), "h");
        h.Fill(0.5);
        var c = h.Clone("c");
        h.Fill(0.5);
        Assert.Equal(1.0, c.BinContent(0));
        Assert.Equal("c", c.Name);
        Assert.Same(h.Axis, c.Axis);
        Assert.Equal(0.0, h.CloneEmpty().Integral(true));
    }

    [Fact]
    public void VariableAxisHistogram_SpanFill_MatchesScalarFill()
    {
        var axis = new VariableAxis([0, 0.1, 0.5, 0.55, 2.0]);
        var x = Support.TestData.AxisProbe(1000, 4, 0, 2.0, 3);
        var w = x.Select((_, i) => 0.5 + Support.TestData.Uniform(i, 9)).ToArray();
        var a = new Histogram1D(axis); var b = new Histogram1D(axis);
        a.Fill(x, w);
        for (int i = 0; i < x.Length; i++) b.Fill(x[i], w[i]);
        Assert.Equal(b.SumW.ToArray(), a.SumW.ToArray());
        Assert.Equal(b.SumW2.ToArray(), a.SumW2.ToArray());
    }
}
