using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Support;

/// <summary>Bitwise comparison of two analysis results, their exposures and all their variations.</summary>
internal static class ResultAssert
{
    public static void BitwiseEqual(AnalysisResult a, AnalysisResult b, string what)
    {
        Assert.Equal(a.Exposure, b.Exposure);
        Assert.Equal(a.CutFlow.CutNames, b.CutFlow.CutNames);
        Assert.Equal(a.CutFlow.Passed, b.CutFlow.Passed);
        Assert.Equal(a.CutFlow.PassedAllOthers, b.CutFlow.PassedAllOthers);
        Bits(a.CutFlow.SumW, b.CutFlow.SumW, what + " cut flow SumW");
        Bits(a.CutFlow.SumW2, b.CutFlow.SumW2, what + " cut flow SumW2");
        Bits(a.CutFlow.SumWAllOthers, b.CutFlow.SumWAllOthers, what + " N-1 SumW");
        Bits(a.CutFlow.SumW2AllOthers, b.CutFlow.SumW2AllOthers, what + " N-1 SumW2");
        Assert.Equal(a.Histograms1D.Count, b.Histograms1D.Count);
        for (int i = 0; i < a.Histograms1D.Count; i++)
        {
            Assert.Equal(a.Histograms1D[i].Name, b.Histograms1D[i].Name);
            Bits(a.Histograms1D[i].SumW.ToArray(), b.Histograms1D[i].SumW.ToArray(), $"{what} h1[{i}] SumW");
            Bits(a.Histograms1D[i].SumW2.ToArray(), b.Histograms1D[i].SumW2.ToArray(), $"{what} h1[{i}] SumW2");
        }
        Assert.Equal(a.Histograms2D.Count, b.Histograms2D.Count);
        for (int i = 0; i < a.Histograms2D.Count; i++)
        {
            Bits(a.Histograms2D[i].SumW.ToArray(), b.Histograms2D[i].SumW.ToArray(), $"{what} h2[{i}] SumW");
            Bits(a.Histograms2D[i].SumW2.ToArray(), b.Histograms2D[i].SumW2.ToArray(), $"{what} h2[{i}] SumW2");
        }
        Assert.Equal(a.Variations.Count, b.Variations.Count);
        for (int i = 0; i < a.Variations.Count; i++)
        {
            Assert.True(a.Variations[i].SameVariationAs(b.Variations[i]), $"{what}: variation {i} is {a.Variations[i].Label} vs {b.Variations[i].Label}");
            BitwiseEqual(a.Variations[i].Result, b.Variations[i].Result, $"{what} / {a.Variations[i].Label}");
        }
    }

    public static void Bits(double[] a, double[] b, string what)
    {
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]), $"{what}[{i}]: {a[i]:R} vs {b[i]:R}");
    }
}
