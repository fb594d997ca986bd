using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>One point of a profile scan: the scanned value(s), the profiled minimum and the nuisance values there.</summary>
/// <param name="X">Value of the first scanned parameter.</param>
/// <param name="Y">Value of the second scanned parameter (NaN for a 1-D scan).</param>
/// <param name="Chi2">Profiled minimum of the objective at this point.</param>
/// <param name="DeltaChi2">Chi2 − global minimum (≥ 0 when the global fit is the true minimum).</param>
/// <param name="Parameters">All parameter values at the profiled minimum (nuisances profiled, scanned ones fixed).</param>
/// <param name="Converged">Whether the profiled fit converged.</param>
public sealed record ProfilePoint(double X, double Y, double Chi2, double DeltaChi2, double[] Parameters, bool Converged);

/// <summary>A 1-D or 2-D profile-likelihood scan.</summary>
public sealed class ProfileScan
{
    internal ProfileScan(string[] scanned, IReadOnlyList<string> names, FitResult globalFit, ProfilePoint[] points, int nx, int ny)
    {
        ScannedParameters = scanned; ParameterNames = names; GlobalFit = globalFit; Points = points; CountX = nx; CountY = ny;
    }

    /// <summary>Names of the scanned parameters (1 or 2).</summary>
    public IReadOnlyList<string> ScannedParameters { get; }
    /// <summary>Names of all parameters (order of <see cref="ProfilePoint.Parameters"/>).</summary>
    public IReadOnlyList<string> ParameterNames { get; }
    /// <summary>The unconstrained (global) fit; its minimum is the Δχ² reference (replaced by a lower scan point if one is found).</summary>
    public FitResult GlobalFit { get; }
    /// <summary>Scan points; for 2-D, x varies slowest: index = ix · CountY + iy.</summary>
    public IReadOnlyList<ProfilePoint> Points { get; }
    /// <summary>Number of x values.</summary>
    public int CountX { get; }
    /// <summary>Number of y values (1 for a 1-D scan).</summary>
    public int CountY { get; }
    /// <summary>True when every profiled fit converged.</summary>
    public bool AllConverged => GlobalFit.Converged && Points.All(p => p.Converged);

    /// <summary>Scanned x values.</summary>
    public double[] XValues => Enumerable.Range(0, CountX).Select(i => Points[i * CountY].X).ToArray();
    /// <summary>Δχ² of a 1-D scan, in x order.</summary>
    public double[] DeltaChi2 => Points.Select(p => p.DeltaChi2).ToArray();

    /// <summary>Profiled value of a parameter along a 1-D scan.</summary>
    /// <param name="name">Parameter name.</param>
    public double[] Profiled(string name)
    {
        int k = ParameterNames.ToList().IndexOf(name);
        if (k < 0) throw new ArgumentException($"'{name}' is not a parameter of this scan.", nameof(name));
        return Points.Select(p => p.Parameters[k]).ToArray();
    }

    /// <summary>Upper crossing of Δχ² = <paramref name="level"/> above the scan minimum (linear interpolation between
    /// points); +∞ when the curve never rises to the level inside the scanned range.</summary>
    /// <param name="level">Δχ² level, e.g. <see cref="CriticalValues.UpperLimit"/>(0.9) = 2.706.</param>
    public double UpperCrossing(double level) => Curves.UpperCrossing(XValues, DeltaChi2, level);

    /// <summary>Lower crossing of Δχ² = <paramref name="level"/> below the scan minimum; the lowest scanned value if the
    /// curve stays below the level there (a physical boundary).</summary>
    /// <param name="level">Δχ² level.</param>
    public double LowerCrossing(double level) => Curves.LowerCrossing(XValues, DeltaChi2, level);
}

