using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>The uproot HZZ tree (2421 events, 51 branches) written by ROOT 5.32 (zlib) and by ROOT 6.10/6.19 with no
/// compression, zlib, LZ4, LZMA and ZSTD.</summary>
public sealed class RootHzzTests
{
    [Theory]
    [MemberData(nameof(RootTestFiles.Hzz), MemberType = typeof(RootTestFiles))]
    public void EventsTree_AnyCompression_Has2421EntriesAndFirstMuonValues(string file)
    {
        var t = RootTestFiles.OpenTree(file, "events", out var f);
        using (f)
        {
            // uproot5 tests/test_0043_iterate_function.py (commit 32d1afcb), line 15: `events.num_entries == 2421`.
            Assert.Equal(2421, t.Entries);
            Assert.Equal(51, t.Branches.Count);
            var px = t.GetBranch("Muon_Px");
            Assert.Equal(RootArrayKind.Counted, px.Kind);
            Assert.Equal("NMuon", px.CountBranch);
            Assert.Equal(RootLeafType.Float32, px.LeafType);
            // uproot5 tests/test_0034-generic-objects-in-ttrees.py, test_vector_TLorentzVector: the first muon of event 0
            // (same events, stored as TLorentzVector in uproot-HZZ-objects.root) has fE 54.77949905395508,
            // fX -52.89945602416992, fY -11.654671669006348, fZ -8.16079330444336 — the float32 values widened.
            Assert.Equal(-52.89945602416992, px.ReadJagged<double>()[0][0]);
            Assert.Equal(-11.654671669006348, t.GetBranch("Muon_Py").ReadJagged<double>()[0][0]);
            Assert.Equal(-8.16079330444336, t.GetBranch("Muon_Pz").ReadJagged<double>()[0][0]);
            Assert.Equal(54.77949905395508, t.GetBranch("Muon_E").ReadJagged<double>()[0][0]);
            // uproot5 docs (docs-sphinx/basic.rst, "ak_arrays[:2].tolist()"): event 0 has Muon_Px [-52.899…, 37.7377815246582]
            // and no jets; event 1 has Jet_Px [-38.87471389770508] and Muon_Px [-0.8164593577384949].
            var mpx = px.ReadJagged<float>();
            Assert.Equal([-52.89945602416992f, 37.7377815246582f], mpx[0].ToArray());
            Assert.Equal([-0.8164593577384949f], mpx[1].ToArray());
            var jpx = t.GetBranch("Jet_Px").ReadJagged<float>();
            Assert.Equal(0, jpx[0].Length);
            Assert.Equal([-38.87471389770508f], jpx[1].ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(RootTestFiles.Hzz), MemberType = typeof(RootTestFiles))]
    public void CountedArrays_AnyCompression_EntryLengthsEqualTheCountBranch(string file)
    {
        // The basket offset tables and the separately stored counter branch are two independent records of the same lengths.
        var t = RootTestFiles.OpenTree(file, "events", out var f);
        using (f)
        {
            foreach (var br in t.Branches.Where(b => b.Kind == RootArrayKind.Counted))
            {
                var counts = t.GetBranch(br.CountBranch!).Read<int>();
                var j = RootAssert.ReadJaggedBits(br);
                for (int e = 0; e < counts.Length; e++) Assert.Equal(counts[e], j.Offsets[e + 1] - j.Offsets[e]);
            }
        }
    }

    [Fact]
    public void AllCompressions_EveryBranch_GiveIdenticalValues()
    {
        using var reference = RootFile.Open(RootTestFiles.Get("uproot-HZZ-uncompressed.root"));
        var rt = reference.GetTree("events");
        foreach (var file in RootTestFiles.HzzVariants.Where(v => v != "uproot-HZZ-uncompressed.root"))
        {
            using var other = RootFile.Open(RootTestFiles.Get(file));
            var ot = other.GetTree("events");
            Assert.Equal(rt.Branches.Select(b => b.Describe()), ot.Branches.Select(b => b.Describe()));
            foreach (var b in rt.Branches) RootAssert.SameValues(b, ot.GetBranch(b.Name), file);
        }
    }

    [Fact]
    public void CompressedFiles_UseTheirDeclaredAlgorithm()
    {
        // fCompress = 100 × algorithm + level (ROOT: 1 zlib, 2 LZMA, 4 LZ4, 5 ZSTD); the ROOT 5 file uses the old level-only form.
        int[] expected = [1, 100, 104, 404, 204, 505];
        for (int i = 0; i < RootTestFiles.HzzVariants.Length; i++)
        {
            using var f = RootFile.Open(RootTestFiles.Get(RootTestFiles.HzzVariants[i]));
            Assert.Equal(expected[i], f.Compression);
        }
    }

    [Fact]
    public void ParallelAndSingleThreadReads_GiveIdenticalArrays()
    {
        var t = RootTestFiles.OpenTree("uproot-HZZ-lz4.root", "events", out var f);
        f.MinParallelBytes = 0; // HZZ baskets are small: force the parallel path
        using (f)
        {
            foreach (var b in t.Branches.Where(b => b.Kind == RootArrayKind.Counted && b.LeafType != RootLeafType.Boolean))
            {
                var a = b.ReadJagged<double>(1);
                var p = b.ReadJagged<double>(-1);
                Assert.Equal(a.Values, p.Values);
                Assert.Equal(a.Offsets, p.Offsets);
            }
        }
    }

    private static ColumnInfo Col(string name, ColumnType type, string? source = null, bool finite = false) =>
        new(name, type, "", source ?? name, finite);

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void BatchSource_Capacity1000_ReadsThreeBatchesEqualToWholeBranchReads(int threads)
    {
        var t = RootTestFiles.OpenTree("uproot-HZZ-zlib.root", "events", out var f);
        f.MinParallelBytes = 0; // force the parallel path when threads = −1
        using (f)
        {
            ColumnInfo[] cols =
            [
                Col("met_x", ColumnType.Single, "MET_px"),
                Col("met_x_d", ColumnType.Double, "MET_px"),
                Col("nmu", ColumnType.Int32, "NMuon"),
                Col("nmu_l", ColumnType.Int64, "NMuon"),
                Col("trigger", ColumnType.Boolean, "triggerIsoMu24"),
                Col("w", ColumnType.Single, "EventWeight", finite: true),
            ];
            var source = t.OpenBatches<DynamicColumnBatch>(cols, threads);
            var batch = new DynamicColumnBatch(cols, 1000);
            var lengths = new List<int>();
            var met = new List<float>(); var metD = new List<double>(); var nmu = new List<int>(); var nmuL = new List<long>();
            var trig = new List<bool>(); var w = new List<float>();
            while (source.ReadNext(batch))
            {
                lengths.Add(batch.Length);
                met.AddRange(batch.Column<float>(0)[..batch.Length].ToArray());
                metD.AddRange(batch.Column<double>(1)[..batch.Length].ToArray());
                nmu.AddRange(batch.Column<int>(2)[..batch.Length].ToArray());
                nmuL.AddRange(batch.Column<long>(3)[..batch.Length].ToArray());
                trig.AddRange(batch.Column<bool>(4)[..batch.Length].ToArray());
                w.AddRange(batch.Column<float>(5)[..batch.Length].ToArray());
            }
            // uproot5 tests/test_0043_iterate_function.py, test_iterate_report_2: step_size=1000 gives entry ranges
            // [0, 1000), [1000, 2000), [2000, 2421).
            Assert.Equal([1000, 1000, 421], lengths);
            Assert.Equal(0, batch.Length);
            Assert.Equal(t.GetBranch("MET_px").Read<float>(), met);
            Assert.Equal(t.GetBranch("MET_px").Read<float>().Select(v => (double)v), metD);
            Assert.Equal(t.GetBranch("NMuon").Read<int>(), nmu);
            Assert.Equal(t.GetBranch("NMuon").Read<int>().Select(v => (long)v), nmuL);
            Assert.Equal(t.GetBranch("triggerIsoMu24").Read<bool>(), trig);
            Assert.Equal(t.GetBranch("EventWeight").Read<float>(), w);
            Assert.False(source.ReadNext(batch));
        }
    }

    [Fact]
    public void BatchSource_SmallBatchesAcrossBaskets_MatchWholeBranchRead()
    {
        // The sample branches are split into 2–30 baskets; 7-entry batches straddle basket boundaries.
        var t = RootTestFiles.OpenTree("uproot-sample-6.20.04-lzma.root", "sample", out var f);
        f.MinParallelBytes = 0;
        using (f)
        {
            ColumnInfo[] cols = [Col("i8", ColumnType.Int64), Col("f8_as_float", ColumnType.Single, "f8"), Col("ai4_1", ColumnType.Int32, "ai4[1]"),
                                 Col("u2", ColumnType.Int32)];
            var src = t.OpenBatches<DynamicColumnBatch>(cols);
            var batch = new DynamicColumnBatch(cols, 7);
            var i8 = new List<long>(); var f8 = new List<float>(); var ai41 = new List<int>(); var u2 = new List<int>();
            while (src.ReadNext(batch))
            {
                i8.AddRange(batch.Column<long>(0)[..batch.Length].ToArray());
                f8.AddRange(batch.Column<float>(1)[..batch.Length].ToArray());
                ai41.AddRange(batch.Column<int>(2)[..batch.Length].ToArray());
                u2.AddRange(batch.Column<int>(3)[..batch.Length].ToArray());
            }
            var idx = Enumerable.Range(0, 30);
            Assert.Equal(idx.Select(i => (long)(i - 15)), i8);          // test_0023 truth["i8"], lines 716–747
            Assert.Equal(idx.Select(i => (float)(i - 14.9)), f8);       // truth["f8"] (lines 1004–1035), narrowed by the schema
            Assert.Equal(idx.Select(i => i - 13), ai41);                // truth["ai4"][i][1], lines 556–587
            Assert.Equal(idx, u2);                                      // truth["u2"], lines 428–459, widened to int
        }
    }

    [Fact]
    public void SchemaMapping_SeveralProblems_OneErrorListsThemAll()
    {
        var t = RootTestFiles.OpenTree("uproot-sample-6.20.04-zlib.root", "sample", out var f);
        using (f)
        {
            ColumnInfo[] cols =
            [
                Col("ok", ColumnType.Int32, "i4"),
                Col("missing", ColumnType.Double, "no_such_branch"),
                Col("narrow", ColumnType.Int32, "i8"),
                Col("sign", ColumnType.Int32, "u4"),
                Col("jagged", ColumnType.Single, "Af4"),
                Col("fixed", ColumnType.Int32, "ai4"),
                Col("index", ColumnType.Int32, "ai4[3]"),
                Col("text", ColumnType.Byte, "str"),
                Col("flag", ColumnType.Int32, "b"),
            ];
            var ex = Assert.Throws<DataFormatException>(() => t.OpenBatches<DynamicColumnBatch>(cols));
            Assert.Equal("sample", ex.ObjectName);
            Assert.EndsWith("uproot-sample-6.20.04-zlib.root", ex.File);
            Assert.Contains("8 problem(s)", ex.Message);
            foreach (var name in new[] { "'missing'", "'narrow'", "'sign'", "'jagged'", "'fixed'", "'index'", "'text'", "'flag'" })
                Assert.Contains("column " + name, ex.Message);
            Assert.DoesNotContain("column 'ok'", ex.Message);
            Assert.Contains("no branch 'no_such_branch'", ex.Message);
            Assert.Contains("Int64 does not convert to column type Int32", ex.Message);
            Assert.Equal(8, t.CheckColumns(cols).Count);
        }
    }

    [Fact]
    public void TypeConversionRules_AreExplicit()
    {
        Assert.True(RootTree.CanConvert(RootLeafType.Float64, ColumnType.Single));  // schema asks for float: allowed
        Assert.True(RootTree.CanConvert(RootLeafType.Int32, ColumnType.Int64));
        Assert.True(RootTree.CanConvert(RootLeafType.UInt32, ColumnType.Int64));
        Assert.True(RootTree.CanConvert(RootLeafType.Int64, ColumnType.Double));
        Assert.False(RootTree.CanConvert(RootLeafType.Int64, ColumnType.Int32));    // narrowing
        Assert.False(RootTree.CanConvert(RootLeafType.UInt32, ColumnType.Int32));   // sign change, same width
        Assert.False(RootTree.CanConvert(RootLeafType.Int32, ColumnType.UInt64));   // negative values have no unsigned form
        Assert.False(RootTree.CanConvert(RootLeafType.Boolean, ColumnType.Int32));
        Assert.False(RootTree.CanConvert(RootLeafType.Float32, ColumnType.Int32));
        Assert.False(RootTree.CanConvert(RootLeafType.String, ColumnType.Byte));
    }
}
