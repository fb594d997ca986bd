using System.Text;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Root.Compression;

namespace NuMM.Data.Tests.Root;

/// <summary>The managed XXH64 and LZ4 block decoder, and the block framing shared by all algorithms.</summary>
public sealed class RootCompressionTests
{
    [Theory]
    // Reference vectors of XXH64 with seed 0 from the xxHash project (also used by every independent port's test suite).
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void XxHash64_ReferenceVectors_Match(string input, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void Lz4Block_LiteralsOnly_CopiesThem()
    {
        byte[] block = [0x50, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o'];
        var dst = new byte[5];
        Assert.Equal(5, Lz4Block.Decode(block, dst));
        Assert.Equal("hello", Encoding.ASCII.GetString(dst));
    }

    [Fact]
    public void Lz4Block_OverlappingMatch_RepeatsThePattern()
    {
        // 2 literals "ab", then a match of length 4 + 2 at offset 2 (overlapping its own output), then an empty last sequence.
        byte[] block = [0x22, (byte)'a', (byte)'b', 0x02, 0x00, 0x00];
        var dst = new byte[8];
        Assert.Equal(8, Lz4Block.Decode(block, dst));
        Assert.Equal("abababab", Encoding.ASCII.GetString(dst));
    }

    [Fact]
    public void Lz4Block_LongLengths_UseExtensionBytes()
    {
        // 15 + 5 = 20 literals 'x', then match offset 1, length 4 + 15 + 1 = 20.
        var block = new List<byte> { 0xFF, 5 };
        block.AddRange(Enumerable.Repeat((byte)'x', 20));
        block.AddRange([0x01, 0x00, 0x01, 0x00]);
        var dst = new byte[40];
        Assert.Equal(40, Lz4Block.Decode(block.ToArray(), dst));
        Assert.All(dst, b => Assert.Equal((byte)'x', b));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, (byte)'a', (byte)'b', 0x00, 0x00, 0x00 })]       // offset 0
    [InlineData(new byte[] { 0x22, (byte)'a', (byte)'b', 0x09, 0x00, 0x00 })]       // offset before the output start
    [InlineData(new byte[] { 0x90, (byte)'a' })]                                       // 9 literals, 1 present
    [InlineData(new byte[] { 0x2F, (byte)'a', (byte)'b', 0x01, 0x00 })]             // match length extension missing
    [InlineData(new byte[] { })]                                                       // empty block
    public void Lz4Block_Malformed_ThrowsInvalidOperation(byte[] block)
    {
        Assert.Throws<InvalidOperationException>(() => Lz4Block.Decode(block, new byte[16]));
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
