using System;
using System.Runtime.CompilerServices;

namespace NuMM.Runtime.Histograms;

/// <summary>A one-dimensional weighted histogram: an axis plus a storage of sum of weights and sum of squared
/// weights per cell, in double. The storage has <c>Count + 2</c> cells: [0] underflow, [1..Count] the bins,
/// [Count + 1] overflow (NaN values land there). Filling allocates nothing.</summary>
public sealed class Histogram1D
{
    private readonly double[] _cellsW;
    private readonly double[] _cellsW2;

    // Every access to the cells goes through these two, so cells a generated kernel keeps parked in its own buffer
    // (final-only variations, see ParkedCells) are stored back before anything reads, fills, adds or resets them.
    private double[] _sumW { get { Parked?.Store(); return _cellsW; } }
    private double[] _sumW2 { get { Parked?.Store(); return _cellsW2; } }

    /// <summary>The buffer holding this histogram's cells for a generated kernel between calls, or null.</summary>
    internal Selection.ParkedCells? Parked;
    private readonly RegularAxis? _regular;

    /// <summary>Creates an empty histogram.</summary>
    /// <param name="axis">The binning.</param>
    /// <param name="name">A name that identifies the histogram in an analysis result and in messages.</param>
    public Histogram1D(IAxis axis, string name = "")
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (axis.Count < 1 || axis.Count > Array.MaxLength - 2)
            throw new ArgumentException($"Histogram '{name}': an axis of {axis.Count} bins cannot be stored.", nameof(axis));
        Axis = axis;
        Name = name ?? "";
        _regular = axis as RegularAxis;
        _cellsW = new double[axis.Count + 2];
        _cellsW2 = new double[axis.Count + 2];
    }

    /// <summary>The binning.</summary>
    public IAxis Axis { get; }

    /// <summary>The histogram's name.</summary>
    public string Name { get; }

    /// <summary>Sum of weights per cell ([0] underflow, [1..Count] bins, [Count + 1] overflow), in the weights' unit
    /// (events when weights are event weights).</summary>
    /// <remarks>Take the span again after a generated kernel's <c>Process</c> call rather than keeping it across calls: the
    /// cells of a final-only weight variation stay in the kernel's buffer between calls and are stored back when the
    /// histogram is next accessed (<see cref="Selection.ParkedCells"/>), which taking the span does.</remarks>
    public Span<double> SumW => _sumW;

    /// <summary>Sum of squared weights per cell (same layout as <see cref="SumW"/>); the variance estimate of each cell.</summary>
    /// <remarks>Take the span again after a generated kernel's <c>Process</c> call rather than keeping it across calls: the
    /// cells of a final-only weight variation stay in the kernel's buffer between calls and are stored back when the
    /// histogram is next accessed (<see cref="Selection.ParkedCells"/>), which taking the span does.</remarks>
    public Span<double> SumW2 => _sumW2;

    /// <summary>The number of storage cells, <c>Axis.Count + 2</c>.</summary>
    public int CellCount => _sumW.Length;

    /// <summary>Adds <paramref name="w"/> to the cell holding <paramref name="x"/> (NaN → overflow).</summary>
    /// <param name="x">The value, in the axis unit.</param>
    /// <param name="w">The weight; finite.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Fill(double x, double w = 1)
    {
        int cell = CellOf(x);
        if (!double.IsFinite(w)) throw NonFiniteWeight(w, x);
        _sumW[cell] += w;
        _sumW2[cell] += w * w;
    }

    /// <summary>The storage cell that <see cref="Fill(double, double)"/> adds <paramref name="x"/> to: 0 underflow,
    /// 1..Count the bins, Count + 1 overflow (NaN too).</summary>
    /// <param name="x">The value, in the axis unit.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CellOf(double x) => (_regular is { } r ? r.Index(x) : Axis.Index(x)) + 1;

    /// <summary>Adds <paramref name="w"/> to storage cell <paramref name="cell"/> directly (for kernels that computed
    /// the cell themselves).</summary>
    /// <param name="cell">A storage cell, 0..Count + 1 (bin + 1).</param>
    /// <param name="w">The weight; finite.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FillCell(int cell, double w)
    {
        if ((uint)cell >= (uint)_sumW.Length) AxisBinning.CheckCell(cell, _sumW.Length, Name);
        if (!double.IsFinite(w)) throw NonFiniteWeight(w, double.NaN);
        _sumW[cell] += w;
        _sumW2[cell] += w * w;
    }

    /// <summary>Fills every value of <paramref name="x"/> with unit weight. Bitwise identical to calling
    /// <see cref="Fill(double, double)"/> in order; regular axes compute the bins with SIMD.</summary>
    /// <param name="x">Values in the axis unit.</param>
    public void Fill(ReadOnlySpan<double> x) => FillCore(x, default(ReadOnlySpan<double>), false, SimdWidth.Auto);

    /// <summary>Fills every value of <paramref name="x"/> with unit weight (see <see cref="Fill(ReadOnlySpan{double})"/>).</summary>
    /// <param name="x">Values in the axis unit.</param>
    public void Fill(ReadOnlySpan<float> x) => FillCore(x, default(ReadOnlySpan<double>), false, SimdWidth.Auto);

    /// <summary>Fills value <c>x[i]</c> with weight <c>w[i]</c> for every i. Bitwise identical to calling
    /// <see cref="Fill(double, double)"/> in order; regular axes compute the bins with SIMD.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> w) => FillCore(x, w, true, SimdWidth.Auto);

    /// <summary>Fills value <c>x[i]</c> with weight <c>w[i]</c> (widened to double) for every i.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<double> x, ReadOnlySpan<float> w) => FillCore(x, w, true, SimdWidth.Auto);

    /// <summary>Fills value <c>x[i]</c> (widened to double) with weight <c>w[i]</c> for every i.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<float> x, ReadOnlySpan<double> w) => FillCore(x, w, true, SimdWidth.Auto);

    /// <summary>Fills value <c>x[i]</c> with weight <c>w[i]</c> (both widened to double) for every i.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, finite; same length as <paramref name="x"/>.</param>
    public void Fill(ReadOnlySpan<float> x, ReadOnlySpan<float> w) => FillCore(x, w, true, SimdWidth.Auto);

    /// <summary>Fills value <c>x[rows[j]]</c> with weight <c>w[rows[j]]</c> for every j in order (a selection vector:
    /// for example the rows of a batch that passed all cuts). Bitwise identical to per-event
    /// <see cref="Fill(double, double)"/> in that order.</summary>
    /// <param name="x">Values in the axis unit (a whole batch column).</param>
    /// <param name="w">Weights, same length as <paramref name="x"/>; those selected must be finite.</param>
    /// <param name="rows">Indices into <paramref name="x"/> and <paramref name="w"/>, each in [0, x.Length).</param>
    public void FillRows(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<int> rows) => FillRowsCore(x, w, true, rows);

    /// <summary>Fills value <c>x[rows[j]]</c> with weight <c>w[rows[j]]</c> for every j in order (see
    /// <see cref="FillRows(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{int})"/>).</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, same length as <paramref name="x"/>.</param>
    /// <param name="rows">Indices into <paramref name="x"/> and <paramref name="w"/>.</param>
    public void FillRows(ReadOnlySpan<double> x, ReadOnlySpan<double> w, ReadOnlySpan<int> rows) => FillRowsCore(x, w, true, rows);

    /// <summary>Fills value <c>x[rows[j]]</c> with weight <c>w[rows[j]]</c> for every j in order.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, same length as <paramref name="x"/>.</param>
    /// <param name="rows">Indices into <paramref name="x"/> and <paramref name="w"/>.</param>
    public void FillRows(ReadOnlySpan<float> x, ReadOnlySpan<double> w, ReadOnlySpan<int> rows) => FillRowsCore(x, w, true, rows);

    /// <summary>Fills value <c>x[rows[j]]</c> with weight <c>w[rows[j]]</c> for every j in order.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="w">Weights, same length as <paramref name="x"/>.</param>
    /// <param name="rows">Indices into <paramref name="x"/> and <paramref name="w"/>.</param>
    public void FillRows(ReadOnlySpan<double> x, ReadOnlySpan<float> w, ReadOnlySpan<int> rows) => FillRowsCore(x, w, true, rows);

    /// <summary>Fills value <c>x[rows[j]]</c> with unit weight for every j in order.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="rows">Indices into <paramref name="x"/>.</param>
    public void FillRows(ReadOnlySpan<float> x, ReadOnlySpan<int> rows) => FillRowsCore(x, default(ReadOnlySpan<double>), false, rows);

    /// <summary>Fills value <c>x[rows[j]]</c> with unit weight for every j in order.</summary>
    /// <param name="x">Values in the axis unit.</param>
    /// <param name="rows">Indices into <paramref name="x"/>.</param>
    public void FillRows(ReadOnlySpan<double> x, ReadOnlySpan<int> rows) => FillRowsCore(x, default(ReadOnlySpan<double>), false, rows);

    private const int Chunk = 256;

    internal void FillCore<TX, TW>(ReadOnlySpan<TX> x, ReadOnlySpan<TW> w, bool weighted, SimdWidth width)
        where TX : unmanaged where TW : unmanaged
    {
        if (weighted)
        {
            if (w.Length != x.Length)
                throw new ArgumentException($"Histogram '{Name}': {x.Length} values but {w.Length} weights.", nameof(w));
            // Validate every weight first so a bad one leaves the histogram untouched and the add pass has no branch.
            int bad = FiniteCheck.FirstNonFinite(w);
            if (bad >= 0) throw NonFiniteWeightAt(FiniteCheck.At(w, bad), bad);
        }
        Span<int> cells = stackalloc int[Chunk];
        for (int start = 0; start < x.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, x.Length - start);
            var c = cells[..n];
            ComputeCells(x.Slice(start, n), c, width);
            if (!weighted) AddUnit(c);
            else if (typeof(TW) == typeof(double)) AddWeighted(c, Cast<TW, double>(w.Slice(start, n)));
            else AddWeighted(c, Cast<TW, float>(w.Slice(start, n)));
        }
    }

    private void FillRowsCore<TX, TW>(ReadOnlySpan<TX> x, ReadOnlySpan<TW> w, bool weighted, ReadOnlySpan<int> rows)
        where TX : unmanaged where TW : unmanaged
    {
        if (weighted && w.Length != x.Length)
            throw new ArgumentException($"Histogram '{Name}': {x.Length} values but {w.Length} weights.", nameof(w));
        for (int j = 0; j < rows.Length; j++)
        {
            int r = rows[j];
            if ((uint)r >= (uint)x.Length)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Histogram '{Name}': rows[{j}] = {r} is outside the {x.Length} values.");
            if (weighted)
            {
                double wr = FiniteCheck.At(w, r);
                if (!double.IsFinite(wr)) throw NonFiniteWeightAt(wr, r);
            }
        }
        Span<double> xs = stackalloc double[Chunk];
        Span<double> ws = stackalloc double[Chunk];
        Span<int> cells = stackalloc int[Chunk];
        for (int start = 0; start < rows.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, rows.Length - start);
            var sel = rows.Slice(start, n);
            // Gather (widening float exactly to double), then bin with SIMD as in the contiguous fill.
            if (typeof(TX) == typeof(double)) { var xd = Cast<TX, double>(x); for (int j = 0; j < n; j++) xs[j] = xd[sel[j]]; }
            else { var xf = Cast<TX, float>(x); for (int j = 0; j < n; j++) xs[j] = xf[sel[j]]; }
            var c = cells[..n];
            ComputeCells<double>(xs[..n], c, SimdWidth.Auto);
            if (!weighted) { AddUnit(c); continue; }
            if (typeof(TW) == typeof(double)) { var wd = Cast<TW, double>(w); for (int j = 0; j < n; j++) ws[j] = wd[sel[j]]; }
            else { var wf = Cast<TW, float>(w); for (int j = 0; j < n; j++) ws[j] = wf[sel[j]]; }
            AddWeighted(c, ws[..n]);
        }
    }

    private void ComputeCells<TX>(ReadOnlySpan<TX> x, Span<int> cells, SimdWidth width) where TX : unmanaged
    {
        if (typeof(TX) == typeof(double))
        {
            var xd = Cast<TX, double>(x);
            if (_regular is { } r) RegularBinning.Cells(r, xd, cells, width);
            else for (int i = 0; i < xd.Length; i++) cells[i] = Axis.Index(xd[i]) + 1;
        }
        else
        {
            var xf = Cast<TX, float>(x);
            if (_regular is { } r) RegularBinning.Cells(r, xf, cells, width);
            else for (int i = 0; i < xf.Length; i++) cells[i] = Axis.Index(xf[i]) + 1;
        }
    }

    private void AddUnit(ReadOnlySpan<int> cells)
    {
        var sw = _sumW; var sw2 = _sumW2;
        foreach (int c in cells) { sw[c] += 1.0; sw2[c] += 1.0; }
    }

    // Weights were validated as finite before the add pass.
    private void AddWeighted(ReadOnlySpan<int> cells, ReadOnlySpan<double> w)
    {
        var sw = _sumW; var sw2 = _sumW2;
        for (int i = 0; i < cells.Length; i++)
        {
            double wi = w[i];
            int c = cells[i];
            sw[c] += wi;
            sw2[c] += wi * wi;
        }
    }

    private void AddWeighted(ReadOnlySpan<int> cells, ReadOnlySpan<float> w)
    {
        var sw = _sumW; var sw2 = _sumW2;
        for (int i = 0; i < cells.Length; i++)
        {
            double wi = w[i];
            int c = cells[i];
            sw[c] += wi;
            sw2[c] += wi * wi;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> s) where TFrom : unmanaged where TTo : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<TFrom, TTo>(s);

    /// <summary>Sum of weights in regular bin <paramref name="bin"/> (−1 underflow, Count overflow).</summary>
    /// <param name="bin">A bin index in −1..Count.</param>
    public double BinContent(int bin) => _sumW[CellOf(bin)];

    /// <summary>The statistical error of bin <paramref name="bin"/>, √(sum w²), in the weights' unit.</summary>
    /// <param name="bin">A bin index in −1..Count.</param>
    public double BinError(int bin) => Math.Sqrt(_sumW2[CellOf(bin)]);

    /// <summary>The sum of weights over the regular bins, or over every cell when <paramref name="includeFlow"/>.</summary>
    /// <param name="includeFlow">Whether the underflow and overflow cells count.</param>
    public double Integral(bool includeFlow = false) => Sum(_sumW, includeFlow);

    /// <summary>The error of <see cref="Integral(bool)"/>: √(Σ sum w²) over the same cells.</summary>
    /// <param name="includeFlow">Whether the underflow and overflow cells count.</param>
    public double IntegralError(bool includeFlow = false) => Math.Sqrt(Sum(_sumW2, includeFlow));

    /// <summary>The sum of weights over bins <paramref name="firstBin"/>..<paramref name="lastBin"/> inclusive
    /// (−1 and Count address the flow bins).</summary>
    /// <param name="firstBin">The first bin, −1..Count.</param>
    /// <param name="lastBin">The last bin, <paramref name="firstBin"/>..Count.</param>
    public double Integral(int firstBin, int lastBin)
    {
        int a = CellOf(firstBin), b = CellOf(lastBin);
        if (b < a) throw new ArgumentOutOfRangeException(nameof(lastBin), lastBin, $"Histogram '{Name}': lastBin must be ≥ firstBin ({firstBin}).");
        double s = 0;
        for (int c = a; c <= b; c++) s += _sumW[c];
        return s;
    }

    private static double Sum(double[] cells, bool includeFlow)
    {
        double s = 0;
        int first = includeFlow ? 0 : 1, last = includeFlow ? cells.Length - 1 : cells.Length - 2;
        for (int c = first; c <= last; c++) s += cells[c];
        return s;
    }

    /// <summary>Adds <paramref name="other"/> cell by cell; both must have the same binning.</summary>
    /// <param name="other">A histogram with bitwise-identical bin edges.</param>
    /// <exception cref="ArgumentException">The binnings differ; the message names both histograms and axes.</exception>
    public void Add(Histogram1D other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!AxisBinning.Same(Axis, other.Axis))
            throw new ArgumentException(
                $"Cannot add histogram '{other.Name}' ({AxisBinning.Describe(other.Axis)}) to histogram '{Name}' ({AxisBinning.Describe(Axis)}): the binnings differ.",
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

    /// <summary>A deep copy with the same axis and name (or <paramref name="name"/>).</summary>
    /// <param name="name">The copy's name; null keeps <see cref="Name"/>.</param>
    public Histogram1D Clone(string? name = null)
    {
        var h = new Histogram1D(Axis, name ?? Name);
        _sumW.CopyTo(h._sumW, 0);
        _sumW2.CopyTo(h._sumW2, 0);
        return h;
    }

    /// <summary>An empty histogram with the same axis and name.</summary>
    public Histogram1D CloneEmpty() => new(Axis, Name);

    private int CellOf(int bin)
    {
        if (bin < -1 || bin > Axis.Count)
            throw new ArgumentOutOfRangeException(nameof(bin), bin, $"Histogram '{Name}' has bins −1..{Axis.Count}; got {bin}.");
        return bin + 1;
    }

    private ArgumentException NonFiniteWeight(double w, double x) =>
        new($"Histogram '{Name}': weight {RegularAxis.Format(w)} (at x = {RegularAxis.Format(x)}) is not finite.", "w");

    private ArgumentException NonFiniteWeightAt(double w, int index) =>
        new($"Histogram '{Name}': weight {RegularAxis.Format(w)} at index {index} is not finite.", "w");

    /// <inheritdoc/>
    public override string ToString() => $"Histogram1D('{Name}', {AxisBinning.Describe(Axis)}, integral {RegularAxis.Format(Integral(true))})";
}
