using NuMM.Examples.CoherentCsI;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Examples.CoherentCsI2021;

/// <summary>Published numbers this example is compared with (Akimov et al., PRL 129, 081801 (2022)).</summary>
public static class Csi2021Published
{
    /// <summary>Fitted CEvNS count, 306 ± 20 events.</summary>
    public const double FittedCount = 306, FittedCountError = 20;
    /// <summary>Measured flux-averaged cross section (165 +30 −25) × 10⁻⁴⁰ cm².</summary>
    public const double CrossSection = 165, CrossSectionUp = 30, CrossSectionDown = 25;
    /// <summary>SM flux-averaged cross section (189 ± 6) × 10⁻⁴⁰ cm².</summary>
    public const double SmCrossSection = 189, SmCrossSectionError = 6;
    /// <summary>Predicted BRN events, 18.4 ± 4.6 (as used by independent reproductions, see README).</summary>
    public const double PredictedBrn = 18.4, PredictedBrnError = 4.6;
    /// <summary>Predicted NIN events, 5.6 ± 2.0 (same source).</summary>
    public const double PredictedNin = 5.6, PredictedNinError = 2.0;
    /// <summary>Significance of the observation, 11.6σ (as quoted in the abstract of arXiv:2201.10578, "Neutrino millicharge
    /// and other electromagnetic interactions with COHERENT-2021 data"; see README).</summary>
    public const double ObservationSigma = 11.6;
    /// <summary>Fractional 1σ normalisation uncertainty of the neutrino flux, 10 % (assumption, README).</summary>
    public const double FluxUncertainty = 0.10;
}

/// <summary>The binned Poisson fit of the CsI[Na] full data set. Bins: the 9 × 11 PE × time grid of the coincidence (C)
/// window, followed by the same grid of the anti-coincidence (AC) window (198 bins). Components:
/// <list type="bullet">
/// <item>CEvNS from the three beam flavours (C only), NuMM's prediction; the efficiency and the two scintillation-response
/// variants of the release enter as ±1σ template systematics;</item>
/// <item>BRN and NIN (C only): the released PE and time pdfs (time efficiency applied) normalised to 18.4 and 5.6 events,
/// with 25 % and 36 % normalisation nuisances;</item>
/// <item>steady-state background, identical in C and AC: one free normalisation per PE row, flat in true time times the
/// time efficiency.</item>
/// </list></summary>
public sealed class Csi2021Analysis
{
    /// <summary>Reference moment of the magnetic templates: 10⁻¹⁰ μ_B (so mu_e, mu_mu are in 10⁻¹⁰ μ_B).</summary>
    public const double ReferenceMomentBohr = 1e-10;
    /// <summary>Parameter names.</summary>
    public const string Signal = "cevns", BrnNorm = "brn_norm", NinNorm = "nin_norm", FluxNorm = "flux_norm",
        EfficiencySyst = "efficiency", Scint0Syst = "scint_model0", Scint1Syst = "scint_model1", MuE = "mu_e", MuMu = "mu_mu";

    private static int G => Csi2021Binning.GridBins;

    /// <summary>Response variants: (name of the systematic, σ, scintillation row, efficiency row); the nominal first.</summary>
    private static readonly (string Syst, double Sigma, int Scint, int Eff)[] Variants =
        [("", 0, 0, 0), (EfficiencySyst, 1, 0, 1), (EfficiencySyst, -1, 0, 2), (Scint0Syst, 1, 1, 0), (Scint0Syst, -1, 2, 0), (Scint1Syst, 1, 3, 0), (Scint1Syst, -1, 4, 0)];

    private readonly Dictionary<(SnsFlavour, bool Magnetic, int Variant), double[]> _templates = [];