/// <summary>Profile-likelihood fits, scans and Δχ² upper limits.</summary>
public static class ProfileLikelihood
{
    /// <summary>Scans one parameter over <paramref name="values"/>, profiling all others (each point starts from the
    /// previous point's nuisances). Sequential and deterministic.</summary>
    /// <param name="objective">Objective (χ² or −2 ln L).</param>
    /// <param name="parameter">Scanned parameter.</param>
    /// <param name="values">Values to scan, in the parameter's units (within its bounds).</param>
    /// <param name="minimizer">Minimiser (default settings if null).</param>
    /// <param name="fixedParameters">Parameters held fixed everywhere, including the global fit (for example every
    /// nuisance at 0 for a statistics-only Δχ² curve).</param>
    /// <param name="progress">Optional sink of the points fitted so far (after the global fit and each point, in scan
    /// order, on the calling thread); the scan does not depend on it.</param>
    public static ProfileScan Scan(IFitObjective objective, string parameter, IReadOnlyList<double> values, Minimizer? minimizer = null,
        IReadOnlyDictionary<string, double>? fixedParameters = null, IProgress<long>? progress = null) =>
        Scan2D(objective, parameter, values, null, [double.NaN], minimizer, fixedParameters, progress);

    /// <summary>Scans two parameters on a grid (x slowest), profiling the rest; 2-dof contours are where Δχ² equals
    /// <see cref="CriticalValues.ChiSquare"/>(CL, 2).</summary>
    /// <param name="objective">Objective.</param>
    /// <param name="parameterX">First scanned parameter.</param>
    /// <param name="xValues">Its values.</param>
    /// <param name="parameterY">Second scanned parameter, or null for a 1-D scan.</param>
    /// <param name="yValues">Its values.</param>
    /// <param name="minimizer">Minimiser.</param>
    /// <param name="fixedParameters">Parameters held fixed everywhere, including the global fit.</param>
    /// <param name="progress">Optional sink of the grid points fitted so far (0 after the global fit, then after each
    /// point in scan order, on the calling thread); the scan does not depend on it.</param>
    public static ProfileScan Scan2D(IFitObjective objective, string parameterX, IReadOnlyList<double> xValues, string? parameterY,
        IReadOnlyList<double> yValues, Minimizer? minimizer = null, IReadOnlyDictionary<string, double>? fixedParameters = null,
        IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (xValues is null || xValues.Count == 0) throw new ArgumentException("A profile scan needs at least one value.", nameof(xValues));
        var fitter = minimizer ?? new Minimizer();
        var scanFitter = new Minimizer(fitter.Options with { ComputeCovariance = false });
        var names = objective.Parameters.Select(p => p.Name).ToArray();
        if (Array.IndexOf(names, parameterX) < 0) throw new ArgumentException($"Cannot scan '{parameterX}': not a parameter; parameters are: {string.Join(", ", names)}.", nameof(parameterX));
        if (parameterY is not null && Array.IndexOf(names, parameterY) < 0) throw new ArgumentException($"Cannot scan '{parameterY}': not a parameter.", nameof(parameterY));
        var global = fitter.Minimize(objective, default, fixedParameters);
        progress?.Report(0);
        int ny = parameterY is null ? 1 : yValues.Count;
        var raw = new (double x, double y, FitResult fit)[xValues.Count * ny];
        var start = global.Values;
        for (int ix = 0; ix < xValues.Count; ix++)
        {
            var rowStart = start;
            for (int iy = 0; iy < ny; iy++)
            {
                var fixedValues = fixedParameters is null ? new Dictionary<string, double>() : new Dictionary<string, double>(fixedParameters);
                fixedValues[parameterX] = xValues[ix];
                if (parameterY is not null) fixedValues[parameterY] = yValues[iy];
                // Starts: the previous point's best (warm) and the global best fit, plus the strategy's offsets.
                var fit = scanFitter.MinimizeFromStarts(objective, [start, global.Values], fixedValues);
                raw[ix * ny + iy] = (xValues[ix], parameterY is null ? double.NaN : yValues[iy], fit);
                start = fit.Values;
                if (iy == 0) rowStart = fit.Values;
                progress?.Report((long)ix * ny + iy + 1);
            }
            start = rowStart;
        }
        double min = Math.Min(global.Minimum, raw.Min(r => r.fit.Minimum));
        var points = raw.Select(r => new ProfilePoint(r.x, r.y, r.fit.Minimum, r.fit.Minimum - min, r.fit.Values, r.fit.Converged)).ToArray();
        return new ProfileScan(parameterY is null ? [parameterX] : [parameterX, parameterY], names, global, points, xValues.Count, ny);
    }

