using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>Settings of a toy-based Feldman–Cousins construction.</summary>
public sealed record FeldmanCousinsOptions
{
    /// <summary>Toy experiments per scan point.</summary>
    public int Toys { get; init; } = 1000;
    /// <summary>Run seed; each toy's stream is derived from (seed, point, toy), so results do not depend on threads.</summary>
    public ulong Seed { get; init; } = 20240601;
    /// <summary>Confidence level of the interval.</summary>
    public double ConfidenceLevel { get; init; } = 0.9;
    /// <summary>Maximum threads (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
    /// <summary>Optional progress sink; called from worker threads.</summary>
    public IProgress<FeldmanCousinsProgress>? Progress { get; init; }
    /// <summary>Keep every toy's Δχ² in the result (memory: points × toys doubles).</summary>
    public bool KeepToyStatistics { get; init; }
    /// <summary>Minimiser settings for the toy fits. Toys start at the true parameters of their point, so by default they run one
    /// local fit (no multi-start); set <see cref="MinimizerOptions.MultiStart"/> to search more widely at a higher cost.</summary>
    public MinimizerOptions Minimizer { get; init; } = new() { ComputeCovariance = false, MultiStart = MultiStartOptions.Off };
    /// <summary>Minimiser settings for the profile scan of the data (global strategy on by default).</summary>
    public MinimizerOptions DataMinimizer { get; init; } = new() { ComputeCovariance = false };
    /// <summary>Two Δχ² values closer than this count as equal (χ² units). For counts, the data's Δχ² equals a toy's
    /// exactly when the toy drew the observed count; the marginal count at the CL quantile then belongs to the acceptance
    /// region (as in the exact construction), and fit rounding must not decide the tie.</summary>
    public double TieTolerance { get; init; } = 1e-6;
}

/// <summary>Progress of a Feldman–Cousins run.</summary>
/// <param name="ToysDone">Toys finished so far.</param>
/// <param name="ToysTotal">Toys in the run.</param>
public readonly record struct FeldmanCousinsProgress(long ToysDone, long ToysTotal);

/// <summary>One point of the construction.</summary>
/// <param name="Value">Value of the parameter of interest.</param>
/// <param name="DataDeltaChi2">Δχ² of the data at this point (profiled).</param>
/// <param name="CriticalDeltaChi2">The CL quantile of the toys' Δχ² at this point.</param>
/// <param name="Accepted">Whether the point is inside the interval (data Δχ² ≤ critical + <see cref="FeldmanCousinsOptions.TieTolerance"/>).</param>
/// <param name="ToyDeltaChi2">Sorted toy Δχ² (empty unless kept).</param>
/// <param name="FailedToyFits">Toys whose fits did not converge (still counted, with the value reached).</param>
public sealed record FeldmanCousinsPoint(double Value, double DataDeltaChi2, double CriticalDeltaChi2, bool Accepted, double[] ToyDeltaChi2, int FailedToyFits);

/// <summary>Result of a Feldman–Cousins construction.</summary>
/// <param name="Parameter">Parameter of interest.</param>
/// <param name="ConfidenceLevel">Confidence level.</param>
/// <param name="Points">Points in scan order.</param>
/// <param name="Lower">Lower end of the interval (interpolated where data Δχ² − critical changes sign; the first point if accepted; NaN only when no point is accepted, i.e. the interval is empty on this grid).</param>
/// <param name="Upper">Upper end of the interval (+∞ if the last point is accepted).</param>
public sealed record FeldmanCousinsResult(string Parameter, double ConfidenceLevel, IReadOnlyList<FeldmanCousinsPoint> Points, double Lower, double Upper);

