using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Mapping;

/// <summary>Element-wise conversion between column types, used only where a caller asked for it
/// (<see cref="ColumnConversion"/>). Integer targets are range-checked; booleans convert from and to 0/1.</summary>
internal static class ValueConverter
{
    /// <summary>Converts <paramref name="count"/> elements; returns −1, or the index of the first element that
    /// does not fit <paramref name="to"/> (out of range, NaN into an integer, a value other than 0/1 into bool).</summary>
    public static int Convert(ReadOnlySpan<byte> source, ColumnType from, Span<byte> destination, ColumnType to, int count) => from switch
    {
        ColumnType.Boolean or ColumnType.Byte => From<byte>(source, to, destination, count),
        ColumnType.SByte => From<sbyte>(source, to, destination, count),
        ColumnType.Int16 => From<short>(source, to, destination, count),
        ColumnType.UInt16 => From<ushort>(source, to, destination, count),
        ColumnType.Int32 => From<int>(source, to, destination, count),
        ColumnType.UInt32 => From<uint>(source, to, destination, count),
        ColumnType.Int64 => From<long>(source, to, destination, count),
        ColumnType.UInt64 => From<ulong>(source, to, destination, count),
        ColumnType.Single => From<float>(source, to, destination, count),
        ColumnType.Double => From<double>(source, to, destination, count),
        _ => throw new ArgumentOutOfRangeException(nameof(from), from, "Unknown column type."),
    };

    private static int From<TFrom>(ReadOnlySpan<byte> source, ColumnType to, Span<byte> d, int n)
        where TFrom : unmanaged, INumberBase<TFrom>
    {
        var s = MemoryMarshal.Cast<byte, TFrom>(source)[..n];
        return to switch
        {
            ColumnType.Boolean => ToBoolean(s, d[..n]),
            ColumnType.Byte => To(s, MemoryMarshal.Cast<byte, byte>(d)),
            ColumnType.SByte => To(s, MemoryMarshal.Cast<byte, sbyte>(d)),
            ColumnType.Int16 => To(s, MemoryMarshal.Cast<byte, short>(d)),
            ColumnType.UInt16 => To(s, MemoryMarshal.Cast<byte, ushort>(d)),
            ColumnType.Int32 => To(s, MemoryMarshal.Cast<byte, int>(d)),
            ColumnType.UInt32 => To(s, MemoryMarshal.Cast<byte, uint>(d)),
            ColumnType.Int64 => To(s, MemoryMarshal.Cast<byte, long>(d)),
            ColumnType.UInt64 => To(s, MemoryMarshal.Cast<byte, ulong>(d)),
            ColumnType.Single => To(s, MemoryMarshal.Cast<byte, float>(d)),
            ColumnType.Double => To(s, MemoryMarshal.Cast<byte, double>(d)),
            _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Unknown column type."),
        };
    }

    private static int To<TFrom, TTo>(ReadOnlySpan<TFrom> s, Span<TTo> d)
        where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
    {
        int i = 0;
        try
        {
            for (; i < s.Length; i++) d[i] = TTo.CreateChecked(s[i]);
            return -1;
        }
        catch (OverflowException)
        {
            return i;
        }
    }

    private static int ToBoolean<TFrom>(ReadOnlySpan<TFrom> s, Span<byte> d) where TFrom : unmanaged, INumberBase<TFrom>
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (TFrom.IsZero(s[i])) d[i] = 0;
            else if (s[i] == TFrom.One) d[i] = 1;
            else return i;
        }
        return -1;
    }
}
