namespace NuMM.Runtime.Histograms;

/// <summary>A binned axis: maps a value (in the axis <see cref="Unit"/>) to a signed bin index.
/// Bins are half-open, [<see cref="Lower"/>, <see cref="Upper"/>); index −1 is the underflow,
/// <see cref="Count"/> the overflow, and NaN goes to the overflow.</summary>
public interface IAxis
{
    /// <summary>The number of regular (non-flow) bins; ≥ 1.</summary>
    int Count { get; }

    /// <summary>The bin holding <paramref name="x"/>: 0..<see cref="Count"/>−1 inside the axis range,
    /// −1 below it (including −∞), <see cref="Count"/> at or above its upper edge (including +∞ and NaN).</summary>
    /// <param name="x">The value, in <see cref="Unit"/>.</param>
    int Index(double x);

    /// <summary>The lower edge of <paramref name="bin"/> (in <see cref="Unit"/>); −∞ for the underflow bin −1.</summary>
    /// <param name="bin">A bin index in −1..<see cref="Count"/>.</param>
    double Lower(int bin);

    /// <summary>The upper edge of <paramref name="bin"/> (in <see cref="Unit"/>); +∞ for the overflow bin <see cref="Count"/>.</summary>
    /// <param name="bin">A bin index in −1..<see cref="Count"/>.</param>
    double Upper(int bin);

    /// <summary>The axis title, for tables and plots (may be empty).</summary>
    string Label { get; }

    /// <summary>The physical unit of the axis values (for example "GeV"), or empty when dimensionless.</summary>
    string Unit { get; }
}
