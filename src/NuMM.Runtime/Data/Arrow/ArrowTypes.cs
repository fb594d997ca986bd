using System;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using NuMM.Runtime.Data.Mapping;
using Array = System.Array;

namespace NuMM.Runtime.Data.Arrow;

/// <summary>NuMM column types ↔ Arrow types, and copying Arrow buffers out as NuMM's little-endian element bytes.</summary>
internal static class ArrowTypes
{
    public static IArrowType Of(ColumnType t) => t switch
    {
        ColumnType.Boolean => BooleanType.Default,
        ColumnType.SByte => Int8Type.Default,
        ColumnType.Byte => UInt8Type.Default,
        ColumnType.Int16 => Int16Type.Default,
        ColumnType.UInt16 => UInt16Type.Default,
        ColumnType.Int32 => Int32Type.Default,
        ColumnType.UInt32 => UInt32Type.Default,
        ColumnType.Int64 => Int64Type.Default,
        ColumnType.UInt64 => UInt64Type.Default,
        ColumnType.Single => FloatType.Default,
        ColumnType.Double => DoubleType.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "No Arrow type for this column type."),
    };

    public static ColumnType? Of(IArrowType t) => t.TypeId switch
    {
        ArrowTypeId.Boolean => ColumnType.Boolean,
        ArrowTypeId.Int8 => ColumnType.SByte,
        ArrowTypeId.UInt8 => ColumnType.Byte,
        ArrowTypeId.Int16 => ColumnType.Int16,
        ArrowTypeId.UInt16 => ColumnType.UInt16,
        ArrowTypeId.Int32 => ColumnType.Int32,
        ArrowTypeId.UInt32 => ColumnType.UInt32,
        ArrowTypeId.Int64 => ColumnType.Int64,
        ArrowTypeId.UInt64 => ColumnType.UInt64,
        ArrowTypeId.Float => ColumnType.Single,
        ArrowTypeId.Double => ColumnType.Double,
        _ => null,
    };

    /// <summary>Copies elements [start, start + count) of a primitive or boolean array into <paramref name="dest"/> as NuMM
    /// element bytes (booleans one byte each).</summary>
    public static void CopyValues(IArrowArray array, ColumnType type, int start, int count, Span<byte> dest)
    {
        var data = array.Data;
        if (type == ColumnType.Boolean)
        {
            var bits = data.Buffers[1].Span;
            for (int i = 0; i < count; i++)
            {
                int k = data.Offset + start + i;
                dest[i] = (byte)((bits[k >> 3] >> (k & 7)) & 1);
            }
            return;
        }
        int size = ColumnTypes.Size(type);
        data.Buffers[1].Span.Slice((data.Offset + start) * size, count * size).CopyTo(dest);
    }

    /// <summary>An Arrow array (no nulls) holding <paramref name="values"/>.</summary>
    public static IArrowArray Build(ColumnType type, Array values, int start, int count)
    {
        var bytes = ElementBytes(type, values, start, count);
        var data = new ArrayData(Of(type), count, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(bytes)]);
        return ArrowArrayFactory.BuildArray(data);
    }

    private static byte[] ElementBytes(ColumnType type, Array values, int start, int count)
    {
        if (type == ColumnType.Boolean)
        {
            var b = (bool[])values;
            var bits = new byte[(count + 7) / 8];
            for (int i = 0; i < count; i++) if (b[start + i]) bits[i >> 3] |= (byte)(1 << (i & 7));
            return bits;
        }
        return type switch
        {
            ColumnType.SByte => Slice<sbyte>(values, start, count),
            ColumnType.Byte => Slice<byte>(values, start, count),
            ColumnType.Int16 => Slice<short>(values, start, count),
            ColumnType.UInt16 => Slice<ushort>(values, start, count),
            ColumnType.Int32 => Slice<int>(values, start, count),
            ColumnType.UInt32 => Slice<uint>(values, start, count),
            ColumnType.Int64 => Slice<long>(values, start, count),
            ColumnType.UInt64 => Slice<ulong>(values, start, count),
            ColumnType.Single => Slice<float>(values, start, count),
            ColumnType.Double => Slice<double>(values, start, count),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
        };
    }

    private static byte[] Slice<T>(Array values, int start, int count) where T : unmanaged =>
        MemoryMarshal.AsBytes(((T[])values).AsSpan(start, count)).ToArray();
}
