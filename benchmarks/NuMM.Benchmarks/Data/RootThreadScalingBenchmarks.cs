using BenchmarkDotNet.Attributes;
using NuMM.Dsl;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Data.Root.Compression;
using NuMM.Runtime.Data.Root.Writing;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.Data;

/// <summary>Issue 13's thread-scaling target on compute-bound work: 10⁶ events of 18 float columns in a ZSTD and a ZLIB
/// ROOT file (written by <see cref="RootTreeWriter"/> in the global setup, one 16,384-entry basket per branch and cluster),
/// read through <see cref="RootBatchSource{TBatch}"/> into the generated kernel of <see cref="ThreadScalingSelection"/> (the
/// variation benchmark's nominal selection: 11 cuts, 3 weights, 3 histograms) by <see cref="AnalysisRunner"/> on 1 and 2
/// threads. Ratio = time ÷ the 1-thread ROOT read of the same file, so the 2-thread row's ratio is 1 / speed-up. The same
/// analysis over the events already in memory (zero-copy batches) on 1 and 2 threads is the streaming comparison. The
/// setup checks that 1 and 2 threads give bit-identical results and prints the file sizes.
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter *RootThreadScaling*</c>.</summary>
[MemoryDiagnoser]
public class RootThreadScalingBenchmarks
{
    private const int Events = 1_000_000;
    private const int BatchSize = 16_384;

    private string _dir = "";
    private RootFile _file = null!;
    private ThreadScalingEvent.Batch[] _memory = [];
    private readonly ThreadScalingSelection.Kernel _kernel = new();

    /// <summary>The file's compression.</summary>
    [Params("zstd", "zlib", "lz4")]
    public string Compression { get; set; } = "zstd";

    [GlobalSetup]
    public void Setup()
    {
        _memory = CreateEvents();
        _dir = Directory.CreateTempSubdirectory("numm-rootscale-").FullName;
        string path = Path.Combine(_dir, $"events-{Compression}.root");
        var options = new RootWriteOptions
        {
            Compression = Compression switch { "zstd" => RootCompressionAlgorithm.Zstd, "lz4" => RootCompressionAlgorithm.Lz4, _ => RootCompressionAlgorithm.Zlib },
            EntriesPerBasket = BatchSize,
        };
        RootTreeWriter.WriteAll(path, "events", new ArrayBatchSource<ThreadScalingEvent.Batch>(_memory), new ThreadScalingEvent.Batch(BatchSize), options);
        _file = RootFile.Open(path);
        var one = RunRoot(1);
        var two = RunRoot(2);
        var mem = RunMemory(2);
        bool same = Same(one, two) && Same(one, mem);
        Console.WriteLine($"// {Compression}: {new FileInfo(path).Length / 1e6:F1} MB for {Events} events × 18 floats ({Events * 72 / 1e6:F1} MB raw); "
            + $"{Environment.ProcessorCount} processors (affinity mask {Affinity()}); selected {one.CutFlow.Passed[^1]}, Σw {one.CutFlow.SumW[^1]:R}; 1 thread, 2 threads and in-memory bit-identical: {same}");
        if (!same) throw new InvalidOperationException("1- and 2-thread results differ");
    }

    private static string Affinity() => OperatingSystem.IsLinux() || OperatingSystem.IsWindows()
        ? $"0x{(long)System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity:X}" : "not reported on this OS";

