using NuMM.Runtime.Data.Root;
using static NuMM.Cli.Tests.CliRunner;

namespace NuMM.Cli.Tests;

/// <summary>`numm convert` ROOT → Parquet read by another implementation: ParquetSharp wraps Apache Arrow's C++ Parquet
/// reader (the one behind pyarrow), so jagged list columns written by NuMM must come back there as the ROOT values, empty
/// entries as empty lists.</summary>
public class ParquetInteropTests
{
    [Fact]
    public void RootToParquet_JaggedBranches_ReadByApacheArrowCpp_EqualTheRootValues()
    {
        using var dir = new TempDirectory();
        string parquet = dir.File("hzz.parquet");
        var (code, _, stderr) = Run("convert", TestFile("uproot-HZZ-zlib.root"), parquet);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);

        using var root = RootFile.Open(TestFile("uproot-HZZ-zlib.root"));
        var tree = root.GetTree("events");
        using var file = new ParquetSharp.ParquetFileReader(parquet);
        Assert.Equal(2421, file.FileMetaData.NumRows);
        Check(file, "Jet_Px", tree.GetBranch("Jet_Px").ReadJagged<float>());
        Check(file, "Muon_Charge", tree.GetBranch("Muon_Charge").ReadJagged<int>());
        Check(file, "Jet_ID", tree.GetBranch("Jet_ID").ReadJagged<bool>());
    }

    private static void Check<T>(ParquetSharp.ParquetFileReader file, string name, RootJagged<T> expected) where T : unmanaged
    {
        var schema = file.FileMetaData.Schema;
        int column = Enumerable.Range(0, schema.NumColumns).Single(c => schema.Column(c).Path.ToDotString().StartsWith(name + ".", StringComparison.Ordinal));
        var entries = new List<T?[]>();
        for (int g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var rg = file.RowGroup(g);
            using var reader = rg.Column(column).LogicalReader<T?[]>();
            entries.AddRange(reader.ReadAll(checked((int)rg.MetaData.NumRows)));
        }
        Assert.Equal(expected.Offsets.Length - 1, entries.Count);
        Assert.Contains(entries, e => e.Length == 0);
        for (int i = 0; i < entries.Count; i++)
        {
            var want = expected.Values.AsSpan((int)expected.Offsets[i], (int)(expected.Offsets[i + 1] - expected.Offsets[i])).ToArray();
            Assert.Equal(want, entries[i].Select(v => v!.Value).ToArray());
        }
    }
}
