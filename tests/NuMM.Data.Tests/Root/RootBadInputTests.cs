using System.Buffers.Binary;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>Malformed input: each case must give a <see cref="DataFormatException"/> that names the file, the object and
/// where (entry or byte offset), and says what was expected.</summary>
public sealed class RootBadInputTests
{
    private static byte[] Bytes(string name) => File.ReadAllBytes(RootTestFiles.Get(name));

    [Fact]
    public void Open_WrongMagic_NamesFileOffsetZeroAndExpectedMagic()
    {
        var b = Bytes("uproot-simple.root");
        b[3] = (byte)'f';
        var ex = Assert.Throws<DataFormatException>(() => RootFile.Open(b, "simple-bad-magic.root"));
        Assert.Equal("simple-bad-magic.root", ex.File);
        Assert.Equal(0, ex.ByteOffset);
        Assert.Contains("expected 'root'", ex.Message);
        Assert.Contains("'roof'", ex.Message);
        Assert.Contains("simple-bad-magic.root", ex.Message);
    }

    [Fact]
    public void Open_TooShort_SaysHeaderIsMissing()
    {
        var ex = Assert.Throws<DataFormatException>(() => RootFile.Open(new byte[10], "tiny.root"));
        Assert.Contains("shorter than the 64-byte ROOT header", ex.Message);
        Assert.Equal("tiny.root", ex.File);
    }

