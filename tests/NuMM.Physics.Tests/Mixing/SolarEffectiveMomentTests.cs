using System.Numerics;
using NuMM.Runtime.Physics.Mixing;

namespace NuMM.Physics.Tests.Mixing;

/// <summary>Reproduces the Borexino conversions of μ_eff &lt; 2.8×10⁻¹¹ μ_B (90% C.L.; O. Smirnov for Borexino, Solvay
/// workshop 2017, seed 003; Borexino, Phys. Rev. D 96, 091103 (2017)) into flavour and mass-basis limits.
/// Inputs as the talk names them: P(862 keV) = 0.55 and "PDG-16" mixing. PDG 2016 values: sin²θ₁₂ = 0.304,
/// sin²θ₁₃ = 0.0219 (as quoted by pdgLive for analyses that fixed them to PDG 2016, e.g. Super-K ABE 2018B), and
/// sin²θ₂₃ = 0.51 (normal ordering) / 0.50 (inverted ordering) (PDG 2016 summary table; not re-verified here).</summary>
public class SolarEffectiveMomentTests
{
    private const double MuEffLimit = 2.8;   // ×10⁻¹¹ μ_B
    private const double S12 = 0.304, S13 = 0.0219;
    private const double S23Normal = 0.51, S23Inverted = 0.50;

    [Fact]
    public void FlavourLimits_Borexino_ReproduceTalkWithinRounding()
    {
        // The flavour numbers come out when P(862) = 0.55 is the two-flavour P^{2ν} and P^{3ν} = s13⁴ + c13⁴ P^{2ν}
        // (= 0.5267); with the "unfortunate" (conservative) choice of mass ordering for θ23.
        double p3 = SolarEffectiveMoment.ThreeFlavourSurvivalProbability(0.55, S13);
        Assert.Equal(Math.Pow(S13, 2) + Math.Pow(1 - S13, 2) * 0.55, p3, 14);
        var lim = SolarEffectiveMoment.ConservativeFlavourLimits(MuEffLimit, p3, new[] { S23Normal, S23Inverted });
        Assert.Equal(3.9, Math.Round(lim.Electron, 1), 10);   // talk: μ_νe < 3.9
        Assert.Equal(5.8, Math.Round(lim.Muon, 1), 10);       // talk: μ_νμ < 5.8
        Assert.Equal(5.8, Math.Round(lim.Tau, 1), 10);        // talk: μ_ντ < 5.8
        // Independent arithmetic: M/√P, M/√((1−P)c23²), M/√((1−P)s23²).
        Assert.Equal(MuEffLimit / Math.Sqrt(p3), lim.Electron, 12);
        Assert.Equal(MuEffLimit / Math.Sqrt((1 - p3) * (1 - S23Normal)), lim.Muon, 12);
        Assert.Equal(MuEffLimit / Math.Sqrt((1 - p3) * S23Inverted), lim.Tau, 12);
    }

    [Fact]
    public void MassBasisLimits_Borexino_ReproduceTalk()
    {
        // The mass-basis numbers come out when P(862) = 0.55 is the three-flavour survival probability (as the talk's
        // text defines P^{3ν}): P^{2ν} = (0.55 − s13⁴)/c13⁴ = 0.5744, P^{2ν}_{e1} = (P^{2ν} − s12²)/(1 − 2 s12²).
        double p2 = SolarEffectiveMoment.TwoFlavourSurvivalProbability(0.55, S13);
        Assert.Equal((0.55 - S13 * S13) / Math.Pow(1 - S13, 2), p2, 14);
        var p = SolarEffectiveMoment.MassStateProbabilities(p2, S12, S13);
        double pe1 = (1 - S13) * (p2 - S12) / (1 - 2 * S12);
        Assert.Equal(pe1, p.Pe1, 14);
        Assert.Equal(1.0, p.Pe1 + p.Pe2 + p.Pe3, 14);

        var dirac = SolarEffectiveMoment.DiracDiagonalLimits(MuEffLimit, p);
        Assert.Equal(3.4, Math.Round(dirac.First, 1), 10);    // talk: |μ11| ≤ 3.4
        Assert.Equal(5.1, Math.Round(dirac.Second, 1), 10);   // talk: |μ22| ≤ 5.1
        // talk: |μ33| ≤ 18.7. With P_e3 = sin²θ13 = 0.0219 the formula gives 2.8/√0.0219 = 18.9; 18.7 needs
        // sin²θ13 = 0.0224. The 1 % difference is in the talk's inputs (not stated), not in the formula.
        Assert.Equal(MuEffLimit / Math.Sqrt(S13), dirac.Third, 12);
        Assert.InRange(dirac.Third / 18.7, 1.0, 1.015);

        var majorana = SolarEffectiveMoment.MajoranaTransitionLimits(MuEffLimit, p);
        Assert.Equal(2.8, Math.Round(majorana.First, 1), 10);  // talk: |μ12| ≤ 2.8
        Assert.Equal(3.4, Math.Round(majorana.Second, 1), 10); // talk: |μ13| ≤ 3.4
        // talk: |μ23| ≤ 5.0; the same inputs give 4.91 (same sin²θ13 offset as μ33).
        Assert.InRange(majorana.Third, 4.85, 5.05);
    }

