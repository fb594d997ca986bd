using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Histograms;

/// <summary>Vectorised search for NaN or ±∞ in weight columns (x − x is 0 exactly for finite x, NaN otherwise).</summary>
internal static class FiniteCheck
{
    /// <summary>The index of the first non-finite value, or −1. <typeparamref name="T"/> is float or double.</summary>
    public static int FirstNonFinite<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return First(MemoryMarshal.Cast<T, double>(values));
        if (typeof(T) == typeof(float)) return First(MemoryMarshal.Cast<T, float>(values));
        throw new NotSupportedException($"Weights of type {typeof(T).Name} are not supported.");
    }

    /// <summary>Element <paramref name="i"/> widened to double.</summary>
    public static double At<T>(ReadOnlySpan<T> values, int i) where T : unmanaged =>
        typeof(T) == typeof(double) ? MemoryMarshal.Cast<T, double>(values)[i] : MemoryMarshal.Cast<T, float>(values)[i];

    private static int First<T>(ReadOnlySpan<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && v.Length >= Vector<T>.Count)
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(v);
            for (int k = 0; k < vectors.Length; k++)
            {
                var x = vectors[k];
                if (!Vector.EqualsAll(x - x, Vector<T>.Zero)) { i = k * Vector<T>.Count; goto scalar; }
            }
            i = vectors.Length * Vector<T>.Count;
        }
    scalar:
        for (; i < v.Length; i++) if (!T.IsFinite(v[i])) return i;
        return -1;
    }
}
