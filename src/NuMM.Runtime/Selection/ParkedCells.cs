using System;
using System.Collections.Generic;

namespace NuMM.Runtime.Selection;

/// <summary>For generated kernels: the buffer in which a kernel adds the histogram cells of its final-only weight
/// variations in its own transposed layout (one event's additions for every universe contiguous), kept with the result
/// across <c>Process</c> calls. The cells are moved into the buffer on the first call and stay there; the histograms of
/// those variations are marked, and any access to one of them (reading a cell, filling, adding, scaling, resetting,
/// cloning, serialising) first stores every parked cell back and releases the buffer, so nobody ever reads a stale cell.
/// The next <c>Process</c> call loads the cells again. Moving a cell is a copy, so results are the same bits as moving
/// the cells in and out on every call (which cost about 4 ms per 10⁷ events for 100 universes and 3 histograms).
/// A result is used by one thread at a time, as for <c>Process</c> itself.</summary>
public sealed class ParkedCells
{
    private readonly AnalysisResult _result;
    private readonly object _owner;
    private readonly List<Histograms.Histogram1D> _attached1 = new();
    private readonly List<Histograms.Histogram2D> _attached2 = new();
    private Action<double[], AnalysisResult>? _store;

    private readonly int _length;

    private ParkedCells(AnalysisResult result, object owner, int length)
    {
        _result = result;
        _owner = owner;
        _length = length;
        // Pinned, so the 64-byte line its cells start on never moves (a kernel's vectors of 8 doubles are then whole
        // lines); 7 spare values make room to start on a line.
        Buffer = GC.AllocateArray<double>(length + LineDoubles - 1, pinned: true);
    }

    private const int LineDoubles = 8; // doubles per 64-byte cache line

    /// <summary>The storage (pinned); the kernel's cells are <see cref="Cells"/>, which starts at its first 64-byte
    /// line.</summary>
    public double[] Buffer { get; }

    /// <summary>The kernel's cells: the requested length of <see cref="Buffer"/>, from its first element on a 64-byte
    /// line (the same element on every call: the buffer is pinned).</summary>
    public Span<double> Cells => CellsOf(Buffer, _length);

    /// <summary>The <paramref name="length"/> values of <paramref name="buffer"/> (a <see cref="Buffer"/>) from its first
    /// element on a 64-byte line, as <see cref="Cells"/> gives them; for the store-back delegate, which gets the
    /// buffer.</summary>
    /// <param name="buffer">A <see cref="Buffer"/>.</param>
    /// <param name="length">The length the kernel asked <see cref="For"/> for.</param>
    public static unsafe Span<double> CellsOf(double[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if ((uint)length > (uint)buffer.Length) throw new ArgumentOutOfRangeException(nameof(length));
        if (buffer.Length == 0) return buffer;
        long address = (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref buffer[0]);
        int skip = (int)((LineDoubles * sizeof(double) - (address & (LineDoubles * sizeof(double) - 1))) & (LineDoubles * sizeof(double) - 1)) / sizeof(double);
        if (skip + length > buffer.Length) skip = 0; // an unpinned or short buffer: unaligned but whole
        return buffer.AsSpan(skip, length);
    }

    /// <summary>True while the cells are in <see cref="Buffer"/> rather than in the histograms.</summary>
    public bool IsLoaded => _store != null;

    /// <summary>The buffer of <paramref name="owner"/> (a kernel's layout) for <paramref name="result"/>, created on first
    /// use. Cells another owner had parked there are stored back first.</summary>
    /// <param name="result">The result a kernel adds into.</param>
    /// <param name="owner">An object that identifies the kernel's buffer layout (one per analysis).</param>
    /// <param name="length">The buffer length in doubles.</param>
    public static ParkedCells For(AnalysisResult result, object owner, int length)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var parked = result.Parked;
        if (parked != null && ReferenceEquals(parked._owner, owner) && parked._length == length) return parked;
        parked?.Store();
        parked = new ParkedCells(result, owner, length);
        result.Parked = parked;
        return parked;
    }

    /// <summary>Marks the cells as moved into <see cref="Buffer"/>: every histogram of the variations
    /// <paramref name="variationRanges"/> (pairs of first index and count in <see cref="AnalysisResult.Variations"/>) now
    /// stores them back through <paramref name="store"/> before it is accessed.</summary>
    /// <param name="store">Moves the cells from the buffer back into the result's histograms.</param>
    /// <param name="variationRanges">First variation and count, for each final-only systematic.</param>
    public void Loaded(Action<double[], AnalysisResult> store, int[] variationRanges)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(variationRanges);
        Store();
        var variations = _result.Variations;
        for (int r = 0; r + 1 < variationRanges.Length; r += 2)
            for (int v = variationRanges[r]; v < variationRanges[r] + variationRanges[r + 1]; v++)
            {
                var result = variations[v].Result;
                for (int h = 0; h < result.Histograms1D.Count; h++) { result.Histograms1D[h].Parked = this; _attached1.Add(result.Histograms1D[h]); }
                for (int h = 0; h < result.Histograms2D.Count; h++) { result.Histograms2D[h].Parked = this; _attached2.Add(result.Histograms2D[h]); }
            }
        _store = store;
    }

    /// <summary>Stores the parked cells back into the histograms and releases the buffer; does nothing when nothing is
    /// parked.</summary>
    public void Store()
    {
        var store = _store;
        if (store == null) return;
        _store = null;
        // Unmark first: the store writes the cells through the histograms' own accessors.
        foreach (var h in _attached1) if (ReferenceEquals(h.Parked, this)) h.Parked = null;
        foreach (var h in _attached2) if (ReferenceEquals(h.Parked, this)) h.Parked = null;
        _attached1.Clear();
        _attached2.Clear();
        store(Buffer, _result);
    }
}
