using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Examples.CoherentCsI;

/// <summary>The three neutrino components of the SNS stopped-pion beam, which arrive at different times.</summary>
public enum SnsFlavour
{
    /// <summary>Prompt ν_μ line from π⁺ → μ⁺ ν_μ (arrives with the proton pulse).</summary>
    PromptNuMu,
    /// <summary>Delayed ν̄_μ from μ⁺ decay (τ_μ = 2.2 µs).</summary>
    DelayedNuMuBar,
    /// <summary>Delayed ν_e from μ⁺ decay.</summary>
    DelayedNuE,
}

/// <summary>The SNS π-DAR beam by component, shared by the CsI 2017 and 2021 examples.</summary>
public static class SnsBeam
{
    /// <summary>The fluence (cm⁻², or cm⁻² MeV⁻¹ for the continua) of one flavour.</summary>
    /// <param name="flavour">Beam component.</param>
    /// <param name="fluencePerFlavourCm2">Time-integrated neutrinos of each flavour per cm² at the detector.</param>
    public static NeutrinoFlux Flux(SnsFlavour flavour, double fluencePerFlavourCm2) => flavour switch
    {
        SnsFlavour.PromptNuMu => StoppedPionSource.Prompt(fluencePerFlavourCm2),
        SnsFlavour.DelayedNuMuBar => new NeutrinoFlux("Michel ν̄_μ",
            [(new AnalyticSpectrum("Michel ν̄_μ", StoppedPionSource.MuonAntineutrinoPdf, 0, StoppedPionSource.MichelEndpointMeV, 16), fluencePerFlavourCm2)], []),
        SnsFlavour.DelayedNuE => new NeutrinoFlux("Michel ν_e",
            [(new AnalyticSpectrum("Michel ν_e", StoppedPionSource.ElectronNeutrinoPdf, 0, StoppedPionSource.MichelEndpointMeV, 16), fluencePerFlavourCm2)], []),
        _ => throw new ArgumentOutOfRangeException(nameof(flavour)),
    };
}
