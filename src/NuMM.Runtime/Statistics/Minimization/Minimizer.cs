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
    /// <summary>Convergence when the estimated distance to the minimum, EDM = ½ gᵀH⁻¹g (χ² units), falls below this.
    /// With <see cref="NewtonPolish"/> the final EDM uses the finite-difference Hessian, as MINUIT's MIGRAD does after HESSE.
    /// EDM = 1e-9 puts the best-fit values within about 3e-5 σ of the minimum (MINUIT's default is 2e-4 for Δχ² = 1).</summary>
    public double Tolerance { get; init; } = 1e-9;
    /// <summary>Maximum quasi-Newton iterations per start.</summary>
    public int MaxIterations { get; init; } = 1000;
    /// <summary>Relative finite-difference step (times the parameter's <see cref="Model.FitParameter.Scale"/>).</summary>
    public double RelativeStep { get; init; } = 1e-4;
    /// <summary>Compute the Hessian, errors and correlations at the minimum.</summary>
    public bool ComputeCovariance { get; init; } = true;
    /// <summary>After the quasi-Newton descent, take Newton steps with the finite-difference Hessian until its EDM is below
    /// <see cref="Tolerance"/> (costs about 2k² evaluations for k free parameters per step; the BFGS inverse-Hessian model
    /// alone can underestimate the EDM).</summary>
    public bool NewtonPolish { get; init; } = true;
    /// <summary>Leave a saddle point (zero gradient, negative curvature along a parameter, as a μ² signal at μ = 0 when the
    /// data prefer signal) by stepping along the descending direction and descending again.</summary>
    public bool EscapeSaddles { get; init; } = true;
    /// <summary>The global-minimum strategy: extra starting points and how distinct minima are told apart.</summary>
    public MultiStartOptions MultiStart { get; init; } = new();
}

/// <summary>Settings of the multi-start global-minimum strategy: the fit runs from the given start and from that start
/// moved by ± each offset along every free constrained parameter (nuisance, in units of its constraint σ; with
/// <see cref="AlongUnconstrained"/> also the others, in units of <see cref="Model.FitParameter.Scale"/>), clamped to the bounds;
/// the lowest minimum wins and the distinct minima are reported in <see cref="FitResult.Minima"/>. Cost: up to
/// 1 + 2 × offsets × nuisances local fits.</summary>
public sealed record MultiStartOptions
{
    /// <summary>Whether extra starts are tried (false: one local fit from the given start).</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Offsets in σ (or Scale units) along each free parameter; the default ±2 σ.</summary>
    public IReadOnlyList<double> SigmaOffsets { get; init; } = [2.0];
    /// <summary>Also move unconstrained free parameters (parameters of interest, free normalisations) by ± offset × Scale
    /// (off by default: they rarely have several minima, the μ² saddle is left by <see cref="MinimizerOptions.EscapeSaddles"/>, and
    /// models with many free normalisations would pay two fits each).</summary>
    public bool AlongUnconstrained { get; init; }
    /// <summary>Upper limit on the number of starts per fit (the given starts count; further offsets are dropped).</summary>
    public int MaxStarts { get; init; } = 64;
    /// <summary>Two local minima are the same when their objective values differ by at most this (χ² units) and their
    /// parameters by at most <see cref="DistinctDistance"/>.</summary>
    public double DistinctChi2 { get; init; } = 1e-5;
    /// <summary>Largest parameter difference, in σ (or Scale) units, of two results counted as the same minimum.</summary>
    public double DistinctDistance { get; init; } = 0.01;

    /// <summary>No extra starts: one local fit (the cheapest; for toy fits started at the truth).</summary>
    public static MultiStartOptions Off { get; } = new() { Enabled = false };
}

