using System;
using System.Numerics;

namespace NuMM.Runtime.Physics.Mixing;

/// <summary>Charged-lepton flavour of a neutrino (row of the PMNS matrix).</summary>
public enum LeptonFlavour
{
    /// <summary>e (row 0).</summary>
    Electron = 0,
    /// <summary>μ (row 1).</summary>
    Muon = 1,
    /// <summary>τ (row 2).</summary>
    Tau = 2,
}

/// <summary>The effective magnetic moment seen in ν–e scattering by a neutrino produced with flavour l, from the
/// magnetic (μ) and electric (ε) dipole-moment matrices in the mass basis, the PMNS matrix U and the oscillation
/// phases (technote eqs. 17–19; Giunti &amp; Studenikin, Rev. Mod. Phys. 87, 531 (2015), section on the effective
/// moment). Moments in Bohr magnetons, results as μ_eff² in μ_B².</summary>
/// <remarks>
/// <para>Neutrinos (eq. 17, correct as printed): μ²_{ν_l}(L, E) = Σ_j |Σ_k U*_{lk} e^{−iΔm²_{kj} L/2E}(μ_{jk} − iε_{jk})|².
/// The j-dependent part of the phase is common to the inner sum and drops out of |…|², so the phase used is
/// e^{−i m_k² L/2E}, with m_k² measured from any reference (only differences matter).</para>
/// <para>Antineutrinos, eq. 18 corrected: the seed keeps (μ_{jk} − iε_{jk}) and only flips the phase. With the
/// antineutrino form factors of eq. 5 (F̄_Ω = −F_Ω* for Ω = M, E) and |ν̄_l⟩ = Σ_k U_{lk}|ν̄_k⟩, the amplitude to
/// the final state ν̄_j is −Σ_k U_{lk} e^{−iφ_k}(μ_{jk} + iε_{jk})*, whose modulus gives
/// μ²_{ν̄_l} = Σ_j |Σ_k U*_{lk} e^{+iΔm²_{kj} L/2E}(μ_{jk} + iε_{jk})|². This is the CP conjugate of eq. 17
/// (U → U*, μ → μ*, ε → ε*), as it must be; the two forms agree when ε = 0 or when [μ, ε] = 0 and U is real.</para>
/// <para>Short baseline (eq. 19): with the phases → 0, μ²_{ν_l} = [U(μ² + ε² − i[μ, ε])U†]_{ll} =
/// [U(μ² + ε²)U† + 2 Im(UμεU†)]_{ll} (the seed's "Σ_i" is a Σ_j and its subscript "ll′" is "ll"), and
/// μ²_{ν̄_l} = [U(μ² + ε² + i[μ, ε])U†]_{ll}: the seed's μ²_ν ≃ μ²_ν̄ holds only when the CP-odd term vanishes.</para>
/// </remarks>
public static class EffectiveMagneticMoment
{
    /// <summary>Phase Δm² L/(2E) per (eV² · km / GeV): 10⁻¹⁸ GeV² × 10³ m / (2 ħc) with ħc in GeV·m (≈ 2.534).</summary>
    public const double PhasePerEv2KmPerGeV = 1e-15 / (2 * PhysicalConstants.HbarCGeVMeter);

