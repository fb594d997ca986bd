namespace NuMM.Runtime.Physics;

/// <summary>Physical constants used by the cross-section code, in natural units (ħ = c = 1) with energies
/// in MeV unless a name says otherwise. Source: Particle Data Group, S. Navas et al., "Review of Particle
/// Physics", Phys. Rev. D 110, 030001 (2024), table "Physical constants" (which quotes CODATA 2022) and the
/// review "Electroweak model and constraints on new physics", unless stated per constant. The digits are the
/// central values; the PDG uncertainty is given in each summary for reference.</summary>
public static class PhysicalConstants
{
    /// <summary>Fermi coupling constant G_F/(ħc)³ in MeV⁻² (PDG 2024: 1.1663788(6)×10⁻⁵ GeV⁻², from the muon
    /// lifetime).</summary>
    public const double FermiCouplingPerMeV2 = 1.1663788e-11;

    /// <summary>Fine-structure constant α at zero momentum transfer (PDG 2024 / CODATA 2022:
    /// α⁻¹ = 137.035999177(21)).</summary>
    public const double FineStructure = 1.0 / 137.035999177;

    /// <summary>Electron mass in MeV (PDG 2024 / CODATA 2022: 0.51099895069(16) MeV).</summary>
    public const double ElectronMassMeV = 0.51099895069;

    /// <summary>Proton mass in MeV (PDG 2024 / CODATA 2022: 938.27208943(29) MeV).</summary>
    public const double ProtonMassMeV = 938.27208943;

    /// <summary>Neutron mass in MeV (PDG 2024 / CODATA 2022: 939.56542194(48) MeV).</summary>
    public const double NeutronMassMeV = 939.56542194;

    /// <summary>Atomic mass unit in MeV (PDG 2024 / CODATA 2022: 931.49410372(29) MeV).</summary>
    public const double AtomicMassUnitMeV = 931.49410372;

    /// <summary>ħc in MeV·fm (PDG 2024: 197.3269804 MeV fm; exact in the 2019 SI, the digits are truncated).</summary>
    public const double HbarCMeVFm = 197.3269804;

    /// <summary>(ħc)² in MeV²·cm²: multiplies a cross section in MeV⁻² to give cm² (PDG 2024:
    /// (ħc)² = 0.389379372 GeV² mbarn, 1 mbarn = 10⁻²⁷ cm², 1 GeV² = 10⁶ MeV²).</summary>
    public const double HbarC2MeV2Cm2 = 0.389379372e-21;

    /// <summary>Weak mixing angle sin²θ̂_W(M_Z) in the MS-bar scheme at the Z pole (PDG 2024 electroweak
    /// review: 0.23129(4)).</summary>
    public const double SinSqThetaWAtMz = 0.23129;

    /// <summary>Weak mixing angle sin²θ̂_W(0) in the MS-bar scheme at zero momentum transfer, the value relevant
    /// to neutrino–electron scattering at MeV–GeV momentum transfers (PDG 2024 electroweak review: 0.23873(5);
    /// cf. Erler &amp; Ferro-Hernández, JHEP 03 (2018) 196: 0.23868(5)(2) for ŝ²_Z = 0.23122, the difference
    /// being the shift of ŝ²_Z).</summary>
    public const double SinSqThetaWLowEnergy = 0.23873;

    /// <summary>Bohr magneton in natural units, μ_B = e/(2 m_e) with e = √(4πα) (Heaviside–Lorentz units), in
    /// MeV⁻¹.</summary>
    public static readonly double BohrMagnetonPerMeV = System.Math.Sqrt(4 * System.Math.PI * FineStructure) / (2 * ElectronMassMeV);

    /// <summary>MeV per GeV (exact): multiply an energy in GeV by this to get MeV.</summary>
    public const double MeVPerGeV = 1000.0;

    /// <summary>ħc in GeV·m, derived from <see cref="HbarCMeVFm"/> (1 MeV fm = 10⁻¹⁸ GeV m): used for the
    /// oscillation phase Δm² L / (2E) with L in km and E in GeV.</summary>
    public const double HbarCGeVMeter = HbarCMeVFm * 1e-18;

    /// <summary>Classical electron radius r₀ = α ħc / m_e in cm (derived from the constants above; PDG 2024
    /// lists 2.8179403205(13) fm). The magnetic-moment cross section of the Borexino talk is written
    /// π r₀² (μ/μ_B)² (1/T − 1/E), identical to the technote's π α²/m_e² form.</summary>
    public const double ClassicalElectronRadiusCm = FineStructure * HbarCMeVFm / ElectronMassMeV * 1e-13;
}
