using System;
using System.Collections.Generic;

namespace NuMM.Runtime.Statistics.Minimization;

/// <summary>An objective with an analytic gradient and a positive semi-definite Hessian approximation, evaluated on
/// caller-owned buffers (no allocation per call).</summary>
internal interface IDifferentiableObjective
{
    /// <summary>Number of parameters.</summary>
    int Count { get; }
    /// <summary>The objective (χ² units).</summary>
    double Value(ReadOnlySpan<double> x);
    /// <summary>The objective; writes its gradient and a symmetric Hessian approximation (row-major Count × Count).</summary>
    double ValueGradientHessian(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian);
}

/// <summary>A bounded Newton minimiser for <see cref="IDifferentiableObjective"/>: Newton steps with the supplied Hessian on
/// the free parameters off their bounds (active set), Levenberg damping when the Hessian is not positive definite, Armijo
/// backtracking, convergence on the EDM ½ gᵀH⁻¹g, and a saddle check along parameters whose curvature vanishes (a μ²
/// signal at μ = 0). Made for many small fits started close to their minimum (toys started at their generating point):
/// all buffers are allocated once, a fit allocates nothing.</summary>
internal sealed class NewtonFitter
{
    private readonly IDifferentiableObjective _f;
    private readonly int _n;
    private readonly double[] _lo, _hi, _scale, _x, _xn, _g, _h, _m, _d, _rhs;
    private readonly int[] _idx;
    private readonly bool[] _fixed, _pinned;
    private readonly double _tolerance;
    private readonly int _maxIterations;

    public NewtonFitter(IDifferentiableObjective f, IReadOnlyList<Model.FitParameter> parameters, double tolerance, int maxIterations = 200)
    {
        _f = f; _n = f.Count; _tolerance = tolerance; _maxIterations = maxIterations;
        _lo = new double[_n]; _hi = new double[_n]; _scale = new double[_n];
        for (int i = 0; i < _n; i++)
        {
            _lo[i] = parameters[i].Lower; _hi[i] = parameters[i].Upper;
            _scale[i] = parameters[i].Constraint?.Sigma ?? parameters[i].Scale;
        }
        _x = new double[_n]; _xn = new double[_n]; _g = new double[_n]; _h = new double[_n * _n];
        _m = new double[_n * _n]; _d = new double[_n]; _rhs = new double[_n]; _idx = new int[_n]; _fixed = new bool[_n]; _pinned = new bool[_n];
    }

    /// <summary>Evaluations of the objective (values and gradients) since construction.</summary>
    public long Evaluations { get; private set; }

    /// <summary>Minimises from <paramref name="start"/> (clamped to the bounds), with parameter <paramref name="fixedIndex"/>
    /// (−1: none) held at <paramref name="fixedValue"/>.</summary>
    /// <returns>The minimum (χ² units) and whether the EDM fell below the tolerance.</returns>
    public (double Minimum, bool Converged) Minimize(ReadOnlySpan<double> start, int fixedIndex = -1, double fixedValue = 0)
    {
        for (int i = 0; i < _n; i++) { _x[i] = Math.Clamp(start[i], _lo[i], _hi[i]); _fixed[i] = i == fixedIndex; }
        if (fixedIndex >= 0) _x[fixedIndex] = fixedValue;
        bool converged = false;
        double fx = 0;
        for (int escape = 0; escape < 4; escape++)
        {
            (fx, converged) = Descend();
            if (!converged || !EscapeSaddle(ref fx)) break;
        }
        return (fx, converged);
    }

    /// <summary>Why the last descent stopped (a constant string, for diagnostics).</summary>
    public string Status { get; private set; } = "";

    /// <summary>The parameters at the last minimum.</summary>
    public ReadOnlySpan<double> Solution => _x;

