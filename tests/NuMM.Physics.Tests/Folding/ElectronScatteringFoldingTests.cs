using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Folding;

/// <summary>The folder with the real ν–e cross section of the phys-nue module (scalar interface only).</summary>
public class ElectronScatteringFoldingTests
{
    private const double Me = 0.51099895069;   // MeV, PDG 2024

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void SolarBe7OnElectrons_LinesFoldAsDeltas(double t)
    {
        var xs = new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 1e-11);
        var folder = new RecoilSpectrumFolder(SolarFluxes.BS05OP(SolarNeutrinoSource.Be7), [new FoldingTerm(xs, 1.0)]);
        // T_max(E) = 2E²/(m_e + 2E): 0.6646 MeV for the 0.8618 line, 0.2311 MeV for the 0.3843 line.
        double tMaxExcited = 2 * 0.3843 * 0.3843 / (Me + 2 * 0.3843);
        double expected = 0.897 * 4.844e9 * xs.DSigmaDT(0.8618, t) + (t <= tMaxExcited ? 0.103 * 4.844e9 * xs.DSigmaDT(0.3843, t) : 0);
        Assert.True(expected > 0);
        Assert.Equal(1.0, folder.FoldedPerKgPerMeV(t) / expected, 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(10.0)]
    public void SolarB8OnElectrons_MatchesIndependentSimpsonIntegral(double t)
    {
        var xs = new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino);
        var flux = SolarFluxes.BS05OP(SolarNeutrinoSource.B8);
        double electronsPerKg = NuclearTable.GetTarget("Xe").ElectronsPerKg;
        var folder = new RecoilSpectrumFolder(flux, [new FoldingTerm(xs, electronsPerKg)]);
        double eMin = 0.5 * (t + Math.Sqrt(t * t + 2 * Me * t));   // electron E_min(T), written here
        int n = 20000;
        double h = (20.0 - eMin) / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double e = eMin + i * h;
            sum += flux.Density(e) * xs.DSigmaDT(e, t) * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        double expected = electronsPerKg * sum * h / 3;
        Assert.Equal(1.0, folder.FoldedPerKgPerMeV(t) / expected, 5);
    }
}