    /// <summary>Builds every template from the release and NuMM's physics.</summary>
    /// <param name="release">The data release.</param>
    public Csi2021Analysis(Csi2021Release release)
    {
        Release = release ?? throw new ArgumentNullException(nameof(release));
        Prediction = new Csi2021Prediction();
        var matrices = Variants.Select(v => Csi2021Prediction.ResponseMatrix(release.ScintillationResponse[v.Scint], release.Efficiency[v.Eff])).ToArray();
        foreach (var f in Enum.GetValues<SnsFlavour>())
        {
            var time = Csi2021Prediction.TimeProbabilities(f != SnsFlavour.PromptNuMu);
            var sm = Prediction.RecoilCounts(f, n => new CevnsStandardModel(n));
            // The magnetic term's 1/T pole sits below 1 keVnr, where Eee < 0.1 keVee gives < 1 PE: no detectable events.
            var mag = Prediction.RecoilCounts(f, n => new CevnsActiveMagneticMoment(n, ReferenceMomentBohr));
            for (int r = 0; r < mag.Length; r++) if (Csi2021Prediction.RecoilCentresKeV[r] < 1) mag[r] = 0;
            for (int v = 0; v < Variants.Length; v++)
            {
                _templates[(f, false, v)] = Csi2021Binning.Outer(Csi2021Prediction.ToAnalysisPeBins(Csi2021Prediction.PerPe(sm, matrices[v])), time);
                _templates[(f, true, v)] = Csi2021Binning.Outer(Csi2021Prediction.ToAnalysisPeBins(Csi2021Prediction.PerPe(mag, matrices[v])), time);
            }
            SmBeforeEfficiency[f] = sm.Sum();
        }
        Brn = NeutronTemplate(release.BrnPe, release.BrnTime, Csi2021Published.PredictedBrn);
        Nin = NeutronTemplate(release.NinPe, release.NinTime, Csi2021Published.PredictedNin);
        var c = Csi2021Binning.Histogram(release.Coincidence);
        var ac = Csi2021Binning.Histogram(release.AntiCoincidence);
        Observed = [.. c, .. ac];
        var e = Csi2021Binning.TimeEdges;
        var ssTime = Enumerable.Range(0, Csi2021Binning.TimeBins).Select(j => Integrate(Csi2021Prediction.TimeEfficiency, e[j], e[j + 1])).ToArray();
        double ssSum = ssTime.Sum();
        SteadyStateTimeShape = ssTime.Select(x => x / ssSum).ToArray();
        SteadyStatePeStart = Csi2021Binning.PeProjection(ac);
    }

    /// <summary>The release.</summary>
    public Csi2021Release Release { get; }
    /// <summary>The physics prediction.</summary>
    public Csi2021Prediction Prediction { get; }
    /// <summary>SM CEvNS recoils (all energies, no response) per flavour for the exposure.</summary>
    public Dictionary<SnsFlavour, double> SmBeforeEfficiency { get; } = [];
    /// <summary>BRN template on the C grid (18.4 events).</summary>
    public double[] Brn { get; }
    /// <summary>NIN template on the C grid (5.6 events).</summary>
    public double[] Nin { get; }
    /// <summary>Observed counts: C grid then AC grid.</summary>
    public double[] Observed { get; }
    /// <summary>Steady-state time shape (sums to 1).</summary>
    public double[] SteadyStateTimeShape { get; }
    /// <summary>AC counts per PE row (start of the steady-state rows).</summary>
    public double[] SteadyStatePeStart { get; }

    /// <summary>SM CEvNS template of a flavour on the C grid (nominal response unless <paramref name="variant"/>).</summary>
    /// <param name="flavour">Beam component.</param>
    /// <param name="variant">0 nominal; 1, 2 efficiency ±1σ; 3, 4 scintillation model 0 ±1σ; 5, 6 model 1 ±1σ.</param>
    public double[] SmTemplate(SnsFlavour flavour, int variant = 0) => _templates[(flavour, false, variant)];

    /// <summary>Magnetic template (μ = 10⁻¹⁰ μ_B) of a flavour on the C grid.</summary>
    /// <param name="flavour">Beam component.</param>
    /// <param name="variant">As <see cref="SmTemplate"/>.</param>
    public double[] MagneticTemplate(SnsFlavour flavour, int variant = 0) => _templates[(flavour, true, variant)];

