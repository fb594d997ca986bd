// COHERENT CsI[Na] 2017 (Akimov et al., Science 357, 1123 (2017)) from its public data release, end to end:
//   1. the Standard-Model CEvNS prediction from NuMM's physics (π-DAR flux, Helm form factor, CsI, acceptance);
//   2. a binned Poisson fit of the beam-on data (C and AC windows) for the CEvNS count, with nuisance parameters;
//   3. 90 % CL limits on μ_νe and μ_νμ from the beam's flavour structure (prompt ν_μ vs delayed ν_e, ν̄_μ).
// Output: tables on the console, SVG plots in numm-output/coherent-csi (or the folder given after --).
using System.Diagnostics;
using System.Globalization;
using NuMM.Examples.CoherentCsI;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Statistics.Reporting;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();
string output = args.Length > 0 ? args[0] : Path.Combine("numm-output", "coherent-csi");
var release = Csi2017Release.Load();   // every input is read (and checked) before anything is written
Directory.CreateDirectory(output);
var analysis = new Csi2017Analysis(release);
var p = release.Parameters;
Console.WriteLine("# COHERENT CsI[Na] 2017 data release fitted with NuMM");
Console.WriteLine();
Console.WriteLine($"Exposure {p.BeamExposureGWhr} GWhr = {Csi2017Prediction.ProtonsOnTarget:0.00e+00} POT, L = {p.DistanceMeters} m, " +
                  $"{p.NeutrinosPerProton} ν/flavour/proton → fluence {analysis.Prediction.FluencePerFlavourCm2:0.000e+00} ν/cm² per flavour; " +
                  $"{Csi2017Prediction.DetectorMassKg} kg CsI; {p.PePerKeVnr:F4} PE/keVnr (QF {p.QuenchingFactor} × LY {p.LightYieldPePerKeVee}).");
Console.WriteLine();

// ---- 1. SM prediction ---------------------------------------------------------------------------------------------
Console.WriteLine("## 1. Standard-Model CEvNS prediction (0–50 PE, 0–12 µs)");
Console.WriteLine();
Console.WriteLine("| flavour | before acceptance | after acceptance |");
Console.WriteLine("|---|---:|---:|");
foreach (var f in Enum.GetValues<SnsFlavour>())
    Console.WriteLine($"| {f} | {analysis.SmPerPe[f].Sum():F1} | {analysis.SmAccepted[f].Sum():F1} |");
Console.WriteLine($"| total | {analysis.SmPerPe.Values.Sum(v => v.Sum()):F1} | {analysis.SmExpectedEvents:F1} |");
Console.WriteLine();
Console.WriteLine($"Prompt neutrons after acceptance: {analysis.NeutronsAccepted.Sum():F1} events (25 % normalisation uncertainty).");
Console.WriteLine();

// ---- 2. Count fit -------------------------------------------------------------------------------------------------
var (count, countError, fit) = analysis.FitCount();
Console.WriteLine("## 2. Binned Poisson fit of beam-on C and AC data (1200 bins), CEvNS strength free");
Console.WriteLine();
Console.WriteLine($"Fit {fit.Status}, −2lnλ = {fit.Minimum:F1} for 1200 bins, {fit.Values.Length} parameters; strength {fit[Csi2017Analysis.Signal]:F3} ± {fit.ErrorOf(Csi2017Analysis.Signal):F3} × SM; " +
                  $"neutron pull {fit[Csi2017Analysis.NeutronNorm]:+0.00;-0.00}σ.");
var significance = analysis.NullSignificance();
Console.WriteLine($"Background only (strength 0, nuisances profiled): −2Δln L = {significance.DeltaChi2:F1}, i.e. {significance.Sigma:F1}σ (published: {Csi2017Published.ObservationSigma}σ).");
Console.WriteLine();

// ---- 3. Moment limits ---------------------------------------------------------------------------------------------
var limitE = analysis.MomentLimit(Csi2017Analysis.MuE);
var limitMu = analysis.MomentLimit(Csi2017Analysis.MuMu);
var margE = analysis.MomentLimit(Csi2017Analysis.MuE, OtherMoment.Profiled);
var margMu = analysis.MomentLimit(Csi2017Analysis.MuMu, OtherMoment.Profiled);
var jointE = analysis.MomentLimit(Csi2017Analysis.MuE, OtherMoment.JointRegion);
var jointMu = analysis.MomentLimit(Csi2017Analysis.MuMu, OtherMoment.JointRegion);
Console.WriteLine("## 3. Magnetic moments (from the best fit in μ ≥ 0, all nuisances profiled)");
Console.WriteLine();
Console.WriteLine("| limit, 90 % CL (10⁻¹⁰ μ_B) | other moment 0 (one at a time, Δχ² 2.706) | other moment profiled (marginalised, Δχ² 2.706) | joint 2-moment region (Δχ² 4.605) |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| μ_νe | {limitE.Limit:F1} | {margE.Limit:F1} | {jointE.Limit:F1} |");
Console.WriteLine($"| μ_νμ | {limitMu.Limit:F1} | {margMu.Limit:F1} | {jointMu.Limit:F1} |");
Console.WriteLine();

