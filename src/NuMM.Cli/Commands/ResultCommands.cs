using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Selection;

namespace NuMM.Cli.Commands;

/// <summary>`numm inspect RESULT.nummr` and `numm merge OUTPUT.nummr SHARDS...`: analysis result files of (sharded)
/// runs, read without the analysis program.</summary>
public static class ResultCommands
{
    /// <summary>True when <paramref name="path"/> starts like a result file.</summary>
    public static bool IsResultFile(string path)
    {
        if (!File.Exists(path)) return false;
        using var s = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8];
        return s.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual("NUMMRSLT"u8);
    }

    /// <summary>Writes the provenance, exposure, cut flow, histograms and variations of a result file.</summary>
    /// <param name="path">The result file.</param>
    /// <param name="output">Where the listing goes.</param>
    /// <param name="json">When set, also writes the result as NuMM result JSON (format 2) to this file.</param>
    public static void Inspect(string path, TextWriter output, string? json = null)
    {
        var file = ResultFile.Read(path);
        var p = file.Provenance;
        var r = file.Result();
        output.WriteLine(Invariant($"{path}: NuMM analysis result '{p.Analysis}', shard {p.Shard}/{p.Shards}, {p.Events} events in {p.Ranges.Count} range(s) of {p.Files.Count} file(s)"));
        output.WriteLine($"kernel: {p.KernelType} (hash {p.KernelHash[..16]}…), binning hash {p.BinningHash[..16]}…, NuMM {p.NuMMVersion}, {p.VectorBits}-bit vectors, batch size {p.BatchSize}");
        output.WriteLine($"written on {p.Host} at {p.Created}; dataset hash {p.DatasetHash[..16]}…");
        foreach (var range in p.Ranges)
            output.WriteLine(Invariant($"  {p.Files[range.File].Path}{(p.Files[range.File].Tree is { } t ? ":" + t : "")} entries [{range.FirstEntry}, {range.StopEntry})"));
        output.WriteLine($"exposure: {r.Exposure}");
        output.WriteLine();
        output.WriteLine(r.CutFlow.ToMarkdown());
        foreach (var h in r.Histograms1D)
            output.WriteLine(Invariant($"histogram {h.Name}: {h.Axis.Count} bins, integral {h.Integral():R} ± {h.IntegralError():R} (with under/overflow {h.Integral(true):R})"));
        foreach (var h in r.Histograms2D)
            output.WriteLine(Invariant($"histogram {h.Name}: {h.X.Count} × {h.Y.Count} bins, integral {h.Integral():R} (with flows {h.Integral(true):R})"));
        if (r.Variations.Count > 0)
            output.WriteLine($"variations: {r.Variations.Count} ({string.Join(", ", r.Systematics.Select(s => $"{s} ×{r.VariationsOf(s).Count}"))})");
        if (json != null)
        {
            AtomicFile.Write(json, System.Text.Encoding.UTF8.GetBytes(AnalysisResultJson.ToJson(r)));
            output.WriteLine($"wrote {json} (NuMM result JSON)");
        }
    }

    /// <summary>Merges shard result files into <paramref name="output"/> (checked; atomic; bit-identical to one run).</summary>
    public static void Merge(string output, IReadOnlyList<string> shards, TextWriter log)
    {
        if (shards.Count == 0) throw new ArgumentException("give the shard result files to merge");
        var m = ResultMerger.MergeToFile(shards, output);
        log.WriteLine(Invariant($"merged {shards.Count} shard(s) of '{m.Provenance.Analysis}', {m.Provenance.Events} events, exposure {m.Result().Exposure} -> {output}"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
