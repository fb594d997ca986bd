using System;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>Which terms of the ν–e cross section a <see cref="NeutrinoElectronScattering"/> includes.</summary>
[Flags]
public enum ElectronScatteringTerms
{
    /// <summary>The Standard Model weak term only (the background, or μ = 0).</summary>
    StandardModel = 1,
    /// <summary>The magnetic-moment term only (the signal of a magnetic-moment search).</summary>
    MagneticMoment = 2,
    /// <summary>Both, added incoherently.</summary>
    Both = StandardModel | MagneticMoment,
}

/// <summary>ν–e elastic scattering of one neutrino species with a given effective magnetic moment, as an
/// <see cref="IDifferentialCrossSection"/> (dσ/dT per electron in cm²/MeV, energies in MeV) for flux folding.
/// Immutable and thread-safe. See <see cref="NeutrinoElectronCrossSection"/> for the formulas and their sources.</summary>
public sealed class NeutrinoElectronScattering : IDifferentialCrossSection
{
    private readonly ElectroweakCouplings _couplings;

    /// <summary>Creates the cross section of <paramref name="species"/> with effective magnetic moment
    /// <paramref name="magneticMomentBohr"/> (μ_B), weak mixing angle <paramref name="sinSqThetaW"/> and the
    /// terms to include.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species or terms, μ not finite, sin²θ_W outside (0, 1).</exception>
    public NeutrinoElectronScattering(NeutrinoSpecies species, double magneticMomentBohr = 0.0,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy, ElectronScatteringTerms terms = ElectronScatteringTerms.Both)
    {
        _couplings = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        NeutrinoElectronCrossSection.CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        if (terms is not (ElectronScatteringTerms.StandardModel or ElectronScatteringTerms.MagneticMoment or ElectronScatteringTerms.Both))
            throw new ArgumentOutOfRangeException(nameof(terms), terms, "Terms must be StandardModel, MagneticMoment or Both.");
        Species = species;
        MagneticMomentBohr = magneticMomentBohr;
        SinSqThetaW = sinSqThetaW;
        Terms = terms;
    }

    /// <summary>The neutrino species.</summary>
    public NeutrinoSpecies Species { get; }

    /// <summary>Effective magnetic moment in Bohr magnetons.</summary>
    public double MagneticMomentBohr { get; }

    /// <summary>Weak mixing angle sin²θ_W used for the couplings.</summary>
    public double SinSqThetaW { get; }

    /// <summary>The terms included.</summary>
    public ElectronScatteringTerms Terms { get; }

    /// <summary>The (g_V, g_A) couplings in use.</summary>
    public ElectroweakCouplings Couplings => _couplings;

    /// <inheritdoc />
    /// <remarks>Zero above T_max. Throws <see cref="ArgumentOutOfRangeException"/> for negative or non-finite
    /// energies, and for T = 0 when the magnetic term is included with μ ≠ 0.</remarks>
    public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        double sum = 0;
        if ((Terms & ElectronScatteringTerms.StandardModel) != 0)
            sum += NeutrinoElectronCrossSection.StandardModelDSigmaDT(_couplings, neutrinoEnergyMeV, recoilEnergyMeV);
        if ((Terms & ElectronScatteringTerms.MagneticMoment) != 0)
            sum += NeutrinoElectronCrossSection.MagneticMomentDSigmaDT(neutrinoEnergyMeV, recoilEnergyMeV, MagneticMomentBohr);
        return sum;
    }

    /// <inheritdoc />
    public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV) => ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV);

    /// <inheritdoc />
    public double MinNeutrinoEnergyMeV(double recoilEnergyMeV) => ElectronScatteringKinematics.MinNeutrinoEnergyMeV(recoilEnergyMeV);
}
