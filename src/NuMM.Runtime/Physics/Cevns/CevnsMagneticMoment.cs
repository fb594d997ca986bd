using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Runtime.Physics.Cevns;

/// <summary>CEvNS through an active-neutrino magnetic moment μ_ν, talk eq. 10 (Vogel &amp; Engel, Phys. Rev. D 39, 3378
/// (1989) for a point charge; coherent on Z protons with the charge form factor, Giunti &amp; Studenikin, Rev. Mod. Phys. 87,
/// 531 (2015), sec. VI):
/// <code>dσ/dT = (π α²/m_e²) (μ_ν/μ_B)² Z² F²(q) (1/T − 1/E),   0 &lt; T ≤ T_max(E).</code>
/// Helicity-flipping, so it adds to the SM term without interference. A spin-0 nucleus treated exactly adds
/// +T/(4E²) inside the bracket, a relative correction ≤ T²/(4E²) ≤ (E/M)² that eq. 10 (and this class) neglects.
/// The form factor is the Helm form factor of the nucleus (charge and weak distributions are not distinguished).</summary>
public sealed class CevnsActiveMagneticMoment : IBatchDifferentialCrossSection, IInverseEnergyExpansion
{
    private readonly double _massMeV;
    private readonly double _prefactorCm2;   // π α² (μ/μ_B)² Z² / m_e² · (ħc)², in cm²

    /// <summary>Creates the magnetic-moment term.</summary>
    /// <param name="nucleus">Target nucleus.</param>
    /// <param name="magneticMomentBohr">Effective magnetic moment |μ_ν| in Bohr magnetons, finite and ≥ 0.</param>
    /// <param name="formFactor">Form factor; default the Lewin–Smith Helm form factor.</param>
    public CevnsActiveMagneticMoment(Nucleus nucleus, double magneticMomentBohr, INuclearFormFactor? formFactor = null)
    {
        ArgumentNullException.ThrowIfNull(nucleus);
        PhysicsArguments.NonNegativeFinite(magneticMomentBohr, nameof(magneticMomentBohr));
        Nucleus = nucleus;
        MagneticMomentBohr = magneticMomentBohr;
        FormFactor = formFactor ?? HelmFormFactor.LewinSmith(nucleus);
        _massMeV = nucleus.NuclearMassMeV;
        _prefactorCm2 = CoherentMagneticPrefactorCm2(magneticMomentBohr, nucleus.ProtonNumber);
    }

    // π α² (μ/μ_B)² Z² / m_e² · (ħc)²: the ν–e magnetic prefactor, coherent on the Z protons of the nucleus.
    internal static double CoherentMagneticPrefactorCm2(double momentBohr, double protonNumber) =>
        NeutrinoElectronCrossSection.MagneticPrefactorCm2 * momentBohr * momentBohr * protonNumber * protonNumber;

    /// <summary>Target nucleus.</summary>
    public Nucleus Nucleus { get; }

    /// <summary>|μ_ν| in Bohr magnetons.</summary>
    public double MagneticMomentBohr { get; }

