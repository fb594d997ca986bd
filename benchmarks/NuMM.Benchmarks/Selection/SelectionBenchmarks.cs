using BenchmarkDotNet.Attributes;
using NuMM.Dsl;

namespace NuMM.Benchmarks.Selection;

/// <summary>A ν–e style selection over 10⁶ events: the generated vector kernel (at each width) against its
/// scalar twin. Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter *SelectionBenchmarks*</c>.</summary>
[MemoryDiagnoser]
public class SelectionBenchmarks
{
    private const int Events = 1_000_000;
    private BenchEvent.Batch _batch = null!;
    private BenchSelection.Kernel _kernel = null!;
    private NuMM.Runtime.Selection.AnalysisResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _batch = new BenchEvent.Batch(Events);
        for (int i = 0; i < Events; i++)
        {
            _batch.Set(i, new BenchEvent
            {
                VtxX = -250 + 500 * rng.NextSingle(),
                VtxY = -250 + 500 * rng.NextSingle(),
                VtxZ = 1200 * rng.NextSingle(),
                ShowerEnergy = 6 * rng.NextSingle(),
                ShowerAngle = 0.12f * rng.NextSingle(),
                NuoneId = rng.NextSingle(),
                Epi0Id = rng.NextSingle(),
                FluxWeight = 0.5f + rng.NextSingle(),
            });
        }
        _batch.Length = Events;
        _kernel = new BenchSelection.Kernel();
        _result = _kernel.CreateResult();
    }

    [Benchmark(Baseline = true)]
    public long ScalarTwin()
    {
        _result.Reset();
        _kernel.ProcessScalar(_batch, _result);
        return _result.CutFlow.Passed[^1];
    }

    [Params(512, 256, 128)]
    public int MaxVectorBits { get; set; }

    [Benchmark]
    public long Vector()
    {
        _kernel.MaxVectorBits = MaxVectorBits;
        _result.Reset();
        _kernel.Process(_batch, _result);
        return _result.CutFlow.Passed[^1];
    }
}

/// <summary>The benchmark's event: the NuOnE columns.</summary>
[EventSchema]
public partial struct BenchEvent
{
    /// <summary>Vertex, cm.</summary>
    [Column(Unit = "cm")] public float VtxX, VtxY, VtxZ;
    /// <summary>Shower energy, GeV.</summary>
    [Column(Unit = "GeV")] public float ShowerEnergy;
    /// <summary>Shower angle to the beam, rad.</summary>
    [Column(Unit = "rad")] public float ShowerAngle;
    /// <summary>PID scores.</summary>
    public float NuoneId, Epi0Id;
    /// <summary>Flux weight.</summary>
    public float FluxWeight;
}

/// <summary>The selection benchmarked: five cuts, one weight, three histograms.</summary>
[Analysis(typeof(BenchEvent))]
[Histogram("ETheta2", nameof(ETheta2), Bins = 20, Min = 0, Max = 0.005)]
[Histogram("Energy", nameof(BenchEvent.ShowerEnergy), Edges = new[] { 0.5, 1.0, 1.5, 2.0, 3.0, 5.0 })]
[Histogram2D("EnergyAngle", nameof(BenchEvent.ShowerEnergy), nameof(BenchEvent.ShowerAngle), XBins = 10, XMin = 0, XMax = 5, YBins = 8, YMin = 0, YMax = 0.2)]
public static partial class BenchSelection
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in BenchEvent e) =>
        e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;

    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")]
    public static bool Energy(in BenchEvent e) => e.ShowerEnergy is >= 0.5f and < 5f;

    /// <summary>ν–e identification.</summary>
    [Cut(3, "ν–e ID")]
    public static bool NuOnEId(in BenchEvent e) => e.NuoneId > 0.73f;

    /// <summary>π0 veto.</summary>
    [Cut(4, "π0 veto")]
    public static bool Pi0Veto(in BenchEvent e) => e.Epi0Id < 0.92f;

    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in BenchEvent e) => e.ShowerEnergy * e.ShowerAngle * e.ShowerAngle;

    /// <summary>Forward-peaked showers.</summary>
    [Cut(5, "Eθ²")]
    public static bool SmallETheta2(in BenchEvent e) => ETheta2(e) < 0.005f;

    /// <summary>Flux weight.</summary>
    [Weight("flux")]
    public static float Flux(in BenchEvent e) => e.FluxWeight;
}
