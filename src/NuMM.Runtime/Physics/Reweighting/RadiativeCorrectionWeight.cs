using System;
using NuMM.Runtime.Physics.ElectronScattering;

namespace NuMM.Runtime.Physics.Reweighting;

/// <summary>The radiative-correction weight of the technote (eq. 40): w = (dσ/dy)|_corrected / (dσ/dy)|_reference,
/// y = (E_e − m_e)/E_ν, applied to simulated ν–e background events. Energies in <b>GeV</b>. Static pure functions
/// usable per event from a generated kernel.</summary>
/// <remarks>
/// <para>The seed marks eq. 40 "TO DO: correct the equation" and says the weight compares the generator's
/// tree-level cross section with one using corrected constants (dropping a third, negligible part of the
/// correction). This class is the hook: the constants version (<see cref="Compute(NeutrinoSpecies, double, double, ElectroweakCouplings, ElectroweakCouplings)"/>)
/// takes the corrected and the reference (g_V, g_A) — for instance from
/// <see cref="ElectroweakCouplings.ForSpecies(NeutrinoSpecies, double, double, double)"/> with ρ, κ — and the generic
/// version takes any two <see cref="IElectronScatteringDSigmaDy"/> models (a full O(α) calculation can be plugged
/// in there). No specific correction values are built in: they must come from the analysis.</para>
/// <para>Range: zero (documented) above the kinematic limit, where neither model has events; negative or
/// non-finite energies, E_ν = 0, and a reference cross section that is not positive throw
/// <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public static class RadiativeCorrectionWeight
{
    /// <summary>w = dσ/dy(corrected couplings) / dσ/dy(reference couplings) for one event (E_ν, T in GeV).</summary>
    /// <exception cref="ArgumentOutOfRangeException">See the class remarks.</exception>
    public static double Compute(NeutrinoSpecies species, double neutrinoEnergyGeV, double electronKineticEnergyGeV,
        ElectroweakCouplings corrected, ElectroweakCouplings reference)
    {
        NeutrinoSpeciesExtensions.Validate(species, nameof(species));
        if (!Prepare(neutrinoEnergyGeV, electronKineticEnergyGeV, out double e, out double t)) return 0.0;
        return Ratio(NeutrinoElectronCrossSection.StandardModelUnchecked(corrected, e, t), NeutrinoElectronCrossSection.StandardModelUnchecked(reference, e, t));
    }

    /// <summary>w = corrected.DSigmaDy / reference.DSigmaDy for one event (E_ν, T in GeV) with any two models.
    /// Generic over structs so the JIT specialises it per pair of models.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See the class remarks.</exception>
    public static double Compute<TCorrected, TReference>(in TCorrected corrected, in TReference reference, NeutrinoSpecies species,
        double neutrinoEnergyGeV, double electronKineticEnergyGeV)
        where TCorrected : struct, IElectronScatteringDSigmaDy
        where TReference : struct, IElectronScatteringDSigmaDy
    {
        NeutrinoSpeciesExtensions.Validate(species, nameof(species));
        if (!Prepare(neutrinoEnergyGeV, electronKineticEnergyGeV, out double e, out double t)) return 0.0;
        double y = t / e;
        return Ratio(corrected.DSigmaDyCm2(species, e, y), reference.DSigmaDyCm2(species, e, y));
    }

    /// <summary>The constants version for many events: <paramref name="weights"/>[i] is the weight of (E[i], T[i]) (GeV).</summary>
    /// <exception cref="ArgumentException">Spans of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the scalar form, naming the index.</exception>
    public static void Compute(NeutrinoSpecies species, ReadOnlySpan<double> neutrinoEnergiesGeV, ReadOnlySpan<double> electronKineticEnergiesGeV,
        ElectroweakCouplings corrected, ElectroweakCouplings reference, Span<double> weights)
    {
        NeutrinoSpeciesExtensions.Validate(species, nameof(species));
        MagneticMomentWeight.CheckLengths(neutrinoEnergiesGeV.Length, electronKineticEnergiesGeV.Length, weights.Length);
        MagneticMomentWeight.ValidateEvents(neutrinoEnergiesGeV, electronKineticEnergiesGeV, allowZeroRecoil: true, 0);
        for (int i = 0; i < weights.Length; i++)
        {
            double e = neutrinoEnergiesGeV[i] * PhysicalConstants.MeVPerGeV, t = electronKineticEnergiesGeV[i] * PhysicalConstants.MeVPerGeV;
            weights[i] = t > ElectronScatteringKinematics.MaxRecoilEnergyMeV(e)
                ? 0.0
                : Ratio(NeutrinoElectronCrossSection.StandardModelUnchecked(corrected, e, t), NeutrinoElectronCrossSection.StandardModelUnchecked(reference, e, t));
        }
    }

    private static double Ratio(double numerator, double denominator)
    {
        if (!(denominator > 0) || double.IsPositiveInfinity(denominator))
            throw new ArgumentOutOfRangeException("reference", denominator, "The reference dσ/dy must be finite and positive inside the kinematic range.");
        return numerator / denominator;
    }

    private static bool Prepare(double neutrinoEnergyGeV, double electronKineticEnergyGeV, out double eMeV, out double tMeV)
    {
        if (!(neutrinoEnergyGeV > 0) || double.IsPositiveInfinity(neutrinoEnergyGeV))
            throw new ArgumentOutOfRangeException(nameof(neutrinoEnergyGeV), neutrinoEnergyGeV, "Neutrino energy (GeV) must be finite and positive.");
        if (!(electronKineticEnergyGeV >= 0) || double.IsPositiveInfinity(electronKineticEnergyGeV))
            throw new ArgumentOutOfRangeException(nameof(electronKineticEnergyGeV), electronKineticEnergyGeV, "Electron kinetic energy (GeV) must be finite and non-negative.");
        eMeV = neutrinoEnergyGeV * PhysicalConstants.MeVPerGeV;
        tMeV = electronKineticEnergyGeV * PhysicalConstants.MeVPerGeV;
        return tMeV <= ElectronScatteringKinematics.MaxRecoilEnergyMeV(eMeV);
    }
}
