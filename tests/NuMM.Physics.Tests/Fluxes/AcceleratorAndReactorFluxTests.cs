using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Physics.Tests.Fluxes;

public class AcceleratorAndReactorFluxTests
{
    private const double MMu = 105.6583755, MPi = 139.57039;   // PDG 2024, MeV

    [Fact]
    public void StoppedPion_PromptLine_Is29Point79MeV()
    {
        double expected = (MPi * MPi - MMu * MMu) / (2 * MPi);   // two-body π⁺ → μ⁺ ν_μ at rest
        Assert.Equal(expected, StoppedPionSource.PromptLineEnergyMeV, 12);
        Assert.InRange(expected, 29.78, 29.80);
    }

    [Fact]
    public void StoppedPion_MichelSpectra_NormalisedWithKnownMeans()
    {
        // ∫64u²(3/4 − u)du = 1 and ∫192u²(1/2 − u)du = 1 on [0, 1/2]; means 0.35 m_μ (ν̄_μ) and 0.3 m_μ (ν_e).
        var delayed = StoppedPionSource.Delayed();
        Assert.Equal(2.0, delayed.TotalFlux(), 12);
        var numubar = new NeutrinoFlux("a", [delayed.Continua[0]], []);
        var nue = new NeutrinoFlux("b", [delayed.Continua[1]], []);
        Assert.Equal(0.35 * MMu, numubar.MeanEnergyMeV(), 9);
        Assert.Equal(0.30 * MMu, nue.MeanEnergyMeV(), 9);
        Assert.Equal(3.0, StoppedPionSource.AllFlavors().TotalFlux(), 12);
    }

    [Fact]
    public void Reactor_U235Spectrum_MatchesHuberExponentialPolynomial()
    {
        // Huber, PRC 84, 024617 (2011), Table III, ²³⁵U: α = 4.367, −4.577, 2.100, −0.5294, 0.06186, −0.002777.
        double e = 4.0;
        double expected = Math.Exp(4.367 - 4.577 * e + 2.100 * e * e - 0.5294 * e * e * e + 0.06186 * Math.Pow(e, 4) - 0.002777 * Math.Pow(e, 5));
        Assert.Equal(expected, ReactorSpectrum.IsotopeSpectrum(FissionIsotope.U235, e), 12);
        var pure = new ReactorSpectrum(new FissionFractions(1, 0, 0, 0));
        Assert.Equal(expected, pure.PerFissionDensity(e), 12);
        Assert.Equal(0.0, pure.PerFissionDensity(1.0));   // below the fitted 2 MeV by default
    }

    [Fact]
    public void Reactor_FluxAtDistance_IsFissionRateOverFourPiLSquared()
    {
        var fractions = FissionFractions.TypicalPwr;
        var reactor = new ReactorSpectrum(fractions);
        // Ma et al. 2013 energies per fission (MeV): 202.36, 205.99, 211.12, 214.26.
        double ef = 0.58 * 202.36 + 0.07 * 205.99 + 0.30 * 211.12 + 0.05 * 214.26;
        Assert.Equal(ef, reactor.MeanEnergyPerFissionMeV, 9);
        double power = 3900, distance = 17;                      // a CONUS-like core: 3.9 GW_th at 17 m
        double fissions = power * 1e6 / (ef * 1.602176634e-13);
        // Simpson integral of Σ f_k S_k over 2–8 MeV written here.
        int n = 600;
        double h = 6.0 / n, simpson = 0;
        for (int i = 0; i <= n; i++)
        {
            double e = 2 + i * h;
            double s = 0.58 * ReactorSpectrum.IsotopeSpectrum(FissionIsotope.U235, e) + 0.07 * ReactorSpectrum.IsotopeSpectrum(FissionIsotope.U238, e)
                     + 0.30 * ReactorSpectrum.IsotopeSpectrum(FissionIsotope.Pu239, e) + 0.05 * ReactorSpectrum.IsotopeSpectrum(FissionIsotope.Pu241, e);
            simpson += s * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        simpson *= h / 3;
        double expected = fissions * simpson / (4 * Math.PI * Math.Pow(distance * 100, 2));
        Assert.Equal(1.0, reactor.FluxAt(power, distance).TotalFlux() / expected, 8);
        // Huber–Mueller: about 1.5 ν̄ per fission above 2 MeV (the inverse-beta-decay-visible part of ~6 ν̄/fission).
        Assert.InRange(simpson, 1.2, 1.8);
    }

    [Fact]
    public void Reactor_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ReactorSpectrum(new FissionFractions(0.5, 0.1, 0.1, 0.1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactorSpectrum(new FissionFractions(1.2, -0.2, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactorSpectrum(FissionFractions.TypicalPwr).FluxAt(3000, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReactorSpectrum.IsotopeSpectrum(FissionIsotope.U235, double.NaN));
    }
}
