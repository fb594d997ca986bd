using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NuMM.Runtime.Statistics.HistFactory;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Cli.Commands;

/// <summary>What `numm fit` was asked to do.</summary>
/// <param name="Workspace">HistFactory workspace JSON (pyhf schema 1.0.0).</param>
/// <param name="Patches">JSON-Patch or patchset files applied in order.</param>
/// <param name="PatchName">Patch to take from a patchset.</param>
/// <param name="Measurement">Measurement name (null: the first).</param>
/// <param name="Mu">Tested value of the parameter of interest for CLs.</param>
/// <param name="ConfidenceLevel">Confidence level of the upper limit.</param>
/// <param name="Tilde">q̃ (true) or q.</param>
/// <param name="Options">Interpolation codes.</param>
internal sealed record FitRequest(string Workspace, IReadOnlyList<string> Patches, string? PatchName, string? Measurement, double Mu,
    double ConfidenceLevel, bool Tilde, HistFactoryOptions Options);

/// <summary>`numm fit WORKSPACE.json`: global fit (multi-start), CLs at μ with its expected band, and the asymptotic CLs upper limit.</summary>
internal static class FitCommand
{
    public static void Run(FitRequest r, TextWriter output)
    {
        var ws = HistFactoryWorkspace.Load(r.Workspace, r.Patches, r.PatchName);
        var model = HistFactoryModel.Create(ws, r.Options with { Measurement = r.Measurement });
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"workspace {Path.GetFileName(r.Workspace)}: measurement '{ws.Measurement(r.Measurement).Name}', POI '{model.Poi}', {model.Channels.Count} channel(s), {model.Observed.Count} bins, {model.Parameters.Count} free parameters"));
        var fit = new Minimizer().Minimize(model);
        output.WriteLine(string.Create(inv, $"global fit: −2 ln λ(saturated) = {fit.Minimum:G8}, {fit.Status}, EDM {fit.EstimatedDistanceToMinimum:G3}; " +
            $"{fit.Minima.Count} distinct minim{(fit.Minima.Count == 1 ? "um" : "a")} from {fit.Starts} starts, the best reached from {fit.StartsReachingBest}"));
        output.WriteLine("| parameter | value | error |");
        output.WriteLine("|---|---:|---:|");
        for (int i = 0; i < fit.Values.Length; i++)
            output.WriteLine(string.Create(inv, $"| {fit.ParameterNames[i]} | {fit.Values[i]:G6} | {fit.Errors[i]:G3} |"));
        var stat = r.Tilde ? HypothesisStatistic.QMuTilde : HypothesisStatistic.QMu;
        var test = HypothesisTest.Asymptotic(model, model.Poi, r.Mu, stat);
        output.WriteLine(string.Create(inv, $"CLs at {model.Poi} = {r.Mu:G6} ({(r.Tilde ? "q̃" : "q")}, asymptotic): observed {test.Cls:G6}; expected −2σ..+2σ: {string.Join(", ", test.Expected.Select(x => x.ToString("G6", inv)))}"));
        var limit = AsymptoticCls.UpperLimit(model, model.Poi, r.ConfidenceLevel);
        output.WriteLine(string.Create(inv, $"{r.ConfidenceLevel * 100:G4}% CL upper limit on {model.Poi} (asymptotic CLs, q̃): observed {limit.Observed:G6}; expected median {limit.ExpectedMedian:G6} [−1σ {limit.ExpectedMinus1:G6}, +1σ {limit.ExpectedPlus1:G6}] [−2σ {limit.ExpectedMinus2:G6}, +2σ {limit.ExpectedPlus2:G6}]"));
    }
}

/// <summary>`numm export INPUT.json OUTPUT.json`: applies patches and writes the workspace back in the pyhf schema.</summary>
internal static class ExportCommand
{
    public static void Run(string input, string outputFile, IReadOnlyList<string> patches, string? patchName, TextWriter output)
    {
        var ws = HistFactoryWorkspace.Load(input, patches, patchName);
        string json = ws.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        string full = Path.GetFullPath(outputFile);
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temp, json);
            File.Move(temp, full, overwrite: true); // never leave a half-written workspace
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        output.WriteLine($"wrote {outputFile}: {ws.Channels.Count} channel(s), {ws.Channels.Sum(c => c.Samples.Count)} samples, {patches.Count} patch(es) applied");
    }
}
