using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Examples.CoherentCsI;

/// <summary>Published numbers this example is compared with.</summary>
public static class Csi2017Published
{
    /// <summary>SM CEvNS expectation, 173 ± 48 events (Akimov et al., Science 357, 1123 (2017)).</summary>
    public const double SmExpectation = 173, SmExpectationError = 48;
    /// <summary>Significance of the observation, 6.7σ (same paper, abstract).</summary>
    public const double ObservationSigma = 6.7;
    /// <summary>Fitted CEvNS count, 134 ± 22 events (same paper).</summary>
    public const double FittedCount = 134, FittedCountError = 22;
    /// <summary>Fractional uncertainty of the SM prediction, 48/173 = 28 % (flux 10 %, QF 25 %, form factor 5 %,
    /// acceptance 5 % in quadrature, per the paper); used as the signal-normalisation nuisance of the moment limits.</summary>
    public const double SmFractionalUncertainty = SmExpectationError / SmExpectation;

    /// <summary>Published 90 % CL limits on the moments from this data set (10⁻¹⁰ μ_B), with their sources.</summary>
    public static IReadOnlyList<PublishedMomentLimit> MomentLimits { get; } = [];
}

/// <summary>A published moment limit.</summary>
/// <param name="Moment">"μ_νe" or "μ_νμ".</param>
/// <param name="LimitE10">90 % CL upper limit in 10⁻¹⁰ μ_B.</param>
/// <param name="Source">Citation.</param>
public sealed record PublishedMomentLimit(string Moment, double LimitE10, string Source);

/// <summary>How a limit on one neutrino magnetic moment treats the other one.</summary>
public enum OtherMoment
{
    /// <summary>The other moment is 0 ("one at a time").</summary>
    AtZero,
    /// <summary>The other moment is profiled in μ ≥ 0 (marginalised limit).</summary>
    Profiled,
    /// <summary>Both moments free: the extent of their joint 90 % CL region (Δχ² = 4.605, two degrees of freedom).</summary>
    JointRegion,
}

/// <summary>The binned Poisson fit of the 2017 release. Bins: the 25 × 24 PE × time grid of the coincidence (C) window,
/// followed by the same grid of the anti-coincidence (AC) window, both beam on (1200 bins). Components:
/// <list type="bullet">
/// <item>CEvNS from the three beam flavours (in C only), each with its arrival-time pdf;</item>
/// <item>prompt beam neutrons (in C only): the release's spectrum × exposure × acceptance, 25 % normalisation nuisance;</item>
/// <item>steady-state background, identical in C and AC: one free normalisation per 2-PE row (data-driven PE shape)
/// times a fixed time shape taken from the pooled steady-state samples (AC beam-on, C and AC beam-off).</item>
/// </list>
/// The magnetic-moment components add the μ² terms per flavour: the prompt ν_μ and delayed ν̄_μ scale with μ_νμ², the
/// delayed ν_e with μ_νe².</summary>
public sealed class Csi2017Analysis
{
    /// <summary>Reference moment of the magnetic templates: 10⁻¹⁰ μ_B, so the parameters mu_e, mu_mu are in 10⁻¹⁰ μ_B.</summary>
    public const double ReferenceMomentBohr = 1e-10;
    /// <summary>Names of the parameters.</summary>
    public const string Signal = "cevns", SignalNorm = "cevns_norm", NeutronNorm = "neutron_norm", MuE = "mu_e", MuMu = "mu_mu";

    private const int GridBins = Csi2017Release.PeBins * Csi2017Release.TimeBins;

    /// <summary>Builds every template from the release.</summary>
    /// <param name="release">The data release.</param>
    public Csi2017Analysis(Csi2017Release release)
    {
        Release = release ?? throw new ArgumentNullException(nameof(release));
        Prediction = new Csi2017Prediction(release.Parameters);
        foreach (var f in Enum.GetValues<SnsFlavour>())
        {
            var sm = Prediction.StandardModelPerPe(f);
            SmPerPe[f] = sm;
            SmAccepted[f] = Prediction.WithAcceptance(sm);
            MagneticAccepted[f] = Prediction.WithAcceptance(Prediction.MagneticPerPe(f, ReferenceMomentBohr));
        }
        var neutronsPerPe = release.PromptNeutronsPerGWhr.Select(n => n * release.Parameters.BeamExposureGWhr).ToArray();
        NeutronsAccepted = Prediction.WithAcceptance(neutronsPerPe);

        // Steady-state time shape: the pooled beam-unrelated samples, normalised to a mean of 1 per bin.
        var pooled = new double[Csi2017Release.TimeBins];
        foreach (var grid in new[] { release.AntiCoincidenceBeamOn, release.CoincidenceBeamOff, release.AntiCoincidenceBeamOff })
        {
            var t = Csi2017Release.TimeProjection(grid);
            for (int j = 0; j < t.Length; j++) pooled[j] += t[j];
        }
        double mean = pooled.Average();
        SteadyStateTimeShape = pooled.Select(v => v / mean).ToArray();
        // Starting PE shape: the AC beam-on row totals (the fit frees each row).
        SteadyStatePeStart = Csi2017Release.PeProjection(release.AntiCoincidenceBeamOn);
        Observed = [.. Csi2017Release.Flatten(release.CoincidenceBeamOn), .. Csi2017Release.Flatten(release.AntiCoincidenceBeamOn)];
    }

