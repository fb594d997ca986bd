using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Mixing;

namespace NuMM.Examples.Borexino;

/// <summary>Oscillation inputs of the talk ("data for θ₁₂ and θ₁₃ from the PDG-16 compilation") and the MSW-LMA
/// survival probability of solar ν_e.</summary>
public static class SolarOscillation
{
    /// <summary>sin²θ₁₂, PDG 2016 (Chin. Phys. C 40, 100001, neutrino mixing review): 0.304.</summary>
    public const double SinSqTheta12 = 0.304;

    /// <summary>sin²θ₁₃, PDG 2016: 0.0219.</summary>
    public const double SinSqTheta13 = 0.0219;

    /// <summary>sin²θ₂₃ candidates, PDG 2016: 0.51 (normal ordering) and 0.50 (inverted ordering); the talk takes the
    /// "unfortunate" (weaker-limit) choice.</summary>
    public static readonly double[] SinSqTheta23Candidates = [0.51, 0.50];

    /// <summary>Δm²₂₁ in eV², PDG 2016: 7.53×10⁻⁵.</summary>
    public const double DeltaMSq21EV2 = 7.53e-5;

    /// <summary>Electron density at the ν production point in units of N_A cm⁻³: ≈ 100 in the solar core (BS05: central
    /// ρ ≈ 150 g/cm³, Y_e ≈ 0.7). One value for all sources: a simplification, exact enough where it matters
    /// (⁸B, matter dominated) and irrelevant below 1 MeV (vacuum dominated).</summary>
    public const double ProductionElectronDensityNA = 100.0;

    private const double FermiCouplingPerEV2 = 1.1663788e-23;   // PDG: G_F/(ħc)³ = 1.1663788×10⁻⁵ GeV⁻²
    private const double HbarCEVCm = 1.973269804e-5;             // PDG: ħc = 197.3269804 MeV fm
    private const double Avogadro = 6.02214076e23;

    /// <summary>Two-flavour MSW-LMA survival probability for adiabatic propagation out of the Sun (day time, averaged
    /// over the oscillation phase): P^{2ν} = ½[1 + cos 2θ₁₂ cos 2θ₁₂^m], with the mixing angle at production
    /// cos 2θ₁₂^m = (cos 2θ₁₂ − β)/√((cos 2θ₁₂ − β)² + sin² 2θ₁₂), β = 2√2 G_F cos²θ₁₃ n_e E / Δm²₂₁ (PDG review
    /// "Neutrino mixing", solar neutrinos section).</summary>
    /// <param name="energyMeV">Neutrino energy in MeV, finite and &gt; 0.</param>
    public static double TwoFlavourSurvival(double energyMeV)
    {
        if (!(energyMeV > 0) || !double.IsFinite(energyMeV))
            throw new ArgumentOutOfRangeException(nameof(energyMeV), energyMeV, "Neutrino energy must be finite and > 0 MeV.");
        double nePerEV3 = ProductionElectronDensityNA * Avogadro * HbarCEVCm * HbarCEVCm * HbarCEVCm;
        double potentialEV = Math.Sqrt(2) * FermiCouplingPerEV2 * nePerEV3 * (1 - SinSqTheta13);
        double beta = 2 * potentialEV * energyMeV * 1e6 / DeltaMSq21EV2;
        double cos2 = 1 - 2 * SinSqTheta12, sin2Sq = 1 - cos2 * cos2;
        double cos2m = (cos2 - beta) / Math.Sqrt((cos2 - beta) * (cos2 - beta) + sin2Sq);
        return 0.5 * (1 + cos2 * cos2m);
    }

    /// <summary>Three-flavour ν_e survival probability P_ee(E) = sin⁴θ₁₃ + cos⁴θ₁₃ P^{2ν}(E) (the talk's formula,
    /// via <see cref="SolarEffectiveMoment.ThreeFlavourSurvivalProbability"/>).</summary>
    /// <param name="energyMeV">Neutrino energy in MeV.</param>
    public static double Survival(double energyMeV)
        => SolarEffectiveMoment.ThreeFlavourSurvivalProbability(TwoFlavourSurvival(energyMeV), SinSqTheta13);

    /// <summary>The part of <paramref name="flux"/> arriving as ν_e (<paramref name="electronFlavour"/> true: weight P_ee(E))
    /// or as ν_μ + ν_τ (weight 1 − P_ee(E)).</summary>
    /// <param name="flux">Unoscillated flux at Earth.</param>
    /// <param name="electronFlavour">Which part.</param>
    public static NeutrinoFlux Arriving(NeutrinoFlux flux, bool electronFlavour)
    {
        ArgumentNullException.ThrowIfNull(flux);
        Func<double, double> weight = electronFlavour ? Survival : e => 1 - Survival(e);
        string tag = electronFlavour ? "ν_e" : "ν_μ+ν_τ";
        return new NeutrinoFlux($"{flux.Name} as {tag}",
            flux.Continua.Select(c => ((IContinuousSpectrum)new WeightedSpectrum(c.Shape, weight, $"{c.Shape.Name} × P({tag})"), c.Scale)),
            flux.Lines.Select(l => new SpectralLine(l.EnergyMeV, l.Flux * weight(l.EnergyMeV), $"{l.Name} as {tag}")));
    }

    /// <summary>A spectrum multiplied by a smooth weight w(E) (here a flavour probability).</summary>
    private sealed class WeightedSpectrum(IContinuousSpectrum inner, Func<double, double> weight, string name) : IContinuousSpectrum
    {
        public string Name => name;
        public double MinEnergyMeV => inner.MinEnergyMeV;
        public double MaxEnergyMeV => inner.MaxEnergyMeV;
        public IReadOnlyList<double> Breakpoints => inner.Breakpoints;
        public double Density(double energyMeV)
        {
            double d = inner.Density(energyMeV);
            return d == 0 ? 0 : d * weight(energyMeV);
        }
    }
}