    /// <summary>SM CEvNS events in the region (0–60 PE, 0–6 µs), all flavours, nominal response.</summary>
    public double SmExpectedEvents => Enum.GetValues<SnsFlavour>().Sum(f => SmTemplate(f).Sum());

    /// <summary>SM flux-averaged CEvNS cross section per nucleus (cm²): the three flavours' spectra with equal weight, the
    /// average of ¹³³Cs and ¹²⁷I, no threshold.</summary>
    public double SmFluxAveragedCrossSectionCm2()
    {
        var csi = NuclearTable.GetTarget("CsI");
        double sum = 0;
        int n = 0;
        foreach (var f in Enum.GetValues<SnsFlavour>())
            foreach (var c in csi.Components)
            {
                sum += CrossSectionIntegrals.FluxAveragedCm2(SnsBeam.Flux(f, 1.0), new CevnsStandardModel(c.Nucleus));
                n++;
            }
        return sum / n;
    }

    private static double[] Pad(double[] cGrid) => [.. cGrid, .. new double[G]];

    private double[] NeutronTemplate(double[] pe, double[] time, double events)
    {
        var peEdges = Csi2021Binning.PeEdges;
        var peShape = Enumerable.Range(0, Csi2021Binning.PeBins).Select(i => Enumerable.Range(0, pe.Length)
            .Where(k => k + 0.5 >= peEdges[i] && k + 0.5 < peEdges[i + 1]).Sum(k => pe[k])).ToArray();
        var tEdges = Csi2021Binning.TimeEdges;
        var tShape = new double[Csi2021Binning.TimeBins];
        for (int k = 0; k < time.Length; k++)
        {
            double t = Csi2021Release.PdfFirstTimeCentre + k * Csi2021Release.PdfTimeBinWidth;
            int j = Csi2021Binning.Find(tEdges, t);
            if (j >= 0) tShape[j] += time[k] * Csi2021Prediction.TimeEfficiency(t);
        }
        double ps = peShape.Sum(), ts = tShape.Sum();
        return Csi2021Binning.Outer(peShape.Select(x => x / ps).ToArray(), tShape.Select(x => events * x / ts).ToArray());
    }

    private static double Integrate(Func<double, double> f, double a, double b, int steps = 200)
    {
        double h = (b - a) / steps, s = 0;
        for (int k = 0; k < steps; k++) s += f(a + (k + 0.5) * h);
        return s * h;
    }

    private IEnumerable<TemplateSystematic> ResponseSystematics(IReadOnlyList<(string Component, Func<int, double[]> Template)> components)
    {
        foreach (string syst in new[] { EfficiencySyst, Scint0Syst, Scint1Syst })
        {
            var s = new TemplateSystematic(syst);
            for (int v = 1; v < Variants.Length; v++)
                if (Variants[v].Syst == syst)
                    foreach (var (component, template) in components) s.AddShift(component, Variants[v].Sigma, Pad(template(v)));
            yield return s;
        }
    }

    private void AddBackgrounds(List<PredictionComponent> components, List<FitParameter> parameters, List<NormalizationSystematic> norms,
        double acExposure = 1.0)
    {
        components.Add(new("BRN", Pad(Brn)));
        components.Add(new("NIN", Pad(Nin)));
        norms.Add(new(BrnNorm, ["BRN"], Csi2021Published.PredictedBrnError / Csi2021Published.PredictedBrn));
        norms.Add(new(NinNorm, ["NIN"], Csi2021Published.PredictedNinError / Csi2021Published.PredictedNin));
        int tb = Csi2021Binning.TimeBins;
        for (int i = 0; i < Csi2021Binning.PeBins; i++)
        {
            // Row i of the steady state in both windows; its normalisation is free (start: the AC row total, ≥ 1 event).
            var t = new double[2 * G];
            double start = Math.Max(SteadyStatePeStart[i], 1.0);
            for (int j = 0; j < tb; j++)
            {
                t[i * tb + j] = start * SteadyStateTimeShape[j];
                t[G + i * tb + j] = acExposure * start * SteadyStateTimeShape[j];
            }
            string p = $"ss_{i}";
            components.Add(new($"steady state row {i}", t, ComponentScale.Linear(p)));
            parameters.Add(new FitParameter(p, 1.0, 0.0, 10.0, scale: 0.05));
        }
    }

