using System.Text;
using NuMM.Runtime.Data.Columnar;

namespace NuMM.Data.Tests.Columnar;

public class Crc32CTests
{
    // Bit-at-a-time CRC-32C written from the definition (reflected polynomial 0x82F63B78, RFC 3720 §B.4).
    private static uint Reference(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }

    [Fact]
    public void Compute_CheckString_MatchesPublishedCheckValue()
    {
        // "123456789" → 0xE3069283: the CRC-32C check value of the CRC catalogue (RevEng, CRC-32/ISCSI).
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xE3069283u, Crc32C.ComputeSoftware(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Compute_Rfc3720Vectors_MatchAppendixB4()
    {
        // RFC 3720 appendix B.4: 32 bytes of zeros → 0x8A9136AA, of 0xFF → 0x62A8AB43 (bytes listed little-endian there).
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Fact]
    public void Compute_EveryLengthAndOffset_MatchesBitwiseReference()
    {
        var rng = new Random(12345);
        var data = new byte[20000];
        rng.NextBytes(data);
        foreach (int length in Enumerable.Range(0, 70).Concat([1000, 3071, 3072, 3073, 4099, 9001, 19993]))
            foreach (int start in new[] { 0, 1, 3, 7 })
            {
                var slice = data.AsSpan(start, length);
                uint expected = Reference(slice);
                Assert.Equal(expected, Crc32C.Compute(slice));
                Assert.Equal(expected, Crc32C.ComputeSoftware(slice));
            }
    }

    [Fact]
    public void Append_SplitAnywhere_EqualsWholeAndCombine()
    {
        var rng = new Random(7);
        var data = new byte[10000];
        rng.NextBytes(data);
        uint whole = Reference(data);
        foreach (int cut in new[] { 0, 1, 17, 4000, 9999, 10000 })
        {
            Assert.Equal(whole, Crc32C.Append(Crc32C.Compute(data.AsSpan(0, cut)), data.AsSpan(cut)));
            Assert.Equal(whole, Crc32C.Combine(Reference(data.AsSpan(0, cut)), Reference(data.AsSpan(cut)), data.Length - cut));
        }
    }
}
