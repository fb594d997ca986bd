using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.Likelihood;

/// <summary>A binned measurement: a prediction model, observed counts and a test statistic, with a constraint term for
/// every constrained parameter (Gaussian pull ((θ − centre)/σ)², Poisson or log-normal: <see cref="ConstraintKind"/>). Optionally includes the MC statistical uncertainty of the
/// templates by Barlow–Beeston-lite: one factor β_b per bin multiplying the total prediction, constrained by the
/// relative MC error of that bin and profiled analytically (closed form) inside every evaluation.</summary>
public sealed class BinnedLikelihood : IGenerativeObjective
{
    private readonly double[] _observed;
    private readonly double[] _centres;
    private readonly ConstraintTerm[] _terms;
    private readonly int[] _constrained;
    private readonly Cholesky<double>? _cholesky;
    private readonly double[] _variance; // diagonal χ² (Neyman / fixed)

    /// <summary>Creates the measurement.</summary>
    /// <param name="model">The prediction.</param>
    /// <param name="observed">Observed counts per bin (events; finite and ≥ 0; non-integer allowed, e.g. Asimov data). With a fixed-error or
    /// covariance χ² the values are Gaussian measurements and may be negative.</param>
    /// <param name="statistic">Test statistic (Poisson if null).</param>
    /// <param name="mcStatistics">Include the templates' MC statistical uncertainty (Barlow–Beeston-lite); needs sumW2 on the components.</param>
    /// <param name="constraintCentres">Centres of the Gaussian constraints, one per model parameter (ignored for
    /// unconstrained ones); defaults to the declared centres. Toy experiments fluctuate these.</param>
    public BinnedLikelihood(PredictionModel model, ReadOnlySpan<double> observed, TestStatistic? statistic = null, bool mcStatistics = false,
        ReadOnlySpan<double> constraintCentres = default)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Statistic = statistic ?? TestStatistic.Poisson();
        if (observed.Length != model.BinCount)
            throw new ArgumentException($"Observed data have {observed.Length} bins but the prediction has {model.BinCount}.", nameof(observed));
        _observed = observed.ToArray();
        // A Gaussian measurement (χ² with fixed errors or a covariance) may be negative, as FC98's x₀ < 0; counts may not.
        bool gaussian = Statistic.Kind == TestStatisticKind.ChiSquareCovariance
            || (Statistic.Kind == TestStatisticKind.ChiSquareDiagonal && Statistic.Errors == ChiSquareErrors.Fixed);
        for (int b = 0; b < _observed.Length; b++)
            if (!double.IsFinite(_observed[b]) || (!gaussian && _observed[b] < 0))
                throw new ArgumentException($"Observed count in bin {b} is {_observed[b].ToString("R", CultureInfo.InvariantCulture)}; " +
                    (gaussian ? "values must be finite." : "counts must be finite and ≥ 0 (negative values are allowed only with a fixed-error or covariance χ²)."), nameof(observed));
        McStatistics = mcStatistics;
        if (mcStatistics && Statistic.Kind == TestStatisticKind.ChiSquareCovariance)
            throw new ArgumentException("Barlow–Beeston-lite MC statistics are supported with the Poisson and diagonal χ² statistics, not with a covariance matrix.", nameof(mcStatistics));

        var pars = model.Parameters;
        _constrained = Enumerable.Range(0, pars.Count).Where(i => pars[i].Constraint is not null).ToArray();
        _terms = _constrained.Select(i => new ConstraintTerm(pars[i])).ToArray();
        if (constraintCentres.IsEmpty) _centres = _constrained.Select(i => pars[i].Constraint!.Value.Centre).ToArray();
        else
        {
            if (constraintCentres.Length != pars.Count)
                throw new ArgumentException($"Expected {pars.Count} constraint centres (one per parameter), got {constraintCentres.Length}.", nameof(constraintCentres));
            var cc = constraintCentres.ToArray();
            _centres = _constrained.Select(i => cc[i]).ToArray();
        }

