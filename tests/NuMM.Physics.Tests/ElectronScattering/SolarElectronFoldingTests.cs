using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Physics.Tests.ElectronScattering;

/// <summary>The fast folding paths of <see cref="NeutrinoElectronScattering"/> (inverse-energy expansion and batch
/// evaluation) against the scalar reference fold, and a flux-folded solar ν–e rate against Borexino.</summary>
public class SolarElectronFoldingTests
{
    private static readonly NeutrinoSpecies[] AllSpecies = Enum.GetValues<NeutrinoSpecies>();

    public static TheoryData<ElectronScatteringTerms, double> TermsAndMoments => new()
    {
        { ElectronScatteringTerms.StandardModel, 0.0 },
        { ElectronScatteringTerms.MagneticMoment, 1e-11 },
        { ElectronScatteringTerms.Both, 1e-11 },
        { ElectronScatteringTerms.Both, 0.0 },
    };

    [Theory]
    [MemberData(nameof(TermsAndMoments))]
    public void InverseEnergyCoefficients_AnySpecies_ReproduceReferenceDSigmaDTAboveThreshold(ElectronScatteringTerms terms, double mu)
    {
        // Reference: technote eqs. 29 and 35 typed in Reference, not the code under test.
        foreach (var species in AllSpecies)
        {
            var xs = new NeutrinoElectronScattering(species, mu, terms: terms);
            string name = species switch
            {
                NeutrinoSpecies.ElectronNeutrino => "nue", NeutrinoSpecies.ElectronAntineutrino => "nuebar",
                NeutrinoSpecies.MuonNeutrino => "numu", NeutrinoSpecies.MuonAntineutrino => "numubar",
                NeutrinoSpecies.TauNeutrino => "nutau", _ => "nutaubar",
            };
            var (gv, ga) = Reference.Couplings(name);
            foreach (double t in new[] { 1e-3, 0.05, 0.4, 2.0 })
            {
                xs.InverseEnergyCoefficients(t, out double scale, out double c0, out double c1, out double c2);
                foreach (double e in new[] { 0.3, 0.8618, 1.442, 5.0, 14.0 })
                {
                    if (t > Reference.TMax(e)) continue;
                    double expected = 0;
                    if ((terms & ElectronScatteringTerms.StandardModel) != 0) expected += Reference.SmDSigmaDT(gv, ga, e, t);
                    if ((terms & ElectronScatteringTerms.MagneticMoment) != 0) expected += Reference.MagDSigmaDT(e, t, mu);
                    double actual = scale * (c0 + c1 / e + c2 / (e * e));
                    Reference.Close(expected, actual, 1e-9, $"{species} {terms} E={e} T={t}");
                    Assert.True(c0 + c1 / e + c2 / (e * e) >= 0);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TermsAndMoments))]
    public void BatchOverEnergies_MixedThreshold_EqualsScalarElementwise(ElectronScatteringTerms terms, double mu)
    {
        double[] energies = [0.0, 0.1, 0.3843, 0.5, 0.8618, 1.442, 3.0, 10.0, 16.0];
        var destination = new double[energies.Length];
        foreach (var species in AllSpecies)
        {
            var xs = new NeutrinoElectronScattering(species, mu, terms: terms);
            foreach (double t in new[] { 0.02, 0.3, 1.0 })
            {
                xs.DSigmaDTOverNeutrinoEnergies(t, energies, destination);
                for (int i = 0; i < energies.Length; i++)
                    Reference.Close(xs.DSigmaDT(energies[i], t), destination[i], 1e-12, $"{species} E={energies[i]} T={t}");
            }
        }
    }

    [Fact]
    public void InverseEnergyCoefficients_MagneticAtZeroRecoil_ThrowsNamingArgument()
    {
        var xs = new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 1e-11);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => xs.InverseEnergyCoefficients(0.0, out _, out _, out _, out _));
        Assert.Equal("recoilEnergyMeV", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => xs.InverseEnergyCoefficients(double.NaN, out _, out _, out _, out _));
        // Without a moment T = 0 is allowed and equals the scalar value.
        var sm = new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino);
        sm.InverseEnergyCoefficients(0.0, out double s, out double c0, out double c1, out double c2);
        Reference.Close(sm.DSigmaDT(1.0, 0.0), s * (c0 + c1 + c2), 1e-12);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(0.31)]
    [InlineData(0.6)]
    [InlineData(0.66)]
    public void FastFold_Be7Lines_AgreesWithScalarFold(double t)
    {
        var flux = SolarFluxes.BS05OP(SolarNeutrinoSource.Be7);
        foreach (var terms in new[] { ElectronScatteringTerms.StandardModel, ElectronScatteringTerms.Both })
        {
            var e = new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 1e-11, terms: terms), 0.55 * 3.3e26);
            var mu = new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 1e-11, terms: terms), 0.45 * 3.3e26);
            AssertStrategiesAgree(flux, [e, mu], t);
        }
    }

    [Theory]
    [InlineData(0.005)]
    [InlineData(0.05)]
    [InlineData(0.15)]
    [InlineData(0.26)]
    public void FastFold_PpContinuum_AgreesWithScalarFold(double t)
    {
        var flux = SolarFluxes.BS05OP(SolarNeutrinoSource.Pp);
        var xs = new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 1e-11);
        Assert.True(new RecoilSpectrumFolder(flux, [new FoldingTerm(xs, 1.0)], strategy: FoldingStrategy.Scalar).FoldedPerKgPerMeV(t) > 0);
        AssertStrategiesAgree(flux, [new FoldingTerm(xs, 3.3e26)], t);
    }

    [Fact]
    public void FastFold_FullSolarFlux_SpectrumAgreesWithScalarFold()
    {
        var flux = SolarFluxes.BS05OPTotal();
        var terms = new[] { new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.TauNeutrino, 3e-11), 1.0) };
        var recoil = Enumerable.Range(1, 200).Select(i => 0.01 * i).ToArray();
        var fast = new double[recoil.Length];
        var scalar = new double[recoil.Length];
        new RecoilSpectrumFolder(flux, terms).RatePerKgDayKeV(recoil, fast);
        new RecoilSpectrumFolder(flux, terms, strategy: FoldingStrategy.Scalar).RatePerKgDayKeV(recoil, scalar);
        for (int i = 0; i < recoil.Length; i++) Reference.Close(scalar[i], fast[i], 1e-9, $"T={recoil[i]}");
    }

    private static void AssertStrategiesAgree(NeutrinoFlux flux, FoldingTerm[] terms, double t)
    {
        double scalar = new RecoilSpectrumFolder(flux, terms, strategy: FoldingStrategy.Scalar).FoldedPerKgPerMeV(t);
        double vectorised = new RecoilSpectrumFolder(flux, terms, strategy: FoldingStrategy.Vectorised).FoldedPerKgPerMeV(t);
        double fastest = new RecoilSpectrumFolder(flux, terms, strategy: FoldingStrategy.Fastest).FoldedPerKgPerMeV(t);
        Assert.True(scalar > 0, $"scalar fold at T={t} is {scalar}");
        Reference.Close(scalar, fastest, 1e-9, $"Fastest at T={t}");
        Reference.Close(scalar, vectorised, 1e-9, $"Vectorised at T={t}");
    }

    /// <summary>Electrons per 100 t of pseudocumene C₉H₁₂ (1,2,4-trimethylbenzene, Borexino's solvent): 66 electrons per
    /// molecule, M = 9·12.011 + 12·1.008 g/mol (IUPAC standard atomic weights); 3.307×10³¹, the value Borexino quotes
    /// (the PPO solute, 1.5 g/l, is neglected).</summary>
    private static double ElectronsPer100Tonnes => 66.0 / (9 * 12.011 + 12 * 1.008) * 1e8 * 6.02214076e23;

    [Fact]
    public void Be7LineRate_BorexinoPseudocumeneWithLmaOscillations_MatchesPublishedExpectation()
    {
        // Borexino, Phys. Rev. Lett. 107, 141302 (2011), abstract: 862 keV ⁷Be ν–e rate 46.0 ± 1.5 (stat) +1.5/−1.6 (syst)
        // counts/(day·100 t) measured, interpreted as P_ee(862 keV) = 0.51 ± 0.07. The MSW-LMA expectation of
        // 48 ± 4 cpd/100 t (high-metallicity SSM) is quoted from the body of that paper as recalled, not re-read here;
        // the seed talk gives "50 events/d/100t expected". Inputs here: BS05(OP) ⁷Be flux 4.844×10⁹ cm⁻² s⁻¹ × 89.7 % in
        // the 0.8618 MeV line, P_ee(862 keV) = 0.55 (the talk), ν_μ,τ (1 − P_ee) scattering through the NC only.
        // Dropping the ν_μ,τ NC term would give ≈ 41 and fail the range check.
        Assert.Equal(3.307e31, ElectronsPer100Tonnes, 0.001e31);
        const double lineFlux = 4.844e9 * 0.897;
        double Rate(double pee)
        {
            var flux = NeutrinoFlux.FromLines("7Be 862", new SpectralLine(0.8618, lineFlux));
            double perKg = ElectronsPer100Tonnes / 1e5;
            var folder = new RecoilSpectrumFolder(flux,
            [
                new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino), pee * perKg),
                new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino), (1 - pee) * perKg),
            ]);
            // One recoil bin [0, T_max]: dR/dT of a line is quadratic in T, so the 4-point rule of ExpectedEvents is exact.
            return folder.ExpectedEvents([0.0, Reference.TMax(0.8618)], 1e5)[0];
        }

        // Independent closed form: N_e Φ_line [P σ_e + (1 − P) σ_μ] × 86400 s, σ = ∫₀^Tmax dσ/dT dT written out here.
        static double Sigma(double gv, double ga, double e)
        {
            double tm = Reference.TMax(e), l = (gv + ga) * (gv + ga), r = (gv - ga) * (gv - ga), i = gv * gv - ga * ga;
            double k = Reference.Gf * Reference.Gf * Reference.MeMeV / (2 * Math.PI) * Reference.HbarC2;
            return k * (l * tm + r * e / 3 * (1 - Math.Pow(1 - tm / e, 3)) - i * Reference.MeMeV * tm * tm / (2 * e * e));
        }
        var (gve, gae) = Reference.Couplings("nue");
        var (gvm, gam) = Reference.Couplings("numu");
        double closed = ElectronsPer100Tonnes * lineFlux * (0.55 * Sigma(gve, gae, 0.8618) + 0.45 * Sigma(gvm, gam, 0.8618)) * 86400;

        double expected = Rate(0.55);
        Reference.Close(closed, expected, 1e-6, "folded vs closed-form rate");
        Assert.InRange(expected, 48.0 - 4.0, 48.0 + 4.0);
        // The measured rate with Borexino's own P_ee = 0.51 ± 0.07 (same paper): within the combined 2.2 cpd/100 t.
        Assert.InRange(Rate(0.51), 46.0 - 2.2, 46.0 + 2.2);
    }
}
