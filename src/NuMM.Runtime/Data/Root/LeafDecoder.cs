using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Root;

/// <summary>Big-endian decoding of leaf values into native column types, with the conversions a schema may ask for.</summary>
internal static class LeafDecoder
{
    /// <summary>Bytes per stored element.</summary>
    public static int SizeOf(RootLeafType t) => t switch
    {
        RootLeafType.Boolean or RootLeafType.Int8 or RootLeafType.UInt8 or RootLeafType.String => 1,
        RootLeafType.Int16 or RootLeafType.UInt16 => 2,
        RootLeafType.Int32 or RootLeafType.UInt32 or RootLeafType.Float32 => 4,
        RootLeafType.Int64 or RootLeafType.UInt64 or RootLeafType.Float64 => 8,
        _ => 0,
    };

    /// <summary>The column type that holds a leaf's values without conversion, or null for strings and unsupported leaves.</summary>
    public static ColumnType? NaturalColumnType(RootLeafType t) => t switch
    {
        RootLeafType.Boolean => ColumnType.Boolean,
        RootLeafType.Int8 => ColumnType.SByte,
        RootLeafType.UInt8 => ColumnType.Byte,
        RootLeafType.Int16 => ColumnType.Int16,
        RootLeafType.UInt16 => ColumnType.UInt16,
        RootLeafType.Int32 => ColumnType.Int32,
        RootLeafType.UInt32 => ColumnType.UInt32,
        RootLeafType.Int64 => ColumnType.Int64,
        RootLeafType.UInt64 => ColumnType.UInt64,
        RootLeafType.Float32 => ColumnType.Single,
        RootLeafType.Float64 => ColumnType.Double,
        _ => null,
    };

    /// <summary>The column type for a CLR element type, or null.</summary>
    public static ColumnType? ColumnTypeOf<T>() =>
        typeof(T) == typeof(bool) ? ColumnType.Boolean :
        typeof(T) == typeof(sbyte) ? ColumnType.SByte :
        typeof(T) == typeof(byte) ? ColumnType.Byte :
        typeof(T) == typeof(short) ? ColumnType.Int16 :
        typeof(T) == typeof(ushort) ? ColumnType.UInt16 :
        typeof(T) == typeof(int) ? ColumnType.Int32 :
        typeof(T) == typeof(uint) ? ColumnType.UInt32 :
        typeof(T) == typeof(long) ? ColumnType.Int64 :
        typeof(T) == typeof(ulong) ? ColumnType.UInt64 :
        typeof(T) == typeof(float) ? ColumnType.Single :
        typeof(T) == typeof(double) ? ColumnType.Double : null;

    private static int Bits(ColumnType c) => c switch
    {
        ColumnType.SByte or ColumnType.Byte => 8,
        ColumnType.Int16 or ColumnType.UInt16 => 16,
        ColumnType.Int32 or ColumnType.UInt32 => 32,
        _ => 64,
    };

    private static bool IsSigned(ColumnType c) => c is ColumnType.SByte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64;
    private static bool IsUnsigned(ColumnType c) => c is ColumnType.Byte or ColumnType.UInt16 or ColumnType.UInt32 or ColumnType.UInt64;

    /// <summary>True when values of leaf type <paramref name="from"/> may fill a column of type <paramref name="to"/>:
    /// the same type, a lossless integer widening, integer or float to a floating column, and double → float
    /// (which a schema asks for explicitly by declaring the column float). Narrowing integers and sign changes are refused.</summary>
    public static bool CanConvert(RootLeafType from, ColumnType to)
    {
        var natural = NaturalColumnType(from);
        if (natural is null) return false;
        var f = natural.Value;
        if (f == to) return true;
        if (f == ColumnType.Boolean || to == ColumnType.Boolean) return false;
        if (to is ColumnType.Single or ColumnType.Double) return true;
        if (f is ColumnType.Single or ColumnType.Double) return false;
        if (IsSigned(f)) return IsSigned(to) && Bits(to) > Bits(f);
        return (IsUnsigned(to) && Bits(to) > Bits(f)) || (IsSigned(to) && Bits(to) > Bits(f));
    }

