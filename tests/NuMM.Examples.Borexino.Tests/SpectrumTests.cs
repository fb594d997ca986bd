using NuMM.Examples.Borexino;
using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Examples.Borexino.Tests;

/// <summary>The example's solar recoil spectra against closed forms and an independent numerical integration written
/// here: dσ/dT of technote eqs. 29 and 35 integrated over T analytically, the flux integral by Simpson's rule.</summary>
public class SpectrumTests
{
    // PDG 2024: G_F, m_e, (ħc)², low-energy sin²θ_W.
    private const double Gf = 1.1663788e-11, Me = 0.51099895069, HbarC2 = 0.389379372e-21, SinSqW = 0.23873;
    private const double Alpha = 1 / 137.035999177;
    private const double PerKg = 66.0 / (9 * 12.011 + 12 * 1.008) * 1000 * 6.02214076e23;   // pseudocumene e⁻/kg
    private const double Window0 = 0.2, Window1 = 1.5;                                          // MeV
    private static readonly SolarRecoilSpectrum Spectrum = new();

    private static double TMax(double e) => 2 * e * e / (Me + 2 * e);

    /// <summary>∫_a^b dσ/dT dT (cm²) of the SM term, b clipped at T_max(E).</summary>
    private static double SmWindow(bool electronFlavour, double e, double a, double b)
    {
        b = Math.Min(b, TMax(e));
        if (b <= a) return 0;
        double gv = (electronFlavour ? 0.5 : -0.5) + 2 * SinSqW, ga = electronFlavour ? 0.5 : -0.5;
        double l = (gv + ga) * (gv + ga), r = (gv - ga) * (gv - ga), i = gv * gv - ga * ga;
        double k = Gf * Gf * Me / (2 * Math.PI) * HbarC2;
        return k * (l * (b - a) + r * e / 3 * (Math.Pow(1 - a / e, 3) - Math.Pow(1 - b / e, 3)) - i * Me * (b * b - a * a) / (2 * e * e));
    }

    /// <summary>∫_a^b (π α²/m_e²) μ² (1/T − 1/E) dT (cm²), b clipped at T_max(E).</summary>
    private static double MagneticWindow(double mu, double e, double a, double b)
    {
        b = Math.Min(b, TMax(e));
        if (b <= a) return 0;
        return Math.PI * Alpha * Alpha / (Me * Me) * HbarC2 * mu * mu * (Math.Log(b / a) - (b - a) / e);
    }

    private static double SmRatePerSecondKg(NeutrinoFlux flux)
    {
        double Integrand(double e)
        {
            if (e <= 0) return 0;   // the ⁸B table starts at E = 0, where no recoil is possible
            double p = SolarOscillation.Survival(e);
            return p * SmWindow(true, e, Window0, Window1) + (1 - p) * SmWindow(false, e, Window0, Window1);
        }
        double sum = flux.Lines.Sum(l => l.Flux * Integrand(l.EnergyMeV));
        foreach (var (shape, scale) in flux.Continua) sum += scale * Simpson(e => shape.Density(e) * Integrand(e), shape.MinEnergyMeV, shape.MaxEnergyMeV);
        return PerKg * sum;
    }

    private static double Simpson(Func<double, double> f, double a, double b, int n = 200000)
    {
        double h = (b - a) / n, sum = f(a) + f(b);
        for (int i = 1; i < n; i++) sum += (i % 2 == 1 ? 4 : 2) * f(a + i * h);
        return sum * h / 3;
    }

    [Theory]
    [InlineData(SolarGroup.Pp)]
    [InlineData(SolarGroup.Be7)]
    [InlineData(SolarGroup.Pep)]
    [InlineData(SolarGroup.Cno)]
    [InlineData(SolarGroup.B8)]
    public void StandardModelEvents_Window_EqualIndependentFluxIntegral(SolarGroup group)
    {
        var edges = SolarRecoilSpectrum.TrueEdges(Window0, Window1, 0.01);
        const double exposureKgDay = 1e5;   // 100 t · day
        double binned = Spectrum.StandardModelEvents(group, edges, exposureKgDay).Sum();
        double expected = SmRatePerSecondKg(SolarRecoilSpectrum.Flux(group)) * 86400 * exposureKgDay;
        Assert.True(expected > 0);
        Assert.True(Math.Abs(binned / expected - 1) < 2e-4, $"{group}: binned {binned:R}, independent {expected:R}");
    }

