using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests.Support;

/// <summary>Compares results: counts exactly, weighted sums to 1e-6 relative.</summary>
internal static class ResultAssert
{
    public static void Close(double expected, double actual, string what)
    {
        double scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * scale + 1e-12, $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>Bit-identical weighted sums: the vector path adds the same numbers in the same order as the twin.</summary>
    public static void Identical(AnalysisResult expected, AnalysisResult actual, string context)
    {
        Same(expected, actual, context);
        Assert.True(expected.CutFlow.SumW.SequenceEqual(actual.CutFlow.SumW), $"{context}: SumW not bit-identical");
        Assert.True(expected.CutFlow.SumW2.SequenceEqual(actual.CutFlow.SumW2), $"{context}: SumW2 not bit-identical");
        Assert.True(expected.CutFlow.SumWAllOthers.SequenceEqual(actual.CutFlow.SumWAllOthers), $"{context}: SumWAllOthers not bit-identical");
        for (int h = 0; h < expected.Histograms1D.Count; h++)
            Assert.True(expected.Histograms1D[h].SumW.SequenceEqual(actual.Histograms1D[h].SumW), $"{context}: {expected.Histograms1D[h].Name} not bit-identical");
        for (int h = 0; h < expected.Histograms2D.Count; h++)
            Assert.True(expected.Histograms2D[h].SumW.SequenceEqual(actual.Histograms2D[h].SumW), $"{context}: {expected.Histograms2D[h].Name} not bit-identical");
    }

    public static void Same(AnalysisResult expected, AnalysisResult actual, string context)
    {
        var e = expected.CutFlow;
        var a = actual.CutFlow;
        Assert.Equal(e.CutCount, a.CutCount);
        for (int k = 0; k <= e.CutCount; k++)
        {
            Assert.True(e.Passed[k] == a.Passed[k], $"{context}: Passed[{k}] expected {e.Passed[k]}, got {a.Passed[k]}");
            Close(e.SumW[k], a.SumW[k], $"{context}: SumW[{k}]");
            Close(e.SumW2[k], a.SumW2[k], $"{context}: SumW2[{k}]");
        }
        for (int k = 0; k < e.CutCount; k++)
        {
            Assert.True(e.PassedAllOthers[k] == a.PassedAllOthers[k], $"{context}: PassedAllOthers[{k}] expected {e.PassedAllOthers[k]}, got {a.PassedAllOthers[k]}");
            Close(e.SumWAllOthers[k], a.SumWAllOthers[k], $"{context}: SumWAllOthers[{k}]");
            Close(e.SumW2AllOthers[k], a.SumW2AllOthers[k], $"{context}: SumW2AllOthers[{k}]");
        }
        Assert.Equal(expected.Histograms1D.Count, actual.Histograms1D.Count);
        for (int h = 0; h < expected.Histograms1D.Count; h++)
            Cells(expected.Histograms1D[h].SumW.ToArray(), actual.Histograms1D[h].SumW.ToArray(), expected.Histograms1D[h].SumW2.ToArray(), actual.Histograms1D[h].SumW2.ToArray(), $"{context}: {expected.Histograms1D[h].Name}");
        Assert.Equal(expected.Histograms2D.Count, actual.Histograms2D.Count);
        for (int h = 0; h < expected.Histograms2D.Count; h++)
            Cells(expected.Histograms2D[h].SumW.ToArray(), actual.Histograms2D[h].SumW.ToArray(), expected.Histograms2D[h].SumW2.ToArray(), actual.Histograms2D[h].SumW2.ToArray(), $"{context}: {expected.Histograms2D[h].Name}");
    }

    private static void Cells(double[] ew, double[] aw, double[] ew2, double[] aw2, string context)
    {
        Assert.Equal(ew.Length, aw.Length);
        for (int c = 0; c < ew.Length; c++)
        {
            Close(ew[c], aw[c], $"{context} SumW cell {c}");
            Close(ew2[c], aw2[c], $"{context} SumW2 cell {c}");
        }
    }
}