    private (double, bool) Descend()
    {
        double fx = _f.ValueGradientHessian(_x, _g, _h); Evaluations++;
        Array.Clear(_pinned);
        if (!double.IsFinite(fx)) { Status = "objective not finite at the start"; return (fx, false); }
        for (int iter = 0; iter < _maxIterations; iter++)
        {
            // Free set: not fixed, not pinned at a bound by the gradient, with curvature (a flat direction is left to the saddle check).
            int k = 0;
            for (int i = 0; i < _n; i++)
            {
                if (_fixed[i] || _pinned[i]) continue;
                if ((_x[i] <= _lo[i] && _g[i] > 0) || (_x[i] >= _hi[i] && _g[i] < 0)) continue;
                if (!(_h[i * _n + i] > 1e-14 / (_scale[i] * _scale[i])))
                {
                    if (_g[i] == 0) continue;
                    _h[i * _n + i] = 1e-14 / (_scale[i] * _scale[i]) + Math.Abs(_g[i]) / _scale[i]; // gradient without curvature: a step of about one scale
                }
                _idx[k++] = i;
            }
            if (k == 0) { Status = "converged (no free direction)"; return (fx, true); }
            double edm = Solve(k);
            if (double.IsNaN(edm)) { Status = "no positive-definite damped Hessian"; return (fx, false); }
            if (edm < _tolerance)
            {
                if (UnpinWhereDescending(fx)) continue;
                Status = "converged"; return (fx, true);
            }
            double alpha = 1, fn = double.PositiveInfinity;
            bool accepted = false;
            for (int ls = 0; ls < 30; ls++)
            {
                double decrease = 0;
                _x.AsSpan().CopyTo(_xn);
                for (int a = 0; a < k; a++)
                {
                    int i = _idx[a];
                    _xn[i] = Math.Clamp(_x[i] + alpha * _d[a], _lo[i], _hi[i]);
                    decrease += _g[i] * (_xn[i] - _x[i]);
                }
                fn = _f.Value(_xn); Evaluations++;
                if (fn <= fx + 1e-4 * decrease) { accepted = true; break; }
                alpha *= 0.3;
            }
            if (!accepted)
            {
                // No decrease along a descent direction: at the numerical floor, or on a kink of a piecewise interpolation
                // (a linear template's knot, code-1 normsys at 0) where the one-sided gradient lies. Hold the parameters whose
                // step in the Newton direction goes uphill and descend in the others; released when they can descend again.
                if (edm >= 1e3 * _tolerance && PinKinks(k, fx)) continue;
                bool minimum = edm < 1e3 * _tolerance || !UnpinWhereDescending(fx);
                Status = minimum ? "converged (no decrease in any direction)" : "line search failed";
                return (fx, minimum);
            }
            _xn.AsSpan().CopyTo(_x);
            double previous = fx;
            fx = _f.ValueGradientHessian(_x, _g, _h); Evaluations++;
            if (previous - fx < 1e-15 * (1 + Math.Abs(fx)) && edm < 1e3 * _tolerance) { Status = "converged (no further decrease)"; return (fx, true); }
        }
        Status = "maximum iterations reached";
        return (fx, false);
    }

    /// <summary>Pins every free parameter whose small step along the Newton direction raises the objective; true if any.</summary>
    private bool PinKinks(int k, double fx)
    {
        bool any = false;
        for (int a = 0; a < k; a++)
        {
            int i = _idx[a];
            if (_d[a] == 0) continue;
            double x0 = _x[i];
            _x[i] = Math.Clamp(x0 + Math.Sign(_d[a]) * 1e-7 * _scale[i], _lo[i], _hi[i]);
            double f = _f.Value(_x); Evaluations++;
            _x[i] = x0;
            if (f > fx) { _pinned[i] = true; any = true; }
        }
        return any;
    }

