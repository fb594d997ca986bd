using System;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>Two-body kinematics of ν e⁻ → ν e⁻ on an electron at rest, neglecting the neutrino mass (technote
/// eqs. 20–27). All energies in MeV; T is the kinetic energy of the recoil electron, θ its angle to the
/// incoming neutrino.</summary>
/// <remarks>
/// Derivation checked against the technote: from (P_ν − P_e')² = (P_ν' − P_e)² (eq. 20) and E_ν' = E_ν − T
/// (eq. 22), E_ν p_e cos θ = T (E_ν + m_e) (eq. 23) with p_e = √(T² + 2 m_e T), hence eq. 25,
/// cos θ = (E_ν + m_e)/E_ν · √(T/(T + 2 m_e)). Inverting, T = 2 m_e E² cos²θ / ((E + m_e)² − E² cos²θ).
/// cos θ = 1 gives the kinematic limit T_max = 2E²/(m_e + 2E) (eq. 26). In the small-angle, E ≫ m_e limit
/// cos θ ≈ 1 − θ²/2 gives T = 2m_e/(θ² + 2m_e/E) and T θ² = 2 m_e (1 − T/E) &lt; 2 m_e (eq. 27). The technote
/// equations 20–27 are correct as printed.
/// </remarks>
public static class ElectronScatteringKinematics
{
    private const double Me = PhysicalConstants.ElectronMassMeV;

    /// <summary>Upper bound of T θ² (MeV rad²) in the small-angle, E ≫ m_e approximation: 2 m_e (technote eq. 27).</summary>
    public const double TThetaSquaredLimitMeV = 2.0 * PhysicalConstants.ElectronMassMeV;

    /// <summary>Largest recoil kinetic energy T_max = 2E²/(m_e + 2E) in MeV for neutrino energy
    /// <paramref name="neutrinoEnergyMeV"/> (MeV, ≥ 0) (technote eq. 26).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energy negative or not finite.</exception>
    public static double MaxRecoilEnergyMeV(double neutrinoEnergyMeV)
    {
        CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        return 2.0 * neutrinoEnergyMeV * neutrinoEnergyMeV / (Me + 2.0 * neutrinoEnergyMeV);
    }

    /// <summary>Smallest neutrino energy (MeV) that can give recoil kinetic energy <paramref name="recoilEnergyMeV"/>
    /// (MeV, ≥ 0): E_min = (T + √(T² + 2 m_e T))/2, the inverse of <see cref="MaxRecoilEnergyMeV"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energy negative or not finite.</exception>
    public static double MinNeutrinoEnergyMeV(double recoilEnergyMeV)
    {
        CheckRecoilEnergy(recoilEnergyMeV, nameof(recoilEnergyMeV));
        return 0.5 * (recoilEnergyMeV + Math.Sqrt(recoilEnergyMeV * recoilEnergyMeV + 2.0 * Me * recoilEnergyMeV));
    }

    /// <summary>cos θ of the recoil electron (technote eq. 25) for neutrino energy E (MeV, &gt; 0) and recoil
    /// kinetic energy T (MeV, 0 ≤ T ≤ T_max).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Energies negative or not finite, E = 0, or T above T_max
    /// (no angle exists there).</exception>
    public static double CosThetaFromRecoil(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckRecoilEnergy(recoilEnergyMeV, nameof(recoilEnergyMeV));
        if (neutrinoEnergyMeV == 0)
            throw new ArgumentOutOfRangeException(nameof(neutrinoEnergyMeV), neutrinoEnergyMeV, "Neutrino energy must be positive to define a recoil angle.");
        double tMax = MaxRecoilEnergyMeV(neutrinoEnergyMeV);
        if (recoilEnergyMeV > tMax * (1 + 1e-12))
            throw new ArgumentOutOfRangeException(nameof(recoilEnergyMeV), recoilEnergyMeV,
                $"Recoil energy is above the kinematic limit T_max = {tMax} MeV for E = {neutrinoEnergyMeV} MeV.");
        double c = (neutrinoEnergyMeV + Me) / neutrinoEnergyMeV * Math.Sqrt(recoilEnergyMeV / (recoilEnergyMeV + 2.0 * Me));
        return Math.Min(c, 1.0);
    }

    /// <summary>Recoil kinetic energy T (MeV) at cos θ = <paramref name="cosTheta"/> ∈ [0, 1] for neutrino energy E (MeV):
    /// T = 2 m_e E² cos²θ / ((E + m_e)² − E² cos²θ), the inverse of eq. 25.</summary>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, or cos θ outside [0, 1] or NaN.</exception>
    public static double RecoilFromCosTheta(double neutrinoEnergyMeV, double cosTheta)
    {
        CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        if (!(cosTheta >= 0 && cosTheta <= 1))
            throw new ArgumentOutOfRangeException(nameof(cosTheta), cosTheta, "cos θ of a recoil electron must be in [0, 1].");
        double e = neutrinoEnergyMeV, c2 = cosTheta * cosTheta;
        double d = (e + Me) * (e + Me) - e * e * c2;
        return 2.0 * Me * e * e * c2 / d;
    }

    /// <summary>Jacobian dT/d(cos θ) (MeV) = 4 m_e E² cos θ (E + m_e)² / ((E + m_e)² − E² cos²θ)² of the exact
    /// kinematics, for cos θ ∈ [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, or cos θ outside [0, 1] or NaN.</exception>
    public static double RecoilJacobianCosTheta(double neutrinoEnergyMeV, double cosTheta)
    {
        CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        if (!(cosTheta >= 0 && cosTheta <= 1))
            throw new ArgumentOutOfRangeException(nameof(cosTheta), cosTheta, "cos θ of a recoil electron must be in [0, 1].");
        double e = neutrinoEnergyMeV;
        double d = (e + Me) * (e + Me) - e * e * cosTheta * cosTheta;
        return 4.0 * Me * e * e * cosTheta * (e + Me) * (e + Me) / (d * d);
    }

    /// <summary>θ² (rad²) of the recoil electron from the exact relation (eq. 25), θ = arccos(cos θ), for
    /// 0 ≤ T ≤ T_max.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="CosThetaFromRecoil"/>.</exception>
    public static double ThetaSquaredFromRecoil(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        double theta = Math.Acos(CosThetaFromRecoil(neutrinoEnergyMeV, recoilEnergyMeV));
        return theta * theta;
    }

    /// <summary>Recoil kinetic energy (MeV) in the small-angle, E ≫ m_e approximation used by the technote for
    /// eqs. 33–34 and 37–38: T = 2 m_e / (θ² + 2 m_e/E), for θ² ≥ 0 (rad²) and E &gt; 0 (MeV).</summary>
    /// <exception cref="ArgumentOutOfRangeException">E not positive or not finite, θ² negative or not finite.</exception>
    public static double SmallAngleRecoilFromThetaSquared(double neutrinoEnergyMeV, double thetaSquared)
    {
        CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckThetaSquared(thetaSquared, nameof(thetaSquared));
        return 2.0 * Me / (thetaSquared + 2.0 * Me / neutrinoEnergyMeV);
    }

    /// <summary>T θ² (MeV rad²) in the small-angle, E ≫ m_e approximation: 2 m_e (1 − T/E) (technote eq. 27).</summary>
    /// <exception cref="ArgumentOutOfRangeException">E not positive or not finite, T negative or not finite.</exception>
    public static double SmallAngleTThetaSquared(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        CheckPositiveNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckRecoilEnergy(recoilEnergyMeV, nameof(recoilEnergyMeV));
        return 2.0 * Me * (1.0 - recoilEnergyMeV / neutrinoEnergyMeV);
    }

    internal static void CheckNeutrinoEnergy(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "Neutrino energy (MeV) must be finite and non-negative.");
    }

    internal static void CheckPositiveNeutrinoEnergy(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "Neutrino energy (MeV) must be finite and positive.");
    }

    internal static void CheckRecoilEnergy(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "Recoil kinetic energy (MeV) must be finite and non-negative.");
    }

    internal static void CheckThetaSquared(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "θ² (rad²) must be finite and non-negative.");
    }
}
