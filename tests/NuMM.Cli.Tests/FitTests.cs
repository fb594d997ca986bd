using System.Globalization;
using System.Text.Json;

namespace NuMM.Cli.Tests;

/// <summary>`numm fit` and `numm export` on a pyhf validation workspace (issue 9).</summary>
public class FitTests
{
    [Fact]
    public void Fit_PrintsTheGlobalMinimumAndTheClsOfTheScipyReference()
    {
        var (code, output, err) = CliRunner.Run("fit", CliRunner.TestFile("coupledhistosys.json"), "--statistic", "q");
        Assert.True(code == 0, err);
        // The global minimum (θ = +0.31, −2 ln λ = 0.209; issue 9) and the CLs scipy finds from a grid of starts.
        Assert.Contains("2 distinct minima", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(CliRunner.TestFile("scipy_cls.json")));
        double reference = doc.RootElement.GetProperty("2bin_2channel_coupledhistosys").GetProperty("obs").GetDouble();
        var line = output.Split('\n').Single(l => l.StartsWith("CLs at mu = 1", StringComparison.Ordinal));
        double printed = double.Parse(line.Split("observed ")[1].Split(';')[0], CultureInfo.InvariantCulture);
        Assert.Equal(reference, printed, 5);
        Assert.Contains("95% CL upper limit on mu", output);
    }

    [Fact]
    public void Export_AppliesThePatchAndWritesAValidWorkspace()
    {
        using var dir = new TempDirectory();
        string patch = dir.File("patch.json"), output = dir.File("out.json");
        File.WriteAllText(patch, """[{"op": "replace", "path": "/channels/0/samples/0/data", "value": [1.0, 2.0]}]""");
        var (code, text, err) = CliRunner.Run("export", CliRunner.TestFile("coupledhistosys.json"), output, "--patch", patch);
        Assert.True(code == 0, err);
        Assert.Contains("1 patch(es) applied", text);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var data = doc.RootElement.GetProperty("channels")[0].GetProperty("samples")[0].GetProperty("data");
        Assert.Equal([1.0, 2.0], data.EnumerateArray().Select(x => x.GetDouble()).ToArray());
        Assert.Equal("1.0.0", doc.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Fit_BadWorkspace_NamesTheJsonPathAndLeavesNoOutput()
    {
        using var dir = new TempDirectory();
        string bad = dir.File("bad.json");
        File.WriteAllText(bad, """{"channels": [], "observations": [], "measurements": [], "version": "0.9"}""");
        var (code, _, err) = CliRunner.Run("fit", bad);
        Assert.Equal(1, code);
        Assert.Contains("$.version", err);
        Assert.Contains("$.channels: no channel", err);
        var (code2, _, err2) = CliRunner.Run("export", bad, dir.File("out.json"));
        Assert.Equal(1, code2);
        Assert.Contains("$.measurements: no measurement", err2);
        Assert.False(File.Exists(dir.File("out.json")));
    }
}
