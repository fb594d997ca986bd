using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Cevns;

public class CevnsKinematicsTests
{
    private static readonly double M = NuclearTable.GetNucleus("Ge74").NuclearMassMeV;

    [Theory]
    [InlineData(1e-4, 0.5)]
    [InlineData(1e-3, 2.0)]
    [InlineData(5e-3, 10.0)]
    public void SterileMinNeutrinoEnergy_Equation13_ConservesFourMomentum(double t, double m4)
    {
        // At E = E_min(T) the ν₄ goes forward: collinear kinematics written here must give the invariant mass m₄.
        double e = CevnsKinematics.SterileMinNeutrinoEnergyMeV(t, M, m4);
        double pN = Math.Sqrt(t * t + 2 * M * t);
        double e4 = e - t, p4 = e - pN;
        Assert.Equal(m4 * m4, e4 * e4 - p4 * p4, 6);
        // Talk eq. 13 verbatim agrees (to rounding of its cancelling denominator).
        double eq13 = (m4 * m4 + 2 * M * t) / (2 * (Math.Sqrt(t * (t + 2 * M)) - t));
        Assert.Equal(1.0, e / eq13, 9);
    }

    [Fact]
    public void SterileMinNeutrinoEnergy_MinimumOverRecoil_IsThreshold()
    {
        // Talk: E_min decreases with T until it reaches m₄ + m₄²/(2M) (= threshold from s ≥ (M + m₄)²).
        double m4 = 3.0, best = double.PositiveInfinity;
        for (double lt = -8; lt <= -1; lt += 0.0005)
            best = Math.Min(best, CevnsKinematics.SterileMinNeutrinoEnergyMeV(Math.Pow(10, lt), M, m4));
        double threshold = m4 + m4 * m4 / (2 * M);
        Assert.Equal(threshold, CevnsKinematics.SterileThresholdEnergyMeV(M, m4), 12);
        Assert.InRange(best, threshold, threshold * (1 + 1e-6));
    }

    [Fact]
    public void MinNeutrinoEnergy_ZeroSterileMass_EqualsElasticFormula()
    {
        double t = 2e-3;
        double expected = 0.5 * (t + Math.Sqrt(t * t + 2 * M * t));
        Assert.Equal(expected, CevnsKinematics.MinNeutrinoEnergyMeV(t, M), 12);
        Assert.Equal(expected, CevnsKinematics.SterileMinNeutrinoEnergyMeV(t, M, 0), 12);
    }

    [Fact]
    public void SterileRecoilRange_EndPoints_HaveMinimumEnergyEqualToE()
    {
        double e = 12, m4 = 4;
        Assert.True(CevnsKinematics.SterileRecoilRange(e, M, m4, out double lo, out double hi));
        Assert.Equal(e, CevnsKinematics.SterileMinNeutrinoEnergyMeV(lo, M, m4), 6);
        Assert.Equal(e, CevnsKinematics.SterileMinNeutrinoEnergyMeV(hi, M, m4), 6);
        Assert.True(CevnsKinematics.IsSterileRecoilAllowed(e, 0.5 * (lo + hi), M, m4));
        Assert.False(CevnsKinematics.IsSterileRecoilAllowed(e, hi * 1.01, M, m4));
        // Talk eq. 12 (T ≪ M approximation) agrees with the exact condition inside the range.
        double t = 0.5 * (lo + hi);
        Assert.True(m4 * m4 <= 2 * M * t * (Math.Sqrt(2 / (M * t)) * e - 1));
        // Below threshold nothing is open.
        Assert.False(CevnsKinematics.SterileRecoilRange(m4 * 0.99, M, m4, out _, out _));
    }
}
