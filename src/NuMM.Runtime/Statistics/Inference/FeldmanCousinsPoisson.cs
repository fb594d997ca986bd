using System;
using System.Globalization;
using MathNet.Numerics;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>The exact Feldman–Cousins confidence belt for a Poisson signal mean μ with known background b
/// (Phys. Rev. D 57, 3873 (1998), section IV): for each μ the acceptance interval [n₁, n₂] collects counts n in decreasing
/// order of R = P(n|μ+b)/P(n|μ_best+b), μ_best = max(0, n − b), until their probability reaches the confidence level.
/// The interval for an observed n₀ is the set of μ whose acceptance interval contains n₀, found on a grid of step
/// <c>step</c> (the paper uses 0.005 and reports the union of accepted grid points) and refined by bisection between the
/// last accepted and first rejected grid point.</summary>
public static class FeldmanCousinsPoisson
{
    /// <summary>The acceptance interval [n₁, n₂] of the counts for signal mean <paramref name="mu"/>.</summary>
    /// <param name="mu">Signal mean (events), ≥ 0.</param>
    /// <param name="background">Known background mean (events), ≥ 0.</param>
    /// <param name="confidenceLevel">Confidence level in (0, 1).</param>
    public static (int Low, int High) AcceptanceInterval(double mu, double background, double confidenceLevel = 0.9)
    {
        if (!(mu >= 0) || !double.IsFinite(mu)) throw new ArgumentOutOfRangeException(nameof(mu), mu, "Signal mean must be finite and ≥ 0.");
        if (!(background >= 0) || !double.IsFinite(background)) throw new ArgumentOutOfRangeException(nameof(background), background, "Background must be finite and ≥ 0.");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Confidence level must be in (0, 1).");
        double lambda = mu + background;
        int nMax = (int)Math.Ceiling(lambda + 12 * Math.Sqrt(lambda + 1) + 30);
        Span<double> logR = nMax < 4096 ? stackalloc double[nMax + 1] : new double[nMax + 1];
        int peak = 0;
        for (int n = 0; n <= nMax; n++)
        {
            double best = Math.Max(0, n - background) + background;
            logR[n] = LogPoisson(n, lambda) - LogPoisson(n, best);
            if (logR[n] > logR[peak]) peak = n;
        }
        // R(n) is unimodal in n, so adding counts in decreasing R grows one contiguous interval outward from the peak:
        // at each step take the neighbour with the larger R (the lower count on a tie, as a stable sort by n would).
        int lo = peak, hi = peak;
        double sum = Math.Exp(LogPoisson(peak, lambda));
        while (sum < confidenceLevel)
        {
            bool canLow = lo > 0, canHigh = hi < nMax;
            if (!canLow && !canHigh) break;
            if (canLow && (!canHigh || logR[lo - 1] >= logR[hi + 1])) sum += Math.Exp(LogPoisson(--lo, lambda));
            else sum += Math.Exp(LogPoisson(++hi, lambda));
        }
        return (lo, hi);
    }

    /// <summary>The Feldman–Cousins interval [μ₁, μ₂] for observed count <paramref name="observed"/>.</summary>
    /// <param name="observed">Observed count n₀ ≥ 0.</param>
    /// <param name="background">Known background mean (events), ≥ 0.</param>
    /// <param name="confidenceLevel">Confidence level (0.9 for the paper's Tables IV and V).</param>
    /// <param name="step">Grid step in μ (events); 0.005 as in the paper.</param>
    public static (double Lower, double Upper) Interval(int observed, double background, double confidenceLevel = 0.9, double step = 0.005)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, "Grid step must be > 0.");
        bool Accepts(double mu) { var (l, h) = AcceptanceInterval(mu, background, confidenceLevel); return observed >= l && observed <= h; }
        double muMax = observed + 10 * Math.Sqrt(observed + 1) + 20;
        int count = (int)Math.Ceiling(muMax / step);
        int first = -1, last = -1;
        for (int i = 0; i <= count; i++)
        {
            if (Accepts(i * step)) { if (first < 0) first = i; last = i; }
            else if (last >= 0 && (i - last) * step > 3 * Math.Sqrt(observed + background + 1)) break;
        }
        if (first < 0) throw new InvalidOperationException($"No μ in [0, {muMax.ToString("G4", CultureInfo.InvariantCulture)}] accepts n = {observed} with b = {background.ToString("R", CultureInfo.InvariantCulture)}.");
        double lower = first == 0 ? 0 : Bisect(Accepts, (first - 1) * step, first * step, acceptedAtHigh: true);
        double upper = Bisect(Accepts, last * step, (last + 1) * step, acceptedAtHigh: false);
        return (lower, upper);
    }

    private static double Bisect(Func<double, bool> accepts, double a, double b, bool acceptedAtHigh)
    {
        for (int i = 0; i < 40; i++)
        {
            double m = 0.5 * (a + b);
            if (accepts(m) == acceptedAtHigh) b = m; else a = m;
        }
        return 0.5 * (a + b);
    }

    private static double LogPoisson(int n, double lambda) =>
        lambda <= 0 ? (n == 0 ? 0 : double.NegativeInfinity) : n * Math.Log(lambda) - lambda - SpecialFunctions.GammaLn(n + 1);
}
