using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NuMM.Runtime.Histograms;

/// <summary>An axis of <see cref="IAxis.Count"/> equal-width bins between <see cref="Min"/> and <see cref="Max"/>.
/// Bin edges are <c>Min + i·width</c> with the last edge exactly <see cref="Max"/>; <see cref="Index"/> agrees
/// with them exactly (a value equal to an edge lands in the bin that starts there).</summary>
public sealed class RegularAxis : IAxis
{
    private readonly double _width;

    /// <summary>Creates a regular axis.</summary>
    /// <param name="bins">The number of bins; ≥ 1.</param>
    /// <param name="min">The lower edge of the first bin, in <paramref name="unit"/>; finite.</param>
    /// <param name="max">The upper edge of the last bin, in <paramref name="unit"/>; finite and &gt; <paramref name="min"/>.</param>
    /// <param name="label">The axis title.</param>
    /// <param name="unit">The unit of the axis values, or empty.</param>
    public RegularAxis(int bins, double min, double max, string label = "", string unit = "")
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, $"Axis '{label}' needs at least one bin; got {bins}.");
        if (!double.IsFinite(min)) throw new ArgumentOutOfRangeException(nameof(min), min, $"Axis '{label}': min must be finite; got {Format(min)}.");
        if (!double.IsFinite(max)) throw new ArgumentOutOfRangeException(nameof(max), max, $"Axis '{label}': max must be finite; got {Format(max)}.");
        if (!(min < max)) throw new ArgumentException($"Axis '{label}': min ({Format(min)}) must be less than max ({Format(max)}).", nameof(max));
        double width = (max - min) / bins;
        if (!double.IsFinite(width) || width <= 0 || !double.IsFinite(1.0 / width))
            throw new ArgumentException($"Axis '{label}': bin width ({Format(max)} − {Format(min)})/{bins} is not representable.", nameof(max));
        // Edges Min + i·width must increase strictly, or bins would be empty (a width below the resolution of min).
        double previous = min;
        for (int i = 1; i < bins; i++)
        {
            double edge = min + i * width;
            if (!(edge > previous) || !(edge < max))
                throw new ArgumentException($"Axis '{label}': {bins} bins of width {Format(width)} on [{Format(min)}, {Format(max)}) are below double resolution (edge {i} = {Format(edge)}).", nameof(bins));
            previous = edge;
        }
        Count = bins;
        Min = min;
        Max = max;
        _width = width;
        InverseWidth = bins / (max - min);
        Label = label ?? "";
        Unit = unit ?? "";
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <summary>The lower edge of the first bin, in <see cref="Unit"/>.</summary>
    public double Min { get; }

    /// <summary>The upper edge of the last bin, in <see cref="Unit"/>.</summary>
    public double Max { get; }

    /// <summary>Bins per unit of the axis value, <c>Count / (Max − Min)</c> (in 1/<see cref="Unit"/>).</summary>
    public double InverseWidth { get; }

    /// <summary>The bin width, <c>(Max − Min) / Count</c>, in <see cref="Unit"/>.</summary>
    public double Width => _width;

    /// <inheritdoc/>
    public string Label { get; }

    /// <inheritdoc/>
    public string Unit { get; }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per passing event by the generated fill loops
    public int Index(double x)
    {
        if (!(x < Max)) return Count;        // also NaN
        if (x < Min) return -1;
        int i = (int)((x - Min) * InverseWidth);
        if (i > Count - 1) i = Count - 1;
        // One-step correction so the index agrees exactly with Lower()/Upper() despite rounding.
        if (x < Min + i * _width) i--;
        else if (i + 1 < Count && x >= Min + (i + 1) * _width) i++;
        return i;
    }

    /// <inheritdoc/>
    public double Lower(int bin)
    {
        if (bin == -1) return double.NegativeInfinity;
        if ((uint)bin > (uint)Count) throw BinOutOfRange(bin);
        return bin == Count ? Max : Min + bin * _width;
    }

    /// <inheritdoc/>
    public double Upper(int bin)
    {
        if (bin == Count) return double.PositiveInfinity;
        if (bin < -1 || bin > Count) throw BinOutOfRange(bin);
        return bin + 1 == Count ? Max : Min + (bin + 1) * _width;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RegularAxis('{Label}', {Count} bins, [{Format(Min)}, {Format(Max)}){(Unit.Length > 0 ? " " + Unit : "")})";

    private ArgumentOutOfRangeException BinOutOfRange(int bin) =>
        new(nameof(bin), bin, $"Axis '{Label}' has bins −1..{Count}; got {bin}.");

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
