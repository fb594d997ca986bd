using System;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>Analytic neutrino–electron elastic scattering cross sections per target electron: the Standard Model
/// (SM) weak term and the neutrino magnetic-moment term, differential in the recoil kinetic energy T, in cos θ,
/// in θ² and in T θ², their integrals, and the recoil energy below which the magnetic term dominates.
/// Energies in MeV, cross sections in cm² (differential ones in cm²/MeV, cm² per unit cos θ, cm²/rad² or
/// cm²/(MeV rad²)), magnetic moments in Bohr magnetons μ_B.</summary>
/// <remarks>
/// <para><b>Standard Model</b> (technote eq. 29; 't Hooft, Phys. Lett. B 37, 195 (1971); Vogel &amp; Engel,
/// Phys. Rev. D 39, 3378 (1989)):
/// dσ/dT = (G_F² m_e / 2π) [(g_V + g_A)² + (g_V − g_A)² (1 − T/E)² − (g_V² − g_A²) m_e T/E²], with the couplings
/// of <see cref="ElectroweakCouplings"/>. Eq. 29 as printed writes the last term as +(g_A² − g_V²) m_e T/E²,
/// which is the same.</para>
/// <para><b>Magnetic moment</b> (technote eq. 35; Vogel &amp; Engel eq. 2; Giunti &amp; Studenikin, Rev. Mod.
/// Phys. 87, 531 (2015)): dσ/dT = (π α²/m_e²) (μ/μ_B)² (1/T − 1/E). Correct as printed. The magnetic (helicity
/// flipping) and weak (helicity conserving) amplitudes do not interfere for ultrarelativistic neutrinos, for
/// diagonal and transition (flavour-changing) Dirac moments alike, so the two terms add incoherently
/// (technote eq. 28; Vogel &amp; Engel 1989; Giunti &amp; Studenikin 2015, section on ν–e scattering; Borexino talk,
/// "EM scattering is helicity flipping → no interference with standard EW").</para>
/// <para><b>Other variables.</b> The cos θ forms are the T forms times the exact Jacobian dT/dcos θ
/// (<see cref="ElectronScatteringKinematics.RecoilJacobianCosTheta"/>). Technote eqs. 32 and 36 are correct as
/// printed. The exact θ² forms multiply the cos θ forms by |dcos θ/dθ²| = sin θ/(2θ). The small-angle forms
/// (technote eqs. 33, 34, 37, 38) use T = 2m_e/(θ² + 2m_e/E) and T = E(1 − Tθ²/2m_e), valid for E ≫ m_e and θ ≪ 1;
/// they are exact changes of variable of the T formulas under that mapping. Corrections to the seed:
/// eq. 33 prints 2m_e/e_V inside the bracket (a typo for 2m_e/E_ν); eq. 37 is misprinted: the Jacobian
/// |dT/dθ²| = 2m_e/(θ² + 2m_e/E)² and 1/T − 1/E = θ²/(2m_e) give
/// dσ/dθ² = (π α²/m_e²)(μ/μ_B)² θ²/(θ² + 2m_e/E)², with the denominator squared (as printed, θ²/(θ² + 2m_e/E), the
/// integral over θ² would grow linearly instead of logarithmically, contradicting ∫ dT/T). Eqs. 34 and 38 are
/// correct. An exact T θ² form is not provided: with the exact angle T θ² is not monotonic in T (it vanishes
/// at both T → 0, where θ → π/2, and T = T_max), so dσ/d(Tθ²) would be a sum over two branches.</para>
/// <para><b>Ranges.</b> Outside the kinematic range the cross sections are zero: T &gt; T_max(E), cos θ &lt; 0,
/// θ &gt; π/2, or (small-angle forms) T θ² &gt; 2 m_e. Invalid arguments (negative or non-finite energies,
/// cos θ &gt; 1, negative θ², an undefined species) throw <see cref="ArgumentOutOfRangeException"/> naming the
/// argument and the value. The magnetic term diverges as 1/T: asking for it at T = 0 (cos θ = 0, T θ² = 2 m_e)
/// with a non-zero moment throws. E = 0 gives zero.</para>
/// </remarks>
public static partial class NeutrinoElectronCrossSection
{
    private const double Me = PhysicalConstants.ElectronMassMeV;
    private const double Gf = PhysicalConstants.FermiCouplingPerMeV2;
    private const double Alpha = PhysicalConstants.FineStructure;

