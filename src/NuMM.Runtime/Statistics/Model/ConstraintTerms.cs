using System;
using MathNet.Numerics.Distributions;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>One constraint term of a likelihood: its χ² contribution, derivatives and toy draw, for every
/// <see cref="ConstraintKind"/>. Shared by <see cref="Likelihood.BinnedLikelihood"/> and the toy kernel so that both
/// compute the same numbers.</summary>
internal readonly struct ConstraintTerm
{
    /// <summary>The term of parameter <paramref name="p"/> (which must carry a constraint).</summary>
    public ConstraintTerm(FitParameter p)
    {
        var c = p.Constraint!.Value;
        Kind = p.ConstraintKind;
        Sigma = c.Sigma;
        Tau = Kind == ConstraintKind.Poisson ? c.Centre / (c.Sigma * c.Sigma) : double.NaN;
        LogWidth = Kind == ConstraintKind.LogNormal ? Math.Log(1 + c.Sigma / c.Centre) : double.NaN;
    }

    public ConstraintKind Kind { get; }
    /// <summary>Gaussian width (parameter units).</summary>
    public double Sigma { get; }
    /// <summary>Poisson: auxiliary count per unit of the parameter, c₀/σ².</summary>
    public double Tau { get; }
    /// <summary>Log-normal: width of ln θ.</summary>
    public double LogWidth { get; }

    /// <summary>χ² contribution at parameter value <paramref name="x"/> with auxiliary centre <paramref name="centre"/>.</summary>
    public double Chi2(double x, double centre)
    {
        switch (Kind)
        {
            case ConstraintKind.Gaussian: { double z = (x - centre) / Sigma; return z * z; }
            case ConstraintKind.Poisson: return Likelihood.BinnedLikelihood.PoissonTerm(Tau * centre, Tau * x);
            default:
                {
                    if (!(x > 0)) return double.PositiveInfinity;
                    double z = Math.Log(x / centre) / LogWidth;
                    return z * z;
                }
        }
    }

    /// <summary>χ² contribution, its first derivative and a non-negative curvature (exact for Gaussian and Poisson, the
    /// Gauss–Newton part for log-normal).</summary>
    public double Chi2(double x, double centre, out double gradient, out double curvature)
    {
        switch (Kind)
        {
            case ConstraintKind.Gaussian:
                {
                    double z = (x - centre) / Sigma;
                    gradient = 2 * z / Sigma; curvature = 2 / (Sigma * Sigma);
                    return z * z;
                }
            case ConstraintKind.Poisson:
                {
                    double n = Tau * centre, m = Tau * x;
                    if (n <= 0) { gradient = m > 0 ? 2 * Tau : 0; curvature = m > 0 ? 2 * Tau / Math.Max(x, 1e-12) : 0; }
                    else if (m > 1e-12) { gradient = 2 * Tau * (1 - n / m); curvature = 2 * n * Tau * Tau / (m * m); }
                    else { gradient = 0; curvature = 0; }
                    return Likelihood.BinnedLikelihood.PoissonTerm(n, m);
                }
            default:
                {
                    if (!(x > 0)) { gradient = 0; curvature = 0; return double.PositiveInfinity; }
                    double s2 = LogWidth * LogWidth, l = Math.Log(x / centre);
                    gradient = 2 * l / (s2 * x); curvature = 2 / (s2 * x * x);
                    return l * l / s2;
                }
        }
    }

    /// <summary>The auxiliary centre of a pseudo-experiment generated at parameter value <paramref name="truth"/>.
    /// Consumes one Gaussian (Gaussian, log-normal) or one Poisson (Poisson) draw.</summary>
    public double SampleCentre(Random random, double truth) => Kind switch
    {
        ConstraintKind.Gaussian => truth + Sigma * Normal.Sample(random, 0, 1),
        ConstraintKind.Poisson => Tau * truth > 0 ? MathNet.Numerics.Distributions.Poisson.Sample(random, Tau * truth) / Tau : 0,
        _ => Math.Exp(Math.Log(Math.Max(truth, 1e-300)) + LogWidth * Normal.Sample(random, 0, 1)),
    };
}
