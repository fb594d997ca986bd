using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Runtime.Physics.Cevns;

/// <summary>Two-body kinematics of ν + N → ν′ + N with a nucleus of mass M at rest; energies in MeV.
/// Elastic case (ν′ massless) and the sterile up-scattering ν + N → ν₄ + N with ν₄ mass m₄ (talk eqs. 12–13).</summary>
public static class CevnsKinematics
{
    /// <summary>Largest recoil kinetic energy, T_max = 2E²/(M + 2E) (massless outgoing neutrino).</summary>
    /// <param name="neutrinoEnergyMeV">E_ν in MeV, finite and ≥ 0.</param>
    /// <param name="nuclearMassMeV">M in MeV, &gt; 0.</param>
    public static double MaxRecoilEnergyMeV(double neutrinoEnergyMeV, double nuclearMassMeV)
    {
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        return 2 * neutrinoEnergyMeV * neutrinoEnergyMeV / (nuclearMassMeV + 2 * neutrinoEnergyMeV);
    }

    /// <summary>Smallest neutrino energy giving recoil T: E_min = [T + √(T² + 2MT)]/2, the inverse of
    /// <see cref="MaxRecoilEnergyMeV"/> (≈ √(MT/2) for T ≪ M).</summary>
    /// <param name="recoilEnergyMeV">T in MeV, finite and ≥ 0.</param>
    /// <param name="nuclearMassMeV">M in MeV, &gt; 0.</param>
    public static double MinNeutrinoEnergyMeV(double recoilEnergyMeV, double nuclearMassMeV)
    {
        PhysicsArguments.NonNegativeFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double t = recoilEnergyMeV;
        return 0.5 * (t + Math.Sqrt(t * t + 2 * nuclearMassMeV * t));
    }

    /// <summary>Talk eq. 13: smallest neutrino energy that can produce a ν₄ of mass m₄ together with recoil T,
    /// E_min = (m₄² + 2MT) / (2[√(T(T + 2M)) − T]). Derived from energy–momentum conservation with the ν₄ emitted
    /// along the beam (cos θ = 1): 2E(|p_N| cos θ − T) = 2MT + m₄², |p_N| = √(T² + 2MT). Reduces to
    /// <see cref="MinNeutrinoEnergyMeV"/> at m₄ = 0. +∞ at T = 0 when m₄ &gt; 0 (a zero recoil cannot carry the mass).</summary>
    /// <param name="recoilEnergyMeV">T in MeV, finite and ≥ 0.</param>
    /// <param name="nuclearMassMeV">M in MeV.</param>
    /// <param name="sterileMassMeV">m₄ in MeV, finite and ≥ 0.</param>
    public static double SterileMinNeutrinoEnergyMeV(double recoilEnergyMeV, double nuclearMassMeV, double sterileMassMeV)
    {
        PhysicsArguments.NonNegativeFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        PhysicsArguments.NonNegativeFinite(sterileMassMeV, nameof(sterileMassMeV));
        double t = recoilEnergyMeV, m = nuclearMassMeV, m4 = sterileMassMeV;
        if (m4 == 0) return MinNeutrinoEnergyMeV(t, m);
        if (t == 0) return double.PositiveInfinity;
        // √(T(T+2M)) − T = 2MT / (√(T(T+2M)) + T): the second form avoids cancellation when T ≪ M.
        double root = Math.Sqrt(t * (t + 2 * m));
        double denominator = 2 * (2 * m * t / (root + t));
        return (m4 * m4 + 2 * m * t) / denominator;
    }

    /// <summary>The lowest neutrino energy at which ν + N → ν₄ + N is open at all, E_th = m₄ + m₄²/(2M)
    /// (from s = M² + 2ME ≥ (M + m₄)²); the minimum over T of <see cref="SterileMinNeutrinoEnergyMeV"/>.</summary>
    /// <param name="nuclearMassMeV">M in MeV.</param>
    /// <param name="sterileMassMeV">m₄ in MeV, ≥ 0.</param>
    public static double SterileThresholdEnergyMeV(double nuclearMassMeV, double sterileMassMeV)
    {
        PhysicsArguments.NonNegativeFinite(sterileMassMeV, nameof(sterileMassMeV));
        return sterileMassMeV + sterileMassMeV * sterileMassMeV / (2 * nuclearMassMeV);
    }

    /// <summary>Talk eq. 12 in its exact form: the recoil T is reachable by a neutrino of energy E producing ν₄ iff
    /// m₄² ≤ 2E(√(T² + 2MT) − T) − 2MT. The talk prints the T ≪ M limit m₄² ≲ 2MT(√(2/(MT)) E − 1).</summary>
    /// <param name="neutrinoEnergyMeV">E in MeV, ≥ 0.</param>
    /// <param name="recoilEnergyMeV">T in MeV, ≥ 0.</param>
    /// <param name="nuclearMassMeV">M in MeV.</param>
    /// <param name="sterileMassMeV">m₄ in MeV, ≥ 0.</param>
    public static bool IsSterileRecoilAllowed(double neutrinoEnergyMeV, double recoilEnergyMeV, double nuclearMassMeV, double sterileMassMeV)
        => neutrinoEnergyMeV >= SterileMinNeutrinoEnergyMeV(recoilEnergyMeV, nuclearMassMeV, sterileMassMeV);

    /// <summary>The recoil range [T₋, T₊] open to ν + N → ν₄ + N at neutrino energy E: the roots of
    /// (M² + 2ME)T² − [2ME² − (M + E)m₄²]T + m₄⁴/4 = 0. Returns false (and zeros) below threshold.</summary>
    /// <param name="neutrinoEnergyMeV">E in MeV, finite and ≥ 0.</param>
    /// <param name="nuclearMassMeV">M in MeV.</param>
    /// <param name="sterileMassMeV">m₄ in MeV, ≥ 0.</param>
    /// <param name="minRecoilMeV">T₋ in MeV.</param>
    /// <param name="maxRecoilMeV">T₊ in MeV.</param>
    public static bool SterileRecoilRange(double neutrinoEnergyMeV, double nuclearMassMeV, double sterileMassMeV,
        out double minRecoilMeV, out double maxRecoilMeV)
    {
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        PhysicsArguments.NonNegativeFinite(sterileMassMeV, nameof(sterileMassMeV));
        double e = neutrinoEnergyMeV, m = nuclearMassMeV, m2 = sterileMassMeV * sterileMassMeV;
        double a = m * m + 2 * m * e;
        double b = 2 * m * e * e - (m + e) * m2;
        double c = m2 * m2 / 4;
        double disc = b * b - 4 * a * c;
        if (e <= 0 || b <= 0 || disc < 0)
        {
            minRecoilMeV = maxRecoilMeV = 0;
            return false;
        }
        double sq = Math.Sqrt(disc);
        maxRecoilMeV = (b + sq) / (2 * a);
        // Vieta form for the small root avoids cancellation.
        minRecoilMeV = maxRecoilMeV > 0 ? c / (a * maxRecoilMeV) : 0;
        return true;
    }
}
