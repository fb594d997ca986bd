using System;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>Neutrinos from π⁺ decay at rest and the subsequent μ⁺ decay at rest (spallation sources such as the SNS):
/// a prompt ν_μ line at E = (m_π² − m_μ²)/(2m_π) ≈ 29.79 MeV, and delayed ν̄_μ and ν_e with the Michel spectra
/// f_ν̄μ(E) = (64/m_μ)(E/m_μ)²(3/4 − E/m_μ), f_νe(E) = (192/m_μ)(E/m_μ)²(1/2 − E/m_μ), for 0 ≤ E ≤ m_μ/2
/// (each normalised to one neutrino per decay; e.g. Louis, Los Alamos Science 25 (1997) 92; COHERENT,
/// Science 357, 1123 (2017), supplementary material).</summary>
public static class StoppedPionSource
{
    /// <summary>Charged-pion mass in MeV (PDG 2024: 139.57039(18) MeV). Not in <see cref="PhysicalConstants"/>.</summary>
    public const double ChargedPionMassMeV = 139.57039;

    /// <summary>Muon mass in MeV (PDG 2024: 105.6583755(23) MeV). Not in <see cref="PhysicalConstants"/>.</summary>
    public const double MuonMassMeV = 105.6583755;

    /// <summary>Energy of the prompt ν_μ line, (m_π² − m_μ²)/(2 m_π) in MeV.</summary>
    public static double PromptLineEnergyMeV => (ChargedPionMassMeV * ChargedPionMassMeV - MuonMassMeV * MuonMassMeV) / (2 * ChargedPionMassMeV);

    /// <summary>Michel endpoint m_μ/2 in MeV.</summary>
    public static double MichelEndpointMeV => MuonMassMeV / 2;

    /// <summary>Normalised ν̄_μ spectrum (MeV⁻¹).</summary>
    /// <param name="energyMeV">E in MeV.</param>
    public static double MuonAntineutrinoPdf(double energyMeV)
    {
        if (!(energyMeV >= 0) || energyMeV > MichelEndpointMeV) return 0;
        double x = energyMeV / MuonMassMeV;
        return 64 / MuonMassMeV * x * x * (0.75 - x);
    }

    /// <summary>Normalised ν_e spectrum (MeV⁻¹).</summary>
    /// <param name="energyMeV">E in MeV.</param>
    public static double ElectronNeutrinoPdf(double energyMeV)
    {
        if (!(energyMeV >= 0) || energyMeV > MichelEndpointMeV) return 0;
        double x = energyMeV / MuonMassMeV;
        return 192 / MuonMassMeV * x * x * (0.5 - x);
    }

    /// <summary>Flux of the three flavours, each carrying <paramref name="neutrinosPerFlavor"/> per unit of whatever the
    /// caller counts (per proton on target, per second, or per cm² after dividing by 4πL²).</summary>
    /// <param name="neutrinosPerFlavor">Neutrinos per flavour, finite and ≥ 0.</param>
    public static NeutrinoFlux AllFlavors(double neutrinosPerFlavor = 1.0)
        => Prompt(neutrinosPerFlavor).Plus(Delayed(neutrinosPerFlavor), "π-DAR ν_μ + ν̄_μ + ν_e");

    /// <summary>The prompt ν_μ line.</summary>
    /// <param name="neutrinosPerFlavor">Line flux.</param>
    public static NeutrinoFlux Prompt(double neutrinosPerFlavor = 1.0)
        => NeutrinoFlux.FromLines("π-DAR prompt ν_μ", new SpectralLine(PromptLineEnergyMeV, neutrinosPerFlavor, "ν_μ 29.8 MeV"));

    /// <summary>The delayed ν̄_μ and ν_e Michel spectra.</summary>
    /// <param name="neutrinosPerFlavor">Integral of each spectrum.</param>
    public static NeutrinoFlux Delayed(double neutrinosPerFlavor = 1.0)
    {
        if (!double.IsFinite(neutrinosPerFlavor) || neutrinosPerFlavor < 0)
            throw new ArgumentOutOfRangeException(nameof(neutrinosPerFlavor), neutrinosPerFlavor, "Neutrinos per flavour must be finite and ≥ 0.");
        // The Michel shapes are cubic polynomials: a 4-point Gauss rule on 8 panels integrates them exactly.
        var numubar = new AnalyticSpectrum("Michel ν̄_μ", MuonAntineutrinoPdf, 0, MichelEndpointMeV, 8);
        var nue = new AnalyticSpectrum("Michel ν_e", ElectronNeutrinoPdf, 0, MichelEndpointMeV, 8);
        return new NeutrinoFlux("π-DAR delayed ν̄_μ + ν_e", [(numubar, neutrinosPerFlavor), (nue, neutrinosPerFlavor)], []);
    }
}
