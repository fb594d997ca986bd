using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Root;
using static NuMM.Cli.Tests.CliRunner;

namespace NuMM.Cli.Tests;

public class ConvertTests
{
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
    public void Convert_Npz_WritesEveryColumnWithExposureAndProvenance()
    {
        using var dir = new TempDirectory();
        string output = dir.File("sample.numm");
        var (code, stdout, stderr) = Run("convert", TestFile("sample.npz"), output, "--pot", "6e20", "--created", "2026-11-22T00:00Z", "--row-group", "300");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("1000 entries, 7 columns", stdout);
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal(1000, reader.EntryCount);
        Assert.Equal(4, reader.RowGroupCount);
        Assert.Equal(Exposure.Pot(6e20), reader.Exposure);
        Assert.Contains(new KeyValuePair<string, string>("created", "2026-11-22T00:00Z"), reader.Provenance);
        Assert.Contains(new KeyValuePair<string, string>("input", "sample.npz"), reader.Provenance);
        // make_npz.py: E[i] = float32(0.5 + 0.25 i), theta[i] = i / 64 (stored big-endian), pdg[i] = −11 when i % 3 == 0 else 11.
        var e = ReadColumn<float>(reader, "E");
        var theta = ReadColumn<double>(reader, "theta_be");
        var pdg = ReadColumn<int>(reader, "pdg");
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal((float)(0.5 + 0.25 * i), e[i]);
            Assert.Equal(i / 64.0, theta[i]);
            Assert.Equal(i % 3 == 0 ? -11 : 11, pdg[i]);
        }
    }

    [Fact]
    public void Convert_SameInputTwice_ByteIdenticalOutput()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run("convert", TestFile("sample.npz"), dir.File("a.numm"), "--livetime", "3600").Code);
        Assert.Equal(0, Run("convert", TestFile("sample.npz"), dir.File("b.numm"), "--livetime", "3600").Code);
        Assert.Equal(File.ReadAllBytes(dir.File("a.numm")), File.ReadAllBytes(dir.File("b.numm")));
    }

    [Fact]
    public void Convert_MappingFile_RenamesConvertsAndSetsUnits()
    {
        using var dir = new TempDirectory();
        string map = dir.File("map.txt");
        File.WriteAllText(map, "# analysis name = npz array\nEnu = E [GeV] : float64\ntheta = theta_be [rad]\nflavour = pdg\n");
        string output = dir.File("mapped.numm");
        var (code, _, stderr) = Run("convert", TestFile("sample.npz"), output, "--map", map);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal(
            [("Enu", ColumnType.Double, "GeV", "E"), ("theta", ColumnType.Double, "rad", "theta_be"), ("flavour", ColumnType.Int32, "", "pdg")],
            reader.Columns.Select(c => (c.Name, c.Type, c.Unit, c.Source)));
        Assert.Equal(0.5 + 0.25 * 999, ReadColumn<double>(reader, "Enu")[999]);
    }

    [Fact]
    public void Convert_ColumnsOption_KeepsOnlyThoseInOrder()
    {
        using var dir = new TempDirectory();
        string output = dir.File("two.numm");
        Assert.Equal(0, Run("convert", TestFile("sample.csv"), output, "--columns", "pdg, E").Code);
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal(["pdg", "E"], reader.Columns.Select(c => c.Name));
        Assert.Equal("GeV", reader.Columns[1].Unit);
        Assert.Equal([12, -12, 14, -14], ReadColumn<int>(reader, "pdg"));
    }

    [Fact]
    public void Convert_RootTree_ScalarBranchesMatchTheRootReader()
    {
        using var dir = new TempDirectory();
        string output = dir.File("hzz.numm");
        var (code, stdout, stderr) = Run("convert", TestFile("uproot-HZZ.root"), output, "--tree", "events", "--columns", "NJet,MET_px,EventWeight");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("2421 entries, 3 columns", stdout);
        using var root = RootFile.Open(TestFile("uproot-HZZ.root"));
        var tree = root.GetTree("events");
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal(tree.GetBranch("NJet").Read<int>(), ReadColumn<int>(reader, "NJet"));
        Assert.Equal(tree.GetBranch("MET_px").Read<float>(), ReadColumn<float>(reader, "MET_px"));
        Assert.Equal(tree.GetBranch("EventWeight").Read<float>(), ReadColumn<float>(reader, "EventWeight"));
        Assert.Contains(new KeyValuePair<string, string>("input.tree", "events"), reader.Provenance);
    }

    [Fact]
    public void Convert_RootFixedArrayElementsViaMapping_ConvertedAsAsked()
    {
        using var dir = new TempDirectory();
        string map = dir.File("map.txt");
        File.WriteAllText(map, "x = ai4[1] : float64\ny = af8[2] [cm]\ncount = n\n");
        string output = dir.File("elements.numm");
        var (code, _, stderr) = Run("convert", TestFile("uproot-sample-6.20.04-zlib.root"), output, "--map", map);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var root = RootFile.Open(TestFile("uproot-sample-6.20.04-zlib.root"));
        var tree = root.GetTree("sample");
        int[] ai4 = tree.GetBranch("ai4").Read<int>();   // entry-major, 3 values per entry
        double[] af8 = tree.GetBranch("af8").Read<double>();
        using var reader = ColumnarFileReader.Open(output);
        Assert.Equal([("x", ColumnType.Double, ""), ("y", ColumnType.Double, "cm"), ("count", ColumnType.Int32, "")],
            reader.Columns.Select(c => (c.Name, c.Type, c.Unit)));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (double)ai4[3 * i + 1]), ReadColumn<double>(reader, "x"));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => af8[3 * i + 2]), ReadColumn<double>(reader, "y"));
        Assert.Equal(tree.GetBranch("n").Read<int>(), ReadColumn<int>(reader, "count"));
    }

    [Fact]
    public void Convert_RootFixedArrayBranches_WholeArrayColumnsByDefault()
    {
        using var dir = new TempDirectory();
        string output = dir.File("arrays.numm");
        var (code, _, stderr) = Run("convert", TestFile("uproot-sample-6.20.04-zlib.root"), output);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using var root = RootFile.Open(TestFile("uproot-sample-6.20.04-zlib.root"));
        var tree = root.GetTree("sample");
        int[] ai4 = tree.GetBranch("ai4").Read<int>(); // entry-major, 3 values per entry
        using var reader = ColumnarFileReader.Open(output);
        var col = reader.Columns.Single(c => c.Name == "ai4");
        Assert.Equal((ColumnType.Int32, 3), (col.Type, col.Length));
        Assert.DoesNotContain(reader.Columns, c => c.Name == "Ai4"); // counted branches vary per entry: not converted
        var batch = new DynamicColumnBatch([col], 8);
        var source = reader.OpenSource([col]);
        int i0 = 0;
        while (source.ReadNext(batch))
        {
            for (int i = 0; i < batch.Length; i++)
                for (int k = 0; k < 3; k++) Assert.Equal(ai4[3 * (i0 + i) + k], batch.Column<int>(0)[k * 8 + i]);
            i0 += batch.Length;
        }
        Assert.Equal(30, i0);
        var (_, inspect, _) = Run("inspect", output);
        Assert.Matches(@"ai4\s+int32\[3\]", inspect);
    }

    [Fact]
    public void Convert_MissingColumns_OneLineNamingEveryMissingColumnAndNoOutput()
    {
        using var dir = new TempDirectory();
        string output = dir.File("never.numm");
        var (code, stdout, stderr) = Run("convert", TestFile("sample.npz"), output, "--columns", "E,Ereco,vtxZ");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("numm convert: error: Cannot convert (2 problems): 'Ereco' is not a column of the input; 'vtxZ' is not a column of the input.", stderr);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Convert_InputCorruptMidStream_FailsAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        // Corrupt the last array's data: its CRC-32 check fails only after earlier row groups were written.
        byte[] bytes = File.ReadAllBytes(TestFile("sample.npz"));
        int last = bytes.AsSpan().LastIndexOf("\x93NUMPY"u8);
        bytes[last + 128 + 900] ^= 0x40;
        string input = dir.File("corrupt.npz");
        File.WriteAllBytes(input, bytes);
        string output = dir.File("out.numm");
        var (code, _, stderr) = Run("convert", input, output, "--row-group", "100");
        Assert.Equal(1, code);
        Assert.Contains("CRC-32", stderr);
        Assert.Contains("corrupt.npz", stderr);
        Assert.Equal([input], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Convert_PotAndLivetime_UsageErrorExitCode2()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = Run("convert", TestFile("sample.npz"), dir.File("x.numm"), "--pot", "1", "--livetime", "2");
        Assert.Equal(2, code);
        Assert.Equal("numm: give either --pot or --livetime, not both" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Convert_TreeOptionOnNpz_Error()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = Run("convert", TestFile("sample.npz"), dir.File("x.numm"), "--tree", "events");
        Assert.Equal(1, code);
        Assert.Contains("--tree applies to ROOT files only", stderr);
    }
}

/// <summary>Progress of `numm convert` when standard output is not a terminal (as under a test runner): one plain
/// final line on standard error, none with --quiet. Console.Error is process-wide, so each run uses its own file name.</summary>
[Collection(nameof(ConsoleErrorCollection))]
public class ConvertProgressTests
{
    [Fact]
    public void Convert_Redirected_WritesOnePlainFinalLineToStandardError_AndNothingWithQuiet()
    {
        using var dir = new TempDirectory();
        string input = dir.File("progress-input.npz"), quietInput = dir.File("quiet-input.npz");
        File.Copy(CliRunner.TestFile("sample.npz"), input);
        File.Copy(CliRunner.TestFile("sample.npz"), quietInput);
        var captured = new StringWriter();
        var saved = Console.Error;
        Console.SetError(TextWriter.Synchronized(captured));
        try
        {
            var (code, _, stderr) = CliRunner.Run("convert", input, dir.File("a.numm"));
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            (code, _, stderr) = CliRunner.Run("convert", quietInput, dir.File("b.numm"), "--quiet");
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
        }
        finally
        {
            Console.SetError(saved);
        }
        string text = captured.ToString();
        var lines = text.Split('\n').Where(l => l.Contains("progress-input.npz", StringComparison.Ordinal)).ToArray();
        Assert.Single(lines);
        Assert.Matches(@"^convert progress-input\.npz: done, [\d,]+ events in \d+\.\d s", lines[0]);
        Assert.DoesNotContain("quiet-input", text);
        Assert.DoesNotContain('\u001b', text);
    }
}

[CollectionDefinition(nameof(ConsoleErrorCollection), DisableParallelization = true)]
public class ConsoleErrorCollection;
