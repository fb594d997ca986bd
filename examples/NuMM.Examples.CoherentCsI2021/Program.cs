// COHERENT CsI[Na] full data set (Akimov et al., PRL 129, 081801 (2022)) from its public release, end to end:
//   1. the Standard-Model CEvNS prediction from NuMM's physics through the released detector response;
//   2. a binned Poisson fit of the C and AC events in PE × recoil time for the CEvNS count, with nuisance parameters;
//   3. the flux-averaged cross section;
//   4. 90 % CL limits on μ_νe and μ_νμ from the beam's flavour structure.
// Output: tables on the console, plots in numm-output/coherent-csi-2021 (or the folder given after --).
using System.Diagnostics;
using System.Globalization;
using NuMM.Examples.CoherentCsI;
using NuMM.Examples.CoherentCsI2021;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Statistics.Reporting;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();
string output = args.Length > 0 ? args[0] : Path.Combine("numm-output", "coherent-csi-2021");
var release = Csi2021Release.Load();   // every input is read (and checked) before anything is written
Directory.CreateDirectory(output);
var analysis = new Csi2021Analysis(release);
Console.WriteLine("# COHERENT CsI[Na] full data set (2021 analysis) fitted with NuMM");
Console.WriteLine();
Console.WriteLine($"{Csi2021Prediction.ProtonsOnTarget:0.000e+00} POT × {Csi2021Prediction.NeutrinosPerProton} ν/flavour/POT at {Csi2021Prediction.DistanceMeters} m " +
                  $"→ {analysis.Prediction.FluencePerFlavourCm2:0.000e+00} ν/cm² per flavour; {Csi2021Prediction.DetectorMassKg} kg CsI; LY {Csi2021Prediction.LightYieldPePerKeVee} PE/keVee.");
Console.WriteLine($"Events: {release.Coincidence.Count} C and {release.AntiCoincidence.Count} AC in the release; " +
                  $"{analysis.Observed.Take(Csi2021Binning.GridBins).Sum()} C and {analysis.Observed.Skip(Csi2021Binning.GridBins).Sum()} AC in 0–60 PE, 0–6 µs.");
Console.WriteLine();

Console.WriteLine("## 1. Standard-Model CEvNS prediction (0–60 PE, 0–6 µs, all efficiencies)");
Console.WriteLine();
Console.WriteLine("| flavour | recoils (any energy) | detected in region |");
Console.WriteLine("|---|---:|---:|");
foreach (var f in Enum.GetValues<SnsFlavour>())
    Console.WriteLine($"| {f} | {analysis.SmBeforeEfficiency[f]:F1} | {analysis.SmTemplate(f).Sum():F1} |");
Console.WriteLine($"| total | {analysis.SmBeforeEfficiency.Values.Sum():F1} | {analysis.SmExpectedEvents:F1} |");
Console.WriteLine();
string[] variantNames = ["nominal", "efficiency +1σ", "efficiency −1σ", "scint. model 0 +1σ", "scint. model 0 −1σ", "scint. model 1 +1σ", "scint. model 1 −1σ"];
Console.WriteLine("Response variants (SM events in region): " + string.Join(", ", variantNames.Select((n, v) =>
    $"{n} {Enum.GetValues<SnsFlavour>().Sum(f => analysis.SmTemplate(f, v).Sum()):F1}")));
Console.WriteLine();

var (count, countError, fit, model) = analysis.FitCount();
Console.WriteLine("## 2. Binned Poisson fit of the C and AC events (2 × 99 bins), CEvNS strength free");
Console.WriteLine();
Console.WriteLine($"Fit {fit.Status}, −2lnλ = {fit.Minimum:F1} for {analysis.Observed.Length} bins, {fit.Values.Length} parameters; strength {fit[Csi2021Analysis.Signal]:F3} ± {fit.ErrorOf(Csi2021Analysis.Signal):F3} × SM; " +
                  $"pulls: BRN {fit[Csi2021Analysis.BrnNorm]:+0.00;-0.00}σ, NIN {fit[Csi2021Analysis.NinNorm]:+0.00;-0.00}σ.");
var (countSyst, _, fitSyst, _) = analysis.FitCount(withResponseSystematics: true);
Console.WriteLine($"With the efficiency and scintillation-response variants profiled: {countSyst:F1} CEvNS events, strength {fitSyst[Csi2021Analysis.Signal]:F3} ± {fitSyst.ErrorOf(Csi2021Analysis.Signal):F3} × SM " +
                  $"(pulls: efficiency {fitSyst[Csi2021Analysis.EfficiencySyst]:+0.00;-0.00}σ, scint. 0 {fitSyst[Csi2021Analysis.Scint0Syst]:+0.00;-0.00}σ, scint. 1 {fitSyst[Csi2021Analysis.Scint1Syst]:+0.00;-0.00}σ).");
