using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>One-pass vectorised range checks for the array forms: every element finite and ≥ 0 (or &gt; 0), and the
/// largest element. Cheaper than TensorPrimitives.Min + Max, whose NaN semantics cost a second compare chain.
/// Dispatches 512 → 256 → 128 → scalar; <c>maxVectorBits</c> caps the width so tests can exercise each path.</summary>
internal static class SpanChecks
{
    /// <summary>True when all values are finite and ≥ 0 (&gt; 0 when <paramref name="strictlyPositive"/>);
    /// <paramref name="max"/> is then the largest value.</summary>
    public static bool AllInRange(ReadOnlySpan<double> values, bool strictlyPositive, out double max, int maxVectorBits = 512)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        int n = values.Length, i = 0;
        double lowest = strictlyPositive ? double.Epsilon : 0.0;
        bool ok = true;
        max = 0;
        if (maxVectorBits >= 512 && Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
        {
            var lo = Vector512.Create(lowest); var inf = Vector512.Create(double.PositiveInfinity);
            var good = Vector512<double>.AllBitsSet; var mx = Vector512<double>.Zero;
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref start, (nuint)i);
                good &= Vector512.GreaterThanOrEqual(v, lo) & Vector512.LessThan(v, inf); // NaN fails both
                mx = Vector512.Max(mx, v);
            }
            ok = good.AsUInt64() == Vector512<ulong>.AllBitsSet; // compare bits: all-ones is a NaN as a double
            for (int k = 0; k < Vector512<double>.Count; k++) max = Math.Max(max, mx.GetElement(k));
        }
        else if (maxVectorBits >= 256 && Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            var lo = Vector256.Create(lowest); var inf = Vector256.Create(double.PositiveInfinity);
            var good = Vector256<double>.AllBitsSet; var mx = Vector256<double>.Zero;
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                good &= Vector256.GreaterThanOrEqual(v, lo) & Vector256.LessThan(v, inf);
                mx = Vector256.Max(mx, v);
            }
            ok = good.AsUInt64() == Vector256<ulong>.AllBitsSet;
            for (int k = 0; k < Vector256<double>.Count; k++) max = Math.Max(max, mx.GetElement(k));
        }
        else if (maxVectorBits >= 128 && Vector128.IsHardwareAccelerated && n >= Vector128<double>.Count)
        {
            var lo = Vector128.Create(lowest); var inf = Vector128.Create(double.PositiveInfinity);
            var good = Vector128<double>.AllBitsSet; var mx = Vector128<double>.Zero;
            for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                good &= Vector128.GreaterThanOrEqual(v, lo) & Vector128.LessThan(v, inf);
                mx = Vector128.Max(mx, v);
            }
            ok = good.AsUInt64() == Vector128<ulong>.AllBitsSet;
            for (int k = 0; k < Vector128<double>.Count; k++) max = Math.Max(max, mx.GetElement(k));
        }
        for (; i < n; i++)
        {
            double v = Unsafe.Add(ref start, i);
            ok &= v >= lowest && v < double.PositiveInfinity;
            if (v > max) max = v;
        }
        return ok;
    }

    /// <summary>Sets w[i] = 0 where T[i] is above the kinematic limit of E[i], tested without division as
    /// T (m_e + 2E) &gt; 2E² (⇔ T &gt; T_max = 2E²/(m_e + 2E)); <paramref name="electronMass"/> in the units of E and T.</summary>
    public static void ZeroAboveKinematicLimit(ReadOnlySpan<double> e, ReadOnlySpan<double> t, Span<double> w, double electronMass, int maxVectorBits = 512)
    {
        ref double re = ref MemoryMarshal.GetReference(e);
        ref double rt = ref MemoryMarshal.GetReference(t);
        ref double rw = ref MemoryMarshal.GetReference(w);
        int n = w.Length, i = 0;
        if (maxVectorBits >= 512 && Vector512.IsHardwareAccelerated)
        {
            var m = Vector512.Create(electronMass);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var ev = Vector512.LoadUnsafe(ref re, (nuint)i);
                var above = Vector512.GreaterThan(Vector512.LoadUnsafe(ref rt, (nuint)i) * (m + ev + ev), (ev + ev) * ev);
                Vector512.AndNot(Vector512.LoadUnsafe(ref rw, (nuint)i), above).StoreUnsafe(ref rw, (nuint)i);
            }
        }
        if (maxVectorBits >= 256 && Vector256.IsHardwareAccelerated)
        {
            var m = Vector256.Create(electronMass);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var ev = Vector256.LoadUnsafe(ref re, (nuint)i);
                var above = Vector256.GreaterThan(Vector256.LoadUnsafe(ref rt, (nuint)i) * (m + ev + ev), (ev + ev) * ev);
                Vector256.AndNot(Vector256.LoadUnsafe(ref rw, (nuint)i), above).StoreUnsafe(ref rw, (nuint)i);
            }
        }
        if (maxVectorBits >= 128 && Vector128.IsHardwareAccelerated)
        {
            var m = Vector128.Create(electronMass);
            for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
            {
                var ev = Vector128.LoadUnsafe(ref re, (nuint)i);
                var above = Vector128.GreaterThan(Vector128.LoadUnsafe(ref rt, (nuint)i) * (m + ev + ev), (ev + ev) * ev);
                Vector128.AndNot(Vector128.LoadUnsafe(ref rw, (nuint)i), above).StoreUnsafe(ref rw, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double ev = Unsafe.Add(ref re, i);
            if (Unsafe.Add(ref rt, i) * (electronMass + ev + ev) > (ev + ev) * ev) Unsafe.Add(ref rw, i) = 0.0;
        }
    }
}
