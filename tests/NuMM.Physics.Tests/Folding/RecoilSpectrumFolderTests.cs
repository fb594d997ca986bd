using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Folding;

public class RecoilSpectrumFolderTests
{
    private const double Me = 0.51099895069;   // MeV, PDG 2024

    /// <summary>ν–e test double: flat dσ/dT = c up to the electron T_max = 2E²/(m_e + 2E); scalar only (no batch form).</summary>
    private sealed class FlatElectronCrossSection(double c) : IDifferentialCrossSection
    {
        public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
            => recoilEnergyMeV <= MaxRecoilEnergyMeV(neutrinoEnergyMeV) ? c : 0;
        public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV) => 2 * neutrinoEnergyMeV * neutrinoEnergyMeV / (Me + 2 * neutrinoEnergyMeV);
        public double MinNeutrinoEnergyMeV(double recoilEnergyMeV) => 0.5 * (recoilEnergyMeV + Math.Sqrt(recoilEnergyMeV * recoilEnergyMeV + 2 * Me * recoilEnergyMeV));
    }

    /// <summary>Hides the batch form of a cross section, to test the scalar fallback against it.</summary>
    private sealed class ScalarOnly(IDifferentialCrossSection inner) : IDifferentialCrossSection
    {
        public double DSigmaDT(double e, double t) => inner.DSigmaDT(e, t);
        public double MaxRecoilEnergyMeV(double e) => inner.MaxRecoilEnergyMeV(e);
        public double MinNeutrinoEnergyMeV(double t) => inner.MinNeutrinoEnergyMeV(t);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(3.5)]
    public void ElectronTestDouble_FlatFluxPlusLine_MatchesClosedForm(double t)
    {
        // Flat continuum φ₀ on [1, 4] MeV plus a line Φ_l at 2 MeV; dσ/dT = c. Exact:
        // per target = c φ₀ (4 − max(1, E_min(T)))⁺ + c Φ_l [E_min(T) ≤ 2].
        double c = 1e-45, phi0 = 1e6, lineFlux = 3e5, nPerKg = 3e26;
        var flat = new TabulatedSpectrum("flat", [1.0, 4.0], [phi0, phi0]);
        var flux = new NeutrinoFlux("flat+line", [(flat, 1.0)], [new SpectralLine(2.0, lineFlux)]);
        var folder = new RecoilSpectrumFolder(flux, [new FoldingTerm(new FlatElectronCrossSection(c), nPerKg)]);
        double eMin = 0.5 * (t + Math.Sqrt(t * t + 2 * Me * t));
        double perTarget = c * phi0 * Math.Max(0, 4 - Math.Max(1, eMin)) + (eMin <= 2 ? c * lineFlux : 0);
        double expected = nPerKg * perTarget * 86400 * 1e-3;   // events / (kg day keV)
        Assert.Equal(1.0, folder.RatePerKgDayKeV(t) / expected, 12);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-3)]
    [InlineData(3e-3)]
    public void Cevns_B8OnGermanium_MatchesIndependentSimpsonIntegral(double t)
    {
        var ge74 = NuclearTable.GetNucleus("Ge74");
        var xs = new CevnsStandardModel(ge74);
        var flux = SolarFluxes.BS05OP(SolarNeutrinoSource.B8);
        var folder = new RecoilSpectrumFolder(flux, [new FoldingTerm(xs, 1.0)]);
        // Simpson on a fine uniform grid from E_min(T) to 20 MeV (flux density interpolated by the flux object).
        double m = ge74.NuclearMassMeV;
        double eMin = 0.5 * (t + Math.Sqrt(t * t + 2 * m * t));
        int n = 20000;
        double h = (20.0 - eMin) / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double e = eMin + i * h;
            sum += flux.Density(e) * xs.DSigmaDT(e, t) * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        double expected = sum * h / 3;
        // Simpson on a piecewise-linear density has O(h²) error at the kinks: 1e-5 relative is ample.
        Assert.Equal(1.0, folder.FoldedPerKgPerMeV(t) / expected, 5);
    }

    [Fact]
    public void Cevns_TotalRate_EqualsFluxTimesTotalCrossSection()
    {
        // Fubini: ∫ dT ∫ dE φ dσ/dT = ∫ dE φ σ(E). Both sides integrated here with simple rules on the folder's output.
        var ge = NuclearTable.GetNucleus("Ge74");
        var xs = new CevnsStandardModel(ge);
        var flux = SolarFluxes.BS05OP(SolarNeutrinoSource.B8);
        var folder = new RecoilSpectrumFolder(flux, [new FoldingTerm(xs, 1.0)]);
        double tMax = xs.MaxRecoilEnergyMeV(16.5);
        int n = 4000;
        double h = tMax / n, rateIntegral = 0;
        var ts = Enumerable.Range(0, n + 1).Select(i => i * h).ToArray();
        foreach (var (tt, i) in ts.Select((v, i) => (v, i)))
            rateIntegral += folder.FoldedPerKgPerMeV(tt) * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        rateIntegral *= h / 3;
        double direct = CrossSectionIntegrals.FluxAveragedCm2(flux, xs) * flux.TotalFlux();
        Assert.Equal(1.0, rateIntegral / direct, 4);
    }

    [Fact]
    public void Lines_FoldAsDeltaFunctions()
    {
        var ge = NuclearTable.GetNucleus("Ge74");
        var xs = new CevnsStandardModel(ge);
        var be7 = SolarFluxes.BS05OP(SolarNeutrinoSource.Be7);
        var folder = new RecoilSpectrumFolder(be7, [new FoldingTerm(xs, 2.0)]);
        double t = 3e-6;   // below T_max of both lines on ⁷⁴Ge (≈ 21.5 and 4.3 eV)
        Assert.True(xs.DSigmaDT(0.3843, t) > 0);   // both lines contribute at this T
        double expected = 2.0 * (0.897 * 4.844e9 * xs.DSigmaDT(0.8618, t) + 0.103 * 4.844e9 * xs.DSigmaDT(0.3843, t));
        Assert.Equal(expected, folder.FoldedPerKgPerMeV(t), expected * 1e-12);
        double aboveBoth = xs.MaxRecoilEnergyMeV(0.8618) * 1.01;
        Assert.Equal(0.0, folder.FoldedPerKgPerMeV(aboveBoth));
    }

    [Fact]
    public void Strategies_MomentsVectorisedScalar_Agree()
    {
        var target = NuclearTable.GetTarget("Ge");
        var flux = SolarFluxes.BS05OP(SolarNeutrinoSource.B8).Plus(SolarFluxes.BS05OP(SolarNeutrinoSource.Hep));
        Func<Nucleus, IDifferentialCrossSection> xs = n => new CrossSectionSum(
            new CevnsStandardModel(n), new CevnsActiveMagneticMoment(n, 1e-9), new CevnsSterileDipole(n, 1e-9, 3.0));
        var fastest = RecoilSpectrumFolder.ForTarget(flux, target, xs);
        var vector = RecoilSpectrumFolder.ForTarget(flux, target, xs, strategy: FoldingStrategy.Vectorised);
        // Each part hidden behind a scalar-only wrapper (the sum is flattened, so every part keeps its own E_min).
        var scalar = RecoilSpectrumFolder.ForTarget(flux, target,
            n => new CrossSectionSum(((CrossSectionSum)xs(n)).Parts.Select(p => (IDifferentialCrossSection)new ScalarOnly(p)).ToArray()),
            strategy: FoldingStrategy.Scalar);
        var ts = Enumerable.Range(1, 12).Select(i => i * 2.5e-4).ToArray();
        var a = new double[ts.Length];
        var b = new double[ts.Length];
        var c = new double[ts.Length];
        fastest.RatePerKgDayKeV(ts, a);
        vector.RatePerKgDayKeV(ts, b);
        scalar.RatePerKgDayKeV(ts, c);
        for (int i = 0; i < ts.Length; i++)
        {
            Assert.True(c[i] > 0);
            Assert.True(Math.Abs(a[i] / c[i] - 1) < 1e-11, $"moments: T={ts[i]} {a[i]} vs {c[i]} (vector {b[i]})");
            Assert.True(Math.Abs(b[i] / c[i] - 1) < 1e-11, $"vectorised: T={ts[i]} {b[i]} vs {c[i]}");
        }
        // Array form equals the single-T form.
        Assert.Equal(a[7], fastest.RatePerKgDayKeV(ts[7]), a[7] * 1e-14);
        Assert.Equal(15, fastest.Terms.Count);   // 5 isotopes × 3 parts, sums flattened
    }

    [Fact]
    public void ForTarget_UsesTargetsPerKgFromTable()
    {
        var csi = NuclearTable.GetTarget("CsI");
        var flux = StoppedPionSource.AllFlavors(1e7);   // ν cm⁻² s⁻¹ per flavour
        var folder = RecoilSpectrumFolder.ForTarget(flux, csi, n => new CevnsStandardModel(n));
        double t = 0.01, perKg = 6.02214076e23 * 1000 / (132.905451961 + 126.9044719);
        double expected = 0;
        foreach (var c in csi.Components)
        {
            var single = new RecoilSpectrumFolder(flux, [new FoldingTerm(new CevnsStandardModel(c.Nucleus), 1.0)]);
            expected += perKg * single.FoldedPerKgPerMeV(t);
        }
        Assert.Equal(1.0, folder.FoldedPerKgPerMeV(t) / expected, 12);
        Assert.Equal(folder.FoldedPerKgPerMeV(t) * 86400 * 1e-3, folder.RatePerKgDayKeV(t), 1e-9 * folder.RatePerKgDayKeV(t));
    }

    [Fact]
    public void ExpectedEvents_IntegratesRateOverBinsTimesExposure()
    {
        var ge = NuclearTable.GetNucleus("Ge74");
        var folder = new RecoilSpectrumFolder(SolarFluxes.BS05OP(SolarNeutrinoSource.B8), [new FoldingTerm(new CevnsStandardModel(ge), 8e24)]);
        double[] edges = [1e-4, 2e-4, 5e-4];
        var events = folder.ExpectedEvents(edges, 1000);
        for (int b = 0; b < 2; b++)
        {
            int n = 400;
            double h = (edges[b + 1] - edges[b]) / n, s = 0;
            for (int i = 0; i <= n; i++) s += folder.RatePerKgDayKeV(edges[b] + i * h) * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
            double expected = 1000 * s * h / 3 * 1000;   // kg·day × ∫ dR/dT [per keV] dT[MeV → keV]
            Assert.Equal(1.0, events[b] / expected, 6);
        }
    }

    [Fact]
    public void Folder_BadInput_Throws()
    {
        var ge = NuclearTable.GetNucleus("Ge74");
        var folder = new RecoilSpectrumFolder(SolarFluxes.BS05OP(SolarNeutrinoSource.B8), [new FoldingTerm(new CevnsStandardModel(ge), 1)]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => folder.RatePerKgDayKeV(-1e-3));
        Assert.Equal("recoilEnergyMeV", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => folder.RatePerKgDayKeV(double.NaN));
        var arr = Assert.Throws<ArgumentOutOfRangeException>(() => folder.RatePerKgDayKeV(new[] { 1e-3, double.PositiveInfinity }, new double[2]));
        Assert.Contains("recoilEnergiesMeV[1]", arr.Message);
        Assert.Throws<ArgumentException>(() => folder.ExpectedEvents(new[] { 2e-3, 1e-3 }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FoldingTerm(new CevnsStandardModel(ge), double.NaN));
    }
}