    /// <summary>The CEvNS-count model: one free strength <see cref="Signal"/> (× the SM prediction) on the summed SM
    /// templates, the response systematics, BRN/NIN nuisances, and (for the cross section) the flux nuisance.</summary>
    /// <param name="withFluxUncertainty">Add the 10 % flux normalisation nuisance on CEvNS (cross-section fit).</param>
    /// <param name="withResponseSystematics">Include the efficiency and scintillation-response variants.</param>
    /// <param name="acExposure">Exposure of the AC window relative to the C window (1 for the release; larger values are
    /// used only by the Asimov study of <see cref="AsimovCountError"/>).</param>
    public PredictionModel CountModel(bool withFluxUncertainty = false, bool withResponseSystematics = true, double acExposure = 1.0)
    {
        double[] Summed(int v)
        {
            var s = new double[G];
            foreach (var f in Enum.GetValues<SnsFlavour>()) { var t = SmTemplate(f, v); for (int b = 0; b < G; b++) s[b] += t[b]; }
            return s;
        }
        var components = new List<PredictionComponent> { new("CEvNS", Pad(Summed(0)), ComponentScale.Linear(Signal)) };
        var parameters = new List<FitParameter> { new(Signal, 1.0, 0.0, 5.0, scale: 0.1, unit: "× SM") };
        var norms = new List<NormalizationSystematic>();
        AddBackgrounds(components, parameters, norms, acExposure);
        if (withFluxUncertainty) norms.Add(new(FluxNorm, ["CEvNS"], Csi2021Published.FluxUncertainty));
        var templates = withResponseSystematics ? ResponseSystematics([("CEvNS", Summed)]).ToList() : [];
        return new PredictionModel(components, parameters, templates, norms);
    }

    /// <summary>The moment model: SM CEvNS at its prediction (10 % flux nuisance shared with the magnetic terms, response
    /// systematics on all of them) plus μ² terms per flavour: prompt ν_μ and delayed ν̄_μ scale with μ_νμ², delayed ν_e
    /// with μ_νe².</summary>
    public PredictionModel MomentModel()
    {
        var components = new List<PredictionComponent>();
        var beam = new List<(string, Func<int, double[]>)>();
        foreach (var f in Enum.GetValues<SnsFlavour>())
        {
            string moment = f == SnsFlavour.DelayedNuE ? MuE : MuMu;
            components.Add(new($"CEvNS {f}", Pad(SmTemplate(f))));
            components.Add(new($"magnetic {f}", Pad(MagneticTemplate(f)), ComponentScale.Square(moment)));
            beam.Add(($"CEvNS {f}", v => SmTemplate(f, v)));
            beam.Add(($"magnetic {f}", v => MagneticTemplate(f, v)));
        }
        var parameters = new List<FitParameter>
        {
            new(MuE, 0.0, 0.0, 2000.0, scale: 5.0, unit: "1e-10 μ_B"),
            new(MuMu, 0.0, 0.0, 2000.0, scale: 5.0, unit: "1e-10 μ_B"),
        };
        var norms = new List<NormalizationSystematic>();
        AddBackgrounds(components, parameters, norms);
        norms.Add(new(FluxNorm, beam.Select(b => b.Item1), Csi2021Published.FluxUncertainty));
        return new PredictionModel(components, parameters, ResponseSystematics(beam).ToList(), norms);
    }

    /// <summary>Poisson likelihood of a model against the C + AC data.</summary>
    /// <param name="model">Model.</param>
    public BinnedLikelihood Likelihood(PredictionModel model) => new(model, Observed);

