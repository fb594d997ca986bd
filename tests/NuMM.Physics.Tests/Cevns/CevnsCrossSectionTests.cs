using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Cevns;

public class CevnsCrossSectionTests
{
    // Constants typed from PDG 2024 ("Physical constants" table), independent of the code under test.
    private const double GF = 1.1663788e-11;            // MeV⁻²
    private const double HbarC2 = 0.389379372e-21;      // MeV² cm²
    private const double HbarC = 197.3269804;           // MeV fm
    private const double Alpha = 1 / 137.035999177;
    private const double Me = 0.51099895069;            // MeV
    private const double U = 931.49410372;              // MeV

    /// <summary>Nuclear mass from the AME2020 atomic mass of ⁷⁴Ge (73.921177761 u) minus 32 electrons (binding, ~0.1 MeV, added per Lunney et al.).</summary>
    private static double Ge74MassMeV() => 73.921177761 * U - 32 * Me + 1e-6 * (14.4381 * Math.Pow(32, 2.39) + 1.55468e-6 * Math.Pow(32, 5.35));

    [Theory]
    [InlineData(5.0)]
    [InlineData(30.0)]
    [InlineData(52.8)]
    public void TotalCrossSection_UnitFormFactor_MatchesClosedForm(double energyMeV)
    {
        var ge74 = NuclearTable.GetNucleus("Ge74");
        var xs = new CevnsStandardModel(ge74, 0.23873, UnitFormFactor.Instance);
        double m = Ge74MassMeV();
        double qw = 42 - (1 - 4 * 0.23873) * 32;
        // ∫_0^{T_max} (1 − T/E − MT/(2E²)) dT = T_max/2 with T_max = 2E²/(M+2E), so σ = G_F² Q_W² E² M / (4π (M + 2E)).
        double exact = GF * GF * qw * qw * energyMeV * energyMeV * m / (4 * Math.PI * (m + 2 * energyMeV)) * HbarC2;
        double got = CrossSectionIntegrals.TotalCm2(xs, energyMeV);
        Assert.Equal(1.0, got / exact, 9);
        // Low-q closed form of the brief, σ = G_F² Q_W² E²/(4π), holds up to the recoil correction 2E/M.
        double lowQ = GF * GF * qw * qw * energyMeV * energyMeV / (4 * Math.PI) * HbarC2;
        Assert.InRange(got / lowQ, 1 - 2.5 * energyMeV / m, 1.0);
    }

    [Fact]
    public void TotalCrossSection_SinSqQuarter_MatchesFreedmanCoefficient()
    {
        // Freedman, Schramm & Tubbs, Ann. Rev. Nucl. Sci. 27, 167 (1977); Drukier & Stodolsky, PRD 30, 2295 (1984):
        // σ ≈ 4.2×10⁻⁴⁵ N² (E/MeV)² cm² when sin²θ_W = 1/4 (Q_W = N) and qR ≪ 1. Published to 2 digits → 1.5 % tolerance.
        var xe = NuclearTable.GetNucleus("Xe132");
        var xs = new CevnsStandardModel(xe, 0.25, UnitFormFactor.Instance);
        double e = 1.0;
        double coefficient = CrossSectionIntegrals.TotalCm2(xs, e) / (xe.NeutronNumber * xe.NeutronNumber * e * e);
        Assert.InRange(coefficient, 4.2e-45 * 0.985, 4.2e-45 * 1.015);
    }

    [Fact]
    public void DifferentialCrossSection_TalkEquations1To3_EqualWeakChargeForm()
    {
        // Talk eqs. 1–3 verbatim (G_F² M/π · Q_V², Q_V = g_V^p Z + g_V^n N) against this class (G_F² M/(4π) Q_W²);
        // the class keeps the −T/E term eq. 1 drops, so compare at T ≪ E where it is negligible (T/E ~ 1e-6).
        var ge74 = NuclearTable.GetNucleus("Ge74");
        double s2w = 0.23857;
        var xs = new CevnsStandardModel(ge74, s2w, UnitFormFactor.Instance);
        double m = Ge74MassMeV(), e = 10, t = 1e-5;
        double qv = 0.5 * (1 - 4 * s2w) * 32 - 0.5 * 42;
        double talk = GF * GF * m / Math.PI * qv * qv * (1 - m * t / (2 * e * e)) * HbarC2;
        Assert.Equal(1.0, xs.DSigmaDT(e, t) / talk, 5);
        // Eq. 6 as printed, Q_V² = (N − (1−4 sin²θ_W) Z)², inserted into eq. 1 would be 4× larger: the misprint.
        double eq6 = Math.Pow(42 - (1 - 4 * s2w) * 32, 2);
        Assert.Equal(4.0, eq6 / (qv * qv), 12);
    }

