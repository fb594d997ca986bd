using NuMM.Physics.Tests.ElectronScattering;
using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Reweighting;

namespace NuMM.Physics.Tests.Reweighting;

public class MagneticMomentWeightTests
{
    private const double Me = Reference.MeMeV;

    /// <summary>The ratio of technote eq. 35 to eq. 29 in y, written by hand: dσ/dy = E dσ/dT for both, so
    /// w = (π α²/m_e²) μ² (1/y − 1) / (E (G_F² m_e/2π)[(g_V+g_A)² + (g_V−g_A)²(1−y)² − (g_V²−g_A²) m_e y/E]).</summary>
    private static double HandWeight(string species, double eGeV, double tGeV, double mu)
    {
        var (gv, ga) = Reference.Couplings(species);
        double e = eGeV * 1000, y = tGeV / eGeV;
        double mag = Math.PI * Reference.Alpha * Reference.Alpha / (Me * Me) * mu * mu * (1 / y - 1);
        double sm = e * Reference.Gf * Reference.Gf * Me / (2 * Math.PI)
                    * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * (1 - y) * (1 - y) - (gv * gv - ga * ga) * Me * y / e);
        return mag / sm;
    }

    [Theory]
    [InlineData(NeutrinoSpecies.MuonNeutrino, "numu", 2.0, 0.5)]
    [InlineData(NeutrinoSpecies.MuonAntineutrino, "numubar", 2.0, 0.05)]
    [InlineData(NeutrinoSpecies.ElectronNeutrino, "nue", 0.8, 0.7)]
    [InlineData(NeutrinoSpecies.ElectronAntineutrino, "nuebar", 0.01, 0.001)]
    public void Weight_EqualsCrossSectionRatioByHand(NeutrinoSpecies species, string name, double eGeV, double tGeV)
    {
        double mu = 1.58e-9; // the NOvA-thesis scale of the technote §2.5.1
        Reference.Close(HandWeight(name, eGeV, tGeV, mu), MagneticMomentWeight.Compute(species, eGeV, tGeV, mu), 1e-10);
    }

    [Fact]
    public void Weight_ScalesAsMuSquared_AndIsZeroWithoutMoment()
    {
        double w1 = MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, 3, 0.4, 1e-9);
        Reference.Close(9 * w1, MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, 3, 0.4, 3e-9), 1e-13);
        Assert.Equal(0.0, MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, 3, 0.4, 0));
    }

    [Fact]
    public void Weight_WithReferenceCrossSection_DividesMagneticDSigmaDy()
    {
        double eGeV = 2.5, tGeV = 0.6, mu = 2e-9, reference = 3.3e-42;
        double magDy = Math.PI * Reference.Alpha * Reference.Alpha / (Me * Me) * Reference.HbarC2 * mu * mu * (eGeV / tGeV - 1);
        Reference.Close(magDy / reference, MagneticMomentWeight.Compute(eGeV, tGeV, mu, reference), 1e-9);
        Assert.Equal("referenceDSigmaDyCm2", Assert.Throws<ArgumentOutOfRangeException>(() => MagneticMomentWeight.Compute(eGeV, tGeV, mu, 0)).ParamName);
    }

    [Fact]
    public void Weight_AboveKinematicLimit_IsZero()
        => Assert.Equal(0.0, MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, 1.0, 0.9999, 1e-9));

    [Theory]
    [InlineData(-1.0, 0.1, "neutrinoEnergyGeV")]
    [InlineData(0.0, 0.1, "neutrinoEnergyGeV")]
    [InlineData(double.NaN, 0.1, "neutrinoEnergyGeV")]
    [InlineData(1.0, double.NaN, "electronKineticEnergyGeV")]
    [InlineData(1.0, -0.2, "electronKineticEnergyGeV")]
    [InlineData(1.0, 0.0, "electronKineticEnergyGeV")]
    public void Weight_BadInput_ThrowsNamingArgument(double eGeV, double tGeV, string param)
        => Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, eGeV, tGeV, 1e-9)).ParamName);

    [Fact]
    public void Weight_UnknownSpecies_Throws()
        => Assert.Equal("species", Assert.Throws<ArgumentOutOfRangeException>(() => MagneticMomentWeight.Compute((NeutrinoSpecies)7, 1, 0.1, 1e-9)).ParamName);

    [Fact]
    public void WeightArray_EveryLengthAndLargeBatch_MatchesScalar()
    {
        var rng = new Random(5);
        foreach (int n in Enumerable.Range(0, 40).Append(257).Append(3001))
        {
            var e = new double[n]; var t = new double[n]; var w = new double[n]; var wr = new double[n]; var r = new double[n];
            for (int i = 0; i < n; i++)
            {
                e[i] = 0.2 + 5 * rng.NextDouble();
                t[i] = (0.001 + 1.05 * rng.NextDouble()) * e[i]; // some above T_max
                r[i] = 1e-42 * (1 + rng.NextDouble());
            }
            MagneticMomentWeight.Compute(NeutrinoSpecies.MuonAntineutrino, e, t, 1e-9, w);
            MagneticMomentWeight.Compute(e, t, 1e-9, r, wr);
            for (int i = 0; i < n; i++)
            {
                double s = MagneticMomentWeight.Compute(NeutrinoSpecies.MuonAntineutrino, e[i], t[i], 1e-9);
                if (s == 0) Assert.Equal(0.0, w[i]); else Reference.Close(s, w[i], 1e-10, $"n={n} i={i}");
                double sr = MagneticMomentWeight.Compute(e[i], t[i], 1e-9, r[i]);
                if (sr == 0) Assert.Equal(0.0, wr[i]); else Reference.Close(sr, wr[i], 1e-12);
            }
        }
    }

    [Fact]
    public void WeightArray_BadEvent_ThrowsWithGlobalIndex()
    {
        int n = 600;
        var e = Enumerable.Repeat(2.0, n).ToArray();
        var t = Enumerable.Repeat(0.5, n).ToArray();
        t[300] = double.PositiveInfinity;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, e, t, 1e-9, new double[n]));
        Assert.Equal("electronKineticEnergiesGeV", ex.ParamName);
        Assert.Contains("[300]", ex.Message);
        t[300] = 0.5; e[599] = -2;
        Assert.Contains("[599]", Assert.Throws<ArgumentOutOfRangeException>(() => MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, e, t, 1e-9, new double[n])).Message);
        Assert.Throws<ArgumentException>(() => MagneticMomentWeight.Compute(NeutrinoSpecies.MuonNeutrino, e, t, 1e-9, new double[n - 1]));
    }
}