    /// <summary>Form factor used.</summary>
    public INuclearFormFactor FormFactor { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">T ≤ 0 (the 1/T pole), or a negative or non-finite energy.</exception>
    public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        PhysicsArguments.PositiveFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double e = neutrinoEnergyMeV, t = recoilEnergyMeV;
        if (e == 0 || t > CevnsKinematics.MaxRecoilEnergyMeV(e, _massMeV)) return 0;
        double f = FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * t));
        return _prefactorCm2 * f * f * (1 / t - 1 / e);
    }

    /// <inheritdoc/>
    public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV) => CevnsKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV, _massMeV);

    /// <inheritdoc/>
    public double MinNeutrinoEnergyMeV(double recoilEnergyMeV) => CevnsKinematics.MinNeutrinoEnergyMeV(recoilEnergyMeV, _massMeV);

    /// <inheritdoc/>
    public void DSigmaDTOverNeutrinoEnergies(double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination)
    {
        PhysicsArguments.PositiveFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        PhysicsArguments.AllNonNegativeFinite(neutrinoEnergiesMeV, nameof(neutrinoEnergiesMeV));
        PhysicsArguments.SameLength(neutrinoEnergiesMeV.Length, destination.Length, nameof(destination));
        double t = recoilEnergyMeV;
        double f = FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * t));
        PhysicsArguments.ScaledQuadraticInInverse(neutrinoEnergiesMeV, 1 / t, -1, 0, _prefactorCm2 * f * f, destination);
        PhysicsArguments.ZeroBelow(neutrinoEnergiesMeV, MinNeutrinoEnergyMeV(t), destination);
    }

    /// <inheritdoc/>
    public void InverseEnergyCoefficients(double recoilEnergyMeV, out double scale, out double c0, out double c1, out double c2)
    {
        PhysicsArguments.PositiveFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double f = FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * recoilEnergyMeV));
        scale = _prefactorCm2 * f * f;
        c0 = 1 / recoilEnergyMeV;
        c1 = -1;
        c2 = 0;
    }
}

/// <summary>CEvNS up-scattering ν_ℓ + N → ν₄ + N through a transition magnetic moment μ_{ν_ℓ4} (dipole portal to a
/// sterile neutrino of mass m₄): Brdar, Greljo, Kopp &amp; Opferkuch, JCAP 01 (2021) 039, the coherent nuclear
/// cross section; talk eq. 11 with d² = πα/m_e² |μ/μ_B|² (talk eq. 9):
/// <code>dσ/dT = (π α²/m_e²) (μ/μ_B)² Z² F² [ 1/T − 1/E − m₄²/(2E M T) (1 + (M − T)/(2E)) + m₄⁴ (T − M)/(8E² M² T²) ],</code>
/// non-zero only where ν₄ production is kinematically open, E ≥ E_min(T) of eq. 13 (<see cref="CevnsKinematics.SterileMinNeutrinoEnergyMeV"/>).
/// <para>Misprint in talk eq. 11: the m₄² term is printed as −m₄²/(2EMT)·(1 − (M − T)/(2E)). The sign in front of
/// (M − T)/(2E) must be +. Reasons: (i) Brdar et al. give (1 − T/(2E) + M/(2E)); (ii) an independent derivation
/// (spin-summed trace of ū₄ σ^{μν}q_ν P_L u_ν with a scalar nuclear current (p + p′)^μ, photon propagator 1/q⁴)
/// gives −m₄²/(2EMT)·(1 + M/(2E) − T/(4E)) and −m₄⁴/(8E²MT²), i.e. the same leading terms; the T-suppressed
/// differences, O(T/E) relative, come from the spin of the nuclear current and are far below the form-factor
/// uncertainty. With the printed sign the m₄² correction, dominated by M/(2E) ≫ 1, would have the wrong sign and
/// the suppression of the rate by m₄ shown in the talk's figures could not occur. The unit tests compare with the
/// trace formula. The m₄⁴ term of eq. 11, −m₄⁴(M − T)/(8E²M²T²), is correct as printed.</para>
/// <para>Eq. 12 (m₄² ≲ 2MT(√(2/(MT)) E − 1)) is the T ≪ M limit of the exact condition used here; eq. 13 is exact.
/// The bracket is clamped at 0 (it is positive throughout the physical region for E ≪ M).</para></summary>
public sealed class CevnsSterileDipole : IBatchDifferentialCrossSection, IInverseEnergyExpansion
{
    private readonly double _massMeV;
    private readonly double _prefactorCm2;

