namespace NuMM.Runtime.Physics;

/// <summary>Physical constants used by the cross-section code, in natural units (ħ = c = 1) with energies
/// in MeV unless a name says otherwise. Source: Particle Data Group, "Review of Particle Physics",
/// Phys. Rev. D 110, 030001 (2024), table "Physical constants" (CODATA 2022 values) and the
/// electroweak review, unless stated per constant.</summary>
public static class PhysicalConstants
{
    /// <summary>Fermi coupling constant G_F/(ħc)³ in MeV⁻² (PDG 2024: 1.1663788(6)×10⁻⁵ GeV⁻²).</summary>
    public const double FermiCouplingPerMeV2 = 1.1663788e-11;

    /// <summary>Fine-structure constant α at zero momentum transfer (PDG 2024: 1/137.035999177(21)).</summary>
    public const double FineStructure = 1.0 / 137.035999177;

    /// <summary>Electron mass in MeV (PDG 2024: 0.51099895069(16) MeV).</summary>
    public const double ElectronMassMeV = 0.51099895069;

    /// <summary>Proton mass in MeV (PDG 2024: 938.27208943(29) MeV).</summary>
    public const double ProtonMassMeV = 938.27208943;

    /// <summary>Neutron mass in MeV (PDG 2024: 939.56542194(48) MeV).</summary>
    public const double NeutronMassMeV = 939.56542194;

    /// <summary>Atomic mass unit in MeV (PDG 2024: 931.49410372(29) MeV).</summary>
    public const double AtomicMassUnitMeV = 931.49410372;

    /// <summary>ħc in MeV·fm (PDG 2024: 197.3269804 MeV fm, exact in the 2019 SI).</summary>
    public const double HbarCMeVFm = 197.3269804;

    /// <summary>(ħc)² in MeV²·cm²: converts a cross section in MeV⁻² to cm² (PDG 2024: (ħc)² = 0.389379372 GeV² mbarn).</summary>
    public const double HbarC2MeV2Cm2 = 0.389379372e-21;

    /// <summary>Weak mixing angle sin²θ_W in the MS-bar scheme at the Z pole (PDG 2024 electroweak review: 0.23129(4)).</summary>
    public const double SinSqThetaWAtMz = 0.23129;

    /// <summary>Weak mixing angle sin²θ_W in the MS-bar scheme at zero momentum transfer, the value relevant
    /// to neutrino scattering at MeV–GeV energies (PDG 2024 electroweak review: sin²θ̂_W(0) = 0.23873(5)).</summary>
    public const double SinSqThetaWLowEnergy = 0.23873;

    /// <summary>Bohr magneton in natural units, μ_B = e/(2 m_e) with e = √(4πα), expressed in MeV⁻¹.</summary>
    public static readonly double BohrMagnetonPerMeV = System.Math.Sqrt(4 * System.Math.PI * FineStructure) / (2 * ElectronMassMeV);
}
