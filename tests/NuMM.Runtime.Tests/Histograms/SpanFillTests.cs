using System.Runtime.Intrinsics;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Histograms;

public class SpanFillTests
{
    internal static readonly SimdWidth[] Widths = [SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512, SimdWidth.Auto];

    private static readonly int[] Lengths = [.. Enumerable.Range(0, 257), 100_003];

    private static (Histogram1D Span, Histogram1D Scalar) Pair(int bins = 23, double min = -0.7, double max = 1.9)
    {
        var axis = new RegularAxis(bins, min, max, "x");
        return (new Histogram1D(axis, "span"), new Histogram1D(axis, "scalar"));
    }

    private static void AssertSame(Histogram1D expected, Histogram1D actual, string what)
    {
        var e = expected.SumW.ToArray(); var a = actual.SumW.ToArray();
        for (int c = 0; c < e.Length; c++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e[c]) == BitConverter.DoubleToInt64Bits(a[c]), $"{what}: SumW cell {c}: {e[c]:R} vs {a[c]:R}");
            Assert.True(BitConverter.DoubleToInt64Bits(expected.SumW2[c]) == BitConverter.DoubleToInt64Bits(actual.SumW2[c]), $"{what}: SumW2 cell {c}");
        }
    }

    [Fact]
    public void SpanFill_DoubleValuesDoubleWeights_EveryLengthAndWidth_BitwiseEqualsScalar()
    {
        foreach (int n in Lengths)
        {
            var x = TestData.AxisProbe(n, 23, -0.7, 1.9, n);
            var w = Enumerable.Range(0, n).Select(i => 0.1 + 2.3 * TestData.Uniform(i, 77)).ToArray();
            var (_, scalar) = Pair();
            for (int i = 0; i < n; i++) scalar.Fill(x[i], w[i]);
            foreach (var width in Widths)
            {
                var (span, _) = Pair();
                span.FillCore<double, double>(x, w, true, width);
                AssertSame(scalar, span, $"n={n} {width}");
            }
        }
    }

    [Fact]
    public void SpanFill_FloatValuesFloatWeights_EveryLengthAndWidth_BitwiseEqualsScalar()
    {
        foreach (int n in Lengths)
        {
            var x = TestData.AxisProbe(n, 23, -0.7, 1.9, n + 1000).Select(v => (float)v).ToArray();
            var w = Enumerable.Range(0, n).Select(i => (float)(0.1 + 2.3 * TestData.Uniform(i, 78))).ToArray();
            var (_, scalar) = Pair();
            for (int i = 0; i < n; i++) scalar.Fill(x[i], w[i]);
            foreach (var width in Widths)
            {
                var (span, _) = Pair();
                span.FillCore<float, float>(x, w, true, width);
                AssertSame(scalar, span, $"n={n} {width}");
            }
        }
    }

    [Fact]
    public void SpanFill_FloatEdgesOfFloatAxis_AgreeWithScalarIndex()
    {
        // A float axis edge such as 0.1f widens to 0.100000001490116…; values around it must bin like Index(double).
        var axis = new RegularAxis(10, 0.1f, 1.1f);
        var x = new List<float>();
        for (int b = 0; b <= 10; b++)
        {
            float e = (float)axis.Lower(Math.Min(b, 10));
            x.AddRange([e, MathF.BitDecrement(e), MathF.BitIncrement(e)]);
        }
        while (x.Count % 64 != 0) x.Add(0.55f);
        foreach (var width in Widths)
        {
            var cells = new int[x.Count];
            RegularBinning.Cells(axis, x.ToArray(), cells, width);
            for (int i = 0; i < x.Count; i++) Assert.Equal(axis.Index(x[i]) + 1, cells[i]);
        }
    }

    [Fact]
    public void SpanFill_MixedPrecisionOverloads_MatchScalar()
    {
        var xd = TestData.AxisProbe(300, 23, -0.7, 1.9, 4);
        var xf = xd.Select(v => (float)v).ToArray();
        var wd = Enumerable.Range(0, 300).Select(i => 3 * TestData.Uniform(i, 5) - 1).ToArray();
        var wf = wd.Select(v => (float)v).ToArray();

        var (a, s) = Pair();
        a.Fill(xd, wf);
        for (int i = 0; i < 300; i++) s.Fill(xd[i], wf[i]);
        AssertSame(s, a, "double x, float w");

        (a, s) = Pair();
        a.Fill(xf, wd);
        for (int i = 0; i < 300; i++) s.Fill(xf[i], wd[i]);
        AssertSame(s, a, "float x, double w");

        (a, s) = Pair();
        a.Fill(xf);
        for (int i = 0; i < 300; i++) s.Fill(xf[i]);
        AssertSame(s, a, "float x, unit w");

        (a, s) = Pair();
        a.Fill(xd);
        for (int i = 0; i < 300; i++) s.Fill(xd[i]);
        AssertSame(s, a, "double x, unit w");
    }

    [Fact]
    public void SpanFill_LengthMismatch_Throws()
    {
        var (a, _) = Pair();
        var e = Assert.Throws<ArgumentException>(() => a.Fill(new double[3], new double[2]));
        Assert.Contains("3 values but 2 weights", e.Message);
    }

    [Fact]
    public void SpanFill_NaNAndInfinities_GoToDocumentedFlowCells()
    {
        foreach (var width in Widths)
        {
            var h = new Histogram1D(new RegularAxis(4, 0, 4));
            var x = Enumerable.Repeat(double.NaN, 16).Concat(Enumerable.Repeat(double.PositiveInfinity, 16))
                .Concat(Enumerable.Repeat(double.NegativeInfinity, 16)).ToArray();
            h.FillCore<double, double>(x, default, false, width);
            Assert.Equal(32.0, h.BinContent(4));
            Assert.Equal(16.0, h.BinContent(-1));
            Assert.Equal(0.0, h.Integral());
        }
    }

    [Fact]
    public void SpanFill_SteadyState_AllocatesNothing()
    {
        var (h, _) = Pair();
        var xd = TestData.AxisProbe(1000, 23, -0.7, 1.9, 8);
        var wd = Enumerable.Range(0, 1000).Select(i => TestData.Uniform(i, 1)).ToArray();
        var xf = xd.Select(v => (float)v).ToArray();
        var wf = wd.Select(v => (float)v).ToArray();
        void FillAll()
        {
            h.Fill(xd, wd); h.Fill(xf, wf); h.Fill(xd, wf); h.Fill(xf, wd); h.Fill(xd); h.Fill(xf);
            for (int i = 0; i < xd.Length; i++) h.Fill(xd[i], wd[i]);
        }
        FillAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 50; r++) FillAll();
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
    }

    [Fact]
    public void BestWidth_FollowsHardwareAcceleration()
    {
        var expected = Vector512.IsHardwareAccelerated ? SimdWidth.V512 : Vector256.IsHardwareAccelerated ? SimdWidth.V256
            : Vector128.IsHardwareAccelerated ? SimdWidth.V128 : SimdWidth.Scalar;
        Assert.Equal(expected, RegularBinning.Best);
    }
}
