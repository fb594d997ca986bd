using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>The hybrid (Cousins–Highland, NIM A 320 (1992) 331) CLs: the p-values average over the nuisance parameters' priors.
/// Each toy draws the constrained nuisances from their Gaussian constraints (truncated to the bounds), free parameters other
/// than the parameter of interest at their conditional fit to the data, then Poisson counts; the auxiliary measurements stay
/// at their observed values. The test statistic is q_μ or q̃_μ of <see cref="HypothesisTest"/>.</summary>
public static class HybridCls
{
    /// <summary>Hybrid CLs at <paramref name="value"/>.</summary>
    /// <param name="likelihood">The measurement (Poisson statistic).</param>
    /// <param name="parameter">Parameter of interest.</param>
    /// <param name="value">Tested value.</param>
    /// <param name="statistic">q_μ or q̃_μ.</param>
    /// <param name="options">Toy settings.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static HypothesisTestResult Test(BinnedLikelihood likelihood, string parameter, double value,
        HypothesisStatistic statistic = HypothesisStatistic.QMuTilde, HypothesisToyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        if (statistic == HypothesisStatistic.Q0) throw new ArgumentException("Hybrid CLs tests an upper limit: use q_μ or q̃_μ.", nameof(statistic));
        if (likelihood.Statistic.Kind != TestStatisticKind.PoissonLikelihoodRatio)
            throw new NotSupportedException("Hybrid CLs draws Poisson counts; the measurement must use the Poisson statistic.");
        var o = options ?? new HypothesisToyOptions();
        if (o.Toys < 1) throw new ArgumentOutOfRangeException(nameof(options), o.Toys, "Hybrid CLs needs at least one toy.");
        var pars = likelihood.Parameters;
        int k = ProfileLikelihood.IndexOf(likelihood, parameter);
        var poi = pars[k];
        if (!double.IsFinite(value) || value < poi.Lower || value > poi.Upper)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The tested value of '{parameter}' must lie inside its bounds.");
        double mu0 = Math.Clamp(0.0, poi.Lower, poi.Upper);
        var dataFitter = new Minimizer(new MinimizerOptions { ComputeCovariance = false });
        foreach (var p in pars)
            if (p.Constraint is not null && p.ConstraintKind != Model.ConstraintKind.Gaussian)
                throw new NotSupportedException($"Parameter '{p.Name}' has a {p.ConstraintKind} constraint; hybrid CLs draws nuisances from Gaussian priors only.");
        var toyFitter = new Minimizer(o.Minimizer);
        var data = HypothesisTest.Evaluate(likelihood, k, parameter, value, mu0, statistic, dataFitter);

        int ensembles = 0;
        double[] Ensemble(double truthMu, int hypothesis)
        {
            var progress = OrderedProgress.For(o.Progress, o.Toys, static _ => 1, (long)ensembles++ * o.Toys, 2L * o.Toys, static (d, t) => new ToyProgress(d, t));
            var conditional = dataFitter.MinimizeFromStarts(likelihood, [data.Global.Values], HypothesisTest.Fix(parameter, truthMu)).Values;
            var stats = new double[o.Toys];
            Parallel.For(0, o.Toys, new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
            {
                var rng = new ToyRandom(o.Seed, 100 + hypothesis, i);
                var truth = (double[])conditional.Clone();
                for (int j = 0; j < pars.Count; j++)
                {
                    if (j == k || pars[j].Constraint is not { } c) continue;
                    double v; int tries = 0;
                    do v = c.Centre + c.Sigma * Normal.Sample(rng, 0, 1);
                    while ((v < pars[j].Lower || v > pars[j].Upper) && ++tries < 1000);
                    truth[j] = Math.Clamp(v, pars[j].Lower, pars[j].Upper);
                }
                var m = new double[likelihood.Model.BinCount];
                likelihood.Model.Predict(truth, m);
                var counts = m.Select(x => x > 0 ? (double)Poisson.Sample(rng, x) : 0.0).ToArray();
                var toy = likelihood.WithData(counts); // auxiliary measurements at their declared (observed) centres
                stats[i] = HypothesisTest.Evaluate(toy, k, parameter, value, mu0, statistic, toyFitter, conditional).Q;
                progress?.Complete(i);
            });
            Array.Sort(stats);
            return stats;
        }
        double Tail(double[] sorted, double q) => (double)sorted.Count(x => x >= q - o.TieTolerance) / sorted.Length;
        double Quantile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var sb = Ensemble(value, 1);
        var b = Ensemble(mu0, 0);
        double clsb = Tail(sb, data.Q), clb = Tail(b, data.Q);
        var expected = new double[5];
        for (int i = 0; i < 5; i++)
        {
            double qn = Quantile(b, Normal.CDF(0, 1, 2 - i));
            double eb = Tail(b, qn);
            expected[i] = eb > 0 ? Tail(sb, qn) / eb : 1;
        }
        return new HypothesisTestResult(parameter, value, statistic, data.Q, double.NaN, clsb, clb, clb > 0 ? clsb / clb : 1, expected, data.MuHat, o.Toys);
    }
}
