using System;
using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Runtime.Physics.Folding;

/// <summary>Total and flux-averaged cross sections from a differential one.</summary>
public static class CrossSectionIntegrals
{
    /// <summary>σ(E) = ∫ dσ/dT dT in cm² from <paramref name="minRecoilMeV"/> to T_max(E), Gauss–Legendre (order 8) on
    /// 16 panels, logarithmically spaced when the lower limit is &gt; 0 (use a threshold &gt; 0 for 1/T-type terms).
    /// For processes with a lower recoil bound (sterile up-scattering: T ≥ T₋, see
    /// <see cref="Cevns.CevnsKinematics.SterileRecoilRange"/>) pass <paramref name="minRecoilMeV"/> ≥ T₋ so the panels do not straddle the step.</summary>
    /// <param name="crossSection">dσ/dT in cm²/MeV.</param>
    /// <param name="neutrinoEnergyMeV">E in MeV, finite and ≥ 0.</param>
    /// <param name="minRecoilMeV">Recoil threshold in MeV, finite and ≥ 0.</param>
    public static double TotalCm2(IDifferentialCrossSection crossSection, double neutrinoEnergyMeV, double minRecoilMeV = 0)
    {
        ArgumentNullException.ThrowIfNull(crossSection);
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        PhysicsArguments.NonNegativeFinite(minRecoilMeV, nameof(minRecoilMeV));
        double tMax = crossSection.MaxRecoilEnergyMeV(neutrinoEnergyMeV);
        if (!(tMax > minRecoilMeV)) return 0;
        return EnergyQuadrature.Integrate(t => crossSection.DSigmaDT(neutrinoEnergyMeV, t), minRecoilMeV, tMax, 16, 8, logarithmic: minRecoilMeV > 0);
    }

    /// <summary>Flux-averaged cross section ⟨σ⟩ = ∫ Φ(E) σ(E) dE / ∫ Φ(E) dE in cm² (lines included as delta functions).</summary>
    /// <param name="flux">Flux.</param>
    /// <param name="crossSection">dσ/dT in cm²/MeV.</param>
    /// <param name="minRecoilMeV">Recoil threshold in MeV.</param>
    public static double FluxAveragedCm2(NeutrinoFlux flux, IDifferentialCrossSection crossSection, double minRecoilMeV = 0)
    {
        ArgumentNullException.ThrowIfNull(flux);
        double numerator = 0;
        foreach (var (shape, scale) in flux.Continua)
            numerator += scale * EnergyQuadrature.Integrate(shape, e => TotalCm2(crossSection, e, minRecoilMeV));
        foreach (var line in flux.Lines) numerator += line.Flux * TotalCm2(crossSection, line.EnergyMeV, minRecoilMeV);
        double total = flux.TotalFlux();
        if (!(total > 0)) throw new ArgumentException($"Flux '{flux.Name}' integrates to {NumericTable.Format(total)}; cannot average over it.", nameof(flux));
        return numerator / total;
    }
}
