using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>A scale function: receives the values of the declared parameters, in declaration order.</summary>
/// <param name="values">Values of <see cref="ComponentScale.ParameterNames"/>, same order.</param>
/// <returns>The dimensionless factor multiplying the component's spectrum.</returns>
public delegate double ScaleFunction(ReadOnlySpan<double> values);

/// <summary>How a component's spectrum scales with the parameters of interest: any declared function of named
/// parameters. The magnetic-moment signal scales with μ² (<see cref="Square"/>), which a linear-only
/// framework such as pyhf cannot express; a background may scale with a free normalisation (<see cref="Linear"/>).</summary>
public sealed class ComponentScale
{
    private readonly ScaleFunction _function;

    /// <summary>Which factory made the scale (exporters can map Constant, Linear and Square; Function is opaque).</summary>
    internal enum Kinds { Constant, Linear, Square, Function }

    internal Kinds Kind { get; private init; } = Kinds.Function;
    internal double ConstantFactor { get; private init; } = double.NaN;

    private ComponentScale(string description, string[] parameterNames, ScaleFunction function)
    {
        Description = description;
        ParameterNames = parameterNames;
        _function = function;
    }

    /// <summary>Human-readable form, for example "μ²" or "1".</summary>
    public string Description { get; }

    /// <summary>Parameters the scale depends on, in the order they are passed to the function.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Evaluates the scale for values of <see cref="ParameterNames"/> in order.</summary>
    /// <param name="values">One value per declared parameter.</param>
    public double Evaluate(ReadOnlySpan<double> values) => _function(values);

    /// <summary>A constant factor (1 for a fixed background).</summary>
    /// <param name="factor">Finite factor ≥ 0.</param>
    public static ComponentScale Constant(double factor = 1.0)
    {
        if (!double.IsFinite(factor) || factor < 0)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A constant component scale must be finite and ≥ 0.");
        return new(factor.ToString("R", System.Globalization.CultureInfo.InvariantCulture), [], _ => factor) { Kind = Kinds.Constant, ConstantFactor = factor };
    }

    /// <summary>Scale = parameter (a free normalisation or a signal strength).</summary>
    /// <param name="parameter">Parameter name.</param>
    public static ComponentScale Linear(string parameter) => new(parameter, [Check(parameter)], v => v[0]) { Kind = Kinds.Linear };

    /// <summary>Scale = parameter² (the magnetic-moment signal: the cross section grows with μ_ν²).</summary>
    /// <param name="parameter">Parameter name (for example "mu", in units of the reference moment the template was made with).</param>
    public static ComponentScale Square(string parameter) => new(parameter + "²", [Check(parameter)], v => v[0] * v[0]) { Kind = Kinds.Square };

    /// <summary>Any function of named parameters.</summary>
    /// <param name="description">Text for reports, for example "μ² · ε".</param>
    /// <param name="parameterNames">Parameters passed to <paramref name="function"/>, in order.</param>
    /// <param name="function">The scale; must return a finite value inside the parameters' bounds. Negative values are
    /// allowed (for example μ² declared as a parameter with a negative lower bound in a deficit study); a bin whose total
    /// prediction is ≤ 0 is floored by the likelihood.</param>
    public static ComponentScale Function(string description, IEnumerable<string> parameterNames, ScaleFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var names = parameterNames?.Select(Check).ToArray() ?? throw new ArgumentNullException(nameof(parameterNames));
        return new(string.IsNullOrWhiteSpace(description) ? "f(" + string.Join(", ", names) + ")" : description, names, function);
    }

    private static string Check(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A component scale refers to a parameter with an empty name.") : name;

    /// <inheritdoc/>
    public override string ToString() => Description;
}
