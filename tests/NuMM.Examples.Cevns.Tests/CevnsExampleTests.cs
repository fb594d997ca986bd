using NuMM.Examples.Cevns;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Statistics.Inference;

namespace NuMM.Examples.Cevns.Tests;

/// <summary>The CEvNS example against independent numbers: a hand-written double trapezoid of talk eq. 14 with the
/// closed-form F = 1 SM cross section, the sterile kinematic limit solved in the test, the μ² scaling of eq. 10 and the
/// closed-form statistics-only limit of the pull χ² (eq. 15).</summary>
public class CevnsExampleTests
{
    // PDG 2024: G_F = 1.1663788e-5 GeV⁻²; (ħc)² = 0.389379372 GeV² mb = 0.389379372e-21 MeV² cm².
    private const double GFermiPerMeV2 = 1.1663788e-11;
    private const double HbarC2MeV2Cm2 = 0.389379372e-21;

    [Fact]
    public void SmBinnedCounts_UnitFormFactor_MatchIndependentDoubleTrapezoid()
    {
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike, UnitFormFactor.Instance);
        var edges = study.Detector.AnalysisEdgesKeVee();
        double folded = study.TrueCounts(SolarNeutrinoSource.B8, new StandardModelCevns(), edges).Sum();

        // Independent: exposure × 86400 s/day × ∫_{T(0.16 keVee)}^{T(2.16 keVee)} dT Σ_iso n_iso ∫_{E_min}^{E_max} dE φ(E) dσ/dT,
        // dσ/dT = G_F² M Q_W²/(4π) (1 − T/E − MT/(2E²)) (ħc)² with F = 1 (talk eq. 1 with the −T/E term), Q_W = N − (1 − 4 s²_W) Z.
        double tLo = study.Quenching.NuclearRecoilMeV(edges[0] * 1e-3), tHi = study.Quenching.NuclearRecoilMeV(edges[^1] * 1e-3);
        var flux = study.Flux(SolarNeutrinoSource.B8);
        double eTop = SolarFluxes.Shape(SolarNeutrinoSource.B8).MaxEnergyMeV;
        double s2w = SolarCevnsStudy.TalkSinSqThetaW;
        double RateAt(double t)
        {
            double sum = 0;
            foreach (var c in study.Target.Components)
            {
                double m = c.Nucleus.NuclearMassMeV;
                double qw = c.Nucleus.NeutronNumber - (1 - 4 * s2w) * c.Nucleus.ProtonNumber;
                double pref = GFermiPerMeV2 * GFermiPerMeV2 * m * qw * qw / (4 * Math.PI) * HbarC2MeV2Cm2;
                double eMin = 0.5 * (t + Math.Sqrt(t * t + 2 * m * t));
                if (eMin >= eTop) continue;
                const int n = 6000;
                double h = (eTop - eMin) / n, integral = 0;
                for (int k = 0; k <= n; k++)
                {
                    double e = eMin + k * h;
                    double bracket = Math.Max(0, 1 - t / e - m * t / (2 * e * e));
                    integral += (k == 0 || k == n ? 0.5 : 1) * flux.Density(e) * pref * bracket;
                }
                sum += study.Target.NucleiPerKg(c) * integral * h;
            }
            return sum;
        }
        const int nt = 600;
        double ht = (tHi - tLo) / nt, total = 0;
        for (int j = 0; j <= nt; j++) total += (j == 0 || j == nt ? 0.5 : 1) * RateAt(tLo + j * ht);
        double expected = study.Detector.ExposureKgDay * 86400 * total * ht;

