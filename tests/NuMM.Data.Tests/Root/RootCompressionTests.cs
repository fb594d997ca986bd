using System.Text;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Root.Compression;

namespace NuMM.Data.Tests.Root;

/// <summary>ROOT's block framing around each codec: LZ4 records (XXH64 checksum + K4os block), ZSTD records, and the
/// framing checks shared by all algorithms. Records are built here with independent encoders (System.IO.Hashing's XXH64, K4os's and ZstdSharp's
/// compressors, LZ4 blocks written out by hand) and decoded through <see cref="RootDecompressor"/>.</summary>
public sealed class RootCompressionTests
{
    // One ROOT compressed block: "L4", method 1, 3-byte compressed and uncompressed sizes, the big-endian XXH64 of the
    // LZ4 block (System.IO.Hashing's XXH64; the reader uses K4os's), then the block.
    private static byte[] Lz4Record(byte[] lz4Block, int uncompressed, ulong? checksum = null)
    {
        var rec = new List<byte> { (byte)'L', (byte)'4', 1 };
        int csize = lz4Block.Length + 8;
        rec.AddRange([(byte)csize, (byte)(csize >> 8), (byte)(csize >> 16), (byte)uncompressed, (byte)(uncompressed >> 8), (byte)(uncompressed >> 16)]);
        var sum = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(sum, checksum ?? System.IO.Hashing.XxHash64.HashToUInt64(lz4Block));
        rec.AddRange(sum);
        rec.AddRange(lz4Block);
        return rec.ToArray();
    }