/// <summary>The Feldman–Cousins unified construction by toy experiments (Phys. Rev. D 57, 3873 (1998), section VI,
/// with nuisance parameters handled by the profile construction of NOvA, JINST 20 T02001): at each scan point μᵢ the
/// nuisances are profiled on the data, toys are thrown from that prediction (Poisson counts and fluctuated constraint
/// centres), and the critical Δχ² is the CL quantile of the toys' Δχ² = χ²(μᵢ, profiled) − χ²(best fit in bounds).
/// Runs on all cores; each toy's random stream is derived from (seed, point, toy) so results are identical for 1 and N threads.</summary>
public static class FeldmanCousins
{
    /// <summary>Runs the construction.</summary>
    /// <param name="likelihood">The measurement on the observed data.</param>
    /// <param name="parameter">Parameter of interest (its bounds are the physical region, e.g. μ ≥ 0).</param>
    /// <param name="points">Scan points, increasing.</param>
    /// <param name="options">Settings.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static FeldmanCousinsResult Run(IGenerativeObjective likelihood, string parameter, IReadOnlyList<double> points,
        FeldmanCousinsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        var o = options ?? new FeldmanCousinsOptions();
        if (o.Toys < 1) throw new ArgumentOutOfRangeException(nameof(options), o.Toys, "Feldman–Cousins needs at least one toy per point.");
        if (!(o.ConfidenceLevel > 0 && o.ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(options), o.ConfidenceLevel, "Confidence level must be in (0, 1).");
        if (points is null || points.Count == 0) throw new ArgumentException("Feldman–Cousins needs at least one scan point.", nameof(points));
        for (int i = 1; i < points.Count; i++)
            if (!(points[i] > points[i - 1])) throw new ArgumentException($"Scan points must increase; point {i} ({points[i]}) is not above point {i - 1} ({points[i - 1]}).", nameof(points));
        ProfileLikelihood.IndexOf(likelihood, parameter);

        var fitter = new Minimizer(o.Minimizer);
        var scan = ProfileLikelihood.Scan(likelihood, parameter, points, new Minimizer(o.DataMinimizer));
        int nPoints = points.Count, nToys = o.Toys;
        var truths = scan.Points.Select(p => p.Parameters).ToArray();
        var toyStats = new double[nPoints * nToys];
        var failed = new int[nPoints];
        long done = 0, total = (long)nPoints * nToys;
        long reportEvery = Math.Max(1, total / 100);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0L, total, parallel, index =>
        {
            int point = (int)(index / nToys), toy = (int)(index % nToys);
            var truth = truths[point];
            var rng = new ToyRandom(o.Seed, point, toy);
            var toyLikelihood = likelihood.Toy(rng, truth);
            var best = fitter.Minimize(toyLikelihood, truth);
            var atPoint = fitter.Minimize(toyLikelihood, truth, new Dictionary<string, double> { [parameter] = points[point] });
            // The global fit may land in a worse local minimum than the constrained one: the smaller minimum is the reference.
            double delta = Math.Max(0, atPoint.Minimum - Math.Min(best.Minimum, atPoint.Minimum));
            toyStats[index] = delta;
            if (!best.Converged || !atPoint.Converged) Interlocked.Increment(ref failed[point]);
            long d = Interlocked.Increment(ref done);
            if (o.Progress is not null && (d % reportEvery == 0 || d == total)) o.Progress.Report(new FeldmanCousinsProgress(d, total));
        });

        var result = new FeldmanCousinsPoint[nPoints];
        for (int i = 0; i < nPoints; i++)
        {
            var sorted = toyStats.AsSpan(i * nToys, nToys).ToArray();
            Array.Sort(sorted);
            double critical = Quantile(sorted, o.ConfidenceLevel);
            double data = scan.Points[i].DeltaChi2;
            result[i] = new FeldmanCousinsPoint(points[i], data, critical, data <= critical + o.TieTolerance, o.KeepToyStatistics ? sorted : [], failed[i]);
        }
        var (lower, upper) = Interval(result);
        return new FeldmanCousinsResult(parameter, o.ConfidenceLevel, result, lower, upper);
    }

    /// <summary>Empirical quantile of sorted values: the smallest value with at least a fraction <paramref name="p"/> of values ≤ it.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        int k = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(k, 0, sorted.Length - 1)];
    }

    private static (double, double) Interval(FeldmanCousinsPoint[] pts)
    {
        var diff = pts.Select(p => p.DataDeltaChi2 - p.CriticalDeltaChi2).ToArray();
        int first = Array.FindIndex(pts, p => p.Accepted), last = Array.FindLastIndex(pts, p => p.Accepted);
        if (first < 0) return (double.NaN, double.NaN);
        double lower = first == 0 ? pts[0].Value : Cross(pts[first - 1].Value, diff[first - 1], pts[first].Value, diff[first]);
        double upper = last == pts.Length - 1 ? double.PositiveInfinity : Cross(pts[last].Value, diff[last], pts[last + 1].Value, diff[last + 1]);
        return (lower, upper);
    }

    private static double Cross(double x0, double y0, double x1, double y1) => y1 == y0 ? x0 : x0 + (0 - y0) / (y1 - y0) * (x1 - x0);
}
