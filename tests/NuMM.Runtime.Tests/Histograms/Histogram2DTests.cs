using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Tests.Histograms;

public class Histogram2DTests
{
    [Fact]
    public void Fill_CellLayout_IsXMajorWithFlowOffsets()
    {
        var h = new Histogram2D(new RegularAxis(2, 0, 2), new RegularAxis(3, 0, 3), "h");
        Assert.Equal(4 * 5, h.SumW.Length);
        h.Fill(1.5, 0.5, 2.0);                 // ix 1, iy 0 → (1+1)*5 + (0+1) = 11
        Assert.Equal(2.0, h.SumW[11]);
        Assert.Equal(4.0, h.SumW2[11]);
        Assert.Equal(11, h.Cell(1, 0));
        h.Fill(-1, 99, 1.0);                   // under x, over y → 0*5 + 4 = 4
        Assert.Equal(1.0, h.SumW[4]);
        h.Fill(double.NaN, -1, 1.0);           // NaN x → over (3), under y → 3*5 + 0 = 15
        Assert.Equal(1.0, h.SumW[15]);
        Assert.Equal(2.0, h.BinContent(1, 0));
        Assert.Equal(1.0, h.BinContent(2, -1));
        Assert.Equal(2.0, h.Integral());
        Assert.Equal(4.0, h.Integral(includeFlow: true));
        Assert.Equal(Math.Sqrt(4.0), h.BinError(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Cell(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.FillCell(20, 1));
    }

    [Fact]
    public void Projections_SumOtherAxisIncludingFlow()
    {
        var h = new Histogram2D(new RegularAxis(2, 0, 2), new VariableAxis([0, 1, 3]), "h");
        h.Fill(0.5, 0.5, 1);
        h.Fill(0.5, 2.5, 2);
        h.Fill(0.5, 9.0, 4);   // y overflow
        h.Fill(1.5, -1, 8);    // y underflow
        h.Fill(7, 0.5, 16);    // x overflow
        var px = h.ProjectionX();
        Assert.Equal("h_px", px.Name);
        Assert.Equal([0.0, 7.0, 8.0, 16.0], px.SumW.ToArray());
        Assert.Equal([0.0, 21.0, 64.0, 256.0], px.SumW2.ToArray());
        var py = h.ProjectionY("y");
        Assert.Equal([8.0, 17.0, 2.0, 4.0], py.SumW.ToArray());
        Assert.Equal(h.Integral(true), px.Integral(true));
    }

    [Fact]
    public void SpanFill_MatchesScalarFill()
    {
        var h = new Histogram2D(new RegularAxis(13, -1, 1), new VariableAxis([0, 0.2, 0.3, 1]), "h");
        var g = h.CloneEmpty();
        var x = Support.TestData.AxisProbe(777, 13, -1, 1, 1);
        var y = Support.TestData.AxisProbe(777, 3, 0, 1, 2);
        var w = x.Select((_, i) => Support.TestData.Uniform(i, 3) * 3 - 1).ToArray();
        h.Fill(x, y, w);
        for (int i = 0; i < x.Length; i++) g.Fill(x[i], y[i], w[i]);
        Assert.Equal(g.SumW.ToArray(), h.SumW.ToArray());
        Assert.Equal(g.SumW2.ToArray(), h.SumW2.ToArray());
    }

    [Fact]
    public void SpanFill_FloatOverloads_MatchScalarFill()
    {
        var h = new Histogram2D(new RegularAxis(7, 0, 1), new RegularAxis(5, -1, 1), "h");
        var x = Support.TestData.AxisProbe(600, 7, 0, 1, 4).Select(v => (float)v).ToArray();
        var y = Support.TestData.AxisProbe(600, 5, -1, 1, 5).Select(v => (float)v).ToArray();
        var wf = x.Select((_, i) => (float)(Support.TestData.Uniform(i, 6) + 0.1)).ToArray();
        var wd = wf.Select(v => 1.5 * v).ToArray();
        var g = h.CloneEmpty();
        h.Fill(x, y, wf);
        h.Fill(x, y, wd);
        for (int i = 0; i < x.Length; i++) g.Fill(x[i], y[i], wf[i]);
        for (int i = 0; i < x.Length; i++) g.Fill(x[i], y[i], wd[i]);
        Assert.Equal(g.SumW.ToArray(), h.SumW.ToArray());
        Assert.Equal(g.SumW2.ToArray(), h.SumW2.ToArray());
        var xd = x.Select(v => (double)v).ToArray(); var yd = y.Select(v => (double)v).ToArray();
        var h2 = h.CloneEmpty(); var g2 = h.CloneEmpty();
        h2.Fill(xd, yd, wf);
        for (int i = 0; i < x.Length; i++) g2.Fill(xd[i], yd[i], wf[i]);
        Assert.Equal(g2.SumW.ToArray(), h2.SumW.ToArray());
        Assert.Throws<ArgumentException>(() => h.Fill(x, y, new float[3]));
    }

    [Fact]
    public void FillRows_MatchesPerEventFillInRowOrder_AndBadWeightLeavesHistogramUntouched()
    {
        var h = new Histogram2D(new RegularAxis(9, 0, 1), new VariableAxis([-1, 0, 0.5, 1]), "h");
        var x = Support.TestData.AxisProbe(900, 9, 0, 1, 7);
        var y = Support.TestData.AxisProbe(900, 3, -1, 1, 8);
        var w = x.Select((_, i) => Support.TestData.Uniform(i, 9) + 0.2).ToArray();
        var rows = Enumerable.Range(0, 900).Where(i => i % 3 != 1).Reverse().ToArray();
        var g = h.CloneEmpty();
        h.FillRows(x, y, w, rows);
        foreach (int r in rows) g.Fill(x[r], y[r], w[r]);
        Assert.Equal(g.SumW.ToArray(), h.SumW.ToArray());
        Assert.Equal(g.SumW2.ToArray(), h.SumW2.ToArray());
        var xf = x.Select(v => (float)v).ToArray(); var yf = y.Select(v => (float)v).ToArray(); var wf = w.Select(v => (float)v).ToArray();
        var hf = h.CloneEmpty(); var gf = h.CloneEmpty();
        hf.FillRows(xf, yf, wf, rows);
        foreach (int r in rows) gf.Fill(xf[r], yf[r], wf[r]);
        Assert.Equal(gf.SumW.ToArray(), hf.SumW.ToArray());
        var e = h.CloneEmpty();
        w[5] = double.NaN;
        Assert.Throws<ArgumentException>(() => e.Fill(x, y, w));
        Assert.Throws<ArgumentException>(() => e.FillRows(x, y, w, [0, 5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => e.FillRows(x, y, w, [900]));
        Assert.Equal(0.0, e.Integral(true));
    }

    [Fact]
    public void AddScaleReset_Work_AndMismatchNamesBoth()
    {
        var a = new Histogram2D(new RegularAxis(2, 0, 2), new RegularAxis(2, 0, 2), "reco_vs_true");
        var b = a.CloneEmpty();
        a.Fill(0.5, 0.5, 1); b.Fill(0.5, 0.5, 2);
        a.Add(b);
        a.Scale(2);
        Assert.Equal(6.0, a.BinContent(0, 0));
        Assert.Equal(20.0, a.SumW2[a.Cell(0, 0)]);
        var c = new Histogram2D(new RegularAxis(2, 0, 2), new RegularAxis(2, 0, 3), "other");
        var e = Assert.Throws<ArgumentException>(() => a.Add(c));
        Assert.Contains("reco_vs_true", e.Message);
        Assert.Contains("other", e.Message);
        a.Reset();
        Assert.Equal(0.0, a.Integral(true));
    }
}
