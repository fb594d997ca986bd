using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Mapping;

/// <summary>Scans of column data that readers run on every batch: non-finite floats in a column declared
/// finite, and booleans stored as something other than 0 or 1.</summary>
internal static class ValueChecks
{
    /// <summary>The index of the first NaN or ±∞ among the first <paramref name="count"/> elements, or −1
    /// (always −1 for integer and boolean types).</summary>
    public static int FirstNonFinite(ReadOnlySpan<byte> data, ColumnType type, int count) => type switch
    {
        ColumnType.Single => FirstNonFinite(MemoryMarshal.Cast<byte, float>(data)[..count]),
        ColumnType.Double => FirstNonFinite(MemoryMarshal.Cast<byte, double>(data)[..count]),
        _ => -1,
    };

    /// <summary>The index of the first byte that is neither 0 nor 1, or −1.</summary>
    public static int FirstInvalidBoolean(ReadOnlySpan<byte> data) => data.IndexOfAnyExcept((byte)0, (byte)1);

    private static int FirstNonFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            // x − x is 0 for finite x and NaN for NaN and ±∞.
            for (int v = 0; v < vectors.Length; v++)
                if (!Vector.EqualsAll(vectors[v] - vectors[v], Vector<T>.Zero)) { i = v * Vector<T>.Count; goto Scalar; }
            i = vectors.Length * Vector<T>.Count;
        }
    Scalar:
        for (; i < values.Length; i++) if (!T.IsFinite(values[i])) return i;
        return -1;
    }
}
