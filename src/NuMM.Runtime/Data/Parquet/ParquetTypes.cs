using System;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;
using NuMM.Runtime.Data.Interchange;
using Array = System.Array;

namespace NuMM.Runtime.Data.Parquet;

/// <summary>NuMM column types ↔ Parquet.Net CLR field types, and typed column reads and writes.</summary>
internal static class ParquetTypes
{
    public static Type ClrType(ColumnType t) => t switch
    {
        ColumnType.Boolean => typeof(bool),
        ColumnType.SByte => typeof(sbyte),
        ColumnType.Byte => typeof(byte),
        ColumnType.Int16 => typeof(short),
        ColumnType.UInt16 => typeof(ushort),
        ColumnType.Int32 => typeof(int),
        ColumnType.UInt32 => typeof(uint),
        ColumnType.Int64 => typeof(long),
        ColumnType.UInt64 => typeof(ulong),
        ColumnType.Single => typeof(float),
        ColumnType.Double => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "No Parquet type for this column type."),
    };

    public static ColumnType? Of(Type t) =>
        t == typeof(bool) ? ColumnType.Boolean : t == typeof(sbyte) ? ColumnType.SByte : t == typeof(byte) ? ColumnType.Byte
        : t == typeof(short) ? ColumnType.Int16 : t == typeof(ushort) ? ColumnType.UInt16 : t == typeof(int) ? ColumnType.Int32
        : t == typeof(uint) ? ColumnType.UInt32 : t == typeof(long) ? ColumnType.Int64 : t == typeof(ulong) ? ColumnType.UInt64
        : t == typeof(float) ? ColumnType.Single : t == typeof(double) ? ColumnType.Double : null;

    public static Task Write(ParquetRowGroupWriter rg, DataField f, ColumnType t, Array values, int start, int count) => t switch
    {
        ColumnType.Boolean => rg.WriteAsync(f, new ReadOnlyMemory<bool>((bool[])values, start, count)),
        ColumnType.SByte => rg.WriteAsync(f, new ReadOnlyMemory<sbyte>((sbyte[])values, start, count)),
        ColumnType.Byte => rg.WriteAsync(f, new ReadOnlyMemory<byte>((byte[])values, start, count)),
        ColumnType.Int16 => rg.WriteAsync(f, new ReadOnlyMemory<short>((short[])values, start, count)),
        ColumnType.UInt16 => rg.WriteAsync(f, new ReadOnlyMemory<ushort>((ushort[])values, start, count)),
        ColumnType.Int32 => rg.WriteAsync(f, new ReadOnlyMemory<int>((int[])values, start, count)),
        ColumnType.UInt32 => rg.WriteAsync(f, new ReadOnlyMemory<uint>((uint[])values, start, count)),
        ColumnType.Int64 => rg.WriteAsync(f, new ReadOnlyMemory<long>((long[])values, start, count)),
        ColumnType.UInt64 => rg.WriteAsync(f, new ReadOnlyMemory<ulong>((ulong[])values, start, count)),
        ColumnType.Single => rg.WriteAsync(f, new ReadOnlyMemory<float>((float[])values, start, count)),
        _ => rg.WriteAsync(f, new ReadOnlyMemory<double>((double[])values, start, count)),
    };

    /// <summary>Reads one column chunk of a row group into a new array; null values (optional fields) are an error.</summary>
    public static Array Read(ParquetRowGroupReader rg, DataField f, ColumnType t, int rows, string file, long firstEntry) => t switch
    {
        ColumnType.Boolean => Read<bool>(rg, f, rows, file, firstEntry),
        ColumnType.SByte => Read<sbyte>(rg, f, rows, file, firstEntry),
        ColumnType.Byte => Read<byte>(rg, f, rows, file, firstEntry),
        ColumnType.Int16 => Read<short>(rg, f, rows, file, firstEntry),
        ColumnType.UInt16 => Read<ushort>(rg, f, rows, file, firstEntry),
        ColumnType.Int32 => Read<int>(rg, f, rows, file, firstEntry),
        ColumnType.UInt32 => Read<uint>(rg, f, rows, file, firstEntry),
        ColumnType.Int64 => Read<long>(rg, f, rows, file, firstEntry),
        ColumnType.UInt64 => Read<ulong>(rg, f, rows, file, firstEntry),
        ColumnType.Single => Read<float>(rg, f, rows, file, firstEntry),
        _ => Read<double>(rg, f, rows, file, firstEntry),
    };

    private static T[] Read<T>(ParquetRowGroupReader rg, DataField f, int rows, string file, long firstEntry) where T : struct
    {
        var values = new T[rows];
        if (!f.IsNullable)
        {
            rg.ReadAsync<T>(f, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return values;
        }
        // Optional fields (pandas and pyarrow write them by default): fine as long as no value is null.
        var nullable = new T?[rows];
        rg.ReadAsync<T>(f, nullable.AsMemory()).AsTask().GetAwaiter().GetResult();
        for (int i = 0; i < rows; i++)
        {
            if (nullable[i] is not T v)
                throw new DataFormatException($"Column '{f.Name}' holds a null value; NuMM columns have none", file, f.Name, firstEntry + i);
            values[i] = v;
        }
        return values;
    }
}
