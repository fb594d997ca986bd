using NuMM.Examples.ScaleOut;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Statistics.Inference;

namespace NuMM.ScaleOut.Tests;

/// <summary>The verbs of <see cref="ScaleOutProgram"/> in process (no cluster): run with --shard, merge, the refusals'
/// exit codes and messages, the generated sbatch and HTCondor files.</summary>
public class ProgramVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("numm-verbs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IScaleOutJob[] Jobs() =>
    [
        new SelectionJob<HzzEvent.Batch>(() => new HzzWeighted.Kernel(), HzzEvent.Batch.Schema, n => new HzzEvent.Batch(n)) { DefaultBatchSize = 500 },
        CountingFeldmanCousins.Job(),
    ];

    private static (int Code, string Out, string Err) Verb(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = ScaleOutProgram.Main(args, o, e, Jobs());
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void RunShards_ThenMerge_EqualsSingleRun_AndRefusalsExitWithOne()
    {
        string[] inputs = ShardMergeTests.HzzFiles()[..2];
        string F(string name) => Path.Combine(_dir, name);
        Assert.Equal(0, Verb(["run", "--job", "selection", "--tree", "events", "--pot", "1e20", "--output", F("single.nummr"), .. inputs]).Code);
        for (int i = 0; i < 3; i++)
            Assert.Equal(0, Verb(["run", "--job", "selection", "--tree", "events", "--pot", "1e20", "--shard", $"{i}/3", "--output", F($"s{i}.nummr"), .. inputs]).Code);
        var (code, output, _) = Verb("merge", "--job", "selection", "--output", F("merged.nummr"), F("s2.nummr"), F("s0.nummr"), F("s1.nummr"));
        Assert.Equal(0, code);
        Assert.Contains("merged 3 shard(s), 4842 events", output);
        ResultCompare.AssertIdentical(ResultFile.Read(F("single.nummr")).Result(), ResultFile.Read(F("merged.nummr")).Result(), "verbs", compareExposure: true);
        Assert.Equal(2e20, ResultFile.Read(F("merged.nummr")).Result().Exposure.Value);

        var (c2, _, err) = Verb("merge", "--job", "selection", "--output", F("bad.nummr"), F("s0.nummr"), F("s1.nummr"));
        Assert.Equal(1, c2);
        Assert.Contains("Missing shard 2 of 3", err);
        Assert.False(File.Exists(F("bad.nummr")));
        Assert.Equal(2, Verb("run", "--job", "selection", "--shard", "3/3", "--output", F("x.nummr")).Code);
        Assert.Equal(2, Verb("frobnicate").Code);
    }

    [Fact]
    public void FeldmanCousins_TasksMerged_EqualSingleProcessBelt_ForAnyTaskCount()
    {
        var single = FeldmanCousinsJob.BeltJson(FeldmanCousins.Run(CountingFeldmanCousins.Likelihood(), CountingExperiment.SignalParameter,
            CountingFeldmanCousins.Points, CountingFeldmanCousins.Options));
        foreach (int n in new[] { 1, 5, 40 })
        {
            var files = new List<string>();
            for (int i = 0; i < n; i++)
            {
                string f = Path.Combine(_dir, $"fc-{i}-of-{n}.nummfc");
                Assert.Equal(0, Verb("run", "--job", "fc", "--shard", $"{i}/{n}", "--output", f).Code);
                files.Add(f);
            }
            string merged = Path.Combine(_dir, $"belt-{n}.json");
            var (code, _, err) = Verb(["merge", "--job", "fc", "--output", merged, .. files]);
            Assert.True(code == 0, err);
            Assert.Equal(single, File.ReadAllText(merged));
            if (n == 5)
            {
                var (c2, _, e2) = Verb(["merge", "--job", "fc", "--output", merged + ".bad", .. files.Take(4)]);
                Assert.Equal(1, c2);
                Assert.Contains("Missing task 4 of 5", e2);
                File.WriteAllBytes(files[1], File.ReadAllBytes(files[1])[..40]);
                (c2, _, e2) = Verb(["merge", "--job", "fc", "--output", merged + ".bad", .. files]);
                Assert.Equal(1, c2);
                Assert.Contains(files[1], e2);
                Assert.False(File.Exists(merged + ".bad"));
            }
        }
    }

    [Fact]
    public void SubmitDryRun_WritesSbatchArrayScript_AndCondorFiles()
    {
        string work = Path.Combine(_dir, "w");
        var (code, output, err) = Verb(["submit", "slurm", "--job", "selection", "--work", work, "--shards", "6", "--tree", "events", "--time", "00:30:00",
            "--qos", "regular", "--constraint", "cpu", "--account", "m1234", "--cpus", "4", "--mem", "8G", "--dry-run", ShardMergeTests.HzzFiles()[0]]);
        Assert.True(code == 0, err);
        Assert.Contains("sbatch --array=0-5", output);
        string script = File.ReadAllText(Path.Combine(work, "job.sbatch"));
        foreach (var line in new[] { "#SBATCH --time=00:30:00", "#SBATCH --qos=regular", "#SBATCH --constraint=cpu", "#SBATCH --account=m1234",
                     "#SBATCH --cpus-per-task=4", "#SBATCH --mem=8G", "--shard \"${SLURM_ARRAY_TASK_ID}/6\"", $"#SBATCH --output={work}/logs/piece-%a.out" })
            Assert.Contains(line, script);
        Assert.True(File.Exists(Path.Combine(work, "dataset.json")));
        // A work folder is not reused by accident.
        Assert.Equal(2, Verb("submit", "slurm", "--job", "selection", "--work", work, "--shards", "2", "--tree", "events", "--dry-run", ShardMergeTests.HzzFiles()[0]).Code);

        string condor = Path.Combine(_dir, "c");
        (code, output, _) = Verb("submit", "condor", "--job", "fc", "--work", condor, "--shards", "3", "--cpus", "2", "--mem", "2 GB");
        Assert.Equal(0, code);
        string sub = File.ReadAllText(Path.Combine(condor, "condor.sub"));
        Assert.Contains("queue 3", sub);
        Assert.Contains("request_cpus = 2", sub);
        Assert.Contains("request_memory = 2 GB", sub);
        Assert.Contains("--shard \"$1/3\"", File.ReadAllText(Path.Combine(condor, "condor-task.sh")));
    }
}
