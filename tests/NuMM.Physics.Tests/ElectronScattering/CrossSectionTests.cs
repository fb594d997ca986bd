using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.ElectronScattering;
using X = NuMM.Runtime.Physics.ElectronScattering.NeutrinoElectronCrossSection;

namespace NuMM.Physics.Tests.ElectronScattering;

public class CrossSectionTests
{
    private const double Me = Reference.MeMeV;

    public static TheoryData<NeutrinoSpecies, string> AllSpecies => new()
    {
        { NeutrinoSpecies.ElectronNeutrino, "nue" }, { NeutrinoSpecies.ElectronAntineutrino, "nuebar" },
        { NeutrinoSpecies.MuonNeutrino, "numu" }, { NeutrinoSpecies.MuonAntineutrino, "numubar" },
        { NeutrinoSpecies.TauNeutrino, "nutau" }, { NeutrinoSpecies.TauAntineutrino, "nutaubar" },
    };

    [Theory]
    [MemberData(nameof(AllSpecies))]
    public void StandardModelDSigmaDT_EverySpecies_MatchesHandFormula(NeutrinoSpecies species, string name)
    {
        var (gv, ga) = Reference.Couplings(name);
        foreach (double e in new[] { 0.862, 10.0, 2000.0 })
            foreach (double f in new[] { 0.0, 0.01, 0.5, 0.999 })
            {
                double t = f * Reference.TMax(e);
                Reference.Close(Reference.SmDSigmaDT(gv, ga, e, t), X.StandardModelDSigmaDT(species, e, t), 1e-12, $"{name} E={e} T={t}");
            }
    }

    [Fact]
    public void StandardModelDSigmaDT_ElectronAntineutrino_MatchesWrittenOutForm()
    {
        // ν̄_e e: dσ/dT = (G_F² m_e/2π)[(2s²)² + (1 + 2s²)²(1 − T/E)² − ((1/2 + 2s²)² − 1/4) m_e T/E²]
        // (Vogel & Engel 1989 eq. 1 with g_A → −g_A; the CC part enters through g_V = g_A = +1 before the flip).
        double s2 = Reference.SinSq0, e = 8.0, t = 3.0, u = 1 - t / e;
        double pre = Reference.Gf * Reference.Gf * Me / (2 * Math.PI) * Reference.HbarC2;
        double expected = pre * (4 * s2 * s2 + (1 + 2 * s2) * (1 + 2 * s2) * u * u - ((0.5 + 2 * s2) * (0.5 + 2 * s2) - 0.25) * Me * t / (e * e));
        Reference.Close(expected, X.StandardModelDSigmaDT(NeutrinoSpecies.ElectronAntineutrino, e, t), 1e-12);
    }

    [Theory]
    [MemberData(nameof(AllSpecies))]
    public void StandardModelTotal_ClosedForm_MatchesNumericalIntegration(NeutrinoSpecies species, string name)
    {
        foreach (double e in new[] { 1.0, 1000.0 })
        {
            double numeric = Quadrature.Integrate(t => X.StandardModelDSigmaDT(species, e, t), 0, Reference.TMax(e), 1e-12);
            Reference.Close(numeric, X.StandardModelTotalCrossSection(species, e), 1e-9, $"{name} E={e}");
        }
    }

