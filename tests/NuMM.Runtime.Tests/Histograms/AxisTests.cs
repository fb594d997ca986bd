using NuMM.Runtime.Histograms;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Histograms;

public class AxisTests
{
    [Fact]
    public void RegularAxis_EdgesAndFlow_MapToDocumentedIndices()
    {
        var a = new RegularAxis(4, 0, 2, "E", "GeV");
        Assert.Equal(4, a.Count);
        Assert.Equal(-1, a.Index(-0.1));
        Assert.Equal(-1, a.Index(double.NegativeInfinity));
        Assert.Equal(0, a.Index(0));
        Assert.Equal(0, a.Index(0.49));
        Assert.Equal(1, a.Index(0.5));
        Assert.Equal(3, a.Index(Math.BitDecrement(2.0)));
        Assert.Equal(4, a.Index(2.0));          // upper edge is exclusive
        Assert.Equal(4, a.Index(double.PositiveInfinity));
        Assert.Equal(4, a.Index(double.NaN));   // NaN goes to overflow
        Assert.Equal(double.NegativeInfinity, a.Lower(-1));
        Assert.Equal(double.PositiveInfinity, a.Upper(4));
        Assert.Equal(1.5, a.Lower(3));
        Assert.Equal(2.0, a.Upper(3));
        Assert.Equal(2.0, a.InverseWidth);
        Assert.Equal("GeV", a.Unit);
        Assert.Equal("E", a.Label);
    }

    [Theory]
    [InlineData(10, 0.0, 1.0)]
    [InlineData(7, -0.3, 1.1)]
    [InlineData(3, 0.1, 0.7)]
    [InlineData(1000, 0.0, 1e-3)]
    [InlineData(20, 0.0, 0.005)]
    [InlineData(1, -5.0, 5.0)]
    public void RegularAxis_EveryEdgeAndNeighbour_AgreesWithLowerUpper(int bins, double min, double max)
    {
        var a = new RegularAxis(bins, min, max);
        for (int b = 0; b < bins; b++)
        {
            double lo = a.Lower(b), hi = a.Upper(b);
            Assert.Equal(b, a.Index(lo));
            Assert.Equal(b, a.Index(Math.BitDecrement(hi)));
            Assert.Equal(b - 1, a.Index(Math.BitDecrement(lo)));
            Assert.Equal(lo, b == 0 ? min : a.Upper(b - 1));
        }
        Assert.Equal(max, a.Upper(bins - 1));
    }

    [Fact]
    public void RegularAxis_RandomValues_MatchLinearEdgeSearch()
    {
        var a = new RegularAxis(37, -1.3, 2.9);
        foreach (double x in TestData.AxisProbe(5000, 37, -1.3, 2.9, 11))
        {
            int expected = x < a.Lower(0) ? -1 : !(x < a.Upper(36)) ? 37 : -2;
            if (expected == -2)
                for (int b = 0; b < 37; b++) if (a.Lower(b) <= x && x < a.Upper(b)) { expected = b; break; }
            Assert.Equal(expected, a.Index(x));
        }
    }

    [Theory]
    [InlineData(0, 0.0, 1.0)]
    [InlineData(-3, 0.0, 1.0)]
    [InlineData(5, 1.0, 1.0)]
    [InlineData(5, 2.0, 1.0)]
    [InlineData(5, double.NaN, 1.0)]
    [InlineData(5, 0.0, double.PositiveInfinity)]
    public void RegularAxis_BadArguments_Throw(int bins, double min, double max)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new RegularAxis(bins, min, max, "Ecal"));
        Assert.Contains("Ecal", e.Message);
    }

    [Fact]
    public void RegularAxis_BinsBelowDoubleResolution_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new RegularAxis(8, 1e16, 1e16 + 4, "t", "s"));
        Assert.Contains("below double resolution", e.Message);
    }

    [Fact]
    public void RegularAxis_BinOutsideFlowRange_Throws()
    {
        var a = new RegularAxis(3, 0, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Lower(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Upper(-2));
    }

    [Fact]
    public void VariableAxis_EdgesFlowAndNaN_MapToDocumentedIndices()
    {
        var a = new VariableAxis([0.0, 0.5, 2.0, 10.0], "E", "GeV");
        Assert.Equal(3, a.Count);
        Assert.Equal(-1, a.Index(Math.BitDecrement(0.0)));
        Assert.Equal(0, a.Index(0.0));
        Assert.Equal(0, a.Index(0.4999));
        Assert.Equal(1, a.Index(0.5));
        Assert.Equal(2, a.Index(9.99));
        Assert.Equal(3, a.Index(10.0));
        Assert.Equal(3, a.Index(double.NaN));
        Assert.Equal(3, a.Index(double.PositiveInfinity));
        Assert.Equal(-1, a.Index(double.NegativeInfinity));
        Assert.Equal(2.0, a.Lower(2));
        Assert.Equal(10.0, a.Upper(2));
        Assert.Equal(4, a.Edges.Length);
    }

    [Fact]
    public void VariableAxis_EdgesArray_IsCopied()
    {
        var edges = new[] { 0.0, 1.0, 2.0 };
        var a = new VariableAxis(edges);
        edges[1] = 1.5;
        Assert.Equal(1.0, a.Lower(1));
    }

    [Fact]
    public void VariableAxis_RandomValues_MatchLinearEdgeSearch()
    {
        var edges = new[] { -3.0, -1.0, -0.5, 0.0, 0.1, 0.7, 5.0, 100.0 };
        var a = new VariableAxis(edges);
        foreach (double x in TestData.AxisProbe(3000, 7, -3.0, 100.0, 5))
        {
            int expected = double.IsNaN(x) || x >= 100.0 ? 7 : x < -3.0 ? -1 : Array.FindLastIndex(edges, e => e <= x);
            Assert.Equal(expected, a.Index(x));
        }
        foreach (double e in edges[..^1]) Assert.Equal(Array.IndexOf(edges, e), a.Index(e));
    }

    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 0.0, 0.0, 1.0 })]
    [InlineData(new[] { 0.0, 2.0, 1.0 })]
    [InlineData(new[] { 0.0, double.NaN })]
    [InlineData(new[] { double.NegativeInfinity, 0.0 })]
    public void VariableAxis_BadEdges_ThrowNamingTheAxis(double[] edges)
    {
        var e = Assert.Throws<ArgumentException>(() => new VariableAxis(edges, "theta", "rad"));
        Assert.Contains("theta", e.Message);
    }
}
