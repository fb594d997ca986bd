namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>The simulated true interaction mode of a slice, which decides its cross-section knob responses
/// (<see cref="CrossSectionKnobs"/>).</summary>
public enum InteractionMode : byte
{
    /// <summary>ν–e elastic scattering (the ν-on-e sample; no knob responds).</summary>
    NuElectronElastic = 0,
    /// <summary>Charged-current quasi-elastic.</summary>
    QuasiElastic = 1,
    /// <summary>Charged-current meson-exchange current (2p2h).</summary>
    MesonExchangeCurrent = 2,
    /// <summary>Resonant pion production (charged or neutral current).</summary>
    Resonant = 3,
    /// <summary>Deep-inelastic scattering (charged or neutral current).</summary>
    DeepInelastic = 4,
    /// <summary>Neutral-current elastic scattering on nucleons.</summary>
    NeutralCurrentElastic = 5,
}
