using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NuMM.Runtime.Selection;

/// <summary>Moves the histogram cells of a final-only weight variation between its results and the transposed buffer a
/// generated kernel adds into, for generated code. In the buffer, point q's Σw of cell c is at
/// <c>offset + c·2S + q</c> and its Σw² at <c>offset + c·2S + S + q</c> (P points, a pitch S ≥ P: generated kernels round P
/// up to a multiple of 8 so that every run starts on a cache line), so one event's additions for every point are
/// contiguous. Points are moved 8 at a time, so each buffer cache line is touched once per block instead of once
/// per point. Moving changes no value.</summary>
public static class FinalCells
{
    /// <summary>Loads (<paramref name="load"/> true) the cells of one histogram of <paramref name="points"/> consecutive
    /// variations into <paramref name="buffer"/>, or stores them back from it.</summary>
    /// <param name="buffer">The kernel's transposed buffer.</param>
    /// <param name="into">The result whose variations are moved.</param>
    /// <param name="analysis">The analysis name, for the error message.</param>
    /// <param name="firstVariation">Index in <see cref="AnalysisResult.Variations"/> of point 0.</param>
    /// <param name="points">Number of points P (consecutive variations).</param>
    /// <param name="twoD">True for a 2-D histogram.</param>
    /// <param name="histogram">The histogram's index among the 1-D or the 2-D histograms.</param>
    /// <param name="cells">The cells the analysis declares for it (bins plus flow cells).</param>
    /// <param name="offset">Where the histogram's cells start in <paramref name="buffer"/>.</param>
    /// <param name="load">True to copy results → buffer, false for buffer → results.</param>
    /// <exception cref="ArgumentException">A variation's histogram has another cell count; the message names it.</exception>
    public static void Move(Span<double> buffer, AnalysisResult into, string analysis, int firstVariation, int points, bool twoD, int histogram, int cells, int offset, bool load) =>
        Move(buffer, into, analysis, firstVariation, points, points, twoD, histogram, cells, offset, load);

