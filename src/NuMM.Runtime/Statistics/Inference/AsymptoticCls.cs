using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>A CLs upper limit with its expected band.</summary>
/// <param name="Parameter">Parameter of interest.</param>
/// <param name="ConfidenceLevel">Confidence level (CLs = 1 − CL at the limit).</param>
/// <param name="Observed">Observed limit.</param>
/// <param name="ExpectedMinus2">Expected limit, −2σ (background-only) quantile.</param>
/// <param name="ExpectedMinus1">Expected limit, −1σ.</param>
/// <param name="ExpectedMedian">Median expected limit.</param>
/// <param name="ExpectedPlus1">Expected limit, +1σ.</param>
/// <param name="ExpectedPlus2">Expected limit, +2σ.</param>
/// <param name="BestFit">Best fit of the parameter on the data (inside its bounds).</param>
public sealed record ClsLimit(string Parameter, double ConfidenceLevel, double Observed, double ExpectedMinus2, double ExpectedMinus1,
    double ExpectedMedian, double ExpectedPlus1, double ExpectedPlus2, double BestFit);

/// <summary>Asymptotic CLs limits with the q̃_μ test statistic (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554,
/// eqs. 16, 65–67 and the Asimov data set of section 3.2) on any <see cref="IGenerativeObjective"/>. The background-only value
/// is 0 (clamped into the parameter's bounds); the lower bound may be negative (μ̂ &lt; 0 is then measured from the fit at 0, as
/// q̃_μ prescribes). The parameter must enter the prediction so that larger values mean more signal. The Asimov data set is
/// background-only with nuisances fitted to the observed data under that hypothesis. For CLs at one value of the parameter
/// use <see cref="HypothesisTest"/>.</summary>
public static class AsymptoticCls
{
    /// <summary>Computes the observed and expected upper limits.</summary>
    /// <param name="likelihood">The measurement.</param>
    /// <param name="parameter">Parameter of interest.</param>
    /// <param name="confidenceLevel">Confidence level (0.9 → CLs = 0.1 at the limit).</param>
    /// <param name="minimizer">Minimiser.</param>
    public static ClsLimit UpperLimit(IGenerativeObjective likelihood, string parameter, double confidenceLevel = 0.9, Minimizer? minimizer = null)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Confidence level must be in (0, 1).");
        double alpha = 1 - confidenceLevel;
        var fitter = minimizer ?? new Minimizer(new MinimizerOptions { ComputeCovariance = false });
        int k = ProfileLikelihood.IndexOf(likelihood, parameter);
        var poi = likelihood.Parameters[k];
        // Background-only value 0 (or the nearest bound). A lower bound below 0 (a deficit study) is allowed: q̃ then measures
        // from the fit at 0 whenever μ̂ < 0 (Cowan et al. eq. 16), so the limit stays physical.
        double mu0 = Math.Clamp(0.0, poi.Lower, poi.Upper);

        var global = fitter.Minimize(likelihood);
        double muHat = global.Values[k];
        var bkgFit = fitter.Minimize(likelihood, global.Values, Fix(parameter, mu0));
        double reference = muHat < mu0 ? bkgFit.Minimum : global.Minimum;
        var asimov = likelihood.AsimovAt(bkgFit.Values);
        var asimovGlobal = fitter.Minimize(asimov, bkgFit.Values);

        double[] warmObs = global.Values, warmAsimov = bkgFit.Values;
        double QObserved(double mu)
        {
            if (muHat > mu) return 0; // q̃_μ = 0 for μ̂ > μ (upper-limit test statistic)
            var f = ProfileLikelihood.BestOfTwoStarts(fitter, likelihood, global.Values, warmObs, Fix(parameter, mu));
            warmObs = f.Values;
            return Math.Max(0, f.Minimum - reference);
        }
        double QAsimov(double mu)
        {
            var f = ProfileLikelihood.BestOfTwoStarts(fitter, asimov, bkgFit.Values, warmAsimov, Fix(parameter, mu));
            warmAsimov = f.Values;
            return Math.Max(0, f.Minimum - asimovGlobal.Minimum);
        }
        double Cls(double mu)
        {
            double q = QObserved(mu), qa = QAsimov(mu);
            if (qa <= 0) return 1;
            double clsb, clb;
            if (q <= qa)
            {
                clsb = 1 - Normal.CDF(0, 1, Math.Sqrt(q));
                clb = Normal.CDF(0, 1, Math.Sqrt(qa) - Math.Sqrt(q));
            }
            else
            {
                double sa = Math.Sqrt(qa);
                clsb = 1 - Normal.CDF(0, 1, (q + qa) / (2 * sa));
                clb = 1 - Normal.CDF(0, 1, (q - qa) / (2 * sa));
            }
            return clb > 0 ? clsb / clb : 1;
        }

        // Scale of the problem: σ of the POI from the Asimov curvature near the lower bound.
        double step = poi.Scale;
        double observed = Solve(mu => alpha - Cls(mu), Math.Max(mu0, muHat), step, poi.Upper, parameter);
        var expected = new double[5];
        for (int i = 0; i < 5; i++)
        {
            double n = i - 2;
            double target = n + Normal.InvCDF(0, 1, 1 - alpha * Normal.CDF(0, 1, n)); // √q_A at the expected limit
            expected[i] = Solve(mu => Math.Sqrt(QAsimov(mu)) - target, mu0, step, poi.Upper, parameter);
        }
        return new ClsLimit(parameter, confidenceLevel, observed, expected[0], expected[1], expected[2], expected[3], expected[4], muHat);
    }

    private static Dictionary<string, double> Fix(string name, double value) => new() { [name] = value };

    /// <summary>Finds the root of an increasing-then-positive function above <paramref name="from"/>.</summary>
    private static double Solve(Func<double, double> f, double from, double step, double upper, string name)
    {
        double lo = from, flo = f(lo);
        if (flo >= 0) return lo;
        double hi = Math.Min(from + step, upper), fhi = f(hi);
        int n = 0;
        while (fhi < 0)
        {
            if (hi >= upper || ++n > 60)
                throw new InvalidOperationException($"The CLs limit on '{name}' lies above its upper bound {upper.ToString("R", CultureInfo.InvariantCulture)}; widen the bound.");
            lo = hi; flo = fhi;
            hi = Math.Min(from + (hi - from) * 2, upper);
            fhi = f(hi);
        }
        return Roots.Brent(f, lo, hi, flo, fhi, 1e-8 * Math.Max(1, Math.Abs(hi)));
    }
}
