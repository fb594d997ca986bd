using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Likelihood;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>A Bayesian upper limit with its posterior on a grid.</summary>
/// <param name="Parameter">Parameter of interest.</param>
/// <param name="ConfidenceLevel">Credibility (posterior probability below the limit).</param>
/// <param name="Upper">Upper limit (parameter units).</param>
/// <param name="Grid">Parameter values where the posterior was evaluated.</param>
/// <param name="Posterior">Posterior density on the grid, normalised to 1 (per parameter unit).</param>
/// <param name="Samples">Nuisance-parameter samples of the marginalisation (0 without nuisances).</param>
public sealed record BayesianLimit(string Parameter, double ConfidenceLevel, double Upper, double[] Grid, double[] Posterior, int Samples);

/// <summary>Settings of <see cref="BayesianUpperLimit"/>.</summary>
public sealed record BayesianOptions
{
    /// <summary>Samples of the nuisance parameters from their Gaussian constraints (the priors).</summary>
    public int Samples { get; init; } = 4000;
    /// <summary>Seed of the sample stream (results are reproducible and thread-independent).</summary>
    public ulong Seed { get; init; } = 20240623;
    /// <summary>Grid points in the parameter of interest.</summary>
    public int GridPoints { get; init; } = 801;
}

/// <summary>The flat-prior Bayesian upper limit the technote weighs against the frequentist ones: prior uniform in the parameter
/// of interest on [max(lower bound, 0), upper bound], nuisance parameters marginalised over their Gaussian constraints taken as
/// priors (Monte Carlo with the same samples at every point, so the posterior is smooth). exp(−χ²/2) of the objective is the
/// likelihood times the constraint priors, so each sample is weighted by exp(−(χ² − Σ pulls)/2). Free parameters without a
/// constraint (other than the parameter of interest) have no prior and are refused. For a counting experiment with known
/// background this reproduces Helene's formula, 1 − CL = P(n ≤ n₀ | s_up + b) / P(n ≤ n₀ | b).</summary>
public static class BayesianUpperLimit
{
    /// <summary>Computes the limit.</summary>
    /// <param name="objective">The measurement (χ²-like).</param>
    /// <param name="parameter">Parameter of interest.</param>
    /// <param name="confidenceLevel">Credibility, e.g. 0.9.</param>
    /// <param name="options">Sampling and grid settings.</param>
    /// <exception cref="NotSupportedException">A free parameter other than the parameter of interest has no constraint (no prior).</exception>
    public static BayesianLimit Compute(IFitObjective objective, string parameter, double confidenceLevel = 0.9, BayesianOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Confidence level must be in (0, 1).");
        var o = options ?? new BayesianOptions();
        if (o.GridPoints < 10) throw new ArgumentOutOfRangeException(nameof(options), o.GridPoints, "The posterior grid needs at least 10 points.");
        var pars = objective.Parameters;
        int k = ProfileLikelihood.IndexOf(objective, parameter);
        var poi = pars[k];
        var nuisances = Enumerable.Range(0, pars.Count).Where(i => i != k).ToArray();
        foreach (int i in nuisances)
            if (pars[i].Constraint is null)
                throw new NotSupportedException($"Parameter '{pars[i].Name}' has no constraint, so no prior for the Bayesian marginalisation; fix it or give it a Gaussian constraint.");
            else if (pars[i].ConstraintKind != Model.ConstraintKind.Gaussian)
                throw new NotSupportedException($"Parameter '{pars[i].Name}' has a {pars[i].ConstraintKind} constraint; the Bayesian marginalisation samples Gaussian priors only.");
        // Samples of the nuisances from their priors (truncated to the bounds by rejection).
        int nSamples = nuisances.Length == 0 ? 1 : Math.Max(1, o.Samples);
        var samples = new double[nSamples][];
        var pulls = new double[nSamples];
        var rng = new ToyRandom(o.Seed, 0, 0);
        for (int s = 0; s < nSamples; s++)
        {
            var x = pars.Select(p => p.Initial).ToArray();
            double pull = 0;
            foreach (int i in nuisances)
            {
                var c = pars[i].Constraint!.Value;
                double v;
                int tries = 0;
                do v = c.Centre + c.Sigma * Normal.Sample(rng, 0, 1);
                while ((v < pars[i].Lower || v > pars[i].Upper) && ++tries < 1000);
                x[i] = Math.Clamp(v, pars[i].Lower, pars[i].Upper);
                double z = (x[i] - c.Centre) / c.Sigma;
                pull += z * z;
            }
            samples[s] = x; pulls[s] = pull;
        }
        double lo = Math.Max(poi.Lower, 0);
        if (lo >= poi.Upper) throw new ArgumentException($"'{parameter}' has no room above 0 inside its bounds.", nameof(parameter));
        // −2 ln of the marginal likelihood at μ, relative to a running reference (log-sum-exp).
        double LogMarginal(double mu)
        {
            var chi = new double[nSamples];
            double min = double.PositiveInfinity;
            for (int s = 0; s < nSamples; s++)
            {
                var x = (double[])samples[s].Clone();
                x[k] = mu;
                chi[s] = objective.Evaluate(x) - pulls[s];
                if (chi[s] < min) min = chi[s];
            }
            double sum = 0;
            for (int s = 0; s < nSamples; s++) sum += Math.Exp(-0.5 * (chi[s] - min));
            return -0.5 * min + Math.Log(sum / nSamples);
        }
        // Range: widen until the posterior has fallen by e⁻²⁰ from its largest value seen.
        double hi = Math.Min(poi.Upper, lo + poi.Scale);
        double peak = Math.Max(LogMarginal(lo), LogMarginal(hi));
        for (int n = 0; n < 60 && hi < poi.Upper; n++)
        {
            double v = LogMarginal(hi);
            peak = Math.Max(peak, v);
            if (v < peak - 20) break;
            hi = Math.Min(poi.Upper, lo + 2 * (hi - lo));
        }
        int m = o.GridPoints;
        var grid = new double[m]; var logp = new double[m];
        for (int i = 0; i < m; i++) { grid[i] = lo + (hi - lo) * i / (m - 1); logp[i] = LogMarginal(grid[i]); }
        double max = logp.Max();
        var post = logp.Select(v => Math.Exp(v - max)).ToArray();
        var cdf = new double[m];
        for (int i = 1; i < m; i++) cdf[i] = cdf[i - 1] + 0.5 * (post[i] + post[i - 1]) * (grid[i] - grid[i - 1]);
        double total = cdf[^1];
        if (!(total > 0)) throw new InvalidOperationException("The posterior vanishes on the grid.");
        for (int i = 0; i < m; i++) { post[i] /= total; cdf[i] /= total; }
        int j = Array.FindIndex(cdf, c => c >= confidenceLevel);
        if (j <= 0) throw new InvalidOperationException($"The {confidenceLevel.ToString(CultureInfo.InvariantCulture)} quantile of '{parameter}' lies outside the grid.");
        // Inside the interval the CDF is quadratic (trapezoids of a linear density): solve for the crossing.
        double h = grid[j] - grid[j - 1], p0 = post[j - 1], slope = (post[j] - post[j - 1]) / h, need = confidenceLevel - cdf[j - 1];
        double t = Math.Abs(slope) < 1e-300 ? need / p0 : (-p0 + Math.Sqrt(Math.Max(0, p0 * p0 + 2 * slope * need))) / slope;
        return new BayesianLimit(parameter, confidenceLevel, grid[j - 1] + Math.Clamp(t, 0, h), grid, post, nuisances.Length == 0 ? 0 : nSamples);
    }
}
