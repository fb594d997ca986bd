using NuMM.Runtime.Physics.ElectronScattering;
using K = NuMM.Runtime.Physics.ElectronScattering.ElectronScatteringKinematics;

namespace NuMM.Physics.Tests.ElectronScattering;

public class KinematicsTests
{
    private const double Me = Reference.MeMeV;

    [Theory]
    [InlineData(0.862)]
    [InlineData(10.0)]
    [InlineData(2000.0)]
    public void MaxRecoilEnergy_AnyEnergy_MatchesEq26(double e)
    {
        // Technote eq. 26: T_max = 2E²/(2E + m_e). Cross-check from four-momentum conservation: backward neutrino,
        // E' = E − T and p_e = E + E' (head-on), p_e² = T² + 2 m_e T ⇒ (2E − T)² = T² + 2 m_e T.
        double tMax = K.MaxRecoilEnergyMeV(e);
        Assert.Equal(2 * e * e / (2 * e + Me), tMax, 1e-12 * e);
        Assert.Equal((2 * e - tMax) * (2 * e - tMax), tMax * tMax + 2 * Me * tMax, 1e-9 * e * e);
    }

    [Theory]
    [InlineData(0.862)]
    [InlineData(3000.0)]
    public void MinNeutrinoEnergy_IsInverseOfMaxRecoil(double e)
        => Assert.Equal(e, K.MinNeutrinoEnergyMeV(K.MaxRecoilEnergyMeV(e)), 1e-10 * e);

    [Theory]
    [InlineData(1.0, 0.3)]
    [InlineData(1000.0, 1.0)]
    [InlineData(1000.0, 700.0)]
    [InlineData(5.0, 4.7)]
    public void CosTheta_FromFourMomentumConservation_MatchesEq25(double e, double t)
    {
        // Independent of eq. 25: massless ν along z, electron at rest; |p_ν'| = E − T and p_ν' = p_ν − p_e give
        // (E − T)² = E² + p_e² − 2 E p_e cos θ.
        double pe = Math.Sqrt(t * t + 2 * Me * t);
        double expected = (e * e + pe * pe - (e - t) * (e - t)) / (2 * e * pe);
        Assert.Equal(expected, K.CosThetaFromRecoil(e, t), 1e-12);
    }

    [Fact]
    public void CosTheta_RecoilRoundTrip_AndLimits()
    {
        double e = 750;
        foreach (double t in new[] { 1e-6, 0.1, 5, 300, 700 })
            Assert.Equal(t, K.RecoilFromCosTheta(e, K.CosThetaFromRecoil(e, t)), 1e-9 * t);
        Assert.Equal(1.0, K.CosThetaFromRecoil(e, K.MaxRecoilEnergyMeV(e)), 12);
        Assert.Equal(0.0, K.CosThetaFromRecoil(e, 0), 15);
        Assert.Equal(K.MaxRecoilEnergyMeV(e), K.RecoilFromCosTheta(e, 1.0), 1e-9 * e);
    }

    [Fact]
    public void RecoilJacobian_MatchesFiniteDifference()
    {
        double e = 500, c = 0.9995, h = 1e-7;
        double fd = (K.RecoilFromCosTheta(e, c + h) - K.RecoilFromCosTheta(e, c - h)) / (2 * h);
        Assert.Equal(fd, K.RecoilJacobianCosTheta(e, c), 1e-6 * fd);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(1000.0)]
    [InlineData(5000.0)]
    public void TThetaSquared_ExactKinematics_StaysBelowTwoElectronMasses(double e)
    {
        // Technote eq. 27: T θ² < 2 m_e. Scan the whole recoil range with the exact angle.
        double tMax = K.MaxRecoilEnergyMeV(e);
        for (int i = 1; i <= 20000; i++)
        {
            double t = tMax * i / 20000.0;
            Assert.True(t * K.ThetaSquaredFromRecoil(e, t) < 2 * Me, $"T = {t}");
        }
    }

    [Fact]
    public void SmallAngleForms_AgreeWithExactKinematicsForForwardElectrons()
    {
        // E ≫ m_e, θ ≪ 1: T = 2m_e/(θ² + 2m_e/E) and Tθ² = 2m_e(1 − T/E) to O(m_e/E, θ²).
        double e = 5000, t = 2000;
        double theta2 = K.ThetaSquaredFromRecoil(e, t);
        Assert.Equal(t, K.SmallAngleRecoilFromThetaSquared(e, theta2), 2e-3 * t);
        Assert.Equal(t * theta2, K.SmallAngleTThetaSquared(e, t), 2e-3 * 2 * Me);
        Assert.Equal(2 * Me, K.TThetaSquaredLimitMeV, 14);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void MaxRecoilEnergy_BadEnergy_ThrowsNamingArgument(double e)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => K.MaxRecoilEnergyMeV(e));
        Assert.Equal("neutrinoEnergyMeV", ex.ParamName);
        Assert.Contains("Neutrino energy", ex.Message);
    }

    [Fact]
    public void CosTheta_RecoilAboveLimit_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => K.CosThetaFromRecoil(10, 10));
        Assert.Equal("recoilEnergyMeV", ex.ParamName);
        Assert.Equal(10.0, ex.ActualValue);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void RecoilFromCosTheta_BadCosine_Throws(double c)
        => Assert.Equal("cosTheta", Assert.Throws<ArgumentOutOfRangeException>(() => K.RecoilFromCosTheta(10, c)).ParamName);
}
