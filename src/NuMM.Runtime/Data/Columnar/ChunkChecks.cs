using System;
using System.Buffers.Binary;
using System.Globalization;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>The checks every reader of a NuMM columnar file makes on a chunk before its values are used: the chunk header
/// against the index, and the values of columns declared finite or boolean. Shared by the copying
/// (<see cref="ColumnarBatchSource"/>) and the in-place (<see cref="MappedColumnarSource{TBatch}"/>) readers so both reject
/// the same files with the same messages.</summary>
internal static class ChunkChecks
{
    /// <summary>Checks the 64-byte chunk header <paramref name="h"/> read at <paramref name="offset"/>: its CRC, and that it is
    /// the chunk the index names for <paramref name="column"/> of <paramref name="group"/>, with the index's entries, length
    /// and payload CRC.</summary>
    public static void Header(ColumnarFileReader file, ReadOnlySpan<byte> h, int group, int column, string name, long offset)
    {
        var (_, length, crc) = file.Chunk(group, column);
        long first = file.GroupFirst(group);
        int count = file.GroupCount(group);
        uint headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(h[60..]), headerActual = Crc32C.Compute(h[..60]);
        if (headerCrc != headerActual)
            throw file.Error($"Chunk header checksum mismatch: stored CRC-32C 0x{headerCrc:X8}, computed 0x{headerActual:X8}; the file is corrupt.", name, first, offset);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(h);
        int hColumn = BinaryPrimitives.ReadInt32LittleEndian(h[4..]);
        int hGroup = BinaryPrimitives.ReadInt32LittleEndian(h[8..]);
        int hCount = BinaryPrimitives.ReadInt32LittleEndian(h[12..]);
        long hFirst = BinaryPrimitives.ReadInt64LittleEndian(h[16..]);
        long hLength = BinaryPrimitives.ReadInt64LittleEndian(h[24..]);
        uint hCrc = BinaryPrimitives.ReadUInt32LittleEndian(h[32..]);
        if (magic != ColumnarLayout.ChunkMagic || hColumn != column || hGroup != group)
            throw file.Error(string.Create(CultureInfo.InvariantCulture,
                $"The chunk at this offset is not the one the index names: expected 'NCHK' for column {column} of row group {group}, found magic 0x{magic:X8}, column {hColumn}, row group {hGroup}."), name, first, offset);
        if (hCount != count || hFirst != first)
            throw file.Error(string.Create(CultureInfo.InvariantCulture,
                $"The chunk holds {hCount} entries from entry {hFirst}; the index says {count} entries from entry {first}."), name, first, offset + 12);
        if (hLength != length || hCrc != crc)
            throw file.Error(string.Create(CultureInfo.InvariantCulture,
                $"The chunk header gives {hLength} bytes with CRC-32C 0x{hCrc:X8}; the index says {length} bytes with 0x{crc:X8}."), name, first, offset + 24);
    }

    /// <summary>Compares a chunk payload's computed CRC-32C <paramref name="actual"/> with the index's <paramref name="stored"/>
    /// one; the chunk header lies at <paramref name="offset"/>.</summary>
    public static void Payload(ColumnarFileReader file, uint stored, uint actual, string name, long first, long offset)
    {
        if (actual != stored)
            throw file.Error($"Chunk checksum mismatch: stored CRC-32C 0x{stored:X8}, computed 0x{actual:X8}; the data is corrupt.", name, first, offset + ColumnarLayout.ChunkHeaderSize);
    }

    /// <summary>Checks one run of <paramref name="count"/> values of <paramref name="bind"/>'s column, starting at entry
    /// <paramref name="firstEntry"/>: no NaN or ±∞ where the schema or the file declares the column finite, and only 0 and 1
    /// in a boolean column. <paramref name="element"/> is the array value k the run holds, or −1 for a scalar column.</summary>
    public static void Values(ColumnarFileReader file, in ColumnBinding bind, ReadOnlySpan<byte> values, int count, long firstEntry, int element)
    {
        string which = element < 0 ? "" : Value(bind.Target.Length, element);
        var type = bind.Target.Type;
        if (bind.RequireFinite)
        {
            int bad = ValueChecks.FirstNonFinite(values, type, count);
            if (bad >= 0)
            {
                double v = type == ColumnType.Single
                    ? BinaryPrimitives.ReadSingleLittleEndian(values[(bad * 4)..])
                    : BinaryPrimitives.ReadDoubleLittleEndian(values[(bad * 8)..]);
                throw file.Error($"Column '{bind.Target.Name}' is declared finite but holds {v.ToString("R", CultureInfo.InvariantCulture)}{which}.", bind.Target.Name, firstEntry + bad);
            }
        }
        if (type == ColumnType.Boolean && bind.Source.Type == ColumnType.Boolean)
        {
            int bad = ValueChecks.FirstInvalidBoolean(values);
            if (bad >= 0)
                throw file.Error($"Boolean column '{bind.Source.Name}' holds byte {values[bad]}{which}; expected 0 or 1.", bind.Target.Name, firstEntry + bad);
        }
    }

    /// <summary>" (value k of N per entry)" for an array column's message, "" for a scalar column.</summary>
    public static string Value(int values, int k) => values == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" (value {k} of {values} per entry)");
}
