using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>The profile-likelihood test statistics of Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554.</summary>
public enum HypothesisStatistic
{
    /// <summary>q_μ (eq. 14): −2 ln λ(μ) for μ̂ ≤ μ, 0 above; μ̂ is fitted inside the parameter's bounds (as pyhf's "q").</summary>
    QMu = 0,
    /// <summary>q̃_μ (eq. 16): as q_μ, but for μ̂ &lt; 0 the denominator is the fit at μ = 0, so the physical boundary
    /// μ ≥ 0 is built in even when the parameter's lower bound is negative (pyhf's "qtilde").</summary>
    QMuTilde = 1,
    /// <summary>q₀ (eq. 12): discovery, −2 ln λ(0) for μ̂ ≥ 0, else 0.</summary>
    Q0 = 2,
}

/// <summary>Result of a test of one value of the parameter of interest.</summary>
/// <param name="Parameter">Parameter of interest.</param>
/// <param name="Value">Tested value μ (for <see cref="HypothesisStatistic.Q0"/>: the signal value of the Asimov data set).</param>
/// <param name="Statistic">Test statistic.</param>
/// <param name="Observed">Observed value of the test statistic.</param>
/// <param name="Asimov">Its value on the Asimov data set (background-only for q_μ, q̃_μ; signal at <paramref name="Value"/> for q₀); NaN for toys.</param>
/// <param name="PValue">Observed p-value: p_μ = CLs+b for q_μ and q̃_μ, p₀ for q₀.</param>
/// <param name="ClB">CLb = 1 − p_b (q_μ, q̃_μ); NaN for q₀.</param>
/// <param name="Cls">CLs = CLs+b / CLb (q_μ, q̃_μ); NaN for q₀.</param>
/// <param name="Expected">Expected values at −2σ, −1σ, median, +1σ, +2σ of the background-only ensemble: CLs for q_μ and
/// q̃_μ, ordered from the most excluding (−2σ) up (pyhf's order); for q₀ the expected p₀ under the signal hypothesis, ordered from
/// the most significant (−2σ) up.</param>
/// <param name="BestFit">μ̂ on the data (inside the bounds).</param>
/// <param name="Toys">Toys per hypothesis (0 for the asymptotic formulae).</param>
public sealed record HypothesisTestResult(string Parameter, double Value, HypothesisStatistic Statistic, double Observed, double Asimov,
    double PValue, double ClB, double Cls, double[] Expected, double BestFit, int Toys)
{
    /// <summary>Observed significance Z = Φ⁻¹(1 − p).</summary>
    public double Significance => Normal.InvCDF(0, 1, 1 - PValue);
}

/// <summary>Settings of a toy-based hypothesis test.</summary>
public sealed record HypothesisToyOptions
{
    /// <summary>Toys per hypothesis (signal+background and background-only).</summary>
    public int Toys { get; init; } = 2000;
    /// <summary>Run seed; toy i of hypothesis h uses the stream (seed, h, i), so results do not depend on threads.</summary>
    public ulong Seed { get; init; } = 20240611;
    /// <summary>Maximum threads (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
    /// <summary>Test-statistic values closer than this count as equal (discrete counts give exact ties; a tie counts as
    /// "at least as extreme", as for the exact Poisson CLs).</summary>
    public double TieTolerance { get; init; } = 1e-6;
    /// <summary>Minimiser settings of the toy fits (one local fit from the truth by default).</summary>
    public MinimizerOptions Minimizer { get; init; } = new() { ComputeCovariance = false, MultiStart = MultiStartOptions.Off };
    /// <summary>Optional progress sink: toys done out of 2 × <see cref="Toys"/> (both ensembles). Called from worker threads,
    /// one call at a time, counting toys in order (ensemble by ensemble, toy by toy), so the sequence of reports — about
    /// one per 1 % and a last one at the total — is the same for any thread count. The result does not depend on it.</summary>
    public IProgress<ToyProgress>? Progress { get; init; }
}

