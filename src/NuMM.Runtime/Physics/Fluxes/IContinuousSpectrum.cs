using System;
using System.Collections.Generic;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>A continuous neutrino energy spectrum dΦ/dE on [MinEnergyMeV, MaxEnergyMeV], zero outside.
/// The unit of the density is the caller's (per MeV, e.g. cm⁻² s⁻¹ MeV⁻¹ or ν̄ fission⁻¹ MeV⁻¹).</summary>
public interface IContinuousSpectrum
{
    /// <summary>Name used in messages.</summary>
    string Name { get; }

    /// <summary>Lower end of the support in MeV.</summary>
    double MinEnergyMeV { get; }

    /// <summary>Upper end of the support in MeV.</summary>
    double MaxEnergyMeV { get; }

    /// <summary>Energies (MeV, increasing, including both ends) between which the density is smooth: table knots
    /// for a tabulated spectrum. Quadrature panels are laid between them.</summary>
    IReadOnlyList<double> Breakpoints { get; }

    /// <summary>dΦ/dE at <paramref name="energyMeV"/> (MeV); zero outside the support.</summary>
    /// <param name="energyMeV">Neutrino energy in MeV.</param>
    double Density(double energyMeV);
}
