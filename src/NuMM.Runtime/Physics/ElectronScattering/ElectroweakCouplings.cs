using System;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>Effective vector and axial couplings (g_V, g_A) of one neutrino species to the electron, as they
/// enter the ν–e elastic cross section (technote eq. 29). They include the charged-current contribution for
/// ν_e and ν̄_e (after a Fierz rearrangement the W exchange has the same V−A form as the Z exchange) and the
/// g_A → −g_A replacement for antineutrinos.</summary>
/// <param name="Vector">g_V (dimensionless).</param>
/// <param name="Axial">g_A (dimensionless).</param>
/// <remarks>
/// Values (tree level, 't Hooft, Phys. Lett. B 37, 195 (1971); Vogel &amp; Engel, Phys. Rev. D 39, 3378 (1989) eq. 1),
/// with s² = sin²θ_W:
/// <list type="bullet">
/// <item>ν_μ, ν_τ: g_V = −1/2 + 2s², g_A = −1/2 (neutral current only).</item>
/// <item>ν_e: g_V = +1/2 + 2s², g_A = +1/2 (neutral current plus charged current, which adds +1 to both).</item>
/// <item>ν̄_μ, ν̄_τ: g_V = −1/2 + 2s², g_A = +1/2.</item>
/// <item>ν̄_e: g_V = +1/2 + 2s², g_A = −1/2, so that dσ/dT = (G_F² m_e/2π)[(2s²)² + (1 + 2s²)²(1 − T/E)²
/// − ((1/2 + 2s²)² − 1/4) m_e T/E²].</item>
/// </list>
/// Technote eq. 30 prints g_V^{ν_e} = 2 sin²θ_W + 1/2 and g_A^{ν_e} = 1/2, which agrees with the above; eq. 31
/// agrees too. The statement "for antineutrinos g_A → −g_A" applies to the total (NC + CC) couplings, which is
/// what <see cref="ForSpecies(NeutrinoSpecies, double, double, double)"/> does.
/// </remarks>
public readonly record struct ElectroweakCouplings(double Vector, double Axial)
{
    /// <summary>(g_V + g_A)²: the coefficient of the flat term of dσ/dT.</summary>
    public double LeftSquared => (Vector + Axial) * (Vector + Axial);

    /// <summary>(g_V − g_A)²: the coefficient of the (1 − T/E)² term of dσ/dT.</summary>
    public double RightSquared => (Vector - Axial) * (Vector - Axial);

    /// <summary>g_V² − g_A²: the coefficient of the −m_e T/E² term of dσ/dT.</summary>
    public double Interference => Vector * Vector - Axial * Axial;

    /// <summary>Tree-level couplings of <paramref name="species"/> with weak mixing angle
    /// <paramref name="sinSqThetaW"/> (dimensionless, in (0, 1)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, or sin²θ_W not finite or outside (0, 1).</exception>
    public static ElectroweakCouplings ForSpecies(NeutrinoSpecies species, double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
        => ForSpecies(species, sinSqThetaW, rho: 1.0, kappa: 1.0);

    /// <summary>Couplings with the leading electroweak radiative corrections absorbed into the neutral-current
    /// normalisation ρ and the mixing-angle factor κ: g_V^NC = ρ(−1/2 + 2κ s²), g_A^NC = −ρ/2, with the
    /// charged-current +1 added to both for ν_e and ν̄_e and g_A → −g_A for antineutrinos (Sarantakos, Sirlin
    /// &amp; Marciano, Nucl. Phys. B 217, 84 (1983); Marciano &amp; Parsa, J. Phys. G 29, 2629 (2003)). ρ = κ = 1 gives
    /// the tree level. Use it to build the "corrected constants" of a radiative-correction weight.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species, or an argument not finite or out of range.</exception>
    public static ElectroweakCouplings ForSpecies(NeutrinoSpecies species, double sinSqThetaW, double rho, double kappa)
    {
        NeutrinoSpeciesExtensions.Validate(species, nameof(species));
        if (!double.IsFinite(sinSqThetaW) || sinSqThetaW <= 0 || sinSqThetaW >= 1)
            throw new ArgumentOutOfRangeException(nameof(sinSqThetaW), sinSqThetaW, "sin²θ_W must be finite and in (0, 1).");
        if (!double.IsFinite(rho) || rho <= 0)
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be finite and positive.");
        if (!double.IsFinite(kappa) || kappa <= 0)
            throw new ArgumentOutOfRangeException(nameof(kappa), kappa, "κ must be finite and positive.");

        double gv = rho * (-0.5 + 2.0 * kappa * sinSqThetaW);
        double ga = -0.5 * rho;
        if (species.HasChargedCurrentOnElectrons())
        {
            gv += 1.0;
            ga += 1.0;
        }
        if (species.IsAntineutrino()) ga = -ga;
        return new ElectroweakCouplings(gv, ga);
    }
}
