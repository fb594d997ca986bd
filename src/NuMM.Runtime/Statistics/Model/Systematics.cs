using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>How a template systematic interpolates the per-bin ratio shifted/nominal between the shifts
/// (at θ = 0 the ratio is 1 by construction).</summary>
public enum TemplateInterpolation
{
    /// <summary>Piecewise linear between neighbouring shifts (pyhf histosys code 0 generalised to ±2σ, ±3σ).
    /// Beyond the outermost shift: linear extrapolation with the slope of the outermost segment.</summary>
    Linear = 0,
    /// <summary>Piecewise cubic Hermite (C¹), as CAFAna's PredictionInterp: slopes at inner knots are
    /// the centred secant (r[k+1] − r[k−1])/(x[k+1] − x[k−1]), at the end knots the secant of the end segment.
    /// Beyond the outermost shift: linear extrapolation continuing the end value and slope (C¹, no cubic blow-up).
    /// With only one shift on a side the curve is linear on that side.</summary>
    Cubic = 1,
}

/// <summary>How a normalisation uncertainty turns its nuisance parameter θ (in σ) into a factor.</summary>
public enum NormalizationInterpolation
{
    /// <summary>Factor 1 + θ·up for θ ≥ 0, 1 + θ·down for θ &lt; 0 (pyhf code 0); floored at 0.</summary>
    Linear = 0,
    /// <summary>Factor (1 + up)^θ for θ ≥ 0, (1 − down)^(−θ) for θ &lt; 0 (pyhf code 1, log-normal-like); always &gt; 0.</summary>
    Exponential = 1,
    /// <summary>pyhf code 4: exponential for |θ| ≥ 1, inside a 6th-order polynomial matching value, first and
    /// second derivative of the exponential at θ = ±1 (smooth at 0, unlike code 1 for asymmetric errors).</summary>
    PolynomialExponential = 4,
}

/// <summary>A shape systematic from shifted templates: for each affected component, its spectrum
/// at θ = ±1σ and optionally ±2σ, ±3σ (from shifted samples, or from weight variations filled into the
/// same binning). Per bin the ratio shifted/nominal is interpolated in θ and multiplies the component;
/// several systematics multiply (CAFAna convention). Bins whose nominal content is 0 are left unshifted.</summary>
public sealed class TemplateSystematic
{
    private readonly SortedDictionary<string, SortedDictionary<double, double[]>> _shifts = new(StringComparer.Ordinal);

    /// <summary>Creates a systematic driven by the nuisance parameter <paramref name="parameter"/> (θ in σ).</summary>
    /// <param name="parameter">Nuisance parameter name; created with a unit Gaussian constraint unless declared.</param>
    /// <param name="interpolation">Per-bin interpolation between shifts.</param>
    public TemplateSystematic(string parameter, TemplateInterpolation interpolation = TemplateInterpolation.Cubic)
    {
        if (string.IsNullOrWhiteSpace(parameter)) throw new ArgumentException("A template systematic needs a parameter name.", nameof(parameter));
        Parameter = parameter;
        Interpolation = interpolation;
    }

    /// <summary>Nuisance parameter name.</summary>
    public string Parameter { get; }
    /// <summary>Interpolation mode.</summary>
    public TemplateInterpolation Interpolation { get; }

    /// <summary>Components affected, in ordinal order.</summary>
    public IEnumerable<string> Components => _shifts.Keys;

    /// <summary>Adds the spectrum of <paramref name="component"/> shifted by <paramref name="sigma"/> (same exposure as the nominal).</summary>
    /// <param name="component">Component name.</param>
    /// <param name="sigma">Shift in σ: finite and ≠ 0 (typically ±1, ±2, ±3).</param>
    /// <param name="contents">Shifted expected events per bin; finite and ≥ 0.</param>
    /// <returns>This systematic, for chaining.</returns>
    public TemplateSystematic AddShift(string component, double sigma, ReadOnlySpan<double> contents)
    {
        if (!double.IsFinite(sigma) || sigma == 0)
            throw new ArgumentException($"Systematic '{Parameter}', component '{component}': shift must be finite and ≠ 0 σ; got {sigma.ToString("R", CultureInfo.InvariantCulture)}.", nameof(sigma));
        var values = PredictionComponent.Validate(component, $"systematic '{Parameter}' shift {sigma.ToString("R", CultureInfo.InvariantCulture)}σ", contents);
        if (!_shifts.TryGetValue(component, out var bySigma)) _shifts[component] = bySigma = new SortedDictionary<double, double[]>();
        if (!bySigma.TryAdd(sigma, values))
            throw new ArgumentException($"Systematic '{Parameter}', component '{component}': shift {sigma.ToString("R", CultureInfo.InvariantCulture)}σ given twice.", nameof(sigma));
        return this;
    }

    internal IReadOnlyDictionary<double, double[]> ShiftsFor(string component) => _shifts[component];
}