    [Theory]
    [MemberData(nameof(AllSpecies))]
    public void StandardModelTotal_GeV_MatchesHighEnergyClosedForm(NeutrinoSpecies species, string name)
    {
        // For E ≫ m_e, σ/E → (G_F² m_e/2π)[(g_V+g_A)² + (g_V−g_A)²/3] (integrate eq. 29 over 0 ≤ T ≤ E); the
        // corrections are O(m_e/E) ≈ 5×10⁻⁵ at 10 GeV.
        var (gv, ga) = Reference.Couplings(name);
        double e = 10000;
        double perMeV = Reference.Gf * Reference.Gf * Me / (2 * Math.PI) * Reference.HbarC2 * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) / 3);
        Reference.Close(perMeV * e, X.StandardModelTotalCrossSection(species, e), 2e-4, name);
    }

    [Fact]
    public void StandardModelTotal_MuonNeutrinoPerGeV_MatchesMarcianoParsa()
    {
        // Marciano & Parsa, J. Phys. G 29, 2629 (2003): σ(ν_μ e)/E ≈ 1.58×10⁻⁴² cm²/GeV, including O(α) radiative
        // corrections (ρ_NC ≈ 1.013 alone raises the tree level by ≈ 2.5 %). The tree level with sin²θ̂_W(0) is
        // ≈ 1.50×10⁻⁴²; agreement within 6 % is what a tree-level formula can claim.
        double perGeV = X.StandardModelTotalCrossSection(NeutrinoSpecies.MuonNeutrino, 1000);
        Reference.Close(1.58e-42, perGeV, 0.06, "σ(ν_μ e)/E");
        Assert.InRange(perGeV, 1.45e-42, 1.58e-42); // tree level sits below the radiatively corrected value
    }

    [Fact]
    public void StandardModelTotal_ElectronNeutrinoAtDecayAtRestEnergies_AgreesWithLsndMeasurement()
    {
        // LSND, L. B. Auerbach et al., Phys. Rev. D 63, 112001 (2001): σ(ν_e e) = [10.1 ± 1.1(stat) ± 1.0(syst)]
        // × E_ν(MeV) × 10⁻⁴⁵ cm² for μ⁺ decay-at-rest ν_e (E ≲ 52.8 MeV). The SM value must lie within 1σ (1.5).
        double perMeV = X.StandardModelTotalCrossSection(NeutrinoSpecies.ElectronNeutrino, 35) / 35;
        Assert.InRange(perMeV, (10.1 - 1.5) * 1e-45, (10.1 + 1.5) * 1e-45);
    }

    [Fact]
    public void StandardModelTotal_SpeciesOrdering_FollowsHelicityAndInterference()
    {
        double e = 1000;
        double nue = X.StandardModelTotalCrossSection(NeutrinoSpecies.ElectronNeutrino, e);
        double nuebar = X.StandardModelTotalCrossSection(NeutrinoSpecies.ElectronAntineutrino, e);
        double numu = X.StandardModelTotalCrossSection(NeutrinoSpecies.MuonNeutrino, e);
        double numubar = X.StandardModelTotalCrossSection(NeutrinoSpecies.MuonAntineutrino, e);
        Assert.True(nue > nuebar && nuebar > numu && numu > numubar);
        Assert.Equal(numu, X.StandardModelTotalCrossSection(NeutrinoSpecies.TauNeutrino, e));
        Assert.Equal(numubar, X.StandardModelTotalCrossSection(NeutrinoSpecies.TauAntineutrino, e));
    }

    [Fact]
    public void MagneticDSigmaDT_MatchesEq35_AndScalesAsMuSquared()
    {
        double e = 2000, t = 50, mu = 1e-9;
        Reference.Close(Reference.MagDSigmaDT(e, t, mu), X.MagneticMomentDSigmaDT(e, t, mu), 1e-12);
        Reference.Close(4 * X.MagneticMomentDSigmaDT(e, t, mu), X.MagneticMomentDSigmaDT(e, t, 2 * mu), 1e-14);
        // The Borexino talk writes the same term as π r₀² μ² (1/T − 1/E).
        double r0 = PhysicalConstants.ClassicalElectronRadiusCm;
        Reference.Close(Math.PI * r0 * r0 * mu * mu * (1 / t - 1 / e), X.MagneticMomentDSigmaDT(e, t, mu), 1e-9); // r₀ uses ħc, the prefactor (ħc)²: they agree to PDG rounding
    }

    [Fact]
    public void MagneticIntegrated_ClosedForm_MatchesNumericalIntegration()
    {
        double e = 1000, mu = 3e-10, t1 = 1e-3, t2 = 900;
        double numeric = Quadrature.IntegrateLog(t => X.MagneticMomentDSigmaDT(e, t, mu), t1, t2);
        Reference.Close(numeric, X.MagneticMomentIntegratedCrossSection(e, mu, t1, t2), 1e-9);
    }

    [Fact]
    public void MagneticDominanceScale_Eq39_Is2Point9E19MuSquaredMeV()
    {
        // Technote eq. 39: π² α²/(G_F² m_e³) ≈ 2.9×10¹⁹ MeV, computed here from the PDG literals.
        double expected = Math.PI * Math.PI * Reference.Alpha * Reference.Alpha / (Reference.Gf * Reference.Gf * Math.Pow(Me, 3));
        Reference.Close(expected, X.MagneticDominanceScaleMeV(1.0), 1e-12);
        Assert.Equal(2.9e19, Math.Round(X.MagneticDominanceScaleMeV(1.0) / 1e18) * 1e18, 1e6);
        Reference.Close(2.9e19 * 1e-20, X.MagneticDominanceScaleMeV(1e-10), 0.01);
    }

    [Fact]
    public void CrossoverRecoilEnergy_EqualisesTheTwoTerms()
    {
        double e = 1000, mu = 1e-9;
        double tc = X.CrossoverRecoilEnergyMeV(NeutrinoSpecies.MuonNeutrino, e, mu);
        var (gv, ga) = Reference.Couplings("numu");
        Reference.Close(Reference.SmDSigmaDT(gv, ga, e, tc), Reference.MagDSigmaDT(e, tc, mu), 1e-8);
        Assert.True(Reference.MagDSigmaDT(e, 0.5 * tc, mu) > Reference.SmDSigmaDT(gv, ga, e, 0.5 * tc));
        Assert.True(Reference.MagDSigmaDT(e, 2 * tc, mu) < Reference.SmDSigmaDT(gv, ga, e, 2 * tc));
        // Same order of magnitude as the eq. 39 estimate (which drops O(1) coupling factors): 2.9e19 × 1e-18 = 29 MeV.
        Assert.InRange(tc / X.MagneticDominanceScaleMeV(mu), 0.1, 10);
        Assert.Equal(0.0, X.CrossoverRecoilEnergyMeV(NeutrinoSpecies.MuonNeutrino, e, 0));
        // A huge moment dominates the whole range.
        Assert.Equal(Reference.TMax(e), X.CrossoverRecoilEnergyMeV(NeutrinoSpecies.MuonNeutrino, e, 1e-3), 1e-9 * e);
    }

    // ------------------------------------------------------------- alternative variables integrate back

    [Theory]
    [InlineData(NeutrinoSpecies.MuonNeutrino, 1000.0)]
    [InlineData(NeutrinoSpecies.ElectronAntineutrino, 5.0)]
    public void CosThetaForm_IntegratedOverCosine_EqualsTotal(NeutrinoSpecies species, double e)
    {
        double numeric = Quadrature.Integrate(c => X.StandardModelDSigmaDCosTheta(species, e, c), 0, 1, 1e-12);
        Reference.Close(X.StandardModelTotalCrossSection(species, e), numeric, 1e-8);
    }

    [Fact]
    public void CosThetaForm_Magnetic_IntegratesToClosedFormOverMatchingRecoilRange()
    {
        double e = 1000, mu = 1e-10, t1 = 0.5, t2 = 800;
        double c1 = ElectronScatteringKinematics.CosThetaFromRecoil(e, t1), c2 = ElectronScatteringKinematics.CosThetaFromRecoil(e, t2);
        double numeric = Quadrature.Integrate(c => X.MagneticMomentDSigmaDCosTheta(e, c, mu), c1, c2, 1e-12);
        Reference.Close(X.MagneticMomentIntegratedCrossSection(e, mu, t1, t2), numeric, 1e-8);
    }

    [Fact]
    public void ThetaSquaredExactForm_IntegratedOverThetaSquared_EqualsTotal()
    {
        double e = 1000;
        // Integrate in θ (dθ² = 2θ dθ) so the forward peak of width √(m_e/E) is resolved.
        double numeric = Quadrature.Integrate(th => X.StandardModelDSigmaDThetaSquared(NeutrinoSpecies.MuonNeutrino, e, th * th) * 2 * th, 0, Math.PI / 2, 1e-12);
        Reference.Close(X.StandardModelTotalCrossSection(NeutrinoSpecies.MuonNeutrino, e), numeric, 1e-8);
    }

    [Fact]
    public void ThetaSquaredSmallAngleForm_Eq33_IntegratesToEq29OverZeroToE()
    {
        // Under T = 2m_e/(θ² + 2m_e/E), θ² ∈ [0, ∞) maps onto T ∈ (0, E]: ∫ eq. 33 dθ² = ∫₀^E eq. 29 dT (eq. 29's
        // polynomial integrated in closed form in the test, up to T = E rather than T_max).
        double e = 3000, a = 2 * Me / e;
        var (gv, ga) = Reference.Couplings("numubar");
        double pre = Reference.Gf * Reference.Gf * Me / (2 * Math.PI) * Reference.HbarC2;
        double closed = pre * ((gv + ga) * (gv + ga) * e + (gv - ga) * (gv - ga) * e / 3 - (gv * gv - ga * ga) * Me / 2);
        // substitution θ² = a (1/v − 1), v ∈ (0, 1]: dθ² = a/v² dv
        double numeric = Quadrature.Integrate(v => v == 0 ? 0 : X.StandardModelDSigmaDThetaSquaredSmallAngle(NeutrinoSpecies.MuonAntineutrino, e, a * (1 / v - 1)) * a / (v * v), 0, 1, 1e-12);
        Reference.Close(closed, numeric, 1e-8);
    }

    [Fact]
    public void ThetaSquaredSmallAngleForm_Magnetic_CorrectedEq37_IntegratesToClosedForm()
    {
        // Eq. 37 as printed, θ²/(θ² + 2m_e/E), fails this check; with the squared denominator it is the exact image
        // of eq. 35 under the small-angle map, so ∫ over [θ²_b, θ²_a] equals the closed-form T integral.
        double e = 2000, mu = 2e-10, a = 2 * Me / e;
        double th2Lo = 1e-4, th2Hi = 0.5;
        double tHi = 2 * Me / (th2Lo + a), tLo = 2 * Me / (th2Hi + a);
        double closed = Math.PI * Reference.Alpha * Reference.Alpha / (Me * Me) * Reference.HbarC2 * mu * mu * (Math.Log(tHi / tLo) - (tHi - tLo) / e);
        double numeric = Quadrature.IntegrateLog(x => X.MagneticMomentDSigmaDThetaSquaredSmallAngle(e, x, mu), th2Lo, th2Hi);
        Reference.Close(closed, numeric, 1e-8);
        // and the printed (unsquared) form fails the same check by far (≈ 0.5 against ln(0.5 E/2m_e) ≈ 7 here):
        double printed = Quadrature.IntegrateLog(x => Math.PI * Reference.Alpha * Reference.Alpha / (Me * Me) * Reference.HbarC2 * mu * mu * x / (x + a), th2Lo, th2Hi);
        Assert.True(Math.Abs(printed / closed - 1) > 0.5, $"printed/closed = {printed / closed}");
    }

    [Fact]
    public void TThetaSquaredSmallAngleForms_Eqs34And38_IntegrateToTForms()
    {
        double e = 1500, mu = 1e-10;
        var (gv, ga) = Reference.Couplings("nue");
        double pre = Reference.Gf * Reference.Gf * Me / (2 * Math.PI) * Reference.HbarC2;
        double closedSm = pre * ((gv + ga) * (gv + ga) * e + (gv - ga) * (gv - ga) * e / 3 - (gv * gv - ga * ga) * Me / 2);
        double numericSm = Quadrature.Integrate(u => X.StandardModelDSigmaDTThetaSquaredSmallAngle(NeutrinoSpecies.ElectronNeutrino, e, u), 0, 2 * Me, 1e-12);
        Reference.Close(closedSm, numericSm, 1e-9);

        // Magnetic over Tθ² ∈ [u1, u2] ↔ T ∈ [E(1 − u2/2m_e), E(1 − u1/2m_e)].
        double u1 = 0.01, u2 = 1.0;
        double tLo = e * (1 - u2 / (2 * Me)), tHi = e * (1 - u1 / (2 * Me));
        double closedMag = Math.PI * Reference.Alpha * Reference.Alpha / (Me * Me) * Reference.HbarC2 * mu * mu * (Math.Log(tHi / tLo) - (tHi - tLo) / e);
        double numericMag = Quadrature.Integrate(u => X.MagneticMomentDSigmaDTThetaSquaredSmallAngle(e, u, mu), u1, u2, 1e-12);
        Reference.Close(closedMag, numericMag, 1e-8);
    }

    // ------------------------------------------------------------- ranges and bad input

    [Fact]
    public void CrossSections_OutsideKinematicRange_AreZero()
    {
        double e = 10, tAbove = Reference.TMax(e) * 1.0001;
        Assert.Equal(0.0, X.StandardModelDSigmaDT(NeutrinoSpecies.ElectronNeutrino, e, tAbove));
        Assert.Equal(0.0, X.MagneticMomentDSigmaDT(e, tAbove, 1e-10));
        Assert.Equal(0.0, X.StandardModelDSigmaDCosTheta(NeutrinoSpecies.ElectronNeutrino, e, -0.2));
        Assert.Equal(0.0, X.MagneticMomentDSigmaDCosTheta(e, -0.2, 1e-10));
        Assert.Equal(0.0, X.StandardModelDSigmaDThetaSquared(NeutrinoSpecies.ElectronNeutrino, e, 3.0));
        Assert.Equal(0.0, X.MagneticMomentDSigmaDThetaSquared(e, 3.0, 1e-10));
        Assert.Equal(0.0, X.StandardModelDSigmaDTThetaSquaredSmallAngle(NeutrinoSpecies.ElectronNeutrino, e, 2 * Me * 1.01));
        Assert.Equal(0.0, X.MagneticMomentDSigmaDTThetaSquaredSmallAngle(e, 2 * Me * 1.01, 1e-10));
        Assert.Equal(0.0, X.StandardModelDSigmaDT(NeutrinoSpecies.ElectronNeutrino, 0, 0));
        Assert.Equal(0.0, X.MagneticMomentDSigmaDT(e, 1, 0));
    }

    [Theory]
    [InlineData(-1.0, 0.1, "neutrinoEnergyMeV")]
    [InlineData(double.NaN, 0.1, "neutrinoEnergyMeV")]
    [InlineData(double.PositiveInfinity, 0.1, "neutrinoEnergyMeV")]
    [InlineData(10.0, -0.1, "recoilEnergyMeV")]
    [InlineData(10.0, double.NaN, "recoilEnergyMeV")]
    [InlineData(10.0, double.PositiveInfinity, "recoilEnergyMeV")]
    public void DSigmaDT_BadEnergies_ThrowNamingArgumentAndValue(double e, double t, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDT(NeutrinoSpecies.MuonNeutrino, e, t));
        Assert.Equal(param, ex.ParamName);
        Assert.Equal(param == "neutrinoEnergyMeV" ? e : t, (double)ex.ActualValue!);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDT(e, t, 1e-10));
        Assert.Equal(param, ex.ParamName);
    }

    [Fact]
    public void DSigmaDT_UnknownSpecies_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDT((NeutrinoSpecies)42, 10, 1));
        Assert.Equal("species", ex.ParamName);
        Assert.Equal(42, ex.ActualValue);
        Assert.Contains("42", ex.Message);
    }

    [Fact]
    public void Magnetic_AtZeroRecoil_ThrowsInsteadOfInfinity()
    {
        Assert.Equal("recoilEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDT(10, 0, 1e-10)).ParamName);
        Assert.Equal("cosTheta", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDCosTheta(10, 0, 1e-10)).ParamName);
        Assert.Equal("tThetaSquaredMeV", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDTThetaSquaredSmallAngle(10, 2 * Me, 1e-10)).ParamName);
        Assert.Equal("lowerRecoilEnergyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentIntegratedCrossSection(10, 1e-10, 0, 1)).ParamName);
        Assert.Equal("magneticMomentBohr", Assert.Throws<ArgumentOutOfRangeException>(() => X.MagneticMomentDSigmaDT(10, 1, double.NaN)).ParamName);
    }

    [Fact]
    public void CosThetaForm_CosineAboveOne_Throws()
        => Assert.Equal("cosTheta", Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDCosTheta(NeutrinoSpecies.MuonNeutrino, 10, 1.2)).ParamName);

    [Fact]
    public void ThetaSquared_Negative_Throws()
        => Assert.Equal("thetaSquared", Assert.Throws<ArgumentOutOfRangeException>(() => X.StandardModelDSigmaDThetaSquared(NeutrinoSpecies.MuonNeutrino, 10, -0.1)).ParamName);

    [Fact]
    public void Couplings_BadWeakMixingAngle_Throws()
        => Assert.Equal("sinSqThetaW", Assert.Throws<ArgumentOutOfRangeException>(() => ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino, 1.5)).ParamName);

    [Fact]
    public void Couplings_Match_BriefAndTechnoteEq30And31()
    {
        double s2 = 0.23;
        Assert.Equal(new ElectroweakCouplings(-0.5 + 2 * s2, -0.5), ElectroweakCouplings.ForSpecies(NeutrinoSpecies.MuonNeutrino, s2));
        Assert.Equal(new ElectroweakCouplings(0.5 + 2 * s2, 0.5), ElectroweakCouplings.ForSpecies(NeutrinoSpecies.ElectronNeutrino, s2));
        Assert.Equal(new ElectroweakCouplings(0.5 + 2 * s2, -0.5), ElectroweakCouplings.ForSpecies(NeutrinoSpecies.ElectronAntineutrino, s2));
        Assert.Equal(new ElectroweakCouplings(-0.5 + 2 * s2, 0.5), ElectroweakCouplings.ForSpecies(NeutrinoSpecies.TauAntineutrino, s2));
    }
}
