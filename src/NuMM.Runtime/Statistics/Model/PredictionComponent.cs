using System;
using System.Globalization;
using NuMM.Runtime.Data;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>One named component of a prediction (the magnetic-moment signal, ν-on-e, ν_e CC MEC, other
/// background): its nominal spectrum (expected events per bin at <see cref="Exposure"/>), optionally the
/// sum of squared MC weights per bin (for the MC statistical uncertainty), and how it scales with the parameters.</summary>
public sealed class PredictionComponent
{
    /// <summary>Creates a component, validating every bin.</summary>
    /// <param name="name">Unique component name.</param>
    /// <param name="contents">Expected events per bin (sum of weights) at <paramref name="exposure"/>; finite and ≥ 0, at least one bin.</param>
    /// <param name="scale">How the component scales with the parameters (<see cref="ComponentScale.Constant"/> if null).</param>
    /// <param name="exposure">Exposure the contents correspond to; <see cref="Exposure.None"/> means already normalised to the data.</param>
    /// <param name="sumW2">Optional sum of squared weights per bin (events²), same length, finite and ≥ 0.</param>
    /// <exception cref="ArgumentException">Names the component and the bin of a NaN, infinite or negative value, or an empty spectrum.</exception>
    public PredictionComponent(string name, ReadOnlySpan<double> contents, ComponentScale? scale = null, Exposure exposure = default,
        ReadOnlySpan<double> sumW2 = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A prediction component needs a non-empty name.", nameof(name));
        if (contents.Length == 0) throw new ArgumentException($"Component '{name}': the spectrum is empty (0 bins).", nameof(contents));
        Name = name;
        Contents = Validate(name, "contents", contents);
        if (!sumW2.IsEmpty)
        {
            if (sumW2.Length != contents.Length)
                throw new ArgumentException($"Component '{name}': sumW2 has {sumW2.Length} bins but contents has {contents.Length}.", nameof(sumW2));
            SumW2 = Validate(name, "sumW2", sumW2);
        }
        Scale = scale ?? ComponentScale.Constant();
        Exposure = exposure;
    }

    /// <summary>Component name.</summary>
    public string Name { get; }
    /// <summary>Nominal expected events per bin at <see cref="Exposure"/> (a copy owned by the component).</summary>
    public double[] Contents { get; }
    /// <summary>Sum of squared weights per bin, or null when unknown.</summary>
    public double[]? SumW2 { get; }
    /// <summary>Scale as a function of the parameters.</summary>
    public ComponentScale Scale { get; }
    /// <summary>Exposure of <see cref="Contents"/>.</summary>
    public Exposure Exposure { get; }

    internal static double[] Validate(string component, string what, ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            double v = copy[i];
            if (double.IsNaN(v)) throw new ArgumentException($"Component '{component}', {what} bin {i}: value is NaN.");
            if (double.IsInfinity(v)) throw new ArgumentException($"Component '{component}', {what} bin {i}: value is infinite.");
            if (v < 0) throw new ArgumentException($"Component '{component}', {what} bin {i}: value {v.ToString("R", CultureInfo.InvariantCulture)} is negative.");
        }
        return copy;
    }
}
