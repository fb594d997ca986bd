using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>A spectrum given as a table (E_i, dΦ/dE_i), linearly interpolated between rows and zero outside the
/// first and last row. Validated on construction: at least two rows, energies finite, ≥ 0 and strictly
/// increasing, densities finite and ≥ 0; a violation names the table and the row.</summary>
public sealed class TabulatedSpectrum : IContinuousSpectrum
{
    private readonly double[] _energies;
    private readonly double[] _densities;

    /// <summary>Creates a tabulated spectrum.</summary>
    /// <param name="name">Table name for messages.</param>
    /// <param name="energiesMeV">Energies in MeV, strictly increasing.</param>
    /// <param name="densities">dΦ/dE at each energy, ≥ 0.</param>
    /// <exception cref="ArgumentException">Bad table; the message names the table and row (1-based).</exception>
    public TabulatedSpectrum(string name, IReadOnlyList<double> energiesMeV, IReadOnlyList<double> densities)
        : this(name, energiesMeV, densities, null) { }

    private TabulatedSpectrum(string name, IReadOnlyList<double> energiesMeV, IReadOnlyList<double> densities, int[]? lineNumbers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(energiesMeV);
        ArgumentNullException.ThrowIfNull(densities);
        if (energiesMeV.Count != densities.Count)
            throw new ArgumentException($"Spectrum table '{name}': {energiesMeV.Count} energies but {densities.Count} densities.", nameof(densities));
        if (energiesMeV.Count < 2)
            throw new ArgumentException($"Spectrum table '{name}' needs at least 2 rows; it has {energiesMeV.Count}.", nameof(energiesMeV));
        string Row(int i) => lineNumbers is null ? $"row {i + 1}" : $"row {i + 1} (line {lineNumbers[i]})";
        for (int i = 0; i < energiesMeV.Count; i++)
        {
            double e = energiesMeV[i], d = densities[i];
            if (!double.IsFinite(e) || e < 0)
                throw new ArgumentException($"Spectrum table '{name}', {Row(i)}: energy {NumericTable.Format(e)} MeV is not finite and ≥ 0.", nameof(energiesMeV));
            if (!double.IsFinite(d) || d < 0)
                throw new ArgumentException($"Spectrum table '{name}', {Row(i)}: density {NumericTable.Format(d)} is negative or not finite.", nameof(densities));
            if (i > 0 && !(e > energiesMeV[i - 1]))
                throw new ArgumentException($"Spectrum table '{name}', {Row(i)}: energy {NumericTable.Format(e)} MeV does not exceed the previous row's {NumericTable.Format(energiesMeV[i - 1])} MeV (table must be sorted, strictly increasing).", nameof(energiesMeV));
        }
        Name = name;
        _energies = energiesMeV.ToArray();
        _densities = densities.ToArray();
    }

    /// <summary>Parses a text table (comma/whitespace separated, '#' comments) taking energies from column
    /// <paramref name="energyColumn"/> and densities from <paramref name="densityColumn"/> (0-based), densities
    /// multiplied by <paramref name="densityScale"/>.</summary>
    /// <param name="name">Table name for messages.</param>
    /// <param name="text">Table text.</param>
    /// <param name="energyColumn">Energy column (MeV).</param>
    /// <param name="densityColumn">Density column.</param>
    /// <param name="densityScale">Factor applied to densities (e.g. 10⁻³ for a per-mille table).</param>
    public static TabulatedSpectrum Parse(string name, string text, int energyColumn = 0, int densityColumn = 1, double densityScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = NumericTable.Parse(name, text, Math.Max(energyColumn, densityColumn) + 1);
        var densities = table.Column(densityColumn);
        for (int i = 0; i < densities.Length; i++) densities[i] *= densityScale;
        return new TabulatedSpectrum(name, table.Column(energyColumn), densities, table.LineNumbers);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public double MinEnergyMeV => _energies[0];

    /// <inheritdoc/>
    public double MaxEnergyMeV => _energies[^1];

    /// <inheritdoc/>
    public IReadOnlyList<double> Breakpoints => _energies;

    /// <summary>The tabulated densities, row by row.</summary>
    public IReadOnlyList<double> Densities => _densities;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="energyMeV"/> is NaN.</exception>
    public double Density(double energyMeV)
    {
        if (double.IsNaN(energyMeV)) throw new ArgumentOutOfRangeException(nameof(energyMeV), energyMeV, $"Spectrum '{Name}': the energy is NaN.");
        if (energyMeV < _energies[0] || energyMeV > _energies[^1]) return 0;
        int i = Array.BinarySearch(_energies, energyMeV);
        if (i >= 0) return _densities[i];
        int hi = ~i, lo = hi - 1;
        double w = (energyMeV - _energies[lo]) / (_energies[hi] - _energies[lo]);
        return _densities[lo] + w * (_densities[hi] - _densities[lo]);
    }

    /// <summary>∫ dΦ/dE dE over the table (exact for the linear interpolation: the trapezoid rule).</summary>
    public double Integral()
    {
        double sum = 0;
        for (int i = 1; i < _energies.Length; i++) sum += 0.5 * (_densities[i] + _densities[i - 1]) * (_energies[i] - _energies[i - 1]);
        return sum;
    }
}