    /// <summary>The CEvNS-count fit: the fitted CEvNS events (the CEvNS component at the best fit), the Hessian error
    /// (strength error × SM expectation), and the fit. The count is a property of the data: by default the response
    /// variants are left out, since their main effect (a normalisation) is degenerate with the free strength and would
    /// only move the error of the strength, not of the count; with them, their shape effects are profiled too.</summary>
    /// <param name="withResponseSystematics">Profile the efficiency and scintillation-response variants.</param>
    public (double Count, double Error, FitResult Fit, PredictionModel Model) FitCount(bool withResponseSystematics = false)
    {
        var model = CountModel(withResponseSystematics: withResponseSystematics);
        var fit = new Minimizer().Minimize(Likelihood(model));
        double count = model.PredictComponent("CEvNS", fit.Values).Sum();
        return (count, fit.ErrorOf(Signal) / fit[Signal] * count, fit, model);
    }

    /// <summary>Significance of the CEvNS signal: −2Δln L between the background-only fit (strength 0, every nuisance
    /// profiled) and the best fit, and its square root (σ, by Wilks' theorem for one parameter).</summary>
    /// <param name="withResponseSystematics">Profile the response variants as well.</param>
    public (double DeltaChi2, double Sigma) NullSignificance(bool withResponseSystematics = false)
    {
        var (_, _, fit, model) = FitCount(withResponseSystematics);
        var null0 = new Minimizer().Minimize(Likelihood(model), fit.Values, new Dictionary<string, double> { [Signal] = 0.0 });
        double d = null0.Minimum - fit.Minimum;
        return (d, Math.Sqrt(Math.Max(0, d)));
    }

    /// <summary>Which nuisance parameters make the error of the fitted count: the count fit is repeated with each group of
    /// nuisance parameters fixed at its best-fit value; the contribution of a group is √(σ²_all free − σ²_group fixed).
    /// Groups: the BRN and NIN normalisations, the nine steady-state rows, all backgrounds together, and (when
    /// <paramref name="withResponseSystematics"/>) the efficiency and the two scintillation-response variants.</summary>
    /// <param name="withResponseSystematics">Profile the response variants in the reference fit.</param>
    public IReadOnlyList<CountErrorContribution> CountErrorBreakdown(bool withResponseSystematics = false)
    {
        var (count, error, fit, model) = FitCount(withResponseSystematics);
        var ss = Enumerable.Range(0, Csi2021Binning.PeBins).Select(i => $"ss_{i}").ToArray();
        var groups = new List<(string Label, string[] Parameters)>
        {
            ("BRN normalisation", [BrnNorm]),
            ("NIN normalisation", [NinNorm]),
            ("steady state (9 PE rows)", ss),
        };
        if (withResponseSystematics)
        {
            groups.Add(("efficiency", [EfficiencySyst]));
            groups.Add(("scintillation model 0", [Scint0Syst]));
            groups.Add(("scintillation model 1", [Scint1Syst]));
        }
        groups.Add(("all nuisances (statistics of C only)", [.. model.Parameters.Select(p => p.Name).Where(n => n != Signal)]));
        var likelihood = Likelihood(model);
        var result = new List<CountErrorContribution> { new("none (reference fit)", error, 0) };
        foreach (var (label, names) in groups)
        {
            var fixedValues = names.ToDictionary(n => n, n => fit[n]);
            var f = new Minimizer().Minimize(likelihood, fit.Values, fixedValues);
            double e = f.ErrorOf(Signal) / f[Signal] * model.PredictComponent("CEvNS", f.Values).Sum();
            result.Add(new(label, e, Math.Sqrt(Math.Max(0, error * error - e * e))));
        }
        return result;
    }