    [Fact]
    public void Lz4_LiteralsOnly_CopiesThem()
    {
        byte[] block = [0x50, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o'];
        Assert.Equal("hello", Encoding.ASCII.GetString(RootDecompressor.Decompress(Lz4Record(block, 5), 5, "f.root", "b", 0)));
    }

    [Fact]
    public void Lz4_OverlappingMatch_RepeatsThePattern()
    {
        // 2 literals "ab", then a match of length 4 + 2 at offset 2 (overlapping its own output), then the last sequence:
        // 6 literals (the LZ4 block format ends with ≥ 5 literals, the last match starting ≥ 12 bytes before the end).
        byte[] block = [0x22, (byte)'a', (byte)'b', 0x02, 0x00, 0x60, .. "012345"u8];
        Assert.Equal("abababab012345", Encoding.ASCII.GetString(RootDecompressor.Decompress(Lz4Record(block, 14), 14, "f.root", "b", 0)));
    }

    [Fact]
    public void Lz4_LongLengths_UseExtensionBytes()
    {
        // 15 + 5 = 20 literals 'x', then match offset 1, length 4 + 15 + 1 = 20, then 15 + 0 = 15 closing literals 'x'.
        var block = new List<byte> { 0xFF, 5 };
        block.AddRange(Enumerable.Repeat((byte)'x', 20));
        block.AddRange([0x01, 0x00, 0x01, 0xF0, 0x00]);
        block.AddRange(Enumerable.Repeat((byte)'x', 15));
        var dst = RootDecompressor.Decompress(Lz4Record(block.ToArray(), 55), 55, "f.root", "b", 0);
        Assert.Equal(55, dst.Length);
        Assert.All(dst, b => Assert.Equal((byte)'x', b));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, (byte)'a', (byte)'b', 0x00, 0x00, 0x00 })]       // offset 0
    [InlineData(new byte[] { 0x22, (byte)'a', (byte)'b', 0x09, 0x00, 0x00 })]       // offset before the output start
    [InlineData(new byte[] { 0x90, (byte)'a' })]                                       // 9 literals, 1 present
    [InlineData(new byte[] { 0x2F, (byte)'a', (byte)'b', 0x01, 0x00 })]             // match length extension missing
    public void Lz4_MalformedBlock_IsACorruptBlockError(byte[] block)
    {
        var ex = Assert.Throws<DataFormatException>(() => RootDecompressor.Decompress(Lz4Record(block, 8), 8, "f.root", "b", 77));
        Assert.Contains("Corrupt LZ4 block", ex.Message);
        Assert.Equal(77, ex.ByteOffset);
    }

    [Fact]
    public void Lz4_ChecksumMismatch_NamesBothHashes()
    {
        byte[] block = [0x50, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o'];
        var ex = Assert.Throws<DataFormatException>(() => RootDecompressor.Decompress(Lz4Record(block, 5, checksum: 0x1234), 5, "f.root", "b", 0));
        Assert.Contains("header says 0x0000000000001234", ex.Message);
    }

    [Fact]
    public void Lz4_CompressedByK4os_RoundTrips()
    {
        var data = new byte[5000];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i % 7 == 0 ? i : i / 13);
        var block = new byte[K4os.Compression.LZ4.LZ4Codec.MaximumOutputSize(data.Length)];
        int n = K4os.Compression.LZ4.LZ4Codec.Encode(data, block);
        Assert.Equal(data, RootDecompressor.Decompress(Lz4Record(block[..n], data.Length), data.Length, "f.root", "b", 0));
    }

    private static byte[] ZstdRecord(byte[] frame, int uncompressed)
    {
        var rec = new List<byte> { (byte)'Z', (byte)'S', 1 };
        rec.AddRange([(byte)frame.Length, (byte)(frame.Length >> 8), (byte)(frame.Length >> 16), (byte)uncompressed, (byte)(uncompressed >> 8), (byte)(uncompressed >> 16)]);
        rec.AddRange(frame);
        return rec.ToArray();
    }

    [Fact]
    public void Zstd_RoundTripsAndRefusesACorruptFrame()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"entry {i % 37};")));
        using var c = new ZstdSharp.Compressor(3);
        var frame = c.Wrap(data).ToArray();
        Assert.Equal(data, RootDecompressor.Decompress(ZstdRecord(frame, data.Length), data.Length, "f.root", "b", 0));
        frame[frame.Length / 2] ^= 0xFF;
        frame[frame.Length / 2 + 1] ^= 0x5A;
        var ex = Assert.Throws<DataFormatException>(() => RootDecompressor.Decompress(ZstdRecord(frame, data.Length), data.Length, "f.root", "b", 0));
        Assert.Contains("ZSTD", ex.Message);
    }

    [Fact]
    public void Decompress_BlockSizesDoNotAddUp_NamesDeclaredSize()
    {
        // One "ZL" block claiming 100 uncompressed bytes inside a record declared as 50.
        byte[] rec = [(byte)'Z', (byte)'L', 8, 1, 0, 0, 100, 0, 0, 0];
        var ex = Assert.Throws<DataFormatException>(() => RootDecompressor.Decompress(rec, 50, "f.root", "obj", 1234));
        Assert.Contains("expected exactly 50", ex.Message);
        Assert.Equal(1234, ex.ByteOffset);
        Assert.Equal("obj", ex.ObjectName);
    }

    [Fact]
    public void Decompress_HeaderClaimsMoreThanTheRecord_IsRefusedBeforeAllocating()
    {
        byte[] rec = [(byte)'Z', (byte)'S', 1, 0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 1, 2, 3];
        var ex = Assert.Throws<DataFormatException>(() => RootDecompressor.Decompress(rec, 0xFFFFFF, "f.root", "obj", 0));
        Assert.Contains("claims 65535 bytes but only 3 remain", ex.Message);
    }

    [Fact]
    public void Decompress_LegacyCsAlgorithm_SaysItIsNotSupported()
    {
        byte[] rec = [(byte)'C', (byte)'S', 8, 1, 0, 0, 4, 0, 0, 0];
        var ex = Assert.Throws<DataFormatException>(() => RootDecompressor.Decompress(rec, 4, "f.root", "obj", 0));
        Assert.Contains("'CS'", ex.Message);
    }
}
