using System;
using System.Globalization;

namespace NuMM.Runtime.Statistics.Likelihood;

/// <summary>Which statistic compares data with prediction.</summary>
public enum TestStatisticKind
{
    /// <summary>Poisson likelihood ratio to the saturated model (Baker–Cousins, NIM 221 (1984) 437):
    /// 2 Σ [m − d + d ln(d/m)]. Right for low counts.</summary>
    PoissonLikelihoodRatio = 0,
    /// <summary>Σ (d − m)²/σ² with diagonal errors.</summary>
    ChiSquareDiagonal = 1,
    /// <summary>(d − m)ᵀ V⁻¹ (d − m) with a bin-to-bin covariance matrix V.</summary>
    ChiSquareCovariance = 2,
}

/// <summary>Where the diagonal χ² takes its per-bin variance σ².</summary>
public enum ChiSquareErrors
{
    /// <summary>σ² = observed count (Neyman); empty bins use σ² = 1.</summary>
    Neyman = 0,
    /// <summary>σ² = predicted count (Pearson), re-evaluated at every step.</summary>
    Pearson = 1,
    /// <summary>σ² given by the caller (for example measured rates with their errors, as in the CEvNS pull χ², eq. 15 of the CEvNS talk).</summary>
    Fixed = 2,
}

/// <summary>The choice of test statistic with its settings. Pull terms of constrained parameters are always added.</summary>
public sealed class TestStatistic
{
    private TestStatistic(TestStatisticKind kind, ChiSquareErrors errors, double[]? fixedErrors, double[,]? covariance, bool addDataStatistical)
    {
        Kind = kind; Errors = errors; FixedErrors = fixedErrors; Covariance = covariance; AddDataStatistical = addDataStatistical;
    }

    /// <summary>Kind of statistic.</summary>
    public TestStatisticKind Kind { get; }
    /// <summary>Variance source for <see cref="TestStatisticKind.ChiSquareDiagonal"/>.</summary>
    public ChiSquareErrors Errors { get; }
    /// <summary>Per-bin absolute errors σ (events) for <see cref="ChiSquareErrors.Fixed"/>.</summary>
    public double[]? FixedErrors { get; }
    /// <summary>Absolute covariance (events²) for <see cref="TestStatisticKind.ChiSquareCovariance"/>.</summary>
    public double[,]? Covariance { get; }
    /// <summary>For the covariance χ²: add the observed counts to the diagonal (statistical part).</summary>
    public bool AddDataStatistical { get; }

    /// <summary>The Poisson likelihood ratio (Baker–Cousins).</summary>
    public static TestStatistic Poisson() => new(TestStatisticKind.PoissonLikelihoodRatio, default, null, null, false);

    /// <summary>A χ² with diagonal errors.</summary>
    /// <param name="errors">Where σ² comes from.</param>
    /// <param name="fixedErrors">Absolute per-bin errors (events), finite and &gt; 0, required for <see cref="ChiSquareErrors.Fixed"/>.</param>
    public static TestStatistic ChiSquare(ChiSquareErrors errors = ChiSquareErrors.Neyman, double[]? fixedErrors = null)
    {
        if (errors == ChiSquareErrors.Fixed)
        {
            if (fixedErrors is null) throw new ArgumentException("A χ² with fixed errors needs the per-bin errors.", nameof(fixedErrors));
            for (int i = 0; i < fixedErrors.Length; i++)
                if (!double.IsFinite(fixedErrors[i]) || fixedErrors[i] <= 0)
                    throw new ArgumentException($"Fixed χ² error of bin {i} is {fixedErrors[i].ToString("R", CultureInfo.InvariantCulture)}; errors must be finite and > 0.", nameof(fixedErrors));
        }
        return new(TestStatisticKind.ChiSquareDiagonal, errors, (double[]?)fixedErrors?.Clone(), null, false);
    }

    /// <summary>A χ² with a full covariance matrix (systematic correlations between bins).</summary>
    /// <param name="covariance">Symmetric positive-definite absolute covariance (events²).</param>
    /// <param name="addDataStatistical">Add the observed counts to the diagonal.</param>
    public static TestStatistic ChiSquareCovarianceMatrix(double[,] covariance, bool addDataStatistical = true)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int n = covariance.GetLength(0);
        if (covariance.GetLength(1) != n) throw new ArgumentException($"Covariance must be square; got {n}×{covariance.GetLength(1)}.", nameof(covariance));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double v = covariance[i, j];
                if (!double.IsFinite(v)) throw new ArgumentException($"Covariance element [{i},{j}] is {v.ToString("R", CultureInfo.InvariantCulture)}.", nameof(covariance));
                if (Math.Abs(v - covariance[j, i]) > 1e-12 * (Math.Abs(v) + Math.Abs(covariance[j, i]) + 1e-300))
                    throw new ArgumentException($"Covariance is not symmetric at [{i},{j}].", nameof(covariance));
            }
        return new(TestStatisticKind.ChiSquareCovariance, default, null, (double[,])covariance.Clone(), addDataStatistical);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        TestStatisticKind.PoissonLikelihoodRatio => "Poisson likelihood ratio (Baker–Cousins)",
        TestStatisticKind.ChiSquareDiagonal => $"χ² ({Errors} errors)",
        _ => AddDataStatistical ? "χ² (covariance matrix + data statistics)" : "χ² (covariance matrix)",
    };
}
