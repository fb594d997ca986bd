using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NuMM.Runtime.Histograms;

/// <summary>The SIMD width a span fill uses to compute bin indices.</summary>
internal enum SimdWidth
{
    /// <summary>The widest accelerated width on this machine.</summary>
    Auto,
    /// <summary>One value at a time.</summary>
    Scalar,
    /// <summary><see cref="Vector128{T}"/>.</summary>
    V128,
    /// <summary><see cref="Vector256{T}"/>.</summary>
    V256,
    /// <summary><see cref="Vector512{T}"/>.</summary>
    V512,
}

/// <summary>Vectorised value → storage-cell mapping for a <see cref="RegularAxis"/>. Every width does exactly the
/// arithmetic of <see cref="RegularAxis.Index"/> in double precision (including its edge correction), so all widths
/// and the scalar path give identical cells; NaN is sent to the overflow by an explicit mask.</summary>
internal static class RegularBinning
{
    /// <summary>The width <see cref="SimdWidth.Auto"/> resolves to on this machine.</summary>
    public static SimdWidth Best =>
        Vector512.IsHardwareAccelerated ? SimdWidth.V512 :
        Vector256.IsHardwareAccelerated ? SimdWidth.V256 :
        Vector128.IsHardwareAccelerated ? SimdWidth.V128 : SimdWidth.Scalar;

    /// <summary>Writes the storage cell (bin + 1: 0 underflow, Count + 1 overflow) of each value.</summary>
    public static void Cells(RegularAxis axis, ReadOnlySpan<double> x, Span<int> cells, SimdWidth width = SimdWidth.Auto)
    {
        if (cells.Length < x.Length) throw new ArgumentException("Cell buffer too short.", nameof(cells));
        if (width == SimdWidth.Auto) width = Best;
        int i = width switch
        {
            SimdWidth.V512 => Cells512(axis, x, cells),
            SimdWidth.V256 => Cells256(axis, x, cells),
            SimdWidth.V128 => Cells128(axis, x, cells),
            _ => 0,
        };
        for (; i < x.Length; i++) cells[i] = axis.Index(x[i]) + 1;
    }

    /// <summary>Writes the storage cell of each single-precision value (widened exactly to double first).</summary>
    public static void Cells(RegularAxis axis, ReadOnlySpan<float> x, Span<int> cells, SimdWidth width = SimdWidth.Auto)
    {
        if (cells.Length < x.Length) throw new ArgumentException("Cell buffer too short.", nameof(cells));
        if (width == SimdWidth.Auto) width = Best;
        int i = width switch
        {
            SimdWidth.V512 => Cells512(axis, x, cells),
            SimdWidth.V256 => Cells256(axis, x, cells),
            SimdWidth.V128 => Cells128(axis, x, cells),
            _ => 0,
        };
        for (; i < x.Length; i++) cells[i] = axis.Index(x[i]) + 1;
    }

    // ---- 512 bits: 16 values per step (two vectors of 8 doubles) ----

    private static int Cells512(RegularAxis a, ReadOnlySpan<double> x, Span<int> cells)
    {
        var k = new Constants512(a);
        ref double src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(cells);
        int n = x.Length, i = 0;
        for (; i <= n - 16; i += 16)
        {
            var lo = Vector512.LoadUnsafe(ref src, (nuint)i);
            var hi = Vector512.LoadUnsafe(ref src, (nuint)(i + 8));
            Vector512.Narrow(k.Cell(lo), k.Cell(hi)).StoreUnsafe(ref dst, (nuint)i);
        }
        return i;
    }

    private static int Cells512(RegularAxis a, ReadOnlySpan<float> x, Span<int> cells)
    {
        var k = new Constants512(a);
        ref float src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(cells);
        int n = x.Length, i = 0;
        for (; i <= n - 16; i += 16)
        {
            var (lo, hi) = Vector512.Widen(Vector512.LoadUnsafe(ref src, (nuint)i));
            Vector512.Narrow(k.Cell(lo), k.Cell(hi)).StoreUnsafe(ref dst, (nuint)i);
        }
        return i;
    }