    /// <summary>Decodes <paramref name="dst"/>.Length values from big-endian <paramref name="src"/>: value i is stored
    /// element <paramref name="first"/> + i × <paramref name="stride"/>.</summary>
    public static void Decode<TD>(ReadOnlySpan<byte> src, RootLeafType from, Span<TD> dst, int stride = 1, int first = 0) where TD : unmanaged
    {
        if (typeof(TD) == typeof(bool))
        {
            var d = MemoryMarshal.Cast<TD, byte>(dst);
            for (int i = 0; i < d.Length; i++) d[i] = src[first + i * stride] != 0 ? (byte)1 : (byte)0;
            return;
        }
        switch (from)
        {
            case RootLeafType.Boolean:
            case RootLeafType.UInt8: From<byte, TD>(src, dst, stride, first); break;
            case RootLeafType.Int8: From<sbyte, TD>(src, dst, stride, first); break;
            case RootLeafType.Int16: From<short, TD>(src, dst, stride, first); break;
            case RootLeafType.UInt16: From<ushort, TD>(src, dst, stride, first); break;
            case RootLeafType.Int32: From<int, TD>(src, dst, stride, first); break;
            case RootLeafType.UInt32: From<uint, TD>(src, dst, stride, first); break;
            case RootLeafType.Int64: From<long, TD>(src, dst, stride, first); break;
            case RootLeafType.UInt64: From<ulong, TD>(src, dst, stride, first); break;
            case RootLeafType.Float32: From<float, TD>(src, dst, stride, first); break;
            case RootLeafType.Float64: From<double, TD>(src, dst, stride, first); break;
            default: throw new InvalidOperationException($"Leaf type {from} has no numeric decoding.");
        }
    }

    /// <summary>Decodes <paramref name="count"/> entries of <paramref name="values"/> values each, stored entry after entry in
    /// <paramref name="src"/>, into an array column: value k of entry i lands at <paramref name="dst"/>[k × <paramref name="stride"/>
    /// + <paramref name="first"/> + i] (an element-major array column; an event-major one takes the entries as they are,
    /// through <see cref="Decode{TD}"/>).</summary>
    public static void DecodeTransposed<TD>(ReadOnlySpan<byte> src, RootLeafType from, Span<TD> dst, int stride, int first, int count, int values) where TD : unmanaged
    {
        // One strided pass per value k: each writes one contiguous run of the column.
        for (int k = 0; k < values; k++)
            Decode(src, from, dst.Slice(k * stride + first, count), values, k);
    }

