using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NuMM.Benchmarks.Data.HandWritten;

/// <summary>CRC-32C (Castagnoli; reflected polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF), the
/// checksum of every block of a NuMM columnar file. Uses the SSE4.2 / ARMv8 CRC instructions where present,
/// over three interleaved streams combined algebraically (three independent dependency chains), and a
/// slicing-by-8 table otherwise.</summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78u;

    // Below this length the combination step costs more than the interleaving saves.
    private const int InterleaveThreshold = 3 * 1024;

    private static readonly uint[] Table = BuildTable();

    // XPowers[k] = x^(2^k) mod P, in reflected bit order: lets Combine shift a CRC by n zero bytes in O(log n).
    private static readonly uint[] XPowers = BuildXPowers();

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues the finished CRC <paramref name="crc"/> of earlier bytes over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported || Crc32.Arm64.IsSupported)
        {
            if (data.Length >= InterleaveThreshold)
            {
                int lane = (data.Length / 3) & ~7;
                uint a = ~crc, b = uint.MaxValue, c = uint.MaxValue;
                Hardware3(ref a, ref b, ref c, data, lane);
                uint shift = XPowerModP(lane, 3);
                uint combined = MultiplyModP(shift, ~a) ^ ~b;
                combined = MultiplyModP(shift, combined) ^ ~c;
                return ~Hardware(~combined, data[(3 * lane)..]);
            }
            return ~Hardware(~crc, data);
        }
        return ~Software(~crc, data);
    }

    /// <summary>The table-driven path, exposed so tests can compare it with the hardware path.</summary>
    internal static uint ComputeSoftware(ReadOnlySpan<byte> data) => ~Software(uint.MaxValue, data);

    /// <summary>The CRC of A followed by B, from CRC(A), CRC(B) and the length of B in bytes.</summary>
    internal static uint Combine(uint crcA, uint crcB, long lengthB) => MultiplyModP(XPowerModP(lengthB, 3), crcA) ^ crcB;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong state, ulong word) =>
        Sse42.X64.IsSupported ? Sse42.X64.Crc32(state, word) : Crc32.Arm64.ComputeCrc32C((uint)state, word);

    private static void Hardware3(ref uint a, ref uint b, ref uint c, ReadOnlySpan<byte> data, int lane)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        ulong sa = a, sb = b, sc = c;
        for (int i = 0; i < lane; i += 8)
        {
            sa = Step(sa, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i)));
            sb = Step(sb, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, lane + i)));
            sc = Step(sc, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 2 * lane + i)));
        }
        a = (uint)sa; b = (uint)sb; c = (uint)sc;
    }

    private static uint Hardware(uint state, ReadOnlySpan<byte> data)
    {
        ref byte p = ref MemoryMarshal.GetReference(data);
        int n = data.Length, i = 0;
        ulong s = state;
        for (; i + 8 <= n; i += 8) s = Step(s, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i)));
        uint r = (uint)s;
        for (; i < n; i++)
            r = Sse42.IsSupported ? Sse42.Crc32(r, Unsafe.Add(ref p, i)) : Crc32.ComputeCrc32C(r, Unsafe.Add(ref p, i));
        return r;
    }

    private static uint Software(uint state, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
        int i = 0, n = data.Length;
        for (; i + 8 <= n; i += 8)
        {
            uint lo = state ^ BinaryPrimitivesReadUInt32(data, i);
            uint hi = BinaryPrimitivesReadUInt32(data, i + 4);
            state = t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + ((lo >> 8) & 0xFF)] ^ t[5 * 256 + ((lo >> 16) & 0xFF)] ^ t[4 * 256 + (lo >> 24)]
                  ^ t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + ((hi >> 8) & 0xFF)] ^ t[1 * 256 + ((hi >> 16) & 0xFF)] ^ t[hi >> 24];
        }
        for (; i < n; i++) state = t[(state ^ data[i]) & 0xFF] ^ (state >> 8);
        return state;
    }

    private static uint BinaryPrimitivesReadUInt32(ReadOnlySpan<byte> data, int offset) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(offset, 4));

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
                t[s * 256 + n] = t[(s - 1) * 256 + n] >> 8 ^ t[t[(s - 1) * 256 + n] & 0xFF];
        return t;
    }

    // Polynomials in reflected order: bit 31 is x^0, bit 0 is x^31.
    private static uint MultiplyModP(uint a, uint b)
    {
        if (a == 0) return 0;
        uint m = 1u << 31, product = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0) return product;
            }
            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
    }

    private static uint[] BuildXPowers()
    {
        var t = new uint[64];
        uint p = 1u << 30; // x^1
        t[0] = p;
        for (int k = 1; k < t.Length; k++) t[k] = p = MultiplyModP(p, p);
        return t;
    }

    // x^(n·2^k) mod P.
    private static uint XPowerModP(long n, int k)
    {
        uint p = 1u << 31; // x^0
        while (n != 0)
        {
            if ((n & 1) != 0) p = MultiplyModP(XPowers[k & 63], p);
            n >>= 1;
            k++;
        }
        return p;
    }
}
