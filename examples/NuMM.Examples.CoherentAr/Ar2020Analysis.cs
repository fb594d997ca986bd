using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Examples.CoherentAr;

/// <summary>Published numbers of Analysis A (Akimov et al., PRL 126, 012002 (2021); the release's YAML).</summary>
public static class Ar2020Published
{
    /// <summary>Predicted CEvNS events, 128 ± 17.</summary>
    public const double PredictedCevns = 128, PredictedCevnsError = 17;
    /// <summary>Fitted CEvNS events, 159 ± 43 (stat).</summary>
    public const double FittedCevns = 159, FittedCevnsError = 43;
    /// <summary>Fitted prompt BRN 553 ± 34, delayed BRN 10 ± 11, steady state 3131 ± 23.</summary>
    public const double FittedBrn = 553, FittedBrnError = 34, FittedDelayedBrn = 10, FittedDelayedBrnError = 11, FittedSs = 3131, FittedSsError = 23;
    /// <summary>Predicted prompt BRN 497 ± 160, delayed BRN 33 ± 33, steady state 3154 ± 25 (the constraints).</summary>
    public const double PredictedBrn = 497, PredictedBrnError = 160, PredictedDelayedBrn = 33, PredictedDelayedBrnError = 33, PredictedSs = 3154, PredictedSsError = 25;
}

/// <summary>The 3-D (energy × F90 × time, 960 bins) Poisson fit of the beam-on data with the released pdfs: CEvNS with a
/// free strength, prompt and delayed beam-related neutrons and the steady-state background with Gaussian constraints at
/// their predictions, and the released shape variations as template systematics (unit-Gaussian nuisances).</summary>
public sealed class Ar2020Analysis
{
    /// <summary>Parameter names.</summary>
    public const string Cevns = "cevns", Brn = "brn", DelayedBrn = "delbrn", SteadyState = "ss";

    /// <summary>Creates the analysis.</summary>
    /// <param name="release">The release.</param>
    public Ar2020Analysis(Ar2020Release release) => Release = release ?? throw new ArgumentNullException(nameof(release));

    /// <summary>The release.</summary>
    public Ar2020Release Release { get; }

    /// <summary>The prediction model.</summary>
    /// <param name="withShapeSystematics">Include the released pdf variations.</param>
    public PredictionModel Model(bool withShapeSystematics = true)
    {
        var p = Release.Pdfs;
        var components = new[]
        {
            new PredictionComponent("CEvNS", p["cevns"], ComponentScale.Linear(Cevns)),
            new PredictionComponent("prompt BRN", p["brn"], ComponentScale.Linear(Brn)),
            new PredictionComponent("delayed BRN", p["delbrn"], ComponentScale.Linear(DelayedBrn)),
            new PredictionComponent("steady state", p["ss"], ComponentScale.Linear(SteadyState)),
        };
        // Each normalisation in units of its prediction; constraints are the release's prediction uncertainties.
        var parameters = new[]
        {
            new FitParameter(Cevns, 1.0, 0.0, 5.0, scale: 0.3, unit: "× 128"),
            new FitParameter(Brn, 1.0, 0.0, 5.0, new GaussianConstraint(1.0, Ar2020Published.PredictedBrnError / Ar2020Published.PredictedBrn), 0.1, "× 497"),
            new FitParameter(DelayedBrn, 1.0, 0.0, 6.0, new GaussianConstraint(1.0, Ar2020Published.PredictedDelayedBrnError / Ar2020Published.PredictedDelayedBrn), 0.3, "× 33"),
            new FitParameter(SteadyState, 1.0, 0.5, 1.5, new GaussianConstraint(1.0, Ar2020Published.PredictedSsError / Ar2020Published.PredictedSs), 0.01, "× 3154"),
        };
        var v = Release.Variations;
        var templates = !withShapeSystematics ? [] : new[]
        {
            new TemplateSystematic("cevns_f90").AddShift("CEvNS", 1, v["cevnspdf+1sigF90"]).AddShift("CEvNS", -1, v["cevnspdf-1sigF90"]),
            new TemplateSystematic("cevns_timing_mean").AddShift("CEvNS", 1, v["cevnspdfCEvNSTimingMeanSyst"]),
            new TemplateSystematic("brn_energy").AddShift("prompt BRN", 1, v["brnpdf+1sigEnergy"]).AddShift("prompt BRN", -1, v["brnpdf-1sigEnergy"]),
            new TemplateSystematic("brn_timing_mean").AddShift("prompt BRN", 1, v["brnpdf+1sigBRNTimingMean"]).AddShift("prompt BRN", -1, v["brnpdf-1sigBRNTimingMean"]),
            new TemplateSystematic("brn_timing_width").AddShift("prompt BRN", 1, v["brnpdfBRNTimingWidthSyst"]),
        };
        return new PredictionModel(components, parameters, templates);
    }

    /// <summary>Fits the data; returns the fit and the model.</summary>
    /// <param name="withShapeSystematics">Include the released pdf variations.</param>
    public (FitResult Fit, PredictionModel Model) Fit(bool withShapeSystematics = true)
    {
        var model = Model(withShapeSystematics);
        return (new Minimizer().Minimize(new BinnedLikelihood(model, Release.Data)), model);
    }

    /// <summary>Fitted events of a component (sum of its bins at the best fit, shape systematics included).</summary>
    /// <param name="model">The model.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="component">Component name.</param>
    public static double Events(PredictionModel model, FitResult fit, string component) => model.PredictComponent(component, fit.Values).Sum();
}
