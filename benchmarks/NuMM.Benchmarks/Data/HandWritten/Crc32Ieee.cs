using System;
using System.Buffers.Binary;

namespace NuMM.Benchmarks.Data.HandWritten;

/// <summary>CRC-32 of zip, gzip and PNG (ISO-HDLC: reflected polynomial 0xEDB88320, initial value and final
/// xor 0xFFFFFFFF), slicing-by-8. Used to check each .npz member against the CRC its zip directory records.</summary>
internal static class Crc32Ieee
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues the finished CRC <paramref name="crc"/> of earlier bytes over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
        uint s = ~crc;
        int i = 0, n = data.Length;
        for (; i + 8 <= n; i += 8)
        {
            uint lo = s ^ BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            uint hi = BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            s = t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + ((lo >> 8) & 0xFF)] ^ t[5 * 256 + ((lo >> 16) & 0xFF)] ^ t[4 * 256 + (lo >> 24)]
              ^ t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + ((hi >> 8) & 0xFF)] ^ t[1 * 256 + ((hi >> 16) & 0xFF)] ^ t[hi >> 24];
        }
        for (; i < n; i++) s = t[(s ^ data[i]) & 0xFF] ^ (s >> 8);
        return ~s;
    }

    private static uint[] BuildTable()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            t[n] = c;
        }
        for (int s = 1; s < 8; s++)
            for (int n = 0; n < 256; n++)
                t[s * 256 + n] = (t[(s - 1) * 256 + n] >> 8) ^ t[t[(s - 1) * 256 + n] & 0xFF];
        return t;
    }
}
