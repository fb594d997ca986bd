using System.Numerics;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests.Support;

/// <summary>An independent reference for error-free summation: every finite double is an integer multiple of 2^−1074, so
/// a sum of doubles is held exactly as a BigInteger count of 2^−1074 and rounded to the nearest double (ties to even) by
/// hand. Slow and simple on purpose; it shares nothing with the expansion arithmetic of the runtime.</summary>
internal static class RationalSum
{
    /// <summary>The correctly rounded sum of <paramref name="values"/> (all finite).</summary>
    public static double Of(IEnumerable<double> values)
    {
        BigInteger s = BigInteger.Zero;
        foreach (var v in values) s += Scaled(v);
        return ToDouble(s);
    }

    /// <summary><paramref name="v"/> × 2^1074 as an integer (exact).</summary>
    public static BigInteger Scaled(double v)
    {
        if (!double.IsFinite(v)) throw new ArgumentException("finite values only");
        long bits = BitConverter.DoubleToInt64Bits(v);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        // v = mantissa × 2^(exponent − 1075) = mantissa × 2^(exponent − 1) × 2^−1074.
        var r = new BigInteger(mantissa) << (exponent - 1);
        return negative ? -r : r;
    }

    /// <summary>The double nearest to <paramref name="s"/> × 2^−1074, ties to even.</summary>
    public static double ToDouble(BigInteger s)
    {
        if (s.IsZero) return 0;
        bool negative = s.Sign < 0;
        var a = BigInteger.Abs(s);
        long length = (long)a.GetBitLength();
        double r;
        if (length <= 53)
        {
            r = Math.ScaleB((double)a, -1074);
        }
        else
        {
            int shift = (int)(length - 53);
            var m = a >> shift;
            var rem = a - (m << shift);
            var half = BigInteger.One << (shift - 1);
            if (rem > half || (rem == half && !m.IsEven)) m += 1;
            r = Math.ScaleB((double)m, shift - 1074);
        }
        return negative ? -r : r;
    }

    /// <summary>The result the runner must give for these per-batch partials: counts added, every weighted quantity the
    /// correctly rounded exact sum over the partials.</summary>
    public static AnalysisResult OfResults(IReadOnlyList<AnalysisResult> partials)
    {
        var total = partials[0].CloneEmpty();
        Fill(total, partials.Select(p => p).ToList());
        for (int v = 0; v < total.Variations.Count; v++)
            Fill(total.Variations[v].Result, partials.Select(p => p.Variations[v].Result).ToList());
        return total;
    }

    private static void Fill(AnalysisResult into, List<AnalysisResult> parts)
    {
        var cf = into.CutFlow;
        for (int i = 0; i < cf.Passed.Length; i++) cf.Passed[i] = parts.Sum(p => p.CutFlow.Passed[i]);
        for (int i = 0; i < cf.PassedAllOthers.Length; i++) cf.PassedAllOthers[i] = parts.Sum(p => p.CutFlow.PassedAllOthers[i]);
        Each(cf.SumW, parts.Select(p => p.CutFlow.SumW));
        Each(cf.SumW2, parts.Select(p => p.CutFlow.SumW2));
        Each(cf.SumWAllOthers, parts.Select(p => p.CutFlow.SumWAllOthers));
        Each(cf.SumW2AllOthers, parts.Select(p => p.CutFlow.SumW2AllOthers));
        for (int h = 0; h < into.Histograms1D.Count; h++)
        {
            Each(into.Histograms1D[h].SumW, parts.Select(p => p.Histograms1D[h].SumW.ToArray()));
            Each(into.Histograms1D[h].SumW2, parts.Select(p => p.Histograms1D[h].SumW2.ToArray()));
        }
        for (int h = 0; h < into.Histograms2D.Count; h++)
        {
            Each(into.Histograms2D[h].SumW, parts.Select(p => p.Histograms2D[h].SumW.ToArray()));
            Each(into.Histograms2D[h].SumW2, parts.Select(p => p.Histograms2D[h].SumW2.ToArray()));
        }
    }

    private static void Each(Span<double> into, IEnumerable<double[]> parts)
    {
        var list = parts.ToList();
        for (int i = 0; i < into.Length; i++) into[i] = Of(list.Select(p => p[i]));
    }
}
