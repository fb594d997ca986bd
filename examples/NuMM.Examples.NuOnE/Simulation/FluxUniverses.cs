using NuMM.Runtime.Physics.ElectronScattering;

namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>Simulated PPFX-like flux universes: each universe u reweights an event of true neutrino energy E (GeV)
/// and species s by w_u = max(0, 1 + Σ_m z_(u,m) A_m(E, s)), where A_m are a few fixed correlated modes in E and
/// the z_(u,m) are standard-normal coefficients drawn once per universe from the seed. The weight multiplies the
/// central-value flux weight (<c>PpfxWeight</c>, 1 in the stand-in).</summary>
/// <remarks>
/// <para><b>Simulated, not NOvA's.</b> The technote (section 3.5) names the PPFX universes and their PCA but gives no
/// numbers; the modes below are a plausible NuMI-like stand-in so that universe machinery sees a realistic
/// correlated spread. One standard deviation of each mode:</para>
/// <list type="number">
/// <item>Normalisation (hadron production and POT, shared by all energies): 8 %.</item>
/// <item>Focusing (horn current and alignment move the off-axis peak): 6 % × z e^(−z²/2), z = (E − 2.5 GeV)/1.2 GeV,
/// anti-correlating the two sides of the peak (at most 3.6 %).</item>
/// <item>Kaon production (the high-energy tail): 10 % / (1 + e^(−(E − 6 GeV)/1.5 GeV)).</item>
/// <item>Low-energy pion production: 5 % × e^(−E/1.5 GeV).</item>
/// <item>Beam ν_e and wrong-sign content (μ and K decays): 5 % for every species but ν_μ.</item>
/// </list>
/// <para>The spread of one event's weight over universes is √(Σ_m A_m²): 8.5 % at 2 GeV and 12.5 % at 10 GeV for
/// ν_μ, in line with the 8–10 % NuMI flux-normalisation uncertainty NOvA quotes near the peak.</para>
/// </remarks>
public static class FluxUniverses
{
    /// <summary>Number of correlated modes A_m.</summary>
    public const int ModeCount = 5;

    /// <summary>One standard deviation of mode <paramref name="mode"/> (a fraction) at true neutrino energy
    /// <paramref name="neutrinoEnergyGeV"/> (GeV) for <paramref name="species"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Mode outside 0..<see cref="ModeCount"/> − 1.</exception>
    public static double ModeAmplitude(int mode, double neutrinoEnergyGeV, NeutrinoSpecies species)
    {
        double e = neutrinoEnergyGeV;
        switch (mode)
        {
            case 0: return 0.08;
            case 1: { double z = (e - 2.5) / 1.2; return 0.06 * z * Math.Exp(-0.5 * z * z); }
            case 2: return 0.10 / (1.0 + Math.Exp(-(e - 6.0) / 1.5));
            case 3: return 0.05 * Math.Exp(-e / 1.5);
            case 4: return species == NeutrinoSpecies.MuonNeutrino ? 0.0 : 0.05;
            default: throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Flux modes are 0..{ModeCount - 1}.");
        }
    }

    /// <summary>The standard-normal mode coefficients z_(u,m) of <paramref name="universes"/> universes, universe-major
    /// (index u · <see cref="ModeCount"/> + m), drawn deterministically from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one universe.</exception>
    public static double[] Coefficients(int seed, int universes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(universes, 1);
        var rng = new Sampler(unchecked(seed * 16777619 ^ 0x464C5558)); // its own stream: "FLUX"
        var z = new double[universes * ModeCount];
        for (int k = 0; k < z.Length; k++) z[k] = rng.Gaussian();
        return z;
    }

    /// <summary>Writes the weights of one event in every universe into <paramref name="weights"/> (one per universe).</summary>
    /// <param name="neutrinoEnergyGeV">True neutrino energy, GeV.</param>
    /// <param name="species">True neutrino species.</param>
    /// <param name="coefficients">From <see cref="Coefficients"/>; its universe count must be <paramref name="weights"/>.Length.</param>
    /// <param name="weights">Output, one weight per universe.</param>
    public static void Weights(double neutrinoEnergyGeV, NeutrinoSpecies species, ReadOnlySpan<double> coefficients, Span<float> weights)
    {
        if (coefficients.Length != weights.Length * ModeCount)
            throw new ArgumentException($"{coefficients.Length} coefficients do not describe {weights.Length} universes of {ModeCount} modes.", nameof(coefficients));
        Span<double> a = stackalloc double[ModeCount];
        for (int m = 0; m < ModeCount; m++) a[m] = ModeAmplitude(m, neutrinoEnergyGeV, species);
        for (int u = 0; u < weights.Length; u++)
        {
            var z = coefficients.Slice(u * ModeCount, ModeCount);
            double w = 1.0;
            for (int m = 0; m < ModeCount; m++) w += z[m] * a[m];
            weights[u] = (float)Math.Max(0.0, w);
        }
    }
}
