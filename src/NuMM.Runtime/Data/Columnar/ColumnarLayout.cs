using System;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>The byte layout of a NuMM columnar file (version 1.1); docs/format.md describes it byte by byte.
/// All integers and floats are little-endian.</summary>
internal static class ColumnarLayout
{
    /// <summary>First 8 bytes of every file: 0x89 'N' 'u' 'M' 'M' CR LF 0x1A (a text-mode transfer or a
    /// truncated upload changes it).</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'N', (byte)'u', (byte)'M', (byte)'M', 0x0D, 0x0A, 0x1A];

    /// <summary>Last 8 bytes of every complete file.</summary>
    public static ReadOnlySpan<byte> EndMagic => [(byte)'N', (byte)'u', (byte)'M', (byte)'M', (byte)'E', (byte)'N', (byte)'D', 0x1A];

    /// <summary>Chunk header magic "NCHK".</summary>
    public const uint ChunkMagic = 0x4B48434Eu;

    /// <summary>Index magic "NIDX".</summary>
    public const uint IndexMagic = 0x5844494Eu;

    /// <summary>The format version this code writes; readers accept any minor version of it. 1.1 added array columns
    /// (values per entry in the column record's former reserved bytes, which 1.0 writers left 0).</summary>
    public const ushort MajorVersion = 1, MinorVersion = 1;

    /// <summary>Every block starts at a multiple of this, so a memory-mapped chunk is aligned for any vector width.</summary>
    public const int Alignment = 64;

    /// <summary>Size of the fixed preamble at offset 0.</summary>
    public const int PreambleSize = 64;

    /// <summary>Size of each chunk header.</summary>
    public const int ChunkHeaderSize = 64;

    /// <summary>Size of the trailer at the end of the file (index offset + end magic).</summary>
    public const int TrailerSize = 16;

    /// <summary>Bytes of the index before the row-group records.</summary>
    public const int IndexHeaderSize = 16;

    /// <summary>Bytes of one row-group record before its column records.</summary>
    public const int RowGroupRecordSize = 16;

    /// <summary>Bytes of one column record in the index.</summary>
    public const int ColumnRecordSize = 24;

    /// <summary>Largest accepted row-group capacity (entries), so one chunk of float64 stays below 2 GiB.</summary>
    public const int MaxRowGroupEntries = 1 << 27;

    /// <summary>Default entries per row group: 64 Ki entries = 256 KiB per float32 column, large sequential reads.</summary>
    public const int DefaultRowGroupEntries = 1 << 16;

    /// <summary>The type code stored in the header for each column type (stable across versions).</summary>
    public static byte TypeCode(ColumnType type) => type switch
    {
        ColumnType.Boolean => 1,
        ColumnType.SByte => 2,
        ColumnType.Byte => 3,
        ColumnType.Int16 => 4,
        ColumnType.UInt16 => 5,
        ColumnType.Int32 => 6,
        ColumnType.UInt32 => 7,
        ColumnType.Int64 => 8,
        ColumnType.UInt64 => 9,
        ColumnType.Single => 10,
        ColumnType.Double => 11,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>The column type of a stored type code, or null for an unknown code.</summary>
    public static ColumnType? TypeFromCode(byte code) => code switch
    {
        1 => ColumnType.Boolean,
        2 => ColumnType.SByte,
        3 => ColumnType.Byte,
        4 => ColumnType.Int16,
        5 => ColumnType.UInt16,
        6 => ColumnType.Int32,
        7 => ColumnType.UInt32,
        8 => ColumnType.Int64,
        9 => ColumnType.UInt64,
        10 => ColumnType.Single,
        11 => ColumnType.Double,
        _ => null,
    };

    /// <summary><paramref name="n"/> rounded up to a multiple of <see cref="Alignment"/>.</summary>
    public static long Align(long n) => (n + Alignment - 1) & ~(long)(Alignment - 1);
}