    [Fact]
    public void DifferentialCrossSection_BeyondMaxRecoil_IsZero()
    {
        var xs = new CevnsStandardModel(NuclearTable.GetNucleus("Ge74"));
        double e = 10, tMax = 2 * e * e / (Ge74MassMeV() + 2 * e);
        Assert.True(xs.DSigmaDT(e, tMax * 0.999) > 0);
        Assert.Equal(0.0, xs.DSigmaDT(e, tMax * 1.001));
        Assert.Equal(tMax, xs.MaxRecoilEnergyMeV(e), 12);
        // E_min(T_max(E)) = E.
        Assert.Equal(e, xs.MinNeutrinoEnergyMeV(tMax), 9);
    }

    [Fact]
    public void BatchOverNeutrinoEnergies_EqualsScalar_ForAllTerms()
    {
        var ge = NuclearTable.GetNucleus("Ge72");
        IBatchDifferentialCrossSection[] all =
        [
            new CevnsStandardModel(ge),
            new CevnsActiveMagneticMoment(ge, 1e-10),
            new CevnsSterileDipole(ge, 1e-10, 2.0),
        ];
        var energies = Enumerable.Range(0, 203).Select(i => i * 0.1).ToArray();   // includes 0, below and above E_min
        var batch = new double[energies.Length];
        foreach (var xs in all)
            foreach (double t in new[] { 1e-4, 1e-3, 5e-3 })
            {
                xs.DSigmaDTOverNeutrinoEnergies(t, energies, batch);
                for (int i = 0; i < energies.Length; i++)
                {
                    double scalar = xs.DSigmaDT(energies[i], t);
                    Assert.True(Math.Abs(batch[i] - scalar) <= 1e-12 * Math.Abs(scalar), $"{xs.GetType().Name} T={t} E={energies[i]}: {batch[i]} vs {scalar}");
                }
            }
    }

    [Fact]
    public void ActiveMagneticMoment_Equation10_MatchesClosedForm()
    {
        // Talk eq. 10 written out with PDG constants and the Helm form factor computed here.
        var ge74 = NuclearTable.GetNucleus("Ge74");
        double mu = 1e-9, e = 8, t = 1e-3, m = Ge74MassMeV();
        var xs = new CevnsActiveMagneticMoment(ge74, mu);
        double f = HelmFormFactorTests.Helm(Math.Sqrt(2 * m * t), 74);
        double expected = Math.PI * Alpha * Alpha / (Me * Me) * mu * mu * 32 * 32 * f * f * (1 / t - 1 / e) * HbarC2;
        Assert.Equal(1.0, xs.DSigmaDT(e, t) / expected, 6);
        Assert.Equal(0.0, xs.DSigmaDT(0.1, t));   // 0.1 MeV cannot give 1 keV on Ge
    }