    /// <summary>The release.</summary>
    public Csi2017Release Release { get; }
    /// <summary>The physics prediction.</summary>
    public Csi2017Prediction Prediction { get; }
    /// <summary>SM CEvNS counts per 1-PE bin before acceptance, per flavour.</summary>
    public Dictionary<SnsFlavour, double[]> SmPerPe { get; } = [];
    /// <summary>SM CEvNS counts per 1-PE bin after acceptance, per flavour.</summary>
    public Dictionary<SnsFlavour, double[]> SmAccepted { get; } = [];
    /// <summary>Magnetic CEvNS counts per 1-PE bin after acceptance at 10⁻¹⁰ μ_B, per flavour.</summary>
    public Dictionary<SnsFlavour, double[]> MagneticAccepted { get; } = [];
    /// <summary>Prompt neutrons per 1-PE bin after acceptance for the data set's exposure.</summary>
    public double[] NeutronsAccepted { get; }
    /// <summary>Steady-state time shape (mean 1 per bin).</summary>
    public double[] SteadyStateTimeShape { get; }
    /// <summary>Steady-state counts per 2-PE row used as the starting point (AC beam-on).</summary>
    public double[] SteadyStatePeStart { get; }
    /// <summary>Observed counts: C grid then AC grid, PE-major.</summary>
    public double[] Observed { get; }

    /// <summary>SM CEvNS events after acceptance, all flavours, 0–50 PE, 0–12 µs.</summary>
    public double SmExpectedEvents => SmAccepted.Values.Sum(v => v.Sum());

    /// <summary>Time pdf of a flavour.</summary>
    /// <param name="flavour">Beam component.</param>
    public IReadOnlyList<double> TimePdf(SnsFlavour flavour) =>
        flavour == SnsFlavour.PromptNuMu ? Release.PromptNeutrinoTimePdf : Release.DelayedNeutrinoTimePdf;

    /// <summary>The 1200-bin template of a beam-related component (zero in the AC half).</summary>
    /// <param name="perPeAccepted">Accepted counts per 1-PE bin.</param>
    /// <param name="timePdf">Its time pdf.</param>
    public static double[] BeamTemplate(IReadOnlyList<double> perPeAccepted, IReadOnlyList<double> timePdf) =>
        [.. Csi2017Prediction.Template(Csi2017Prediction.ToReleaseBins(perPeAccepted), timePdf), .. new double[GridBins]];

    /// <summary>The model of the CEvNS-count fit: one free strength <see cref="Signal"/> on the summed SM templates.</summary>
    public PredictionModel CountModel()
    {
        var cevns = new double[2 * GridBins];
        foreach (var f in Enum.GetValues<SnsFlavour>())
        {
            var t = BeamTemplate(SmAccepted[f], TimePdf(f));
            for (int b = 0; b < t.Length; b++) cevns[b] += t[b];
        }
        var components = new List<PredictionComponent> { new("CEvNS", cevns, ComponentScale.Linear(Signal)) };
        var parameters = new List<FitParameter> { new(Signal, 1.0, 0.0, 10.0, unit: "× SM") };
        AddBackgrounds(components, parameters);
        return new PredictionModel(components, parameters, normalizationSystematics: [NeutronSystematic()]);
    }

    /// <summary>The model of the moment limits: SM CEvNS at its prediction with a 28 % normalisation nuisance (shared with
    /// the magnetic terms, which have the same flux, quenching and acceptance), plus μ² terms per flavour.</summary>
    public PredictionModel MomentModel()
    {
        var components = new List<PredictionComponent>();
        var beamNames = new List<string>();
        foreach (var f in Enum.GetValues<SnsFlavour>())
        {
            string moment = f == SnsFlavour.DelayedNuE ? MuE : MuMu;
            components.Add(new($"CEvNS {f}", BeamTemplate(SmAccepted[f], TimePdf(f))));
            components.Add(new($"magnetic {f}", BeamTemplate(MagneticAccepted[f], TimePdf(f)), ComponentScale.Square(moment)));
            beamNames.Add($"CEvNS {f}");
            beamNames.Add($"magnetic {f}");
        }
        var parameters = new List<FitParameter>
        {
            new(MuE, 0.0, 0.0, 2000.0, scale: 10.0, unit: "1e-10 μ_B"),
            new(MuMu, 0.0, 0.0, 2000.0, scale: 10.0, unit: "1e-10 μ_B"),
        };
        AddBackgrounds(components, parameters);
        var signalNorm = new NormalizationSystematic(SignalNorm, beamNames, Csi2017Published.SmFractionalUncertainty);
        return new PredictionModel(components, parameters, normalizationSystematics: [NeutronSystematic(), signalNorm]);
    }