/// <summary>CLs and p-values at a given value of the parameter of interest, asymptotically (Cowan et al. 2011, eqs. 52–67,
/// with the Asimov data set of section 3.2 and pyhf's expected bands) or from toys. Works on any
/// <see cref="IGenerativeObjective"/>. The background-only value is 0 (clamped into the parameter's bounds).</summary>
public static class HypothesisTest
{
    /// <summary>Asymptotic test of <paramref name="value"/>.</summary>
    /// <param name="objective">The measurement.</param>
    /// <param name="parameter">Parameter of interest (larger values mean more signal).</param>
    /// <param name="value">Tested value μ (for q₀, the signal value of the Asimov set that gives the expected p₀).</param>
    /// <param name="statistic">Test statistic.</param>
    /// <param name="minimizer">Minimiser (default: global strategy, no covariance).</param>
    public static HypothesisTestResult Asymptotic(IGenerativeObjective objective, string parameter, double value,
        HypothesisStatistic statistic = HypothesisStatistic.QMuTilde, Minimizer? minimizer = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var fitter = minimizer ?? new Minimizer(new MinimizerOptions { ComputeCovariance = false });
        int k = ProfileLikelihood.IndexOf(objective, parameter);
        var poi = objective.Parameters[k];
        CheckValue(poi, value, parameter);
        double mu0 = Math.Clamp(0.0, poi.Lower, poi.Upper);

        var data = Evaluate(objective, k, parameter, value, mu0, statistic, fitter);
        // Asimov: nuisances fitted to the data at the hypothesis that generates the expected ensemble.
        double asimovMu = statistic == HypothesisStatistic.Q0 ? value : mu0;
        var condition = fitter.MinimizeFromStarts(objective, [data.Global.Values], Fix(parameter, asimovMu));
        var asimov = objective.AsimovAt(condition.Values);
        var asimovStat = Evaluate(asimov, k, parameter, value, mu0, statistic, fitter, condition.Values);
        double q = data.Q, qa = asimovStat.Q;
        double sq = Math.Sqrt(q), sqa = Math.Sqrt(qa);

        if (statistic == HypothesisStatistic.Q0)
        {
            double p0 = 1 - Normal.CDF(0, 1, sq);
            // Under the signal hypothesis √q₀ ~ N(√q₀,A, 1): the nσ band of the expected p₀.
            var expected0 = new double[5];
            for (int i = 0; i < 5; i++) expected0[i] = 1 - Normal.CDF(0, 1, sqa + (2 - i));
            return new HypothesisTestResult(parameter, value, statistic, q, qa, p0, double.NaN, double.NaN, expected0, data.MuHat, 0);
        }
        double clsb, clb;
        if (statistic == HypothesisStatistic.QMuTilde && sq > sqa && sqa > 0)
        {
            clsb = 1 - Normal.CDF(0, 1, (q + qa) / (2 * sqa));
            clb = 1 - Normal.CDF(0, 1, (q - qa) / (2 * sqa));
        }
        else
        {
            clsb = 1 - Normal.CDF(0, 1, sq);
            clb = Normal.CDF(0, 1, sqa - sq);
        }
        var expected = new double[5];
        for (int i = 0; i < 5; i++)
        {
            double n = 2 - i; // −2σ band: the background fluctuation that excludes most
            expected[i] = (1 - Normal.CDF(0, 1, sqa + n)) / (1 - Normal.CDF(0, 1, n));
        }
        return new HypothesisTestResult(parameter, value, statistic, q, qa, clsb, clb, clb > 0 ? clsb / clb : 1, expected, data.MuHat, 0);
    }

    /// <summary>Test of <paramref name="value"/> with toy experiments: the test statistic's distributions under the tested
    /// value and under background only (μ = 0; for q₀ under μ = 0 and under <paramref name="value"/>), each thrown with the
    /// nuisances fitted to the data at that hypothesis (the frequentist "profile" construction of pyhf and RooStats).</summary>
    /// <param name="objective">The measurement.</param>
    /// <param name="parameter">Parameter of interest.</param>
    /// <param name="value">Tested value.</param>
    /// <param name="statistic">Test statistic.</param>
    /// <param name="options">Toy settings.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static HypothesisTestResult Toys(IGenerativeObjective objective, string parameter, double value,
        HypothesisStatistic statistic = HypothesisStatistic.QMuTilde, HypothesisToyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var o = options ?? new HypothesisToyOptions();
        if (o.Toys < 1) throw new ArgumentOutOfRangeException(nameof(options), o.Toys, "A toy hypothesis test needs at least one toy.");
        int k = ProfileLikelihood.IndexOf(objective, parameter);
        var poi = objective.Parameters[k];
        CheckValue(poi, value, parameter);
        double mu0 = Math.Clamp(0.0, poi.Lower, poi.Upper);
        var dataFitter = new Minimizer(new MinimizerOptions { ComputeCovariance = false });
        var toyFitter = new Minimizer(o.Minimizer);
        var data = Evaluate(objective, k, parameter, value, mu0, statistic, dataFitter);