    private static unsafe void From<TS, TD>(ReadOnlySpan<byte> src, Span<TD> dst, int stride, int first) where TS : unmanaged where TD : unmanaged
    {
        int size = sizeof(TS);
        if (typeof(TS) == typeof(TD) && stride == 1)
        {
            var s = src.Slice(first * size, dst.Length * size);
            switch (size)
            {
                case 1: s.CopyTo(MemoryMarshal.AsBytes(dst)); break;
                case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(s), MemoryMarshal.Cast<TD, ushort>(dst)); break;
                case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(s), MemoryMarshal.Cast<TD, uint>(dst)); break;
                default: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(s), MemoryMarshal.Cast<TD, ulong>(dst)); break;
            }
            return;
        }
        for (int i = 0; i < dst.Length; i++)
            dst[i] = Convert<TS, TD>(Read<TS>(src.Slice((first + i * stride) * size)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe T Read<T>(ReadOnlySpan<byte> s) where T : unmanaged
    {
        if (sizeof(T) == 1) return Unsafe.As<byte, T>(ref MemoryMarshal.GetReference(s));
        if (sizeof(T) == 2) { ushort v = BinaryPrimitives.ReadUInt16BigEndian(s); return Unsafe.As<ushort, T>(ref v); }
        if (sizeof(T) == 4) { uint v = BinaryPrimitives.ReadUInt32BigEndian(s); return Unsafe.As<uint, T>(ref v); }
        ulong w = BinaryPrimitives.ReadUInt64BigEndian(s);
        return Unsafe.As<ulong, T>(ref w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TD Convert<TS, TD>(TS v) where TS : unmanaged where TD : unmanaged
    {
        // Each branch is folded by the JIT for the concrete (TS, TD) pair.
        double d = ToDouble(v, out long l, out ulong u, out int kind);
        if (typeof(TD) == typeof(double)) return Cast<TD, double>(kind == 0 ? d : kind == 1 ? l : (double)u);
        if (typeof(TD) == typeof(float)) return Cast<TD, float>(kind == 0 ? (float)d : kind == 1 ? l : (float)u);
        if (typeof(TD) == typeof(long)) return Cast<TD, long>(kind == 1 ? l : (long)u);
        if (typeof(TD) == typeof(ulong)) return Cast<TD, ulong>(kind == 2 ? u : (ulong)l);
        if (typeof(TD) == typeof(int)) return Cast<TD, int>(kind == 1 ? (int)l : (int)u);
        if (typeof(TD) == typeof(uint)) return Cast<TD, uint>(kind == 2 ? (uint)u : (uint)l);
        if (typeof(TD) == typeof(short)) return Cast<TD, short>(kind == 1 ? (short)l : (short)u);
        if (typeof(TD) == typeof(ushort)) return Cast<TD, ushort>(kind == 2 ? (ushort)u : (ushort)l);
        if (typeof(TD) == typeof(sbyte)) return Cast<TD, sbyte>((sbyte)l);
        if (typeof(TD) == typeof(byte)) return Cast<TD, byte>((byte)u);
        throw new InvalidOperationException($"No conversion to {typeof(TD).Name}.");
    }

    private static TD Cast<TD, TX>(TX x) where TD : unmanaged where TX : unmanaged => Unsafe.As<TX, TD>(ref x);

    /// <summary>Splits a value into (floating, signed, unsigned) views; kind says which one is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ToDouble<TS>(TS v, out long l, out ulong u, out int kind) where TS : unmanaged
    {
        l = 0; u = 0;
        if (typeof(TS) == typeof(double)) { kind = 0; return Unsafe.As<TS, double>(ref v); }
        if (typeof(TS) == typeof(float)) { kind = 0; return Unsafe.As<TS, float>(ref v); }
        if (typeof(TS) == typeof(sbyte)) { kind = 1; l = Unsafe.As<TS, sbyte>(ref v); return 0; }
        if (typeof(TS) == typeof(short)) { kind = 1; l = Unsafe.As<TS, short>(ref v); return 0; }
        if (typeof(TS) == typeof(int)) { kind = 1; l = Unsafe.As<TS, int>(ref v); return 0; }
        if (typeof(TS) == typeof(long)) { kind = 1; l = Unsafe.As<TS, long>(ref v); return 0; }
        kind = 2;
        if (typeof(TS) == typeof(byte)) u = Unsafe.As<TS, byte>(ref v);
        else if (typeof(TS) == typeof(ushort)) u = Unsafe.As<TS, ushort>(ref v);
        else if (typeof(TS) == typeof(uint)) u = Unsafe.As<TS, uint>(ref v);
        else u = Unsafe.As<TS, ulong>(ref v);
        return 0;
    }

    /// <summary>Index of the first non-finite value in <paramref name="span"/>, or −1.</summary>
    public static int FirstNonFinite<T>(ReadOnlySpan<T> span) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            var s = MemoryMarshal.Cast<T, double>(span);
            for (int i = 0; i < s.Length; i++) if (!double.IsFinite(s[i])) return i;
        }
        else if (typeof(T) == typeof(float))
        {
            var s = MemoryMarshal.Cast<T, float>(span);
            for (int i = 0; i < s.Length; i++) if (!float.IsFinite(s[i])) return i;
        }
        return -1;
    }
}
