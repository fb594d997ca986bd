using System;
using MathNet.Numerics.Distributions;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>The exact Feldman–Cousins belt for a Gaussian measurement x ~ N(μ, σ) of a mean bounded by μ ≥ 0
/// (Phys. Rev. D 57, 3873 (1998), section IV.B and Table X). The likelihood-ratio ordering is
/// ln R(x) = −(x − μ)²/2σ² + (x − μ_best)²/2σ² with μ_best = max(0, x): a parabola for x ≥ 0 and the line μx/σ² − μ²/2σ²
/// below 0, so every acceptance region is one interval [x₁, x₂], found by solving for the ordering threshold. Negative
/// observations are valid (they give short upper limits, never an empty interval).</summary>
public static class FeldmanCousinsGaussian
{
    /// <summary>The acceptance interval [x₁, x₂] of the measurement for true mean <paramref name="mu"/>.</summary>
    /// <param name="mu">True mean, ≥ 0 (units of x).</param>
    /// <param name="sigma">Resolution σ &gt; 0 (units of x).</param>
    /// <param name="confidenceLevel">Confidence level in (0, 1).</param>
    public static (double Low, double High) AcceptanceInterval(double mu, double sigma = 1.0, double confidenceLevel = 0.9)
    {
        if (!(mu >= 0) || !double.IsFinite(mu)) throw new ArgumentOutOfRangeException(nameof(mu), mu, "The mean must be finite and ≥ 0.");
        if (!(sigma > 0) || !double.IsFinite(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be finite and > 0.");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Confidence level must be in (0, 1).");
        double m = mu / sigma;
        // In units of σ: the region {ln R ≥ −t²/2} has upper end m + t; its lower end is m − t while that is ≥ 0, else the
        // point where the line m·x − m²/2 equals −t²/2. Its probability grows with t; bisect for the confidence level.
        (double, double) Ends(double t)
        {
            double lo = m - t;
            if (lo < 0) lo = m > 0 ? (m * m - t * t) / (2 * m) : double.NegativeInfinity;
            return (lo, m + t);
        }
        double Content(double t) { var (l, h) = Ends(t); return Normal.CDF(0, 1, h - m) - Normal.CDF(0, 1, l - m); }
        double a = 0, b = 1;
        while (Content(b) < confidenceLevel) b *= 2;
        for (int i = 0; i < 200 && b - a > 1e-15 * b; i++)
        {
            double c = 0.5 * (a + b);
            if (Content(c) < confidenceLevel) a = c; else b = c;
        }
        var (x1, x2) = Ends(0.5 * (a + b));
        return (x1 * sigma, x2 * sigma);
    }

    /// <summary>The Feldman–Cousins interval [μ₁, μ₂] for an observation <paramref name="observed"/> (FC98 Table X for σ = 1).</summary>
    /// <param name="observed">Measured value x₀ (units of x; may be negative).</param>
    /// <param name="sigma">Resolution σ &gt; 0.</param>
    /// <param name="confidenceLevel">Confidence level in (0, 1).</param>
    public static (double Lower, double Upper) Interval(double observed, double sigma = 1.0, double confidenceLevel = 0.9)
    {
        if (!double.IsFinite(observed)) throw new ArgumentOutOfRangeException(nameof(observed), observed, "The observation must be finite.");
        // x₂(μ) and x₁(μ) increase with μ: the interval is {μ : x₁(μ) ≤ x₀ ≤ x₂(μ)}.
        double Upper(double mu) => AcceptanceInterval(mu, sigma, confidenceLevel).High;
        double Lower(double mu) => AcceptanceInterval(mu, sigma, confidenceLevel).Low;
        double lower = 0;
        if (Upper(0) < observed)
        {
            double a = 0, b = Math.Max(observed, sigma);
            while (Upper(b) < observed) b *= 2;
            lower = Bisect(mu => Upper(mu) < observed, a, b);
        }
        double hiA = lower, hiB = Math.Max(lower, 0) + sigma;
        while (Lower(hiB) <= observed) hiB += Math.Max(sigma, hiB);
        double upper = Bisect(mu => Lower(mu) <= observed, hiA, hiB);
        return (lower, upper);
    }

    /// <summary>Boundary of a predicate that is true below it and false above.</summary>
    private static double Bisect(Func<double, bool> trueBelow, double a, double b)
    {
        for (int i = 0; i < 200 && b - a > 1e-13 * Math.Max(1, Math.Abs(b)); i++)
        {
            double c = 0.5 * (a + b);
            if (trueBelow(c)) a = c; else b = c;
        }
        return 0.5 * (a + b);
    }
}