    /// <summary>G_F² m_e / (2π) converted to cm²/MeV: the prefactor of the SM dσ/dT.</summary>
    public const double StandardModelPrefactorCm2PerMeV = Gf * Gf * Me / (2 * Math.PI) * PhysicalConstants.HbarC2MeV2Cm2;

    /// <summary>π α² / m_e² converted to cm² (= π r₀², r₀ the classical electron radius): the prefactor of the
    /// magnetic-moment dσ/dT, which is this × (μ/μ_B)² × (1/T − 1/E).</summary>
    public const double MagneticPrefactorCm2 = Math.PI * Alpha * Alpha / (Me * Me) * PhysicalConstants.HbarC2MeV2Cm2;

    // ---------------------------------------------------------------- dσ/dT

    /// <summary>SM dσ/dT (cm²/MeV) for <paramref name="species"/> at neutrino energy E (MeV) and recoil kinetic
    /// energy T (MeV), tree level with weak mixing angle <paramref name="sinSqThetaW"/>. Zero for T &gt; T_max.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, energies negative or not finite.</exception>
    public static double StandardModelDSigmaDT(NeutrinoSpecies species, double neutrinoEnergyMeV, double recoilEnergyMeV,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
        => StandardModelDSigmaDT(ElectroweakCouplings.ForSpecies(species, sinSqThetaW), neutrinoEnergyMeV, recoilEnergyMeV);

    /// <summary>SM dσ/dT (cm²/MeV) for explicit couplings <paramref name="couplings"/>. Zero for T &gt; T_max.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energies negative or not finite.</exception>
    public static double StandardModelDSigmaDT(ElectroweakCouplings couplings, double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        ElectronScatteringKinematics.CheckRecoilEnergy(recoilEnergyMeV, nameof(recoilEnergyMeV));
        if (neutrinoEnergyMeV == 0 || recoilEnergyMeV > ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV)) return 0.0;
        return StandardModelUnchecked(couplings, neutrinoEnergyMeV, recoilEnergyMeV);
    }

