namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>The simulated GENIE-like cross-section knobs of the non-ν-on-e backgrounds.</summary>
public enum CrossSectionKnob
{
    /// <summary>CCQE axial mass M_A (GENIE MaCCQE).</summary>
    MaCcqe = 0,
    /// <summary>Resonance axial mass M_A^RES (GENIE MaCCRES/MaNCRES together).</summary>
    MaRes = 1,
    /// <summary>Deep-inelastic normalisation.</summary>
    DisNormalisation = 2,
}

/// <summary>The per-event response of the <see cref="CrossSectionKnob"/>s: the fractional weight change δ per
/// +1σ, so that the event weight at knob value σ is 1 + σ·δ. ν-on-e events respond to none (the technote assumes
/// their cross section is known, section 3.5).</summary>
/// <remarks>
/// <para><b>Simulated, not GENIE's.</b> The stand-in backgrounds carry no true kinematics, so each background event
/// gets a true interaction mode and a Q² drawn here, and the responses follow from simple form-factor algebra:</para>
/// <list type="bullet">
/// <item>Modes, with fractions in true neutrino energy E (GeV): charged current (ν_e CC, ν_μ CC) QE 0.40 e^(−E/2.5),
/// MEC 0.25 e^(−E/2.5), RES 0.45 e^(−E/6), DIS the rest; neutral current elastic 0.20 e^(−E/3), RES 0.45 e^(−E/6),
/// DIS the rest (renormalised where the listed fractions exceed 1).</item>
/// <item>Q² (GeV²) for QE, NC elastic and RES: dσ/dQ² ∝ (1 + Q²/M²)^(−4) on [0, 2 m_N E], the dipole fall-off.</item>
/// <item>MaCCQE (QE only): a dipole axial form factor gives ∂ln F_A²/∂ln M_A = 8Q²/(M_A² + Q²); with a 20 % 1σ on
/// M_A = 0.99 GeV and an axial share of 35 % of the cross section, δ = 0.20 · 0.35 · 8Q²/(M_A² + Q²).</item>
/// <item>MaRES (RES only): the same with M_A^RES = 1.12 GeV, a 20 % 1σ and an axial share of 50 %.</item>
/// <item>DIS normalisation (DIS only): δ = 0.10.</item>
/// </list>
/// </remarks>
public static class CrossSectionKnobs
{
    /// <summary>Number of knobs.</summary>
    public const int Count = 3;

    private const double MaQe = 0.99, MaRes = 1.12, NucleonMassGeV = 0.9389;

    /// <summary>δ of <paramref name="knob"/> for an event of <paramref name="mode"/> at four-momentum transfer
    /// <paramref name="q2GeV2"/> (GeV²): the fractional weight change per +1σ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown knob.</exception>
    public static double Response(CrossSectionKnob knob, InteractionMode mode, double q2GeV2) => knob switch
    {
        CrossSectionKnob.MaCcqe => mode == InteractionMode.QuasiElastic ? 0.20 * 0.35 * 8 * q2GeV2 / (MaQe * MaQe + q2GeV2) : 0.0,
        CrossSectionKnob.MaRes => mode == InteractionMode.Resonant ? 0.20 * 0.50 * 8 * q2GeV2 / (MaRes * MaRes + q2GeV2) : 0.0,
        CrossSectionKnob.DisNormalisation => mode == InteractionMode.DeepInelastic ? 0.10 : 0.0,
        _ => throw new ArgumentOutOfRangeException(nameof(knob), knob, "Unknown cross-section knob."),
    };

    /// <summary>The interaction mode of a slice of <paramref name="category"/> at true neutrino energy E (GeV), from a
    /// uniform number <paramref name="u"/> in [0, 1).</summary>
    internal static InteractionMode Mode(SampleCategory category, double neutrinoEnergyGeV, double u)
    {
        double e = neutrinoEnergyGeV;
        if (category == SampleCategory.NuOnE) return InteractionMode.NuElectronElastic;
        bool nc = category == SampleCategory.NC;
        double first = nc ? 0.20 * Math.Exp(-e / 3) : 0.40 * Math.Exp(-e / 2.5);
        double mec = nc ? 0.0 : 0.25 * Math.Exp(-e / 2.5);
        double res = 0.45 * Math.Exp(-e / 6);
        double x = u * Math.Max(1.0, first + mec + res);
        if (x < first) return nc ? InteractionMode.NeutralCurrentElastic : InteractionMode.QuasiElastic;
        if (x < first + mec) return InteractionMode.MesonExchangeCurrent;
        return x < first + mec + res ? InteractionMode.Resonant : InteractionMode.DeepInelastic;
    }

    /// <summary>Q² (GeV²) of a slice of <paramref name="mode"/> at true neutrino energy E (GeV) from a uniform
    /// <paramref name="u"/>: inverse CDF of (1 + Q²/M²)^(−4) on [0, 2 m_N E]; 0 for modes without a knob in Q².</summary>
    internal static double Q2(InteractionMode mode, double neutrinoEnergyGeV, double u)
    {
        double m2 = mode switch
        {
            InteractionMode.QuasiElastic or InteractionMode.NeutralCurrentElastic => MaQe * MaQe,
            InteractionMode.Resonant => MaRes * MaRes,
            _ => 0.0,
        };
        if (m2 == 0.0) return 0.0;
        double q2Max = 2 * NucleonMassGeV * neutrinoEnergyGeV;
        double c = 1.0 - Math.Pow(1.0 + q2Max / m2, -3);
        return m2 * (Math.Pow(1.0 - u * c, -1.0 / 3.0) - 1.0);
    }
}
