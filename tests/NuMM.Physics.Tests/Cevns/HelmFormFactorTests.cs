using NuMM.Runtime.Physics.Cevns;

namespace NuMM.Physics.Tests.Cevns;

public class HelmFormFactorTests
{
    private const double HbarC = 197.3269804;   // MeV fm, PDG 2024

    /// <summary>Helm form factor written out here (Helm 1956; Lewin & Smith 1996 parameters s = 0.9 fm,
    /// R² = c² + 7/3 π² a² − 5 s², c = 1.23 A^{1/3} − 0.60 fm, a = 0.52 fm), q in MeV.</summary>
    internal static double Helm(double qMeV, int a)
    {
        double c = 1.23 * Math.Pow(a, 1.0 / 3.0) - 0.60, s = 0.9, d = 0.52;
        double r = Math.Sqrt(c * c + 7.0 / 3.0 * Math.PI * Math.PI * d * d - 5 * s * s);
        double q = qMeV / HbarC, x = q * r;
        double j1 = Math.Sin(x) / (x * x) - Math.Cos(x) / x;
        return 3 * j1 / x * Math.Exp(-q * q * s * s / 2);
    }

    [Theory]
    [InlineData(74, 10.0)]
    [InlineData(74, 50.0)]
    [InlineData(133, 80.0)]
    [InlineData(40, 120.0)]
    [InlineData(131, 200.0)]
    public void Evaluate_LewinSmith_MatchesClosedForm(int massNumber, double qMeV)
    {
        var ff = HelmFormFactor.LewinSmith(massNumber);
        Assert.Equal(Helm(qMeV, massNumber), ff.Evaluate(qMeV), 12);
    }

    [Fact]
    public void Evaluate_SmallMomentum_FollowsRmsRadius()
    {
        // F(q) = 1 − q²⟨r²⟩/6 + O(q⁴) with ⟨r²⟩ = 3R²/5 + 3s² for the Helm density.
        var ff = HelmFormFactor.LewinSmith(74);
        double r2 = 0.6 * ff.RadiusFm * ff.RadiusFm + 3 * 0.81;
        double q = 0.5;                                  // MeV
        double qfm = q / HbarC;
        Assert.Equal(1 - qfm * qfm * r2 / 6, ff.Evaluate(q), 9);   // O(q⁴) ~ 1e-10 here
        Assert.Equal(1.0, ff.Evaluate(0), 15);
        // Across the series/closed-form switch (x = 0.1) the value is continuous to rounding.
        double qSwitch = 0.1 / ff.RadiusFm * HbarC;
        Assert.Equal(ff.Evaluate(qSwitch * (1 - 1e-9)), ff.Evaluate(qSwitch * (1 + 1e-9)), 10);   // slope × 2e-9 ≈ 5e-12
    }

    [Fact]
    public void Evaluate_FirstZeroOfJ1_IsZero()
    {
        // j₁(x) = 0 first at x = 4.493409457909064 (first positive root of tan x = x).
        var ff = HelmFormFactor.LewinSmith(133);
        double q = 4.493409457909064 / ff.RadiusFm * HbarC;
        Assert.True(Math.Abs(ff.Evaluate(q)) < 1e-12);
    }

    [Fact]
    public void LewinSmith_GermaniumRadius_MatchesFormula()
    {
        double c = 1.23 * Math.Pow(74, 1.0 / 3.0) - 0.60;
        double expected = Math.Sqrt(c * c + 7.0 / 3.0 * Math.PI * Math.PI * 0.52 * 0.52 - 5 * 0.81);
        Assert.Equal(expected, HelmFormFactor.LewinSmith(74).RadiusFm, 12);
        Assert.Equal(0.9, HelmFormFactor.LewinSmith(74).SkinFm);
        Assert.Throws<ArgumentOutOfRangeException>(() => HelmFormFactor.LewinSmith(74).Evaluate(-1));
    }
}