        int ensembles = 0;
        double[] Ensemble(double truthMu, int hypothesis)
        {
            var progress = OrderedProgress.For(o.Progress, o.Toys, static _ => 1, (long)ensembles++ * o.Toys, 2L * o.Toys, static (d, t) => new ToyProgress(d, t));
            var truth = dataFitter.MinimizeFromStarts(objective, [data.Global.Values], Fix(parameter, truthMu)).Values;
            var stats = new double[o.Toys];
            Parallel.For(0, o.Toys, new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
            {
                var toy = objective.Toy(new ToyRandom(o.Seed, hypothesis, i), truth);
                stats[i] = Evaluate(toy, k, parameter, value, mu0, statistic, toyFitter, truth).Q;
                progress?.Complete(i);
            });
            Array.Sort(stats);
            return stats;
        }
        // Fraction of toys at least as extreme (≥) as q, ties included.
        double Tail(double[] sorted, double q)
        {
            int idx = Array.BinarySearch(sorted, q - o.TieTolerance);
            if (idx < 0) idx = ~idx;
            else while (idx > 0 && sorted[idx - 1] >= q - o.TieTolerance) idx--;
            return (double)(sorted.Length - idx) / sorted.Length;
        }
        double Quantile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

        if (statistic == HypothesisStatistic.Q0)
        {
            var bOnly = Ensemble(mu0, 0);
            var signal = Ensemble(value, 1);
            var expected0 = new double[5];
            for (int i = 0; i < 5; i++) expected0[i] = Tail(bOnly, Quantile(signal, Normal.CDF(0, 1, 2 - i)));
            return new HypothesisTestResult(parameter, value, statistic, data.Q, double.NaN, Tail(bOnly, data.Q), double.NaN, double.NaN, expected0, data.MuHat, o.Toys);
        }
        var sb = Ensemble(value, 1);
        var b = Ensemble(mu0, 0);
        double clsb = Tail(sb, data.Q), clb = Tail(b, data.Q);
        var expected = new double[5];
        for (int i = 0; i < 5; i++)
        {
            double qn = Quantile(b, Normal.CDF(0, 1, 2 - i)); // −2σ band: the 97.7 % quantile of the background-only q
            double eb = Tail(b, qn);
            expected[i] = eb > 0 ? Tail(sb, qn) / eb : 1;
        }
        return new HypothesisTestResult(parameter, value, statistic, data.Q, double.NaN, clsb, clb, clb > 0 ? clsb / clb : 1, expected, data.MuHat, o.Toys);
    }

    internal sealed record Evaluation(double Q, double MuHat, FitResult Global);

    /// <summary>The test statistic on one data set (observed, Asimov or toy).</summary>
    internal static Evaluation Evaluate(IFitObjective objective, int k, string parameter, double value, double mu0,
        HypothesisStatistic statistic, Minimizer fitter, double[]? start = null)
    {
        var starts = start is null ? new List<double[]>() : [start];
        var global = fitter.MinimizeFromStarts(objective, starts, null);
        double muHat = global.Values[k];
        double Conditional(double mu) =>
            fitter.MinimizeFromStarts(objective, [WithValue(global.Values, k, mu), .. starts.Select(s => WithValue(s, k, mu))], Fix(parameter, mu)).Minimum;
        switch (statistic)
        {
            case HypothesisStatistic.Q0:
                {
                    if (muHat < mu0) return new(0, muHat, global);
                    return new(Math.Max(0, Conditional(mu0) - global.Minimum), muHat, global);
                }
            case HypothesisStatistic.QMu:
                {
                    if (muHat > value) return new(0, muHat, global);
                    return new(Math.Max(0, Conditional(value) - global.Minimum), muHat, global);
                }
            default:
                {
                    if (muHat > value) return new(0, muHat, global);
                    double reference = muHat < mu0 ? Conditional(mu0) : global.Minimum;
                    return new(Math.Max(0, Conditional(value) - reference), muHat, global);
                }
        }
    }

    private static double[] WithValue(double[] values, int k, double v)
    {
        var c = (double[])values.Clone();
        c[k] = v;
        return c;
    }

    private static void CheckValue(Model.FitParameter poi, double value, string parameter)
    {
        if (!double.IsFinite(value) || value < poi.Lower || value > poi.Upper)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The tested value of '{parameter}' must lie inside its bounds [{poi.Lower}, {poi.Upper}].");
    }

    internal static Dictionary<string, double> Fix(string name, double value) => new() { [name] = value };
}