    [Fact]
    public void SterileDipole_MatchesIndependentTraceDerivation()
    {
        // Independent derivation (see CevnsSterileDipole docs): spin sum of |ū₄ σ^{μν} q_ν P_L u (p+p')_μ|²/q⁴ for a scalar
        // nucleus gives, normalised to 1/T at small T,
        //   B = K²/(2 Q² E² M) − m₄²(4M² + Q²)(m₄² + Q²)/(8 Q⁴ E² M),  Q² = 2MT, K = 2ME − (Q² + m₄²)/2.
        // Brdar et al. (corrected talk eq. 11) agrees with it up to O(T/E) relative terms.
        var ge74 = NuclearTable.GetNucleus("Ge74");
        double mu = 1e-9, m = Ge74MassMeV();
        foreach (var (e, m4) in new[] { (10.0, 1.0), (10.0, 5.0), (15.0, 0.5), (3.0, 2.0) })
        {
            var xs = new CevnsSterileDipole(ge74, mu, m4, UnitFormFactor.Instance);
            Assert.True(CevnsKinematics.SterileRecoilRange(e, m, m4, out double tLo, out double tHi));
            foreach (double frac in new[] { 0.01, 0.2, 0.5, 0.8, 0.99 })
            {
                double t = tLo + frac * (tHi - tLo);
                double q2 = 2 * m * t, k = 2 * m * e - 0.5 * (q2 + m4 * m4);
                double b = k * k / (2 * q2 * e * e * m) - m4 * m4 * (4 * m * m + q2) * (m4 * m4 + q2) / (8 * q2 * q2 * e * e * m);
                double expected = Math.PI * Alpha * Alpha / (Me * Me) * mu * mu * 32 * 32 * b * HbarC2;
                Assert.InRange(xs.DSigmaDT(e, t) / expected, 1 - 1e-3, 1 + 1e-3);
            }
        }
    }

    [Fact]
    public void SterileDipole_PrintedEquation11Sign_IsRejectedByDerivation()
    {
        // With the talk's printed sign (1 − (M − T)/(2E)) the result differs from the derivation by far more than O(T/E).
        double m = Ge74MassMeV(), e = 10, m4 = 5;
        CevnsKinematics.SterileRecoilRange(e, m, m4, out double tLo, out double tHi);
        double t = 0.5 * (tLo + tHi);
        double printed = 1 / t - 1 / e - m4 * m4 / (2 * e * m * t) * (1 - (m - t) / (2 * e)) - Math.Pow(m4, 4) * (m - t) / (8 * e * e * m * m * t * t);
        double q2 = 2 * m * t, k = 2 * m * e - 0.5 * (q2 + m4 * m4);
        double derived = k * k / (2 * q2 * e * e * m) - m4 * m4 * (4 * m * m + q2) * (m4 * m4 + q2) / (8 * q2 * q2 * e * e * m);
        Assert.True(Math.Abs(printed / derived - 1) > 0.05);
    }

    [Fact]
    public void SterileDipole_ZeroMass_EqualsActiveMagneticMoment()
    {
        var xe = NuclearTable.GetNucleus("Xe131");
        var sterile = new CevnsSterileDipole(xe, 3e-10, 0);
        var active = new CevnsActiveMagneticMoment(xe, 3e-10);
        foreach (var (e, t) in new[] { (5.0, 1e-4), (12.0, 1e-3), (2.0, 1e-5) })
            Assert.Equal(1.0, sterile.DSigmaDT(e, t) / active.DSigmaDT(e, t), 12);
    }

    [Fact]
    public void CrossSections_BadInput_ThrowNamingArgumentAndValue()
    {
        var ge = NuclearTable.GetNucleus("Ge74");
        var sm = new CevnsStandardModel(ge);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sm.DSigmaDT(-1, 1e-3));
        Assert.Equal("neutrinoEnergyMeV", ex.ParamName);
        Assert.Contains("-1", ex.Message);
        Assert.Equal("recoilEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => sm.DSigmaDT(10, double.NaN)).ParamName);
        Assert.Equal("neutrinoEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => sm.DSigmaDT(double.PositiveInfinity, 1e-3)).ParamName);
        var mm = new CevnsActiveMagneticMoment(ge, 1e-10);
        Assert.Equal("recoilEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => mm.DSigmaDT(10, 0)).ParamName);
        var energies = new[] { 1.0, -2.0 };
        var dest = new double[2];
        var batchEx = Assert.Throws<ArgumentOutOfRangeException>(() => sm.DSigmaDTOverNeutrinoEnergies(1e-3, energies, dest));
        Assert.Contains("neutrinoEnergiesMeV[1]", batchEx.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CevnsStandardModel(ge, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CevnsSterileDipole(ge, 1e-10, -1));
    }
}