    [Fact]
    public void StandardModelSpectrum_Integral_EqualsSumOfPerSourceRates()
    {
        // The spectrum the fit uses (sum of groups, T > 0.19 MeV) against the per-source rates integrated independently.
        var edges = SolarRecoilSpectrum.TrueEdges(Window0, Window1, 0.01);
        double total = Enum.GetValues<SolarGroup>().Sum(g => Spectrum.StandardModelEvents(g, edges, 1e5).Sum());
        double independent = Enum.GetValues<SolarGroup>().Sum(g => SmRatePerSecondKg(SolarRecoilSpectrum.Flux(g))) * 86400 * 1e5;
        Assert.True(Math.Abs(total / independent - 1) < 2e-4, $"{total:R} vs {independent:R}");
        // And the dR/dT the example prints integrates to the same (midpoint rule on 1 keV steps inside smooth pieces).
        double printed = 0;
        for (int b = 0; b + 1 < edges.Length; b++)
        {
            int n = Math.Max(1, (int)Math.Round((edges[b + 1] - edges[b]) / 1e-3));
            double h = (edges[b + 1] - edges[b]) / n;
            for (int i = 0; i < n; i++)
                printed += h * Enum.GetValues<SolarGroup>().Sum(g => Spectrum.StandardModelRate(g, edges[b] + (i + 0.5) * h));
        }
        Assert.True(Math.Abs(printed / total - 1) < 1e-4, $"printed dR/dT integrates to {printed}, binned {total} per 100 t day");
    }

    [Fact]
    public void MagneticEvents_Be7Lines_EqualClosedFormOneOverTIntegral()
    {
        var edges = SolarRecoilSpectrum.TrueEdges(Window0, Window1, 0.01);
        double binned = Spectrum.MagneticEvents(SolarGroup.Be7, edges, 1e5).Sum();
        // Magnetic term on the full (unoscillated) flux: μ_eff already contains the flavour composition.
        double total = 4.844e9;   // BS05(OP) ⁷Be, Table 1
        double expected = PerKg * 86400 * 1e5 * (0.897 * total * MagneticWindow(1e-11, 0.8618, Window0, Window1)
                                                 + 0.103 * total * MagneticWindow(1e-11, 0.3843, Window0, Window1));
        Assert.True(Math.Abs(binned / expected - 1) < 1e-6, $"{binned:R} vs {expected:R}");
    }

    [Fact]
    public void MagneticRate_ScalesAsMuSquaredAndRisesAsOneOverT()
    {
        double a = Spectrum.MagneticRate(SolarGroup.Be7, 0.2, 1e-11), b = Spectrum.MagneticRate(SolarGroup.Be7, 0.2, 3e-11);
        Assert.Equal(9.0, b / a, 10);
        // For one line dR/dT ∝ 1/T − 1/E: the ratio between T = 0.2 and 0.6 MeV is (5 − 1/0.8618·…) written out.
        double ratio = Spectrum.MagneticRate(SolarGroup.Be7, 0.25, 1e-11) / Spectrum.MagneticRate(SolarGroup.Be7, 0.6, 1e-11);
        double expected = (1 / 0.25 - 1 / 0.8618) / (1 / 0.6 - 1 / 0.8618);   // 0.3843 line is closed above T = 0.231 MeV
        Assert.Equal(expected, ratio, 9);
    }

    [Theory]
    [InlineData(0.4, 0.57)]
    [InlineData(0.8618, 0.55)]
    public void TwoFlavourSurvival_BorexinoEnergies_MatchTalkWithinTwoPercent(double energyMeV, double talk)
    {
        // Talk, "MM of flavour states": P(400) = 0.57 and P(862) = 0.55.
        Assert.InRange(SolarOscillation.TwoFlavourSurvival(energyMeV), talk - 0.02, talk + 0.02);
    }

    [Fact]
    public void Survival_NonPositiveEnergy_ThrowsNamingArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SolarOscillation.Survival(0.0));
        Assert.Equal("energyMeV", ex.ParamName);
    }
}