        // Tolerance 5e-4 (measured agreement 2e-5): the trapezoid rules' own error (E steps of ≤ 2.5 keV across the 0.1 MeV-spaced ⁸B table's kinks,
        // 600 T steps over a smooth spectrum) is far smaller; a wrong prefactor (e.g. Q_V² of the talk's eq. 6, ×4) is not.
        Assert.True(expected > 0);
        Assert.InRange(folded / expected, 1 - 5e-4, 1 + 5e-4);
    }

    [Fact]
    public void ActiveMomentRate_UnitFormFactor_MatchesIndependentTrapezoid()
    {
        // Talk eq. 10 with F = 1: dσ/dT = (π α²/m_e²) (μ/μ_B)² Z² (1/T − 1/E) (ħc)², folded with the ⁸B flux by a
        // trapezoid over E from the elastic E_min(T) (CODATA 2022: α = 1/137.035999177,
        // m_e = 0.51099895069 MeV).
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike, UnitFormFactor.Instance);
        const double mu = 1e-9, alpha = 1 / 137.035999177, me = 0.51099895069;
        var flux = study.Flux(SolarNeutrinoSource.B8);
        double eTop = SolarFluxes.Shape(SolarNeutrinoSource.B8).MaxEnergyMeV;
        foreach (double tKeV in new[] { 1.0, 3.0 })
        {
            double t = tKeV * 1e-3, perKgPerSecondPerMeV = 0;
            foreach (var c in study.Target.Components)
            {
                double m = c.Nucleus.NuclearMassMeV, z = c.Nucleus.ProtonNumber;
                double pref = Math.PI * alpha * alpha / (me * me) * mu * mu * z * z * HbarC2MeV2Cm2;
                double eMin = 0.5 * (t + Math.Sqrt(t * t + 2 * m * t));
                const int n = 20000;
                double h = (eTop - eMin) / n, integral = 0;
                for (int k = 0; k <= n; k++)
                {
                    double e = eMin + k * h;
                    integral += (k == 0 || k == n ? 0.5 : 1) * flux.Density(e) * pref * (1 / t - 1 / e);
                }
                perKgPerSecondPerMeV += study.Target.NucleiPerKg(c) * integral * h;
            }
            double expected = perKgPerSecondPerMeV * 86400 * 1e-3;   // per kg·day·keV
            Assert.InRange(study.RatePerKgDayKeV(SolarNeutrinoSource.B8, new ActiveMomentCevns(mu), tKeV) / expected, 1 - 5e-4, 1 + 5e-4);
        }
    }

    [Fact]
    public void HelmFormFactor_AtAnalysisRecoils_ReducesRateByAFewPercentOnly()
    {
        // Talk slide "Form factor": for Q ≲ 50 MeV one may take F² ≈ 1. At T_nr ≲ 12 keV on Ge, Q = √(2MT) ≲ 40 MeV.
        var helm = new SolarCevnsStudy(GermaniumDetector.CdexLike).ExpectedCounts(new StandardModelCevns()).Sum();
        var unit = new SolarCevnsStudy(GermaniumDetector.CdexLike, UnitFormFactor.Instance).ExpectedCounts(new StandardModelCevns()).Sum();
        Assert.InRange(helm / unit, 0.95, 0.99);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(10.0)]
    public void SterileSpectrum_AboveKinematicLimit_VanishesExactly(double m4)
    {
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike);
        var process = new SterileMomentCevns(1e-9, m4);
        // Independent: the largest recoil of ν + N → ν₄ + N at E = hep end-point, the larger root of
        // (M² + 2ME) T² − [2ME² − (M + E) m₄²] T + m₄⁴/4 = 0 (2-body kinematics), maximised over the Ge isotopes (lightest wins).
        double e = SolarCevnsStudy.HepEndPointMeV, tMax = 0;
        foreach (var c in study.Target.Components)
        {
            double m = c.Nucleus.NuclearMassMeV, a = m * m + 2 * m * e, b = 2 * m * e * e - (m + e) * m4 * m4, cc = Math.Pow(m4, 4) / 4;
            tMax = Math.Max(tMax, (b + Math.Sqrt(b * b - 4 * a * cc)) / (2 * a));
        }
        double tMaxKeV = tMax * 1e3;
        Assert.Equal(0.0, study.RatePerKgDayKeV(process, tMaxKeV * 1.001));
        Assert.Equal(0.0, study.RatePerKgDayKeV(process, tMaxKeV * 1.2));
        Assert.True(study.RatePerKgDayKeV(process, tMaxKeV * 0.9) > 0);
        // Heavier m₄ raises E_min (eq. 13) and so suppresses the rate at every recoil.
        foreach (double t in new[] { 0.5, 1.0, 3.0 })
            Assert.True(study.RatePerKgDayKeV(process, t) < study.RatePerKgDayKeV(new ActiveMomentCevns(1e-9), t));
    }

    [Fact]
    public void SterileSpectrum_LightM4_ApproachesActiveMoment()
    {
        // Eq. 11 → eq. 10 as m₄ → 0: the m₄² corrections are ~ m₄²/(2ET) ≈ 5e-5 at m₄ = 1 keV, E = 10 MeV, T = 1 keV.
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike);
        foreach (double t in new[] { 0.5, 1.0, 2.0 })
        {
            double ratio = study.RatePerKgDayKeV(new SterileMomentCevns(1e-9, 1e-3), t) / study.RatePerKgDayKeV(new ActiveMomentCevns(1e-9), t);
            Assert.InRange(ratio, 1 - 1e-3, 1.0);
        }
    }

    [Fact]
    public void MagneticMomentCounts_DoubleMoment_ScaleByFour()
    {
        // Eq. 10 is ∝ |μ_ν|²; the SM term does not depend on μ.
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike);
        var one = study.ExpectedCounts(new ActiveMomentCevns(1e-9));
        var two = study.ExpectedCounts(new ActiveMomentCevns(2e-9));
        Assert.True(one.Sum() > 0);
        for (int b = 0; b < one.Length; b++) Assert.Equal(4 * one[b], two[b], 1e-12 * Math.Max(one[b], 1e-300) * 4 + 1e-30);
    }

    [Fact]
    public void PullChiSquare_ShiftedFluxNuisance_AddsSquaredPullAndLinearShift()
    {
        // Eq. 15 with Σ ξ_j² (not the printed Σ ξ_j): at μ = 0 and ξ_B8 = 1,
        // χ² = Σ_i (0.16 SM_B8^i)² / (SM^i + B^i) + 1.
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike);
        var likelihood = new MagneticMomentSensitivity(study).AsimovLikelihood(new ActiveMomentCevns(MagneticMomentSensitivity.ReferenceMomentBohr));
        var sm = new StandardModelCevns();
        var smB8 = study.ExpectedCounts(SolarNeutrinoSource.B8, sm);
        var smAll = study.ExpectedCounts(sm);
        var bkg = study.BackgroundCounts();
        double expected = 1;
        for (int i = 0; i < smB8.Length; i++) expected += Math.Pow(0.16 * smB8[i], 2) / (smAll[i] + bkg[i]);
        var p = likelihood.Model.InitialValues();
        p[likelihood.Model.IndexOf(MagneticMomentSensitivity.FluxNuisance(SolarNeutrinoSource.B8))] = 1;
        Assert.Equal(expected, likelihood.Evaluate(p), 1e-9 * expected);
        Assert.Equal(0.0, likelihood.Evaluate(likelihood.Model.InitialValues()), 1e-12);
    }

    [Fact]
    public void StatisticsOnlyLimit_AsimovData_MatchesClosedForm()
    {
        // With ξ fixed at 0 and Asimov data, χ²(μ) = (μ/μ_ref)⁴ Σ_i (MM_i)² / (SM_i + B_i), so the 90 % CL limit is
        // μ_ref (2.706 / Σ_i MM_i²/(SM_i + B_i))^{1/4}.
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike);
        var active = new ActiveMomentCevns(MagneticMomentSensitivity.ReferenceMomentBohr);
        var result = new MagneticMomentSensitivity(study).Run(active, CriticalValues.ChiSquare(0.9, 1), scanPoints: 5);
        var mm = study.ExpectedCounts(active);
        var sm = study.ExpectedCounts(new StandardModelCevns());
        var bkg = study.BackgroundCounts();
        double s = 0;
        for (int i = 0; i < mm.Length; i++) s += mm[i] * mm[i] / (sm[i] + bkg[i]);
        double closedForm = MagneticMomentSensitivity.ReferenceMomentBohr * Math.Pow(2.705543454095404 / s, 0.25);
        Assert.Equal(closedForm, result.StatisticsOnlyLimitBohr, 1e-5 * closedForm);
        // Profiling the flux nuisances can only weaken the limit, and the scan starts at Δχ² = 0 at μ = 0.
        Assert.True(result.LimitBohr >= result.StatisticsOnlyLimitBohr * (1 - 1e-9));
        Assert.True(result.AllFitsConverged);
        Assert.Equal(0.0, result.ScanDeltaChi2[0], 1e-9);
    }

    [Fact]
    public void NuclearRecoilEdges_NonPositiveEdge_ThrowsNamingTheEdge()
    {
        var study = new SolarCevnsStudy(GermaniumDetector.CdexLike);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => study.NuclearRecoilEdgesMeV([0.1, 0.0]));
        Assert.Contains("edgesKeVee[1]", ex.Message);
    }
}
