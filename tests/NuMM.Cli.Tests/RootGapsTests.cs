using System.Buffers.Binary;
using NuMM.Data.Tests.Root;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Root;
using static NuMM.Cli.Tests.CliRunner;

namespace NuMM.Cli.Tests;

/// <summary>`numm inspect` and `numm convert` on ROOT files with branches NuMM cannot turn into columns: each is shown
/// with its real shape, named with its reason when skipped, and refused with the reader's reason when asked for.</summary>
public class RootGapsTests
{
    private static string Synthetic(TempDirectory dir)
    {
        string path = dir.File("synthetic.root");
        File.WriteAllBytes(path, SyntheticRootFile.Build(large: false));
        return path;
    }

    private static T[] ReadColumn<T>(ColumnarFileReader reader, string name) where T : unmanaged
    {
        var col = reader.Columns.Single(c => c.Name == name);
        var source = reader.OpenSource([col]);
        var batch = new DynamicColumnBatch([col], 1000);
        var values = new List<T>();
        while (source.ReadNext(batch)) values.AddRange(batch.Column<T>(0)[..batch.Length].ToArray());
        return [.. values];
    }

    [Fact]
    public void Inspect_Synthetic_ShowsLeafListObjectAndTheLeafColumns()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = Run("inspect", Synthetic(dir));
        Assert.Equal(0, code);
        Assert.Matches(@"\n\s+p\s+TLeafD,TLeafI,TLeafB\s+leaf list \{x/D:y/I:z/B\}\s+5\s+leaf-list branch", stdout);
        Assert.Matches(@"\n\s+p\.x\s+float64\s+scalar\s+5", stdout);
        Assert.Matches(@"\n\s+p\.z\s+int8\s+scalar\s+5", stdout);
        Assert.Matches(@"\n\s+obj\s+TLeafI\s+object\s+5\s+split-object branch", stdout);
        Assert.Matches(@"\n\s+s\s+string\s+string\s+5", stdout);
    }

    [Fact]
    public void InspectVerify_Root_DecompressesEveryBasketOfEveryReadableBranch()
    {
        // HZZ-zlib: 51 readable branches holding 57 baskets (the sum of their fWriteBasket).
        var (code, stdout, stderr) = Run("inspect", TestFile("uproot-HZZ-zlib.root"), "--verify");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using (var f = RootFile.Open(TestFile("uproot-HZZ-zlib.root")))
            Assert.Equal(57, f.GetTree("events").Branches.Sum(b => b.BasketCount));
        Assert.Contains("verified: 57 baskets of 51 readable branches decompressed and checked", stdout);
    }

    [Fact]
    public void InspectVerify_Root_CorruptBasketIsAnErrorThatPlainInspectDoesNotSee()
    {
        using var dir = new TempDirectory();
        string path = dir.File("hzz-bad-basket.root");
        var bytes = File.ReadAllBytes(TestFile("uproot-HZZ-zlib.root"));
        long seek;
        int nbytes;
        using (var f = RootFile.Open(bytes, "x"))
        {
            var info = f.GetTree("events").GetBranch("Jet_Px").Baskets[0];
            (seek, nbytes) = (info.Seek, info.Bytes);
        }
        // Flip bytes inside the compressed payload (past the key header), not the key itself.
        for (int k = 0; k < 8; k++) bytes[seek + nbytes - 20 + k] ^= 0xA5;
        File.WriteAllBytes(path, bytes);
        Assert.Equal(0, Run("inspect", path).Code);
        var (code, _, stderr) = Run("inspect", path, "--verify");
        Assert.Equal(1, code);
        Assert.Contains("events/Jet_Px", stderr);
    }

    [Fact]
    public void Inspect_CorruptBeginPointer_ExitsWithAnError()
    {
        using var dir = new TempDirectory();
        string path = dir.File("hzz-bad-begin.root");
        var bytes = File.ReadAllBytes(TestFile("uproot-HZZ-zlib.root"));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)) + 40);
        File.WriteAllBytes(path, bytes);
        var (code, stdout, stderr) = Run("inspect", path);
        Assert.Equal(1, code);
        Assert.DoesNotContain("0 trees", stdout);
        Assert.Contains("fBEGIN", stderr);
    }

    [Fact]
    public void Convert_WholeSyntheticTree_NamesEverySkippedBranchAndConvertsTheLeafList()
    {
        using var dir = new TempDirectory();
        string output = dir.File("synthetic.numm");
        var (code, stdout, stderr) = Run("convert", Synthetic(dir), output);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("skipped branch 'p': leaf list (x/D:y/I:z/B); its leaves are converted as the columns p.x, p.y, p.z", stdout);
        Assert.Contains("skipped branch 's': string branch", stdout);
        Assert.Contains("skipped branch 'obj': split-object branch (TBranchElement of class 'MyEvent')", stdout);
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal(["x", "p.x", "p.y", "p.z", "w"], reader.Columns.Select(c => c.Name));
        // The fixed-size array branch w[4]/F is converted whole, as an array column of 4 values per entry.
        var w = reader.Columns.Single(c => c.Name == "w");
        Assert.Equal((NuMM.Runtime.Data.ColumnType.Single, 4), (w.Type, w.Length));
        var batch = new DynamicColumnBatch([w], 5);
        Assert.True(reader.OpenSource([w]).ReadNext(batch));
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < 4; k++) Assert.Equal(SyntheticRootFile.WValue(i, k), batch.Column<float>(0)[k * 5 + i]);
        // Entry e of the leaf list holds 1.5·e, −7·e, e − 2 (SyntheticRootFile); x holds 10, 20, 30, 40, 50.
        Assert.Equal([0.0, 1.5, 3.0, 4.5, 6.0], ReadColumn<double>(reader, "p.x"));
        Assert.Equal([0, -7, -14, -21, -28], ReadColumn<int>(reader, "p.y"));
        Assert.Equal(new sbyte[] { -2, -1, 0, 1, 2 }, ReadColumn<sbyte>(reader, "p.z"));
        Assert.Equal([10, 20, 30, 40, 50], ReadColumn<int>(reader, "x"));
    }

    [Fact]
    public void Convert_WholeHzzTree_NamesTheJaggedBranches()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = Run("convert", TestFile("uproot-HZZ.root"), dir.File("hzz.numm"));
        Assert.Equal(0, code);
        Assert.Contains("skipped branch 'Jet_Px': jagged array (per-entry length from 'NJet')", stdout);
        Assert.Contains("skipped branch 'Muon_E': jagged array (per-entry length from 'NMuon')", stdout);
    }

    [Fact]
    public void Convert_RootToArrow_JaggedBranchesBecomeListColumnsAndBackToNumm()
    {
        using var dir = new TempDirectory();
        string arrow = dir.File("hzz.arrow");
        var (code, stdout, stderr) = Run("convert", TestFile("uproot-HZZ-zlib.root"), arrow, "--pot", "2e20");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.DoesNotContain("skipped branch 'Jet_Px'", stdout);
        Assert.Contains("2421 entries, 51 columns (23 list)", stdout);
        using (var root = RootFile.Open(TestFile("uproot-HZZ-zlib.root")))
        using (var f = NuMM.Runtime.Data.Arrow.ArrowIpcFile.Open(arrow))
        {
            var jet = root.GetTree("events").GetBranch("Jet_Px").ReadJagged<float>();
            var list = f.ReadColumn("Jet_Px");
            Assert.Equal(jet.Values, (float[])list.Values);
            Assert.Equal(jet.Offsets, list.Offsets);
            Assert.Equal(root.GetTree("events").GetBranch("MET_px").Read<float>(), (float[])f.ReadColumn("MET_px").Values);
            Assert.Equal(NuMM.Runtime.Data.Exposure.Pot(2e20), f.Exposure);
        }
        // Back to NuMM: the list columns are named as skipped, the scalars and the exposure carried over.
        string numm = dir.File("hzz.numm");
        (code, stdout, stderr) = Run("convert", arrow, numm);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("skipped list column 'Jet_Px': NuMM columns hold no jagged values", stdout);
        using var reader = ColumnarFileReader.Open(numm);
        Assert.Equal(28, reader.Columns.Count);
        Assert.Equal(NuMM.Runtime.Data.Exposure.Pot(2e20), reader.Exposure);
        var (icode, istdout, _) = Run("inspect", arrow, "--verify");
        Assert.Equal(0, icode);
        Assert.Contains("Arrow IPC file, 2421 entries, 28 columns, 23 list columns", istdout);
    }

    [Fact]
    public void Convert_RootToParquetAndBack_JaggedBranchesAreListColumnsEqualToRoot_ScalarsAndExposureSurvive()
    {
        using var dir = new TempDirectory();
        string parquet = dir.File("hzz.parquet");
        var (code, stdout, stderr) = Run("convert", TestFile("uproot-HZZ-zlib.root"), parquet, "--livetime", "3600");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.DoesNotContain("skipped branch", stdout);
        Assert.Contains("2421 entries, 51 columns (23 list)", stdout);
        // Every jagged branch (Jet_*, Muon_*, Electron_*, Photon_*, …) is a Parquet list column holding the ROOT values,
        // entry by entry (offsets), empty entries (NJet = 0) included.
        using (var rootFile = RootFile.Open(TestFile("uproot-HZZ-zlib.root")))
        using (var pf = NuMM.Runtime.Data.Parquet.ParquetFile.Open(parquet))
        {
            var jagged = rootFile.GetTree("events").Branches.Where(b => b.Kind == RootArrayKind.Counted).ToArray();
            Assert.Equal(23, jagged.Length);
            foreach (var b in jagged)
            {
                var list = pf.ReadListColumn(b.Name);
                switch (b.NaturalColumnType)
                {
                    case NuMM.Runtime.Data.ColumnType.Single:
                        var f = b.ReadJagged<float>();
                        Assert.Equal(f.Offsets, list.Offsets);
                        Assert.Equal(f.Values, (float[])list.Values);
                        break;
                    case NuMM.Runtime.Data.ColumnType.Int32:
                        var n = b.ReadJagged<int>();
                        Assert.Equal(n.Offsets, list.Offsets);
                        Assert.Equal(n.Values, (int[])list.Values);
                        break;
                    case NuMM.Runtime.Data.ColumnType.Boolean:
                        var t = b.ReadJagged<bool>();
                        Assert.Equal(t.Offsets, list.Offsets);
                        Assert.Equal(t.Values, (bool[])list.Values);
                        break;
                    default:
                        Assert.Fail($"branch {b.Name}: element type {b.NaturalColumnType} not covered by this test");
                        break;
                }
            }
            var jet = pf.ReadListColumn("Jet_Px");
            Assert.Contains(Enumerable.Range(0, 2421), i => jet.Offsets![i + 1] == jet.Offsets[i]); // some events have no jet
            Assert.Contains("Jet_Px (list of Single: variable-length list", string.Join("; ", pf.SkippedFields));
        }
        string numm = dir.File("hzz.numm");
        (code, stdout, stderr) = Run("convert", parquet, numm);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("skipped field Jet_Px (list of Single: variable-length list", stdout);
        using var root = RootFile.Open(TestFile("uproot-HZZ-zlib.root"));
        using var reader = ColumnarFileReader.Open(numm);
        Assert.Equal(NuMM.Runtime.Data.Exposure.LivetimeSeconds(3600), reader.Exposure);
        Assert.Equal(root.GetTree("events").GetBranch("MET_px").Read<float>(), ReadColumn<float>(reader, "MET_px"));
        Assert.Equal(root.GetTree("events").GetBranch("NJet").Read<int>(), ReadColumn<int>(reader, "NJet"));
        var (icode, istdout, _) = Run("inspect", parquet, "--verify");
        Assert.Equal(0, icode);
        Assert.Contains("Parquet file, 2421 entries, 28 columns", istdout);
    }

    [Fact]
    public void Convert_RootFixedArraysToParquet_BecomeListColumnsOfTheirLength()
    {
        using var dir = new TempDirectory();
        string parquet = dir.File("sample.parquet");
        var (code, _, stderr) = Run("convert", TestFile("uproot-sample-6.20.04-zlib.root"), parquet, "--columns", "n,ai4,af4");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var f = NuMM.Runtime.Data.Parquet.ParquetFile.Open(parquet);
        Assert.Equal([1, 3, 3], f.Columns.Select(c => c.Length));
        // uproot5 tests/test_0023-ttree-versions.py (commit 67c0e6a8): ai4 = [i−14, i−13, i−12], af4 = float32(j − 14.9), j = i+1..i+3.
        var ai4 = (int[])f.ReadColumn("ai4").Values;
        var af4 = (float[])f.ReadColumn("af4").Values;
        for (int i = 0; i < 30; i++)
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(i - 14 + k, ai4[i * 3 + k]);
                Assert.Equal((float)(i + 1 + k - 14.9), af4[i * 3 + k]);
            }
        string numm = dir.File("sample.numm");
        (code, _, stderr) = Run("convert", parquet, numm);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var reader = ColumnarFileReader.Open(numm);
        Assert.Equal(3, reader.Columns.Single(c => c.Name == "af4").Length);
    }

    [Fact]
    public void Convert_AskingForAJaggedBranch_GivesTheReadersReason()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = Run("convert", TestFile("uproot-HZZ.root"), dir.File("never.numm"), "--columns", "NJet,Jet_Px");
        Assert.Equal(1, code);
        Assert.Contains("'Jet_Px' cannot be converted:", stderr);
        Assert.Contains("a counted array (per-entry length from 'NJet') cannot fill one value per event", stderr);
        Assert.DoesNotContain("not a column of the input", stderr);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
