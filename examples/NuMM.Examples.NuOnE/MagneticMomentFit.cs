using System.Globalization;
using System.Text;
using NuMM.Examples.NuOnE.Analysis;
using NuMM.Examples.NuOnE.Simulation;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Reporting.Svg;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;
using NuMM.Runtime.Statistics.Reporting;

namespace NuMM.Examples.NuOnE;

/// <summary>The binned experiment of technote section 4.2 on the selected shower-energy spectrum, and the counting
/// experiment of section 4.1. The prediction holds the magnetic-moment signal (scaled by (μ/μ_ref)²), the ν-on-e
/// background, the ν_e CC (with MEC) background and the other backgrounds (ν_μ CC, NC), each with its own template, as
/// the technote's NDPredictionSingleElectron; systematics: the calorimetric energy scale (±5 % shifted samples,
/// interpolated per bin), the flux normalisation (10 %, all components) and the background cross sections (20 %).</summary>
public sealed class MagneticMomentFit(
    NuOnEAnalysis selection,
    IReadOnlyList<NdSingleElectronEvent.Batch> nuOnE,
    IReadOnlyDictionary<SampleCategory, List<NdSingleElectronEvent.Batch>> backgrounds,
    AnalysisResult signal, AnalysisResult nuOnEBackground, IReadOnlyDictionary<SampleCategory, AnalysisResult> byCategory)
{
    private const string Poi = "mu2";
    private const double EnergyScaleShift = 0.05;

    /// <summary>Builds the model, fits Asimov background-only data and writes the curves; returns a Markdown report.</summary>
    public string Run(string outputFolder)
    {
        var nominal = Templates(signal, nuOnEBackground, byCategory, out var nominalSumW2);
        var up = ShiftedTemplates(1f + (float)EnergyScaleShift);
        var down = ShiftedTemplates(1f - (float)EnergyScaleShift);

        var energyScale = new TemplateSystematic("energy_scale", TemplateInterpolation.Cubic);
        foreach (var name in nominal.Keys)
        {
            energyScale.AddShift(name, +1, up[name]);
            energyScale.AddShift(name, -1, down[name]);
        }
        var parameters = new[] { new FitParameter(Poi, 0.0, 0.0, 1e4, unit: "(μ/μ_ref)²") };
        var withSyst = new PredictionModel(Components(nominal, nominalSumW2), parameters, [energyScale],
        [
            new NormalizationSystematic("flux", nominal.Keys, 0.10),
            new NormalizationSystematic("background_xsec", ["nue CC", "other"], 0.20),
        ]);
        var statOnly = new PredictionModel(Components(nominal, nominalSumW2), parameters);

        // Asimov background-only data: the expected sensitivity (the data stay blind, technote section 3.1).
        var asimov = new double[withSyst.BinCount];
        withSyst.Predict(withSyst.InitialValues(), asimov);
        var lSyst = new BinnedLikelihood(withSyst, asimov, mcStatistics: true);
        var lStat = new BinnedLikelihood(statOnly, asimov);

        var limitSyst = ProfileLikelihood.UpperLimit(lSyst, Poi);
        var limitStat = ProfileLikelihood.UpperLimit(lStat, Poi);
        var cls = AsymptoticCls.UpperLimit(lSyst, Poi);
        double scanMax = 2.5 * limitSyst.Limit;
        var grid = Enumerable.Range(0, 51).Select(i => scanMax * i / 50.0).ToArray();
        var scanSyst = ProfileLikelihood.Scan(lSyst, Poi, grid);
        var scanStat = ProfileLikelihood.Scan(lStat, Poi, grid);

        // Counting experiment (section 4.1): the same selection as one bin, background uncertainty from the fit's
        // normalisation systematics added in quadrature (flux 10 %, background cross sections 20 % on their share).
        double s = nominal["signal"].Sum(), bNuOnE = nominal["nu-on-e"].Sum(), bOther = nominal["nue CC"].Sum() + nominal["other"].Sum();
        double b = bNuOnE + bOther;
        double fracUnc = Math.Sqrt(0.10 * 0.10 + Math.Pow(0.20 * bOther / b, 2));
        var counting = new CountingExperiment((int)Math.Round(b), b, fracUnc);
        var countingLimit = counting.ProfileUpperLimit();
        // The earlier NOvA counting result quoted by the technote (section 2.5.1): 25 observed, 23.78 expected, 10.9 %.
        var published = new CountingExperiment(25, 23.78, 0.109).ProfileUpperLimit();

        double Mu(double mu2) => NuOnEAnalysis.ReferenceMomentBohr * Math.Sqrt(mu2);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("## Prediction after all cuts (events at the nominal exposure)");
        sb.AppendLine();
        sb.AppendLine("| component | events |");
        sb.AppendLine("| --- | ---: |");
        foreach (var (name, contents) in nominal) sb.AppendLine(inv, $"| {name}{(name == "signal" ? " (μ = μ_ref)" : "")} | {contents.Sum():F2} |");
        sb.AppendLine();
        sb.AppendLine(FitReport.LimitsToMarkdown(
        [
            ("Δχ² profile, statistics only", Mu(limitStat.Limit), $"(μ/μ_ref)² < {limitStat.Limit:G4}"),
            ("Δχ² profile, with systematics", Mu(limitSyst.Limit), $"(μ/μ_ref)² < {limitSyst.Limit:G4}; fits converged: {limitSyst.AllFitsConverged}"),
            ("Asymptotic CLs (median expected)", Mu(cls.ExpectedMedian), string.Create(inv, $"±1σ band [{Mu(cls.ExpectedMinus1):G3}, {Mu(cls.ExpectedPlus1):G3}] μ_B")),
            ("Counting experiment, one bin", Mu(countingLimit.Limit / s), string.Create(inv, $"s < {countingLimit.Limit:F2} events, b = {b:F1} ± {100 * fracUnc:F1} %")),
        ], "Expected 90% CL upper limits on μ_ν (μ_B), Asimov background-only data"));
        sb.AppendLine(string.Create(inv, $"Earlier NOvA counting result (technote §2.5.1: 25 observed, 23.78 expected, 10.9 % syst.): s < {published.Limit:F2} signal events at 90% CL."));

        var svg = new SvgPlot("Profile Δχ² in (μ/μ_ref)², μ_ref = 1E-9 μ_B", "(μ/μ_ref)²", "Δχ²")
            .AddLine("statistics only", scanStat.XValues, scanStat.DeltaChi2, dashed: true)
            .AddLine("with systematics", scanSyst.XValues, scanSyst.DeltaChi2)
            .AddHorizontalLine("90% CL (one-sided)", limitSyst.CriticalDeltaChi2);
        svg.Save(Path.Combine(outputFolder, "delta-chi2.svg"));
        File.WriteAllText(Path.Combine(outputFolder, "delta-chi2-syst.csv"), FitReport.ToCsv(scanSyst));
        File.WriteAllText(Path.Combine(outputFolder, "delta-chi2-stat.csv"), FitReport.ToCsv(scanStat));
        File.WriteAllText(Path.Combine(outputFolder, "limit-syst.json"), FitReport.ToJson(limitSyst));
        File.WriteAllText(Path.Combine(outputFolder, "limit-cls.json"), FitReport.ToJson(cls));
        var spectra = new SvgPlot("Selected shower energy", "E_shower (GeV)", "events / bin");
        var edges = ((VariableAxis)signal.Histogram1D("ShowerEnergy").Axis).Edges.ToArray();
        foreach (var (name, contents) in nominal) spectra.AddStep(name, edges, contents);
        spectra.Save(Path.Combine(outputFolder, "spectra.svg"));
        return sb.ToString();
    }

    private static PredictionComponent[] Components(Dictionary<string, double[]> t, Dictionary<string, double[]> w2) =>
    [
        new("signal", t["signal"], ComponentScale.Linear(Poi), sumW2: w2["signal"]),
        new("nu-on-e", t["nu-on-e"], sumW2: w2["nu-on-e"]),
        new("nue CC", t["nue CC"], sumW2: w2["nue CC"]),
        new("other", t["other"], sumW2: w2["other"]),
    ];

    private Dictionary<string, double[]> ShiftedTemplates(float factor)
    {
        var shiftedNuOnE = NearDetectorSimulation.WithEnergyScale(nuOnE, factor);
        var shifted = backgrounds.ToDictionary(kv => kv.Key, kv => selection.Run(NearDetectorSimulation.WithEnergyScale(kv.Value, factor), 0.0));
        return Templates(selection.Run(shiftedNuOnE, NuOnEAnalysis.ReferenceMomentBohr), selection.Run(shiftedNuOnE, 0.0), shifted, out _);
    }

    // Bin contents (and sums of squared weights) of the selected shower-energy spectrum, flow bins dropped.
    private static Dictionary<string, double[]> Templates(AnalysisResult sig, AnalysisResult nue, IReadOnlyDictionary<SampleCategory, AnalysisResult> bkg,
        out Dictionary<string, double[]> sumW2)
    {
        static double[] Bins(AnalysisResult r, bool squares)
        {
            var h = r.Histogram1D("ShowerEnergy");
            return (squares ? h.SumW2 : h.SumW)[1..^1].ToArray();
        }
        Dictionary<string, double[]> Collect(bool squares)
        {
            var other = Bins(bkg[SampleCategory.NumuCC], squares);
            var nc = Bins(bkg[SampleCategory.NC], squares);
            for (int i = 0; i < other.Length; i++) other[i] += nc[i];
            return new()
            {
                ["signal"] = Bins(sig, squares),
                ["nu-on-e"] = Bins(nue, squares),
                ["nue CC"] = Bins(bkg[SampleCategory.NueCC], squares),
                ["other"] = other,
            };
        }
        sumW2 = Collect(squares: true);
        return Collect(squares: false);
    }
}
