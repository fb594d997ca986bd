using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Parquet;
using static NuMM.Cli.Tests.CliRunner;

namespace NuMM.Cli.Tests;

/// <summary>`numm convert` to Parquet reads array columns into event-major batches (each entry's values together, as
/// Parquet lists hold them); batch sizes (--row-group) that do not divide the entry count keep every value in place,
/// from an entry-major input (NumPy (N, L)) and from an element-major one (a NuMM columnar file).</summary>
public class ConvertArrayLayoutTests
{
    // make_npz.py (tests/NuMM.Data.Tests/TestData/npz): flux[i, k] = float32(1 + ((7i + 13k) % 101) / 128),
    // vtx_be[i, k] = i − 0.5k (big-endian float64), grid[i, a, b] = int16(100a + 10b − i % 7), k = 3a + b.
    private static float Flux(int i, int k) => (float)(1 + ((7 * i + 13 * k) % 101) / 128.0);

    private static void AssertArrays(string parquet)
    {
        using var f = ParquetFile.Open(parquet);
        Assert.Equal(1000, f.EntryCount);
        Assert.Equal([100, 3, 6], f.Columns.Select(c => c.Length));
        var flux = (float[])f.ReadColumn("flux").Values;
        var vtx = (double[])f.ReadColumn("vtx_be").Values;
        var grid = (short[])f.ReadColumn("grid").Values;
        for (int i = 0; i < 1000; i++)
        {
            for (int k = 0; k < 100; k++) Assert.Equal(Flux(i, k), flux[i * 100 + k]);
            for (int k = 0; k < 3; k++) Assert.Equal(i - 0.5 * k, vtx[i * 3 + k]);
            for (int k = 0; k < 6; k++) Assert.Equal((short)(100 * (k / 3) + 10 * (k % 3) - i % 7), grid[i * 6 + k]);
        }
    }

    [Fact]
    public void Convert_NpzArraysToParquet_InBatchesThatDoNotDivide_KeepsEveryValue()
    {
        using var dir = new TempDirectory();
        string parquet = dir.File("arrays.parquet");
        var (code, _, stderr) = Run("convert", TestFile("arrays.npz"), parquet, "--columns", "flux,vtx_be,grid", "--row-group", "333");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        AssertArrays(parquet);
    }

    [Fact]
    public void Convert_NummArraysToParquet_RowGroupsAndBatchesThatDoNotDivide_KeepEveryValue()
    {
        using var dir = new TempDirectory();
        string numm = dir.File("arrays.numm"), parquet = dir.File("arrays.parquet");
        var (code, _, stderr) = Run("convert", TestFile("arrays.npz"), numm, "--columns", "flux,vtx_be,grid", "--row-group", "128");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using (var reader = ColumnarFileReader.Open(numm)) Assert.Equal(8, reader.RowGroupCount);
        (code, _, stderr) = Run("convert", numm, parquet, "--row-group", "300");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        AssertArrays(parquet);
    }
}

/// <summary>`numm convert` to a .root output writes the tree "events" that NuMM's ROOT reader reads back value for value.</summary>
public class ConvertToRootTests
{
    [Fact]
    public void Convert_NpzArraysToRoot_ReadsBackEveryValue()
    {
        using var dir = new TempDirectory();
        string root = dir.File("arrays.root");
        var (code, stdout, stderr) = Run("convert", TestFile("arrays.npz"), root, "--columns", "flux,vtx_be,grid", "--row-group", "333");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("tree 'events', 1000 entries, 3 branches", stdout);
        using var f = NuMM.Runtime.Data.Root.RootFile.Open(root);
        var t = f.GetTree("events");
        Assert.Equal(1000, t.Entries);
        Assert.Equal(4, t.GetBranch("flux").BasketCount);  // 1000 entries in baskets of 333
        var flux = t.GetBranch("flux").Read<float>();
        var vtx = t.GetBranch("vtx_be").Read<double>();
        var grid = t.GetBranch("grid").Read<short>();
        // make_npz.py (tests/NuMM.Data.Tests/TestData/npz): the same formulas as ConvertArrayLayoutTests.
        for (int i = 0; i < 1000; i++)
        {
            for (int k = 0; k < 100; k++) Assert.Equal((float)(1 + ((7 * i + 13 * k) % 101) / 128.0), flux[i * 100 + k]);
            for (int k = 0; k < 3; k++) Assert.Equal(i - 0.5 * k, vtx[i * 3 + k]);
            for (int k = 0; k < 6; k++) Assert.Equal((short)(100 * (k / 3) + 10 * (k % 3) - i % 7), grid[i * 6 + k]);
        }
    }
}
