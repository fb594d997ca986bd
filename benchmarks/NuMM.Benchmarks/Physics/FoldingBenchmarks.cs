using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Benchmarks.Physics;

/// <summary>A flux-folded 1000-bin CEvNS recoil spectrum: natural germanium (5 isotopes), the full BS05(OP) solar flux
/// (6 tabulated continua + 3 lines), SM + active magnetic moment (μ_ν = 10⁻¹⁰ μ_B), T from 0.01 to 3 keV_nr.
/// Compares the three folding strategies in one run: scalar node sum (reference), vectorised node sum
/// (TensorPrimitives over all energy nodes), and the inverse-energy-moment path (O(1) per T).
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter '*FoldingBenchmarks*'</c>.</summary>
[MemoryDiagnoser]
public class FoldingBenchmarks
{
    private RecoilSpectrumFolder _scalar = null!, _vectorised = null!, _moments = null!;
    private double[] _recoilMeV = null!, _rate = null!;
    private NeutrinoFlux _flux = null!;
    private TargetMaterial _germanium = null!;

    /// <summary>Number of recoil bins.</summary>
    [Params(1000)]
    public int Bins { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _flux = SolarFluxes.BS05OPTotal();
        _germanium = NuclearTable.GetTarget("Ge");
        _scalar = Build(FoldingStrategy.Scalar);
        _vectorised = Build(FoldingStrategy.Vectorised);
        _moments = Build(FoldingStrategy.Fastest);
        _recoilMeV = Enumerable.Range(0, Bins).Select(i => 1e-5 + (3e-3 - 1e-5) * i / (Bins - 1)).ToArray();
        _rate = new double[Bins];
    }

    private RecoilSpectrumFolder Build(FoldingStrategy strategy)
        => RecoilSpectrumFolder.ForTarget(_flux, _germanium,
            n => new CrossSectionSum(new CevnsStandardModel(n), new CevnsActiveMagneticMoment(n, 1e-10)), strategy: strategy);

    /// <summary>Reference: scalar dσ/dT at every node above E_min(T).</summary>
    [Benchmark(Baseline = true)]
    public double ScalarNodeSum()
    {
        _scalar.RatePerKgDayKeV(_recoilMeV, _rate);
        return _rate[Bins / 2];
    }

    /// <summary>Batch dσ/dT over all nodes with TensorPrimitives, then a dot product with the flux weights.</summary>
    [Benchmark]
    public double VectorisedNodeSum()
    {
        _vectorised.RatePerKgDayKeV(_recoilMeV, _rate);
        return _rate[Bins / 2];
    }

    /// <summary>Cumulative inverse-energy moments: O(Gauss–Legendre order) per T and term.</summary>
    [Benchmark]
    public double InverseEnergyMoments()
    {
        _moments.RatePerKgDayKeV(_recoilMeV, _rate);
        return _rate[Bins / 2];
    }

    /// <summary>Building the folder (flux quadrature and moment tables) plus one 1000-bin spectrum with the fastest path.</summary>
    [Benchmark]
    public double BuildAndFoldMoments()
    {
        var folder = Build(FoldingStrategy.Fastest);
        folder.RatePerKgDayKeV(_recoilMeV, _rate);
        return _rate[Bins / 2];
    }
}
