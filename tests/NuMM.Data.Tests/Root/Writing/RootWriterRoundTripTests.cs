using System.Buffers.Binary;
using NuMM.Data.Tests.Columnar;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Data.Root.Compression;
using NuMM.Runtime.Data.Root.Writing;
using static NuMM.Data.Tests.Root.Writing.WriterTestData;

namespace NuMM.Data.Tests.Root.Writing;

/// <summary>Files written by <see cref="RootTreeWriter"/> read back through <see cref="RootFile"/> value for value (floats
/// compared bit for bit), for every column type and compression, with several baskets, 0 and 1 entries, and fixed
/// arrays written from and read into both array layouts.</summary>
public sealed class RootWriterRoundTripTests
{
    public static IEnumerable<object[]> TypesAndAlgorithms() =>
        from t in AllTypes from a in Algorithms select new object[] { t, a };

    [Theory]
    [MemberData(nameof(TypesAndAlgorithms))]
    public void EveryType_EveryCompression_ReadsBackExactly(ColumnType type, RootCompressionAlgorithm algorithm)
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("x", type), Column("w", type, 3) };
        const int n = 1000;
        string path = Write(dir.Path, cols, n, new RootWriteOptions { Compression = algorithm, EntriesPerBasket = 97 }, batchSize: 130);
        using var file = RootFile.Open(path);
        var tree = file.GetTree("events");
        Assert.Equal(n, tree.Entries);
        var x = tree.GetBranch("x");
        var w = tree.GetBranch("w");
        Assert.Equal(RootArrayKind.Scalar, x.Kind);
        Assert.Equal(RootArrayKind.Fixed, w.Kind);
        Assert.Equal(3, w.FixedLength);
        var back = new DynamicColumnBatch(cols, n);
        var src = tree.OpenBatches<DynamicColumnBatch>(cols, maxDegreeOfParallelism: 1);
        Assert.True(src.ReadNext(back));
        Assert.Equal(n, back.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Bits(Value(type, i, 0)), Get(back, 0, i));
            for (int k = 0; k < 3; k++) Assert.Equal(Bits(Value(type, i, k)), Get(back, 1, cols[1].IndexOf(n, i, k)));
        }
    }

    [Theory]
    [InlineData(RootCompressionAlgorithm.None)]
    [InlineData(RootCompressionAlgorithm.Zstd)]
    public void SeveralBaskets_AreAlignedAcrossBranches_AsClusters(RootCompressionAlgorithm algorithm)
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("a", ColumnType.Single), Column("b", ColumnType.Double), Column("c", ColumnType.Int32, 4) };
        string path = Write(dir.Path, cols, 1001, new RootWriteOptions { Compression = algorithm, EntriesPerBasket = 100 }, batchSize: 333);
        using var file = RootFile.Open(path);
        var tree = file.GetTree("events");
        foreach (var name in new[] { "a", "b", "c" })
        {
            var baskets = tree.GetBranch(name).Baskets;
            Assert.Equal(11, baskets.Length);
            for (int i = 0; i < baskets.Length; i++)
            {
                Assert.Equal(100L * i, baskets[i].EntryStart);
                Assert.Equal(Math.Min(1001, 100L * (i + 1)), baskets[i].EntryStop);
            }
        }
        float[] a = tree.GetBranch("a").Read<float>();
        for (int i = 0; i < 1001; i++) Assert.Equal(Bits(Value(ColumnType.Single, i, 0)), Bits(a[i]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ZeroAndOneEntries_ReadBack(int n)
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("x", ColumnType.Double), Column("w", ColumnType.Single, 100) };
        string path = Write(dir.Path, cols, n, new RootWriteOptions { Compression = RootCompressionAlgorithm.Zlib });
        using var file = RootFile.Open(path);
        var tree = file.GetTree("events");
        Assert.Equal(n, tree.Entries);
        Assert.Equal(n, tree.GetBranch("x").Baskets.Length);
        double[] x = tree.GetBranch("x").Read<double>();
        float[] w = tree.GetBranch("w").Read<float>();
        Assert.Equal(n, x.Length);
        Assert.Equal(100 * n, w.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Bits(Value(ColumnType.Double, i, 0)), Bits(x[i]));
            for (int k = 0; k < 100; k++) Assert.Equal(Bits(Value(ColumnType.Single, i, k)), Bits(w[i * 100 + k]));
        }
    }

    [Theory]
    [InlineData(ArrayLayout.ElementMajor, ArrayLayout.ElementMajor)]
    [InlineData(ArrayLayout.ElementMajor, ArrayLayout.EventMajor)]
    [InlineData(ArrayLayout.EventMajor, ArrayLayout.ElementMajor)]
    [InlineData(ArrayLayout.EventMajor, ArrayLayout.EventMajor)]
    public void FixedArrays_WrittenFromEitherLayout_ReadIntoEither(ArrayLayout written, ArrayLayout read)
    {
        using var dir = new TempDirectory();
        var wcols = new[] { Column("w", ColumnType.Single, 100, written), Column("i", ColumnType.Int64, 7, written) };
        const int n = 257;
        string path = Write(dir.Path, wcols, n, new RootWriteOptions { Compression = RootCompressionAlgorithm.Lz4, EntriesPerBasket = 64 }, batchSize: 50);
        var rcols = new[] { Column("w", ColumnType.Single, 100, read), Column("i", ColumnType.Int64, 7, read) };
        using var file = RootFile.Open(path);
        var src = file.GetTree("events").OpenBatches<DynamicColumnBatch>(rcols, maxDegreeOfParallelism: 1);
        var b = new DynamicColumnBatch(rcols, 100);
        long e0 = 0;
        while (src.ReadNext(b))
        {
            for (int r = 0; r < b.Length; r++)
            {
                for (int k = 0; k < 100; k++) Assert.Equal(Bits(Value(ColumnType.Single, e0 + r, k)), Get(b, 0, rcols[0].IndexOf(100, r, k)));
                for (int k = 0; k < 7; k++) Assert.Equal(Value(ColumnType.Int64, e0 + r, k), Get(b, 1, rcols[1].IndexOf(100, r, k)));
            }
            e0 += b.Length;
        }
        Assert.Equal(n, e0);
        // The branch itself stores each entry's values together (entry-major), whatever layout they were written from.
        long[] flat = file.GetTree("events").GetBranch("i").Read<long>();
        for (int e = 0; e < n; e++) for (int k = 0; k < 7; k++) Assert.Equal((long)Value(ColumnType.Int64, e, k), flat[e * 7 + k]);
    }

    [Theory]
    [InlineData(RootCompressionAlgorithm.Zlib, "ZL")]
    [InlineData(RootCompressionAlgorithm.Lz4, "L4")]
    [InlineData(RootCompressionAlgorithm.Zstd, "ZS")]
    public void EveryBasket_DecompressesToTheBigEndianValues(RootCompressionAlgorithm algorithm, string tag)
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("x", ColumnType.Double) };
        const int n = 5000, per = 1024;
        string path = Write(dir.Path, cols, n, new RootWriteOptions { Compression = algorithm, EntriesPerBasket = per }, batchSize: 700);
        var bytes = File.ReadAllBytes(path);
        using var file = RootFile.Open(path);
        var baskets = file.GetTree("events").GetBranch("x").Baskets;
        Assert.Equal(5, baskets.Length);
        foreach (var info in baskets)
        {
            int at = (int)info.Seek;
            int nbytes = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            int objlen = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 6));
            int keylen = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(at + 14));
            var stored = bytes.AsSpan(at + keylen, nbytes - keylen);
            Assert.True(stored.Length < objlen, "the values compress, so the basket is stored compressed");
            Assert.Equal(tag, System.Text.Encoding.ASCII.GetString(stored[..2]));
            var raw = RootDecompressor.Decompress(stored, objlen, path, "x", at + keylen);
            var expected = new byte[info.Entries * 8];
            for (int e = 0; e < info.Entries; e++)
                BinaryPrimitives.WriteDoubleBigEndian(expected.AsSpan(e * 8), (double)Value(ColumnType.Double, info.EntryStart + e, 0));
            Assert.Equal(expected, raw);
        }
    }

    [Fact]
    public void RecordsOverOneChunk_AreSplitIntoSeveralBlocks()
    {
        // 16 MiB + 1 kB of data: ROOT's 3-byte size fields force a second block.
        var data = new byte[RootCompressor.MaxChunk + 1025];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 31 / 7);
        var packed = RootCompressor.Compress(data, RootCompressionAlgorithm.Zstd, 3);
        Assert.True(packed.Length < data.Length);
        int usize0 = packed[6] | packed[7] << 8 | packed[8] << 16;
        int csize0 = packed[3] | packed[4] << 8 | packed[5] << 16;
        Assert.Equal(RootCompressor.MaxChunk, usize0);
        int second = 9 + csize0;
        Assert.Equal("ZS", System.Text.Encoding.ASCII.GetString(packed, second, 2));
        Assert.Equal(1025, packed[second + 6] | packed[second + 7] << 8 | packed[second + 8] << 16);
        Assert.Equal(data, RootDecompressor.Decompress(packed, data.Length, "mem", "x", 0));
    }

    [Fact]
    public void IncompressibleData_IsStoredAsItIs()
    {
        var data = new byte[4096];
        new Random(7).NextBytes(data);
        Assert.Same(data, RootCompressor.Compress(data, RootCompressionAlgorithm.Zlib, 1));
    }

    [Fact]
    public void RealFixtureValues_SurviveARewrite()
    {
        // Values ROOT wrote (uproot-small-flat-tree.root), rewritten by the writer with ZSTD and read back.
        using var src = RootFile.Open(RootTestFiles.Get("uproot-small-flat-tree.root"));
        var tree = src.GetTree("tree");
        int[] i32 = tree.GetBranch("Int32").Read<int>();
        long[] i64 = tree.GetBranch("Int64").Read<long>();
        float[] f32 = tree.GetBranch("Float32").Read<float>();
        double[] f64 = tree.GetBranch("Float64").Read<double>();
        var cols = new[] { Column("Int32", ColumnType.Int32), Column("Int64", ColumnType.Int64), Column("Float32", ColumnType.Single), Column("Float64", ColumnType.Double) };
        var batch = new DynamicColumnBatch(cols, i32.Length);
        i32.CopyTo(batch.Column<int>(0)); i64.CopyTo(batch.Column<long>(1)); f32.CopyTo(batch.Column<float>(2)); f64.CopyTo(batch.Column<double>(3));
        batch.Length = i32.Length;
        using var dir = new TempDirectory();
        string path = dir.File("rewritten.root");
        using (var w = RootTreeWriter.Create(path, "tree", cols, new RootWriteOptions { Compression = RootCompressionAlgorithm.Zstd, EntriesPerBasket = 30 }))
        {
            w.Write(batch);
            w.Close();
        }
        using var back = RootFile.Open(path);
        var t = back.GetTree("tree");
        Assert.Equal(i32, t.GetBranch("Int32").Read<int>());
        Assert.Equal(i64, t.GetBranch("Int64").Read<long>());
        Assert.Equal(f32.Select(BitConverter.SingleToInt32Bits), t.GetBranch("Float32").Read<float>().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(f64.Select(BitConverter.DoubleToInt64Bits), t.GetBranch("Float64").Read<double>().Select(BitConverter.DoubleToInt64Bits));
    }
}