    /// <summary>Creates the sterile dipole-portal term.</summary>
    /// <param name="nucleus">Target nucleus.</param>
    /// <param name="transitionMomentBohr">|μ_{ν_ℓ4}| in Bohr magnetons, finite and ≥ 0.</param>
    /// <param name="sterileMassMeV">m₄ in MeV, finite and ≥ 0.</param>
    /// <param name="formFactor">Form factor; default the Lewin–Smith Helm form factor.</param>
    public CevnsSterileDipole(Nucleus nucleus, double transitionMomentBohr, double sterileMassMeV, INuclearFormFactor? formFactor = null)
    {
        ArgumentNullException.ThrowIfNull(nucleus);
        PhysicsArguments.NonNegativeFinite(transitionMomentBohr, nameof(transitionMomentBohr));
        PhysicsArguments.NonNegativeFinite(sterileMassMeV, nameof(sterileMassMeV));
        Nucleus = nucleus;
        TransitionMomentBohr = transitionMomentBohr;
        SterileMassMeV = sterileMassMeV;
        FormFactor = formFactor ?? HelmFormFactor.LewinSmith(nucleus);
        _massMeV = nucleus.NuclearMassMeV;
        _prefactorCm2 = CevnsActiveMagneticMoment.CoherentMagneticPrefactorCm2(transitionMomentBohr, nucleus.ProtonNumber);
    }

    /// <summary>Target nucleus.</summary>
    public Nucleus Nucleus { get; }

    /// <summary>|μ_{ν_ℓ4}| in Bohr magnetons.</summary>
    public double TransitionMomentBohr { get; }

    /// <summary>m₄ in MeV.</summary>
    public double SterileMassMeV { get; }

    /// <summary>Form factor used.</summary>
    public INuclearFormFactor FormFactor { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">T ≤ 0, or a negative or non-finite energy.</exception>
    public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        PhysicsArguments.PositiveFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double e = neutrinoEnergyMeV, t = recoilEnergyMeV;
        if (e == 0 || e < MinNeutrinoEnergyMeV(t)) return 0;
        Coefficients(t, out double c0, out double c1, out double c2);
        double u = 1 / e;
        double bracket = c0 + u * (c1 + u * c2);
        if (bracket <= 0) return 0;
        double f = FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * t));
        return _prefactorCm2 * f * f * bracket;
    }

    /// <inheritdoc/>
    public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV)
        => CevnsKinematics.SterileRecoilRange(neutrinoEnergyMeV, _massMeV, SterileMassMeV, out _, out double max) ? max : 0;

    /// <inheritdoc/>
    public double MinNeutrinoEnergyMeV(double recoilEnergyMeV)
        => CevnsKinematics.SterileMinNeutrinoEnergyMeV(recoilEnergyMeV, _massMeV, SterileMassMeV);

    /// <inheritdoc/>
    public void DSigmaDTOverNeutrinoEnergies(double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination)
    {
        PhysicsArguments.PositiveFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        PhysicsArguments.AllNonNegativeFinite(neutrinoEnergiesMeV, nameof(neutrinoEnergiesMeV));
        PhysicsArguments.SameLength(neutrinoEnergiesMeV.Length, destination.Length, nameof(destination));
        double t = recoilEnergyMeV;
        Coefficients(t, out double c0, out double c1, out double c2);
        double f = FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * t));
        PhysicsArguments.ScaledQuadraticInInverse(neutrinoEnergiesMeV, c0, c1, c2, _prefactorCm2 * f * f, destination);
        PhysicsArguments.ZeroBelow(neutrinoEnergiesMeV, MinNeutrinoEnergyMeV(t), destination);
    }

    /// <inheritdoc/>
    public void InverseEnergyCoefficients(double recoilEnergyMeV, out double scale, out double c0, out double c1, out double c2)
    {
        PhysicsArguments.PositiveFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double f = FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * recoilEnergyMeV));
        scale = _prefactorCm2 * f * f;
        Coefficients(recoilEnergyMeV, out c0, out c1, out c2);
    }

    /// <summary>The bracket as c0 + c1/E + c2/E².</summary>
    private void Coefficients(double t, out double c0, out double c1, out double c2)
    {
        double m = _massMeV, m2 = SterileMassMeV * SterileMassMeV;
        c0 = 1 / t;
        c1 = -1 - m2 / (2 * m * t);
        c2 = -m2 * (m - t) / (4 * m * t) + m2 * m2 * (t - m) / (8 * m * m * t * t);
    }
}