/// <summary>A bounded quasi-Newton minimiser (BFGS on the inverse Hessian with central-difference gradients,
/// projected steps and an active set at the bounds, Armijo backtracking), a Newton polish with the finite-difference
/// Hessian (EDM-based convergence as MINUIT), an escape from saddle points, and a multi-start global strategy
/// (<see cref="MultiStartOptions"/>), followed by a finite-difference Hessian for errors and correlations.
/// MathNet's BFGS-B stops on gradient norms that do not translate into χ² precision and reports no Hessian errors, so the
/// fitter has its own. Deterministic: the same inputs give the same digits on every machine and thread count
/// (no randomness, fixed evaluation and start order).</summary>
public sealed class Minimizer
{
    /// <summary>Creates a minimiser.</summary>
    /// <param name="options">Settings (defaults if null).</param>
    public Minimizer(MinimizerOptions? options = null) => Options = options ?? new MinimizerOptions();

    /// <summary>Settings.</summary>
    public MinimizerOptions Options { get; }

    /// <summary>Minimises <paramref name="objective"/> with the global strategy of <see cref="MinimizerOptions.MultiStart"/>.</summary>
    /// <param name="objective">The function.</param>
    /// <param name="start">Starting values (all parameters); the declared initial values if empty. Clamped to the bounds.</param>
    /// <param name="fixedParameters">Parameters held at a value (by name), for example the parameter of interest in a profile scan.</param>
    /// <exception cref="InvalidOperationException">The objective is not finite at the starting point (the message gives the values).</exception>
    public FitResult Minimize(IFitObjective objective, ReadOnlySpan<double> start = default, IReadOnlyDictionary<string, double>? fixedParameters = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return MinimizeFromStarts(objective, start.IsEmpty ? [] : [start.ToArray()], fixedParameters);
    }

    /// <summary>Minimises from several given starting points (for example the previous scan point and the global best fit),
    /// plus the offsets of <see cref="MinimizerOptions.MultiStart"/> around the first one, and keeps the lowest minimum.</summary>
    /// <param name="objective">The function.</param>
    /// <param name="starts">Starting points (each with one value per parameter); the declared initial values if empty.</param>
    /// <param name="fixedParameters">Parameters held at a value; their entries in the starts are overridden.</param>
    /// <exception cref="InvalidOperationException">The objective is not finite at the first starting point.</exception>
    public FitResult MinimizeFromStarts(IFitObjective objective, IReadOnlyList<double[]> starts, IReadOnlyDictionary<string, double>? fixedParameters = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(starts);
        var pars = objective.Parameters;
        int n = pars.Count;
        var names = pars.Select(p => p.Name).ToArray();
        var isFixed = new bool[n];
        var fixedValue = new double[n];
        if (fixedParameters is not null)
            foreach (var (name, value) in fixedParameters)
            {
                int k = Array.IndexOf(names, name);
                if (k < 0) throw new ArgumentException($"Cannot fix '{name}': not a parameter; parameters are: {string.Join(", ", names)}.", nameof(fixedParameters));
                if (!double.IsFinite(value) || value < pars[k].Lower || value > pars[k].Upper)
                    throw new ArgumentException($"Cannot fix '{name}' at {value.ToString("R", CultureInfo.InvariantCulture)}: outside [{pars[k].Lower.ToString("R", CultureInfo.InvariantCulture)}, {pars[k].Upper.ToString("R", CultureInfo.InvariantCulture)}].", nameof(fixedParameters));
                isFixed[k] = true;
                fixedValue[k] = value;
            }
        double[] Prepare(double[] s)
        {
            if (s.Length != n) throw new ArgumentException($"Expected {n} starting values, got {s.Length}.", nameof(starts));
            var full = (double[])s.Clone();
            for (int i = 0; i < n; i++)
            {
                if (isFixed[i]) full[i] = fixedValue[i];
                if (!double.IsFinite(full[i])) throw new ArgumentException($"Starting value of '{names[i]}' is {full[i].ToString("R", CultureInfo.InvariantCulture)}.", nameof(starts));
                full[i] = Math.Clamp(full[i], pars[i].Lower, pars[i].Upper);
            }
            return full;
        }
        var list = new List<double[]>();
        void Add(double[] candidate)
        {
            if (list.Count >= Math.Max(1, Options.MultiStart.MaxStarts) && list.Count > 0) return;
            foreach (var e in list) if (e.AsSpan().SequenceEqual(candidate)) return;
            list.Add(candidate);
        }
        Add(Prepare(starts.Count == 0 ? pars.Select(p => p.Initial).ToArray() : starts[0]));
        var primary = list[0];
        var free = Enumerable.Range(0, n).Where(i => !isFixed[i]).ToArray();
        var ms = Options.MultiStart;
        if (ms.Enabled)
        {
            for (int s = 1; s < starts.Count; s++) Add(Prepare(starts[s]));
            foreach (double offset in ms.SigmaOffsets)
                foreach (int i in free)
                {
                    var p = pars[i];
                    if (p.Constraint is null && !ms.AlongUnconstrained) continue;
                    double sigma = p.Constraint?.Sigma ?? p.Scale;
                    foreach (double sign in (ReadOnlySpan<double>)[1.0, -1.0])
                    {
                        var c = (double[])primary.Clone();
                        c[i] = Math.Clamp(primary[i] + sign * offset * sigma, p.Lower, p.Upper);
                        Add(c);
                    }
                }
        }
        var run = new Run(objective, primary, free, Options);
        return run.Execute(names, isFixed, list);
    }