double Part(string prefix) => model.ComponentNames.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => model.PredictComponent(c, fit.Values).Take(Csi2021Binning.GridBins).Sum());
Console.WriteLine($"Fitted events in C: CEvNS {count:F1}, BRN {Part("BRN"):F1}, NIN {Part("NIN"):F1}, steady state {Part("steady state"):F1}.");
var significance = analysis.NullSignificance();
Console.WriteLine($"Background only (strength 0, nuisances profiled): −2Δln L = {significance.DeltaChi2:F1}, i.e. {significance.Sigma:F1}σ (published: {Csi2021Published.ObservationSigma}σ).");
Console.WriteLine();

Console.WriteLine("### What makes the error of the count (each group of nuisance parameters fixed at its best fit in turn)");
Console.WriteLine();
Console.WriteLine("| fixed | count error, response variants not profiled | contribution (quadrature) | count error, variants profiled | contribution |");
Console.WriteLine("|---|---:|---:|---:|---:|");
var breakdown = analysis.CountErrorBreakdown();
var breakdownSyst = analysis.CountErrorBreakdown(withResponseSystematics: true);
foreach (var row in breakdownSyst)
{
    var plain = breakdown.FirstOrDefault(b => b.FixedGroup == row.FixedGroup);
    string left = plain is null ? "– | –" : $"{plain.CountError:F1} | {plain.Contribution:F1}";
    Console.WriteLine($"| {row.FixedGroup} | {left} | {row.CountError:F1} | {row.Contribution:F1} |");
}
var acTemplate = analysis.FitCountWithAcTemplate();
double asimov1 = analysis.AsimovCountError(1), asimov100 = analysis.AsimovCountError(100);
Console.WriteLine();
Console.WriteLine($"Steady state from the AC histogram as a fixed template (C window only): {acTemplate.Count:F1} ± {acTemplate.Error:F1} events. " +
                  $"Asimov error of the count with the AC exposure as released: ±{asimov1:F1}; with 100× the AC exposure: ±{asimov100:F1}.");
Console.WriteLine();

var xs = analysis.FitCrossSection();
double smXs = analysis.SmFluxAveragedCrossSectionCm2() / 1e-40;
Console.WriteLine("## 3. Flux-averaged cross section (strength × NuMM's SM ⟨σ⟩, 10 % flux nuisance added, Δχ² = 1 interval)");
Console.WriteLine();
Console.WriteLine($"SM ⟨σ⟩ per nucleus (Cs/I average) = {smXs:F1} × 10⁻⁴⁰ cm²; measured {xs.Value:F1} +{xs.High - xs.Value:F1} −{xs.Value - xs.Low:F1} × 10⁻⁴⁰ cm².");
Console.WriteLine();

var limitE = analysis.MomentLimit(Csi2021Analysis.MuE);
var limitMu = analysis.MomentLimit(Csi2021Analysis.MuMu);
var margE = analysis.MomentLimit(Csi2021Analysis.MuE, OtherMoment.Profiled);
var margMu = analysis.MomentLimit(Csi2021Analysis.MuMu, OtherMoment.Profiled);
var jointE = analysis.MomentLimit(Csi2021Analysis.MuE, OtherMoment.JointRegion);
var jointMu = analysis.MomentLimit(Csi2021Analysis.MuMu, OtherMoment.JointRegion);
Console.WriteLine("## 4. Magnetic moments (from the best fit in μ ≥ 0, all nuisances profiled)");
Console.WriteLine();
Console.WriteLine("| limit, 90 % CL (10⁻¹⁰ μ_B) | other moment 0 (one at a time, Δχ² 2.706) | other moment profiled (marginalised, Δχ² 2.706) | joint 2-moment region (Δχ² 4.605) |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| μ_νe | {limitE.Limit:F1} | {margE.Limit:F1} | {jointE.Limit:F1} |");
Console.WriteLine($"| μ_νμ | {limitMu.Limit:F1} | {margMu.Limit:F1} | {jointMu.Limit:F1} |");
Console.WriteLine();
Console.WriteLine($"Best fits at μ = {limitE.BestFit:F1}, {limitMu.BestFit:F1}, {margE.BestFit:F1}, {margMu.BestFit:F1}; all fits converged: " +
                  $"{new[] { limitE, limitMu, margE, margMu, jointE, jointMu }.All(l => l.AllFitsConverged)}. The other moment stays at 0 when profiled " +
                  "here (the data lie below the SM, and μ² ≥ 0 only adds events), so the marginalised limits equal the one-at-a-time ones.");
Console.WriteLine();

