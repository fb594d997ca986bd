using System;
using System.Globalization;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>The centre and width of a constraint (pull term) on a parameter. With the default
/// <see cref="FitParameter.ConstraintKind"/> (<see cref="ConstraintKind.Gaussian"/>) it adds ((θ − <see cref="Centre"/>)/<see cref="Sigma"/>)²
/// to the test statistic; the other shapes are described at <see cref="ConstraintKind"/>. The centre is the auxiliary
/// measurement; toy experiments fluctuate it.</summary>
/// <param name="Centre">Constraint centre, in the parameter's own units.</param>
/// <param name="Sigma">Constraint width (standard deviation of the auxiliary measurement at the centre), in the parameter's own units; finite and &gt; 0.</param>
public readonly record struct GaussianConstraint(double Centre, double Sigma);

/// <summary>Shape of the auxiliary measurement behind a constraint of centre c and width σ (χ² units, i.e. −2 ln of the
/// auxiliary likelihood ratio to its saturated value).</summary>
public enum ConstraintKind
{
    /// <summary>c ~ N(θ, σ): ((θ − c)/σ)².</summary>
    Gaussian = 0,
    /// <summary>Poisson (gamma) constraint, as pyhf's shapesys and Barlow–Beeston: an auxiliary count n = τc with mean τθ,
    /// τ = c₀/σ² from the declared centre c₀ (so the count's relative error at θ = c₀ is σ/c₀):
    /// 2[τθ − n + n ln(n/(τθ))]. Toys draw n ~ Poisson(τθ). Needs c₀ &gt; 0 and θ ≥ 0.</summary>
    Poisson = 1,
    /// <summary>Log-normal constraint: ln c ~ N(ln θ, s) with s = ln(1 + σ/c₀): ((ln θ − ln c)/s)². Toys draw ln c from
    /// N(ln θ, s). Needs c₀ &gt; 0 and θ &gt; 0 (a lower bound ≥ 0).</summary>
    LogNormal = 2,
}

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
    /// <summary>Centre and width of the constraint, or null for a free parameter; its shape is <see cref="ConstraintKind"/>.</summary>
    public GaussianConstraint? Constraint { get; }
    /// <summary>Shape of the constraint (Gaussian unless declared otherwise).</summary>
    public ConstraintKind ConstraintKind { get; }
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
    /// <param name="constraintKind">Shape of the constraint (ignored without one). Poisson and log-normal constraints need
    /// a centre &gt; 0 and a lower bound ≥ 0.</param>
    public FitParameter(string name, double initial, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity,
        GaussianConstraint? constraint = null, double? scale = null, string unit = "", ConstraintKind constraintKind = ConstraintKind.Gaussian)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A fit parameter needs a non-empty name.", nameof(name));
        if (double.IsNaN(lower) || double.IsNaN(upper) || !(upper > lower))
            throw new ArgumentException($"Parameter '{name}': bounds must satisfy lower < upper; got [{F(lower)}, {F(upper)}].", nameof(upper));
        if (!double.IsFinite(initial) || initial < lower || initial > upper)
            throw new ArgumentException($"Parameter '{name}': initial value {F(initial)} is not finite or lies outside [{F(lower)}, {F(upper)}].", nameof(initial));
        if (constraint is { } c && (!double.IsFinite(c.Centre) || !double.IsFinite(c.Sigma) || c.Sigma <= 0))
            throw new ArgumentException($"Parameter '{name}': constraint needs a finite centre and a width > 0; got centre {F(c.Centre)}, sigma {F(c.Sigma)}.", nameof(constraint));
        if (!Enum.IsDefined(constraintKind))
            throw new ArgumentException($"Parameter '{name}': unknown constraint kind {(int)constraintKind}.", nameof(constraintKind));
        if (constraint is { } ck && constraintKind != ConstraintKind.Gaussian && (ck.Centre <= 0 || lower < 0))
            throw new ArgumentException($"Parameter '{name}': a {constraintKind} constraint needs a centre > 0 and a lower bound ≥ 0; got centre {F(ck.Centre)}, lower bound {F(lower)}.", nameof(constraintKind));
        if (scale is { } s && (!double.IsFinite(s) || s <= 0))
            throw new ArgumentException($"Parameter '{name}': scale must be finite and > 0; got {F(s)}.", nameof(scale));
        Name = name;
        Initial = initial;
        Lower = lower;
        Upper = upper;
        Constraint = constraint;
        ConstraintKind = constraint is null ? ConstraintKind.Gaussian : constraintKind;
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
        new(Name, Math.Clamp(initial, Lower, Upper), Lower, Upper, Constraint, Scale, Unit, ConstraintKind);

    /// <summary>A multiplicative factor (nominal 1) with a Poisson (gamma) constraint of relative width
    /// <paramref name="relativeError"/>: τ = 1/relativeError², as pyhf's shapesys and a Barlow–Beeston bin factor whose
    /// template has 1/relativeError² effective MC events.</summary>
    /// <param name="name">Unique name.</param>
    /// <param name="relativeError">Relative width σ/1, finite and &gt; 0.</param>
    /// <param name="upper">Upper bound (default 10).</param>
    public static FitParameter PoissonFactor(string name, double relativeError, double upper = 10.0) =>
        new(name, 1.0, 0.0, upper, new GaussianConstraint(1.0, relativeError), Math.Min(relativeError, 1.0), "×", ConstraintKind.Poisson);

    /// <summary>A multiplicative factor (nominal 1) with a log-normal constraint: ln factor ~ N(0, ln(1 + relativeError)).</summary>
    /// <param name="name">Unique name.</param>
    /// <param name="relativeError">Relative width, finite and &gt; 0.</param>
    /// <param name="upper">Upper bound (default 10).</param>
    public static FitParameter LogNormalFactor(string name, double relativeError, double upper = 10.0) =>
        new(name, 1.0, 0.0, upper, new GaussianConstraint(1.0, relativeError), Math.Min(relativeError, 1.0), "×", ConstraintKind.LogNormal);

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
