using NuMM.Runtime.Selection;

namespace NuMM.ScaleOut.Tests;

/// <summary>Bitwise comparison of two results: counts, every weighted quantity, every variation, the exposure.</summary>
internal static class ResultCompare
{
    public static bool Identical(AnalysisResult a, AnalysisResult b)
    {
        try { AssertIdentical(a, b, "", true); return true; }
        catch (Xunit.Sdk.XunitException) { return false; }
    }

    public static void AssertIdentical(AnalysisResult expected, AnalysisResult actual, string context, bool compareExposure)
    {
        One(expected, actual, context);
        if (compareExposure) Assert.True(expected.Exposure.Equals(actual.Exposure), $"{context}: exposure {expected.Exposure} vs {actual.Exposure}");
        Assert.Equal(expected.Variations.Count, actual.Variations.Count);
        for (int v = 0; v < expected.Variations.Count; v++)
        {
            Assert.Equal(expected.Variations[v].Label, actual.Variations[v].Label);
            One(expected.Variations[v].Result, actual.Variations[v].Result, $"{context} {expected.Variations[v].Label}");
        }
    }

    private static void One(AnalysisResult e, AnalysisResult a, string context)
    {
        Assert.True(e.CutFlow.Passed.SequenceEqual(a.CutFlow.Passed), $"{context}: Passed differ");
        Assert.True(e.CutFlow.PassedAllOthers.SequenceEqual(a.CutFlow.PassedAllOthers), $"{context}: PassedAllOthers differ");
        Bits(e.CutFlow.SumW, a.CutFlow.SumW, $"{context}: SumW");
        Bits(e.CutFlow.SumW2, a.CutFlow.SumW2, $"{context}: SumW2");
        Bits(e.CutFlow.SumWAllOthers, a.CutFlow.SumWAllOthers, $"{context}: SumWAllOthers");
        Bits(e.CutFlow.SumW2AllOthers, a.CutFlow.SumW2AllOthers, $"{context}: SumW2AllOthers");
        for (int h = 0; h < e.Histograms1D.Count; h++)
        {
            Bits(e.Histograms1D[h].SumW, a.Histograms1D[h].SumW, $"{context}: {e.Histograms1D[h].Name} SumW");
            Bits(e.Histograms1D[h].SumW2, a.Histograms1D[h].SumW2, $"{context}: {e.Histograms1D[h].Name} SumW2");
        }
        for (int h = 0; h < e.Histograms2D.Count; h++)
        {
            Bits(e.Histograms2D[h].SumW, a.Histograms2D[h].SumW, $"{context}: {e.Histograms2D[h].Name} SumW");
            Bits(e.Histograms2D[h].SumW2, a.Histograms2D[h].SumW2, $"{context}: {e.Histograms2D[h].Name} SumW2");
        }
    }

    private static void Bits(ReadOnlySpan<double> e, ReadOnlySpan<double> a, string what)
    {
        Assert.True(e.Length == a.Length, $"{what}: lengths differ");
        for (int i = 0; i < e.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(e[i]) == BitConverter.DoubleToInt64Bits(a[i]), $"{what}[{i}]: {e[i]:R} vs {a[i]:R}");
    }
}