    /// <summary>As <see cref="Move(Span{double}, AnalysisResult, string, int, int, bool, int, int, int, bool)"/>, with each
    /// cell's Σw² run <paramref name="pitch"/> values after its Σw run (and the next cell 2 × pitch after it).</summary>
    /// <param name="buffer">The kernel's transposed buffer.</param>
    /// <param name="into">The result whose variations are moved.</param>
    /// <param name="analysis">The analysis name, for the error message.</param>
    /// <param name="firstVariation">Index in <see cref="AnalysisResult.Variations"/> of point 0.</param>
    /// <param name="points">Number of points P (consecutive variations).</param>
    /// <param name="pitch">Values from a cell's Σw run to its Σw² run, at least P.</param>
    /// <param name="twoD">True for a 2-D histogram.</param>
    /// <param name="histogram">The histogram's index among the 1-D or the 2-D histograms.</param>
    /// <param name="cells">The cells the analysis declares for it (bins plus flow cells).</param>
    /// <param name="offset">Where the histogram's cells start in <paramref name="buffer"/>.</param>
    /// <param name="load">True to copy results → buffer, false for buffer → results.</param>
    /// <exception cref="ArgumentException">A variation's histogram has another cell count; the message names it.</exception>
    public static void Move(Span<double> buffer, AnalysisResult into, string analysis, int firstVariation, int points, int pitch, bool twoD, int histogram, int cells, int offset, bool load)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (offset < 0 || points < 1 || pitch < points || cells < 1 || (long)offset + (long)(cells - 1) * 2 * pitch + pitch + points > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"The buffer of {buffer.Length} values cannot hold {cells} cells × {points} points (pitch {pitch}) from {offset}.");
        for (int q = 0; q < points; q++)
        {
            int n = CellCount(into, firstVariation + q, twoD, histogram);
            if (n != cells)
                throw new ArgumentException($"Histogram '{Name(into, firstVariation + q, twoD, histogram)}' of variation {into.Variations[firstVariation + q].Label} has {n} cells, not the {cells} that analysis {analysis} declares; create the result with CreateResult().", nameof(into));
        }
        int stride = 2 * pitch;
        ref double b = ref MemoryMarshal.GetReference(buffer);
        int q0 = 0;
        for (; q0 + 8 <= points; q0 += 8)
            Block8(ref Unsafe.Add(ref b, offset + q0), into, firstVariation + q0, twoD, histogram, cells, stride, pitch, load);
        for (int q = q0; q < points; q++)
        {
            Span<double> sw = SumW(into, firstVariation + q, twoD, histogram), sq = SumW2(into, firstVariation + q, twoD, histogram);
            int at = offset + q;
            if (load) for (int c = 0; c < cells; c++, at += stride) { buffer[at] = sw[c]; buffer[at + pitch] = sq[c]; }
            else for (int c = 0; c < cells; c++, at += stride) { sw[c] = buffer[at]; sq[c] = buffer[at + pitch]; }
        }
    }

    /// <summary>The storage cells of <paramref name="count"/> queued values of a 1-D histogram, as
    /// <see cref="Histograms.Histogram1D.CellOf(double)"/> gives them (a regular axis bins them with SIMD, the same cells):
    /// value j is <paramref name="queue"/>[j · <paramref name="stride"/> + <paramref name="at"/>].</summary>
    /// <param name="histogram">The histogram whose binning counts.</param>
    /// <param name="queue">A generated kernel's queue of passing events, <paramref name="stride"/> values per event.</param>
    /// <param name="count">Queued events.</param>
    /// <param name="stride">Values per queued event.</param>
    /// <param name="at">Where the histogram's value is in an event's entry.</param>
    /// <param name="cells">Receives the cells; at least <paramref name="count"/> long.</param>
    public static void QueuedCells(Histograms.Histogram1D histogram, ReadOnlySpan<double> queue, int count, int stride, int at, Span<int> cells)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        double[]? rented = null;
        Span<double> x = count <= 512 ? stackalloc double[512] : (rented = System.Buffers.ArrayPool<double>.Shared.Rent(count));
        try
        {
            Gather(queue, count, stride, at, x, cells);
            if (histogram.Axis is Histograms.RegularAxis r) Histograms.RegularBinning.Cells(r, x[..count], cells);
            else for (int j = 0; j < count; j++) cells[j] = histogram.CellOf(x[j]);
        }
        finally
        {
            if (rented != null) System.Buffers.ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The storage cells of <paramref name="count"/> queued (x, y) pairs of a 2-D histogram, as
    /// <see cref="Histograms.Histogram2D.CellOf(double, double)"/> gives them: x of event j at
    /// <paramref name="queue"/>[j · <paramref name="stride"/> + <paramref name="atX"/>], y at + <paramref name="atY"/>.</summary>
    /// <param name="histogram">The histogram whose binning counts.</param>
    /// <param name="queue">A generated kernel's queue of passing events, <paramref name="stride"/> values per event.</param>
    /// <param name="count">Queued events.</param>
    /// <param name="stride">Values per queued event.</param>
    /// <param name="atX">Where the x value is in an event's entry.</param>
    /// <param name="atY">Where the y value is in an event's entry.</param>
    /// <param name="cells">Receives the cells; at least <paramref name="count"/> long.</param>
    public static void QueuedCells(Histograms.Histogram2D histogram, ReadOnlySpan<double> queue, int count, int stride, int atX, int atY, Span<int> cells)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.X is not Histograms.RegularAxis rx || histogram.Y is not Histograms.RegularAxis ry || count > 512)
        {
            if (cells.Length < count) throw new ArgumentException("Cell buffer too short.", nameof(cells));
            for (int j = 0; j < count; j++) cells[j] = histogram.CellOf(queue[j * stride + atX], queue[j * stride + atY]);
            return;
        }
        Span<double> x = stackalloc double[512];
        Span<int> cy = stackalloc int[512];
        Gather(queue, count, stride, atX, x, cells);
        Histograms.RegularBinning.Cells(rx, x[..count], cells);
        Gather(queue, count, stride, atY, x, cy);
        Histograms.RegularBinning.Cells(ry, x[..count], cy);
        int rowCells = ry.Count + 2; // CellOf: (x cell) · (y bins + 2) + (y cell)
        for (int j = 0; j < count; j++) cells[j] = cells[j] * rowCells + cy[j];
    }

    private static void Gather(ReadOnlySpan<double> queue, int count, int stride, int at, Span<double> x, Span<int> cells)
    {
        if (count < 0 || stride < 1 || at < 0 || at >= stride || (long)count * stride > queue.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} entries of {stride} values (value {at}) do not fit a queue of {queue.Length}.");
        if (cells.Length < count) throw new ArgumentException("Cell buffer too short.", nameof(cells));
        for (int j = 0; j < count; j++) x[j] = queue[j * stride + at];
    }

    // Eight points: cell c's eight Σw are one 64-byte store (load) or eight reads of one line (store back).
    private static void Block8(ref double f, AnalysisResult into, int v, bool twoD, int h, int cells, int stride, int pitch, bool load)
    {
        ref double s0 = ref R(SumW(into, v, twoD, h)); ref double s1 = ref R(SumW(into, v + 1, twoD, h));
        ref double s2 = ref R(SumW(into, v + 2, twoD, h)); ref double s3 = ref R(SumW(into, v + 3, twoD, h));
        ref double s4 = ref R(SumW(into, v + 4, twoD, h)); ref double s5 = ref R(SumW(into, v + 5, twoD, h));
        ref double s6 = ref R(SumW(into, v + 6, twoD, h)); ref double s7 = ref R(SumW(into, v + 7, twoD, h));
        ref double t0 = ref R(SumW2(into, v, twoD, h)); ref double t1 = ref R(SumW2(into, v + 1, twoD, h));
        ref double t2 = ref R(SumW2(into, v + 2, twoD, h)); ref double t3 = ref R(SumW2(into, v + 3, twoD, h));
        ref double t4 = ref R(SumW2(into, v + 4, twoD, h)); ref double t5 = ref R(SumW2(into, v + 5, twoD, h));
        ref double t6 = ref R(SumW2(into, v + 6, twoD, h)); ref double t7 = ref R(SumW2(into, v + 7, twoD, h));
        if (load)
        {
            for (int c = 0; c < cells; c++, f = ref Unsafe.Add(ref f, stride))
            {
                Vector512.Create(At(ref s0, c), At(ref s1, c), At(ref s2, c), At(ref s3, c), At(ref s4, c), At(ref s5, c), At(ref s6, c), At(ref s7, c)).StoreUnsafe(ref f);
                Vector512.Create(At(ref t0, c), At(ref t1, c), At(ref t2, c), At(ref t3, c), At(ref t4, c), At(ref t5, c), At(ref t6, c), At(ref t7, c)).StoreUnsafe(ref f, (nuint)pitch);
            }
            return;
        }
        for (int c = 0; c < cells; c++, f = ref Unsafe.Add(ref f, stride))
        {
            ref double g = ref Unsafe.Add(ref f, pitch);
            At(ref s0, c) = f; At(ref s1, c) = Unsafe.Add(ref f, 1); At(ref s2, c) = Unsafe.Add(ref f, 2); At(ref s3, c) = Unsafe.Add(ref f, 3);
            At(ref s4, c) = Unsafe.Add(ref f, 4); At(ref s5, c) = Unsafe.Add(ref f, 5); At(ref s6, c) = Unsafe.Add(ref f, 6); At(ref s7, c) = Unsafe.Add(ref f, 7);
            At(ref t0, c) = g; At(ref t1, c) = Unsafe.Add(ref g, 1); At(ref t2, c) = Unsafe.Add(ref g, 2); At(ref t3, c) = Unsafe.Add(ref g, 3);
            At(ref t4, c) = Unsafe.Add(ref g, 4); At(ref t5, c) = Unsafe.Add(ref g, 5); At(ref t6, c) = Unsafe.Add(ref g, 6); At(ref t7, c) = Unsafe.Add(ref g, 7);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double R(Span<double> s) => ref MemoryMarshal.GetReference(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double At(ref double s, int c) => ref Unsafe.Add(ref s, c);

    private static Span<double> SumW(AnalysisResult r, int v, bool twoD, int h) =>
        twoD ? r.Variations[v].Result.Histograms2D[h].SumW : r.Variations[v].Result.Histograms1D[h].SumW;

    private static Span<double> SumW2(AnalysisResult r, int v, bool twoD, int h) =>
        twoD ? r.Variations[v].Result.Histograms2D[h].SumW2 : r.Variations[v].Result.Histograms1D[h].SumW2;

    private static int CellCount(AnalysisResult r, int v, bool twoD, int h) =>
        twoD ? r.Variations[v].Result.Histograms2D[h].CellCount : r.Variations[v].Result.Histograms1D[h].CellCount;

    private static string Name(AnalysisResult r, int v, bool twoD, int h) =>
        twoD ? r.Variations[v].Result.Histograms2D[h].Name : r.Variations[v].Result.Histograms1D[h].Name;
}