    /// <summary>Magnetic-moment dσ/dT (cm²/MeV) = (π α²/m_e²)(μ/μ_B)²(1/T − 1/E) (technote eq. 35) for an
    /// effective moment <paramref name="magneticMomentBohr"/> (units of μ_B; only its square enters). Zero for
    /// T &gt; T_max or μ = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energies negative or not finite; μ not finite; T = 0 with
    /// μ ≠ 0 (the term diverges as 1/T).</exception>
    public static double MagneticMomentDSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV, double magneticMomentBohr)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        ElectronScatteringKinematics.CheckRecoilEnergy(recoilEnergyMeV, nameof(recoilEnergyMeV));
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        if (magneticMomentBohr == 0 || neutrinoEnergyMeV == 0) return 0.0;
        if (recoilEnergyMeV > ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV)) return 0.0;
        if (recoilEnergyMeV == 0)
            throw new ArgumentOutOfRangeException(nameof(recoilEnergyMeV), recoilEnergyMeV,
                "The magnetic-moment cross section diverges as 1/T at T = 0; use a positive recoil energy (a detector threshold).");
        return MagneticUnchecked(neutrinoEnergyMeV, recoilEnergyMeV, magneticMomentBohr);
    }

    /// <summary>SM + magnetic-moment dσ/dT (cm²/MeV), added incoherently (technote eq. 28).</summary>
    /// <exception cref="ArgumentOutOfRangeException">As the two terms.</exception>
    public static double DSigmaDT(NeutrinoSpecies species, double neutrinoEnergyMeV, double recoilEnergyMeV, double magneticMomentBohr,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
        => StandardModelDSigmaDT(species, neutrinoEnergyMeV, recoilEnergyMeV, sinSqThetaW)
           + MagneticMomentDSigmaDT(neutrinoEnergyMeV, recoilEnergyMeV, magneticMomentBohr);

    // ---------------------------------------------------------------- dσ/dcosθ (exact)

    /// <summary>SM dσ/dcos θ (cm²) with the exact kinematics (technote eq. 32, correct as printed):
    /// dσ/dT(T(cos θ)) · dT/dcos θ. Zero for cos θ &lt; 0 (forbidden) or E = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, E negative or not finite, cos θ &gt; 1 or NaN.</exception>
    public static double StandardModelDSigmaDCosTheta(NeutrinoSpecies species, double neutrinoEnergyMeV, double cosTheta,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        if (!CheckCosTheta(neutrinoEnergyMeV, cosTheta)) return 0.0;
        double t = ElectronScatteringKinematics.RecoilFromCosTheta(neutrinoEnergyMeV, cosTheta);
        return StandardModelUnchecked(g, neutrinoEnergyMeV, t) * ElectronScatteringKinematics.RecoilJacobianCosTheta(neutrinoEnergyMeV, cosTheta);
    }

    /// <summary>Magnetic-moment dσ/dcos θ (cm²) with the exact kinematics (technote eq. 36, correct as printed).
    /// Zero for cos θ &lt; 0, E = 0 or μ = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, cos θ &gt; 1 or NaN, μ not finite,
    /// cos θ = 0 with μ ≠ 0 (T = 0, divergent).</exception>
    public static double MagneticMomentDSigmaDCosTheta(double neutrinoEnergyMeV, double cosTheta, double magneticMomentBohr)
    {
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        if (!CheckCosTheta(neutrinoEnergyMeV, cosTheta) || magneticMomentBohr == 0) return 0.0;
        if (cosTheta == 0)
            throw new ArgumentOutOfRangeException(nameof(cosTheta), cosTheta, "The magnetic-moment cross section diverges at cos θ = 0 (T = 0).");
        double t = ElectronScatteringKinematics.RecoilFromCosTheta(neutrinoEnergyMeV, cosTheta);
        return MagneticUnchecked(neutrinoEnergyMeV, t, magneticMomentBohr) * ElectronScatteringKinematics.RecoilJacobianCosTheta(neutrinoEnergyMeV, cosTheta);
    }

    // ---------------------------------------------------------------- dσ/dθ² (exact)

    /// <summary>SM dσ/dθ² (cm²/rad²) with the exact kinematics: dσ/dcos θ · sin θ/(2θ). Zero for θ &gt; π/2 or E = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, E negative or not finite, θ² negative or not finite.</exception>
    public static double StandardModelDSigmaDThetaSquared(NeutrinoSpecies species, double neutrinoEnergyMeV, double thetaSquared,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        ElectronScatteringKinematics.CheckThetaSquared(thetaSquared, nameof(thetaSquared));
        double theta = Math.Sqrt(thetaSquared);
        if (theta > Math.PI / 2)
        {
            _ = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
            ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
            return 0.0;
        }
        return StandardModelDSigmaDCosTheta(species, neutrinoEnergyMeV, Math.Cos(theta), sinSqThetaW) * HalfSinc(theta);
    }

    /// <summary>Magnetic-moment dσ/dθ² (cm²/rad²) with the exact kinematics. Zero for θ &gt; π/2, E = 0 or μ = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, θ² negative or not finite, μ not
    /// finite, θ = π/2 with μ ≠ 0 (T = 0, divergent).</exception>
    public static double MagneticMomentDSigmaDThetaSquared(double neutrinoEnergyMeV, double thetaSquared, double magneticMomentBohr)
    {
        ElectronScatteringKinematics.CheckThetaSquared(thetaSquared, nameof(thetaSquared));
        double theta = Math.Sqrt(thetaSquared);
        if (theta >= Math.PI / 2)
        {
            CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
            ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
            if (theta == Math.PI / 2 && magneticMomentBohr != 0 && neutrinoEnergyMeV > 0)
                throw new ArgumentOutOfRangeException(nameof(thetaSquared), thetaSquared, "The magnetic-moment cross section diverges at θ = π/2 (T = 0).");
            return 0.0;
        }
        return MagneticMomentDSigmaDCosTheta(neutrinoEnergyMeV, Math.Cos(theta), magneticMomentBohr) * HalfSinc(theta);
    }

    // ---------------------------------------------------------------- small-angle forms (technote eqs. 33, 34, 37, 38)

    /// <summary>SM dσ/dθ² (cm²/rad²) in the small-angle, E ≫ m_e approximation (technote eq. 33, with the
    /// 2m_e/e_V typo read as 2m_e/E_ν): (G_F² m_e²/π)/(θ² + 2m_e/E)² · {(g_V+g_A)² + (g_V−g_A)² (θ²/(θ²+2m_e/E))²
    /// − (g_V² − g_A²) 2m_e²/(E²(θ² + 2m_e/E))}. Defined for all θ² ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, E not positive or not finite, θ² negative or not finite.</exception>
    public static double StandardModelDSigmaDThetaSquaredSmallAngle(NeutrinoSpecies species, double neutrinoEnergyMeV, double thetaSquared,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        ElectronScatteringKinematics.CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        ElectronScatteringKinematics.CheckThetaSquared(thetaSquared, nameof(thetaSquared));
        double a = 2 * Me / neutrinoEnergyMeV, s = thetaSquared + a, r = thetaSquared / s;
        double bracket = g.LeftSquared + g.RightSquared * r * r - g.Interference * 2 * Me * Me / (neutrinoEnergyMeV * neutrinoEnergyMeV * s);
        return 2 * StandardModelPrefactorCm2PerMeV * Me / (s * s) * bracket;
    }

    /// <summary>Magnetic-moment dσ/dθ² (cm²/rad²) in the small-angle approximation, technote eq. 37 corrected:
    /// (π α²/m_e²)(μ/μ_B)² θ²/(θ² + 2m_e/E)² (the seed prints the denominator unsquared; see the class remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">E not positive or not finite, θ² negative or not finite, μ not finite.</exception>
    public static double MagneticMomentDSigmaDThetaSquaredSmallAngle(double neutrinoEnergyMeV, double thetaSquared, double magneticMomentBohr)
    {
        ElectronScatteringKinematics.CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        ElectronScatteringKinematics.CheckThetaSquared(thetaSquared, nameof(thetaSquared));
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        double s = thetaSquared + 2 * Me / neutrinoEnergyMeV;
        return MagneticPrefactorCm2 * magneticMomentBohr * magneticMomentBohr * thetaSquared / (s * s);
    }

    /// <summary>SM dσ/d(Tθ²) (cm²/(MeV rad²)) in the small-angle approximation (technote eq. 34, correct as
    /// printed): (G_F² E/4π){(g_V+g_A)² + (g_V−g_A)²(Tθ²/2m_e)² − (g_V²−g_A²)(m_e/E)(1 − Tθ²/2m_e)}, for
    /// 0 ≤ Tθ² ≤ 2m_e; zero above.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, E not positive or not finite, Tθ² negative or not finite.</exception>
    public static double StandardModelDSigmaDTThetaSquaredSmallAngle(NeutrinoSpecies species, double neutrinoEnergyMeV, double tThetaSquaredMeV,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        ElectronScatteringKinematics.CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckTThetaSquared(tThetaSquaredMeV);
        if (tThetaSquaredMeV > ElectronScatteringKinematics.TThetaSquaredLimitMeV) return 0.0;
        double x = tThetaSquaredMeV / (2 * Me);
        double bracket = g.LeftSquared + g.RightSquared * x * x - g.Interference * Me / neutrinoEnergyMeV * (1 - x);
        return StandardModelPrefactorCm2PerMeV * neutrinoEnergyMeV / (2 * Me) * bracket;
    }

    /// <summary>Magnetic-moment dσ/d(Tθ²) (cm²/(MeV rad²)) in the small-angle approximation (technote eq. 38,
    /// correct as printed): (π α²/(4 m_e⁴))(μ/μ_B)² Tθ²/(1 − Tθ²/2m_e), for 0 ≤ Tθ² &lt; 2m_e; zero above 2m_e.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E not positive or not finite, Tθ² negative or not finite,
    /// μ not finite, Tθ² = 2m_e with μ ≠ 0 (T = 0, divergent).</exception>
    public static double MagneticMomentDSigmaDTThetaSquaredSmallAngle(double neutrinoEnergyMeV, double tThetaSquaredMeV, double magneticMomentBohr)
    {
        ElectronScatteringKinematics.CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckTThetaSquared(tThetaSquaredMeV);
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        if (magneticMomentBohr == 0 || tThetaSquaredMeV > ElectronScatteringKinematics.TThetaSquaredLimitMeV) return 0.0;
        double x = tThetaSquaredMeV / (2 * Me);
        if (x == 1)
            throw new ArgumentOutOfRangeException(nameof(tThetaSquaredMeV), tThetaSquaredMeV, "The magnetic-moment cross section diverges at Tθ² = 2 m_e (T = 0).");
        return MagneticPrefactorCm2 / (4 * Me * Me) * magneticMomentBohr * magneticMomentBohr * tThetaSquaredMeV / (1 - x);
    }

    // ---------------------------------------------------------------- integrals

    /// <summary>SM cross section (cm²) integrated in closed form over T ∈ [0, T_max(E)]: the total ν–e elastic
    /// cross section. σ = (G_F² m_e/2π)[(g_V+g_A)² T_m + (g_V−g_A)² (E/3)(1 − (1 − T_m/E)³) − (g_V²−g_A²) m_e T_m²/(2E²)].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, E negative or not finite.</exception>
    public static double StandardModelTotalCrossSection(NeutrinoSpecies species, double neutrinoEnergyMeV,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        double tMax = ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV);
        return StandardModelIntegratedCrossSection(g, neutrinoEnergyMeV, 0, tMax);
    }

    /// <summary>SM cross section (cm²) integrated in closed form over T ∈ [T₁, T₂] ∩ [0, T_max(E)] (MeV).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energies negative or not finite, or T₂ &lt; T₁.</exception>
    public static double StandardModelIntegratedCrossSection(ElectroweakCouplings couplings, double neutrinoEnergyMeV,
        double lowerRecoilEnergyMeV, double upperRecoilEnergyMeV)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckRecoilInterval(lowerRecoilEnergyMeV, upperRecoilEnergyMeV);
        if (neutrinoEnergyMeV == 0) return 0.0;
        double tMax = ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV);
        double t1 = Math.Min(lowerRecoilEnergyMeV, tMax), t2 = Math.Min(upperRecoilEnergyMeV, tMax);
        double e = neutrinoEnergyMeV;
        double u1 = 1 - t1 / e, u2 = 1 - t2 / e;
        double value = couplings.LeftSquared * (t2 - t1)
                       + couplings.RightSquared * e / 3 * (u1 * u1 * u1 - u2 * u2 * u2)
                       - couplings.Interference * Me * (t2 * t2 - t1 * t1) / (2 * e * e);
        return StandardModelPrefactorCm2PerMeV * value;
    }

    /// <summary>Magnetic-moment cross section (cm²) integrated in closed form over T ∈ [T₁, T₂] ∩ [0, T_max(E)]:
    /// (π α²/m_e²)(μ/μ_B)² [ln(T₂/T₁) − (T₂ − T₁)/E]. The total diverges logarithmically at T → 0, so T₁ (a
    /// detector threshold) must be positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energies not finite, T₁ not positive, T₂ &lt; T₁, μ not finite.</exception>
    public static double MagneticMomentIntegratedCrossSection(double neutrinoEnergyMeV, double magneticMomentBohr,
        double lowerRecoilEnergyMeV, double upperRecoilEnergyMeV)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        CheckRecoilInterval(lowerRecoilEnergyMeV, upperRecoilEnergyMeV);
        if (!(lowerRecoilEnergyMeV > 0))
            throw new ArgumentOutOfRangeException(nameof(lowerRecoilEnergyMeV), lowerRecoilEnergyMeV,
                "The magnetic-moment cross section integrated from T = 0 diverges; give a positive lower recoil energy (threshold).");
        if (neutrinoEnergyMeV == 0 || magneticMomentBohr == 0) return 0.0;
        double tMax = ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV);
        if (lowerRecoilEnergyMeV >= tMax) return 0.0;
        double t1 = lowerRecoilEnergyMeV, t2 = Math.Min(upperRecoilEnergyMeV, tMax);
        return MagneticPrefactorCm2 * magneticMomentBohr * magneticMomentBohr * (Math.Log(t2 / t1) - (t2 - t1) / neutrinoEnergyMeV);
    }

    // ---------------------------------------------------------------- crossover (technote eq. 39)

    /// <summary>The recoil energy scale (MeV) below which the magnetic term dominates, technote eq. 39 (Giunti
    /// &amp; Studenikin 2015): T ≲ π² α² /(G_F² m_e³) (μ/μ_B)² ≈ 2.9×10¹⁹ (μ/μ_B)² MeV. An order-of-magnitude
    /// estimate independent of E and flavour; <see cref="CrossoverRecoilEnergyMeV"/> solves the exact equality.</summary>
    /// <exception cref="ArgumentOutOfRangeException">μ not finite.</exception>
    public static double MagneticDominanceScaleMeV(double magneticMomentBohr)
    {
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        return Math.PI * Math.PI * Alpha * Alpha / (Gf * Gf * Me * Me * Me) * magneticMomentBohr * magneticMomentBohr;
    }

    /// <summary>The recoil energy T (MeV) at which the magnetic dσ/dT equals the SM dσ/dT for this species and
    /// neutrino energy; below it the magnetic term is larger. Returns T_max when the magnetic term dominates the
    /// whole range and 0 when μ = 0 (or when the crossover would lie below 10⁻²⁹⁰ MeV). Solved by bisection on
    /// (0, T_max] to a relative precision of 10⁻¹².</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, E not positive or not finite, μ not finite.</exception>
    public static double CrossoverRecoilEnergyMeV(NeutrinoSpecies species, double neutrinoEnergyMeV, double magneticMomentBohr,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        ElectronScatteringKinematics.CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        if (magneticMomentBohr == 0) return 0.0;
        double e = neutrinoEnergyMeV, tMax = ElectronScatteringKinematics.MaxRecoilEnergyMeV(e);
        double Excess(double t) => MagneticUnchecked(e, t, magneticMomentBohr) - StandardModelUnchecked(g, e, t);
        if (Excess(tMax) >= 0) return tMax;
        // The magnetic term grows without bound as T → 0, so a sign change exists; shrink the lower end until it shows.
        double lo = tMax;
        do { lo *= 1e-3; } while (Excess(lo) < 0 && lo > 1e-290);
        if (Excess(lo) < 0) return 0.0; // the crossover lies below 1e-290 MeV: the magnetic term never matters
        double hi = tMax;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Excess(mid) >= 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    // ---------------------------------------------------------------- dσ/dy

    /// <summary>SM dσ/dy (cm²) with y = T/E_ν = (E_e − m_e)/E_ν ∈ [0, T_max/E]: E · dσ/dT at T = yE. Zero above y_max.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, y negative or not finite.</exception>
    public static double StandardModelDSigmaDy(ElectroweakCouplings couplings, double neutrinoEnergyMeV, double y)
    {
        CheckY(y);
        return neutrinoEnergyMeV * StandardModelDSigmaDT(couplings, neutrinoEnergyMeV, y * neutrinoEnergyMeV);
    }

    /// <summary>Magnetic-moment dσ/dy (cm²) = (π α²/m_e²)(μ/μ_B)² (1/y − 1). Zero above y_max = T_max/E.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, y negative or not finite, y = 0 with μ ≠ 0.</exception>
    public static double MagneticMomentDSigmaDy(double neutrinoEnergyMeV, double y, double magneticMomentBohr)
    {
        CheckY(y);
        return neutrinoEnergyMeV * MagneticMomentDSigmaDT(neutrinoEnergyMeV, y * neutrinoEnergyMeV, magneticMomentBohr);
    }

    // ---------------------------------------------------------------- helpers

    internal static double StandardModelUnchecked(in ElectroweakCouplings g, double e, double t)
    {
        double u = 1 - t / e;
        return StandardModelPrefactorCm2PerMeV * (g.LeftSquared + g.RightSquared * u * u - g.Interference * Me * t / (e * e));
    }

    internal static double MagneticUnchecked(double e, double t, double mu)
        => MagneticPrefactorCm2 * mu * mu * (1 / t - 1 / e);

    private static double HalfSinc(double theta) => theta == 0 ? 0.5 : Math.Sin(theta) / (2 * theta);

    private static bool CheckCosTheta(double neutrinoEnergyMeV, double cosTheta)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, "neutrinoEnergyMeV");
        if (double.IsNaN(cosTheta) || cosTheta > 1 || cosTheta < -1)
            throw new ArgumentOutOfRangeException(nameof(cosTheta), cosTheta, "cos θ must be in [−1, 1].");
        return cosTheta >= 0 && neutrinoEnergyMeV > 0;
    }

    internal static void CheckMoment(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, "Magnetic moment (units of μ_B) must be finite.");
    }

    private static void CheckTThetaSquared(double value)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException("tThetaSquaredMeV", value, "Tθ² (MeV rad²) must be finite and non-negative.");
    }

    private static void CheckY(double y)
    {
        if (!(y >= 0) || double.IsPositiveInfinity(y))
            throw new ArgumentOutOfRangeException(nameof(y), y, "y = T/E_ν must be finite and non-negative.");
    }

    private static void CheckRecoilInterval(double lower, double upper)
    {
        ElectronScatteringKinematics.CheckRecoilEnergy(lower, "lowerRecoilEnergyMeV");
        ElectronScatteringKinematics.CheckRecoilEnergy(upper, "upperRecoilEnergyMeV");
        if (upper < lower)
            throw new ArgumentOutOfRangeException("upperRecoilEnergyMeV", upper, $"Upper recoil energy is below the lower one ({lower} MeV).");
    }
}
