using System;

namespace NuMM.Runtime.Histograms;

/// <summary>The arithmetic of weighted cell storage (sum w and sum w² per cell), shared by the 1-D and 2-D histograms.</summary>
internal static class WeightedCells
{
    /// <summary>Adds <paramref name="fromW"/>/<paramref name="fromW2"/> into <paramref name="intoW"/>/<paramref name="intoW2"/> cell by cell.</summary>
    public static void Add(double[] intoW, double[] intoW2, double[] fromW, double[] fromW2)
    {
        for (int c = 0; c < intoW.Length; c++) { intoW[c] += fromW[c]; intoW2[c] += fromW2[c]; }
    }

    /// <summary>Multiplies sum w by <paramref name="factor"/> and sum w² by its square.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor that is not finite; the message names <paramref name="histogramName"/>.</exception>
    public static void Scale(double[] sumW, double[] sumW2, double factor, string histogramName)
    {
        if (!double.IsFinite(factor))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"Histogram '{histogramName}': scale factor must be finite; got {RegularAxis.Format(factor)}.");
        double f2 = factor * factor;
        for (int c = 0; c < sumW.Length; c++) { sumW[c] *= factor; sumW2[c] *= f2; }
    }
}