    [Theory]
    [InlineData(4)]      // a few bytes past the TFile key: inside its name
    [InlineData(1000)]   // somewhere in the middle of the file
    public void Open_CorruptBegin_IsAnErrorNotAnEmptyFile(int shift)
    {
        var b = Bytes("uproot-HZZ-zlib.root");
        int begin = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(8));
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(8), begin + shift);
        var ex = Assert.Throws<DataFormatException>(() => RootFile.Open(b, "hzz-bad-begin.root"));
        Assert.Equal("hzz-bad-begin.root", ex.File);
        Assert.Equal(8, ex.ByteOffset);
        Assert.Contains($"fBEGIN = {begin + shift} does not point at the file's TFile key", ex.Message);
    }

    [Fact]
    public void Open_TruncatedFile_SaysTruncated()
    {
        var b = Bytes("uproot-HZZ-zlib.root");
        var ex = Assert.Throws<DataFormatException>(() => RootFile.Open(b.AsMemory(0, b.Length / 2), "hzz-half.root"));
        Assert.Equal("hzz-half.root", ex.File);
        Assert.Contains("truncated", ex.Message);
        Assert.NotNull(ex.ByteOffset);
    }

    [Fact]
    public void ReadBranch_BasketKeySizeCorrupt_NamesBranchEntryAndFilePosition()
    {
        var b = Bytes("uproot-HZZ-uncompressed.root");
        long seek;
        using (var f = RootFile.Open(b, "x")) seek = f.GetTree("events").GetBranch("Muon_Px").Baskets[0].Seek;
        // The basket key's fNbytes no longer matches the branch's fBasketBytes table.
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan((int)seek), int.MaxValue);
        using var g = RootFile.Open(b, "hzz-bad-basket.root");
        var ex = Assert.Throws<DataFormatException>(() => g.GetTree("events").GetBranch("Muon_Px").ReadJagged<float>());
        Assert.Equal("events/Muon_Px", ex.ObjectName);
        Assert.Equal(seek, ex.ByteOffset);
        Assert.Equal(0, ex.Entry);
        Assert.Contains("fBasketBytes", ex.Message);
    }

    [Fact]
    public void LoadBasket_RecordRunsPastEndOfFile_NamesBranchAndPosition()
    {
        // A basket whose bytes would extend past the end of the file (a truncated file, or a corrupt fBasketSeek).
        using var f = RootFile.Open(Bytes("uproot-HZZ-uncompressed.root"), "hzz-cut.root");
        var br = f.GetTree("events").GetBranch("EventWeight");
        long seek = f.Length - 10;
        var info = br.Baskets[0] with { Seek = seek };
        var ex = Assert.Throws<DataFormatException>(() => BasketReader.Load(f, br.Model, "events/EventWeight", info, 0));
        Assert.Contains("runs past the end of the file", ex.Message);
        Assert.Equal(seek, ex.ByteOffset);
        Assert.Equal("events/EventWeight", ex.ObjectName);
        Assert.Equal("hzz-cut.root", ex.File);
    }

    [Theory]
    [InlineData("uproot-HZZ-zlib.root", "ZLIB")]
    [InlineData("uproot-HZZ-lzma.root", "LZMA")]
    [InlineData("uproot-HZZ-zstd.root", "ZSTD")]
    public void ReadBranch_CorruptCompressedPayload_NamesAlgorithmBranchAndOffset(string file, string algorithm)
    {
        var b = Bytes(file);
        long blockStart;
        using (var f = RootFile.Open(b, file))
        {
            var info = f.GetTree("events").GetBranch("MET_px").Baskets[0];
            int keylen = BinaryPrimitives.ReadInt16BigEndian(b.AsSpan((int)info.Seek + 14));
            blockStart = info.Seek + keylen;
        }
        // Garble the first bytes of the payload (after the 9-byte block header): the stream's own header becomes invalid.
        for (int i = 0; i < 6; i++) b[blockStart + 9 + i] ^= 0xA5;
        using var g = RootFile.Open(b, file);
        var ex = Assert.Throws<DataFormatException>(() => g.GetTree("events").GetBranch("MET_px").Read<float>());
        Assert.Equal("events/MET_px", ex.ObjectName);
        Assert.Equal(blockStart, ex.ByteOffset);
        Assert.Contains($"Corrupt {algorithm} block", ex.Message);
        Assert.Equal(file, ex.File);
    }

    [Fact]
    public void ReadBranch_Lz4ChecksumMismatch_IsDetected()
    {
        var b = Bytes("uproot-HZZ-lz4.root");
        long blockStart;
        using (var f = RootFile.Open(b, "lz4"))
        {
            var info = f.GetTree("events").GetBranch("NJet").Baskets[0];
            blockStart = info.Seek + BinaryPrimitives.ReadInt16BigEndian(b.AsSpan((int)info.Seek + 14));
        }
        b[blockStart + 9 + 8 + 20] ^= 0x01; // one bit inside the LZ4 data, after the 8-byte XXH64
        using var g = RootFile.Open(b, "lz4");
        var ex = Assert.Throws<DataFormatException>(() => g.GetTree("events").GetBranch("NJet").Read<int>());
        Assert.Contains("LZ4 checksum mismatch", ex.Message);
        Assert.Equal(blockStart, ex.ByteOffset);
    }

    [Fact]
    public void ReadBranch_UnknownAlgorithmTag_SaysWhichTagsAreExpected()
    {
        var b = Bytes("uproot-HZZ-zlib.root");
        long blockStart;
        using (var f = RootFile.Open(b, "z"))
        {
            var info = f.GetTree("events").GetBranch("NJet").Baskets[0];
            blockStart = info.Seek + BinaryPrimitives.ReadInt16BigEndian(b.AsSpan((int)info.Seek + 14));
        }
        b[blockStart] = (byte)'Q';
        using var g = RootFile.Open(b, "z");
        var ex = Assert.Throws<DataFormatException>(() => g.GetTree("events").GetBranch("NJet").Read<int>());
        Assert.Contains("expected ZL, XZ, L4 or ZS", ex.Message);
    }

    [Fact]
    public void ReadBranch_BasketEntryCountDisagrees_NamesEntryAndBasket()
    {
        var b = Bytes("uproot-HZZ-uncompressed.root");
        long seek;
        using (var f = RootFile.Open(b, "u")) seek = f.GetTree("events").GetBranch("NMuon").Baskets[0].Seek;
        int keylen = BinaryPrimitives.ReadInt16BigEndian(b.AsSpan((int)seek + 14));
        // TBasket header ends with fNevBuf (int32), fLast (int32), a flag byte.
        int nevBufPos = (int)seek + keylen - 9;
        int nev = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(nevBufPos));
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(nevBufPos), nev - 1);
        using var g = RootFile.Open(b, "u");
        var ex = Assert.Throws<DataFormatException>(() => g.GetTree("events").GetBranch("NMuon").Read<int>());
        Assert.Contains($"holds {nev - 1} entries", ex.Message);
        Assert.Contains($"expects {nev}", ex.Message);
        Assert.Equal(0, ex.Entry);
        Assert.Equal("events/NMuon", ex.ObjectName);
    }

    [Fact]
    public void ReadBranch_BranchEntriesDisagreeWithTree_IsRefused()
    {
        var b = Bytes("uproot-HZZ-uncompressed.root");
        int treeData;
        using (var f = RootFile.Open(b, "u"))
        {
            var key = f.GetTree("events").Key;
            treeData = (int)(key.SeekKey + key.KeyLength);
        }
        // In the streamed TBranch "NJet" the first int64 2421 after the name is fEntryNumber, the second fEntries.
        int name = IndexOf(b, "\u0004NJet"u8.ToArray(), treeData);
        byte[] n2421 = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(n2421, 2421);
        int first = IndexOf(b, n2421, name);
        int second = IndexOf(b, n2421, first + 8);
        BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(second), 2420);
        using var g = RootFile.Open(b, "u");
        var t = g.GetTree("events");
        var br = t.GetBranch("NJet");
        Assert.Equal(2420, br.Entries);
        var ex = Assert.Throws<DataFormatException>(() => br.Read<int>());
        Assert.Contains("Branch has 2420 entries but its tree has 2421", ex.Message);
        Assert.Equal("events/NJet", ex.ObjectName);
        var problems = t.CheckColumns([new ColumnInfo("n", ColumnType.Int32, "", "NJet", false)]);
        Assert.Contains("the branch has 2420 entries, the tree 2421", Assert.Single(problems));
    }

    [Fact]
    public void GetBranch_Missing_ListsTheBranchesThatExist()
    {
        using var f = RootFile.Open(RootTestFiles.Get("uproot-simple.root"));
        var ex = Assert.Throws<DataFormatException>(() => f.GetTree("tree").GetBranch("four"));
        Assert.Contains("No branch 'four'", ex.Message);
        Assert.Contains("one, two, three", ex.Message);
        Assert.Equal("tree", ex.ObjectName);
    }

    [Fact]
    public void Read_TypeThatDoesNotConvert_NamesBranchAndTypes()
    {
        using var f = RootFile.Open(RootTestFiles.Get("uproot-simple.root"));
        var ex = Assert.Throws<DataFormatException>(() => f.GetTree("tree").GetBranch("two").Read<int>());
        Assert.Contains("Float32 values, which do not convert to Int32", ex.Message);
        Assert.Equal("tree/two", ex.ObjectName);
    }

    [Fact]
    public void GetTree_MissingKey_ThrowsKeyNotFound()
    {
        using var f = RootFile.Open(RootTestFiles.Get("uproot-simple.root"));
        Assert.Throws<KeyNotFoundException>(() => f.GetTree("nope"));
    }

    [Fact]
    public void BatchSource_BatchWithOtherColumns_IsRejected()
    {
        using var f = RootFile.Open(RootTestFiles.Get("uproot-simple.root"));
        var t = f.GetTree("tree");
        var src = t.OpenBatches<DynamicColumnBatch>([new ColumnInfo("one", ColumnType.Int32, "", "one", false)]);
        var other = new DynamicColumnBatch([new ColumnInfo("two", ColumnType.Single, "", "two", false)], 4);
        Assert.Throws<ArgumentException>(() => src.ReadNext(other));
    }

    private static int IndexOf(byte[] hay, byte[] needle, int from)
    {
        int i = hay.AsSpan(from).IndexOf(needle);
        Assert.True(i >= 0, "pattern not found");
        return from + i;
    }
}
