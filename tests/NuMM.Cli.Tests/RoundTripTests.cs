using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using static NuMM.Cli.Tests.CliRunner;

namespace NuMM.Cli.Tests;

public class RoundTripTests
{
    [Fact]
    public void Inspect_ConvertedNumm_ShowsExposureProvenanceAndUnits()
    {
        using var dir = new TempDirectory();
        string output = dir.File("s.numm");
        Assert.Equal(0, Run("convert", TestFile("sample.csv"), output, "--livetime", "86400", "--created", "run 42").Code);
        var (code, stdout, _) = Run("inspect", output);
        Assert.Equal(0, code);
        Assert.Contains("NuMM columnar file, version 1.1, 4 entries, 6 columns, 1 row group of up to 65536 entries", stdout);
        Assert.Contains("exposure: 86400 s", stdout);
        Assert.Contains("created = run 42", stdout);
        Assert.Contains("input = sample.csv", stdout);
        Assert.Matches(@"E\s+float64\s+GeV\s+E\s+4", stdout);
    }

    [Fact]
    public void Convert_NummToNumm_KeepsExposureAndPrefixesInputProvenance()
    {
        using var dir = new TempDirectory();
        string first = dir.File("first.numm"), second = dir.File("second.numm");
        Assert.Equal(0, Run("convert", TestFile("sample.npz"), first, "--pot", "2.5e20").Code);
        Assert.Equal(0, Run("convert", first, second, "--columns", "E").Code);
        using var reader = ColumnarFileReader.Open(second);
        Assert.Equal(Exposure.Pot(2.5e20), reader.Exposure);
        Assert.Contains(new KeyValuePair<string, string>("input", "first.numm"), reader.Provenance);
        Assert.Contains(new KeyValuePair<string, string>("input.input", "sample.npz"), reader.Provenance);
        Assert.Equal(["E"], reader.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Convert_ExistingOutput_ReplacedOnlyOnSuccess()
    {
        using var dir = new TempDirectory();
        string output = dir.File("out.numm");
        File.WriteAllText(output, "previous");
        Assert.Equal(1, Run("convert", TestFile("sample.npz"), output, "--columns", "nope").Code);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Equal(0, Run("convert", TestFile("sample.npz"), output).Code);
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal(1000, reader.EntryCount);
    }

    [Fact]
    public void Convert_TruncatedRootFile_OneLineErrorAndNoOutput()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(TestFile("uproot-HZZ.root"));
        string input = dir.File("cut.root");
        File.WriteAllBytes(input, bytes[..(bytes.Length / 2)]);
        var (code, stdout, stderr) = Run("convert", input, dir.File("out.numm"));
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("numm convert: error: ", stderr);
        Assert.Contains("cut.root", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Equal([input], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Convert_RootTreeThatDoesNotExist_ListsTheTrees()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = Run("convert", TestFile("uproot-HZZ.root"), dir.File("out.numm"), "--tree", "Events");
        Assert.Equal(1, code);
        Assert.Contains("No tree 'Events'; the file holds: events", stderr);
    }
}

public class VerifyTests
{
    [Fact]
    public void InspectVerify_IntactFile_ReportsAllChunksVerified()
    {
        using var dir = new TempDirectory();
        string output = dir.File("v.numm");
        Assert.Equal(0, Run("convert", TestFile("sample.npz"), output, "--row-group", "128").Code);
        var (code, stdout, _) = Run("inspect", output, "--verify");
        Assert.Equal(0, code);
        Assert.Contains("verified: 1000 entries of 7 columns", stdout);
    }

    [Fact]
    public void InspectVerify_CorruptChunk_OneLineErrorNamingColumnAndEntry()
    {
        using var dir = new TempDirectory();
        string output = dir.File("v.numm");
        Assert.Equal(0, Run("convert", TestFile("sample.npz"), output, "--row-group", "128").Code);
        long payload;
        using (var reader = ColumnarFileReader.Open(output)) payload = reader.GetChunk(3, 1).PayloadOffset;
        byte[] bytes = File.ReadAllBytes(output);
        bytes[payload + 7] ^= 0x01;
        File.WriteAllBytes(output, bytes);
        Assert.Equal(0, Run("inspect", output).Code); // metadata alone is intact
        var (code, _, stderr) = Run("inspect", output, "--verify");
        Assert.Equal(1, code);
        Assert.Contains("Chunk checksum mismatch", stderr);
        Assert.Contains("object 'theta_be', entry 384", stderr);
    }
}
