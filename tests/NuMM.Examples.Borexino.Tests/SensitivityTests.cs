using NuMM.Examples.Borexino;

namespace NuMM.Examples.Borexino.Tests;

/// <summary>The Asimov sensitivity fit of the example.</summary>
public class SensitivityTests
{
    private static readonly SolarRecoilSpectrum Spectrum = new();

    [Fact]
    public void ExpectedLimit_FourTimesExposure_HalvesMuSquaredLimit()
    {
        // Asimov data scale with the exposure, so Δχ²(μ²) scales by 4; near the μ² = 0 minimum Δχ² is quadratic in μ²,
        // so the μ² limit halves (μ_eff limit × 1/√2).
        var one = new MagneticMomentSensitivity(Spectrum, AnalysisExposure.BorexinoPhase2).ExpectedLimit();
        var four = new MagneticMomentSensitivity(Spectrum, AnalysisExposure.BorexinoPhase2 with { LiveDays = 4 * 1291.51 }).ExpectedLimit();
        Assert.True(one.Converged && four.Converged);
        Assert.InRange(four.MuSquaredLimit / one.MuSquaredLimit, 0.47, 0.53);
    }

    [Fact]
    public void ExpectedLimit_PpConstraint_TightensLimitAndStaysInBorexinoRange()
    {
        var fit = new MagneticMomentSensitivity(Spectrum, AnalysisExposure.BorexinoPhase2);
        var free = fit.ExpectedLimit();
        var constrained = fit.ExpectedLimit(ppConstraint: 0.1);
        // The talk: the pp rate is anticorrelated with μ, so constraining it tightens the limit (4.0 → 2.6 ×10⁻¹¹ μ_B).
        Assert.True(constrained.MuEffLimitBohr < free.MuEffLimitBohr);
        Assert.InRange(free.MuEffLimitBohr, 2e-11, 8e-11);
    }

    [Fact]
    public void Templates_Magnetic_AreOneOverTShapedAgainstBe7()
    {
        var fit = new MagneticMomentSensitivity(Spectrum, AnalysisExposure.BorexinoPhase2);
        var m = fit.Templates["magnetic"];
        var be = fit.Templates["Be7"];
        // Below the ⁷Be edge the magnetic/⁷Be ratio falls with T: the first bins carry the sensitivity.
        Assert.True(m[0] / be[0] > 2 * m[20] / be[20]);
        Assert.Equal(fit.RecoEdgesMeV.Length - 1, m.Length);
    }
}