    private sealed class Run
    {
        private readonly IFitObjective _f;
        private readonly double[] _full;
        private readonly int[] _free;
        private readonly double[] _lo, _hi, _h, _scale;
        private readonly MinimizerOptions _o;
        private int _evals;

        public Run(IFitObjective f, double[] full, int[] free, MinimizerOptions o)
        {
            _f = f; _full = (double[])full.Clone(); _free = free; _o = o;
            int k = free.Length;
            _lo = new double[k]; _hi = new double[k]; _h = new double[k]; _scale = new double[k];
            for (int j = 0; j < k; j++)
            {
                var p = f.Parameters[free[j]];
                _lo[j] = p.Lower; _hi[j] = p.Upper;
                _scale[j] = p.Constraint?.Sigma ?? p.Scale;
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

        private sealed record Local(double[] X, double F, double Edm, bool Converged, string Status, int Iterations);

        public FitResult Execute(string[] names, bool[] isFixed, List<double[]> starts)
        {
            int k = _free.Length;
            var results = new List<Local>();
            for (int s = 0; s < starts.Count; s++)
            {
                var x0 = _free.Select(i => starts[s][i]).ToArray();
                double f0;
                try { f0 = Eval(x0); }
                catch (InvalidOperationException) when (s > 0) { continue; } // an extra start outside the model's domain is skipped
                if (!double.IsFinite(f0))
                {
                    if (s == 0)
                        throw new InvalidOperationException("The objective is not finite at the starting point (" +
                            string.Join(", ", names.Select((nm, i) => nm + " = " + starts[0][i].ToString("R", CultureInfo.InvariantCulture))) + ").");
                    continue; // an extra start outside the objective's domain is skipped
                }
                if (k == 0) { results.Add(new Local(x0, f0, 0, true, "converged (no free parameters)", 0)); continue; }
                try { results.Add(Descend(x0, f0)); }
                catch (InvalidOperationException) when (s > 0) { } // the model threw away from the primary start: drop that start
            }
            // Best: lowest minimum, converged results first.
            int best = 0;
            for (int i = 1; i < results.Count; i++)
                if (Better(results[i], results[best])) best = i;
            var chosen = results[best];
            if (k > 0 && _o.NewtonPolish) chosen = Polish(chosen);

            var minima = Cluster(results, chosen, out int reachingBest);
            var x = chosen.X;
            var atBound = new bool[_full.Length];
            for (int j = 0; j < k; j++) atBound[_free[j]] = x[j] <= _lo[j] || x[j] >= _hi[j];
            double[,]? cov = null; bool covValid = false;
            if (_o.ComputeCovariance) (cov, covValid) = Covariance(x);
            for (int j = 0; j < k; j++) _full[_free[j]] = x[j];
            return new FitResult(names, (double[])_full.Clone(), isFixed, atBound, chosen.F, chosen.Converged, chosen.Status, chosen.Edm,
                chosen.Iterations, _evals, cov, covValid, minima, results.Count, reachingBest);
        }

        private static bool Better(Local a, Local b) => a.F < b.F;

        /// <summary>Groups the local results into distinct minima (ascending objective) and counts the starts that reached the best.</summary>
        private IReadOnlyList<LocalMinimum> Cluster(List<Local> results, Local best, out int reachingBest)
        {
            var ms = _o.MultiStart;
            var groups = new List<(Local Rep, int Count, bool AnyConverged)>();
            bool Same(Local a, Local b)
            {
                if (Math.Abs(a.F - b.F) > Math.Max(ms.DistinctChi2, 10 * _o.Tolerance)) return false;
                for (int j = 0; j < a.X.Length; j++)
                    if (Math.Abs(a.X[j] - b.X[j]) > ms.DistinctDistance * _scale[j]) return false;
                return true;
            }
            groups.Add((best, 0, best.Converged));
            foreach (var r in results.OrderBy(r => r.F))
            {
                int gi = groups.FindIndex(g => Same(g.Rep, r));
                if (gi < 0) groups.Add((r, 1, r.Converged));
                else groups[gi] = (groups[gi].Rep, groups[gi].Count + 1, groups[gi].AnyConverged || r.Converged);
            }
            reachingBest = groups[0].Count;
            return groups.Select(g =>
            {
                var full = (double[])_full.Clone();
                for (int j = 0; j < _free.Length; j++) full[_free[j]] = g.Rep.X[j];
                return new LocalMinimum(g.Rep.F, full, g.Count, g.AnyConverged);
            }).ToArray();
        }

        private Local Descend(double[] x0, double f0)
        {
            var x = (double[])x0.Clone();
            double fx = f0;
            int k = x.Length, iterTotal = 0;
            for (int escape = 0; ; escape++)
            {
                var (edm, converged, status, iters) = Bfgs(x, ref fx);
                iterTotal += iters;
                if (!converged || !_o.EscapeSaddles || escape >= 4 || !TryEscapeSaddle(x, ref fx))
                    return new Local(x, fx, edm, converged, status, iterTotal);
            }
        }

        /// <summary>At a stationary point, looks for a free parameter along which the objective curves down (a saddle, such as
        /// μ = 0 of a μ² signal whose data prefer signal) and moves along it to a lower value. Returns false when none.</summary>
        private bool TryEscapeSaddle(double[] x, ref double fx)
        {
            int k = x.Length;
            var g = new double[k]; var curv = new double[k];
            Gradient(x, fx, g, curv);
            int bestJ = -1; double bestF = fx, bestV = 0;
            for (int j = 0; j < k; j++)
            {
                bool active = (x[j] <= _lo[j] && g[j] > 0) || (x[j] >= _hi[j] && g[j] < 0);
                if (active || !(curv[j] < -1e-8 / (_scale[j] * _scale[j]))) continue;
                foreach (double sign in (ReadOnlySpan<double>)[1.0, -1.0])
                    for (double step = 0.1 * _scale[j]; step <= 10 * _scale[j]; step *= 3)
                    {
                        double v = Math.Clamp(x[j] + sign * step, _lo[j], _hi[j]);
                        if (v == x[j]) break;
                        var t = (double[])x.Clone(); t[j] = v;
                        double ft = Eval(t);
                        if (ft < bestF - 1e-9 * (1 + Math.Abs(fx))) { bestF = ft; bestJ = j; bestV = v; }
                    }
            }
            if (bestJ < 0) return false;
            x[bestJ] = bestV; fx = bestF;
            return true;
        }

        /// <summary>Newton steps with the finite-difference Hessian of the free parameters off their bounds until its EDM
        /// ½ gᵀH⁻¹g is below the tolerance; the result carries that EDM.</summary>
        private Local Polish(Local start)
        {
            int k = start.X.Length;
            var x = (double[])start.X.Clone();
            double fx = start.F, edm = start.Edm;
            var g = new double[k]; var curv = new double[k];
            bool hessianOk = false;
            for (int step = 0; step < 8; step++)
            {
                Gradient(x, fx, g, curv);
                var idx = Enumerable.Range(0, k).Where(j => !((x[j] <= _lo[j] && g[j] > 0) || (x[j] >= _hi[j] && g[j] < 0))).ToArray();
                if (idx.Length == 0) { edm = 0; hessianOk = true; break; }
                var h = Hessian(x, idx);
                Vector<double> d;
                try
                {
                    var chol = h.Cholesky();
                    var gv = Vector<double>.Build.Dense(idx.Length, i => g[idx[i]]);
                    d = -chol.Solve(gv);
                    edm = Math.Max(0, -0.5 * gv.DotProduct(d));
                    hessianOk = true;
                }
                catch (ArgumentException) { hessianOk = false; break; } // not positive definite: keep the descent result
                if (edm < _o.Tolerance) break;
                double alpha = 1; bool accepted = false;
                var xn = (double[])x.Clone();
                for (int ls = 0; ls < 30; ls++)
                {
                    for (int i = 0; i < idx.Length; i++) xn[idx[i]] = Math.Clamp(x[idx[i]] + alpha * d[i], _lo[idx[i]], _hi[idx[i]]);
                    double fn = Eval(xn);
                    if (fn <= fx) { accepted = true; fx = fn; Array.Copy(xn, x, k); break; }
                    alpha *= 0.5;
                }
                if (!accepted) break; // at the numerical floor of the objective
            }
            if (!hessianOk) return start with { X = x, F = fx };
            bool converged = start.Converged && edm < 10 * _o.Tolerance;
            string status = converged ? "converged" : start.Converged
                ? "EDM " + edm.ToString("G3", CultureInfo.InvariantCulture) + " above tolerance after Newton polish" : start.Status;
            return new Local(x, fx, edm, converged, status, start.Iterations);
        }

        private Matrix<double> Hessian(double[] x, int[] idx)
        {
            int m = idx.Length;
            var c = (double[])x.Clone();
            var h = new double[x.Length];
            foreach (int j in idx)
            {
                h[j] = _h[j] * 10;
                c[j] = Math.Clamp(x[j], _lo[j] + 2 * h[j], _hi[j] - 2 * h[j]);
                if (_lo[j] + 2 * h[j] > _hi[j] - 2 * h[j]) c[j] = 0.5 * (_lo[j] + _hi[j]);
            }
            double f0 = Eval(c);
            var hess = Matrix<double>.Build.Dense(m, m);
            var t = (double[])c.Clone();
            for (int a = 0; a < m; a++)
            {
                int i = idx[a];
                t[i] = c[i] + h[i]; double fp = Eval(t);
                t[i] = c[i] - h[i]; double fm = Eval(t);
                t[i] = c[i];
                hess[a, a] = (fp - 2 * f0 + fm) / (h[i] * h[i]);
            }
            for (int a = 0; a < m; a++)
                for (int b = a + 1; b < m; b++)
                {
                    int i = idx[a], j = idx[b];
                    t[i] = c[i] + h[i]; t[j] = c[j] + h[j]; double fpp = Eval(t);
                    t[j] = c[j] - h[j]; double fpm = Eval(t);
                    t[i] = c[i] - h[i]; double fmm = Eval(t);
                    t[j] = c[j] + h[j]; double fmp = Eval(t);
                    t[i] = c[i]; t[j] = c[j];
                    hess[a, b] = hess[b, a] = (fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
                }
            return hess;
        }

        /// <summary>Quasi-Newton descent from x (updated in place).</summary>
        private (double Edm, bool Converged, string Status, int Iterations) Bfgs(double[] x, ref double fx)
        {
            int k = x.Length;
            var g = new double[k]; var curv = new double[k];
            var hinv = new double[k, k];
            int iter = 0; double edm = 0; bool converged = false; string status = "";
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
            return (edm, converged, status, iter);
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
