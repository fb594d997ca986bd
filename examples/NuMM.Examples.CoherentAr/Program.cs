// COHERENT CENNS-10 liquid argon, Analysis A (Akimov et al., Phys. Rev. Lett. 126, 012002 (2021)), from its release:
//   1. the Standard-Model CEvNS expectation from NuMM's physics and the release's detector parameters;
//   2. the 3-D (energy × F90 × time) Poisson fit of the beam-on data with the released pdfs, their constraints and their
//      shape variations as template systematics.
// Output: tables on the console, SVG plots in numm-output/coherent-ar (or the folder given after --).
using System.Diagnostics;
using System.Globalization;
using NuMM.Examples.CoherentAr;
using NuMM.Runtime.Reporting.Plots;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();
string output = args.Length > 0 ? args[0] : Path.Combine("numm-output", "coherent-ar");

var release = Ar2020Release.Load();   // every input is read (and checked) before anything is written
Directory.CreateDirectory(output);
Console.WriteLine("# COHERENT CENNS-10 argon (Analysis A) fitted with NuMM");
Console.WriteLine();

// ---- 1. SM prediction ---------------------------------------------------------------------------------------------
var prediction = new Ar2020Prediction(release);
var sm = prediction.StandardModel();
Console.WriteLine($"## 1. SM CEvNS expectation (fluence {prediction.FluencePerFlavourCm2:0.000e+00} ν/cm² per flavour, {Ar2020Prediction.FiducialMassKg} kg Ar)");
Console.WriteLine();
Console.WriteLine($"Time-window fractions (0–5 µs): prompt {Ar2020Prediction.TimeWindowFraction(false):F4}, delayed {Ar2020Prediction.TimeWindowFraction(true):F4}.");
Console.WriteLine();
Console.WriteLine("| flavour | " + string.Join(" | ", Enumerable.Range(0, 6).Select(i => $"{10 * i}–{10 * i + 10}")) + " | 60–120 | total (keVee) |");
Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", 8)));
foreach (var (flavour, counts) in sm)
    Console.WriteLine($"| {flavour} | " + string.Join(" | ", counts.Take(6).Select(c => c.ToString("F1"))) + $" | {counts.Skip(6).Sum():F1} | {counts.Sum():F1} |");
double smTotal = sm.Sum(s => s.Counts.Sum());
var releasedCevns = Ar2020Release.Project(release.Pdfs["cevns"], 0);
Console.WriteLine("| release CEvNS pdf | " + string.Join(" | ", releasedCevns.Take(6).Select(c => c.ToString("F1"))) + $" | {releasedCevns.Skip(6).Sum():F1} | {releasedCevns.Sum():F1} |");
Console.WriteLine();

// ---- 2. Fits ------------------------------------------------------------------------------------------------------
var (fit, model) = new Ar2020Analysis(release).Fit();
var (fitStat, modelStat) = new Ar2020Analysis(release).Fit(withShapeSystematics: false);
double cevns = Ar2020Analysis.Events(model, fit, "CEvNS");
double cevnsErr = fit.ErrorOf(Ar2020Analysis.Cevns) * cevns / fit[Ar2020Analysis.Cevns];
double Err(string p, string c) => fit.ErrorOf(p) * Ar2020Analysis.Events(model, fit, c) / fit[p];
Console.WriteLine($"## 2. 3-D Poisson fit (960 bins): {fit.Status}, −2lnλ = {fit.Minimum:F1}; pulls: " +
                  string.Join(", ", model.Parameters.Skip(4).Select(p => $"{p.Name} {fit[p.Name]:+0.00;-0.00}")));
Console.WriteLine();
Console.WriteLine("## Published vs NuMM");
Console.WriteLine();
Console.WriteLine("| quantity | published | NuMM | NuMM / published |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| SM CEvNS prediction (events) | {Ar2020Published.PredictedCevns} ± {Ar2020Published.PredictedCevnsError} | {smTotal:F1} | {smTotal / Ar2020Published.PredictedCevns:F3} |");
Console.WriteLine($"| fitted CEvNS (events) | {Ar2020Published.FittedCevns} ± {Ar2020Published.FittedCevnsError} | {cevns:F1} ± {cevnsErr:F1} | {cevns / Ar2020Published.FittedCevns:F3} |");
double brn = Ar2020Analysis.Events(model, fit, "prompt BRN"), del = Ar2020Analysis.Events(model, fit, "delayed BRN"), ss = Ar2020Analysis.Events(model, fit, "steady state");
Console.WriteLine($"| fitted prompt BRN | {Ar2020Published.FittedBrn} ± {Ar2020Published.FittedBrnError} | {brn:F1} ± {Err(Ar2020Analysis.Brn, "prompt BRN"):F1} | {brn / Ar2020Published.FittedBrn:F3} |");
Console.WriteLine($"| fitted delayed BRN | {Ar2020Published.FittedDelayedBrn} ± {Ar2020Published.FittedDelayedBrnError} | {del:F1} ± {Err(Ar2020Analysis.DelayedBrn, "delayed BRN"):F1} | {del / Ar2020Published.FittedDelayedBrn:F3} |");
Console.WriteLine($"| fitted steady state | {Ar2020Published.FittedSs} ± {Ar2020Published.FittedSsError} | {ss:F1} ± {Err(Ar2020Analysis.SteadyState, "steady state"):F1} | {ss / Ar2020Published.FittedSs:F3} |");
Console.WriteLine();
double cevnsStat = Ar2020Analysis.Events(modelStat, fitStat, "CEvNS");
Console.WriteLine($"Without the shape systematics: CEvNS {cevnsStat:F1} ± {fitStat.ErrorOf(Ar2020Analysis.Cevns) * 128:F1}.");
Console.WriteLine();

// ---- Plots --------------------------------------------------------------------------------------------------------
string[] names = ["steady state", "prompt BRN", "delayed BRN", "CEvNS"];
var axes = new[] { ("energy", "reconstructed energy (keVee)", Enumerable.Range(0, 13).Select(i => 10.0 * i).ToArray()),
                   ("f90", "F90", Enumerable.Range(0, 9).Select(i => 0.5 + 0.05 * i).ToArray()),
                   ("time", "trigger time (µs)", Enumerable.Range(0, 11).Select(i => -0.1 + 0.5 * i).ToArray()) };
for (int axis = 0; axis < 3; axis++)
{
    var (stem, label, edges) = axes[axis];
    DataPlots.Write(output, $"ar2020_{stem}", $"CENNS-10 Analysis A: {stem} projection, data vs 3-D fit", label, edges,
        Ar2020Release.Project(release.Data, axis), names.Select(n => (n, Ar2020Release.Project(model.PredictComponent(n, fit.Values), axis))).ToList());
}
Console.WriteLine($"Plots in {Path.GetFullPath(output)}: ar2020_{{energy,f90,time}} (data, stacked fit, ratio panel; .png and .svg each).");
Console.WriteLine($"Run time {clock.Elapsed.TotalSeconds:F1} s.");
