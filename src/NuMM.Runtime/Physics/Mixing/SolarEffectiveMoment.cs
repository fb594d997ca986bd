using System;
using System.Numerics;

namespace NuMM.Runtime.Physics.Mixing;

/// <summary>Probabilities P_{ek} (k = 1, 2, 3) that a solar ν_e arrives at the detector as mass state k
/// (an incoherent mixture). They sum to 1.</summary>
/// <param name="Pe1">P_{e1}.</param>
/// <param name="Pe2">P_{e2}.</param>
/// <param name="Pe3">P_{e3}.</param>
public readonly record struct MassStateProbabilities(double Pe1, double Pe2, double Pe3);

/// <summary>Limits on single flavour moments (μ_B) from a limit on the solar effective moment.</summary>
/// <param name="Electron">Limit on μ_{ν_e} with μ_{ν_μ} = μ_{ν_τ} = 0.</param>
/// <param name="Muon">Limit on μ_{ν_μ} alone.</param>
/// <param name="Tau">Limit on μ_{ν_τ} alone.</param>
public readonly record struct FlavourMomentLimits(double Electron, double Muon, double Tau);

/// <summary>Limits on single mass-basis moments (μ_B) from a limit on the solar effective moment: the diagonal
/// Dirac moments |μ₁₁|, |μ₂₂|, |μ₃₃| or the Majorana transition moments |μ₁₂|, |μ₁₃|, |μ₂₃|.</summary>
/// <param name="First">|μ₁₁| (Dirac) or |μ₁₂| (Majorana).</param>
/// <param name="Second">|μ₂₂| (Dirac) or |μ₁₃| (Majorana).</param>
/// <param name="Third">|μ₃₃| (Dirac) or |μ₂₃| (Majorana).</param>
public readonly record struct MassBasisMomentLimits(double First, double Second, double Third);

/// <summary>The effective magnetic moment of solar neutrinos and its inversion into limits on single moments, as
/// in the Borexino analysis (O. Smirnov for Borexino, Solvay workshop 2017; Borexino, Phys. Rev. D 96, 091103
/// (2017)). Moments in μ_B.</summary>
/// <remarks>
/// Solar neutrinos reach the Earth as an incoherent mixture of mass states, so
/// μ²_eff = Σ_k P_{ek} Σ_j |μ_{jk} − iε_{jk}|² (<see cref="IncoherentSquared"/>). Special cases from the talk:
/// Dirac diagonal μ²_eff = P_{e1}μ₁₁² + P_{e2}μ₂₂² + P_{e3}μ₃₃²; Majorana transition
/// μ²_eff = P_{e1}(μ₁₂² + μ₁₃²) + P_{e2}(μ₂₁² + μ₂₃²) + P_{e3}(μ₃₁² + μ₃₂²) with |μ_{jk}| = |μ_{kj}|; flavour form
/// (MSW/LMA) μ²_eff = P^{3ν}μ_e² + (1 − P^{3ν})(cos²θ₂₃ μ_μ² + sin²θ₂₃ μ_τ²) with P^{3ν} = sin⁴θ₁₃ + cos⁴θ₁₃ P^{2ν}.
/// The mass-state probabilities are P_{e1} = cos²θ₁₃ P^{2ν}_{e1}, P_{e2} = cos²θ₁₃ P^{2ν}_{e2}, P_{e3} = sin²θ₁₃
/// (the talk's P^{3ν}_{e3} = sin²θ₁₃ P^{2ν}_{e3} with P^{2ν}_{e3} = 1), and the two-flavour ones follow from
/// P^{2ν}_{ee} = P^{2ν}_{e1}cos²θ₁₂ + P^{2ν}_{e2}sin²θ₁₂ with P^{2ν}_{e1} + P^{2ν}_{e2} = 1. A limit μ_eff &lt; M on a
/// form μ²_eff = Σ c_i μ_i² gives, for one μ_i alone, |μ_i| &lt; M/√c_i (<see cref="SingleMomentLimit"/>).
/// <para>Reading the talk's numbers (checked in the tests): its flavour limits (3.9, 5.8, 5.8 ×10⁻¹¹ μ_B from
/// 2.8) follow when "P(862) = 0.55" is the two-flavour P^{2ν}, so that P^{3ν} = 0.527; its mass-basis limits
/// |μ₁₁| ≤ 3.4 and |μ₂₂| ≤ 5.1 follow when 0.55 is the three-flavour survival probability P^{3ν} (as the talk's
/// text defines it). The two slides therefore use the quoted probability differently. |μ₃₃| ≤ 18.7 needs
/// sin²θ₁₃ = 0.0224; with the PDG 2016 value 0.0219 the formula gives 18.9. These are differences in the talk's
/// inputs, not in the formulas, which is why the probabilities are explicit arguments here.</para>
/// </remarks>
public static class SolarEffectiveMoment
{
    /// <summary>Three-flavour ν_e survival probability P^{3ν} = sin⁴θ₁₃ + cos⁴θ₁₃ P^{2ν}.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability or sin² outside [0, 1] or not finite.</exception>
    public static double ThreeFlavourSurvivalProbability(double twoFlavourSurvival, double sinSqTheta13)
    {
        CheckUnit(twoFlavourSurvival, nameof(twoFlavourSurvival));
        CheckUnit(sinSqTheta13, nameof(sinSqTheta13));
        double c = 1 - sinSqTheta13;
        return sinSqTheta13 * sinSqTheta13 + c * c * twoFlavourSurvival;
    }

