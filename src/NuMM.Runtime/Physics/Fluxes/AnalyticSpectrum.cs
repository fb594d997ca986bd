using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>A spectrum given by a formula on [min, max] (Michel spectra, reactor exponential polynomials).</summary>
public sealed class AnalyticSpectrum : IContinuousSpectrum
{
    private readonly Func<double, double> _density;
    private readonly double[] _breakpoints;

    /// <summary>Creates an analytic spectrum.</summary>
    /// <param name="name">Name for messages.</param>
    /// <param name="density">dΦ/dE as a function of E in MeV; must return finite values ≥ 0 on the support.</param>
    /// <param name="minEnergyMeV">Lower end, finite, ≥ 0.</param>
    /// <param name="maxEnergyMeV">Upper end, finite, &gt; min.</param>
    /// <param name="panels">Number of equal quadrature panels to lay on the support (≥ 1); raise it for sharply varying shapes.</param>
    public AnalyticSpectrum(string name, Func<double, double> density, double minEnergyMeV, double maxEnergyMeV, int panels = 64)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(density);
        if (!double.IsFinite(minEnergyMeV) || minEnergyMeV < 0)
            throw new ArgumentOutOfRangeException(nameof(minEnergyMeV), minEnergyMeV, $"Spectrum '{name}': the lower end must be finite and ≥ 0 MeV.");
        if (!double.IsFinite(maxEnergyMeV) || !(maxEnergyMeV > minEnergyMeV))
            throw new ArgumentOutOfRangeException(nameof(maxEnergyMeV), maxEnergyMeV, $"Spectrum '{name}': the upper end must be finite and > the lower end {NumericTable.Format(minEnergyMeV)} MeV.");
        if (panels < 1) throw new ArgumentOutOfRangeException(nameof(panels), panels, "At least one panel is needed.");
        Name = name;
        _density = density;
        MinEnergyMeV = minEnergyMeV;
        MaxEnergyMeV = maxEnergyMeV;
        _breakpoints = Enumerable.Range(0, panels + 1).Select(i => minEnergyMeV + (maxEnergyMeV - minEnergyMeV) * i / panels).ToArray();
        _breakpoints[^1] = maxEnergyMeV;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public double MinEnergyMeV { get; }

    /// <inheritdoc/>
    public double MaxEnergyMeV { get; }

    /// <inheritdoc/>
    public IReadOnlyList<double> Breakpoints => _breakpoints;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The formula returned a negative or non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="energyMeV"/> is NaN.</exception>
    public double Density(double energyMeV)
    {
        if (double.IsNaN(energyMeV)) throw new ArgumentOutOfRangeException(nameof(energyMeV), energyMeV, $"Spectrum '{Name}': the energy is NaN.");
        if (energyMeV < MinEnergyMeV || energyMeV > MaxEnergyMeV) return 0;
        double value = _density(energyMeV);
        if (!double.IsFinite(value) || value < 0)
            throw new InvalidOperationException($"Spectrum '{Name}' returned {NumericTable.Format(value)} at E = {NumericTable.Format(energyMeV)} MeV; densities must be finite and ≥ 0.");
        return value;
    }
}
