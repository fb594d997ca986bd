using System;

namespace NuMM.Runtime.Histograms;

/// <summary>An axis with arbitrary bin edges (strictly increasing, finite, at least two).</summary>
public sealed class VariableAxis : IAxis
{
    private readonly double[] _edges;

    /// <summary>Creates an axis from its bin edges; the array is copied.</summary>
    /// <param name="edges">Bin edges in <paramref name="unit"/>: finite, strictly increasing, at least two.</param>
    /// <param name="label">The axis title.</param>
    /// <param name="unit">The unit of the axis values, or empty.</param>
    public VariableAxis(double[] edges, string label = "", string unit = "")
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Length < 2)
            throw new ArgumentException($"Axis '{label}' needs at least two edges; got {edges.Length}.", nameof(edges));
        for (int i = 0; i < edges.Length; i++)
        {
            if (!double.IsFinite(edges[i]))
                throw new ArgumentException($"Axis '{label}': edge {i} must be finite; got {RegularAxis.Format(edges[i])}.", nameof(edges));
            if (i > 0 && !(edges[i] > edges[i - 1]))
                throw new ArgumentException($"Axis '{label}': edges must increase strictly; edge {i} ({RegularAxis.Format(edges[i])}) ≤ edge {i - 1} ({RegularAxis.Format(edges[i - 1])}).", nameof(edges));
        }
        _edges = (double[])edges.Clone();
        Label = label ?? "";
        Unit = unit ?? "";
    }

    /// <summary>The bin edges, in <see cref="Unit"/>; <see cref="Count"/> + 1 values.</summary>
    public ReadOnlySpan<double> Edges => _edges;

    /// <inheritdoc/>
    public int Count => _edges.Length - 1;

    /// <inheritdoc/>
    public string Label { get; }

    /// <inheritdoc/>
    public string Unit { get; }

    /// <inheritdoc/>
    public int Index(double x)
    {
        var e = _edges;
        if (!(x < e[^1])) return e.Length - 1;   // overflow, also NaN
        if (x < e[0]) return -1;
        // Largest i with e[i] <= x.
        int lo = 0, hi = e.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (x >= e[mid]) lo = mid; else hi = mid;
        }
        return lo;
    }

    /// <inheritdoc/>
    public double Lower(int bin)
    {
        if (bin == -1) return double.NegativeInfinity;
        if ((uint)bin > (uint)Count) throw BinOutOfRange(bin);
        return _edges[bin];
    }

    /// <inheritdoc/>
    public double Upper(int bin)
    {
        if (bin == Count) return double.PositiveInfinity;
        if (bin < -1 || bin > Count) throw BinOutOfRange(bin);
        return _edges[bin + 1];
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"VariableAxis('{Label}', {Count} bins, [{RegularAxis.Format(_edges[0])} … {RegularAxis.Format(_edges[^1])}]{(Unit.Length > 0 ? " " + Unit : "")})";

    private ArgumentOutOfRangeException BinOutOfRange(int bin) =>
        new(nameof(bin), bin, $"Axis '{Label}' has bins −1..{Count}; got {bin}.");
}
