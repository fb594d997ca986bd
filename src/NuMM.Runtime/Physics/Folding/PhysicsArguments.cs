using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Runtime.Physics.Folding;

/// <summary>Argument checks shared by the physics code: each failure names the argument and the value.</summary>
internal static class PhysicsArguments
{
    public static void NonNegativeFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and ≥ 0 (MeV); got {NumericTable.Format(value)}.");
    }

    public static void PositiveFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and > 0; got {NumericTable.Format(value)}.");
    }

    public static void AllNonNegativeFinite(ReadOnlySpan<double> values, string paramName)
    {
        if (values.IsEmpty) return;
        double min = TensorPrimitives.Min(values), max = TensorPrimitives.Max(values);
        if (min >= 0 && double.IsFinite(max)) return;
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]) || values[i] < 0)
                throw new ArgumentOutOfRangeException(paramName, values[i], $"{paramName}[{i}] must be finite and ≥ 0 (MeV); got {NumericTable.Format(values[i])}.");
    }

    public static void SameLength(int expected, int actual, string paramName)
    {
        if (expected != actual)
            throw new ArgumentException($"{paramName} has length {actual}; expected {expected}.", paramName);
    }

    /// <summary>Sets <paramref name="destination"/>[i] = 0 wherever <paramref name="energies"/>[i] &lt; <paramref name="threshold"/>.</summary>
    public static void ZeroBelow(ReadOnlySpan<double> energies, double threshold, Span<double> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && energies.Length >= Vector<double>.Count)
        {
            var t = new Vector<double>(threshold);
            for (; i <= energies.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var e = new Vector<double>(energies.Slice(i));
                var d = new Vector<double>(destination.Slice(i));
                Vector.ConditionalSelect(Vector.LessThan(e, t), Vector<double>.Zero, d).CopyTo(destination.Slice(i));
            }
        }
        for (; i < energies.Length; i++)
            if (energies[i] < threshold) destination[i] = 0;
    }

    /// <summary>destination = scale · max(0, c0 + c1 u + c2 u²) with u = 1/E, the common shape of the CEvNS terms
    /// in the neutrino energy at fixed recoil. E = 0 gives u = ∞ and 0 after the clamp when c2 &lt; 0 or c1 &lt; 0
    /// dominates; callers mask forbidden energies separately.</summary>
    public static void ScaledQuadraticInInverse(ReadOnlySpan<double> energies, double c0, double c1, double c2, double scale, Span<double> destination)
    {
        TensorPrimitives.Reciprocal(energies, destination);          // u
        Span<double> u = destination;
        if (c2 == 0)
        {
            TensorPrimitives.Multiply(u, c1, destination);
        }
        else
        {
            // (c2 u + c1) u, computed in place with one scratch-free pass pair.
            int n = energies.Length;
            double[] rented = System.Buffers.ArrayPool<double>.Shared.Rent(n);
            try
            {
                var inv = rented.AsSpan(0, n);
                u.CopyTo(inv);
                TensorPrimitives.Multiply(inv, c2, destination);
                TensorPrimitives.Add(destination, c1, destination);
                TensorPrimitives.Multiply(destination, inv, destination);
            }
            finally
            {
                System.Buffers.ArrayPool<double>.Shared.Return(rented);
            }
        }
        TensorPrimitives.Add(destination, c0, destination);
        // −∞ at E = 0 becomes 0 here; NaN cannot occur because c0, c1, c2 are finite and u ≥ 0.
        TensorPrimitives.Max(destination, 0.0, destination);
        TensorPrimitives.Multiply(destination, scale, destination);
    }
}