    /// <summary>Upper limit on <paramref name="parameter"/> from the profile Δχ² crossing
    /// (Δχ² = <see cref="CriticalValues.UpperLimit"/>, 2.706 at 90 % CL), measured from the best fit inside the parameter's bounds, so a physical boundary such as
    /// μ² ≥ 0 (declare the lower bound) is respected: when the best fit sits at the boundary, Δχ² is taken from there.</summary>
    /// <param name="objective">Objective.</param>
    /// <param name="parameter">Parameter of interest.</param>
    /// <param name="confidenceLevel">Confidence level (0.9 default).</param>
    /// <param name="minimizer">Minimiser.</param>
    /// <param name="criticalDeltaChi2">Δχ² level; <see cref="CriticalValues.UpperLimit"/>(<paramref name="confidenceLevel"/>) if null.</param>
    /// <param name="fixedParameters">Parameters held fixed everywhere (statistics-only limits).</param>
    public static UpperLimitResult UpperLimit(IFitObjective objective, string parameter, double confidenceLevel = 0.9, Minimizer? minimizer = null,
        double? criticalDeltaChi2 = null, IReadOnlyDictionary<string, double>? fixedParameters = null)
    {
        double level = criticalDeltaChi2 ?? CriticalValues.UpperLimit(confidenceLevel);
        var fitter = minimizer ?? new Minimizer();
        var scanFitter = new Minimizer(fitter.Options with { ComputeCovariance = false });
        var global = fitter.Minimize(objective, default, fixedParameters);
        int k = IndexOf(objective, parameter);
        var p = objective.Parameters[k];
        double best = global.Values[k];
        // First bracket step: the Hessian error, unless it is useless (zero curvature at a boundary, e.g. a μ² signal at μ = 0).
        double err = global.Errors[k];
        double step = err > 0 && double.IsFinite(err) && err < 10 * p.Scale ? err : p.Scale;
        double[] warm = global.Values;
        bool allConverged = global.Converged;
        double Delta(double x)
        {
            var fix = fixedParameters is null ? new Dictionary<string, double>() : new Dictionary<string, double>(fixedParameters);
            fix[parameter] = x;
            var fit = BestOfTwoStarts(scanFitter, objective, global.Values, warm, fix);
            allConverged &= fit.Converged;
            warm = fit.Values;
            return fit.Minimum - global.Minimum - level;
        }
        double lo = best, flo = -level, hi = Math.Min(best + step, p.Upper);
        double fhi = Delta(hi);
        int expansions = 0;
        while (fhi < 0)
        {
            if (hi >= p.Upper) throw new InvalidOperationException($"Δχ² for '{parameter}' stays below {level.ToString("G4", CultureInfo.InvariantCulture)} up to its upper bound {p.Upper.ToString("R", CultureInfo.InvariantCulture)}; widen the bound.");
            lo = hi; flo = fhi;
            hi = Math.Min(best + (hi - best) * 2, p.Upper);
            fhi = Delta(hi);
            if (++expansions > 60) throw new InvalidOperationException($"Could not bracket the Δχ² crossing of '{parameter}'.");
        }
        double limit = Roots.Brent(Delta, lo, hi, flo, fhi, 1e-9 * Math.Max(1, Math.Abs(hi)));
        return new UpperLimitResult(parameter, limit, best, level, confidenceLevel, global, allConverged);
    }

    /// <summary>A conditional fit from two starting points (the global best fit and the previous point's nuisances), keeping
    /// the lower minimum: root finders jump around, and a warm start from a far point can sit in a worse local minimum
    /// (for example where a floored template ratio makes a nuisance direction flat).</summary>
    internal static FitResult BestOfTwoStarts(Minimizer fitter, IFitObjective objective, double[] start1, double[] start2, IReadOnlyDictionary<string, double> fix)
    {
        if (!fitter.Options.MultiStart.Enabled)
        {
            var a = fitter.Minimize(objective, start1, fix);
            if (ReferenceEquals(start1, start2) || start1.AsSpan().SequenceEqual(start2)) return a;
            var b = fitter.Minimize(objective, start2, fix);
            return b.Minimum < a.Minimum ? b : a;
        }
        return fitter.MinimizeFromStarts(objective, [start2, start1], fix);
    }