    private readonly struct Constants512
    {
        private readonly Vector512<double> _min, _max, _inv, _width, _last, _overflow;
        public Constants512(RegularAxis a)
        {
            _min = Vector512.Create(a.Min); _max = Vector512.Create(a.Max); _inv = Vector512.Create(a.InverseWidth);
            _width = Vector512.Create(a.Width); _last = Vector512.Create((double)(a.Count - 1)); _overflow = Vector512.Create((double)(a.Count + 1));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<long> Cell(Vector512<double> x)
        {
            var one = Vector512<double>.One;
            var t = Vector512.Min(Vector512.Max((x - _min) * _inv, Vector512<double>.Zero), _last);
            var i = Vector512.Floor(t);
            var down = Vector512.LessThan(x, _min + i * _width);
            var up = ~down & Vector512.LessThan(i, _last) & Vector512.GreaterThanOrEqual(x, _min + (i + one) * _width);
            i = Vector512.ConditionalSelect(down, i - one, Vector512.ConditionalSelect(up, i + one, i));
            var cell = i + one;
            cell = Vector512.ConditionalSelect(Vector512.LessThan(x, _min), Vector512<double>.Zero, cell);
            cell = Vector512.ConditionalSelect(Vector512.LessThan(x, _max), cell, _overflow);   // NaN fails x < max
            return Vector512.ConvertToInt64(cell);
        }
    }

    // ---- 256 bits: 8 values per step (two vectors of 4 doubles) ----

    private static int Cells256(RegularAxis a, ReadOnlySpan<double> x, Span<int> cells)
    {
        var k = new Constants256(a);
        ref double src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(cells);
        int n = x.Length, i = 0;
        for (; i <= n - 8; i += 8)
        {
            var lo = Vector256.LoadUnsafe(ref src, (nuint)i);
            var hi = Vector256.LoadUnsafe(ref src, (nuint)(i + 4));
            Vector256.Narrow(k.Cell(lo), k.Cell(hi)).StoreUnsafe(ref dst, (nuint)i);
        }
        return i;
    }

    private static int Cells256(RegularAxis a, ReadOnlySpan<float> x, Span<int> cells)
    {
        var k = new Constants256(a);
        ref float src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(cells);
        int n = x.Length, i = 0;
        for (; i <= n - 8; i += 8)
        {
            var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i));
            Vector256.Narrow(k.Cell(lo), k.Cell(hi)).StoreUnsafe(ref dst, (nuint)i);
        }
        return i;
    }

    private readonly struct Constants256
    {
        private readonly Vector256<double> _min, _max, _inv, _width, _last, _overflow;
        public Constants256(RegularAxis a)
        {
            _min = Vector256.Create(a.Min); _max = Vector256.Create(a.Max); _inv = Vector256.Create(a.InverseWidth);
            _width = Vector256.Create(a.Width); _last = Vector256.Create((double)(a.Count - 1)); _overflow = Vector256.Create((double)(a.Count + 1));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<long> Cell(Vector256<double> x)
        {
            var one = Vector256<double>.One;
            var t = Vector256.Min(Vector256.Max((x - _min) * _inv, Vector256<double>.Zero), _last);
            var i = Vector256.Floor(t);
            var down = Vector256.LessThan(x, _min + i * _width);
            var up = ~down & Vector256.LessThan(i, _last) & Vector256.GreaterThanOrEqual(x, _min + (i + one) * _width);
            i = Vector256.ConditionalSelect(down, i - one, Vector256.ConditionalSelect(up, i + one, i));
            var cell = i + one;
            cell = Vector256.ConditionalSelect(Vector256.LessThan(x, _min), Vector256<double>.Zero, cell);
            cell = Vector256.ConditionalSelect(Vector256.LessThan(x, _max), cell, _overflow);
            return Vector256.ConvertToInt64(cell);
        }
    }

    // ---- 128 bits: 4 values per step (two vectors of 2 doubles) ----

    private static int Cells128(RegularAxis a, ReadOnlySpan<double> x, Span<int> cells)
    {
        var k = new Constants128(a);
        ref double src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(cells);
        int n = x.Length, i = 0;
        for (; i <= n - 4; i += 4)
        {
            var lo = Vector128.LoadUnsafe(ref src, (nuint)i);
            var hi = Vector128.LoadUnsafe(ref src, (nuint)(i + 2));
            Vector128.Narrow(k.Cell(lo), k.Cell(hi)).StoreUnsafe(ref dst, (nuint)i);
        }
        return i;
    }

    private static int Cells128(RegularAxis a, ReadOnlySpan<float> x, Span<int> cells)
    {
        var k = new Constants128(a);
        ref float src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(cells);
        int n = x.Length, i = 0;
        for (; i <= n - 4; i += 4)
        {
            var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref src, (nuint)i));
            Vector128.Narrow(k.Cell(lo), k.Cell(hi)).StoreUnsafe(ref dst, (nuint)i);
        }
        return i;
    }

    private readonly struct Constants128
    {
        private readonly Vector128<double> _min, _max, _inv, _width, _last, _overflow;
        public Constants128(RegularAxis a)
        {
            _min = Vector128.Create(a.Min); _max = Vector128.Create(a.Max); _inv = Vector128.Create(a.InverseWidth);
            _width = Vector128.Create(a.Width); _last = Vector128.Create((double)(a.Count - 1)); _overflow = Vector128.Create((double)(a.Count + 1));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<long> Cell(Vector128<double> x)
        {
            var one = Vector128<double>.One;
            var t = Vector128.Min(Vector128.Max((x - _min) * _inv, Vector128<double>.Zero), _last);
            var i = Vector128.Floor(t);
            var down = Vector128.LessThan(x, _min + i * _width);
            var up = ~down & Vector128.LessThan(i, _last) & Vector128.GreaterThanOrEqual(x, _min + (i + one) * _width);
            i = Vector128.ConditionalSelect(down, i - one, Vector128.ConditionalSelect(up, i + one, i));
            var cell = i + one;
            cell = Vector128.ConditionalSelect(Vector128.LessThan(x, _min), Vector128<double>.Zero, cell);
            cell = Vector128.ConditionalSelect(Vector128.LessThan(x, _max), cell, _overflow);
            return Vector128.ConvertToInt64(cell);
        }
    }
}
