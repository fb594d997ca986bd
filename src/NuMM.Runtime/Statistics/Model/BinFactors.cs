using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>A vector of per-bin multiplicative factors γ_b on one or more components: one fit parameter per bin, named
/// <c>name[b]</c> (nominal 1, bounds [0, 10]), instead of one component per bin. With a constraint the vector is a
/// Barlow–Beeston factor set: <see cref="BarlowBeeston"/> gives each component its own Poisson-constrained factors (full
/// Barlow–Beeston, Comput. Phys. Commun. 77 (1993) 219; pyhf's shapesys), <see cref="BarlowBeestonLite"/> one Gaussian
/// factor per bin shared by the components (Barlow–Beeston-lite; pyhf's staterror); without a constraint it is a free
/// shape (pyhf's shapefactor). Bins with zero uncertainty (constrained) or zero content in every component (free) get no
/// parameter and stay at γ = 1, as in pyhf. Read the fitted factors with <see cref="PredictionModel.BinFactorValues"/>.</summary>
public sealed class BinFactors
{
    private BinFactors(string name, string[] components, ConstraintKind? constraint, double[]? relativeErrors, bool fromMcStatistics)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A bin-factor vector needs a name.", nameof(name));
        if (components.Length == 0) throw new ArgumentException($"Bin factors '{name}' apply to no component.", nameof(components));
        Name = name; Components = components; Constraint = constraint; RelativeErrors = relativeErrors; FromMcStatistics = fromMcStatistics;
    }

    /// <summary>Vector name; its parameters are <c>Name[b]</c>.</summary>
    public string Name { get; }
    /// <summary>Components multiplied by the factors.</summary>
    public IReadOnlyList<string> Components { get; }
    /// <summary>Constraint shape of every factor, or null for free factors.</summary>
    public ConstraintKind? Constraint { get; }
    /// <summary>Relative width σ_b of each factor's constraint, or null when the model computes it from the components' sum w².</summary>
    public IReadOnlyList<double>? RelativeErrors { get; }
    internal bool FromMcStatistics { get; }

    /// <summary>Free per-bin factors (a shape with no constraint; pyhf's shapefactor).</summary>
    /// <param name="name">Vector name.</param>
    /// <param name="components">Components multiplied.</param>
    public static BinFactors Free(string name, IEnumerable<string> components) =>
        new(name, components?.ToArray() ?? throw new ArgumentNullException(nameof(components)), null, null, false);

    /// <summary>Constrained per-bin factors with given relative widths (dimensionless; ≥ 0, finite; 0 leaves the bin at γ = 1).</summary>
    /// <param name="name">Vector name.</param>
    /// <param name="components">Components multiplied.</param>
    /// <param name="kind">Constraint shape (Poisson for shapesys, Gaussian for staterror).</param>
    /// <param name="relativeErrors">σ_b per bin, as a fraction of the nominal.</param>
    public static BinFactors Constrained(string name, IEnumerable<string> components, ConstraintKind kind, ReadOnlySpan<double> relativeErrors)
    {
        var errors = relativeErrors.ToArray();
        for (int b = 0; b < errors.Length; b++)
            if (!double.IsFinite(errors[b]) || errors[b] < 0)
                throw new ArgumentException($"Bin factors '{name}', bin {b}: relative error {errors[b].ToString("R", CultureInfo.InvariantCulture)} must be finite and ≥ 0.", nameof(relativeErrors));
        return new(name, components?.ToArray() ?? throw new ArgumentNullException(nameof(components)), kind, errors, false);
    }

    /// <summary>Full Barlow–Beeston for one component: one Poisson-constrained factor per bin with τ_b = content²/sum w²
    /// (the bin's effective number of MC events), from the component's sum w² (required). Add one per component.</summary>
    /// <param name="component">Component name.</param>
    /// <param name="name">Vector name (default "gamma_&lt;component&gt;").</param>
    public static BinFactors BarlowBeeston(string component, string? name = null) =>
        new(name ?? "gamma_" + component, [component], ConstraintKind.Poisson, null, true);

    /// <summary>Barlow–Beeston-lite: one Gaussian factor per bin shared by <paramref name="components"/>, σ_b = √(Σ sum w²)/Σ content
    /// of those components (pyhf's staterror).</summary>
    /// <param name="name">Vector name.</param>
    /// <param name="components">Components multiplied (their sum w² is required).</param>
    public static BinFactors BarlowBeestonLite(string name, IEnumerable<string> components) =>
        new(name, components?.ToArray() ?? throw new ArgumentNullException(nameof(components)), ConstraintKind.Gaussian, null, true);
}