    private NormalizationSystematic NeutronSystematic() =>
        new(NeutronNorm, ["prompt neutrons"], Release.Parameters.PromptNeutronNormUncertainty);

    private void AddBackgrounds(List<PredictionComponent> components, List<FitParameter> parameters)
    {
        components.Add(new("prompt neutrons", BeamTemplate(NeutronsAccepted, Release.PromptNeutronTimePdf)));
        for (int i = 0; i < Csi2017Release.PeBins; i++)
        {
            // Row i of the steady-state background in both windows; its normalisation (events per time bin of mean
            // weight) is free. Rows without any AC count start from 1 event so that the fit can still use them.
            var t = new double[2 * GridBins];
            double start = Math.Max(SteadyStatePeStart[i], 1.0) / Csi2017Release.TimeBins;
            for (int j = 0; j < Csi2017Release.TimeBins; j++)
                t[i * Csi2017Release.TimeBins + j] = t[GridBins + i * Csi2017Release.TimeBins + j] = start * SteadyStateTimeShape[j];
            string p = SteadyStateParameter(i);
            components.Add(new($"steady state row {i}", t, ComponentScale.Linear(p)));
            parameters.Add(new FitParameter(p, 1.0, 0.0, 50.0, scale: 0.1));
        }
    }

    /// <summary>Name of the free steady-state normalisation of 2-PE row <paramref name="row"/>.</summary>
    /// <param name="row">0-based 2-PE row.</param>
    public static string SteadyStateParameter(int row) => $"ss_{row:00}";

    /// <summary>Poisson likelihood of the model against the C + AC beam-on data.</summary>
    /// <param name="model">Count or moment model.</param>
    public BinnedLikelihood Likelihood(PredictionModel model) => new(model, Observed);

    /// <summary>The CEvNS-count fit: fitted count = strength × SM expectation, its Hessian error, and the fit.</summary>
    public (double Count, double Error, FitResult Fit) FitCount()
    {
        var fit = new Minimizer().Minimize(Likelihood(CountModel()));
        return (fit[Signal] * SmExpectedEvents, fit.ErrorOf(Signal) * SmExpectedEvents, fit);
    }

    /// <summary>Significance of the CEvNS signal: −2Δln L between the background-only fit (strength 0, every nuisance
    /// profiled) and the best fit, and its square root (σ, by Wilks' theorem for one parameter).</summary>
    public (double DeltaChi2, double Sigma) NullSignificance()
    {
        var (_, _, fit) = FitCount();
        var null0 = new Minimizer().Minimize(Likelihood(CountModel()), fit.Values, new Dictionary<string, double> { [Signal] = 0.0 });
        double d = null0.Minimum - fit.Minimum;
        return (d, Math.Sqrt(Math.Max(0, d)));
    }

    /// <summary>90 % CL upper limit on one moment from the best fit in μ ≥ 0, all nuisances profiled; the other moment held
    /// at 0 (<see cref="OtherMoment.AtZero"/>, the "one at a time" limits of most papers, Δχ² = 2.706), profiled in μ ≥ 0
    /// (<see cref="OtherMoment.Profiled"/>, marginalised, Δχ² = 2.706), or the extent of the joint two-moment 90 % CL
    /// region (<see cref="OtherMoment.JointRegion"/>, Δχ² = 4.605 for two degrees of freedom).</summary>
    /// <param name="moment"><see cref="MuE"/> or <see cref="MuMu"/>.</param>
    /// <param name="other">What is done with the other moment.</param>
    public UpperLimitResult MomentLimit(string moment, OtherMoment other = OtherMoment.AtZero) =>
        ProfileLikelihood.UpperLimit(Likelihood(MomentModel()), moment, 0.9, fixedParameters: OtherMomentFixed(moment, other),
            criticalDeltaChi2: other == OtherMoment.JointRegion ? CriticalValues.ChiSquare(0.9, 2) : null);

    /// <summary>Δχ² profile of one moment on <paramref name="values"/> (10⁻¹⁰ μ_B), the other at 0 or profiled.</summary>
    /// <param name="moment"><see cref="MuE"/> or <see cref="MuMu"/>.</param>
    /// <param name="values">Scan values.</param>
    /// <param name="other">What is done with the other moment.</param>
    public ProfileScan MomentScan(string moment, IReadOnlyList<double> values, OtherMoment other = OtherMoment.AtZero) =>
        ProfileLikelihood.Scan(Likelihood(MomentModel()), moment, values, fixedParameters: OtherMomentFixed(moment, other));

    private static Dictionary<string, double>? OtherMomentFixed(string moment, OtherMoment other) =>
        other != OtherMoment.AtZero ? null : new Dictionary<string, double> { [moment == MuE ? MuMu : MuE] = 0.0 };
}
