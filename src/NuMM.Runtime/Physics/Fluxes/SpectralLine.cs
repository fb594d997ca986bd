using System;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>A monochromatic neutrino line, folded as Φ δ(E − E_line).</summary>
public readonly record struct SpectralLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="energyMeV">Line energy in MeV, finite and &gt; 0.</param>
    /// <param name="flux">Integrated flux of the line (e.g. cm⁻² s⁻¹), finite and ≥ 0.</param>
    /// <param name="name">Name for messages, e.g. "7Be 861.8 keV".</param>
    public SpectralLine(double energyMeV, double flux, string name = "line")
    {
        if (!double.IsFinite(energyMeV) || energyMeV <= 0)
            throw new ArgumentOutOfRangeException(nameof(energyMeV), energyMeV, $"Line '{name}': energy must be finite and > 0 MeV; got {NumericTable.Format(energyMeV)}.");
        if (!double.IsFinite(flux) || flux < 0)
            throw new ArgumentOutOfRangeException(nameof(flux), flux, $"Line '{name}': flux must be finite and ≥ 0; got {NumericTable.Format(flux)}.");
        EnergyMeV = energyMeV;
        Flux = flux;
        Name = name;
    }

    /// <summary>Line energy in MeV.</summary>
    public double EnergyMeV { get; }

    /// <summary>Integrated flux of the line.</summary>
    public double Flux { get; }

    /// <summary>Name for messages.</summary>
    public string Name { get; }
}
