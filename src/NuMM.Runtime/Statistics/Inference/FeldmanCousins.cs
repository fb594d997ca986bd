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
    /// <summary>Toys per piece (the unit of work of <see cref="FeldmanCousins.ComputePiece"/>); the last block of a point may
    /// be shorter. The belt does not depend on it (every toy has its own random stream).</summary>
    public int ToysPerBlock { get; init; } = 1000;
    /// <summary>Fit the toys of a <see cref="BinnedLikelihood"/> with the analytic-gradient Newton fitter (warm start at
    /// the generating point, buffers reused, no allocation per toy). Objectives it does not cover (HistFactory models, a
    /// covariance or Pearson χ², the analytic Barlow–Beeston-lite option) and toy <see cref="Minimizer"/> settings with
    /// <see cref="MinimizerOptions.MultiStart"/> enabled use the general <see cref="Minimizer"/>. False: always the general minimiser.</summary>
    public bool FastToyFits { get; init; } = true;
    /// <summary>Run seed; each toy's stream is derived from (seed, point, toy), so results do not depend on threads.</summary>
    public ulong Seed { get; init; } = 20240601;
    /// <summary>Confidence level of the interval.</summary>
    public double ConfidenceLevel { get; init; } = 0.9;
    /// <summary>Maximum threads (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
    /// <summary>Optional progress sink of <see cref="FeldmanCousins.Run"/>; called from worker threads, one call at a time. Toys are
    /// counted in piece order (point by point, block by block): a report covers every piece up to one, so the sequence of
    /// reports is the same for any thread count, about one per 1 % and a last one at the total. The belt does not depend on it.</summary>
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
/// <para>The work splits into independent pieces: toy block <c>b</c> of point <c>i</c> holds toys
/// [b·<see cref="FeldmanCousinsOptions.ToysPerBlock"/>, …) of that point, and every toy draws from its own random stream
/// derived from (seed, point, toy). <see cref="Run"/> is <see cref="Plan"/> + <see cref="ComputePiece"/> for every piece
/// (on all cores) + <see cref="Combine"/>; a cluster job can run the same three steps in separate processes (each process
/// calls <see cref="Plan"/> with the same inputs, which is deterministic) and gets a bit-identical belt, whatever the
/// number of threads, processes or the block size.</para></summary>
public static class FeldmanCousins
{
    /// <summary>Runs the construction on all cores (<see cref="FeldmanCousinsOptions.MaxDegreeOfParallelism"/>).</summary>
    /// <param name="likelihood">The measurement on the observed data.</param>
    /// <param name="parameter">Parameter of interest (its bounds are the physical region, e.g. μ ≥ 0).</param>
    /// <param name="points">Scan points, increasing.</param>
    /// <param name="options">Settings.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static FeldmanCousinsResult Run(IGenerativeObjective likelihood, string parameter, IReadOnlyList<double> points,
        FeldmanCousinsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var plan = Plan(likelihood, parameter, points, options);
        var o = plan.Options;
        var keys = plan.Pieces();
        var pieces = new FeldmanCousinsPiece[keys.Count];
        long total = (long)plan.Points.Count * o.Toys;
        var progress = OrderedProgress.For(o.Progress, keys.Count, i => plan.ToyRange(keys[i].Block).Count, 0, total, static (d, t) => new FeldmanCousinsProgress(d, t));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        // One piece per task, written to its own slot: the combination does not depend on which thread ran which piece.
        Parallel.For(0, keys.Count, parallel, () => new PieceWorker(plan), (index, _, worker) =>
        {
            var (point, block) = keys[index];
            pieces[index] = worker.Compute(point, block, cancellationToken);
            progress?.Complete(index);
            return worker;
        }, _ => { });
        return Combine(plan, pieces);
    }

    /// <summary>Step 1 of a split run: validates the inputs and profiles the data at every point (sequential and
    /// deterministic, so separate processes given the same inputs build identical plans).</summary>
    /// <param name="likelihood">The measurement on the observed data.</param>
    /// <param name="parameter">Parameter of interest.</param>
    /// <param name="points">Scan points, increasing.</param>
    /// <param name="options">Settings (toys per point, block size, seed, minimiser).</param>
    public static FeldmanCousinsPlan Plan(IGenerativeObjective likelihood, string parameter, IReadOnlyList<double> points, FeldmanCousinsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        var o = options ?? new FeldmanCousinsOptions();
        if (o.Toys < 1) throw new ArgumentOutOfRangeException(nameof(options), o.Toys, "Feldman–Cousins needs at least one toy per point.");
        if (o.ToysPerBlock < 1) throw new ArgumentOutOfRangeException(nameof(options), o.ToysPerBlock, "Feldman–Cousins needs at least one toy per block.");
        if (!(o.ConfidenceLevel > 0 && o.ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(options), o.ConfidenceLevel, "Confidence level must be in (0, 1).");
        if (points is null || points.Count == 0) throw new ArgumentException("Feldman–Cousins needs at least one scan point.", nameof(points));
        for (int i = 1; i < points.Count; i++)
            if (!(points[i] > points[i - 1])) throw new ArgumentException($"Scan points must increase; point {i} ({points[i]}) is not above point {i - 1} ({points[i - 1]}).", nameof(points));
        int poi = ProfileLikelihood.IndexOf(likelihood, parameter);
        var scan = ProfileLikelihood.Scan(likelihood, parameter, points, new Minimizer(o.DataMinimizer));
        return new FeldmanCousinsPlan(likelihood, parameter, poi, points.ToArray(), scan, o);
    }

    /// <summary>Step 2 of a split run: the toys of block <paramref name="block"/> at point <paramref name="point"/>.
    /// Independent of every other piece; any process holding an identical plan computes an identical piece.</summary>
    /// <param name="plan">The plan from <see cref="Plan"/>.</param>
    /// <param name="point">Scan-point index, 0 … points − 1.</param>
    /// <param name="block">Toy-block index, 0 … <see cref="FeldmanCousinsPlan.BlocksPerPoint"/> − 1.</param>
    /// <param name="cancellationToken">Cancels the piece.</param>
    public static FeldmanCousinsPiece ComputePiece(FeldmanCousinsPlan plan, int point, int block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PieceWorker(plan).Compute(point, block, cancellationToken);
    }

    /// <summary>Step 3 of a split run: the belt from all pieces of the plan (any order; each (point, block) exactly once).
    /// Bit-identical to <see cref="Run"/> with the same inputs.</summary>
    /// <param name="plan">The plan the pieces were computed from.</param>
    /// <param name="pieces">Every piece of the plan.</param>
    /// <exception cref="ArgumentException">A piece is missing, duplicated, of another plan, or has the wrong number of toys.</exception>
    public static FeldmanCousinsResult Combine(FeldmanCousinsPlan plan, IEnumerable<FeldmanCousinsPiece> pieces)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(pieces);
        var o = plan.Options;
        int nPoints = plan.Points.Count, nToys = o.Toys, blocks = plan.BlocksPerPoint;
        var seen = new bool[nPoints * blocks];
        var toyStats = new double[nPoints * nToys];
        var failed = new int[nPoints];
        foreach (var piece in pieces)
        {
            ArgumentNullException.ThrowIfNull(piece, nameof(pieces));
            if (piece.PlanFingerprint != plan.Fingerprint)
                throw new ArgumentException($"Piece (point {piece.Point}, block {piece.Block}) belongs to another plan (fingerprint {piece.PlanFingerprint:X16}, plan {plan.Fingerprint:X16}).", nameof(pieces));
            if (piece.Point < 0 || piece.Point >= nPoints || piece.Block < 0 || piece.Block >= blocks)
                throw new ArgumentException($"Piece (point {piece.Point}, block {piece.Block}) is outside the plan ({nPoints} points × {blocks} blocks).", nameof(pieces));
            var (first, count) = plan.ToyRange(piece.Block);
            if (piece.DeltaChi2.Length != count)
                throw new ArgumentException($"Piece (point {piece.Point}, block {piece.Block}) has {piece.DeltaChi2.Length} toys; the plan puts {count} in that block.", nameof(pieces));
            ref bool s = ref seen[piece.Point * blocks + piece.Block];
            if (s) throw new ArgumentException($"Piece (point {piece.Point}, block {piece.Block}) is given twice.", nameof(pieces));
            s = true;
            Array.Copy(piece.DeltaChi2, 0, toyStats, piece.Point * nToys + first, count);
            failed[piece.Point] += piece.FailedFits;
        }
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new ArgumentException($"Piece (point {missing / blocks}, block {missing % blocks}) is missing; a belt needs all {seen.Length} pieces.", nameof(pieces));

        var result = new FeldmanCousinsPoint[nPoints];
        for (int i = 0; i < nPoints; i++)
        {
            var sorted = toyStats.AsSpan(i * nToys, nToys).ToArray();
            Array.Sort(sorted);
            double critical = Quantile(sorted, o.ConfidenceLevel);
            double data = plan.Scan.Points[i].DeltaChi2;
            result[i] = new FeldmanCousinsPoint(plan.Points[i], data, critical, data <= critical + o.TieTolerance, o.KeepToyStatistics ? sorted : [], failed[i]);
        }
        var (lower, upper) = Interval(result);
        return new FeldmanCousinsResult(plan.Parameter, o.ConfidenceLevel, result, lower, upper);
    }

    /// <summary>Computes pieces with buffers reused from one piece to the next (one worker per thread).</summary>
    private sealed class PieceWorker(FeldmanCousinsPlan plan)
    {
        private readonly Minimizer _fitter = new(plan.Options.Minimizer);
        private readonly ToyFitter? _fast = plan.Options.FastToyFits ? ToyFitter.TryCreate(plan.Likelihood, plan.ParameterIndex, plan.Options.Minimizer) : null;

        public FeldmanCousinsPiece Compute(int point, int block, CancellationToken cancellationToken)
        {
            if (point < 0 || point >= plan.Points.Count) throw new ArgumentOutOfRangeException(nameof(point), point, $"The plan has {plan.Points.Count} points.");
            if (block < 0 || block >= plan.BlocksPerPoint) throw new ArgumentOutOfRangeException(nameof(block), block, $"The plan has {plan.BlocksPerPoint} blocks per point.");
            var (first, count) = plan.ToyRange(block);
            var truth = plan.Scan.Points[point].Parameters;
            double value = plan.Points[point];
            var stats = new double[count];
            int failed = 0;
            var rng = new ToyRandom(plan.Options.Seed, point, first);
            Dictionary<string, double>? fixedPoi = null;
            for (int t = 0; t < count; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rng.Reset(plan.Options.Seed, point, first + t);
                double delta; bool ok;
                if (_fast is not null) (delta, ok) = _fast.DeltaChi2(rng, truth, value);
                else
                {
                    fixedPoi ??= new Dictionary<string, double> { [plan.Parameter] = value };
                    var toyLikelihood = plan.Likelihood.Toy(rng, truth);
                    var best = _fitter.Minimize(toyLikelihood, truth);
                    var atPoint = _fitter.Minimize(toyLikelihood, truth, fixedPoi);
                    // The global fit may land in a worse local minimum than the constrained one: the smaller minimum is the reference.
                    delta = Math.Max(0, atPoint.Minimum - Math.Min(best.Minimum, atPoint.Minimum));
                    ok = best.Converged && atPoint.Converged;
                }
                stats[t] = delta;
                if (!ok) failed++;
            }
            return new FeldmanCousinsPiece(plan.Fingerprint, point, block, stats, failed);
        }
    }

    /// <summary>Empirical quantile of sorted values: the smallest value with at least a fraction <paramref name="p"/> of values ≤ it.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        int k = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(k, 0, sorted.Length - 1)];
    }

    private static (double, double) Interval(FeldmanCousinsPoint[] pts)
    {
        // An accepted point is inside even when a tie left its difference a rounding error above 0.
        var diff = pts.Select(p => p.Accepted ? Math.Min(0, p.DataDeltaChi2 - p.CriticalDeltaChi2) : p.DataDeltaChi2 - p.CriticalDeltaChi2).ToArray();
        int first = Array.FindIndex(pts, p => p.Accepted), last = Array.FindLastIndex(pts, p => p.Accepted);
        if (first < 0) return (double.NaN, double.NaN);
        double lower = first == 0 ? pts[0].Value : Cross(pts[first - 1].Value, diff[first - 1], pts[first].Value, diff[first]);
        double upper = last == pts.Length - 1 ? double.PositiveInfinity : Cross(pts[last].Value, diff[last], pts[last + 1].Value, diff[last + 1]);
        return (lower, upper);
    }

    private static double Cross(double x0, double y0, double x1, double y1) => y1 == y0 ? x0 : x0 + (0 - y0) / (y1 - y0) * (x1 - x0);
}
