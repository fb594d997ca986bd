using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Reweighting;

namespace NuMM.Benchmarks.Physics;

/// <summary>ν–e cross sections on a grid of recoil energies: the TensorPrimitives array form against a loop over
/// the scalar method (the baseline). Run: dotnet run -c Release --project benchmarks/NuMM.Benchmarks --
/// --filter *ElectronScatteringCrossSection*</summary>
[MemoryDiagnoser]
public class ElectronScatteringCrossSectionBenchmarks
{
    private double[] _t = [];
    private double[] _out = [];
    private readonly ElectroweakCouplings _g = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino);
    private const double E = 2000; // MeV

    /// <summary>Number of recoil energies.</summary>
    [Params(256, 16384)]
    public int N { get; set; }

    /// <summary>Recoil energies spread over (0, T_max].</summary>
    [GlobalSetup]
    public void Setup()
    {
        double tMax = ElectronScatteringKinematics.MaxRecoilEnergyMeV(E);
        _t = Enumerable.Range(1, N).Select(i => tMax * i / N).ToArray();
        _out = new double[N];
    }

    /// <summary>Per-element loop over the scalar SM dσ/dT.</summary>
    [Benchmark(Baseline = true)]
    public double StandardModelScalarLoop()
    {
        for (int i = 0; i < _t.Length; i++) _out[i] = NeutrinoElectronCrossSection.StandardModelDSigmaDT(_g, E, _t[i]);
        return _out[^1];
    }

    /// <summary>The TensorPrimitives array form of the SM dσ/dT.</summary>
    [Benchmark]
    public double StandardModelArray()
    {
        NeutrinoElectronCrossSection.StandardModelDSigmaDT(_g, E, _t, _out);
        return _out[^1];
    }

    /// <summary>Per-element loop over the scalar magnetic dσ/dT.</summary>
    [Benchmark]
    public double MagneticScalarLoop()
    {
        for (int i = 0; i < _t.Length; i++) _out[i] = NeutrinoElectronCrossSection.MagneticMomentDSigmaDT(E, _t[i], 1e-10);
        return _out[^1];
    }

    /// <summary>The TensorPrimitives array form of the magnetic dσ/dT.</summary>
    [Benchmark]
    public double MagneticArray()
    {
        NeutrinoElectronCrossSection.MagneticMomentDSigmaDT(E, _t, 1e-10, _out);
        return _out[^1];
    }
}

/// <summary>Per-event magnetic-moment signal weights (technote eq. 41): the array form against a loop over the
/// scalar weight (the baseline). Run with --filter *MagneticMomentWeight*</summary>
[MemoryDiagnoser]
public class MagneticMomentWeightBenchmarks
{
    private double[] _e = [];
    private double[] _t = [];
    private double[] _w = [];

    /// <summary>Number of events.</summary>
    [Params(256, 16384)]
    public int N { get; set; }

    /// <summary>Events with E in [0.5, 10] GeV and T in (0, T_max).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _e = new double[N]; _t = new double[N]; _w = new double[N];
        for (int i = 0; i < N; i++)
        {
            _e[i] = 0.5 + 9.5 * rng.NextDouble();
            _t[i] = (0.001 + 0.99 * rng.NextDouble()) * _e[i];
        }
    }

    /// <summary>Per-event loop over the scalar weight.</summary>
    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        for (int i = 0; i < _w.Length; i++) _w[i] = MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, _e[i], _t[i], 1e-9);
        return _w[^1];
    }

    /// <summary>The TensorPrimitives array form.</summary>
    [Benchmark]
    public double Array()
    {
        MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, _e, _t, 1e-9, _w);
        return _w[^1];
    }
}