    [GlobalCleanup]
    public void Cleanup()
    {
        _file.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private AnalysisResult RunRoot(int threads) =>
        AnalysisRunner.Run(_kernel, _file.GetTree("events").OpenBatches(new ThreadScalingEvent.Batch(1)), () => new ThreadScalingEvent.Batch(BatchSize),
            new RunOptions { MaxThreads = threads });

    private AnalysisResult RunMemory(int threads) =>
        AnalysisRunner.Run(_kernel, new ArrayBatchSource<ThreadScalingEvent.Batch>(_memory), () => new ThreadScalingEvent.Batch(BatchSize),
            new RunOptions { MaxThreads = threads });

    /// <summary>The ROOT file on 1 thread (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public double Root_1Thread() => RunRoot(1).CutFlow.SumW[^1];

    /// <summary>The ROOT file on 2 threads.</summary>
    [Benchmark]
    public double Root_2Threads() => RunRoot(2).CutFlow.SumW[^1];

    /// <summary>The same events from memory (no reading or decompression) on 1 thread.</summary>
    [Benchmark]
    public double Memory_1Thread() => RunMemory(1).CutFlow.SumW[^1];

    /// <summary>The same events from memory on 2 threads.</summary>
    [Benchmark]
    public double Memory_2Threads() => RunMemory(2).CutFlow.SumW[^1];

    /// <summary>The streaming-read ceiling of the in-memory events on 1 thread: the 18 columns of every batch summed,
    /// one column after the other (what any kernel must at least read).</summary>
    [Benchmark]
    public float Ceiling_1Thread() => SumColumns(0, _memory.Length);

    /// <summary>The same read on 2 threads, each summing half of the batches (the memory-bound case's 2-thread
    /// ceiling, against which <see cref="Memory_2Threads"/> is judged).</summary>
    [Benchmark]
    public float Ceiling_2Threads()
    {
        int half = _memory.Length / 2;
        float first = 0;
        var helper = new System.Threading.Thread(() => first = SumColumns(0, half));
        helper.Start();
        float second = SumColumns(half, _memory.Length);
        helper.Join();
        return first + second;
    }

    private float SumColumns(int from, int to)
    {
        float sum = 0;
        for (int b = from; b < to; b++)
        {
            var x = _memory[b];
            int n = x.Length;
            foreach (var column in new[] { x.VtxX, x.VtxY, x.VtxZ, x.Energy, x.Angle, x.NuoneId, x.Epi0Id, x.Dedx, x.Gap, x.ShowerLength, x.ShowerWidth, x.TrackLength, x.Hits, x.Time, x.TrueE, x.FluxW, x.XsecW, x.PotW })
                sum += NuMM.Benchmarks.Selection.VariationBenchmarks.ReadSum(column.AsSpan(0, n));
        }
        return sum;
    }

    private static bool Same(AnalysisResult a, AnalysisResult b)
    {
        if (!a.CutFlow.Passed.SequenceEqual(b.CutFlow.Passed)) return false;
        if (!a.CutFlow.SumW.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.CutFlow.SumW.Select(BitConverter.DoubleToInt64Bits))) return false;
        if (!a.CutFlow.SumW2.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.CutFlow.SumW2.Select(BitConverter.DoubleToInt64Bits))) return false;
        for (int i = 0; i < a.Histograms1D.Count; i++)
            if (!a.Histograms1D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Histograms1D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits))) return false;
        for (int i = 0; i < a.Histograms2D.Count; i++)
            if (!a.Histograms2D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Histograms2D[i].SumW.ToArray().Select(BitConverter.DoubleToInt64Bits))) return false;
        return true;
    }

    private static float Q(float v, float step) => MathF.Round(v / step) * step;

    /// <summary><paramref name="events"/> (by default 10⁶) events with the value ranges of the variation workload, from a
    /// seeded generator, in batches of <paramref name="batchSize"/> (by default 16,384).</summary>
    internal static ThreadScalingEvent.Batch[] CreateEvents(int events = Events, int batchSize = BatchSize)
    {
        var rng = new Random(42);
        int nBatches = (events + batchSize - 1) / batchSize;
        var batches = new ThreadScalingEvent.Batch[nBatches];
        for (int b = 0; b < nBatches; b++)
        {
            int n = Math.Min(batchSize, events - b * batchSize);
            var batch = new ThreadScalingEvent.Batch(batchSize);
            for (int i = 0; i < n; i++)
            {
                // Values at the resolution a reconstruction stores them (0.1 mm, 1 MeV, 0.1 mrad, 10 ns, integer hits,
                // 10⁻³ scores, 10⁻⁴ weights), so the baskets compress as real ntuples do rather than as random mantissas.
                batch.VtxX[i] = Q(-250f + 500f * rng.NextSingle(), 0.01f);
                batch.VtxY[i] = Q(-250f + 500f * rng.NextSingle(), 0.01f);
                batch.VtxZ[i] = Q(1200f * rng.NextSingle(), 0.01f);
                float trueE = Q(0.2f + 7.8f * rng.NextSingle(), 0.001f);
                batch.TrueE[i] = trueE;
                batch.Energy[i] = Q(trueE * (0.8f + 0.4f * rng.NextSingle()), 0.001f);
                batch.Angle[i] = Q(0.12f * rng.NextSingle(), 0.0001f);
                batch.NuoneId[i] = Q(rng.NextSingle(), 0.001f);
                batch.Epi0Id[i] = Q(rng.NextSingle(), 0.001f);
                batch.Dedx[i] = Q(1f + 4f * rng.NextSingle(), 0.01f);
                batch.Gap[i] = Q(10f * rng.NextSingle(), 0.01f);
                batch.ShowerLength[i] = Q(300f * rng.NextSingle(), 0.1f);
                batch.ShowerWidth[i] = Q(10f * rng.NextSingle(), 0.01f);
                batch.TrackLength[i] = Q(100f * rng.NextSingle(), 0.1f);
                batch.Hits[i] = MathF.Round(200f * rng.NextSingle());
                batch.Time[i] = Q(20f * rng.NextSingle(), 0.01f);
                batch.FluxW[i] = Q(0.5f + rng.NextSingle(), 0.0001f);
                batch.XsecW[i] = Q(0.8f + 0.4f * rng.NextSingle(), 0.0001f);
                batch.PotW[i] = Q(1f + 0.01f * rng.NextSingle(), 0.0001f);
            }
            batch.Length = n;
            batches[b] = batch;
        }
        return batches;
    }
}

