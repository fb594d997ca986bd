using System;
using System.Globalization;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>A Gaussian constraint (pull term) on a nuisance parameter: adds ((θ − <see cref="Centre"/>)/<see cref="Sigma"/>)²
/// to the test statistic. The centre is the auxiliary measurement; toy experiments fluctuate it.</summary>
/// <param name="Centre">Constraint centre, in the parameter's own units.</param>
/// <param name="Sigma">Constraint width, in the parameter's own units; finite and &gt; 0.</param>
public readonly record struct GaussianConstraint(double Centre, double Sigma);

/// <summary>One fit parameter: a name, a starting value, bounds and optionally a Gaussian constraint.
/// Parameters of interest (the magnetic moment, a signal strength) are usually unconstrained; nuisance
/// parameters of systematics carry a unit Gaussian constraint by convention (θ in units of σ).</summary>
public sealed record FitParameter
{
    /// <summary>Unique name used to refer to the parameter in scans, results and reports.</summary>
    public string Name { get; }
    /// <summary>Starting value of the fit, in the parameter's units.</summary>
    public double Initial { get; }
    /// <summary>Lower bound (may be −∞).</summary>
    public double Lower { get; }
    /// <summary>Upper bound (may be +∞).</summary>
    public double Upper { get; }
    /// <summary>Gaussian pull term, or null for a free parameter.</summary>
    public GaussianConstraint? Constraint { get; }
    /// <summary>Typical size of a change of the parameter, used to choose finite-difference steps
    /// (defaults to the constraint width, else max(|initial|, 1)).</summary>
    public double Scale { get; }
    /// <summary>Unit or meaning printed in reports (for example "μ_B × 1e-10", "σ").</summary>
    public string Unit { get; }

    /// <summary>Creates a parameter; throws <see cref="ArgumentException"/> naming the parameter on bad input.</summary>
    /// <param name="name">Unique, non-empty name.</param>
    /// <param name="initial">Starting value; must lie within the bounds.</param>
    /// <param name="lower">Lower bound.</param>
    /// <param name="upper">Upper bound, &gt; <paramref name="lower"/>.</param>
    /// <param name="constraint">Optional Gaussian constraint.</param>
    /// <param name="scale">Optional step scale (&gt; 0); see <see cref="Scale"/>.</param>
    /// <param name="unit">Optional unit text for reports.</param>
    public FitParameter(string name, double initial, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity,
        GaussianConstraint? constraint = null, double? scale = null, string unit = "")
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A fit parameter needs a non-empty name.", nameof(name));
        if (double.IsNaN(lower) || double.IsNaN(upper) || !(upper > lower))
            throw new ArgumentException($"Parameter '{name}': bounds must satisfy lower < upper; got [{F(lower)}, {F(upper)}].", nameof(upper));
        if (!double.IsFinite(initial) || initial < lower || initial > upper)
            throw new ArgumentException($"Parameter '{name}': initial value {F(initial)} is not finite or lies outside [{F(lower)}, {F(upper)}].", nameof(initial));
        if (constraint is { } c && (!double.IsFinite(c.Centre) || !double.IsFinite(c.Sigma) || c.Sigma <= 0))
            throw new ArgumentException($"Parameter '{name}': constraint needs a finite centre and a width > 0; got centre {F(c.Centre)}, sigma {F(c.Sigma)}.", nameof(constraint));
        if (scale is { } s && (!double.IsFinite(s) || s <= 0))
            throw new ArgumentException($"Parameter '{name}': scale must be finite and > 0; got {F(s)}.", nameof(scale));
        Name = name;
        Initial = initial;
        Lower = lower;
        Upper = upper;
        Constraint = constraint;
        Scale = scale ?? constraint?.Sigma ?? Math.Max(Math.Abs(initial), 1.0);
        Unit = unit ?? "";
    }

    /// <summary>A nuisance parameter in units of its own σ: starts at 0, unit Gaussian constraint, bounded to ±<paramref name="limit"/>.</summary>
    /// <param name="name">Unique name.</param>
    /// <param name="limit">Symmetric bound in σ (default 5).</param>
    public static FitParameter Nuisance(string name, double limit = 5.0) =>
        new(name, 0.0, -limit, limit, new GaussianConstraint(0.0, 1.0), 1.0, "σ");

    /// <summary>A copy with another initial value (clamped to the bounds).</summary>
    /// <param name="initial">New starting value.</param>
    public FitParameter WithInitial(double initial) =>
        new(Name, Math.Clamp(initial, Lower, Upper), Lower, Upper, Constraint, Scale, Unit);

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