    internal static int IndexOf(IFitObjective objective, string parameter)
    {
        for (int i = 0; i < objective.Parameters.Count; i++) if (objective.Parameters[i].Name == parameter) return i;
        throw new ArgumentException($"'{parameter}' is not a parameter; parameters are: {string.Join(", ", objective.Parameters.Select(q => q.Name))}.", nameof(parameter));
    }
}

/// <summary>An upper limit from a Δχ² crossing.</summary>
/// <param name="Parameter">Parameter of interest.</param>
/// <param name="Limit">Upper limit (parameter units).</param>
/// <param name="BestFit">Best-fit value inside the bounds.</param>
/// <param name="CriticalDeltaChi2">Δχ² level used.</param>
/// <param name="ConfidenceLevel">Confidence level.</param>
/// <param name="GlobalFit">The global fit.</param>
/// <param name="AllFitsConverged">Whether every fit along the way converged.</param>
public sealed record UpperLimitResult(string Parameter, double Limit, double BestFit, double CriticalDeltaChi2, double ConfidenceLevel,
    FitResult GlobalFit, bool AllFitsConverged);

/// <summary>Root finding and curve crossings used by the limit setters.</summary>
internal static class Roots
{
    /// <summary>Brent's method on [a, b] with f(a), f(b) of opposite signs.</summary>
    public static double Brent(Func<double, double> f, double a, double b, double fa, double fb, double tol)
    {
        if (fa * fb > 0) throw new InvalidOperationException("Root not bracketed.");
        if (fa == 0) return a;
        if (fb == 0) return b;
        double c = a, fc = fa, d = b - a, e = d;
        for (int iter = 0; iter < 200; iter++)
        {
            if (fb * fc > 0) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.Abs(fc) < Math.Abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol1 = 2 * 1e-15 * Math.Abs(b) + 0.5 * tol, xm = 0.5 * (c - b);
            if (Math.Abs(xm) <= tol1 || fb == 0) return b;
            if (Math.Abs(e) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * xm * s; q = 1 - s; }
                else
                {
                    double r = fb / fc; q = fa / fc;
                    p = s * (2 * xm * q * (q - r) - (b - a) * (r - 1));
                    q = (q - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.Min(3 * xm * q - Math.Abs(tol1 * q), Math.Abs(e * q))) { e = d; d = p / q; }
                else { d = xm; e = d; }
            }
            else { d = xm; e = d; }
            a = b; fa = fb;
            b += Math.Abs(d) > tol1 ? d : Math.CopySign(tol1, xm);
            fb = f(b);
        }
        return b;
    }
}

/// <summary>Crossings of tabulated curves.</summary>
public static class Curves
{
    /// <summary>First x above the curve's minimum where y rises through <paramref name="level"/> (linear interpolation); +∞ if none.</summary>
    /// <param name="x">Increasing abscissae.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="level">Level.</param>
    public static double UpperCrossing(IReadOnlyList<double> x, IReadOnlyList<double> y, double level)
    {
        int m = ArgMin(y);
        for (int i = m; i + 1 < x.Count; i++)
            if (y[i] < level && y[i + 1] >= level) return x[i] + (level - y[i]) / (y[i + 1] - y[i]) * (x[i + 1] - x[i]);
        return double.PositiveInfinity;
    }

    /// <summary>Last x below the curve's minimum where y falls through <paramref name="level"/>; the first x if the curve is below the level there.</summary>
    /// <param name="x">Increasing abscissae.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="level">Level.</param>
    public static double LowerCrossing(IReadOnlyList<double> x, IReadOnlyList<double> y, double level)
    {
        int m = ArgMin(y);
        for (int i = m; i - 1 >= 0; i--)
            if (y[i] < level && y[i - 1] >= level) return x[i] + (level - y[i]) / (y[i - 1] - y[i]) * (x[i - 1] - x[i]);
        return x[0];
    }

    private static int ArgMin(IReadOnlyList<double> y)
    {
        if (y.Count == 0) throw new ArgumentException("Empty curve.", nameof(y));
        int m = 0;
        for (int i = 1; i < y.Count; i++) if (y[i] < y[m]) m = i;
        return m;
    }
}
