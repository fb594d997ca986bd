using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>A neutrino flux: a sum of scaled continuous spectra plus monochromatic lines. For rates in
/// events/(kg·day·keV) the density is dΦ/dE in cm⁻² s⁻¹ MeV⁻¹ and line fluxes are in cm⁻² s⁻¹; any other
/// per-MeV normalisation (per fission, per proton on target) works the same way with the caller tracking the unit.
/// Immutable; combine with <see cref="Plus"/> and <see cref="Scaled"/>.</summary>
public sealed class NeutrinoFlux
{
    private readonly (IContinuousSpectrum Shape, double Scale)[] _continua;
    private readonly SpectralLine[] _lines;

    /// <summary>Creates a flux from scaled continua and lines.</summary>
    /// <param name="name">Name for messages.</param>
    /// <param name="continua">Continuous parts: shape and a finite factor ≥ 0 multiplying its density.</param>
    /// <param name="lines">Monochromatic lines.</param>
    public NeutrinoFlux(string name, IEnumerable<(IContinuousSpectrum Shape, double Scale)> continua, IEnumerable<SpectralLine> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(continua);
        ArgumentNullException.ThrowIfNull(lines);
        _continua = continua.ToArray();
        foreach (var (shape, scale) in _continua)
        {
            ArgumentNullException.ThrowIfNull(shape, nameof(continua));
            if (!double.IsFinite(scale) || scale < 0)
                throw new ArgumentOutOfRangeException(nameof(continua), scale, $"Flux '{name}': scale of '{shape.Name}' must be finite and ≥ 0.");
        }
        _lines = lines.ToArray();
        Name = name;
    }

    /// <summary>A flux made of one continuous shape normalised so that its integral equals <paramref name="totalFlux"/>.</summary>
    /// <param name="name">Name.</param>
    /// <param name="shape">Spectral shape (any normalisation; its integral must be &gt; 0).</param>
    /// <param name="totalFlux">Integrated flux, finite and ≥ 0 (e.g. cm⁻² s⁻¹).</param>
    public static NeutrinoFlux Normalised(string name, IContinuousSpectrum shape, double totalFlux)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!double.IsFinite(totalFlux) || totalFlux < 0)
            throw new ArgumentOutOfRangeException(nameof(totalFlux), totalFlux, $"Flux '{name}': total flux must be finite and ≥ 0.");
        double integral = EnergyQuadrature.Integrate(shape);
        if (!(integral > 0)) throw new ArgumentException($"Spectrum '{shape.Name}' integrates to {NumericTable.Format(integral)}; cannot normalise it.", nameof(shape));
        return new NeutrinoFlux(name, [(shape, totalFlux / integral)], []);
    }

    /// <summary>A flux of monochromatic lines only.</summary>
    /// <param name="name">Name.</param>
    /// <param name="lines">The lines.</param>
    public static NeutrinoFlux FromLines(string name, params SpectralLine[] lines) => new(name, [], lines);

    /// <summary>Name for messages.</summary>
    public string Name { get; }

    /// <summary>Continuous parts and their scale factors.</summary>
    public IReadOnlyList<(IContinuousSpectrum Shape, double Scale)> Continua => _continua;

    /// <summary>Monochromatic lines.</summary>
    public IReadOnlyList<SpectralLine> Lines => _lines;

    /// <summary>dΦ/dE of the continuous part at <paramref name="energyMeV"/> (MeV); lines are not included.</summary>
    /// <param name="energyMeV">Neutrino energy in MeV.</param>
    public double Density(double energyMeV)
    {
        double sum = 0;
        foreach (var (shape, scale) in _continua) sum += scale * shape.Density(energyMeV);
        return sum;
    }

    /// <summary>Integral of the continuous part (same unit as line fluxes).</summary>
    public double ContinuumIntegral() => _continua.Sum(c => c.Scale * EnergyQuadrature.Integrate(c.Shape));

    /// <summary>Total flux: continuum integral plus line fluxes.</summary>
    public double TotalFlux() => ContinuumIntegral() + _lines.Sum(l => l.Flux);

    /// <summary>Mean energy in MeV, ∫E dΦ / ∫dΦ (lines included).</summary>
    public double MeanEnergyMeV()
    {
        double first = _continua.Sum(c => c.Scale * EnergyQuadrature.Integrate(c.Shape, e => e)) + _lines.Sum(l => l.Flux * l.EnergyMeV);
        return first / TotalFlux();
    }

    /// <summary>This flux multiplied by <paramref name="factor"/> (finite, ≥ 0).</summary>
    /// <param name="factor">Factor.</param>
    /// <param name="name">Optional new name.</param>
    public NeutrinoFlux Scaled(double factor, string? name = null)
    {
        if (!double.IsFinite(factor) || factor < 0)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"Flux '{Name}': scale factor must be finite and ≥ 0.");
        return new NeutrinoFlux(name ?? Name,
            _continua.Select(c => (c.Shape, c.Scale * factor)),
            _lines.Select(l => new SpectralLine(l.EnergyMeV, l.Flux * factor, l.Name)));
    }

    /// <summary>The sum of this flux and <paramref name="other"/>.</summary>
    /// <param name="other">Flux in the same unit.</param>
    /// <param name="name">Optional name of the sum.</param>
    public NeutrinoFlux Plus(NeutrinoFlux other, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new NeutrinoFlux(name ?? $"{Name} + {other.Name}", _continua.Concat(other._continua), _lines.Concat(other._lines));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
