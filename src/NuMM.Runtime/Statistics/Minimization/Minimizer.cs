using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using NuMM.Runtime.Statistics.Likelihood;

namespace NuMM.Runtime.Statistics.Minimization;

/// <summary>Settings of <see cref="Minimizer"/>.</summary>
public sealed record MinimizerOptions
{
    /// <summary>Convergence when the estimated distance to the minimum ½ gᵀH⁻¹g falls below this (χ² units).
    /// MINUIT's default corresponds to 2e-6 for Δχ² = 1; the default here is tighter.</summary>
    public double Tolerance { get; init; } = 1e-7;
    /// <summary>Maximum quasi-Newton iterations.</summary>
    public int MaxIterations { get; init; } = 1000;
    /// <summary>Relative finite-difference step (times the parameter's <see cref="Model.FitParameter.Scale"/>).</summary>
    public double RelativeStep { get; init; } = 1e-4;
    /// <summary>Compute the Hessian, errors and correlations at the minimum.</summary>
    public bool ComputeCovariance { get; init; } = true;
}

/// <summary>A bounded quasi-Newton minimiser (BFGS on the inverse Hessian with central-difference gradients,
/// projected steps and an active set at the bounds, Armijo backtracking), followed by a finite-difference Hessian for
/// errors and correlations. MathNet's BFGS-B stops on gradient norms that do not translate into χ² precision and reports
/// no Hessian errors, so the fitter has its own. Deterministic: the same inputs give the same digits on every machine
/// and thread count (no randomness, fixed evaluation order).</summary>
public sealed class Minimizer
{
    /// <summary>Creates a minimiser.</summary>
    /// <param name="options">Settings (defaults if null).</param>
    public Minimizer(MinimizerOptions? options = null) => Options = options ?? new MinimizerOptions();

    /// <summary>Settings.</summary>
    public MinimizerOptions Options { get; }

