using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Histograms;

/// <summary>A two-dimensional weighted histogram (sum w and sum w² in double). Storage cell of bins
/// (ix, iy), each in −1..Count, is <c>(ix + 1)·(Y.Count + 2) + (iy + 1)</c>, so y runs fastest and every
/// flow combination has a cell.</summary>
public sealed class Histogram2D
{
    private readonly double[] _cellsW;
    private readonly double[] _cellsW2;

    // Every access to the cells goes through these two, so cells a generated kernel keeps parked in its own buffer
    // (final-only variations, see ParkedCells) are stored back before anything reads, fills, adds or resets them.
    private double[] _sumW { get { Parked?.Store(); return _cellsW; } }
    private double[] _sumW2 { get { Parked?.Store(); return _cellsW2; } }

    /// <summary>The buffer holding this histogram's cells for a generated kernel between calls, or null.</summary>
    internal Selection.ParkedCells? Parked;
    private readonly int _stride;
    private readonly RegularAxis? _regularX, _regularY; // the common case, binned without an interface call

    /// <summary>Creates an empty histogram.</summary>
    /// <param name="x">The x binning.</param>
    /// <param name="y">The y binning.</param>
    /// <param name="name">A name that identifies the histogram in an analysis result and in messages.</param>
    public Histogram2D(IAxis x, IAxis y, string name = "")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Name = name ?? "";
        long cells = (long)(x.Count + 2) * (y.Count + 2);
        if (x.Count < 1 || y.Count < 1 || cells > Array.MaxLength)
            throw new ArgumentException($"Histogram '{Name}': {x.Count} × {y.Count} bins cannot be stored.", nameof(y));
        X = x;
        Y = y;
        _regularX = x as RegularAxis;
        _regularY = y as RegularAxis;
        _stride = y.Count + 2;
        _cellsW = new double[cells];
        _cellsW2 = new double[cells];
    }

    /// <summary>The x binning.</summary>
    public IAxis X { get; }

    /// <summary>The y binning.</summary>
    public IAxis Y { get; }

    /// <summary>The histogram's name.</summary>
    public string Name { get; }

    /// <summary>Sum of weights per cell (layout in the class summary), in the weights' unit.</summary>
    /// <remarks>Take the span again after a generated kernel's <c>Process</c> call rather than keeping it across calls: the
    /// cells of a final-only weight variation stay in the kernel's buffer between calls and are stored back when the
    /// histogram is next accessed (<see cref="Selection.ParkedCells"/>), which taking the span does.</remarks>
    public Span<double> SumW => _sumW;

    /// <summary>Sum of squared weights per cell (same layout as <see cref="SumW"/>).</summary>
    /// <remarks>Take the span again after a generated kernel's <c>Process</c> call rather than keeping it across calls: the
    /// cells of a final-only weight variation stay in the kernel's buffer between calls and are stored back when the
    /// histogram is next accessed (<see cref="Selection.ParkedCells"/>), which taking the span does.</remarks>
    public Span<double> SumW2 => _sumW2;

    /// <summary>The number of storage cells, <c>(X.Count + 2)·(Y.Count + 2)</c>.</summary>
    public int CellCount => _sumW.Length;

    /// <summary>The storage cell of bins (<paramref name="ix"/>, <paramref name="iy"/>), each in −1..Count.</summary>
    /// <param name="ix">x bin, −1..X.Count.</param>
    /// <param name="iy">y bin, −1..Y.Count.</param>
    public int Cell(int ix, int iy)
    {
        if (ix < -1 || ix > X.Count) throw new ArgumentOutOfRangeException(nameof(ix), ix, $"Histogram '{Name}' has x bins −1..{X.Count}.");
        if (iy < -1 || iy > Y.Count) throw new ArgumentOutOfRangeException(nameof(iy), iy, $"Histogram '{Name}' has y bins −1..{Y.Count}.");
        return (ix + 1) * _stride + (iy + 1);
    }

    /// <summary>Adds <paramref name="w"/> to the cell holding (<paramref name="x"/>, <paramref name="y"/>); NaN → overflow.</summary>
    /// <param name="x">The x value, in the x-axis unit.</param>
    /// <param name="y">The y value, in the y-axis unit.</param>
    /// <param name="w">The weight; finite.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Fill(double x, double y, double w = 1)
    {
        int cell = CellOf(x, y);
        if (!double.IsFinite(w)) throw NonFinite(w, -1);
        _sumW[cell] += w;
        _sumW2[cell] += w * w;
    }

    /// <summary>The storage cell that <see cref="Fill(double, double, double)"/> adds (<paramref name="x"/>,
    /// <paramref name="y"/>) to, flow cells included (NaN → overflow).</summary>
    /// <param name="x">The x value, in the x-axis unit.</param>
    /// <param name="y">The y value, in the y-axis unit.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CellOf(double x, double y) =>
        ((_regularX is { } rx ? rx.Index(x) : X.Index(x)) + 1) * _stride + ((_regularY is { } ry ? ry.Index(y) : Y.Index(y)) + 1);

    /// <summary>Adds <paramref name="w"/> to storage cell <paramref name="cell"/> directly.</summary>
    /// <param name="cell">A storage cell, 0..CellCount − 1.</param>
    /// <param name="w">The weight; finite.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FillCell(int cell, double w)
    {
        if ((uint)cell >= (uint)_sumW.Length) AxisBinning.CheckCell(cell, _sumW.Length, Name);
        if (!double.IsFinite(w)) throw NonFinite(w, -1);
        _sumW[cell] += w;
        _sumW2[cell] += w * w;
    }

    /// <summary>Fills (<c>x[i]</c>, <c>y[i]</c>) with weight <c>w[i]</c> for every i; bitwise identical to per-event
    /// <see cref="Fill(double, double, double)"/> in order. Regular axes compute bins with SIMD.</summary>
    /// <param name="x">x values, in the x-axis unit.</param>
    /// <param name="y">y values, in the y-axis unit; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w) => FillCore(x, y, w);

    /// <summary>Fills (<c>x[i]</c>, <c>y[i]</c>) with weight <c>w[i]</c> (widened to double) for every i.</summary>
    /// <param name="x">x values, in the x-axis unit.</param>
    /// <param name="y">y values, in the y-axis unit; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<float> w) => FillCore(x, y, w);

    /// <summary>Fills (<c>x[i]</c>, <c>y[i]</c>) (widened to double) with weight <c>w[i]</c> for every i.</summary>
    /// <param name="x">x values, in the x-axis unit.</param>
    /// <param name="y">y values, in the y-axis unit; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<double> w) => FillCore(x, y, w);

    /// <summary>Fills (<c>x[i]</c>, <c>y[i]</c>) with weight <c>w[i]</c> (all widened to double) for every i.</summary>
    /// <param name="x">x values, in the x-axis unit.</param>
    /// <param name="y">y values, in the y-axis unit; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> w) => FillCore(x, y, w);

    private void FillCore<TV, TW>(ReadOnlySpan<TV> x, ReadOnlySpan<TV> y, ReadOnlySpan<TW> w) where TV : unmanaged where TW : unmanaged
    {
        if (y.Length != x.Length || w.Length != x.Length)
            throw new ArgumentException($"Histogram '{Name}': {x.Length} x values, {y.Length} y values and {w.Length} weights.", nameof(w));
        // Validate first so a bad weight leaves the histogram untouched.
        int bad = FiniteCheck.FirstNonFinite(w);
        if (bad >= 0) throw NonFinite(FiniteCheck.At(w, bad), bad);
        const int chunk = 256;
        Span<int> cx = stackalloc int[chunk];
        Span<int> cy = stackalloc int[chunk];
        for (int start = 0; start < x.Length; start += chunk)
        {
            int n = Math.Min(chunk, x.Length - start);
            Cells(X, x.Slice(start, n), cx);
            Cells(Y, y.Slice(start, n), cy);
            for (int i = 0; i < n; i++)
            {
                double wi = FiniteCheck.At(w, start + i);
                int c = cx[i] * _stride + cy[i];
                _sumW[c] += wi;
                _sumW2[c] += wi * wi;
            }
        }
    }

    /// <summary>Fills (<c>x[r]</c>, <c>y[r]</c>) with weight <c>w[r]</c> for every r = <c>rows[j]</c> in order (a
    /// selection vector such as the rows that passed all cuts); bitwise identical to per-event fills in that order.</summary>
    /// <param name="x">x values (a whole batch column).</param>
    /// <param name="y">y values; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights; same length as <paramref name="x"/>; those selected must be finite.</param>
    /// <param name="rows">Indices in [0, x.Length).</param>
    public void FillRows(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> w, ReadOnlySpan<int> rows) => FillRowsCore(x, y, w, rows);

    /// <summary>Fills (<c>x[r]</c>, <c>y[r]</c>) with weight <c>w[r]</c> for every r = <c>rows[j]</c> in order.</summary>
    /// <param name="x">x values.</param>
    /// <param name="y">y values; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights; same length as <paramref name="x"/>.</param>
    /// <param name="rows">Indices in [0, x.Length).</param>
    public void FillRows(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<double> w, ReadOnlySpan<int> rows) => FillRowsCore(x, y, w, rows);

    /// <summary>Fills (<c>x[r]</c>, <c>y[r]</c>) with weight <c>w[r]</c> for every r = <c>rows[j]</c> in order.</summary>
    /// <param name="x">x values.</param>
    /// <param name="y">y values; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights; same length as <paramref name="x"/>.</param>
    /// <param name="rows">Indices in [0, x.Length).</param>
    public void FillRows(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<float> w, ReadOnlySpan<int> rows) => FillRowsCore(x, y, w, rows);

    /// <summary>Fills (<c>x[r]</c>, <c>y[r]</c>) with weight <c>w[r]</c> for every r = <c>rows[j]</c> in order.</summary>
    /// <param name="x">x values.</param>
    /// <param name="y">y values; same length as <paramref name="x"/>.</param>
    /// <param name="w">Weights; same length as <paramref name="x"/>.</param>
    /// <param name="rows">Indices in [0, x.Length).</param>
    public void FillRows(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, ReadOnlySpan<int> rows) => FillRowsCore(x, y, w, rows);

    private void FillRowsCore<TV, TW>(ReadOnlySpan<TV> x, ReadOnlySpan<TV> y, ReadOnlySpan<TW> w, ReadOnlySpan<int> rows)
        where TV : unmanaged where TW : unmanaged
    {
        if (y.Length != x.Length || w.Length != x.Length)
            throw new ArgumentException($"Histogram '{Name}': {x.Length} x values, {y.Length} y values and {w.Length} weights.", nameof(w));
        for (int j = 0; j < rows.Length; j++)
        {
            int r = rows[j];
            if ((uint)r >= (uint)x.Length)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Histogram '{Name}': rows[{j}] = {r} is outside the {x.Length} values.");
            double wr = FiniteCheck.At(w, r);
            if (!double.IsFinite(wr)) throw NonFinite(wr, r);
        }
        const int chunk = 256;
        Span<double> xs = stackalloc double[chunk];
        Span<double> ys = stackalloc double[chunk];
        Span<double> ws = stackalloc double[chunk];
        for (int start = 0; start < rows.Length; start += chunk)
        {
            int n = Math.Min(chunk, rows.Length - start);
            var sel = rows.Slice(start, n);
            for (int j = 0; j < n; j++)
            {
                int r = sel[j];
                xs[j] = FiniteCheck.At(x, r);
                ys[j] = FiniteCheck.At(y, r);
                ws[j] = FiniteCheck.At(w, r);
            }
            FillCore<double, double>(xs[..n], ys[..n], ws[..n]);
        }
    }

    private static void Cells<TV>(IAxis axis, ReadOnlySpan<TV> v, Span<int> cells) where TV : unmanaged
    {
        if (typeof(TV) == typeof(double))
        {
            var d = MemoryMarshal.Cast<TV, double>(v);
            if (axis is RegularAxis r) RegularBinning.Cells(r, d, cells);
            else for (int i = 0; i < d.Length; i++) cells[i] = axis.Index(d[i]) + 1;
        }
        else
        {
            var f = MemoryMarshal.Cast<TV, float>(v);
            if (axis is RegularAxis r) RegularBinning.Cells(r, f, cells);
            else for (int i = 0; i < f.Length; i++) cells[i] = axis.Index(f[i]) + 1;
        }
    }

    /// <summary>Sum of weights in bins (<paramref name="ix"/>, <paramref name="iy"/>), each in −1..Count.</summary>
    /// <param name="ix">x bin.</param>
    /// <param name="iy">y bin.</param>
    public double BinContent(int ix, int iy) => _sumW[Cell(ix, iy)];

    /// <summary>The statistical error √(sum w²) of bins (<paramref name="ix"/>, <paramref name="iy"/>).</summary>
    /// <param name="ix">x bin.</param>
    /// <param name="iy">y bin.</param>
    public double BinError(int ix, int iy) => Math.Sqrt(_sumW2[Cell(ix, iy)]);

    /// <summary>The sum of weights over the regular bins, or over every cell when <paramref name="includeFlow"/>.</summary>
    /// <param name="includeFlow">Whether cells with an underflow or overflow coordinate count.</param>
    public double Integral(bool includeFlow = false) => Sum(_sumW, includeFlow);

    /// <summary>The error of <see cref="Integral"/>: √(Σ sum w²) over the same cells.</summary>
    /// <param name="includeFlow">Whether cells with an underflow or overflow coordinate count.</param>
    public double IntegralError(bool includeFlow = false) => Math.Sqrt(Sum(_sumW2, includeFlow));

    private double Sum(double[] cells, bool includeFlow)
    {
        double s = 0;
        int lo = includeFlow ? 0 : 1;
        int hiX = includeFlow ? X.Count + 1 : X.Count, hiY = includeFlow ? Y.Count + 1 : Y.Count;
        for (int cx = lo; cx <= hiX; cx++)
            for (int cy = lo; cy <= hiY; cy++)
                s += cells[cx * _stride + cy];
        return s;
    }

    /// <summary>The x projection: for every x cell, the sum over all y cells including the y flow cells.</summary>
    /// <param name="name">The projection's name; null gives "<see cref="Name"/>_px".</param>
    public Histogram1D ProjectionX(string? name = null)
    {
        var h = new Histogram1D(X, name ?? Name + "_px");
        var sw = h.SumW; var sw2 = h.SumW2;
        for (int cx = 0; cx < X.Count + 2; cx++)
            for (int cy = 0; cy < _stride; cy++)
            {
                sw[cx] += _sumW[cx * _stride + cy];
                sw2[cx] += _sumW2[cx * _stride + cy];
            }
        return h;
    }

    /// <summary>The y projection: for every y cell, the sum over all x cells including the x flow cells.</summary>
    /// <param name="name">The projection's name; null gives "<see cref="Name"/>_py".</param>
    public Histogram1D ProjectionY(string? name = null)
    {
        var h = new Histogram1D(Y, name ?? Name + "_py");
        var sw = h.SumW; var sw2 = h.SumW2;
        for (int cx = 0; cx < X.Count + 2; cx++)
            for (int cy = 0; cy < _stride; cy++)
            {
                sw[cy] += _sumW[cx * _stride + cy];
                sw2[cy] += _sumW2[cx * _stride + cy];
            }
        return h;
    }

    /// <summary>Adds <paramref name="other"/> cell by cell; both axes must have the same binning.</summary>
    /// <param name="other">A histogram with bitwise-identical bin edges on both axes.</param>
    /// <exception cref="ArgumentException">The binnings differ; the message names both histograms and axes.</exception>
    public void Add(Histogram2D other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!AxisBinning.Same(X, other.X) || !AxisBinning.Same(Y, other.Y))
            throw new ArgumentException(
                $"Cannot add histogram '{other.Name}' ({AxisBinning.Describe(other.X)} × {AxisBinning.Describe(other.Y)}) to histogram '{Name}' ({AxisBinning.Describe(X)} × {AxisBinning.Describe(Y)}): the binnings differ.",
                nameof(other));
        WeightedCells.Add(_sumW, _sumW2, other._sumW, other._sumW2);
    }

    /// <summary>Multiplies every cell by <paramref name="factor"/> (sum w² by its square).</summary>
    /// <param name="factor">A finite factor.</param>
    public void Scale(double factor)
    {
        WeightedCells.Scale(_sumW, _sumW2, factor, Name);
    }

    /// <summary>Sets every cell to zero.</summary>
    public void Reset()
    {
        Array.Clear(_sumW);
        Array.Clear(_sumW2);
    }

    /// <summary>A deep copy with the same axes and name (or <paramref name="name"/>).</summary>
    /// <param name="name">The copy's name; null keeps <see cref="Name"/>.</param>
    public Histogram2D Clone(string? name = null)
    {
        var h = new Histogram2D(X, Y, name ?? Name);
        _sumW.CopyTo(h._sumW, 0);
        _sumW2.CopyTo(h._sumW2, 0);
        return h;
    }

    /// <summary>An empty histogram with the same axes and name.</summary>
    public Histogram2D CloneEmpty() => new(X, Y, Name);

    private ArgumentException NonFinite(double w, int index) =>
        new($"Histogram '{Name}': weight {RegularAxis.Format(w)}{(index >= 0 ? $" at index {index}" : "")} is not finite.", "w");

    /// <inheritdoc/>
    public override string ToString() =>
        $"Histogram2D('{Name}', {AxisBinning.Describe(X)} × {AxisBinning.Describe(Y)}, integral {RegularAxis.Format(Integral(true))})";
}
