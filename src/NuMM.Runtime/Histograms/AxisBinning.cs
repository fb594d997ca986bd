using System;

namespace NuMM.Runtime.Histograms;

/// <summary>Comparison of axis binnings, for merging histograms.</summary>
internal static class AxisBinning
{
    /// <summary>True when both axes have the same number of bins and bitwise-equal edges.</summary>
    public static bool Same(IAxis a, IAxis b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        if (a is RegularAxis ra && b is RegularAxis rb)
            return ra.Min.Equals(rb.Min) && ra.Max.Equals(rb.Max);
        for (int i = 0; i < a.Count; i++)
            if (!a.Lower(i).Equals(b.Lower(i))) return false;
        return a.Upper(a.Count - 1).Equals(b.Upper(b.Count - 1));
    }

    /// <summary>A short description of an axis for error messages.</summary>
    public static string Describe(IAxis a) => a.ToString() ?? a.GetType().Name;

    /// <summary>Throws unless <paramref name="cell"/> is a valid storage cell of a storage of <paramref name="cells"/>.</summary>
    public static void CheckCell(int cell, int cells, string histogram)
    {
        if ((uint)cell >= (uint)cells)
            throw new ArgumentOutOfRangeException(nameof(cell), cell, $"Histogram '{histogram}' has cells 0..{cells - 1}; got {cell}.");
    }
}
