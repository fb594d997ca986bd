using System;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.Likelihood;

/// <summary>A <see cref="BinnedLikelihood"/> on replaceable data with analytic derivatives, for fitting many toys fast:
/// the data and auxiliary centres live in buffers that <see cref="Generate"/> overwrites, the gradient comes from the
/// model's analytic Jacobian, and the Hessian is the Gauss–Newton form Σ_b w_b J_b J_bᵀ plus the constraint curvatures
/// (w_b = 2d_b/m_b² for the Poisson statistic, the exact Hessian of a model linear in its parameters; 2/σ_b² for a
/// diagonal χ²). Not thread-safe: one kernel per thread. No allocation after construction.</summary>
internal sealed class BinnedToyKernel : IDifferentiableObjective
{
    private readonly BinnedLikelihood _source;
    private readonly PredictionModel _model;
    private readonly int _nb, _np;
    private readonly bool _poisson, _neyman;
    private readonly double[] _observed, _variance, _centres, _expected, _jacobian, _scratch, _gradM, _weight;
    private readonly int[] _constrained;
    private readonly ConstraintTerm[] _terms;

    private BinnedToyKernel(BinnedLikelihood source)
    {
        _source = source;
        _model = source.Model;
        _nb = _model.BinCount; _np = _model.Parameters.Count;
        _poisson = source.Statistic.Kind == TestStatisticKind.PoissonLikelihoodRatio;
        _neyman = !_poisson && source.Statistic.Errors == ChiSquareErrors.Neyman;
        _observed = new double[_nb]; _variance = new double[_nb]; _expected = new double[_nb];
        _jacobian = new double[_np * _nb]; _scratch = new double[_model.JacobianScratchLength];
        _gradM = new double[_nb]; _weight = new double[_nb];
        var (indices, terms, centres) = source.Constraints;
        _constrained = indices; _terms = terms; _centres = (double[])centres.Clone();
        for (int b = 0; b < _nb; b++) _observed[b] = source.Observed[b];
        if (!_poisson && !_neyman)
            for (int b = 0; b < _nb; b++) _variance[b] = source.Statistic.FixedErrors![b] * source.Statistic.FixedErrors[b];
        UpdateVariance();
    }

    /// <summary>A kernel for <paramref name="likelihood"/>, or null when its statistic is not covered (covariance χ², Pearson
    /// χ², analytic Barlow–Beeston-lite MC statistics): those fall back to the general minimiser.</summary>
    public static BinnedToyKernel? TryCreate(BinnedLikelihood likelihood)
    {
        if (likelihood.McStatistics) return null;
        var st = likelihood.Statistic;
        bool ok = st.Kind == TestStatisticKind.PoissonLikelihoodRatio
            || (st.Kind == TestStatisticKind.ChiSquareDiagonal && st.Errors is ChiSquareErrors.Neyman or ChiSquareErrors.Fixed);
        return ok ? new BinnedToyKernel(likelihood) : null;
    }

    public int Count => _np;

    /// <summary>Replaces the data by a pseudo-experiment at <paramref name="truth"/>, drawing exactly what
    /// <see cref="BinnedLikelihood.GenerateToy"/> draws from the same stream.</summary>
    public void Generate(Random random, ReadOnlySpan<double> truth)
    {
        _model.Predict(truth, _expected);
        _source.DrawToy(random, truth, _expected, _observed, _centres);
        UpdateVariance();
    }

    private void UpdateVariance()
    {
        if (_neyman) for (int b = 0; b < _nb; b++) _variance[b] = _observed[b] > 0 ? _observed[b] : 1.0;
    }

    public double Value(ReadOnlySpan<double> x)
    {
        _model.Predict(x, _expected);
        double chi2 = 0;
        if (_poisson) for (int b = 0; b < _nb; b++) chi2 += BinnedLikelihood.PoissonTerm(_observed[b], _expected[b]);
        else for (int b = 0; b < _nb; b++) { double r = _observed[b] - _expected[b]; chi2 += r * r / _variance[b]; }
        for (int k = 0; k < _constrained.Length; k++) chi2 += _terms[k].Chi2(x[_constrained[k]], _centres[k]);
        return chi2;
    }

    public double ValueGradientHessian(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian)
    {
        _model.PredictWithJacobian(x, _expected, _jacobian, _scratch);
        double chi2 = 0;
        for (int b = 0; b < _nb; b++)
        {
            double d = _observed[b], m = _expected[b];
            if (_poisson)
            {
                chi2 += BinnedLikelihood.PoissonTerm(d, m);
                if (d <= 0) { _gradM[b] = m > 0 ? 2 : 0; _weight[b] = m > 0 ? 2 / m : 0; }
                else if (m > 1e-12) { _gradM[b] = 2 * (1 - d / m); _weight[b] = 2 * d / (m * m); }
                else { _gradM[b] = 0; _weight[b] = 0; } // floored prediction: flat
            }
            else
            {
                double r = d - m;
                chi2 += r * r / _variance[b];
                _gradM[b] = -2 * r / _variance[b];
                _weight[b] = 2 / _variance[b];
            }
        }
        int nb = _nb, np = _np;
        for (int i = 0; i < np; i++)
        {
            var ji = _jacobian.AsSpan(i * nb, nb);
            double g = 0;
            for (int b = 0; b < nb; b++) g += _gradM[b] * ji[b];
            gradient[i] = g;
            for (int j = 0; j <= i; j++)
            {
                var jj = _jacobian.AsSpan(j * nb, nb);
                double h = 0;
                for (int b = 0; b < nb; b++) h += _weight[b] * ji[b] * jj[b];
                hessian[i * np + j] = h;
                hessian[j * np + i] = h;
            }
        }
        for (int k = 0; k < _constrained.Length; k++)
        {
            int i = _constrained[k];
            chi2 += _terms[k].Chi2(x[i], _centres[k], out double g, out double c);
            gradient[i] += g;
            hessian[i * np + i] += c;
        }
        return chi2;
    }
}