    /// <summary>μ²_eff (μ_B²) for flavour <paramref name="flavour"/> after baseline <paramref name="baselineKm"/> (km)
    /// at energy <paramref name="energyGeV"/> (GeV), eq. 17 for neutrinos and the corrected eq. 18 for antineutrinos.</summary>
    /// <param name="flavour">Flavour at production.</param>
    /// <param name="antineutrino">True for an antineutrino beam.</param>
    /// <param name="mixing">PMNS matrix U (unitary).</param>
    /// <param name="magneticMoments">Hermitian magnetic moment matrix μ (μ_B) in the mass basis.</param>
    /// <param name="electricMoments">Hermitian electric moment matrix ε (μ_B) in the mass basis.</param>
    /// <param name="massesSquaredEv2">m₁², m₂², m₃² in eV² (relative to any reference).</param>
    /// <param name="baselineKm">Baseline L in km (≥ 0).</param>
    /// <param name="energyGeV">Neutrino energy E in GeV (&gt; 0).</param>
    /// <exception cref="ArgumentException">Matrices not hermitian or U not unitary, wrong number of masses.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown flavour, L negative or not finite, E not positive or
    /// not finite, a mass not finite.</exception>
    public static double Squared(LeptonFlavour flavour, bool antineutrino, ComplexMatrix3 mixing, ComplexMatrix3 magneticMoments,
        ComplexMatrix3 electricMoments, ReadOnlySpan<double> massesSquaredEv2, double baselineKm, double energyGeV)
    {
        int l = Validate(flavour, mixing, magneticMoments, electricMoments);
        if (massesSquaredEv2.Length != 3)
            throw new ArgumentException($"Expected 3 squared masses, got {massesSquaredEv2.Length}.", nameof(massesSquaredEv2));
        for (int k = 0; k < 3; k++)
            if (!double.IsFinite(massesSquaredEv2[k]))
                throw new ArgumentOutOfRangeException(nameof(massesSquaredEv2), massesSquaredEv2[k], $"massesSquaredEv2[{k}] is not finite.");
        if (!(baselineKm >= 0) || double.IsPositiveInfinity(baselineKm))
            throw new ArgumentOutOfRangeException(nameof(baselineKm), baselineKm, "Baseline (km) must be finite and non-negative.");
        if (!(energyGeV > 0) || double.IsPositiveInfinity(energyGeV))
            throw new ArgumentOutOfRangeException(nameof(energyGeV), energyGeV, "Energy (GeV) must be finite and positive.");

        double sign = antineutrino ? +1 : -1;     // e^{∓ i m_k² L / 2E}
        double epsSign = antineutrino ? +1 : -1;  // μ ∓ iε → ν: μ − iε, ν̄: μ + iε
        Span<Complex> amplitude = stackalloc Complex[3];
        for (int k = 0; k < 3; k++)
        {
            double phase = sign * massesSquaredEv2[k] * baselineKm / energyGeV * PhasePerEv2KmPerGeV;
            amplitude[k] = Complex.Conjugate(mixing[l, k]) * Complex.FromPolarCoordinates(1, phase);
        }
        double sum = 0;
        for (int j = 0; j < 3; j++)
        {
            Complex a = 0;
            for (int k = 0; k < 3; k++)
                a += amplitude[k] * (magneticMoments[j, k] + epsSign * Complex.ImaginaryOne * electricMoments[j, k]);
            sum += a.Real * a.Real + a.Imaginary * a.Imaginary;
        }
        return sum;
    }

    /// <summary>μ²_eff (μ_B²) when oscillations have not developed (Δm² L/2E ≪ 1, e.g. a near detector), eq. 19 in
    /// matrix form: [U(μ² + ε² ∓ i[μ, ε])U†]_{ll}, − for neutrinos and + for antineutrinos. Independent of L and E.</summary>
    /// <exception cref="ArgumentException">Matrices not hermitian or U not unitary.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown flavour.</exception>
    public static double ShortBaselineSquared(LeptonFlavour flavour, bool antineutrino, ComplexMatrix3 mixing,
        ComplexMatrix3 magneticMoments, ComplexMatrix3 electricMoments)
    {
        int l = Validate(flavour, mixing, magneticMoments, electricMoments);
        var mu = magneticMoments;
        var eps = electricMoments;
        var commutator = mu * eps - eps * mu;
        var inner = mu * mu + eps * eps + (antineutrino ? Complex.ImaginaryOne : -Complex.ImaginaryOne) * commutator;
        return (mixing * inner * mixing.Adjoint())[l, l].Real;
    }

    /// <summary>√ of <see cref="Squared"/>: the effective moment in μ_B.</summary>
    /// <exception cref="ArgumentException">As <see cref="Squared"/>.</exception>
    public static double Moment(LeptonFlavour flavour, bool antineutrino, ComplexMatrix3 mixing, ComplexMatrix3 magneticMoments,
        ComplexMatrix3 electricMoments, ReadOnlySpan<double> massesSquaredEv2, double baselineKm, double energyGeV)
        => Math.Sqrt(Squared(flavour, antineutrino, mixing, magneticMoments, electricMoments, massesSquaredEv2, baselineKm, energyGeV));

    private static int Validate(LeptonFlavour flavour, ComplexMatrix3 mixing, ComplexMatrix3 magneticMoments, ComplexMatrix3 electricMoments)
    {
        if ((uint)flavour > 2) throw new ArgumentOutOfRangeException(nameof(flavour), (int)flavour, "Flavour must be Electron, Muon or Tau.");
        ArgumentNullException.ThrowIfNull(mixing);
        ArgumentNullException.ThrowIfNull(magneticMoments);
        ArgumentNullException.ThrowIfNull(electricMoments);
        if (!mixing.IsUnitary(1e-9)) throw new ArgumentException("The mixing matrix is not unitary (U U† ≠ 1 within 1e-9).", nameof(mixing));
        if (!magneticMoments.IsHermitian()) throw new ArgumentException("The magnetic moment matrix is not hermitian.", nameof(magneticMoments));
        if (!electricMoments.IsHermitian()) throw new ArgumentException("The electric moment matrix is not hermitian.", nameof(electricMoments));
        return (int)flavour;
    }
}
