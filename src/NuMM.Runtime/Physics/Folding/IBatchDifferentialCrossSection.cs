using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
namespace NuMM.Runtime.Physics.Folding;

/// <summary>Optional array form of <see cref="IDifferentialCrossSection"/>: dσ/dT at one recoil energy for many
/// neutrino energies at once, the inner loop of flux folding. Implementations vectorise it; the folder falls
/// back to the scalar method for cross sections that do not implement it.</summary>
public interface IBatchDifferentialCrossSection : IDifferentialCrossSection
{
    /// <summary>Writes dσ/dT (cm²/MeV per target) at recoil energy <paramref name="recoilEnergyMeV"/> (MeV) for each
    /// neutrino energy in <paramref name="neutrinoEnergiesMeV"/> (MeV) into <paramref name="destination"/>; zero where
    /// the recoil is kinematically forbidden. Same values as the scalar method.</summary>
    /// <param name="recoilEnergyMeV">Recoil kinetic energy in MeV.</param>
    /// <param name="neutrinoEnergiesMeV">Neutrino energies in MeV, each finite and ≥ 0.</param>
    /// <param name="destination">Output, same length as <paramref name="neutrinoEnergiesMeV"/>.</param>
    void DSigmaDTOverNeutrinoEnergies(double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination);
}
