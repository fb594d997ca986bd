using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NuMM.Examples.NuOnE.Analysis;
using NuMM.Examples.NuOnE.Simulation;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.ScaleOut;

/// <summary>The cost of the error-free accumulation in the runner, on the headline analysis (the NOvA ν-on-e selection
/// with 4 energy-scale shifts, 100 flux universes and 18 cross-section knob points, 200,000 simulated ν-on-e events in
/// batches of 8192): the runner on one thread against the plain ordered loop it replaced (process each batch into a
/// partial, add the partial's doubles to the total).
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter *ExactRunnerBenchmarks*</c>.</summary>
[MemoryDiagnoser]
public class ExactRunnerBenchmarks
{
    private List<NdSingleElectronEvent.Batch> _sample = null!;
    private NdSingleElectronSelection.Kernel _kernel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = new SimulationSettings();
        _sample = SystematicColumns.Attach(NearDetectorSimulation.NuOnE(settings), settings);
        _kernel = new NdSingleElectronSelection.Kernel { MagneticMomentBohr = 1e-9 };
    }

    /// <summary>The ordered double-precision merge of the runner before issue 12 (one thread).</summary>
    [Benchmark(Baseline = true)]
    public AnalysisResult PlainOrderedSum()
    {
        var total = _kernel.CreateResult();
        var partial = _kernel.CreateResult();
        foreach (var b in _sample)
        {
            partial.Reset();
            _kernel.Process(b, partial);
            total.Add(partial);
        }
        return total;
    }

    /// <summary>The runner on one thread: partials added to Shewchuk expansions, rounded once.</summary>
    [Benchmark]
    public AnalysisResult RunnerExactSums() =>
        AnalysisRunner.Run(_kernel, new ArrayBatchSource<NdSingleElectronEvent.Batch>(_sample), () => new NdSingleElectronEvent.Batch(8192), new RunOptions { MaxThreads = 1 });
}

/// <summary>Merging 1000 shard result files of the headline analysis (all 123 variations; one 200-event batch of the
/// simulated ν-on-e sample per shard), against only reading the files' bytes.
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter *MergeBenchmarks*</c>.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MergeBenchmarks
{
    private const int Shards = 1000;
    private const int BatchSize = 200;
    private string _dir = "";
    private List<string> _files = new();

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("numm-merge-bench-").FullName;
        var settings = new SimulationSettings(NuOnEEvents: Shards * BatchSize, BatchSize: BatchSize);
        var sample = SystematicColumns.Attach(NearDetectorSimulation.NuOnE(settings), settings);
        var kernel = new NdSingleElectronSelection.Kernel { MagneticMomentBohr = 1e-9 };
        var dataset = new Dataset([new DatasetFile("simulated-nu-on-e.numm", null, 0, (long)Shards * BatchSize, Exposure.Pot(1e20))]);
        var (shape, binning) = ResultProvenance.HashShape(kernel.CreateResult());
        for (int i = 0; i < Shards; i++)
        {
            var exact = AnalysisRunner.RunExact(kernel, new ArrayBatchSource<NdSingleElectronEvent.Batch>([sample[i]]), () => new NdSingleElectronEvent.Batch(BatchSize), new RunOptions { MaxThreads = 1 });
            if (i == 0) exact.AddExposure(Exposure.Pot(1e20));
            else exact.AddExposure(new Exposure(0, ExposureKind.ProtonsOnTarget));
            var p = new ResultProvenance
            {
                Analysis = kernel.CreateResult().AnalysisName, KernelType = kernel.GetType().FullName!, KernelHash = ResultProvenance.HashKernel(kernel),
                BinningHash = binning, NuMMVersion = ResultProvenance.CurrentVersion, VectorBits = ResultProvenance.HardwareVectorBits,
                Shard = i, Shards = Shards, BatchSize = BatchSize, DatasetHash = dataset.Fingerprint(), Files = dataset.Files,
                Ranges = dataset.Shard(i, Shards, BatchSize), Events = BatchSize,
            };
            string f = Path.Combine(_dir, $"shard-{i:D4}.nummr");
            ResultFile.Write(f, p, shape, exact);
            _files.Add(f);
        }
        long bytes = _files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// {Shards} shard files, {bytes / 1e6:F1} MB in total, {_files.Count} files in {_dir}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>The I/O floor: every file's bytes read once.</summary>
    [Benchmark(Baseline = true)]
    public long ReadBytesOnly()
    {
        long n = 0;
        foreach (var f in _files) n += File.ReadAllBytes(f).Length;
        return n;
    }

    /// <summary>The merge: headers checked, ranges tiled, exact sums added in shard order, merged file written atomically.</summary>
    [Benchmark]
    public long Merge1000Shards()
    {
        string output = Path.Combine(_dir, "merged.nummr");
        var m = ResultMerger.MergeToFile(_files, output);
        return m.Provenance.Events;
    }
}

/// <summary>The fixed cost of one shard as a process (what every array task pays beyond its events): the scale-out
/// example program running an empty shard (dataset opened and planned, kernel built, result file written), against the
/// same program only printing its usage (the .NET start-up alone).
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter *ShardOverheadBenchmarks*</c>.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class ShardOverheadBenchmarks
{
    private string _dir = "";
    private string _program = "";
    private string _dataset = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("numm-shard-bench-").FullName;
        // The repository's test ROOT files, found upwards from wherever BenchmarkDotNet built this job.
        string? root = null;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null && root == null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "tests/NuMM.Data.Tests/TestData/root"))) root = Path.Combine(d.FullName, "tests/NuMM.Data.Tests/TestData/root");
        if (root == null) throw new DirectoryNotFoundException("tests/NuMM.Data.Tests/TestData/root not found above " + AppContext.BaseDirectory);
        // The example program as built in the repository (dotnet run -c Release builds it with the benchmarks).
        _program = Path.GetFullPath(Path.Combine(root, "../../../../examples/NuMM.Examples.ScaleOut/bin/Release/net10.0/NuMM.Examples.ScaleOut.dll"));
        if (!File.Exists(_program)) throw new FileNotFoundException("Build the example first: dotnet build -c Release examples/NuMM.Examples.ScaleOut", _program);
        var files = new[] { "uncompressed", "zlib", "lz4", "zstd", "lzma" }.Select(c => Path.Combine(root, $"uproot-HZZ-{c}.root")).ToList();
        _dataset = Path.Combine(_dir, "dataset.json");
        Dataset.FromFiles(files, "events").Save(_dataset);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private static void Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(program);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}");
    }

    /// <summary>.NET start-up: the program prints its usage.</summary>
    [Benchmark(Baseline = true)]
    public void ProcessStartOnly() => Run(_program, "--help");

    /// <summary>An empty shard (shard 1 of 1000 of 25 batches holds none): everything a shard does except events.</summary>
    [Benchmark]
    public void EmptyShardProcess() => Run(_program, "run", "--job", "selection", "--dataset", _dataset, "--shard", "1/1000", "--output", Path.Combine(_dir, "empty.nummr"));

    /// <summary>A whole shard: 1 of 4 (3000 events in 6 batches).</summary>
    [Benchmark]
    public void QuarterShardProcess() => Run(_program, "run", "--job", "selection", "--dataset", _dataset, "--shard", "1/4", "--output", Path.Combine(_dir, "quarter.nummr"));
}
