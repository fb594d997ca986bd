using System;
using System.Globalization;
using MathNet.Numerics;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>How the exact Poisson belt treats upper limits that, because counts are discrete, rise with the background.</summary>
public enum PoissonBackgroundAdjustment
{
    /// <summary>Strict likelihood-ratio ordering at the given background: the interval is the hull of the accepted μ.</summary>
    None,

    /// <summary>The upper end μ₂(n₀, b) is replaced by the largest strict μ₂(n₀, b′) over b′ ∈ [b, b_max] on a grid of
    /// backgrounds, so that the upper limit never increases with the background. This lengthens some intervals (most
    /// visibly n₀ = 0 at b ≳ 2) and is what FC98's Tables IV and V print (b = 3, n₀ = 0: 1.08 instead of the strict 0.95).</summary>
    UpperLimitNonIncreasingInBackground,
}

/// <summary>The exact Feldman–Cousins confidence belt for a Poisson signal mean μ with known background b
/// (Phys. Rev. D 57, 3873 (1998), section IV): for each μ the acceptance interval [n₁, n₂] collects counts n in decreasing
/// order of R = P(n|μ+b)/P(n|μ_best+b), μ_best = max(0, n − b), until their probability reaches the confidence level.
/// The interval for an observed n₀ is the set of μ whose acceptance interval contains n₀, found on a grid of step
/// <c>step</c> (the paper uses 0.005 and reports the hull of the accepted grid points, also when they are not connected) and
/// refined by bisection between the last accepted and first rejected grid point.</summary>
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
        return Acceptance(mu + background, background, confidenceLevel);
    }

    // R(n) is unimodal in n, so adding counts in decreasing R grows one contiguous interval outward from the peak: at each
    // step take the neighbour with the larger R (the lower count on a tie, as a stable sort by n would). R is evaluated
    // only where the interval grows, from tabulated ln n!, which keeps the background scan of the adjusted belt affordable.
    private static (int Low, int High) Acceptance(double lambda, double background, double confidenceLevel)
    {
        if (lambda <= 0) return (0, 0); // μ = b = 0: n = 0 with probability 1
        var terms = new Terms(lambda, background);
        int peak = (int)Math.Floor(lambda);
        while (terms.LogR(peak + 1) > terms.LogR(peak)) peak++;
        while (peak > 0 && terms.LogR(peak - 1) >= terms.LogR(peak)) peak--;
        int lo = peak, hi = peak;
        double sum = Math.Exp(terms.LogP(peak));
        double rLow = lo > 0 ? terms.LogR(lo - 1) : double.NegativeInfinity;
        double rHigh = terms.LogR(hi + 1);
        while (sum < confidenceLevel)
        {
            if (lo > 0 && rLow >= rHigh)
            {
                sum += Math.Exp(terms.LogP(--lo));
                rLow = lo > 0 ? terms.LogR(lo - 1) : double.NegativeInfinity;
            }
            else
            {
                sum += Math.Exp(terms.LogP(++hi));
                rHigh = terms.LogR(hi + 1);
            }
        }
        return (lo, hi);
    }

    /// <summary>ln P(n | λ) and ln R(n) = ln P(n | λ) − ln P(n | max(n, b)) for one λ = μ + b > 0.</summary>
    private readonly struct Terms(double lambda, double background)
    {
        private readonly double _logLambda = Math.Log(lambda);
        private readonly double _logBackground = Math.Log(background);

        public double LogP(int n) => n * _logLambda - lambda - LogFactorial(n);

        // ln P(n | λ) − ln P(n | μ_best + b): the ln n! cancel; μ_best + b is b for n ≤ b and n above.
        public double LogR(int n)
        {
            double best = n <= background ? (n == 0 ? 0 : n * _logBackground) - background : n * Math.Log(n) - n;
            return (n == 0 ? 0 : n * _logLambda) - lambda - best;
        }
    }

    private static readonly double[] LogFactorials = BuildLogFactorials(1024);

    private static double[] BuildLogFactorials(int count)
    {
        var t = new double[count];
        for (int n = 1; n < count; n++) t[n] = SpecialFunctions.GammaLn(n + 1);
        return t;
    }

    private static double LogFactorial(int n) => n < LogFactorials.Length ? LogFactorials[n] : SpecialFunctions.GammaLn(n + 1);

    /// <summary>The Feldman–Cousins interval [μ₁, μ₂] for observed count <paramref name="observed"/> with strict ordering
    /// (no background adjustment).</summary>
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

    /// <summary>The Feldman–Cousins interval [μ₁, μ₂] for observed count <paramref name="observed"/>, with the upper end
    /// optionally made non-increasing in the background (<see cref="PoissonBackgroundAdjustment"/>).</summary>
    /// <param name="observed">Observed count n₀ ≥ 0.</param>
    /// <param name="background">Known background mean (events), ≥ 0.</param>
    /// <param name="adjustment">Background adjustment of the upper end.</param>
    /// <param name="confidenceLevel">Confidence level (0.9 for the paper's Tables IV and V).</param>
    /// <param name="step">Grid step in μ (events); 0.005 as in the paper.</param>
    /// <param name="backgroundStep">Grid step of the backgrounds b′ scanned by the adjustment (events).</param>
    /// <param name="backgroundMax">Largest background b′ scanned by the adjustment (events); default max(25, b). Backgrounds
    /// above it are not looked at, so upper ends for b close to it may be lower than with a longer scan.</param>
    public static (double Lower, double Upper) Interval(int observed, double background, PoissonBackgroundAdjustment adjustment,
        double confidenceLevel = 0.9, double step = 0.005, double backgroundStep = 0.005, double? backgroundMax = null)
    {
        var (lower, upper) = Interval(observed, background, confidenceLevel, step);
        if (adjustment == PoissonBackgroundAdjustment.None) return (lower, upper);
        if (adjustment != PoissonBackgroundAdjustment.UpperLimitNonIncreasingInBackground)
            throw new ArgumentOutOfRangeException(nameof(adjustment), adjustment, "Unknown background adjustment.");
        if (!(backgroundStep > 0)) throw new ArgumentOutOfRangeException(nameof(backgroundStep), backgroundStep, "Background step must be > 0.");
        double scanEnd = backgroundMax ?? Math.Max(25.0, background);
        if (!(scanEnd >= background) || !double.IsFinite(scanEnd))
            throw new ArgumentOutOfRangeException(nameof(backgroundMax), backgroundMax, $"Background scan end must be finite and ≥ the background {background.ToString("R", CultureInfo.InvariantCulture)}.");
        // No upper end at any b′ exceeds the one at b′ = 0 (zero background gives the widest belt), so accepted μ above
        // the current upper end are searched for only up to that value.
        double cap = Interval(observed, 0, confidenceLevel, step).Upper;
        int backgrounds = (int)Math.Floor((scanEnd - background) / backgroundStep + 1e-9);
        for (int k = 1; k <= backgrounds; k++)
        {
            double b = background + k * backgroundStep;
            for (int i = (int)Math.Floor(cap / step); i * step > upper; i--)
            {
                if (!Contains(observed, i * step, b, confidenceLevel)) continue;
                upper = Bisect(mu => Contains(observed, mu, b, confidenceLevel), i * step, (i + 1) * step, acceptedAtHigh: false);
                break;
            }
        }
        return (lower, upper);
    }

    private static bool Contains(int observed, double mu, double background, double confidenceLevel)
    {
        var (l, h) = Acceptance(mu + background, background, confidenceLevel);
        return observed >= l && observed <= h;
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
}