/// <summary>A normalisation uncertainty on one or more components, driven by a unit-Gaussian nuisance parameter θ.</summary>
public sealed class NormalizationSystematic
{
    /// <summary>Creates a normalisation uncertainty.</summary>
    /// <param name="parameter">Nuisance parameter name (θ in σ).</param>
    /// <param name="components">Components scaled together by the factor.</param>
    /// <param name="up">Fractional change at θ = +1 (0.109 for 10.9 %); finite, ≥ 0 and &lt; 1 for the exponential modes.</param>
    /// <param name="down">Fractional change at θ = −1 (defaults to <paramref name="up"/>); finite, in [0, 1).</param>
    /// <param name="interpolation">How θ maps to the factor.</param>
    public NormalizationSystematic(string parameter, IEnumerable<string> components, double up, double? down = null,
        NormalizationInterpolation interpolation = NormalizationInterpolation.Linear)
    {
        if (string.IsNullOrWhiteSpace(parameter)) throw new ArgumentException("A normalisation systematic needs a parameter name.", nameof(parameter));
        Parameter = parameter;
        Components = components?.ToArray() ?? throw new ArgumentNullException(nameof(components));
        if (Components.Count == 0) throw new ArgumentException($"Normalisation systematic '{parameter}' applies to no component.", nameof(components));
        double dn = down ?? up;
        if (!double.IsFinite(up) || up < 0) throw new ArgumentOutOfRangeException(nameof(up), up, $"Normalisation systematic '{parameter}': up must be finite and ≥ 0.");
        if (!double.IsFinite(dn) || dn < 0 || dn >= 1) throw new ArgumentOutOfRangeException(nameof(down), dn, $"Normalisation systematic '{parameter}': down must be in [0, 1).");
        Up = up;
        Down = dn;
        Interpolation = interpolation;
        if (interpolation == NormalizationInterpolation.PolynomialExponential) _code4 = Code4Coefficients(1 + up, 1 - dn);
    }

    /// <summary>Nuisance parameter name.</summary>
    public string Parameter { get; }
    /// <summary>Components scaled by the factor.</summary>
    public IReadOnlyList<string> Components { get; }
    /// <summary>Fractional change at θ = +1.</summary>
    public double Up { get; }
    /// <summary>Fractional change at θ = −1.</summary>
    public double Down { get; }
    /// <summary>Interpolation mode.</summary>
    public NormalizationInterpolation Interpolation { get; }

    private readonly double[]? _code4;

    /// <summary>The multiplicative factor at θ (dimensionless).</summary>
    /// <param name="theta">Nuisance value in σ.</param>
    public double Factor(double theta)
    {
        switch (Interpolation)
        {
            case NormalizationInterpolation.Linear:
                return Math.Max(0.0, 1 + theta * (theta >= 0 ? Up : Down));
            case NormalizationInterpolation.Exponential:
                return theta >= 0 ? Math.Pow(1 + Up, theta) : Math.Pow(1 - Down, -theta);
            default:
                if (theta >= 1) return Math.Pow(1 + Up, theta);
                if (theta <= -1) return Math.Pow(1 - Down, -theta);
                var a = _code4!;
                double t = theta, r = 0;
                for (int i = 5; i >= 0; i--) r = (r + a[i]) * t;
                return 1 + r;
        }
    }

    /// <summary>d<see cref="Factor"/>/dθ (per σ); 0 where the linear factor is floored at 0.</summary>
    /// <param name="theta">Nuisance value in σ.</param>
    internal double Derivative(double theta)
    {
        switch (Interpolation)
        {
            case NormalizationInterpolation.Linear:
                {
                    double slope = theta >= 0 ? Up : Down;
                    return 1 + theta * slope > 0 ? slope : 0;
                }
            case NormalizationInterpolation.Exponential:
                return theta >= 0 ? Math.Log(1 + Up) * Math.Pow(1 + Up, theta) : -Math.Log(1 - Down) * Math.Pow(1 - Down, -theta);
            default:
                if (theta >= 1) return Math.Log(1 + Up) * Math.Pow(1 + Up, theta);
                if (theta <= -1) return -Math.Log(1 - Down) * Math.Pow(1 - Down, -theta);
                var a = _code4!;
                double r = 0;
                for (int i = 5; i >= 0; i--) r = r * theta + (i + 1) * a[i];
                return r;
        }
    }

    /// <summary>Coefficients a1..a6 of 1 + Σ a_i θ^i matching f, f', f'' of the exponential at θ = ±1.</summary>
    internal static double[] Code4Coefficients(double iUp, double iDown)
    {
        double lu = Math.Log(iUp), ld = Math.Log(iDown);
        // f(θ) = iUp^θ for θ ≥ 1 and iDown^(−θ) for θ ≤ −1.
        var rhs = new[] { iUp - 1, iDown - 1, iUp * lu, -iDown * ld, iUp * lu * lu, iDown * ld * ld };
        var m = new double[6, 6];
        for (int i = 1; i <= 6; i++)
        {
            double s = (i % 2 == 0) ? 1 : -1; // (−1)^i
            m[0, i - 1] = 1;                  // f(1) − 1
            m[1, i - 1] = s;                  // f(−1) − 1
            m[2, i - 1] = i;                  // f'(1)
            m[3, i - 1] = -s * i;             // f'(−1) = i (−1)^(i−1)
            m[4, i - 1] = i * (i - 1);        // f''(1)
            m[5, i - 1] = s * i * (i - 1);    // f''(−1) = i(i−1)(−1)^(i−2)
        }
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(m)
            .Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(rhs));
        return a.ToArray();
    }
}
