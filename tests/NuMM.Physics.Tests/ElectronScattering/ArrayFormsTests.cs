using NuMM.Runtime.Physics.ElectronScattering;
using X = NuMM.Runtime.Physics.ElectronScattering.NeutrinoElectronCrossSection;

namespace NuMM.Physics.Tests.ElectronScattering;

public class ArrayFormsTests
{
    private static double[] RecoilGrid(int n, double tMax, int seed)
    {
        // Mostly inside the range, some above it, one exact zero for the SM path.
        var rng = new Random(seed);
        var t = new double[n];
        for (int i = 0; i < n; i++) t[i] = rng.NextDouble() * 1.2 * tMax + 1e-9;
        return t;
    }

    [Fact]
    public void StandardModelArray_EveryLength_MatchesScalar()
    {
        double e = 1234.5;
        for (int n = 0; n <= 70; n++)
        {
            var t = RecoilGrid(n, Reference.TMax(e), n);
            if (n > 3) t[2] = 0;
            var d = new double[n];
            X.StandardModelDSigmaDT(NeutrinoSpecies.ElectronAntineutrino, e, t, d);
            for (int i = 0; i < n; i++)
            {
                double s = X.StandardModelDSigmaDT(NeutrinoSpecies.ElectronAntineutrino, e, t[i]);
                if (s == 0) Assert.Equal(0.0, d[i]);
                else Reference.Close(s, d[i], 1e-11, $"n={n} i={i}");
            }
        }
    }

    [Fact]
    public void MagneticArray_LargeBatch_MatchesScalar()
    {
        double e = 30, mu = 7e-11;
        var t = RecoilGrid(5000, Reference.TMax(e), 42);
        var d = new double[t.Length];
        X.MagneticMomentDSigmaDT(e, t, mu, d);
        for (int i = 0; i < t.Length; i++)
        {
            double s = X.MagneticMomentDSigmaDT(e, t[i], mu);
            if (s == 0) Assert.Equal(0.0, d[i]); else Reference.Close(s, d[i], 1e-12);
        }
    }

    [Fact]
    public void Arrays_BadElement_ThrowsNamingIndexAndValue()
    {
        var t = new double[] { 0.1, 0.2, double.NaN, 0.3 };
        var d = new double[4];
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, 10, t, d));
        Assert.Equal("recoilEnergiesMeV", ex.ParamName);
        Assert.Contains("[2]", ex.Message);
        t[2] = -1;
        Assert.Contains("[2] = -1", Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, 10, t, d)).Message);
        t[2] = 0; // allowed for the SM, divergent for the magnetic term
        X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, 10, t, d);
        Assert.Contains("[2]", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDT(10, t, 1e-10, d)).Message);
        Assert.Throws<ArgumentException>(() => X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, 10, t, new double[3]));
        Assert.Equal("neutrinoEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, -1, t, d)).ParamName);
    }

    [Fact]
    public void Arrays_ZeroEnergy_GiveZeros()
    {
        var d = new double[] { 1, 1 };
        X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, 0, new double[] { 0, 1 }, d);
        Assert.All(d, v => Assert.Equal(0.0, v));
    }
}

public class NeutrinoElectronScatteringTests
{
    [Fact]
    public void DSigmaDT_Both_IsSumOfTerms()
    {
        var both = new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 1e-10);
        var sm = new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 1e-10, terms: ElectronScatteringTerms.StandardModel);
        var mag = new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 1e-10, terms: ElectronScatteringTerms.MagneticMoment);
        var (gv, ga) = Reference.Couplings("numu");
        double e = 800, t = 3;
        Reference.Close(Reference.SmDSigmaDT(gv, ga, e, t), sm.DSigmaDT(e, t), 1e-12);
        Reference.Close(Reference.MagDSigmaDT(e, t, 1e-10), mag.DSigmaDT(e, t), 1e-12);
        Reference.Close(sm.DSigmaDT(e, t) + mag.DSigmaDT(e, t), both.DSigmaDT(e, t), 1e-15);
        Assert.Equal(0.0, both.DSigmaDT(e, e)); // above T_max
        Reference.Close(Reference.TMax(e), both.MaxRecoilEnergyMeV(e), 1e-14);
        Reference.Close(e, both.MinNeutrinoEnergyMeV(both.MaxRecoilEnergyMeV(e)), 1e-12);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Equal("species", Assert.Throws<ArgumentOutOfRangeException>(() => new NeutrinoElectronScattering((NeutrinoSpecies)9)).ParamName);
        Assert.Equal("magneticMomentBohr", Assert.Throws<ArgumentOutOfRangeException>(() => new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, double.PositiveInfinity)).ParamName);
        Assert.Equal("terms", Assert.Throws<ArgumentOutOfRangeException>(() => new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 0, terms: 0)).ParamName);
    }
}
