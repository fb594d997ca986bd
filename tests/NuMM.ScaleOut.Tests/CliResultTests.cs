using NuMM.Examples.ScaleOut;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Selection;

namespace NuMM.ScaleOut.Tests;

/// <summary>`numm merge` and `numm inspect` on shard result files, without the analysis program.</summary>
public class CliResultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("numm-cli-results-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Numm(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = NuMM.Cli.NummCommand.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void MergeAndInspect_ShardFiles()
    {
        var dataset = ShardMergeTests.HzzDataset();
        var shards = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string p = Path.Combine(_dir, $"s{i}.nummr");
            ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, i, 3, 500, p);
            shards.Add(p);
        }
        string single = Path.Combine(_dir, "single.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, 0, 1, 500, single);

        string merged = Path.Combine(_dir, "merged.nummr");
        var (code, output, err) = Numm(["merge", merged, .. shards]);
        Assert.True(code == 0, err);
        Assert.Contains($"{dataset.Entries} events", output);
        ResultCompare.AssertIdentical(ResultFile.Read(single).Result(), ResultFile.Read(merged).Result(), "numm merge", compareExposure: true);

        string json = Path.Combine(_dir, "merged.json");
        (code, output, err) = Numm("inspect", merged, "--json", json);
        Assert.True(code == 0, err);
        Assert.Contains("NuMM analysis result 'HZZ weighted MET', shard 0/1", output);
        Assert.Contains("MET > 3 GeV", output);
        Assert.Contains("histogram Met: 7 bins", output);
        Assert.Contains("variations: 10 (met response ×2, toy flux ×8)", output);
        ResultCompare.AssertIdentical(ResultFile.Read(single).Result(), AnalysisResultJson.FromJson(File.ReadAllText(json)), "JSON", compareExposure: true);

        (code, _, err) = Numm("merge", Path.Combine(_dir, "never.nummr"), shards[0], shards[2]);
        Assert.Equal(1, code);
        Assert.Contains("Missing shard 1 of 3", err);
        Assert.False(File.Exists(Path.Combine(_dir, "never.nummr")));
    }
}
