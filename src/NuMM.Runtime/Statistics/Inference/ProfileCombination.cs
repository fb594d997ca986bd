using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>A likelihood profile on a grid of the parameter of interest for one discrete analysis choice
/// (pile-up model, energy estimator, solar model, …).</summary>
/// <param name="Name">Name of the configuration.</param>
/// <param name="Chi2">Profiled −2 ln L (absolute, not Δ) at each grid value.</param>
public sealed record LikelihoodProfile(string Name, IReadOnlyList<double> Chi2);

/// <summary>A combined profile.</summary>
/// <param name="Grid">Parameter values.</param>
/// <param name="Likelihood">Combined likelihood normalised to 1 at its maximum.</param>
/// <param name="DeltaChi2">−2 ln of <paramref name="Likelihood"/>.</param>
/// <param name="EffectiveWeights">Weight of each profile after normalisation (and maximum-likelihood weighting), summing to 1.</param>
public sealed record CombinedProfile(double[] Grid, double[] Likelihood, double[] DeltaChi2, double[] EffectiveWeights)
{
    /// <summary>Upper crossing of Δχ² = level (linear interpolation).</summary>
    /// <param name="level">Δχ² level.</param>
    public double UpperCrossing(double level) => Curves.UpperCrossing(Grid, DeltaChi2, level);

    /// <summary>Upper limit from integrating the combined likelihood with a flat prior on the grid parameter from the
    /// first grid value (the Borexino procedure): the value below which a fraction <paramref name="credibility"/> of the
    /// integral lies. Trapezoidal rule on the grid; inverse linear interpolation inside the final interval.</summary>
    /// <param name="credibility">Fraction, e.g. 0.9.</param>
    public double IntegratedUpperLimit(double credibility)
    {
        if (!(credibility > 0 && credibility < 1)) throw new ArgumentOutOfRangeException(nameof(credibility), credibility, "Must be in (0, 1).");
        var cum = new double[Grid.Length];
        for (int i = 1; i < Grid.Length; i++) cum[i] = cum[i - 1] + 0.5 * (Likelihood[i] + Likelihood[i - 1]) * (Grid[i] - Grid[i - 1]);
        double target = credibility * cum[^1];
        for (int i = 1; i < Grid.Length; i++)
            if (cum[i] >= target)
            {
                // Inside [x0, x1] the likelihood is linear: solve the quadratic for the partial area.
                double x0 = Grid[i - 1], h = Grid[i] - x0, l0 = Likelihood[i - 1], l1 = Likelihood[i], need = target - cum[i - 1];
                double a = 0.5 * (l1 - l0) / h, b = l0;
                double t = Math.Abs(a) < 1e-300 ? need / b : (-b + Math.Sqrt(b * b + 4 * a * need)) / (2 * a);
                return x0 + Math.Clamp(t, 0, h);
            }
        return Grid[^1];
    }
}

/// <summary>Combines likelihood profiles of discrete systematic choices as a weighted sum of likelihoods (Borexino,
/// "the final profile is a weighted sum of individual profiles"): L(μ) = Σ_k w_k L_k(μ). Each profile enters normalised
/// to its own maximum with the prior weights w_k (equal by default: equal probability for each configuration), and
/// optionally further weighted by its maximum likelihood exp(−χ²_min,k/2) relative to the best configuration, "taking
/// into account the quality of the realisation of the model".</summary>
public static class ProfileCombination
{
    /// <summary>Combines profiles defined on a common grid.</summary>
    /// <param name="grid">Increasing parameter values.</param>
    /// <param name="profiles">Profiles, each with one χ² per grid value.</param>
    /// <param name="weights">Prior weights (≥ 0, not all 0); equal if null.</param>
    /// <param name="weightByMaximumLikelihood">Multiply each weight by exp(−(χ²_min,k − min_j χ²_min,j)/2).</param>
    public static CombinedProfile WeightedSum(IReadOnlyList<double> grid, IReadOnlyList<LikelihoodProfile> profiles,
        IReadOnlyList<double>? weights = null, bool weightByMaximumLikelihood = false)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(profiles);
        if (grid.Count < 2) throw new ArgumentException("The grid needs at least two values.", nameof(grid));
        for (int i = 1; i < grid.Count; i++) if (!(grid[i] > grid[i - 1])) throw new ArgumentException($"Grid values must increase (index {i}).", nameof(grid));
        if (profiles.Count == 0) throw new ArgumentException("No profiles to combine.", nameof(profiles));
        var w = weights?.ToArray() ?? Enumerable.Repeat(1.0, profiles.Count).ToArray();
        if (w.Length != profiles.Count) throw new ArgumentException($"{w.Length} weights for {profiles.Count} profiles.", nameof(weights));
        for (int k = 0; k < w.Length; k++)
            if (!double.IsFinite(w[k]) || w[k] < 0) throw new ArgumentException($"Weight of profile '{profiles[k].Name}' is {w[k]}; weights must be finite and ≥ 0.", nameof(weights));
        var minima = new double[profiles.Count];
        for (int k = 0; k < profiles.Count; k++)
        {
            var p = profiles[k];
            if (p.Chi2.Count != grid.Count) throw new ArgumentException($"Profile '{p.Name}' has {p.Chi2.Count} values for a grid of {grid.Count}.", nameof(profiles));
            for (int i = 0; i < grid.Count; i++)
                if (!double.IsFinite(p.Chi2[i])) throw new ArgumentException($"Profile '{p.Name}' has a non-finite χ² ({p.Chi2[i]}) at grid index {i}.", nameof(profiles));
            minima[k] = p.Chi2.Min();
        }
        double globalMin = minima.Min();
        var eff = new double[w.Length];
        for (int k = 0; k < w.Length; k++) eff[k] = w[k] * (weightByMaximumLikelihood ? Math.Exp(-0.5 * (minima[k] - globalMin)) : 1.0);
        double sum = eff.Sum();
        if (!(sum > 0)) throw new ArgumentException("All profile weights are zero.", nameof(weights));
        for (int k = 0; k < eff.Length; k++) eff[k] /= sum;
        var like = new double[grid.Count];
        for (int i = 0; i < grid.Count; i++)
            for (int k = 0; k < profiles.Count; k++) like[i] += eff[k] * Math.Exp(-0.5 * (profiles[k].Chi2[i] - minima[k]));
        double max = like.Max();
        var delta = new double[grid.Count];
        for (int i = 0; i < grid.Count; i++) { like[i] /= max; delta[i] = -2 * Math.Log(Math.Max(like[i], 1e-300)); } // floor: Δχ² ≤ 1381, never ∞
        return new CombinedProfile(grid.ToArray(), like, delta, eff);
    }
}