    /// <summary>Releases pinned parameters along which a small step lowers the objective; true if any was released.</summary>
    private bool UnpinWhereDescending(double fx)
    {
        bool any = false;
        double floor = fx - 1e-12 * (1 + Math.Abs(fx));
        for (int i = 0; i < _n; i++)
        {
            if (!_pinned[i]) continue;
            double x0 = _x[i];
            foreach (double sign in (ReadOnlySpan<double>)[1.0, -1.0])
            {
                _x[i] = Math.Clamp(x0 + sign * 1e-6 * _scale[i], _lo[i], _hi[i]);
                double f = _f.Value(_x); Evaluations++;
                _x[i] = x0;
                if (f < floor) { _pinned[i] = false; any = true; break; }
            }
        }
        return any;
    }

    /// <summary>Newton direction on the free set (written to _d), with Levenberg damping until the matrix is positive
    /// definite; returns the EDM ½ gᵀH⁻¹g (NaN if no damping works).</summary>
    private double Solve(int k)
    {
        for (double lambda = 0; lambda < 1e12; lambda = lambda == 0 ? 1e-10 : lambda * 100)
        {
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b <= a; b++) _m[a * k + b] = _h[_idx[a] * _n + _idx[b]];
                _m[a * k + a] *= 1 + lambda;
                _rhs[a] = -_g[_idx[a]];
            }
            if (!Cholesky(k)) continue;
            // Forward and back substitution: L y = rhs, Lᵀ d = y.
            for (int a = 0; a < k; a++)
            {
                double s = _rhs[a];
                for (int b = 0; b < a; b++) s -= _m[a * k + b] * _d[b];
                _d[a] = s / _m[a * k + a];
            }
            for (int a = k - 1; a >= 0; a--)
            {
                double s = _d[a];
                for (int b = a + 1; b < k; b++) s -= _m[b * k + a] * _d[b];
                _d[a] = s / _m[a * k + a];
            }
            double slope = 0;
            for (int a = 0; a < k; a++) slope += _g[_idx[a]] * _d[a];
            return Math.Max(0, -0.5 * slope);
        }
        return double.NaN;
    }

    /// <summary>In-place lower Cholesky factor of the k × k block of _m; false if not positive definite.</summary>
    private bool Cholesky(int k)
    {
        for (int j = 0; j < k; j++)
        {
            double s = _m[j * k + j];
            for (int p = 0; p < j; p++) s -= _m[j * k + p] * _m[j * k + p];
            if (!(s > 0)) return false;
            double l = Math.Sqrt(s);
            _m[j * k + j] = l;
            for (int i = j + 1; i < k; i++)
            {
                double t = _m[i * k + j];
                for (int p = 0; p < j; p++) t -= _m[i * k + p] * _m[j * k + p];
                _m[i * k + j] = t / l;
            }
        }
        return true;
    }

    /// <summary>At a minimum, tries steps along every free parameter whose Hessian entry vanishes (zero gradient and zero
    /// Gauss–Newton curvature, as μ = 0 of a μ² signal); moves to the lowest value found. False when none is lower.</summary>
    private bool EscapeSaddle(ref double fx)
    {
        int bestJ = -1; double bestF = fx, bestV = 0;
        for (int j = 0; j < _n; j++)
        {
            if (_fixed[j] || _h[j * _n + j] > 1e-14 / (_scale[j] * _scale[j])) continue;
            double x0 = _x[j];
            foreach (double sign in (ReadOnlySpan<double>)[1.0, -1.0])
                for (double step = 0.1 * _scale[j]; step <= 10 * _scale[j]; step *= 3)
                {
                    double v = Math.Clamp(x0 + sign * step, _lo[j], _hi[j]);
                    if (v == x0) break;
                    _x[j] = v;
                    double ft = _f.Value(_x); Evaluations++;
                    if (ft < bestF - 1e-9 * (1 + Math.Abs(fx))) { bestF = ft; bestJ = j; bestV = v; }
                }
            _x[j] = x0;
        }
        if (bestJ < 0) return false;
        _x[bestJ] = bestV; fx = bestF;
        return true;
    }
}
