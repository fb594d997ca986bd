using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using NuMM.Cli.Commands;
using NuMM.Runtime.Data;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Statistics.HistFactory;

namespace NuMM.Cli;

/// <summary>Dispatches the `numm` command line: `numm inspect FILE [--verify]`,
/// `numm convert INPUT OUTPUT.numm [--tree T] [--columns a,b,c] [--map mapping.txt] [--pot X | --livetime S]`,
/// `numm merge OUTPUT.nummr SHARDS...`, `numm fit WORKSPACE.json [--patch P.json] [--mu 1] [--cl 0.95]` and `numm export INPUT.json OUTPUT.json [--patch P.json]`.
/// Errors print one line to standard error and give exit code 1 (bad input) or 2 (bad usage).</summary>
public static class NummCommand
{
    /// <summary>Runs the command line on the console and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output and error writers and returns the exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("NuMM data tool: inspect event files, convert them to NuMM's columnar format, fit and export HistFactory workspaces.");

        var inspectFile = new Argument<string>("FILE") { Description = "A NuMM (.numm), ROOT (.root), numpy (.npz, .npy) or CSV (.csv) file." };
        var inspect = new Command("inspect", "List a file's trees (ROOT) or columns (NuMM, numpy, CSV) with types, units and entry counts.");
        var verify = new Option<bool>("--verify") { Description = "Read all data: NuMM files every chunk (checksums, finite flags); ROOT files every basket of every readable branch, decompressed and checked." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output: no bar on a terminal, no progress lines on standard error." };
        var resultJson = new Option<string?>("--json") { Description = "Result files (.nummr): also write the result as NuMM result JSON to this file." };
        inspect.Arguments.Add(inspectFile);
        inspect.Options.Add(verify);
        inspect.Options.Add(resultJson);
        inspect.Options.Add(quiet);
        inspect.SetAction(r => Guard(error, "inspect", () =>
        {
            string path = r.GetValue(inspectFile)!;
            if (ResultCommands.IsResultFile(path)) ResultCommands.Inspect(path, output, r.GetValue(resultJson));
            else InspectCommand.Run(path, output, r.GetValue(verify), r.GetValue(quiet));
        }));
        root.Subcommands.Add(inspect);

        var mergeOut = new Argument<string>("OUTPUT") { Description = "The merged result file (.nummr); written atomically, never partial." };
        var mergeIn = new Argument<string[]>("SHARDS") { Description = "The shard result files of one sharded run (any order).", Arity = ArgumentArity.OneOrMore };
        var merge = new Command("merge", "Merge the shard result files of a sharded analysis run (docs/scale-out.md): refuses foreign, overlapping, missing, duplicated or truncated shards; the result is bit-identical to one run.");
        merge.Arguments.Add(mergeOut);
        merge.Arguments.Add(mergeIn);
        merge.SetAction(r => Guard(error, "merge", () => ResultCommands.Merge(r.GetValue(mergeOut)!, r.GetValue(mergeIn)!, output)));
        root.Subcommands.Add(merge);

        var input = new Argument<string>("INPUT") { Description = "The file to convert: ROOT, NuMM, numpy (.npz, .npy) or CSV." };
        var outputFile = new Argument<string>("OUTPUT") { Description = "The file to write: NuMM (.numm), Arrow IPC (.arrow, .feather) or Parquet (.parquet); replaced atomically, never left half-written." };
        var tree = new Option<string?>("--tree") { Description = "ROOT input: the tree to read (needed when the file holds several)." };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated output columns to keep (default: all, or all mapped ones)." };
        var map = new Option<string?>("--map") { Description = "Mapping file: one 'column = source [unit] : type' per line (or a JSON object)." };
        var pot = new Option<double?>("--pot") { Description = "Exposure in protons on target." };
        var livetime = new Option<double?>("--livetime") { Description = "Exposure as livetime in seconds." };
        var created = new Option<string?>("--created") { Description = "Creation time to record in the provenance (nothing is recorded implicitly)." };
        var rowGroup = new Option<int>("--row-group") { Description = "Entries per row group of the output.", DefaultValueFactory = _ => 65536 };
        var convert = new Command("convert", "Convert ROOT, NuMM, Arrow, Parquet, numpy or CSV input into NuMM's columnar format, Arrow IPC, Parquet or ROOT (by the output's extension: .numm, .arrow, .parquet, .root; jagged ROOT branches become list columns in Arrow and Parquet).");
        convert.Arguments.Add(input);
        convert.Arguments.Add(outputFile);
        foreach (var o in new Option[] { tree, columns, map, pot, livetime, created, rowGroup, quiet }) convert.Options.Add(o);
        convert.SetAction(r =>
        {
            double? p = r.GetValue(pot), l = r.GetValue(livetime);
            if (p is not null && l is not null) return Usage(error, "give either --pot or --livetime, not both");
            Exposure? exposure = null;
            try
            {
                if (p is double x) exposure = Exposure.Pot(x);
                if (l is double s) exposure = Exposure.LivetimeSeconds(s);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Usage(error, string.Create(CultureInfo.InvariantCulture, $"the exposure must be finite and ≥ 0; got {p ?? l}"));
            }
            int rg = r.GetValue(rowGroup);
            if (rg < 1 || rg > 1 << 27) return Usage(error, string.Create(CultureInfo.InvariantCulture, $"--row-group must lie in [1, {1 << 27}]; got {rg}"));
            var cols = r.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (cols is { Length: 0 }) return Usage(error, "--columns lists no column");
            var request = new ConvertRequest(r.GetValue(input)!, r.GetValue(outputFile)!, r.GetValue(tree), cols, r.GetValue(map), exposure, r.GetValue(created), rg) { Quiet = r.GetValue(quiet) };
            return Guard(error, "convert", () => ConvertCommand.Run(request, output));
        });
        root.Subcommands.Add(convert);

        var workspace = new Argument<string>("WORKSPACE") { Description = "A HistFactory workspace (pyhf JSON schema 1.0.0)." };
        var patch = new Option<string[]>("--patch") { Description = "JSON-Patch file (or pyhf patchset) applied to the workspace; repeatable.", AllowMultipleArgumentsPerToken = false };
        var patchName = new Option<string?>("--patch-name") { Description = "The patch to apply from a patchset." };
        var measurement = new Option<string?>("--measurement") { Description = "Measurement to use (default: the first)." };
        var mu = new Option<double>("--mu") { Description = "Value of the parameter of interest tested for CLs.", DefaultValueFactory = _ => 1.0 };
        var cl = new Option<double>("--cl") { Description = "Confidence level of the upper limit.", DefaultValueFactory = _ => 0.95 };
        var statistic = new Option<string>("--statistic") { Description = "Test statistic for CLs at --mu: qtilde or q.", DefaultValueFactory = _ => "qtilde" };
        var normsys = new Option<string>("--normsys-code") { Description = "normsys interpolation: 1 (pyhf default), 0 or 4.", DefaultValueFactory = _ => "1" };
        var histosys = new Option<string>("--histosys-code") { Description = "histosys interpolation: 0 (pyhf default) or 4p.", DefaultValueFactory = _ => "0" };
        var fit = new Command("fit", "Fit a HistFactory workspace: global fit, CLs at --mu with its expected band, asymptotic CLs upper limit.");
        fit.Arguments.Add(workspace);
        foreach (var o in new Option[] { patch, patchName, measurement, mu, cl, statistic, normsys, histosys }) fit.Options.Add(o);
        fit.SetAction(r =>
        {
            string stat = r.GetValue(statistic)!;
            if (stat is not ("qtilde" or "q")) return Usage(error, $"--statistic must be qtilde or q; got '{stat}'");
            NormsysInterpolation? ns = r.GetValue(normsys) switch { "0" => NormsysInterpolation.Code0, "1" => NormsysInterpolation.Code1, "4" => NormsysInterpolation.Code4, _ => null };
            HistosysInterpolation? hs = r.GetValue(histosys) switch { "0" => HistosysInterpolation.Code0, "4p" => HistosysInterpolation.Code4p, _ => null };
            if (ns is null) return Usage(error, $"--normsys-code must be 0, 1 or 4; got '{r.GetValue(normsys)}'");
            if (hs is null) return Usage(error, $"--histosys-code must be 0 or 4p; got '{r.GetValue(histosys)}'");
            double c = r.GetValue(cl);
            if (!(c > 0 && c < 1)) return Usage(error, string.Create(CultureInfo.InvariantCulture, $"--cl must lie in (0, 1); got {c}"));
            var request = new FitRequest(r.GetValue(workspace)!, r.GetValue(patch) ?? [], r.GetValue(patchName), r.GetValue(measurement), r.GetValue(mu), c,
                stat == "qtilde", new HistFactoryOptions { Normsys = ns.Value, Histosys = hs.Value });
            return Guard(error, "fit", () => FitCommand.Run(request, output));
        });
        root.Subcommands.Add(fit);

        var exportIn = new Argument<string>("INPUT") { Description = "A HistFactory workspace (pyhf JSON schema 1.0.0)." };
        var exportOut = new Argument<string>("OUTPUT") { Description = "The workspace to write (replaced atomically)." };
        var export = new Command("export", "Apply patches to a HistFactory workspace and write it in the pyhf schema (validated).");
        export.Arguments.Add(exportIn);
        export.Arguments.Add(exportOut);
        export.Options.Add(patch);
        export.Options.Add(patchName);
        export.SetAction(r => Guard(error, "export", () => ExportCommand.Run(r.GetValue(exportIn)!, r.GetValue(exportOut)!, r.GetValue(patch) ?? [], r.GetValue(patchName), output)));
        root.Subcommands.Add(export);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
            return Usage(error, parsed.Errors[0].Message + " (see 'numm --help')");
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine("numm: " + message);
        return 2;
    }

    // Expected failures (bad input, missing file) become one line on stderr and exit code 1; anything else is a bug
    // and propagates with its stack trace.
    private static int Guard(TextWriter error, string command, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is DataFormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
                                      or NotSupportedException or ArgumentException or IOException or HistFactoryFormatException or MergeException)
        {
            error.WriteLine($"numm {command}: error: {OneLine(e.Message)}");
            return 1;
        }
    }

    private static string OneLine(string message) =>
        string.Join("; ", message.Split('\n').Select(l => l.Trim()).Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l)
            .Where(l => l.Length > 0)).Replace(":;", ":", StringComparison.Ordinal);
}
