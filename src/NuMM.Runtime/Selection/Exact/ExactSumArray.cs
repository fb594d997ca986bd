using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace NuMM.Runtime.Selection.Exact;

/// <summary>An array of error-free running sums of doubles. Each sum is held as a non-overlapping floating-point expansion
/// (Shewchuk, "Adaptive precision floating-point arithmetic", Discrete Comput. Geom. 18 (1997) 305): a few doubles of
/// increasing magnitude whose exact sum is the exact sum of everything added. <see cref="Round"/> gives the correctly
/// rounded (to nearest, ties to even) double of that exact sum, so the value read does not depend on the order or the
/// grouping in which the terms were added: adding per-batch partials one by one, or adding whole shards' sums, gives the
/// same bits. Up to <see cref="InlineComponents"/> components live in one flat array; a sum that needs more (terms of
/// wildly different magnitudes) moves to its own list. Non-finite terms are summed apart (∞ and NaN propagate as in plain
/// double addition, which is order-independent for them). Threads may add to distinct sums at the same time.
/// In front of each expansion sits a pair (hi, lo) of doubles that takes most additions with two Two-Sums and no branch
/// on the data: hi + x = s + e exactly, lo + e = t + r exactly, and only a non-zero r (lo ran out of bits: terms
/// spanning more than about 50 binary orders of magnitude since the last read) goes into the expansion. The exact value
/// is always expansion + hi + lo; reading a sum (<see cref="Round"/>, <see cref="GetComponents"/>,
/// <see cref="ComponentCount"/>) first moves hi and lo into the expansion, which does not change it.</summary>
public sealed class ExactSumArray
{
    /// <summary>Components kept inline per sum before a sum moves to its own list.</summary>
    public const int InlineComponents = 4;

    private const int K = InlineComponents;
    private readonly double[] _components;      // sum i: _components[i*K .. i*K + _length[i]), increasing magnitude
    private readonly byte[] _length;            // inline count, or Spilled
    // Rare storage, made thread-safe so that threads may add to distinct sums at once (the parallel merge does).
    private System.Collections.Concurrent.ConcurrentDictionary<int, List<double>>? _spilled;
    private double[]? _special;                  // sum of the non-finite terms (∞, NaN), allocated on first use
    private readonly double[] _hi;               // the running pair in front of sum i: exact value = expansion + hi + lo
    private readonly double[] _lo;
    private const byte Spilled = byte.MaxValue;

    /// <summary>Creates <paramref name="count"/> sums, all zero.</summary>
    /// <param name="count">Number of sums; ≥ 0.</param>
    public ExactSumArray(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _components = new double[(long)count * K <= Array.MaxLength ? count * K : throw new ArgumentOutOfRangeException(nameof(count), count, "Too many sums for one array.")];
        _length = new byte[count];
        _hi = new double[count];
        _lo = new double[count];
    }

    /// <summary>Number of sums.</summary>
    public int Count { get; }

    /// <summary>Sets every sum to zero (keeps the storage).</summary>
    public void Clear()
    {
        Array.Clear(_components);
        Array.Clear(_length);
        Array.Clear(_hi);
        Array.Clear(_lo);
        _spilled?.Clear();
        if (_special != null) Array.Clear(_special);
    }

