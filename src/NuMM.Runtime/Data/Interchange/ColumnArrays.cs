using System;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Interchange;

/// <summary>Plain CLR arrays of NuMM element types (bool, sbyte … ulong, float, double), as <see cref="TableColumn"/> holds them.</summary>
public static class ColumnArrays
{
    /// <summary>A new array of <paramref name="count"/> elements of the CLR type of <paramref name="type"/>.</summary>
    /// <param name="type">The element type.</param>
    /// <param name="count">Elements.</param>
    public static Array New(ColumnType type, long count) => type switch
    {
        ColumnType.Boolean => new bool[count],
        ColumnType.SByte => new sbyte[count],
        ColumnType.Byte => new byte[count],
        ColumnType.Int16 => new short[count],
        ColumnType.UInt16 => new ushort[count],
        ColumnType.Int32 => new int[count],
        ColumnType.UInt32 => new uint[count],
        ColumnType.Int64 => new long[count],
        ColumnType.UInt64 => new ulong[count],
        ColumnType.Single => new float[count],
        ColumnType.Double => new double[count],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>The bytes of a CLR array of a NuMM element type (bool as one byte).</summary>
    /// <param name="a">A <c>T[]</c> of a NuMM element type.</param>
    public static Span<byte> Bytes(Array a) => a switch
    {
        bool[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        sbyte[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        byte[] x => x.AsSpan(),
        short[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        ushort[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        int[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        uint[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        long[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        ulong[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        float[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        double[] x => MemoryMarshal.AsBytes(x.AsSpan()),
        _ => throw new ArgumentException($"Unsupported element array {a.GetType().Name}.", nameof(a)),
    };
}
