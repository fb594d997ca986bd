using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.Data;

/// <summary>Issue 13's zero-copy file case under BenchmarkDotNet (the interleaved twin is <see cref="MappedFileRatios"/>):
/// 10⁷ events of 18 float columns (<see cref="ThreadScalingEvent"/>) in a 720 MB NuMM file in the page cache, row groups
/// of 65,536, through the 11-cut nominal selection by <see cref="AnalysisRunner"/> on 1 and 2 threads: as arrays in memory
/// (the baseline), memory-mapped and kept open (<see cref="MappedColumnarSource{TBatch}"/>, every row group checked in the
/// setup), copied into batches (<see cref="ColumnarBatchSource"/>, read by batch index on every thread), and as a one-file
/// scale-out dataset (<see cref="IndexedDatasetSource{TBatch}"/>). The setup checks that every input gives the array
/// run's result bit for bit. Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter '*NummFileBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
public class NummFileBenchmarks
{
    private const int Events = 10_000_000, RowGroup = 65_536;
    private string _path = "";
    private ThreadScalingEvent.Batch[] _memory = [];
    private ColumnarFileReader _file = null!;
    private MappedColumnarSource<ThreadScalingEvent.Batch> _mapped = null!;
    private Dataset _dataset = null!;
    private readonly ThreadScalingSelection.Kernel _kernel = new();

    [GlobalSetup]
    public void Setup()
    {
        _memory = RootThreadScalingBenchmarks.CreateEvents(Events, RowGroup);
        _path = Path.Combine(Path.GetTempPath(), $"numm-filebench-{Environment.ProcessId}.numm");
        using (var writer = new ColumnarFileWriter(_path, ThreadScalingEvent.Batch.Schema, new ColumnarWriteOptions { RowGroupEntries = RowGroup }))
        {
            foreach (var b in _memory) writer.Write(b);
            writer.Commit();
        }
        _file = ColumnarFileReader.Open(_path);
        _mapped = _file.OpenMapped<ThreadScalingEvent.Batch>();
        for (int g = 0; g < _mapped.BatchCount; g++) _mapped.View(g); // checked (and first touched) once, here
        _dataset = Dataset.FromFiles([_path], null);
        double reference = Arrays(1);
        foreach (var (name, run) in new (string, Func<double>)[] { ("mapped", () => Mapped(2)), ("copied", () => Copied(2)), ("dataset", () => DatasetShard(2)) })
            if (BitConverter.DoubleToInt64Bits(run()) != BitConverter.DoubleToInt64Bits(reference))
                throw new InvalidOperationException($"{name}: Σw differs from the array run's.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _mapped.Dispose();
        _file.Dispose();
        File.Delete(_path);
    }

    private double Arrays(int threads) =>
        AnalysisRunner.Run(_kernel, new ArrayBatchSource<ThreadScalingEvent.Batch>(_memory), () => new ThreadScalingEvent.Batch(1), new RunOptions { MaxThreads = threads }).CutFlow.SumW[^1];

    private double Mapped(int threads)
    {
        _mapped.Reset();
        return AnalysisRunner.Run(_kernel, _mapped, () => new ThreadScalingEvent.Batch(1), new RunOptions { MaxThreads = threads }).CutFlow.SumW[^1];
    }

    private double Copied(int threads) =>
        AnalysisRunner.Run(_kernel, _file.OpenSource(ThreadScalingEvent.Batch.Schema), () => new ThreadScalingEvent.Batch(RowGroup), new RunOptions { MaxThreads = threads }).CutFlow.SumW[^1];

    private double DatasetShard(int threads)
    {
        using var source = new IndexedDatasetSource<ThreadScalingEvent.Batch>(_dataset, _dataset.Shard(0, 1, RowGroup), ThreadScalingEvent.Batch.Schema);
        return AnalysisRunner.Run(_kernel, source, () => new ThreadScalingEvent.Batch(RowGroup), new RunOptions { MaxThreads = threads }).CutFlow.SumW[^1];
    }

    /// <summary>Arrays in memory, 1 thread (the baseline).</summary>
    [Benchmark(Baseline = true)] public double Arrays_1Thread() => Arrays(1);
    /// <summary>Arrays in memory, 2 threads.</summary>
    [Benchmark] public double Arrays_2Threads() => Arrays(2);
    /// <summary>The mapped file, kept open, 1 thread.</summary>
    [Benchmark] public double Mapped_1Thread() => Mapped(1);
    /// <summary>The mapped file, kept open, 2 threads.</summary>
    [Benchmark] public double Mapped_2Threads() => Mapped(2);
    /// <summary>The file copied into batches, 1 thread.</summary>
    [Benchmark] public double Copied_1Thread() => Copied(1);
    /// <summary>The file copied into batches, 2 threads.</summary>
    [Benchmark] public double Copied_2Threads() => Copied(2);
    /// <summary>The file as a one-file dataset read by index, 1 thread.</summary>
    [Benchmark] public double Dataset_1Thread() => DatasetShard(1);
    /// <summary>The file as a one-file dataset read by index, 2 threads.</summary>
    [Benchmark] public double Dataset_2Threads() => DatasetShard(2);
}
