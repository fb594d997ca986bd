using System;
using System.Collections.Generic;
using System.Globalization;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>A single-bin (counting) experiment, as the technote's section 4.1 and the earlier NOvA result it quotes
/// (25 observed, 23.78 expected, 10.9 % systematic on the background): n ~ Poisson(s + b·(1 + δ·θ)), θ ~ N(0, 1),
/// signal count s ≥ 0 is the parameter of interest.</summary>
public sealed class CountingExperiment
{
    /// <summary>Name of the signal-count parameter.</summary>
    public const string SignalParameter = "s";
    /// <summary>Name of the background-normalisation nuisance parameter (in σ).</summary>
    public const string BackgroundParameter = "background_norm";

    /// <summary>Creates the experiment.</summary>
    /// <param name="observed">Observed count n ≥ 0.</param>
    /// <param name="expectedBackground">Expected background b (events), finite and &gt; 0.</param>
    /// <param name="backgroundFractionalUncertainty">Gaussian fractional uncertainty δ on b (0.109 for 10.9 %); 0 for a known background.</param>
    /// <param name="maximumSignal">Upper bound of s (events); defaults to a value far above any limit.</param>
    public CountingExperiment(int observed, double expectedBackground, double backgroundFractionalUncertainty, double? maximumSignal = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        if (!double.IsFinite(expectedBackground) || expectedBackground <= 0)
            throw new ArgumentOutOfRangeException(nameof(expectedBackground), expectedBackground, "Expected background must be finite and > 0.");
        if (!double.IsFinite(backgroundFractionalUncertainty) || backgroundFractionalUncertainty < 0 || backgroundFractionalUncertainty >= 1)
            throw new ArgumentOutOfRangeException(nameof(backgroundFractionalUncertainty), backgroundFractionalUncertainty, "Fractional background uncertainty must be in [0, 1).");
        Observed = observed; ExpectedBackground = expectedBackground; BackgroundUncertainty = backgroundFractionalUncertainty;
        double smax = maximumSignal ?? 10 * (observed + 10 + 5 * Math.Sqrt(observed + 1));
        var pars = new List<FitParameter> { new(SignalParameter, Math.Max(0, observed - expectedBackground) + 0.1, 0, smax, scale: Math.Sqrt(observed + 1), unit: "events") };
        var norms = new List<NormalizationSystematic>();
        if (backgroundFractionalUncertainty > 0)
        {
            // Bound θ so that the background stays positive (b·(1 + δθ) > 0).
            double lim = Math.Min(5, 0.999 / backgroundFractionalUncertainty);
            pars.Add(new FitParameter(BackgroundParameter, 0, -lim, lim, new GaussianConstraint(0, 1), 1, "σ"));
            norms.Add(new NormalizationSystematic(BackgroundParameter, ["background"], backgroundFractionalUncertainty));
        }
        var model = new PredictionModel(
            [new PredictionComponent("signal", [1.0], ComponentScale.Linear(SignalParameter)),
             new PredictionComponent("background", [expectedBackground])],
            pars, null, norms);
        Likelihood = new BinnedLikelihood(model, [observed], TestStatistic.Poisson());
    }

    /// <summary>Observed count.</summary>
    public int Observed { get; }
    /// <summary>Expected background (events).</summary>
    public double ExpectedBackground { get; }
    /// <summary>Fractional background uncertainty.</summary>
    public double BackgroundUncertainty { get; }
    /// <summary>The one-bin Poisson likelihood with the background pull term.</summary>
    public BinnedLikelihood Likelihood { get; }

    /// <summary>Profile-likelihood upper limit on s (one-sided Δχ² crossing, s ≥ 0).</summary>
    /// <param name="confidenceLevel">Confidence level.</param>
    public UpperLimitResult ProfileUpperLimit(double confidenceLevel = 0.9) =>
        ProfileLikelihood.UpperLimit(Likelihood, SignalParameter, confidenceLevel);

    /// <summary>Asymptotic CLs upper limit on s with its expected band.</summary>
    /// <param name="confidenceLevel">Confidence level.</param>
    public ClsLimit ClsUpperLimit(double confidenceLevel = 0.9) => AsymptoticCls.UpperLimit(Likelihood, SignalParameter, confidenceLevel);

    /// <summary>Feldman–Cousins interval on s by toys over the given grid of s values (events).</summary>
    /// <param name="points">Increasing grid of s values.</param>
    /// <param name="options">Toy settings.</param>
    public FeldmanCousinsResult FeldmanCousins(IReadOnlyList<double> points, FeldmanCousinsOptions? options = null) =>
        Inference.FeldmanCousins.Run(Likelihood, SignalParameter, points, options);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"counting experiment: n = {Observed}, b = {ExpectedBackground} ± {BackgroundUncertainty * 100}%");
}
