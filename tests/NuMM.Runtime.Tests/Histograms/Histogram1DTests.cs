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
        var e2 = Assert.Throws<ArgumentException>(() => h.Fill([0.5, 0.6], [1.0, w]));
        Assert.Contains("index 1", e2.Message);
        Assert.Equal(0.0, h.Integral(true));   // validated before filling: nothing was added
    }

    [Fact]
    public void FirstNonFinite_EveryLengthAndPosition_FindsTheFirstBadWeight()
    {
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            for (int n = 0; n <= 40; n++)
            {
                var d = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
                var f = d.Select(v => (float)v).ToArray();
                Assert.Equal(-1, FiniteCheck.FirstNonFinite<double>(d));
                Assert.Equal(-1, FiniteCheck.FirstNonFinite<float>(f));
                for (int p = 0; p < n; p++)
                {
                    var dd = (double[])d.Clone(); dd[p] = bad; if (p + 3 < n) dd[p + 3] = bad;
                    var ff = (float[])f.Clone(); ff[p] = (float)bad;
                    Assert.Equal(p, FiniteCheck.FirstNonFinite<double>(dd));
                    Assert.Equal(p, FiniteCheck.FirstNonFinite<float>(ff));
                }
            }
        Assert.Equal(-1, FiniteCheck.FirstNonFinite<double>([double.MaxValue, -double.MaxValue, double.Epsilon]));
    }

    [Fact]
    public void FillRows_SelectionVector_MatchesPerEventFillInRowOrder()
    {
        var axis = new RegularAxis(17, -0.5, 1.2);
        var x = Support.TestData.AxisProbe(1000, 17, -0.5, 1.2, 21);
        var xf = x.Select(v => (float)v).ToArray();
        var w = x.Select((_, i) => 0.3 + Support.TestData.Uniform(i, 22)).ToArray();
        var wf = w.Select(v => (float)v).ToArray();
        var rows = Enumerable.Range(0, 1000).Where(i => Support.TestData.Uniform(i, 23) < 0.6).Reverse().ToArray();
        void Check(Action<Histogram1D> rowsFill, Action<Histogram1D, int> eventFill)
        {
            var a = new Histogram1D(axis); var b = new Histogram1D(axis);
            rowsFill(a);
            foreach (int r in rows) eventFill(b, r);
            Assert.Equal(b.SumW.ToArray(), a.SumW.ToArray());
            Assert.Equal(b.SumW2.ToArray(), a.SumW2.ToArray());
        }
        Check(h => h.FillRows(x, w, rows), (h, r) => h.Fill(x[r], w[r]));
        Check(h => h.FillRows(xf, wf, rows), (h, r) => h.Fill(xf[r], wf[r]));
        Check(h => h.FillRows(x, wf, rows), (h, r) => h.Fill(x[r], wf[r]));
        Check(h => h.FillRows(xf, w, rows), (h, r) => h.Fill(xf[r], w[r]));
        Check(h => h.FillRows(x, rows), (h, r) => h.Fill(x[r]));
        Check(h => h.FillRows(xf, rows), (h, r) => h.Fill(xf[r]));
        var hv = new Histogram1D(new VariableAxis([0, 0.3, 1]));
        hv.FillRows(x, w, rows);
        Assert.True(hv.Integral(true) > 0);
    }

    [Fact]
    public void FillRows_BadRowOrWeight_ThrowsBeforeFilling()
    {
        var h = new Histogram1D(new RegularAxis(2, 0, 2), "h");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => h.FillRows([0.5, 0.6], [1.0, 1.0], [0, 2]));
        Assert.Contains("rows[1] = 2", e.Message);
        Assert.Throws<ArgumentException>(() => h.FillRows([0.5, 0.6], [1.0, double.NaN], [0, 1]));
        h.FillRows([0.5, 0.6], [1.0, double.NaN], [0]);   // unselected bad weights do not matter
        Assert.Equal(1.0, h.Integral(true));
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
