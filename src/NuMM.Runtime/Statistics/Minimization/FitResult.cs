using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Statistics.Minimization;

/// <summary>The outcome of a minimisation. <see cref="Converged"/> is false (and <see cref="Status"/> says why) when
/// the estimated distance to the minimum did not fall below the tolerance; never trust a non-converged minimum.</summary>
public sealed class FitResult
{
    internal FitResult(string[] names, double[] values, bool[] isFixed, bool[] atBound, double minimum, bool converged, string status,
        double edm, int iterations, int evaluations, double[,]? covariance, bool covarianceValid,
        IReadOnlyList<LocalMinimum>? minima = null, int starts = 1, int startsReachingBest = 1)
    {
        Minima = minima ?? [new LocalMinimum(minimum, values, 1, converged)];
        Starts = starts; StartsReachingBest = startsReachingBest;
        ParameterNames = names; Values = values; IsFixed = isFixed; AtBound = atBound; Minimum = minimum; Converged = converged;
        Status = status; EstimatedDistanceToMinimum = edm; Iterations = iterations; Evaluations = evaluations;
        Covariance = covariance; CovarianceValid = covarianceValid;
        int n = names.Length;
        Errors = new double[n];
        if (covariance is not null)
        {
            for (int i = 0; i < n; i++) Errors[i] = isFixed[i] ? 0.0 : Math.Sqrt(Math.Max(covariance[i, i], 0.0));
            Correlation = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    Correlation[i, j] = i == j ? (isFixed[i] ? 0.0 : 1.0)
                        : (Errors[i] > 0 && Errors[j] > 0 ? covariance[i, j] / (Errors[i] * Errors[j]) : 0.0);
        }
    }

    /// <summary>Parameter names, in fit order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }
    /// <summary>Best-fit values.</summary>
    public double[] Values { get; }
    /// <summary>Hessian (parabolic) errors: √(2 (∂²χ²)⁻¹)_ii, i.e. Δχ² = 1; 0 for fixed parameters; zeros if the covariance was not computed.</summary>
    public double[] Errors { get; }
    /// <summary>Which parameters were held fixed.</summary>
    public bool[] IsFixed { get; }
    /// <summary>Which free parameters ended on a bound (their Hessian errors are one-sided approximations).</summary>
    public bool[] AtBound { get; }
    /// <summary>The minimum of the objective (χ² or −2 ln L ratio).</summary>
    public double Minimum { get; }
    /// <summary>True when the estimated distance to the minimum fell below the tolerance.</summary>
    public bool Converged { get; }
    /// <summary>"converged", or the reason the fit stopped.</summary>
    public string Status { get; }
    /// <summary>Estimated distance to the minimum, ½ gᵀ H⁻¹ g (χ² units), at the end.</summary>
    public double EstimatedDistanceToMinimum { get; }
    /// <summary>Quasi-Newton iterations.</summary>
    public int Iterations { get; }
    /// <summary>Objective evaluations, including those for gradients and the Hessian.</summary>
    public int Evaluations { get; }
    /// <summary>Covariance matrix (parameter units²), null when not requested; rows of fixed parameters are 0.</summary>
    public double[,]? Covariance { get; }
    /// <summary>Correlation matrix, null when the covariance was not computed.</summary>
    public double[,]? Correlation { get; }
    /// <summary>False when the Hessian was not positive definite (errors then come from its diagonal only).</summary>
    public bool CovarianceValid { get; }

    /// <summary>The distinct local minima the starts reached, lowest first (the first is this result's minimum, possibly
    /// refined by the Newton polish). More than one entry means the objective has several minima in the bounds.</summary>
    public IReadOnlyList<LocalMinimum> Minima { get; }
    /// <summary>Number of starting points the fit ran from (1 without the multi-start strategy).</summary>
    public int Starts { get; }
    /// <summary>How many starts ended in the reported (lowest) minimum.</summary>
    public int StartsReachingBest { get; }
    /// <summary>True when the reported minimum was reached from more than one start (more confidence that it is global).</summary>
    public bool BestReachedFromSeveralStarts => StartsReachingBest > 1;

    /// <summary>Value of the named parameter.</summary>
    /// <param name="name">Parameter name.</param>
    public double this[string name] => Values[IndexOf(name)];

    /// <summary>Hessian error of the named parameter.</summary>
    /// <param name="name">Parameter name.</param>
    public double ErrorOf(string name) => Errors[IndexOf(name)];

    private int IndexOf(string name)
    {
        for (int i = 0; i < ParameterNames.Count; i++) if (ParameterNames[i] == name) return i;
        throw new ArgumentException($"'{name}' is not a parameter of this fit; parameters are: {string.Join(", ", ParameterNames)}.", nameof(name));
    }
}

/// <summary>One distinct local minimum found by the multi-start strategy.</summary>
/// <param name="Minimum">Objective value (χ² units).</param>
/// <param name="Values">All parameter values there.</param>
/// <param name="Starts">Number of starts that ended here.</param>
/// <param name="Converged">Whether at least one of those local fits converged.</param>
public sealed record LocalMinimum(double Minimum, double[] Values, int Starts, bool Converged);
