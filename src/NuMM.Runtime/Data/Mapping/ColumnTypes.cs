using System;
using System.Runtime.InteropServices;
using NuMM.Runtime.Data.Batches;

namespace NuMM.Runtime.Data.Mapping;

/// <summary>Facts about <see cref="ColumnType"/> that readers and writers share: sizes, names, which
/// conversions lose nothing, and type-agnostic access to a batch column's bytes.</summary>
public static class ColumnTypes
{
    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    /// <param name="type">A column type.</param>
    public static int Size(ColumnType type) => DynamicColumnBatch.ElementSize(type);

    /// <summary>True for <see cref="ColumnType.Single"/> and <see cref="ColumnType.Double"/>, the types that can hold NaN or ±∞.</summary>
    /// <param name="type">A column type.</param>
    public static bool IsFloatingPoint(ColumnType type) => type is ColumnType.Single or ColumnType.Double;

    /// <summary>A short lower-case name ("float32", "int64", "bool", ...) used in messages, mapping files and the CLI.</summary>
    /// <param name="type">A column type.</param>
    public static string Name(ColumnType type) => type switch
    {
        ColumnType.Boolean => "bool",
        ColumnType.SByte => "int8",
        ColumnType.Byte => "uint8",
        ColumnType.Int16 => "int16",
        ColumnType.UInt16 => "uint16",
        ColumnType.Int32 => "int32",
        ColumnType.UInt32 => "uint32",
        ColumnType.Int64 => "int64",
        ColumnType.UInt64 => "uint64",
        ColumnType.Single => "float32",
        ColumnType.Double => "float64",
        _ => type.ToString(),
    };

    /// <summary>The type name of a column, with its length for an array column ("float32", "float32[100]").</summary>
    /// <param name="column">A column.</param>
    public static string Describe(ColumnInfo column) =>
        column.Length == 1 ? Name(column.Type) : $"{Name(column.Type)}[{column.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";

    /// <summary>Parses a type name: the names of <see cref="Name"/>, the C# keywords (float, double, int, long, ...)
    /// and the <see cref="ColumnType"/> member names, case-insensitively.</summary>
    /// <param name="text">The type name.</param>
    /// <param name="type">The parsed type.</param>
    /// <returns>False when the name is not known.</returns>
    public static bool TryParse(string text, out ColumnType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "bool" or "boolean": type = ColumnType.Boolean; return true;
            case "int8" or "sbyte": type = ColumnType.SByte; return true;
            case "uint8" or "byte": type = ColumnType.Byte; return true;
            case "int16" or "short": type = ColumnType.Int16; return true;
            case "uint16" or "ushort": type = ColumnType.UInt16; return true;
            case "int32" or "int": type = ColumnType.Int32; return true;
            case "uint32" or "uint": type = ColumnType.UInt32; return true;
            case "int64" or "long": type = ColumnType.Int64; return true;
            case "uint64" or "ulong": type = ColumnType.UInt64; return true;
            case "float32" or "float" or "single": type = ColumnType.Single; return true;
            case "float64" or "double": type = ColumnType.Double; return true;
            default: type = default; return false;
        }
    }

    /// <summary>True when every value of <paramref name="from"/> converts to <paramref name="to"/> exactly
    /// (float32 → float64, narrower → wider integers of compatible sign, integers of ≤ 24 bits → float32 and
    /// of ≤ 53 bits → float64).</summary>
    /// <param name="from">The stored type.</param>
    /// <param name="to">The requested type.</param>
    public static bool IsLossless(ColumnType from, ColumnType to)
    {
        if (from == to) return true;
        if (from == ColumnType.Boolean || to == ColumnType.Boolean) return false;
        int bitsFrom = Size(from) * 8;
        bool signedFrom = from is ColumnType.SByte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64;
        switch (to)
        {
            case ColumnType.Double:
                return from == ColumnType.Single || (!IsFloatingPoint(from) && bitsFrom <= 32);
            case ColumnType.Single:
                return !IsFloatingPoint(from) && bitsFrom <= 16;
            default:
                if (IsFloatingPoint(from)) return false;
                bool signedTo = to is ColumnType.SByte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64;
                int bitsTo = Size(to) * 8;
                if (signedFrom == signedTo) return bitsTo >= bitsFrom;
                return !signedFrom && signedTo && bitsTo > bitsFrom; // unsigned into a wider signed type
        }
    }

    /// <summary>True when <typeparamref name="T"/> is the .NET type that holds <paramref name="type"/>.</summary>
    /// <typeparam name="T">An unmanaged element type.</typeparam>
    /// <param name="type">A column type.</param>
    public static bool Matches<T>(ColumnType type) where T : unmanaged => type switch
    {
        ColumnType.Boolean => typeof(T) == typeof(bool),
        ColumnType.SByte => typeof(T) == typeof(sbyte),
        ColumnType.Byte => typeof(T) == typeof(byte),
        ColumnType.Int16 => typeof(T) == typeof(short),
        ColumnType.UInt16 => typeof(T) == typeof(ushort),
        ColumnType.Int32 => typeof(T) == typeof(int),
        ColumnType.UInt32 => typeof(T) == typeof(uint),
        ColumnType.Int64 => typeof(T) == typeof(long),
        ColumnType.UInt64 => typeof(T) == typeof(ulong),
        ColumnType.Single => typeof(T) == typeof(float),
        ColumnType.Double => typeof(T) == typeof(double),
        _ => false,
    };

    /// <summary>The storage of column <paramref name="index"/> of <paramref name="batch"/> as bytes, whatever its element type.</summary>
    /// <param name="batch">A batch.</param>
    /// <param name="index">The column index.</param>
    /// <param name="type">The column's element type.</param>
    public static Span<byte> Bytes(IColumnBatch batch, int index, ColumnType type) => type switch
    {
        ColumnType.Boolean => MemoryMarshal.AsBytes(batch.Column<bool>(index)),
        ColumnType.SByte => MemoryMarshal.AsBytes(batch.Column<sbyte>(index)),
        ColumnType.Byte => batch.Column<byte>(index),
        ColumnType.Int16 => MemoryMarshal.AsBytes(batch.Column<short>(index)),
        ColumnType.UInt16 => MemoryMarshal.AsBytes(batch.Column<ushort>(index)),
        ColumnType.Int32 => MemoryMarshal.AsBytes(batch.Column<int>(index)),
        ColumnType.UInt32 => MemoryMarshal.AsBytes(batch.Column<uint>(index)),
        ColumnType.Int64 => MemoryMarshal.AsBytes(batch.Column<long>(index)),
        ColumnType.UInt64 => MemoryMarshal.AsBytes(batch.Column<ulong>(index)),
        ColumnType.Single => MemoryMarshal.AsBytes(batch.Column<float>(index)),
        ColumnType.Double => MemoryMarshal.AsBytes(batch.Column<double>(index)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
