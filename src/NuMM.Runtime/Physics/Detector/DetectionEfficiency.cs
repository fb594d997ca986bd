using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Runtime.Physics.Detector;

/// <summary>Detection efficiency ε(E) ∈ [0, 1] as a function of (observed) energy in MeV: a formula or a table.</summary>
public sealed class DetectionEfficiency
{
    private readonly Func<double, double> _efficiency;
    private readonly string _name;

    private DetectionEfficiency(string name, Func<double, double> efficiency)
    {
        _name = name;
        _efficiency = efficiency;
    }

    /// <summary>An efficiency given by a formula (values outside [0, 1] raise an exception when evaluated).</summary>
    /// <param name="name">Name for messages.</param>
    /// <param name="efficiency">ε(E), E in MeV.</param>
    public static DetectionEfficiency FromFunction(string name, Func<double, double> efficiency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(efficiency);
        return new DetectionEfficiency(name, efficiency);
    }

    /// <summary>An efficiency table (E_i, ε_i), linearly interpolated, ε = first/last value beyond the ends. Validated:
    /// energies finite and strictly increasing, ε finite in [0, 1]; a violation names the table and row.</summary>
    /// <param name="name">Table name.</param>
    /// <param name="energiesMeV">Energies in MeV.</param>
    /// <param name="efficiencies">ε at each energy.</param>
    public static DetectionEfficiency FromTable(string name, IReadOnlyList<double> energiesMeV, IReadOnlyList<double> efficiencies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(energiesMeV);
        ArgumentNullException.ThrowIfNull(efficiencies);
        if (energiesMeV.Count != efficiencies.Count || energiesMeV.Count < 1)
            throw new ArgumentException($"Efficiency table '{name}': {energiesMeV.Count} energies and {efficiencies.Count} values.", nameof(efficiencies));
        for (int i = 0; i < energiesMeV.Count; i++)
        {
            if (!double.IsFinite(energiesMeV[i]) || (i > 0 && !(energiesMeV[i] > energiesMeV[i - 1])))
                throw new ArgumentException($"Efficiency table '{name}', row {i + 1}: energy {NumericTable.Format(energiesMeV[i])} MeV is not finite or not above the previous row.", nameof(energiesMeV));
            if (!double.IsFinite(efficiencies[i]) || efficiencies[i] < 0 || efficiencies[i] > 1)
                throw new ArgumentException($"Efficiency table '{name}', row {i + 1}: efficiency {NumericTable.Format(efficiencies[i])} is not in [0, 1].", nameof(efficiencies));
        }
        double[] e = energiesMeV.ToArray(), eff = efficiencies.ToArray();
        return new DetectionEfficiency(name, x =>
        {
            if (x <= e[0]) return eff[0];
            if (x >= e[^1]) return eff[^1];
            int i = Array.BinarySearch(e, x);
            if (i >= 0) return eff[i];
            int hi = ~i, lo = hi - 1;
            return eff[lo] + (x - e[lo]) / (e[hi] - e[lo]) * (eff[hi] - eff[lo]);
        });
    }

    /// <summary>ε at <paramref name="energyMeV"/>.</summary>
    /// <param name="energyMeV">Energy in MeV, finite.</param>
    public double At(double energyMeV)
    {
        if (!double.IsFinite(energyMeV)) throw new ArgumentOutOfRangeException(nameof(energyMeV), energyMeV, "Energy must be finite.");
        double v = _efficiency(energyMeV);
        if (!double.IsFinite(v) || v < 0 || v > 1)
            throw new InvalidOperationException($"Efficiency '{_name}' is {NumericTable.Format(v)} at E = {NumericTable.Format(energyMeV)} MeV; it must be in [0, 1].");
        return v;
    }

    /// <summary>Multiplies each value by ε at its energy: values[i] *= ε(energies[i]).</summary>
    /// <param name="energiesMeV">Energies in MeV.</param>
    /// <param name="values">Values to scale in place, same length.</param>
    public void Apply(ReadOnlySpan<double> energiesMeV, Span<double> values)
    {
        PhysicsArguments.SameLength(energiesMeV.Length, values.Length, nameof(values));
        for (int i = 0; i < values.Length; i++) values[i] *= At(energiesMeV[i]);
    }
}