    [Fact]
    public void SpecialForms_EqualGeneralIncoherentForm()
    {
        var p = SolarEffectiveMoment.MassStateProbabilities(0.57, S12, S13);
        var dirac = ComplexMatrix3.Diagonal(1.5, -2.0, 0.7);
        Assert.Equal(SolarEffectiveMoment.DiracDiagonalSquared(p, 1.5, -2.0, 0.7), SolarEffectiveMoment.IncoherentSquared(p, dirac, ComplexMatrix3.Zero), 13);

        // Majorana: hermitian and antisymmetric ⇒ purely imaginary off-diagonal entries.
        double a = 0.9, b = 1.7, c = 0.4;
        var i = Complex.ImaginaryOne;
        var maj = new ComplexMatrix3(new Complex[,] { { 0, i * a, i * b }, { -i * a, 0, i * c }, { -i * b, -i * c, 0 } });
        Assert.Equal(SolarEffectiveMoment.MajoranaTransitionSquared(p, a, b, c), SolarEffectiveMoment.IncoherentSquared(p, maj, ComplexMatrix3.Zero), 13);
    }

    [Fact]
    public void Limits_InvertTheForms()
    {
        // A moment at its limit saturates μ_eff.
        var p = SolarEffectiveMoment.MassStateProbabilities(0.57, S12, S13);
        var l = SolarEffectiveMoment.DiracDiagonalLimits(2.8, p);
        Assert.Equal(2.8 * 2.8, SolarEffectiveMoment.DiracDiagonalSquared(p, 0, l.Second, 0), 12);
        var f = SolarEffectiveMoment.FlavourLimits(2.8, 0.53, 0.5);
        Assert.Equal(2.8 * 2.8, SolarEffectiveMoment.FlavourSquared(0.53, 0.5, 0, 0, f.Tau), 12);
        Assert.Equal(double.PositiveInfinity, SolarEffectiveMoment.SingleMomentLimit(2.8, 0));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("twoFlavourSurvival", Assert.Throws<ArgumentOutOfRangeException>(() => SolarEffectiveMoment.MassStateProbabilities(0.2, S12, S13)).ParamName);
        Assert.Equal("twoFlavourSurvival", Assert.Throws<ArgumentOutOfRangeException>(() => SolarEffectiveMoment.ThreeFlavourSurvivalProbability(double.NaN, S13)).ParamName);
        Assert.Equal("effectiveLimit", Assert.Throws<ArgumentOutOfRangeException>(() => SolarEffectiveMoment.SingleMomentLimit(-1, 0.5)).ParamName);
        Assert.Equal("sinSqTheta12", Assert.Throws<ArgumentOutOfRangeException>(() => SolarEffectiveMoment.MassStateProbabilities(0.55, 0.5, S13)).ParamName);
        Assert.Throws<ArgumentException>(() => SolarEffectiveMoment.ConservativeFlavourLimits(2.8, 0.5, ReadOnlySpan<double>.Empty));
        Assert.Equal("muE", Assert.Throws<ArgumentOutOfRangeException>(() => SolarEffectiveMoment.FlavourSquared(0.5, 0.5, double.PositiveInfinity, 0, 0)).ParamName);
    }
}