Console.WriteLine("## Published vs NuMM");
Console.WriteLine();
Console.WriteLine("| quantity | published | NuMM | NuMM / published |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| SM CEvNS expectation (events) | {Csi2017Published.SmExpectation} ± {Csi2017Published.SmExpectationError} | {analysis.SmExpectedEvents:F1} | {analysis.SmExpectedEvents / Csi2017Published.SmExpectation:F3} |");
Console.WriteLine($"| fitted CEvNS count (events) | {Csi2017Published.FittedCount} ± {Csi2017Published.FittedCountError} | {count:F1} ± {countError:F1} | {count / Csi2017Published.FittedCount:F3} |");
Console.WriteLine($"| significance of the CEvNS signal (σ) | {Csi2017Published.ObservationSigma} | {significance.Sigma:F1} | {significance.Sigma / Csi2017Published.ObservationSigma:F3} |");
foreach (var (name, lim, marg) in new[] { ("μ_νe", limitE, margE), ("μ_νμ", limitMu, margMu) })
{
    var pub = Csi2017Published.MomentLimits.Where(l => l.Moment == name).ToList();
    string pubText = pub.Count == 0 ? "no number retrieved (README)" : string.Join("; ", pub.Select(l => $"{l.LimitE10:0} ({l.Source})"));
    string ratio = pub.Count == 0 ? "–" : string.Join("; ", pub.Select(l => (lim.Limit / l.LimitE10).ToString("F2")));
    Console.WriteLine($"| {name} 90 % CL (10⁻¹⁰ μ_B), one at a time / marginalised | {pubText} | {lim.Limit:F1} / {marg.Limit:F1} | {ratio} |");
}
Console.WriteLine();
Console.WriteLine("Moment limits from this data set were derived by phenomenologists, not by COHERENT (e.g. Papoulias and Kosmas, arXiv:1711.09773; " +
                  "Cadeddu et al., arXiv:1908.06045, with the arrival times; Khan and Rodejohann, arXiv:1907.12444); their numbers could not be read " +
                  "from the sources reachable here, so no ratio is printed (README, \"Magnetic moments\").");
Console.WriteLine();
Console.WriteLine($"Moment limits: Δχ² from the best fit in μ ≥ 0 (μ_νe best fit {limitE.BestFit:F1}, μ_νμ best fit {limitMu.BestFit:F1}); " +
                  $"28 % signal, 25 % neutron normalisation nuisances, steady-state rows free. " +
                  $"All fits converged: {new[] { limitE, limitMu, margE, margMu, jointE, jointMu }.All(l => l.AllFitsConverged)}.");
Console.WriteLine();

// ---- Plots --------------------------------------------------------------------------------------------------------
var values = fit.Values;
var model = analysis.CountModel();
double[] Part(string prefix) => Enumerable.Range(0, model.BinCount).Select(b =>
    model.ComponentNames.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => model.PredictComponent(c, values)[b])).ToArray();
var steady = Part("steady state");
var neutrons = Part("prompt neutrons");
var cevns = Part("CEvNS");
double[,] Grid(double[] flat, int half)
{
    var g = new double[Csi2017Release.PeBins, Csi2017Release.TimeBins];
    for (int i = 0; i < Csi2017Release.PeBins; i++)
        for (int j = 0; j < Csi2017Release.TimeBins; j++) g[i, j] = flat[half * 600 + i * Csi2017Release.TimeBins + j];
    return g;
}
var peEdges = Enumerable.Range(0, Csi2017Release.PeBins + 1).Select(i => 2.0 * i).ToArray();
var tEdges = Enumerable.Range(0, Csi2017Release.TimeBins + 1).Select(i => 0.5 * i).ToArray();
foreach (var (half, window) in new[] { (0, "C"), (1, "AC") })
{
    var comps = new[] { ("steady state", steady), ("prompt neutrons", neutrons), ("CEvNS", cevns) };
    DataPlots.Write(output, $"csi2017_{window}_pe", $"CsI 2017 beam-on {window}: PE projection", "photoelectrons (PE)", peEdges,
        Csi2017Release.PeProjection(Grid(analysis.Observed, half)), comps.Select(c => (c.Item1, Csi2017Release.PeProjection(Grid(c.Item2, half)))).ToList());
    DataPlots.Write(output, $"csi2017_{window}_time", $"CsI 2017 beam-on {window}: arrival-time projection", "arrival time (µs)", tEdges,
        Csi2017Release.TimeProjection(Grid(analysis.Observed, half)), comps.Select(c => (c.Item1, Csi2017Release.TimeProjection(Grid(c.Item2, half)))).ToList());
}
var grid = Enumerable.Range(0, 41).Select(i => 2.5 * i).ToArray();
var scanE = analysis.MomentScan(Csi2017Analysis.MuE, grid);
var scanMu = analysis.MomentScan(Csi2017Analysis.MuMu, grid);
FitPlots.DeltaChi2("CsI 2017: profile Δχ² of the neutrino magnetic moments", "|μ_ν| (10⁻¹⁰ μ_B)",
    [("μ_νe (μ_νμ = 0)", scanE), ("μ_νμ (μ_νe = 0)", scanMu)]).SavePngAndSvg(Path.Combine(output, "csi2017_moment_dchi2"));
Console.WriteLine($"Plots in {Path.GetFullPath(output)}: csi2017_{{C,AC}}_{{pe,time}} (data, stacked fit, ratio panel), csi2017_moment_dchi2 (.png and .svg each).");
Console.WriteLine($"Run time {clock.Elapsed.TotalSeconds:F1} s.");