Console.WriteLine("## Published vs NuMM");
Console.WriteLine();
Console.WriteLine("| quantity | published | NuMM | NuMM / published |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| fitted CEvNS count (events) | {Csi2021Published.FittedCount} ± {Csi2021Published.FittedCountError} | {count:F1} ± {countError:F1} | {count / Csi2021Published.FittedCount:F3} |");
Console.WriteLine($"| significance of the CEvNS signal (σ) | {Csi2021Published.ObservationSigma} | {significance.Sigma:F1} | {significance.Sigma / Csi2021Published.ObservationSigma:F3} |");
Console.WriteLine($"| SM ⟨σ⟩ (10⁻⁴⁰ cm²) | {Csi2021Published.SmCrossSection} ± {Csi2021Published.SmCrossSectionError} | {smXs:F1} | {smXs / Csi2021Published.SmCrossSection:F3} |");
Console.WriteLine($"| measured ⟨σ⟩ (10⁻⁴⁰ cm²) | {Csi2021Published.CrossSection} +{Csi2021Published.CrossSectionUp} −{Csi2021Published.CrossSectionDown} | {xs.Value:F1} +{xs.High - xs.Value:F1} −{xs.Value - xs.Low:F1} | {xs.Value / Csi2021Published.CrossSection:F3} |");
Console.WriteLine($"| μ_νe 90 % CL (10⁻¹⁰ μ_B), one at a time / marginalised | no number retrieved (README) | {limitE.Limit:F1} / {margE.Limit:F1} | – |");
Console.WriteLine($"| μ_νμ 90 % CL (10⁻¹⁰ μ_B), one at a time / marginalised | no number retrieved (README) | {limitMu.Limit:F1} / {margMu.Limit:F1} | – |");
Console.WriteLine();
Console.WriteLine("Moment limits from this data set were derived by phenomenologists, not by COHERENT (e.g. arXiv:2201.10578, \"Neutrino millicharge " +
                  "and other electromagnetic interactions with COHERENT-2021 data\", and arXiv:2211.11905, \"Physics implications of a combined analysis " +
                  "of COHERENT CsI and LAr data\"); their numbers could not be read from the sources reachable here, so no ratio is printed " +
                  "(README, \"Magnetic moments\"). The 11.6σ significance is quoted from the abstract of arXiv:2201.10578.");
Console.WriteLine();

// ---- Plots --------------------------------------------------------------------------------------------------------
double[] Sum(string prefix) => Enumerable.Range(0, model.BinCount).Select(b =>
    model.ComponentNames.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => model.PredictComponent(c, fit.Values)[b])).ToArray();
var parts = new[] { ("steady state", Sum("steady state")), ("BRN", Sum("BRN")), ("NIN", Sum("NIN")), ("CEvNS", Sum("CEvNS")) };
int g = Csi2021Binning.GridBins;
foreach (var (half, window) in new[] { (0, "C"), (1, "AC") })
{
    double[] Half(double[] flat) => flat.Skip(half * g).Take(g).ToArray();
    DataPlots.Write(output, $"csi2021_{window}_pe", $"CsI 2021 {window} window: PE projection (0–6 µs)", "reconstructed energy (PE)",
        [.. Csi2021Binning.PeEdges], Csi2021Binning.PeProjection(Half(analysis.Observed)), parts.Select(p => (p.Item1, Csi2021Binning.PeProjection(Half(p.Item2)))).ToList());
    DataPlots.Write(output, $"csi2021_{window}_time", $"CsI 2021 {window} window: recoil-time projection (0–60 PE)", "recoil time (µs)",
        [.. Csi2021Binning.TimeEdges], Csi2021Binning.TimeProjection(Half(analysis.Observed)), parts.Select(p => (p.Item1, Csi2021Binning.TimeProjection(Half(p.Item2)))).ToList());
}
Csi2021Plots.Events(release, Path.Combine(output, "csi2021_events"));
var grid = Enumerable.Range(0, 41).Select(i => 1.25 * i).ToArray();
FitPlots.DeltaChi2("CsI 2021: profile Δχ² of the neutrino magnetic moments", "|μ_ν| (10⁻¹⁰ μ_B)",
    [("μ_νe (μ_νμ = 0)", analysis.MomentScan(Csi2021Analysis.MuE, grid)), ("μ_νμ (μ_νe = 0)", analysis.MomentScan(Csi2021Analysis.MuMu, grid))])
    .SavePngAndSvg(Path.Combine(output, "csi2021_moment_dchi2"));
FitPlots.DeltaChi2("CsI 2021: profile Δχ² of the flux-averaged cross section", "CEvNS strength (× NuMM SM ⟨σ⟩)", [("strength", xs.Scan)], 1.0)
    .SavePngAndSvg(Path.Combine(output, "csi2021_xsec_dchi2"));
Console.WriteLine($"Plots in {Path.GetFullPath(output)}: csi2021_{{C,AC}}_{{pe,time}} (data, stacked fit, ratio panel), csi2021_events_{{C,AC}} (2-D), " +
                  "csi2021_moment_dchi2, csi2021_xsec_dchi2 (.png and .svg each).");
Console.WriteLine($"Run time {clock.Elapsed.TotalSeconds:F1} s.");
