// A NuMM analysis from the numm-analysis template: select events from a ROOT file with the generated kernel (the
// nominal selection and every σ point of the MET-scale systematic in one pass), print the cut flow and the
// systematic's effect, plot the spectrum, and fit the sample's normalisation with the systematic as a nuisance.
//
//   dotnet run                                   # the bundled Data/events.root, output in numm-output/
//   dotnet run -- path/to/file.root [output-folder]
using System.Globalization;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Reporting.Tables;
using NuMM.Runtime.Reporting.Terminal;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;
using NuMM.Runtime.Systematics;
using NuMMAnalysis;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string input = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "Data", "events.root");
string output = args.Length > 1 ? args[1] : "numm-output";
Directory.CreateDirectory(output);

// 1. Selection: the schema's columns are bound to the tree's branches by name, type and unit when the source opens
//    (a missing or mistyped branch is one clear error); baskets are decompressed in parallel, batches run on all cores.
using var file = RootFile.Open(input);
//    A progress bar follows the run when the output is a terminal; redirected output (logs) gets none.
var tree = file.GetTree("events");
var source = tree.OpenBatches<CollisionEvent.Batch>(CollisionEvent.Batch.Schema);
var result = TerminalProgress.Run(Path.GetFileName(input), tree.Entries, progress =>
    AnalysisRunner.Run(new MetSelection.Kernel(), source, () => new CollisionEvent.Batch(4096), new RunOptions { Progress = progress }));

var cutFlow = new CutFlowTable([new CutFlowSample("simulation", result.CutFlow)], new CutFlowTableOptions { IncludeEventCounts = true });
Console.WriteLine($"## Cut flow ({Path.GetFileName(input)})");
Console.WriteLine(cutFlow.ToMarkdown());
var systematics = new SystematicsTable([new SystematicsTableComponent("simulation", result)]);
Console.WriteLine("## Systematic uncertainty on the selected yield");
Console.WriteLine();
Console.WriteLine(systematics.ToMarkdown());

// 2. Plots: the selected spectrum with the MET-scale band.
SystematicBandPlot.ShiftedSpectrum(result, "Met", "MET scale", "Missing p_T after all cuts, MET scale ±1σ")
    .SavePngAndSvg(Path.Combine(output, "met-scale"));

// 3. Fit: the selected spectrum as the prediction, its normalisation μ free, the MET scale as a nuisance parameter
//    (interpolated per bin between the σ points the kernel filled). Asimov data (the prediction at μ = 1) give the
//    expected precision on μ; replace them by observed counts to measure it.
var prediction = SystematicPrediction.Build([new VariedComponent("simulation", result, "Met", ComponentScale.Linear("mu"))]);
var model = prediction.ToModel([new FitParameter("mu", 1.0, 0.0, 5.0)]);
var asimov = new double[model.BinCount];
model.Predict(model.InitialValues(), asimov);
var likelihood = new BinnedLikelihood(model, asimov);
var fit = new Minimizer().Minimize(likelihood);
double mu = fit["mu"], muError = fit.Errors[fit.ParameterNames.ToList().IndexOf("mu")];
double lo = Math.Max(0.1 * mu, mu - 2 * muError), hi = mu + 3 * muError;
var grid = Enumerable.Range(0, 41).Select(i => lo + i * (hi - lo) / 40).ToArray();
var scan = ProfileLikelihood.Scan(likelihood, "mu", grid);
Console.WriteLine($"## Fit ({model.BinCount} bins; nuisance parameters: {string.Join(", ", prediction.TemplateSystematics.Select(t => t.Parameter))})");
Console.WriteLine();
Console.WriteLine($"μ = {mu:F3} ± {muError:F3} (Hesse); " +
                  $"68% CL profile interval [{scan.LowerCrossing(1.0):F3}, {scan.UpperCrossing(1.0):F3}]; converged: {fit.Converged}");
new Figure("Profile Δχ² of the normalisation", "μ", "Δχ²")
    .AddLine("MET scale profiled", scan.XValues, scan.DeltaChi2)
    .AddHorizontalLine("68% CL", 1.0)
    .SavePngAndSvg(Path.Combine(output, "delta-chi2"));
Console.WriteLine($"Plots are in {Path.GetFullPath(output)}.");
