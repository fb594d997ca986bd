using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Data;
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

    /// <summary>Reads a list column whose every entry holds <paramref name="length"/> values into an array laid out value
    /// by value, as NuMM chunks are: value k of entry i at <c>k × rows + i</c>. A null or empty list, a null element or an
    /// entry of another length is an error naming the entry.</summary>
    public static Array ReadList(ParquetRowGroupReader rg, DataField item, ColumnType t, int rows, int length, string column, string file, long firstEntry) => t switch
    {
        ColumnType.Boolean => ReadList<bool>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.SByte => ReadList<sbyte>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.Byte => ReadList<byte>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.Int16 => ReadList<short>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.UInt16 => ReadList<ushort>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.Int32 => ReadList<int>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.UInt32 => ReadList<uint>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.Int64 => ReadList<long>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.UInt64 => ReadList<ulong>(rg, item, rows, length, column, file, firstEntry),
        ColumnType.Single => ReadList<float>(rg, item, rows, length, column, file, firstEntry),
        _ => ReadList<double>(rg, item, rows, length, column, file, firstEntry),
    };

    /// <summary>The number of values in each entry of a list column's row group (a null or empty list counts 0, and a null
    /// element is not counted), for finding out whether a list column has one fixed length.</summary>
    public static int[] ListLengths(ParquetRowGroupReader rg, DataField item, ColumnType t, int rows) => t switch
    {
        ColumnType.Boolean => Lengths(Levels<bool>(rg, item), rows),
        ColumnType.SByte => Lengths(Levels<sbyte>(rg, item), rows),
        ColumnType.Byte => Lengths(Levels<byte>(rg, item), rows),
        ColumnType.Int16 => Lengths(Levels<short>(rg, item), rows),
        ColumnType.UInt16 => Lengths(Levels<ushort>(rg, item), rows),
        ColumnType.Int32 => Lengths(Levels<int>(rg, item), rows),
        ColumnType.UInt32 => Lengths(Levels<uint>(rg, item), rows),
        ColumnType.Int64 => Lengths(Levels<long>(rg, item), rows),
        ColumnType.UInt64 => Lengths(Levels<ulong>(rg, item), rows),
        ColumnType.Single => Lengths(Levels<float>(rg, item), rows),
        _ => Lengths(Levels<double>(rg, item), rows),
    };

    private static int[] Lengths((bool[] Present, int[] Repetition) levels, int rows)
    {
        var lengths = new int[rows];
        int row = -1;
        for (int j = 0; j < levels.Repetition.Length; j++)
        {
            if (levels.Repetition[j] == 0) row++;
            if (row >= rows) break;
            if (row >= 0 && levels.Present[j]) lengths[row]++;
        }
        return lengths;
    }

    /// <summary>Every stored slot of a list column (one per element, one per null or empty list) with its repetition level
    /// (0 starts an entry) and whether it holds a value, plus the values.</summary>
    private static (bool[] Present, int[] Repetition) Levels<T>(ParquetRowGroupReader rg, DataField item) where T : struct
    {
        var (values, repetition) = ReadSlots<T>(rg, item);
        var present = new bool[values.Length];
        for (int j = 0; j < values.Length; j++) present[j] = values[j].HasValue;
        return (present, repetition);
    }

    private static (T?[] Values, int[] Repetition) ReadSlots<T>(ParquetRowGroupReader rg, DataField item) where T : struct
    {
        // The raw reader sizes its own buffers: the present values packed, and one definition and repetition level per slot.
        using var raw = (RawColumnData<T>)rg.ReadRawColumnDataBaseAsync(item).AsTask().GetAwaiter().GetResult();
        var rep = raw.RepetitionLevels;
        var def = raw.DefinitionLevels;
        var packed = raw.Values;
        int slots = rep.Length;
        var values = new T?[slots];
        var repetition = rep.ToArray();
        for (int j = 0, v = 0; j < slots; j++)
            if (def.Length == 0 || def[j] == item.MaxDefinitionLevel) values[j] = packed[v++];
        return (values, repetition);
    }

    private static T[] ReadList<T>(ParquetRowGroupReader rg, DataField item, int rows, int length, string column, string file, long firstEntry) where T : struct
    {
        var (slots, repetition) = ReadSlots<T>(rg, item);
        var values = new T[(long)rows * length];
        int row = -1, k = 0;
        for (int j = 0; j <= slots.Length; j++)
        {
            if (j == slots.Length || repetition[j] == 0)
            {
                if (row >= 0 && k != length)
                    throw new DataFormatException($"List column '{column}' holds {k} values in this entry; every entry must hold {length} (a fixed-length array column)", file, column, firstEntry + row);
                if (j == slots.Length) break;
                row++;
                k = 0;
                if (row >= rows) throw new DataFormatException($"List column '{column}' holds more entries than its row group ({rows})", file, column, firstEntry + rows);
            }
            if (slots[j] is not T v)
            {
                if (repetition[j] == 0 && (j + 1 == slots.Length || repetition[j + 1] == 0))
                    throw new DataFormatException($"List column '{column}' holds a null or empty list; every entry must hold {length} values", file, column, firstEntry + row);
                throw new DataFormatException($"List column '{column}' holds a null element (value {k}); NuMM columns have none", file, column, firstEntry + row);
            }
            if (k < length) values[(long)k * rows + row] = v;
            k++;
        }
        if (row + 1 != rows)
            throw new DataFormatException($"List column '{column}' holds {row + 1} entries in a row group of {rows}", file, column, firstEntry + Math.Max(0, row + 1));
        return values;
    }

    /// <summary>Writes entries [<paramref name="start"/>, start + count) of an array column (values entry by entry, each
    /// entry's <paramref name="length"/> values together) as a list column.</summary>
    public static Task WriteList(ParquetRowGroupWriter rg, DataField item, ColumnType t, Array values, int start, int count, int length)
    {
        var repetition = new int[(long)count * length];
        for (int j = 0; j < repetition.Length; j++) repetition[j] = j % length == 0 ? 0 : 1;
        int from = checked(start * length), n = repetition.Length;
        return t switch
        {
            ColumnType.Boolean => WriteList((bool[])values, rg, item, from, n, repetition),
            ColumnType.SByte => WriteList((sbyte[])values, rg, item, from, n, repetition),
            ColumnType.Byte => WriteList((byte[])values, rg, item, from, n, repetition),
            ColumnType.Int16 => WriteList((short[])values, rg, item, from, n, repetition),
            ColumnType.UInt16 => WriteList((ushort[])values, rg, item, from, n, repetition),
            ColumnType.Int32 => WriteList((int[])values, rg, item, from, n, repetition),
            ColumnType.UInt32 => WriteList((uint[])values, rg, item, from, n, repetition),
            ColumnType.Int64 => WriteList((long[])values, rg, item, from, n, repetition),
            ColumnType.UInt64 => WriteList((ulong[])values, rg, item, from, n, repetition),
            ColumnType.Single => WriteList((float[])values, rg, item, from, n, repetition),
            _ => WriteList((double[])values, rg, item, from, n, repetition),
        };
    }

    // Parquet.Net derives a list's definition levels from the nulls of a nullable buffer (here there are none).
    private static Task WriteList<T>(T[] values, ParquetRowGroupWriter rg, DataField item, int from, int n, int[] repetition) where T : struct
    {
        var slots = new T?[n];
        for (int j = 0; j < n; j++) slots[j] = values[from + j];
        return rg.WriteAsync<T>(item, new ReadOnlyMemory<T?>(slots), repetition);
    }

    /// <summary>Writes entries [<paramref name="start"/>, start + count) of a jagged list column: entry i holds
    /// values[offsets[i] … offsets[i + 1]). An empty entry is stored as an empty list (definition level two below the
    /// element's: the list is there, no element), as pyarrow stores one.</summary>
    public static Task WriteJagged(ParquetRowGroupWriter rg, DataField item, ColumnType t, Array values, long[] offsets, int start, int count) => t switch
    {
        ColumnType.Boolean => WriteJagged((bool[])values, offsets, rg, item, start, count),
        ColumnType.SByte => WriteJagged((sbyte[])values, offsets, rg, item, start, count),
        ColumnType.Byte => WriteJagged((byte[])values, offsets, rg, item, start, count),
        ColumnType.Int16 => WriteJagged((short[])values, offsets, rg, item, start, count),
        ColumnType.UInt16 => WriteJagged((ushort[])values, offsets, rg, item, start, count),
        ColumnType.Int32 => WriteJagged((int[])values, offsets, rg, item, start, count),
        ColumnType.UInt32 => WriteJagged((uint[])values, offsets, rg, item, start, count),
        ColumnType.Int64 => WriteJagged((long[])values, offsets, rg, item, start, count),
        ColumnType.UInt64 => WriteJagged((ulong[])values, offsets, rg, item, start, count),
        ColumnType.Single => WriteJagged((float[])values, offsets, rg, item, start, count),
        _ => WriteJagged((double[])values, offsets, rg, item, start, count),
    };

    private static Task WriteJagged<T>(T[] values, long[] offsets, ParquetRowGroupWriter rg, DataField item, int start, int count) where T : struct
    {
        long first = offsets[start];
        int valueCount = checked((int)(offsets[start + count] - first)), empty = 0;
        for (int e = start; e < start + count; e++) if (offsets[e + 1] == offsets[e]) empty++;
        var definition = new int[valueCount + empty];
        var repetition = new int[valueCount + empty];
        int max = item.MaxDefinitionLevel, j = 0;
        for (int e = start; e < start + count; e++)
        {
            long a = offsets[e], b = offsets[e + 1];
            if (a == b) { definition[j++] = max - 2; continue; } // repetition 0: a new entry
            for (long v = a; v < b; v++, j++)
            {
                definition[j] = max;
                repetition[j] = v == a ? 0 : 1;
            }
        }
        return rg.WriteAllPartsAsync<T>(item, new ReadOnlyMemory<T>(values, (int)first, valueCount), definition, repetition, CancellationToken.None);
    }

    /// <summary>A list column's row group as values and entry offsets (an empty or null list is an empty entry).</summary>
    /// <exception cref="DataFormatException">A null element, or more entries than the row group holds.</exception>
    public static (Array Values, long[] Offsets) ReadJagged(ParquetRowGroupReader rg, DataField item, ColumnType t, int rows, string column, string file, long firstEntry) => t switch
    {
        ColumnType.Boolean => ReadJagged<bool>(rg, item, rows, column, file, firstEntry),
        ColumnType.SByte => ReadJagged<sbyte>(rg, item, rows, column, file, firstEntry),
        ColumnType.Byte => ReadJagged<byte>(rg, item, rows, column, file, firstEntry),
        ColumnType.Int16 => ReadJagged<short>(rg, item, rows, column, file, firstEntry),
        ColumnType.UInt16 => ReadJagged<ushort>(rg, item, rows, column, file, firstEntry),
        ColumnType.Int32 => ReadJagged<int>(rg, item, rows, column, file, firstEntry),
        ColumnType.UInt32 => ReadJagged<uint>(rg, item, rows, column, file, firstEntry),
        ColumnType.Int64 => ReadJagged<long>(rg, item, rows, column, file, firstEntry),
        ColumnType.UInt64 => ReadJagged<ulong>(rg, item, rows, column, file, firstEntry),
        ColumnType.Single => ReadJagged<float>(rg, item, rows, column, file, firstEntry),
        _ => ReadJagged<double>(rg, item, rows, column, file, firstEntry),
    };

    private static (Array, long[]) ReadJagged<T>(ParquetRowGroupReader rg, DataField item, int rows, string column, string file, long firstEntry) where T : struct
    {
        using var raw = (RawColumnData<T>)rg.ReadRawColumnDataBaseAsync(item).AsTask().GetAwaiter().GetResult();
        var rep = raw.RepetitionLevels;
        var def = raw.DefinitionLevels;
        var offsets = new long[rows + 1];
        int max = item.MaxDefinitionLevel, row = -1;
        long n = 0;
        for (int j = 0; j < rep.Length; j++)
        {
            if (rep[j] == 0)
            {
                if (++row >= rows) throw new DataFormatException($"List column '{column}' holds more entries than its row group ({rows})", file, column, firstEntry + rows);
                offsets[row] = n;
            }
            if (def.Length == 0 || def[j] == max) n++;
            else if (def[j] == max - 1) throw new DataFormatException($"List column '{column}' holds a null element; NuMM columns have none", file, column, firstEntry + row);
        }
        if (row + 1 != rows)
            throw new DataFormatException($"List column '{column}' holds {row + 1} entries in a row group of {rows}", file, column, firstEntry + Math.Max(0, row + 1));
        offsets[rows] = n;
        // The raw reader packs the defined values at the start of a buffer sized for every slot.
        if (n > raw.Values.Length) throw new DataFormatException($"List column '{column}' has {n} defined slots but {raw.Values.Length} values", file, column, firstEntry);
        return (raw.Values[..(int)n].ToArray(), offsets);
    }
}