/// <summary>The thread-scaling benchmark's events: the 18 float columns of the variation workload's events, without the
/// universe arrays (a flat ROOT ntuple).</summary>
[EventSchema]
public partial struct ThreadScalingEvent
{
    /// <summary>Vertex, cm.</summary>
    [Column(Unit = "cm")] public float VtxX, VtxY, VtxZ;
    /// <summary>Reconstructed shower energy, GeV.</summary>
    [Column(Unit = "GeV")] public float Energy;
    /// <summary>Shower angle to the beam, rad.</summary>
    [Column(Unit = "rad")] public float Angle;
    /// <summary>PID scores.</summary>
    public float NuoneId, Epi0Id;
    /// <summary>dE/dx at the shower start, MeV/cm.</summary>
    [Column(Unit = "MeV/cm")] public float Dedx;
    /// <summary>Gap between vertex and shower start, cm.</summary>
    [Column(Unit = "cm")] public float Gap;
    /// <summary>Shower length and width, cm.</summary>
    [Column(Unit = "cm")] public float ShowerLength, ShowerWidth;
    /// <summary>Longest track, cm.</summary>
    [Column(Unit = "cm")] public float TrackLength;
    /// <summary>Hit count (stored as float).</summary>
    public float Hits;
    /// <summary>Time in the spill, µs.</summary>
    [Column(Unit = "us")] public float Time;
    /// <summary>True neutrino energy, GeV.</summary>
    [Column(Unit = "GeV")] public float TrueE;
    /// <summary>Weights: flux, cross section, exposure.</summary>
    public float FluxW, XsecW, PotW;
}

/// <summary>The nominal selection of the variation benchmark (11 cuts, 3 weights, 3 histograms) on <see cref="ThreadScalingEvent"/>.</summary>
[Analysis(typeof(ThreadScalingEvent))]
[Histogram("Energy", nameof(ThreadScalingEvent.Energy), Bins = 20, Min = 0, Max = 5)]
[Histogram("TrueE", nameof(ThreadScalingEvent.TrueE), Bins = 16, Min = 0, Max = 8)]
[Histogram2D("VtxZAngle", nameof(ThreadScalingEvent.VtxZ), nameof(ThreadScalingEvent.Angle), XBins = 10, XMin = 0, XMax = 1200, YBins = 8, YMin = 0, YMax = 0.12)]
public static partial class ThreadScalingSelection
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in ThreadScalingEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in ThreadScalingEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>In time with the spill.</summary>
    [Cut(3, "Timing")] public static bool Timing(in ThreadScalingEvent e) => e.Time > 1f && e.Time < 19f;
    /// <summary>Enough hits.</summary>
    [Cut(4, "Hits")] public static bool Hits(in ThreadScalingEvent e) => e.Hits > 20f;
    /// <summary>ν–e identification.</summary>
    [Cut(5, "ν–e ID")] public static bool NuOnEId(in ThreadScalingEvent e) => e.NuoneId > 0.5f;
    /// <summary>π0 veto.</summary>
    [Cut(6, "π0 veto")] public static bool Pi0Veto(in ThreadScalingEvent e) => e.Epi0Id < 0.9f;
    /// <summary>Electron-like dE/dx.</summary>
    [Cut(7, "dE/dx")] public static bool Dedx(in ThreadScalingEvent e) => e.Dedx < 4f;
    /// <summary>No gap (not a photon).</summary>
    [Cut(8, "Gap")] public static bool Gap(in ThreadScalingEvent e) => e.Gap < 8f;
    /// <summary>Shower shape.</summary>
    [Cut(9, "Shape")] public static bool Shape(in ThreadScalingEvent e) => e.ShowerLength > 20f && e.ShowerLength < 250f && e.ShowerWidth < 8f;
    /// <summary>No long track.</summary>
    [Cut(10, "Track")] public static bool Track(in ThreadScalingEvent e) => e.TrackLength < 80f;
    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")] public static float ETheta2(in ThreadScalingEvent e) => e.Energy * e.Angle * e.Angle;
    /// <summary>Forward-peaked showers.</summary>
    [Cut(11, "Eθ²")] public static bool SmallETheta2(in ThreadScalingEvent e) => ETheta2(e) < 0.005f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in ThreadScalingEvent e) => e.FluxW;
    /// <summary>Cross-section weight.</summary>
    [Weight("xsec")] public static float Xsec(in ThreadScalingEvent e) => e.XsecW;
    /// <summary>Exposure weight.</summary>
    [Weight("pot")] public static float Pot(in ThreadScalingEvent e) => e.PotW;
}