    /// <summary>Minimises <paramref name="objective"/>.</summary>
    /// <param name="objective">The function.</param>
    /// <param name="start">Starting values (all parameters); the declared initial values if empty. Clamped to the bounds.</param>
    /// <param name="fixedParameters">Parameters held at a value (by name), for example the parameter of interest in a profile scan.</param>
    /// <exception cref="InvalidOperationException">The objective is not finite at the starting point (the message gives the values).</exception>
    public FitResult Minimize(IFitObjective objective, ReadOnlySpan<double> start = default, IReadOnlyDictionary<string, double>? fixedParameters = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var pars = objective.Parameters;
        int n = pars.Count;
        var names = pars.Select(p => p.Name).ToArray();
        var full = start.IsEmpty ? pars.Select(p => p.Initial).ToArray() : start.ToArray();
        if (full.Length != n) throw new ArgumentException($"Expected {n} starting values, got {full.Length}.", nameof(start));
        var isFixed = new bool[n];
        if (fixedParameters is not null)
            foreach (var (name, value) in fixedParameters)
            {
                int k = Array.IndexOf(names, name);
                if (k < 0) throw new ArgumentException($"Cannot fix '{name}': not a parameter; parameters are: {string.Join(", ", names)}.", nameof(fixedParameters));
                if (!double.IsFinite(value) || value < pars[k].Lower || value > pars[k].Upper)
                    throw new ArgumentException($"Cannot fix '{name}' at {value.ToString("R", CultureInfo.InvariantCulture)}: outside [{pars[k].Lower.ToString("R", CultureInfo.InvariantCulture)}, {pars[k].Upper.ToString("R", CultureInfo.InvariantCulture)}].", nameof(fixedParameters));
                isFixed[k] = true;
                full[k] = value;
            }
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(full[i])) throw new ArgumentException($"Starting value of '{names[i]}' is {full[i].ToString("R", CultureInfo.InvariantCulture)}.", nameof(start));
            full[i] = Math.Clamp(full[i], pars[i].Lower, pars[i].Upper);
        }
        var free = Enumerable.Range(0, n).Where(i => !isFixed[i]).ToArray();
        var run = new Run(objective, full, free, Options);
        return run.Execute(names, isFixed);
    }

    private sealed class Run
    {
        private readonly IFitObjective _f;
        private readonly double[] _full;
        private readonly int[] _free;
        private readonly double[] _lo, _hi, _h;
        private readonly MinimizerOptions _o;
        private int _evals;

        public Run(IFitObjective f, double[] full, int[] free, MinimizerOptions o)
        {
            _f = f; _full = full; _free = free; _o = o;
            int k = free.Length;
            _lo = new double[k]; _hi = new double[k]; _h = new double[k];
            for (int j = 0; j < k; j++)
            {
                var p = f.Parameters[free[j]];
                _lo[j] = p.Lower; _hi[j] = p.Upper;
                _h[j] = o.RelativeStep * p.Scale;
                if (double.IsFinite(p.Lower) && double.IsFinite(p.Upper)) _h[j] = Math.Min(_h[j], 0.01 * (p.Upper - p.Lower));
            }
        }

        private double Eval(ReadOnlySpan<double> x)
        {
            for (int j = 0; j < _free.Length; j++) _full[_free[j]] = x[j];
            _evals++;
            double v = _f.Evaluate(_full);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        /// <summary>Gradient by central differences (3-point one-sided at a bound) and the diagonal curvature.</summary>
        private void Gradient(double[] x, double fx, double[] g, double[] curv)
        {
            var t = (double[])x.Clone();
            for (int j = 0; j < x.Length; j++)
            {
                double h = _h[j], xj = x[j];
                if (xj + h <= _hi[j] && xj - h >= _lo[j])
                {
                    t[j] = xj + h; double fp = Eval(t);
                    t[j] = xj - h; double fm = Eval(t);
                    g[j] = (fp - fm) / (2 * h);
                    curv[j] = (fp - 2 * fx + fm) / (h * h);
                }
                else
                {
                    double s = xj + h > _hi[j] ? -h : h; // step inward
                    t[j] = xj + s; double f1 = Eval(t);
                    t[j] = xj + 2 * s; double f2 = Eval(t);
                    g[j] = (-3 * fx + 4 * f1 - f2) / (2 * s);
                    curv[j] = (fx - 2 * f1 + f2) / (s * s);
                }
                t[j] = xj;
            }
        }

        public FitResult Execute(string[] names, bool[] isFixed)
        {
            int k = _free.Length;
            var x = _free.Select(i => _full[i]).ToArray();
            double fx = Eval(x);
            if (!double.IsFinite(fx))
                throw new InvalidOperationException("The objective is not finite at the starting point (" +
                    string.Join(", ", names.Select((nm, i) => nm + " = " + _full[i].ToString("R", CultureInfo.InvariantCulture))) + ").");
            var g = new double[k]; var curv = new double[k];
            var hinv = new double[k, k];
            int iter = 0; double edm = 0; bool converged = k == 0; string status = k == 0 ? "converged (no free parameters)" : "";
            if (k > 0)
            {
                Gradient(x, fx, g, curv);
                ResetInverseHessian(hinv, curv);
                var d = new double[k]; var xn = new double[k]; var gn = new double[k]; var cn = new double[k];
                var active = new bool[k];
                int stalls = 0, resets = 0;
                for (iter = 0; iter < _o.MaxIterations; iter++)
                {
                    for (int j = 0; j < k; j++) active[j] = (x[j] <= _lo[j] && g[j] > 0) || (x[j] >= _hi[j] && g[j] < 0);
                    double slope = Direction(hinv, g, active, d);
                    if (slope >= 0)
                    {
                        ResetInverseHessian(hinv, curv);
                        slope = Direction(hinv, g, active, d);
                    }
                    edm = Math.Max(0, -0.5 * slope);
                    if (edm < _o.Tolerance)
                    {
                        // A quasi-Newton model that underestimates the curvature can report a small EDM far from the minimum
                        // (after crossing a bound, say). Confirm with the EDM of a fresh diagonal model before stopping.
                        double edmDiagonal = DiagonalEdm(g, curv, active);
                        if (edmDiagonal < 10 * _o.Tolerance) { converged = true; status = "converged"; break; }
                        if (resets >= 10)
                        {
                            status = "quasi-Newton and diagonal EDM disagree (" + edmDiagonal.ToString("G3", CultureInfo.InvariantCulture) + ")";
                            break;
                        }
                        resets++;
                        ResetInverseHessian(hinv, curv);
                        slope = Direction(hinv, g, active, d);
                        edm = Math.Max(0, -0.5 * slope);
                    }
                    double alpha = 1, fn = double.PositiveInfinity;
                    bool accepted = false;
                    for (int ls = 0; ls < 40; ls++)
                    {
                        double decrease = 0;
                        for (int j = 0; j < k; j++)
                        {
                            xn[j] = Math.Clamp(x[j] + alpha * d[j], _lo[j], _hi[j]);
                            decrease += g[j] * (xn[j] - x[j]);
                        }
                        fn = Eval(xn);
                        if (fn <= fx + 1e-4 * decrease) { accepted = true; break; }
                        alpha *= 0.3;
                    }
                    if (!accepted)
                    {
                        // No decrease along a descent direction: at machine precision of the minimum, or a bad Hessian model.
                        if (edm < 1e3 * _o.Tolerance) { converged = true; status = "converged (line search at machine precision)"; }
                        else status = "line search failed; EDM " + edm.ToString("G3", CultureInfo.InvariantCulture);
                        break;
                    }
                    Gradient(xn, fn, gn, cn);
                    Update(hinv, x, xn, g, gn, active);
                    stalls = fx - fn < 1e-13 * (1 + Math.Abs(fn)) ? stalls + 1 : 0;
                    Array.Copy(xn, x, k); Array.Copy(gn, g, k); Array.Copy(cn, curv, k); fx = fn;
                    if (stalls >= 5)
                    {
                        for (int j = 0; j < k; j++) active[j] = (x[j] <= _lo[j] && g[j] > 0) || (x[j] >= _hi[j] && g[j] < 0);
                        edm = Math.Max(0, -0.5 * Direction(hinv, g, active, d));
                        if (edm < 1e3 * _o.Tolerance) { converged = true; status = "converged (no further decrease)"; }
                        else status = "stalled; EDM " + edm.ToString("G3", CultureInfo.InvariantCulture);
                        break;
                    }
                }
                if (status.Length == 0) status = $"maximum of {_o.MaxIterations} iterations reached; EDM {edm.ToString("G3", CultureInfo.InvariantCulture)}";
                for (int j = 0; j < k; j++) _full[_free[j]] = x[j];
            }
            var atBound = new bool[_full.Length];
            for (int j = 0; j < k; j++) atBound[_free[j]] = x[j] <= _lo[j] || x[j] >= _hi[j];
            double[,]? cov = null; bool covValid = false;
            if (_o.ComputeCovariance)
            {
                (cov, covValid) = Covariance(x);
                for (int j = 0; j < k; j++) _full[_free[j]] = x[j];
            }
            if (!converged && status.Length == 0) status = "not converged";
            return new FitResult(names, (double[])_full.Clone(), isFixed, atBound, fx, converged, status, edm, iter, _evals, cov, covValid);
        }

        private double DiagonalEdm(double[] g, double[] curv, bool[] active)
        {
            double e = 0;
            for (int j = 0; j < g.Length; j++)
            {
                if (active[j]) continue;
                double scale = _f.Parameters[_free[j]].Scale;
                double h = curv[j] > 0 && double.IsFinite(curv[j]) ? 1 / curv[j] : scale * scale;
                e += 0.5 * g[j] * g[j] * h;
            }
            return e;
        }

        private static double Direction(double[,] hinv, double[] g, bool[] active, double[] d)
        {
            int k = g.Length; double slope = 0;
            for (int i = 0; i < k; i++)
            {
                double s = 0;
                if (!active[i]) for (int j = 0; j < k; j++) if (!active[j]) s -= hinv[i, j] * g[j];
                d[i] = s;
                slope += g[i] * s;
            }
            return slope;
        }

        private void ResetInverseHessian(double[,] hinv, double[] curv)
        {
            int k = curv.Length;
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++) hinv[i, j] = 0;
                var scale = _f.Parameters[_free[i]].Scale;
                hinv[i, i] = curv[i] > 0 && double.IsFinite(curv[i]) ? 1 / curv[i] : scale * scale;
            }
        }

        private static void Update(double[,] hinv, double[] x, double[] xn, double[] g, double[] gn, bool[] active)
        {
            int k = x.Length;
            var s = new double[k]; var y = new double[k];
            double sy = 0, ss = 0, yy = 0;
            for (int i = 0; i < k; i++)
            {
                if (active[i]) continue;
                s[i] = xn[i] - x[i]; y[i] = gn[i] - g[i];
                sy += s[i] * y[i]; ss += s[i] * s[i]; yy += y[i] * y[i];
            }
            if (!(sy > 1e-12 * Math.Sqrt(ss * yy))) return; // curvature condition fails: keep the old model
            double rho = 1 / sy;
            var hy = new double[k];
            for (int i = 0; i < k; i++) { double t = 0; for (int j = 0; j < k; j++) t += hinv[i, j] * y[j]; hy[i] = t; }
            double yhy = 0; for (int i = 0; i < k; i++) yhy += y[i] * hy[i];
            // H+ = H − ρ (H y sᵀ + s yᵀ H) + (ρ² yᵀHy + ρ) s sᵀ
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                    hinv[i, j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }

        /// <summary>Finite-difference Hessian of the objective (free parameters), stencil moved inside the bounds;
        /// covariance = 2 H⁻¹ because the objective is a χ² (Δχ² = 1 ↔ 1σ).</summary>
        private (double[,], bool) Covariance(double[] xMin)
        {
            int k = xMin.Length, n = _full.Length;
            var cov = new double[n, n];
            if (k == 0) return (cov, true);
            var c = new double[k];
            var h = new double[k];
            for (int j = 0; j < k; j++)
            {
                h[j] = _h[j] * 10; // larger step: second differences need it
                c[j] = Math.Clamp(xMin[j], _lo[j] + 2 * h[j], _hi[j] - 2 * h[j]);
                if (_lo[j] + 2 * h[j] > _hi[j] - 2 * h[j]) c[j] = 0.5 * (_lo[j] + _hi[j]);
            }
            double f0 = Eval(c);
            var hess = Matrix<double>.Build.Dense(k, k);
            var t = (double[])c.Clone();
            var fp = new double[k]; var fm = new double[k];
            for (int i = 0; i < k; i++)
            {
                t[i] = c[i] + h[i]; fp[i] = Eval(t);
                t[i] = c[i] - h[i]; fm[i] = Eval(t);
                t[i] = c[i];
                hess[i, i] = (fp[i] - 2 * f0 + fm[i]) / (h[i] * h[i]);
            }
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++)
                {
                    t[i] = c[i] + h[i]; t[j] = c[j] + h[j]; double fpp = Eval(t);
                    t[j] = c[j] - h[j]; double fpm = Eval(t);
                    t[i] = c[i] - h[i]; double fmm = Eval(t);
                    t[j] = c[j] + h[j]; double fmp = Eval(t);
                    t[i] = c[i]; t[j] = c[j];
                    hess[i, j] = hess[j, i] = (fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
                }
            bool valid = true;
            Matrix<double> inv;
            try
            {
                var chol = hess.Cholesky();
                inv = chol.Solve(Matrix<double>.Build.DenseIdentity(k));
                for (int i = 0; i < k; i++) if (!(inv[i, i] > 0) || !double.IsFinite(inv[i, i])) valid = false;
            }
            catch (ArgumentException) { valid = false; inv = Matrix<double>.Build.Dense(k, k); }
            if (!valid)
            {
                inv = Matrix<double>.Build.Dense(k, k);
                for (int i = 0; i < k; i++) inv[i, i] = hess[i, i] > 0 ? 1 / hess[i, i] : 0;
            }
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) cov[_free[i], _free[j]] = 2 * inv[i, j];
            return (cov, valid);
        }
    }
}