    /// <summary>Inverse of <see cref="ThreeFlavourSurvivalProbability"/>: P^{2ν} = (P^{3ν} − sin⁴θ₁₃)/cos⁴θ₁₃.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Inputs outside [0, 1], or a result outside [0, 1].</exception>
    public static double TwoFlavourSurvivalProbability(double threeFlavourSurvival, double sinSqTheta13)
    {
        CheckUnit(threeFlavourSurvival, nameof(threeFlavourSurvival));
        CheckUnit(sinSqTheta13, nameof(sinSqTheta13));
        double c = 1 - sinSqTheta13;
        double p = (threeFlavourSurvival - sinSqTheta13 * sinSqTheta13) / (c * c);
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(threeFlavourSurvival), threeFlavourSurvival,
                $"No two-flavour probability in [0, 1] gives P3ν = {threeFlavourSurvival} with sin²θ13 = {sinSqTheta13}.");
        return p;
    }

    /// <summary>P_{e1}, P_{e2}, P_{e3} from the two-flavour survival probability P^{2ν}_{ee}, sin²θ₁₂ and sin²θ₁₃
    /// (see the class remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Inputs outside [0, 1]; sin²θ₁₂ = 1/2; or P^{2ν}_{ee} outside
    /// [sin²θ₁₂, cos²θ₁₂], which no incoherent mixture of ν₁ and ν₂ can give.</exception>
    public static MassStateProbabilities MassStateProbabilities(double twoFlavourSurvival, double sinSqTheta12, double sinSqTheta13)
    {
        CheckUnit(twoFlavourSurvival, nameof(twoFlavourSurvival));
        CheckUnit(sinSqTheta12, nameof(sinSqTheta12));
        CheckUnit(sinSqTheta13, nameof(sinSqTheta13));
        double cos2 = 1 - 2 * sinSqTheta12;
        if (cos2 == 0)
            throw new ArgumentOutOfRangeException(nameof(sinSqTheta12), sinSqTheta12, "sin²θ12 = 1/2 does not determine the mass-state probabilities.");
        double pe1 = (twoFlavourSurvival - sinSqTheta12) / cos2;
        if (!(pe1 >= -1e-12 && pe1 <= 1 + 1e-12))
            throw new ArgumentOutOfRangeException(nameof(twoFlavourSurvival), twoFlavourSurvival,
                $"P2ν_ee must lie between sin²θ12 = {sinSqTheta12} and cos²θ12 = {1 - sinSqTheta12}.");
        pe1 = Math.Clamp(pe1, 0, 1);
        double c13 = 1 - sinSqTheta13;
        return new MassStateProbabilities(c13 * pe1, c13 * (1 - pe1), sinSqTheta13);
    }

    /// <summary>General incoherent form μ²_eff = Σ_k P_{ek} Σ_j |μ_{jk} − iε_{jk}|² (μ_B²) for hermitian moment
    /// matrices in the mass basis.</summary>
    /// <exception cref="ArgumentException">A matrix not hermitian.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability outside [0, 1].</exception>
    public static double IncoherentSquared(MassStateProbabilities probabilities, ComplexMatrix3 magneticMoments, ComplexMatrix3 electricMoments)
    {
        CheckProbabilities(probabilities);
        ArgumentNullException.ThrowIfNull(magneticMoments);
        ArgumentNullException.ThrowIfNull(electricMoments);
        if (!magneticMoments.IsHermitian()) throw new ArgumentException("The magnetic moment matrix is not hermitian.", nameof(magneticMoments));
        if (!electricMoments.IsHermitian()) throw new ArgumentException("The electric moment matrix is not hermitian.", nameof(electricMoments));
        ReadOnlySpan<double> p = [probabilities.Pe1, probabilities.Pe2, probabilities.Pe3];
        double sum = 0;
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 3; j++)
            {
                Complex a = magneticMoments[j, k] - Complex.ImaginaryOne * electricMoments[j, k];
                sum += p[k] * (a.Real * a.Real + a.Imaginary * a.Imaginary);
            }
        return sum;
    }

    /// <summary>Dirac, diagonal moments only: μ²_eff = P_{e1}μ₁₁² + P_{e2}μ₂₂² + P_{e3}μ₃₃² (μ_B²).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability outside [0, 1] or a moment not finite.</exception>
    public static double DiracDiagonalSquared(MassStateProbabilities probabilities, double mu11, double mu22, double mu33)
    {
        CheckProbabilities(probabilities);
        CheckMoment(mu11, nameof(mu11)); CheckMoment(mu22, nameof(mu22)); CheckMoment(mu33, nameof(mu33));
        return probabilities.Pe1 * mu11 * mu11 + probabilities.Pe2 * mu22 * mu22 + probabilities.Pe3 * mu33 * mu33;
    }

    /// <summary>Majorana transition moments: μ²_eff = P_{e1}(μ₁₂² + μ₁₃²) + P_{e2}(μ₁₂² + μ₂₃²) + P_{e3}(μ₁₃² + μ₂₃²) (μ_B²).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability outside [0, 1] or a moment not finite.</exception>
    public static double MajoranaTransitionSquared(MassStateProbabilities probabilities, double mu12, double mu13, double mu23)
    {
        CheckProbabilities(probabilities);
        CheckMoment(mu12, nameof(mu12)); CheckMoment(mu13, nameof(mu13)); CheckMoment(mu23, nameof(mu23));
        double a = mu12 * mu12, b = mu13 * mu13, c = mu23 * mu23;
        return probabilities.Pe1 * (a + b) + probabilities.Pe2 * (a + c) + probabilities.Pe3 * (b + c);
    }

    /// <summary>Flavour form: μ²_eff = P^{3ν}μ_e² + (1 − P^{3ν})(cos²θ₂₃ μ_μ² + sin²θ₂₃ μ_τ²) (μ_B²).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability or sin² outside [0, 1], or a moment not finite.</exception>
    public static double FlavourSquared(double threeFlavourSurvival, double sinSqTheta23, double muE, double muMu, double muTau)
    {
        CheckUnit(threeFlavourSurvival, nameof(threeFlavourSurvival));
        CheckUnit(sinSqTheta23, nameof(sinSqTheta23));
        CheckMoment(muE, nameof(muE)); CheckMoment(muMu, nameof(muMu)); CheckMoment(muTau, nameof(muTau));
        return threeFlavourSurvival * muE * muE + (1 - threeFlavourSurvival) * ((1 - sinSqTheta23) * muMu * muMu + sinSqTheta23 * muTau * muTau);
    }

    /// <summary>The limit on one moment μ_i when μ²_eff = c μ_i² and μ_eff &lt; <paramref name="effectiveLimit"/>:
    /// M/√c (same units as M). Infinite when c = 0 (no sensitivity).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Limit not finite and positive, coefficient negative or not finite.</exception>
    public static double SingleMomentLimit(double effectiveLimit, double coefficient)
    {
        if (!(effectiveLimit > 0) || double.IsPositiveInfinity(effectiveLimit))
            throw new ArgumentOutOfRangeException(nameof(effectiveLimit), effectiveLimit, "The effective-moment limit must be finite and positive.");
        if (!(coefficient >= 0) || double.IsPositiveInfinity(coefficient))
            throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, "The coefficient must be finite and non-negative.");
        return coefficient == 0 ? double.PositiveInfinity : effectiveLimit / Math.Sqrt(coefficient);
    }

    /// <summary>Limits on μ_{ν_e}, μ_{ν_μ}, μ_{ν_τ} one at a time from μ_eff &lt; M with the flavour form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="FlavourSquared"/> and <see cref="SingleMomentLimit"/>.</exception>
    public static FlavourMomentLimits FlavourLimits(double effectiveLimit, double threeFlavourSurvival, double sinSqTheta23)
    {
        CheckUnit(threeFlavourSurvival, nameof(threeFlavourSurvival));
        CheckUnit(sinSqTheta23, nameof(sinSqTheta23));
        return new FlavourMomentLimits(
            SingleMomentLimit(effectiveLimit, threeFlavourSurvival),
            SingleMomentLimit(effectiveLimit, (1 - threeFlavourSurvival) * (1 - sinSqTheta23)),
            SingleMomentLimit(effectiveLimit, (1 - threeFlavourSurvival) * sinSqTheta23));
    }

    /// <summary>The conservative flavour limits when θ₂₃ is uncertain (e.g. its value depends on the unknown mass
    /// ordering, the talk's "unfortunate choice of mass hierarchy"): for each flavour the weakest limit over the
    /// candidate sin²θ₂₃ values.</summary>
    /// <exception cref="ArgumentException">No candidates.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="FlavourLimits"/>.</exception>
    public static FlavourMomentLimits ConservativeFlavourLimits(double effectiveLimit, double threeFlavourSurvival, ReadOnlySpan<double> sinSqTheta23Candidates)
    {
        if (sinSqTheta23Candidates.IsEmpty) throw new ArgumentException("Give at least one sin²θ23 value.", nameof(sinSqTheta23Candidates));
        double e = 0, m = 0, t = 0;
        foreach (double s in sinSqTheta23Candidates)
        {
            var l = FlavourLimits(effectiveLimit, threeFlavourSurvival, s);
            e = Math.Max(e, l.Electron); m = Math.Max(m, l.Muon); t = Math.Max(t, l.Tau);
        }
        return new FlavourMomentLimits(e, m, t);
    }

    /// <summary>Limits on |μ₁₁|, |μ₂₂|, |μ₃₃| (Dirac, one at a time) from μ_eff &lt; M: M/√P_{ek}.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid probabilities or limit.</exception>
    public static MassBasisMomentLimits DiracDiagonalLimits(double effectiveLimit, MassStateProbabilities probabilities)
    {
        CheckProbabilities(probabilities);
        return new MassBasisMomentLimits(SingleMomentLimit(effectiveLimit, probabilities.Pe1),
            SingleMomentLimit(effectiveLimit, probabilities.Pe2), SingleMomentLimit(effectiveLimit, probabilities.Pe3));
    }

    /// <summary>Limits on |μ₁₂|, |μ₁₃|, |μ₂₃| (Majorana, one at a time) from μ_eff &lt; M: M/√(P_{ej} + P_{ek}).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid probabilities or limit.</exception>
    public static MassBasisMomentLimits MajoranaTransitionLimits(double effectiveLimit, MassStateProbabilities probabilities)
    {
        CheckProbabilities(probabilities);
        return new MassBasisMomentLimits(SingleMomentLimit(effectiveLimit, probabilities.Pe1 + probabilities.Pe2),
            SingleMomentLimit(effectiveLimit, probabilities.Pe1 + probabilities.Pe3), SingleMomentLimit(effectiveLimit, probabilities.Pe2 + probabilities.Pe3));
    }

    private static void CheckProbabilities(MassStateProbabilities p)
    {
        CheckUnit(p.Pe1, "probabilities.Pe1"); CheckUnit(p.Pe2, "probabilities.Pe2"); CheckUnit(p.Pe3, "probabilities.Pe3");
    }

    private static void CheckUnit(double value, string name)
    {
        if (!(value >= 0 && value <= 1)) throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 1].");
    }

    private static void CheckMoment(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, "Moment (μ_B) must be finite.");
    }
}