    /// <summary>The count fit with the steady-state background modelled the way several public re-analyses of this release
    /// do: the AC histogram itself (same grid) as the steady-state template in C, one free normalisation, the AC window not
    /// fitted. Its statistical fluctuations are then taken as the true shape, which is why its error is smaller; it is
    /// printed as a comparison, not as NuMM's result.</summary>
    public (double Count, double Error, FitResult Fit) FitCountWithAcTemplate()
    {
        double[] Summed()
        {
            var s = new double[G];
            foreach (var f in Enum.GetValues<SnsFlavour>()) { var t = SmTemplate(f); for (int b = 0; b < G; b++) s[b] += t[b]; }
            return s;
        }
        var ac = Observed.Skip(G).Take(G).ToArray();
        var components = new List<PredictionComponent>
        {
            new("CEvNS", Summed(), ComponentScale.Linear(Signal)),
            new("BRN", Brn),
            new("NIN", Nin),
            new("steady state", ac, ComponentScale.Linear("ss")),
        };
        var parameters = new List<FitParameter> { new(Signal, 1.0, 0.0, 5.0, scale: 0.1, unit: "× SM"), new("ss", 1.0, 0.0, 10.0, scale: 0.05) };
        var norms = new List<NormalizationSystematic>
        {
            new(BrnNorm, ["BRN"], Csi2021Published.PredictedBrnError / Csi2021Published.PredictedBrn),
            new(NinNorm, ["NIN"], Csi2021Published.PredictedNinError / Csi2021Published.PredictedNin),
        };
        var model = new PredictionModel(components, parameters, [], norms);
        var fit = new Minimizer().Minimize(new BinnedLikelihood(model, Observed.Take(G).ToArray()));
        double count = model.PredictComponent("CEvNS", fit.Values).Sum();
        return (count, fit.ErrorOf(Signal) / fit[Signal] * count, fit);
    }

    /// <summary>Expected (Asimov) error of the fitted count if the AC window had <paramref name="acExposure"/> times the C
    /// window's exposure: the data are replaced by the best-fit prediction of the release fit (AC part scaled), then fitted.</summary>
    /// <param name="acExposure">AC exposure ÷ C exposure (1 = the release).</param>
    public double AsimovCountError(double acExposure)
    {
        var (_, _, fit, _) = FitCount();
        var model = CountModel(withResponseSystematics: false, acExposure: acExposure);
        var asimov = new double[model.BinCount];
        model.Predict(fit.Values, asimov);
        var f = new Minimizer().Minimize(new BinnedLikelihood(model, asimov), fit.Values);
        return f.ErrorOf(Signal) / f[Signal] * model.PredictComponent("CEvNS", f.Values).Sum();
    }

    /// <summary>The flux-averaged cross section: best-fit strength × NuMM's SM ⟨σ⟩ with the flux nuisance, and the Δχ² = 1
    /// interval of the profile scan (in 10⁻⁴⁰ cm²).</summary>
    /// <param name="scanPoints">Points of the strength scan on [0.4, 1.5].</param>
    public (double Value, double Low, double High, ProfileScan Scan) FitCrossSection(int scanPoints = 45)
    {
        double sm = SmFluxAveragedCrossSectionCm2() / 1e-40;
        var grid = Enumerable.Range(0, scanPoints).Select(i => 0.4 + 1.1 * i / (scanPoints - 1)).ToArray();
        var scan = ProfileLikelihood.Scan(Likelihood(CountModel(withFluxUncertainty: true)), Signal, grid);
        double best = scan.GlobalFit[Signal];
        return (best * sm, scan.LowerCrossing(1.0) * sm, scan.UpperCrossing(1.0) * sm, scan);
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

/// <summary>One line of <see cref="Csi2021Analysis.CountErrorBreakdown"/>: the count error (events) with a group of
/// nuisance parameters fixed, and that group's contribution in quadrature.</summary>
/// <param name="FixedGroup">What was fixed.</param>
/// <param name="CountError">Hessian error of the fitted count with the group fixed (events).</param>
/// <param name="Contribution">√(reference error² − <paramref name="CountError"/>²) (events).</param>
public sealed record CountErrorContribution(string FixedGroup, double CountError, double Contribution);
