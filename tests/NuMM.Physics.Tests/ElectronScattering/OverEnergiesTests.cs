using NuMM.Runtime.Physics.ElectronScattering;
using X = NuMM.Runtime.Physics.ElectronScattering.NeutrinoElectronCrossSection;

namespace NuMM.Physics.Tests.ElectronScattering;

/// <summary>The fixed-T, many-E array forms used as the integrand of a flux fold.</summary>
public class OverEnergiesTests
{
    [Fact]
    public void StandardModelOverEnergies_EveryLengthAndLargeBatch_MatchesScalar()
    {
        var g = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.ElectronNeutrino);
        var rng = new Random(4);
        foreach (double t in new[] { 0.0, 0.3, 5.0 })
            foreach (int n in Enumerable.Range(0, 40).Append(1500))
            {
                var e = Enumerable.Range(0, n).Select(_ => 15 * rng.NextDouble()).ToArray(); // many below threshold
                if (n > 5) e[3] = 0;
                var d = new double[n];
                X.StandardModelDSigmaDTOverEnergies(g, e, t, d);
                for (int i = 0; i < n; i++)
                {
                    double s = X.StandardModelDSigmaDT(g, e[i], t);
                    if (s == 0) Assert.Equal(0.0, d[i]); else Reference.Close(s, d[i], 1e-11, $"T={t} E={e[i]}");
                }
            }
    }

    [Fact]
    public void MagneticOverEnergies_MatchesScalar_AndZeroBelowThreshold()
    {
        var rng = new Random(6);
        double t = 0.8, mu = 5e-11;
        var e = Enumerable.Range(0, 777).Select(_ => 10 * rng.NextDouble()).ToArray();
        e[10] = 0;
        var d = new double[e.Length];
        X.MagneticMomentDSigmaDTOverEnergies(e, t, mu, d);
        double eMin = ElectronScatteringKinematics.MinNeutrinoEnergyMeV(t);
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] < eMin) { Assert.Equal(0.0, d[i]); continue; }
            Reference.Close(Reference.MagDSigmaDT(e[i], t, mu), d[i], 1e-12);
        }
    }

    [Fact]
    public void OverEnergies_BadInput_Throws()
    {
        var g = ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino);
        var e = new[] { 1.0, double.NaN, 2.0 };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDTOverEnergies(g, e, 0.1, new double[3]));
        Assert.Equal("neutrinoEnergiesMeV", ex.ParamName);
        Assert.Contains("[1]", ex.Message);
        Assert.Equal("recoilEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDTOverEnergies(new[] { 1.0 }, 0, 1e-10, new double[1])).ParamName);
        Assert.Throws<ArgumentException>(() => X.MagneticMomentDSigmaDTOverEnergies(new[] { 1.0 }, 0.1, 1e-10, new double[2]));
    }

    [Theory]
    [MemberData(nameof(SpanChecksTests.Widths), MemberType = typeof(SpanChecksTests))]
    public void ZeroBelowThreshold_EveryPath_MatchesScalar(int width)
    {
        var rng = new Random(width);
        for (int n = 0; n <= 70; n++)
        {
            var e = Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble()).ToArray();
            if (n > 2) e[1] = 0;
            var w = Enumerable.Repeat(3.0, n).ToArray();
            SpanChecks.ZeroBelowThreshold(e, 1.0, w, width);
            for (int i = 0; i < n; i++) Assert.Equal(e[i] > 0 && e[i] >= 1.0 ? 3.0 : 0.0, w[i]);
        }
    }
}
