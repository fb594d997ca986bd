using NuMM.Runtime.Physics.ElectronScattering;
using X = NuMM.Runtime.Physics.ElectronScattering.NeutrinoElectronCrossSection;

namespace NuMM.Physics.Tests.ElectronScattering;

/// <summary>The technote's eqs. 32–38 typed in as printed (seed 000, section 2.3.2), compared with the code: the
/// ones the code documents as correct must agree, the misprinted eq. 37 must not.</summary>
public class TechnoteEquationTests
{
    private const double Me = Reference.MeMeV;
    private static double G2 => Reference.Gf * Reference.Gf * Reference.HbarC2;
    private static double A2 => Reference.Alpha * Reference.Alpha * Reference.HbarC2;

    [Fact]
    public void Eq32_AsPrinted_EqualsCosThetaForm()
    {
        var (gv, ga) = Reference.Couplings("numu");
        double e = 1500, c = 0.9993, c2 = c * c, d = (e + Me) * (e + Me) - e * e * c2;
        double printed = 2 * G2 * e * e * Me * Me * c * (e + Me) * (e + Me) / (Math.PI * d * d)
            * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * Math.Pow(1 - 2 * Me * e * c2 / d, 2) + (ga * ga - gv * gv) * 2 * Me * Me * c2 / d);
        Reference.Close(printed, X.StandardModelDSigmaDCosTheta(NeutrinoSpecies.MuonNeutrino, e, c), 1e-10);
    }

    [Fact]
    public void Eq33_AsPrintedWithTypoFixed_EqualsSmallAngleForm()
    {
        var (gv, ga) = Reference.Couplings("nue");
        double e = 2500, th2 = 3e-4, s = th2 + 2 * Me / e;
        double printed = G2 * Me * Me / (Math.PI * s * s)
            * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * Math.Pow(th2 / s, 2) + (ga * ga - gv * gv) * 2 * Me * Me / (e * e * s));
        Reference.Close(printed, X.StandardModelDSigmaDThetaSquaredSmallAngle(NeutrinoSpecies.ElectronNeutrino, e, th2), 1e-12);
    }

    [Fact]
    public void Eq34_AsPrinted_EqualsTThetaSquaredForm()
    {
        var (gv, ga) = Reference.Couplings("numubar");
        double e = 900, u = 0.4, x = u / (2 * Me);
        double printed = G2 * e / (4 * Math.PI) * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * x * x + (ga * ga - gv * gv) * Me / e * (1 - x));
        Reference.Close(printed, X.StandardModelDSigmaDTThetaSquaredSmallAngle(NeutrinoSpecies.MuonAntineutrino, e, u), 1e-12);
    }

    [Fact]
    public void Eq36_AsPrinted_EqualsMagneticCosThetaForm()
    {
        double e = 1500, c = 0.98, c2 = c * c, mu = 1e-10, d = (e + Me) * (e + Me) - e * e * c2;
        double printed = 2 * Math.PI * A2 * (e + Me) * (e + Me) / (Me * Me * c) * (d - 2 * Me * e * c2) / (d * d) * mu * mu;
        Reference.Close(printed, X.MagneticMomentDSigmaDCosTheta(e, c, mu), 1e-10);
    }

    [Fact]
    public void Eq37_AsPrinted_DisagreesWithTheJacobian_CorrectedFormAgrees()
    {
        double e = 1500, th2 = 2e-3, mu = 1e-10, s = th2 + 2 * Me / e;
        double printed = Math.PI * A2 / (Me * Me) * th2 / s * mu * mu;
        double corrected = Math.PI * A2 / (Me * Me) * th2 / (s * s) * mu * mu;
        double code = X.MagneticMomentDSigmaDThetaSquaredSmallAngle(e, th2, mu);
        Reference.Close(corrected, code, 1e-12);
        Assert.True(Math.Abs(printed / code - 1) > 0.5);
        // The corrected form is eq. 35 times |dT/dθ²| = 2m_e/s² at T = 2m_e/s (small-angle map), computed here:
        double t = 2 * Me / s;
        Reference.Close(Reference.MagDSigmaDT(e, t, mu) * 2 * Me / (s * s), code, 1e-10);
    }

    [Fact]
    public void Eq38_AsPrinted_EqualsMagneticTThetaSquaredForm()
    {
        double e = 900, u = 0.7, mu = 1e-10;
        double printed = Math.PI * A2 / (4 * Math.Pow(Me, 4)) * u / (1 - u / (2 * Me)) * mu * mu;
        Reference.Close(printed, X.MagneticMomentDSigmaDTThetaSquaredSmallAngle(e, u, mu), 1e-12);
    }

    [Fact]
    public void Crossover_TinyMoment_IsZero()
        => Assert.Equal(0.0, X.CrossoverRecoilEnergyMeV(NeutrinoSpecies.MuonNeutrino, 1000, 1e-160));
}
