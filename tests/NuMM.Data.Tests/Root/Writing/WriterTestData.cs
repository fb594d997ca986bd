using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root.Compression;
using NuMM.Runtime.Data.Root.Writing;

namespace NuMM.Data.Tests.Root.Writing;

/// <summary>Columns of every type with values that exercise the edges (extremes, −0, NaN with a payload, ±∞, subnormals),
/// written through <see cref="RootTreeWriter"/> into a temporary folder.</summary>
internal static class WriterTestData
{
    public static readonly ColumnType[] AllTypes = Enum.GetValues<ColumnType>();

    public static readonly RootCompressionAlgorithm[] Algorithms =
        [RootCompressionAlgorithm.None, RootCompressionAlgorithm.Zlib, RootCompressionAlgorithm.Lz4, RootCompressionAlgorithm.Zstd];

    public static ColumnInfo Column(string name, ColumnType type, int length = 1, ArrayLayout layout = ArrayLayout.ElementMajor) =>
        new(name, type, "", "", false, length, layout);

    /// <summary>Value k of entry i of a column of <paramref name="type"/>, as the column's element type.</summary>
    public static object Value(ColumnType type, long i, int k)
    {
        long x = i * 7919 + k * 104729 + (long)type * 31;
        switch (type)
        {
            case ColumnType.Boolean: return (x % 3) == 0;
            case ColumnType.SByte: return (sbyte)(i % 5 == 0 ? sbyte.MinValue : x);
            case ColumnType.Byte: return (byte)(i % 5 == 0 ? byte.MaxValue : x);
            case ColumnType.Int16: return (short)(i % 5 == 0 ? short.MinValue : x);
            case ColumnType.UInt16: return (ushort)(i % 5 == 0 ? ushort.MaxValue : x);
            case ColumnType.Int32: return i % 5 == 0 ? int.MinValue : (int)(x * 65537);
            case ColumnType.UInt32: return i % 5 == 0 ? uint.MaxValue : (uint)(x * 65537);
            case ColumnType.Int64: return i % 5 == 0 ? long.MinValue : x * 0x1_0000_0001L;
            case ColumnType.UInt64: return i % 5 == 0 ? ulong.MaxValue : (ulong)x * 0x1_0000_0001UL;
            case ColumnType.Single:
                return (i % 11) switch
                {
                    0 => -0f,
                    1 => BitConverter.Int32BitsToSingle(0x7FC0_1234), // NaN with a payload
                    2 => float.PositiveInfinity,
                    3 => float.Epsilon,
                    _ => (float)(x * 0.001 - 3.7),
                };
            default:
                return (i % 11) switch
                {
                    0 => -0d,
                    1 => BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234),
                    2 => double.NegativeInfinity,
                    3 => double.Epsilon,
                    _ => x * 1e-3 - 3.7,
                };
        }
    }

    /// <summary>A batch holding entries [first, first + count) of <paramref name="columns"/>.</summary>
    public static DynamicColumnBatch Batch(IReadOnlyList<ColumnInfo> columns, long first, int count, int capacity)
    {
        var b = new DynamicColumnBatch(columns, capacity);
        for (int c = 0; c < columns.Count; c++)
            for (int r = 0; r < count; r++)
                for (int k = 0; k < columns[c].Length; k++)
                    Set(b, c, columns[c].IndexOf(capacity, r, k), Value(columns[c].Type, first + r, k));
        b.Length = count;
        return b;
    }

    private static void Set(DynamicColumnBatch b, int c, int at, object v)
    {
        switch (v)
        {
            case bool x: b.Column<bool>(c)[at] = x; break;
            case sbyte x: b.Column<sbyte>(c)[at] = x; break;
            case byte x: b.Column<byte>(c)[at] = x; break;
            case short x: b.Column<short>(c)[at] = x; break;
            case ushort x: b.Column<ushort>(c)[at] = x; break;
            case int x: b.Column<int>(c)[at] = x; break;
            case uint x: b.Column<uint>(c)[at] = x; break;
            case long x: b.Column<long>(c)[at] = x; break;
            case ulong x: b.Column<ulong>(c)[at] = x; break;
            case float x: b.Column<float>(c)[at] = x; break;
            case double x: b.Column<double>(c)[at] = x; break;
        }
    }

    /// <summary>The value at <paramref name="at"/> of column <paramref name="c"/>, boxed, for exact comparison (floats by bits).</summary>
    public static object Get(IColumnBatch b, int c, int at) => b.Columns[c].Type switch
    {
        ColumnType.Boolean => b.Column<bool>(c)[at],
        ColumnType.SByte => b.Column<sbyte>(c)[at],
        ColumnType.Byte => b.Column<byte>(c)[at],
        ColumnType.Int16 => b.Column<short>(c)[at],
        ColumnType.UInt16 => b.Column<ushort>(c)[at],
        ColumnType.Int32 => b.Column<int>(c)[at],
        ColumnType.UInt32 => b.Column<uint>(c)[at],
        ColumnType.Int64 => b.Column<long>(c)[at],
        ColumnType.UInt64 => b.Column<ulong>(c)[at],
        ColumnType.Single => BitConverter.SingleToInt32Bits(b.Column<float>(c)[at]),
        _ => BitConverter.DoubleToInt64Bits(b.Column<double>(c)[at]),
    };

    public static object Bits(object v) => v switch
    {
        float f => BitConverter.SingleToInt32Bits(f),
        double d => BitConverter.DoubleToInt64Bits(d),
        _ => v,
    };

    /// <summary>Writes <paramref name="entries"/> entries of <paramref name="columns"/> in batches of <paramref name="batchSize"/>.</summary>
    public static string Write(string dir, IReadOnlyList<ColumnInfo> columns, long entries, RootWriteOptions options, int batchSize = 250, string name = "t.root")
    {
        string path = Path.Combine(dir, name);
        using var w = RootTreeWriter.Create(path, "events", columns, options);
        for (long e = 0; e < entries; e += batchSize)
            w.Write(Batch(columns, e, (int)Math.Min(batchSize, entries - e), batchSize));
        w.Close();
        Assert.Equal(entries, w.Entries);
        return path;
    }
}
