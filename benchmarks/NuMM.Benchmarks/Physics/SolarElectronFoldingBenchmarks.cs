using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Benchmarks.Physics;

/// <summary>A flux-folded 1000-bin solar ν–e recoil spectrum as in a Borexino fit: the full BS05(OP) flux (6 tabulated
/// continua + 3 lines), ν_e and ν_μ (weights P_ee = 0.55 and 0.45) on pseudocumene electrons, SM + magnetic moment
/// (μ_eff = 10⁻¹¹ μ_B), T from 0.05 to 3 MeV. Compares the scalar node sum (reference), the vectorised node sum
/// (<see cref="IBatchDifferentialCrossSection"/>) and the inverse-energy-moment path (<see cref="IInverseEnergyExpansion"/>).
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter '*SolarElectronFolding*'</c>.</summary>
[MemoryDiagnoser]
public class SolarElectronFoldingBenchmarks
{
    private const double ElectronsPerKg = 3.307e31 / 1e5;   // pseudocumene, Borexino's 3.307×10³¹ e⁻ per 100 t
    private RecoilSpectrumFolder _scalar = null!, _vectorised = null!, _moments = null!;
    private double[] _recoilMeV = null!, _rate = null!;

    /// <summary>Number of recoil bins.</summary>
    [Params(1000)]
    public int Bins { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scalar = Build(FoldingStrategy.Scalar);
        _vectorised = Build(FoldingStrategy.Vectorised);
        _moments = Build(FoldingStrategy.Fastest);
        _recoilMeV = Enumerable.Range(0, Bins).Select(i => 0.05 + (3.0 - 0.05) * i / (Bins - 1)).ToArray();
        _rate = new double[Bins];
    }

    private static RecoilSpectrumFolder Build(FoldingStrategy strategy)
        => new(SolarFluxes.BS05OPTotal(),
        [
            new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 1e-11), 0.55 * ElectronsPerKg),
            new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 1e-11), 0.45 * ElectronsPerKg),
        ], strategy: strategy);

    /// <summary>Reference: scalar dσ/dT at every node above E_min(T).</summary>
    [Benchmark(Baseline = true)]
    public double ScalarNodeSum()
    {
        _scalar.RatePerKgDayKeV(_recoilMeV, _rate);
        return _rate[Bins / 2];
    }

    /// <summary>Batch dσ/dT over all nodes (TensorPrimitives), then a dot product with the flux weights.</summary>
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
}
