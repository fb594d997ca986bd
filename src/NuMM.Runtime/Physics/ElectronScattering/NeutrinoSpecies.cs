using System;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>The six neutrino species that scatter elastically on electrons. Electron (anti)neutrinos scatter
/// through both the neutral and the charged current; muon and tau (anti)neutrinos through the neutral current
/// only.</summary>
public enum NeutrinoSpecies
{
    /// <summary>ν_e: neutral and charged current.</summary>
    ElectronNeutrino = 0,
    /// <summary>ν̄_e: neutral and charged current (the charged current is s-channel W exchange).</summary>
    ElectronAntineutrino = 1,
    /// <summary>ν_μ: neutral current only.</summary>
    MuonNeutrino = 2,
    /// <summary>ν̄_μ: neutral current only.</summary>
    MuonAntineutrino = 3,
    /// <summary>ν_τ: neutral current only.</summary>
    TauNeutrino = 4,
    /// <summary>ν̄_τ: neutral current only.</summary>
    TauAntineutrino = 5,
}

/// <summary>Properties of <see cref="NeutrinoSpecies"/> values.</summary>
public static class NeutrinoSpeciesExtensions
{
    /// <summary>True for ν̄_e, ν̄_μ and ν̄_τ. Throws <see cref="ArgumentOutOfRangeException"/> for a value that
    /// is not a defined species.</summary>
    public static bool IsAntineutrino(this NeutrinoSpecies species)
    {
        Validate(species, nameof(species));
        return ((int)species & 1) == 1;
    }

    /// <summary>True for ν_e and ν̄_e, which also scatter on electrons through the charged current.</summary>
    public static bool HasChargedCurrentOnElectrons(this NeutrinoSpecies species)
    {
        Validate(species, nameof(species));
        return species is NeutrinoSpecies.ElectronNeutrino or NeutrinoSpecies.ElectronAntineutrino;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="parameterName"/> and the
    /// value when <paramref name="species"/> is not one of the six defined species (for example a value cast
    /// from an unchecked integer column).</summary>
    public static void Validate(NeutrinoSpecies species, string parameterName)
    {
        if ((uint)species > (uint)NeutrinoSpecies.TauAntineutrino)
        {
            throw new ArgumentOutOfRangeException(parameterName, (int)species,
                $"Unknown neutrino species {(int)species}; expected one of ElectronNeutrino(0) … TauAntineutrino(5).");
        }
    }
}
