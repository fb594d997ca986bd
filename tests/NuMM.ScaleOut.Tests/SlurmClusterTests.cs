using System.Diagnostics;
using NuMM.Examples.ScaleOut;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.ScaleOut.Slurm;
using NuMM.Runtime.Statistics.Inference;
using Xunit.Abstractions;

namespace NuMM.ScaleOut.Tests;

/// <summary>Jobs on a real Slurm cluster (the single-node cluster of .ci/slurm-cluster.sh in CI): the example analysis
/// program submits itself as array jobs, follows them and merges. Skipped when no cluster answers, unless
/// NUMM_REQUIRE_SLURM=1 (set by .ci/run), where a missing cluster fails.</summary>
public class SlurmClusterTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("numm-slurm-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireCluster()
    {
        bool available = SlurmScheduler.Available();
        if (!available && Environment.GetEnvironmentVariable("NUMM_REQUIRE_SLURM") == "1")
            Assert.Fail("NUMM_REQUIRE_SLURM=1 but no Slurm controller answers 'sinfo' (SLURM_CONF=" +
                (Environment.GetEnvironmentVariable("SLURM_CONF") ?? "unset") + "); .ci/slurm-cluster.sh start should have started one.");
        Skip.IfNot(available, "no Slurm cluster (sinfo does not answer); .ci/run starts one with .ci/slurm-cluster.sh");
    }

    /// <summary>Runs the example program; returns its exit code and output.</summary>
    private (int Code, string Output) Program(params string[] args)
    {
        // Through the dotnet host that runs the tests (an app host needs DOTNET_ROOT where dotnet is not in its default
        // place); the program then submits itself to Slurm with the same host and assembly.
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NuMM.Examples.ScaleOut.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(4))) { p.Kill(true); Assert.Fail($"the program did not finish: {output}"); }
        log.WriteLine(output + err.Result);
        return (p.ExitCode, output + err.Result);
    }

    [SkippableFact]
    public void Selection_FourTaskArray_MergedBitIdenticalToSingleProcessRun()
    {
        RequireCluster();
        var dataset = ShardMergeTests.HzzDataset();
        string datasetFile = Path.Combine(_dir, "dataset.json");
        dataset.Save(datasetFile);
        string work = Path.Combine(_dir, "work");
        var (code, output) = Program("submit", "slurm", "--job", "selection", "--work", work, "--shards", "4", "--dataset", datasetFile,
            "--wait", "--poll", "0.5", "--timeout", "180");
        Assert.True(code == 0, output);
        Assert.Contains("Submitted Slurm job", output);
        Assert.Contains("4/4 done", output);

        // The tasks really ran as Slurm array tasks: each wrote its log.
        for (int i = 0; i < 4; i++) Assert.Contains($"shard {i}/4", File.ReadAllText(Path.Combine(work, "logs", $"piece-{i}.out")));

        string single = Path.Combine(_dir, "single.nummr");
        ShardRun.Run(new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, c => new HzzEvent.Batch(c), dataset, 0, 1, 500, single);
        var merged = ResultFile.Read(Path.Combine(work, "merged.nummr"));
        ResultCompare.AssertIdentical(ResultFile.Read(single).Result(), merged.Result(), "slurm 4 tasks", compareExposure: true);
        Assert.Equal(dataset.Entries, merged.Provenance.Events);

        // A lost piece is found by status and only it is resubmitted; the new merge is the same.
        File.Delete(Path.Combine(work, "pieces", "piece-00002-of-00004.nummr"));
        File.Delete(Path.Combine(work, "merged.nummr"));
        (code, output) = Program("status", "--work", work);
        Assert.Equal(3, code);
        Assert.Contains("3/4 done", output);
        Assert.Contains("1 missing", output);
        (code, output) = Program("status", "--work", work, "--wait", "--resubmit", "--merge", "--poll", "0.5", "--timeout", "120");
        Assert.True(code == 0, output);
        Assert.Contains("Resubmitted piece(s) 2 as Slurm job", output);
        ResultCompare.AssertIdentical(ResultFile.Read(single).Result(), ResultFile.Read(Path.Combine(work, "merged.nummr")).Result(), "after resubmission", compareExposure: true);
    }

    [SkippableFact]
    public void FeldmanCousins_ArrayTasks_MergedBeltEqualsSingleProcessBelt()
    {
        RequireCluster();
        string work = Path.Combine(_dir, "fc");
        var (code, output) = Program("submit", "slurm", "--job", "fc", "--work", work, "--shards", "3", "--wait", "--poll", "0.5", "--timeout", "240");
        Assert.True(code == 0, output);
        Assert.Contains("3/3 done", output);
        string merged = File.ReadAllText(Path.Combine(work, "merged.nummfc"));

        var single = FeldmanCousins.Run(CountingFeldmanCousins.Likelihood(), CountingExperiment.SignalParameter, CountingFeldmanCousins.Points, CountingFeldmanCousins.Options);
        Assert.Equal(FeldmanCousinsJob.BeltJson(single), merged);
        // The belt is not degenerate: some points accepted, some not.
        Assert.Contains(single.Points, p => p.Accepted);
        Assert.Contains(single.Points, p => !p.Accepted);
    }
}