        _variance = new double[model.BinCount];
        if (Statistic.Kind == TestStatisticKind.ChiSquareDiagonal)
        {
            if (Statistic.Errors == ChiSquareErrors.Fixed)
            {
                if (Statistic.FixedErrors!.Length != model.BinCount)
                    throw new ArgumentException($"χ² fixed errors have {Statistic.FixedErrors.Length} bins but the prediction has {model.BinCount}.", nameof(statistic));
                for (int b = 0; b < _variance.Length; b++) _variance[b] = Statistic.FixedErrors[b] * Statistic.FixedErrors[b];
            }
            else for (int b = 0; b < _variance.Length; b++) _variance[b] = _observed[b] > 0 ? _observed[b] : 1.0;
        }
        else if (Statistic.Kind == TestStatisticKind.ChiSquareCovariance)
        {
            var cov = Statistic.Covariance!;
            if (cov.GetLength(0) != model.BinCount)
                throw new ArgumentException($"Covariance is {cov.GetLength(0)}×{cov.GetLength(0)} but the prediction has {model.BinCount} bins.", nameof(statistic));
            var m = Matrix<double>.Build.DenseOfArray(cov);
            if (Statistic.AddDataStatistical) for (int b = 0; b < model.BinCount; b++) m[b, b] += _observed[b];
            try { _cholesky = m.Cholesky(); }
            catch (ArgumentException e) { throw new ArgumentException("The χ² covariance matrix is not positive definite.", nameof(statistic), e); }
        }
    }

    /// <summary>The prediction model.</summary>
    public PredictionModel Model { get; }
    /// <summary>The test statistic.</summary>
    public TestStatistic Statistic { get; }
    /// <summary>Whether the MC statistical uncertainty is included (Barlow–Beeston-lite).</summary>
    public bool McStatistics { get; }
    /// <summary>Observed counts (a copy).</summary>
    public IReadOnlyList<double> Observed => _observed;
    /// <inheritdoc/>
    public IReadOnlyList<FitParameter> Parameters => Model.Parameters;

    /// <summary>The same measurement with other observed counts and constraint centres (toys, Asimov data).</summary>
    /// <param name="observed">Observed counts per bin.</param>
    /// <param name="constraintCentres">One centre per parameter, or empty for the declared centres.</param>
    public BinnedLikelihood WithData(ReadOnlySpan<double> observed, ReadOnlySpan<double> constraintCentres = default) =>
        new(Model, observed, Statistic, McStatistics, constraintCentres);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> parameters)
    {
        int n = Model.BinCount;
        Span<double> m = n <= 512 ? stackalloc double[n] : new double[n];
        Span<double> mcVar = McStatistics ? (n <= 512 ? stackalloc double[n] : new double[n]) : default;
        Model.Predict(parameters, m, mcVar);
        double chi2 = 0;
        switch (Statistic.Kind)
        {
            case TestStatisticKind.PoissonLikelihoodRatio:
                for (int b = 0; b < n; b++)
                {
                    double d = _observed[b], mb = m[b];
                    if (McStatistics && mcVar[b] > 0 && mb > 0)
                    {
                        double s2 = mcVar[b] / (mb * mb), q = mb * s2 - 1;
                        double beta = 0.5 * (-q + Math.Sqrt(q * q + 4 * d * s2));
                        chi2 += (beta - 1) * (beta - 1) / s2;
                        mb *= beta;
                    }
                    chi2 += PoissonTerm(d, mb);
                }
                break;
            case TestStatisticKind.ChiSquareDiagonal:
                for (int b = 0; b < n; b++)
                {
                    double d = _observed[b], mb = m[b];
                    double v = Statistic.Errors == ChiSquareErrors.Pearson ? Math.Max(mb, 1e-12) : _variance[b];
                    if (McStatistics && mcVar[b] > 0 && mb > 0)
                    {
                        double s2 = mcVar[b] / (mb * mb);
                        double beta = (d * mb / v + 1 / s2) / (mb * mb / v + 1 / s2);
                        chi2 += (beta - 1) * (beta - 1) / s2;
                        mb *= beta;
                    }
                    double r = d - mb;
                    chi2 += r * r / v;
                }
                break;
            default:
                {
                    var r = Vector<double>.Build.Dense(n);
                    for (int b = 0; b < n; b++) r[b] = _observed[b] - m[b];
                    chi2 = r.DotProduct(_cholesky!.Solve(r));
                    break;
                }
        }
        for (int k = 0; k < _constrained.Length; k++) chi2 += _terms[k].Chi2(parameters[_constrained[k]], _centres[k]);
        return chi2;
    }

    /// <summary>2 [m − d + d ln(d/m)]; m is floored at 1e-12 events so that an empty prediction under data is a large finite penalty.</summary>
    internal static double PoissonTerm(double d, double m)
    {
        if (d <= 0) return 2 * Math.Max(m, 0);
        m = Math.Max(m, 1e-12);
        return 2 * (m - d + d * Math.Log(d / m));
    }

    /// <summary>The Asimov data set: observed = expected at <paramref name="parameters"/>; constraint centres at the parameter values.</summary>
    /// <param name="parameters">Parameter values defining the expectation.</param>
    public BinnedLikelihood Asimov(ReadOnlySpan<double> parameters)
    {
        var m = new double[Model.BinCount];
        Model.Predict(parameters, m);
        return WithData(m, parameters);
    }

    /// <summary>A pseudo-experiment drawn at <paramref name="truth"/>: Poisson counts per bin (Gaussian with the fixed errors
    /// for a fixed-error χ², multivariate Gaussian for a covariance χ²), and each constraint centre drawn from its auxiliary
    /// measurement at the truth (N(truth, σ) for a Gaussian constraint; see <see cref="ConstraintKind"/>), so the
    /// ensemble is fully frequentist.</summary>
    /// <param name="random">Random source (use <see cref="Inference.ToyRandom"/> for reproducible streams).</param>
    /// <param name="truth">True parameter values.</param>
    public BinnedLikelihood GenerateToy(Random random, ReadOnlySpan<double> truth)
    {
        var m = new double[Model.BinCount];
        Model.Predict(truth, m);
        var toy = new double[Model.BinCount];
        var centres = truth.ToArray();
        Span<double> constrainedCentres = _constrained.Length <= 256 ? stackalloc double[_constrained.Length] : new double[_constrained.Length];
        DrawToy(random, truth, m, toy, constrainedCentres);
        for (int k = 0; k < _constrained.Length; k++) centres[_constrained[k]] = constrainedCentres[k];
        return WithData(toy, centres);
    }

    /// <summary>Draws a pseudo-experiment's counts and auxiliary centres (one per constrained parameter, in order) for
    /// expectation <paramref name="expected"/> at <paramref name="truth"/>. The one place that defines the order of random
    /// draws, shared with the toy kernel so both give the same toys from the same stream.</summary>
    internal void DrawToy(Random random, ReadOnlySpan<double> truth, ReadOnlySpan<double> expected, Span<double> counts, Span<double> centres)
    {
        int n = expected.Length;
        if (Statistic.Kind == TestStatisticKind.ChiSquareDiagonal && Statistic.Errors == ChiSquareErrors.Fixed)
            for (int b = 0; b < n; b++) counts[b] = expected[b] + Statistic.FixedErrors![b] * Normal.Sample(random, 0, 1);
        else if (Statistic.Kind == TestStatisticKind.ChiSquareCovariance) DrawCorrelated(random, expected, counts);
        else
            for (int b = 0; b < n; b++) counts[b] = expected[b] > 0 ? MathNet.Numerics.Distributions.Poisson.Sample(random, expected[b]) : 0;
        for (int k = 0; k < _constrained.Length; k++) centres[k] = _terms[k].SampleCentre(random, truth[_constrained[k]]);
    }

    // A separate method: its lambda's closure would otherwise be allocated on every DrawToy call.
    private void DrawCorrelated(Random random, ReadOnlySpan<double> expected, Span<double> counts)
    {
        int n = expected.Length;
        var cov = Matrix<double>.Build.DenseOfArray(Statistic.Covariance!);
        if (Statistic.AddDataStatistical) for (int b = 0; b < n; b++) cov[b, b] += expected[b];
        var l = cov.Cholesky().Factor;
        var z = Vector<double>.Build.Dense(n, _ => Normal.Sample(random, 0, 1));
        var shift = l * z;
        for (int b = 0; b < n; b++) counts[b] = expected[b] + shift[b];
    }

    /// <summary>Indices of the constrained parameters, their terms and their centres on this data set (for the toy kernel).</summary>
    internal (int[] Indices, ConstraintTerm[] Terms, double[] Centres) Constraints => (_constrained, _terms, _centres);

    /// <inheritdoc/>
    IGenerativeObjective IGenerativeObjective.AsimovAt(ReadOnlySpan<double> parameters) => Asimov(parameters);

    /// <inheritdoc/>
    IGenerativeObjective IGenerativeObjective.Toy(Random random, ReadOnlySpan<double> truth) => GenerateToy(random, truth);
}