public class RadiativeCorrectionWeightTests
{
    [Fact]
    public void Weight_SameCouplings_IsOne()
    {
        var g = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.ElectronNeutrino);
        Assert.Equal(1.0, RadiativeCorrectionWeight.Compute(NeutrinoSpecies.ElectronNeutrino, 1.5, 0.3, g, g), 14);
    }

    [Fact]
    public void Weight_RhoOnlyForNeutralCurrentSpecies_IsRhoSquared()
    {
        // For ν_μ every coupling is ρ × tree level when κ = 1, so dσ/dy scales by ρ² whatever E and y are.
        var corrected = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino, 0.2387, rho: 1.0126, kappa: 1);
        var reference = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino, 0.2387);
        foreach (var (e, t) in new[] { (0.5, 0.01), (3.0, 2.0), (10.0, 9.0) })
            Reference.Close(1.0126 * 1.0126, RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonNeutrino, e, t, corrected, reference), 1e-12);
    }

    [Fact]
    public void Weight_MixingAngleChange_EqualsHandRatio()
    {
        // Corrected κ s² = 0.2387 versus a generator's s² = 0.2312, ν̄_e at E = 2 GeV, T = 0.8 GeV.
        double e = 2000, t = 800;
        double Dy(double s2) { var (gv, ga) = Reference.Couplings("nuebar", s2); return Reference.SmDSigmaDT(gv, ga, e, t); }
        var corrected = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.ElectronAntineutrino, 0.2312, 1, 0.2387 / 0.2312);
        var reference = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.ElectronAntineutrino, 0.2312);
        Reference.Close(Dy(0.2387) / Dy(0.2312), RadiativeCorrectionWeight.Compute(NeutrinoSpecies.ElectronAntineutrino, 2, 0.8, corrected, reference), 1e-12);
    }

    [Fact]
    public void Weight_GenericHook_MatchesCouplingsForm_AndArrayForm()
    {
        var a = new EffectiveCouplingsDSigmaDy(0.2312, 1.0126, 1.0317);
        var b = new EffectiveCouplingsDSigmaDy(0.2312);
        var ga = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonAntineutrino, 0.2312, 1.0126, 1.0317);
        var gb = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonAntineutrino, 0.2312);
        double hook = RadiativeCorrectionWeight.Compute(a, b, NeutrinoSpecies.MuonAntineutrino, 4, 1.1);
        Reference.Close(RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonAntineutrino, 4, 1.1, ga, gb), hook, 1e-13);

        var e = new[] { 4.0, 1.0, 0.3 }; var t = new[] { 1.1, 0.99999, 0.1 }; var w = new double[3];
        RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonAntineutrino, e, t, ga, gb, w);
        Reference.Close(hook, w[0], 1e-13);
        Assert.Equal(0.0, w[1]); // above T_max
        Reference.Close(RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonAntineutrino, 0.3, 0.1, ga, gb), w[2], 1e-13);
    }

    [Fact]
    public void Weight_BadInput_Throws()
    {
        var g = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino);
        Assert.Equal("neutrinoEnergyGeV", Assert.Throws<ArgumentOutOfRangeException>(() => RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonNeutrino, double.NaN, 0.1, g, g)).ParamName);
        Assert.Equal("electronKineticEnergyGeV", Assert.Throws<ArgumentOutOfRangeException>(() => RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonNeutrino, 1, -0.1, g, g)).ParamName);
        Assert.Equal("species", Assert.Throws<ArgumentOutOfRangeException>(() => RadiativeCorrectionWeight.Compute((NeutrinoSpecies)(-1), 1, 0.1, g, g)).ParamName);
        var zero = new ElectroweakCouplings(0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => RadiativeCorrectionWeight.Compute(NeutrinoSpecies.MuonNeutrino, 1, 0.1, g, zero));
    }
}
