using static NuMM.Cli.Tests.CliRunner;

namespace NuMM.Cli.Tests;

public class InspectTests
{
    [Fact]
    public void Inspect_Npz_ListsArraysWithTypesAndEntries()
    {
        var (code, output, error) = Run("inspect", TestFile("sample.npz"));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("numpy .npz archive, 1000 entries, 7 arrays", output);
        Assert.Matches(@"theta_be\s+float64\s+>f8\s+1000", output);
        Assert.Matches(@"isCC\s+bool\s+\|b1\s+1000", output);
    }

    [Fact]
    public void Inspect_Csv_ListsInferredTypesAndUnits()
    {
        var (code, output, _) = Run("inspect", TestFile("sample.csv"));
        Assert.Equal(0, code);
        Assert.Contains("CSV table, 4 rows, 6 columns", output);
        Assert.Matches(@"E\s+float64\s+GeV\s+4", output);
        Assert.Matches(@"evtId\s+int64\s+4", output);
    }

    [Fact]
    public void Inspect_Root_ListsTreesAndBranches()
    {
        var (code, output, _) = Run("inspect", TestFile("uproot-HZZ.root"));
        Assert.Equal(0, code);
        Assert.Contains("tree events: 2421 entries", output);
        Assert.Matches(@"NJet\s+int32\s+scalar\s+2421", output);
        Assert.Matches(@"Jet_Px\s+float32\s+\[NJet\]\s+2421", output);
    }

    [Fact]
    public void Inspect_MissingFile_OneLineErrorExitCode1()
    {
        var (code, output, error) = Run("inspect", "/no/such/file.numm");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal("numm inspect: error: No such file: '/no/such/file.numm'." + Environment.NewLine, error);
    }

    [Fact]
    public void Run_UnknownCommand_UsageErrorExitCode2()
    {
        var (code, _, error) = Run("frobnicate");
        Assert.Equal(2, code);
        Assert.StartsWith("numm: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
