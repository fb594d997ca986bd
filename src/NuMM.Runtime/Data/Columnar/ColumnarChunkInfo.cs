namespace NuMM.Runtime.Data.Columnar;

/// <summary>The location of one column chunk of a NuMM columnar file, as recorded in its index.</summary>
/// <param name="HeaderOffset">Byte offset of the 64-byte chunk header (a multiple of 64).</param>
/// <param name="PayloadOffset">Byte offset of the values (<see cref="HeaderOffset"/> + 64, a multiple of 64).</param>
/// <param name="PayloadLength">Bytes of values (entries × element size).</param>
/// <param name="Crc32C">The CRC-32C of the payload.</param>
/// <param name="FirstEntry">The global index of the chunk's first entry.</param>
/// <param name="Entries">Entries in the chunk.</param>
public readonly record struct ColumnarChunkInfo(long HeaderOffset, long PayloadOffset, long PayloadLength, uint Crc32C, long FirstEntry, int Entries);