    /// <summary>Adds <paramref name="x"/> exactly to sum <paramref name="index"/>.</summary>
    /// <param name="index">0..<see cref="Count"/> − 1.</param>
    /// <param name="x">The term (any double).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, double x)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The array holds {Count} sums.");
        if (!double.IsFinite(x)) { AddSpecial(index, x); return; }
        ref double hi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_hi), index);
        double h = hi, s = h + x;
        if (!double.IsFinite(s)) { AddAfterSettling(index, x); return; } // hi + x overflows: let the expansion decide
        ref double lo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lo), index);
        double bv = s - h, e = (h - (s - bv)) + (x - bv);    // Two-Sum (Knuth): h + x = s + e exactly
        double l = lo, t = l + e;
        double bt = t - l, r = (l - (t - bt)) + (e - bt);    // l + e = t + r exactly
        if (r != 0 && !double.IsFinite(t)) { AddAfterSettling(index, x); return; } // lo overflowed (needs ~2^54 adds)
        hi = s;
        lo = t;
        if (r != 0) AddToExpansion(index, r);                 // rare: lo could not hold e exactly
    }

    /// <summary>Adds <paramref name="values"/>[k] exactly to sum <paramref name="start"/> + k for every k: the same
    /// additions as calling <see cref="Add"/> for each, 8 (or 4) sums at a time with vectors where no value needs more
    /// than the running pair.</summary>
    /// <param name="start">The sum that receives values[0].</param>
    /// <param name="values">The terms (any doubles).</param>
    public void AddRange(int start, ReadOnlySpan<double> values) => AddRange(start, values, 512);

    /// <summary><see cref="AddRange(int, ReadOnlySpan{double})"/> with vectors of at most <paramref name="maxVectorBits"/>
    /// bits (512, 256, or 0 for one by one), so tests can run every path on any machine.</summary>
    internal void AddRange(int start, ReadOnlySpan<double> values, int maxVectorBits)
    {
        if (start < 0 || values.Length > Count - start)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"{values.Length} sums from {start} do not fit in the array of {Count}.");
        ref double v = ref MemoryMarshal.GetReference(values);
        ref double hi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_hi), start);
        ref double lo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lo), start);
        int i = 0;
        if (maxVectorBits >= 512 && Vector512.IsHardwareAccelerated)
        {
            for (; i <= values.Length - 8; i += 8)
            {
                var x = Vector512.LoadUnsafe(ref v, (nuint)i);
                var h = Vector512.LoadUnsafe(ref hi, (nuint)i);
                var l = Vector512.LoadUnsafe(ref lo, (nuint)i);
                var s = h + x; var bv = s - h; var e = (h - (s - bv)) + (x - bv);
                var t = l + e; var bt = t - l; var r = (l - (t - bt)) + (e - bt);
                // x − x and s − s are +0 for finite values and NaN otherwise; r must be zero in every lane.
                if (((x - x) | (s - s)).AsUInt64() == Vector512<ulong>.Zero && Vector512.EqualsAll(r, Vector512<double>.Zero))
                {
                    s.StoreUnsafe(ref hi, (nuint)i);
                    t.StoreUnsafe(ref lo, (nuint)i);
                }
                else
                {
                    for (int k = i; k < i + 8; k++) Add(start + k, Unsafe.Add(ref v, k)); // nothing was stored: one by one
                }
            }
        }
        else if (maxVectorBits >= 256 && Vector256.IsHardwareAccelerated)
        {
            for (; i <= values.Length - 4; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref v, (nuint)i);
                var h = Vector256.LoadUnsafe(ref hi, (nuint)i);
                var l = Vector256.LoadUnsafe(ref lo, (nuint)i);
                var s = h + x; var bv = s - h; var e = (h - (s - bv)) + (x - bv);
                var t = l + e; var bt = t - l; var r = (l - (t - bt)) + (e - bt);
                if (((x - x) | (s - s)).AsUInt64() == Vector256<ulong>.Zero && Vector256.EqualsAll(r, Vector256<double>.Zero))
                {
                    s.StoreUnsafe(ref hi, (nuint)i);
                    t.StoreUnsafe(ref lo, (nuint)i);
                }
                else
                {
                    for (int k = i; k < i + 4; k++) Add(start + k, Unsafe.Add(ref v, k));
                }
            }
        }
        for (; i < values.Length; i++) Add(start + i, Unsafe.Add(ref v, i));
    }

    // hi + x overflowed: move the pair into the expansion and add x there, where overflow is decided as before.
    private void AddAfterSettling(int index, double x)
    {
        Settle(index);
        AddToExpansion(index, x);
    }

    /// <summary>Moves the running pair of sum <paramref name="index"/> into its expansion (the exact value does not change).</summary>
    private void Settle(int index)
    {
        double h = _hi[index], l = _lo[index];
        if (h == 0 && l == 0) return;
        _hi[index] = 0;
        _lo[index] = 0;
        AddToExpansion(index, l);
        AddToExpansion(index, h);
    }

    // Adds a finite x to the expansion of sum `index` (Grow-Expansion).
    private void AddToExpansion(int index, double x)
    {
        if (x == 0) return;
        ref byte len = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_length), index);
        ref double e = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_components), index * K);
        int n = len;
        if (n == 0) { e = x; len = 1; return; }
        if (n == 1)
        {
            double c = e, s = x + c, bv = s - x, h = (x - (s - bv)) + (c - bv);
            if (!double.IsFinite(s)) { Overflow(index, s); return; }
            if (h == 0) { if (s == 0) len = 0; else e = s; return; }
            e = h; Unsafe.Add(ref e, 1) = s; len = 2;
            return;
        }
        if (n == Spilled) { AddSpilled(index, x); return; }
        AddGeneral(index, ref e, n, x);
    }

    private void AddGeneral(int index, ref double e, int n, double x)
    {
        // Grow-Expansion with zero elimination, in place: component j is read before slot m ≤ j is written.
        double q = x;
        int m = 0;
        for (int j = 0; j < n; j++)
        {
            double c = Unsafe.Add(ref e, j);
            double s = q + c;
            double bv = s - q;
            double h = (q - (s - bv)) + (c - bv);
            q = s;
            // Branch-free zero elimination (whether h is zero is data-dependent and mispredicts): h is always written
            // and kept only when non-zero; m ≤ j, so no component still to be read is overwritten.
            Unsafe.Add(ref e, m) = h;
            m += h != 0 ? 1 : 0;
        }
        if (!double.IsFinite(q)) { Overflow(index, q); return; }
        if (q == 0) { _length[index] = (byte)m; return; }
        if (m == K) { Append(index, m, q); return; }
        Unsafe.Add(ref e, m++) = q;
        _length[index] = (byte)m;
    }

    /// <summary>Adds every component of sum <paramref name="fromIndex"/> of <paramref name="from"/> into sum
    /// <paramref name="index"/> of this array (exactly).</summary>
    /// <param name="index">The sum to add into.</param>
    /// <param name="from">Another array (may be this one only with a different index).</param>
    /// <param name="fromIndex">The sum to add.</param>
    public void AddSum(int index, ExactSumArray from, int fromIndex)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from._special != null && from._special[fromIndex] is double sp && (sp != 0 || double.IsNaN(sp))) AddSpecial(index, sp);
        double fl = from._lo[fromIndex], fh = from._hi[fromIndex];
        int n = from._length[fromIndex];
        if (n == Spilled) foreach (var c in from._spilled![fromIndex].ToArray()) Add(index, c);
        else
        {
            int start = fromIndex * K;
            for (int j = 0; j < n; j++) Add(index, from._components[start + j]);
        }
        Add(index, fl);
        Add(index, fh);
    }

    /// <summary>The components of sum <paramref name="index"/> (non-overlapping, increasing magnitude, no zeros), and the
    /// non-finite part (0 when there is none).</summary>
    /// <param name="index">0..<see cref="Count"/> − 1.</param>
    /// <param name="into">Receives the components (cleared first).</param>
    /// <returns>The sum of the non-finite terms added (0 when none; ±∞ or NaN otherwise).</returns>
    public double GetComponents(int index, List<double> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        Settle(index);
        int n = _length[index];
        if (n == Spilled) into.AddRange(_spilled![index]);
        else for (int j = 0; j < n; j++) into.Add(_components[index * K + j]);
        return _special?[index] ?? 0;
    }

    /// <summary>The number of finite components sum <paramref name="index"/> holds now.</summary>
    /// <param name="index">0..<see cref="Count"/> − 1.</param>
    public int ComponentCount(int index)
    {
        Settle(index);
        return _length[index] == Spilled ? _spilled![index].Count : _length[index];
    }

    /// <summary>The correctly rounded double of sum <paramref name="index"/> (round to nearest, ties to even); ±∞ or NaN
    /// when a non-finite term was added.</summary>
    /// <param name="index">0..<see cref="Count"/> − 1.</param>
    public double Round(int index)
    {
        if (_special != null && (_special[index] != 0 || double.IsNaN(_special[index]))) return _special[index];
        Settle(index);
        int n = _length[index];
        if (n == Spilled)
        {
            var list = _spilled![index];
            return RoundExpansion(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        }
        return RoundExpansion(_components.AsSpan(index * K, n));
    }

    /// <summary>The correctly rounded sum of a non-overlapping expansion with components in increasing magnitude (the
    /// final step of Shewchuk's msum as in Python's math.fsum): add from the top while exact; at the first inexact
    /// addition the rest only decides an exact tie.</summary>
    internal static double RoundExpansion(ReadOnlySpan<double> p)
    {
        int n = p.Length;
        if (n == 0) return 0;
        double hi = p[--n], lo = 0;
        while (n > 0)
        {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0) break;
        }
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0)))
        {
            double y = lo * 2, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
        return hi;
    }

    private void Append(int index, int m, double q)
    {
        // Full: compress the K components plus q; if they still need more than K, the sum moves to a list.
        Span<double> all = stackalloc double[K + 1];
        _components.AsSpan(index * K, m).CopyTo(all);
        all[m] = q;
        int len = Compress(all);
        if (len <= K)
        {
            all[..len].CopyTo(_components.AsSpan(index * K, K));
            _length[index] = (byte)len;
            return;
        }
        if (_spilled == null) Interlocked.CompareExchange(ref _spilled, new System.Collections.Concurrent.ConcurrentDictionary<int, List<double>>(), null);
        _spilled[index] = new List<double>(all[..len].ToArray());
        _length[index] = Spilled;
    }

    private void AddSpilled(int index, double x)
    {
        var list = _spilled![index];
        var e = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        double q = x;
        int m = 0;
        for (int j = 0; j < e.Length; j++)
        {
            double c = e[j];
            double s = q + c, bv = s - q, h = (q - (s - bv)) + (c - bv);
            q = s;
            if (h != 0) e[m++] = h;
        }
        list.RemoveRange(m, list.Count - m);
        if (!double.IsFinite(q)) { list.Clear(); AddSpecial(index, q); return; }
        if (q != 0) list.Add(q);
        if (list.Count > 2 * K)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
            int len = Compress(span);
            list.RemoveRange(len, list.Count - len);
        }
    }

    private void Overflow(int index, double q)
    {
        // The running sum left the double range: the exact value is beyond what a double holds, so it is kept as the
        // non-finite part (the remaining small components cannot bring it back).
        _length[index] = 0;
        AddSpecial(index, q);
    }

    private void AddSpecial(int index, double x)
    {
        if (_special == null) Interlocked.CompareExchange(ref _special, new double[Count], null);
        _special[index] += x;
    }

    /// <summary>Shewchuk's Compress: rewrites the expansion in place (increasing magnitude, no zeros, non-adjacent) and
    /// returns its new length, which is at most the old one and usually much smaller.</summary>
    internal static int Compress(Span<double> e)
    {
        int m = e.Length;
        if (m == 0) return 0;
        Span<double> g = m <= 64 ? stackalloc double[m] : new double[m];
        int bottom = m - 1;
        double Q = e[m - 1];
        for (int i = m - 2; i >= 0; i--)
        {
            double a = Q, b = e[i];
            double s = a + b, q = b - (s - a); // Fast-Two-Sum: |a| ≥ |b| holds for non-overlapping components
            if (q != 0) { g[bottom--] = s; Q = q; }
            else Q = s;
        }
        g[bottom] = Q;
        int top = 0;
        for (int i = bottom + 1; i < m; i++)
        {
            double a = g[i], b = Q;
            double s = a + b, q = b - (s - a);
            if (q != 0) e[top++] = q;
            Q = s;
        }
        e[top++] = Q;
        // A zero can only remain as the single component of a zero sum.
        if (top == 1 && e[0] == 0) return 0;
        return top;
    }
}
