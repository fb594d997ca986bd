using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.ScaleOut;

/// <summary>A generated analysis over a dataset of ROOT or NuMM files, split into shards of entries. Options:
/// <c>--dataset FILE</c> (a <see cref="Dataset"/> description) or input files as arguments with <c>--tree NAME</c> and
/// optionally <c>--pot X</c> / <c>--livetime S</c> per file; <c>--batch-size B</c>; <c>--threads T</c>.</summary>
/// <typeparam name="TBatch">The generated batch type.</typeparam>
/// <param name="kernel">Creates the analysis kernel (with its parameters).</param>
/// <param name="schema">The batch type's columns (the generated batch's <c>Schema</c>).</param>
/// <param name="newBatch">Creates a batch of the given capacity.</param>
public sealed class SelectionJob<TBatch>(Func<IAnalysisKernel<TBatch>> kernel, IReadOnlyList<ColumnInfo> schema, Func<int, TBatch> newBatch) : IScaleOutJob
    where TBatch : IColumnBatch
{
    /// <inheritdoc/>
    public string Name { get; init; } = "selection";

    /// <summary>Events per batch when <c>--batch-size</c> is not given.</summary>
    public int DefaultBatchSize { get; init; } = 8192;

    /// <inheritdoc/>
    public string FileExtension => ".nummr";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Configure(ScaleOutArguments options, string workFolder, int pieces)
    {
        var dataset = LoadDataset(options);
        string path = Path.Combine(workFolder, "dataset.json");
        dataset.Save(path);
        var stored = new Dictionary<string, string>
        {
            ["dataset"] = path,
            ["batch-size"] = options.Int("batch-size", DefaultBatchSize, 1).ToString(CultureInfo.InvariantCulture),
        };
        if (options.Get("threads") is { } t) stored["threads"] = t;
        return stored;
    }

    /// <inheritdoc/>
    public void RunPiece(ScaleOutArguments options, int piece, int pieces, string output, TextWriter log)
    {
        var dataset = LoadDataset(options);
        int batchSize = options.Int("batch-size", DefaultBatchSize, 1);
        var run = new RunOptions();
        if (options.Get("threads") != null) run.MaxThreads = options.Int("threads", 1, 1);
        var p = ShardRun.Run(kernel(), schema, newBatch, dataset, piece, pieces, batchSize, output, run);
        log.WriteLine($"{p.Analysis}: shard {piece}/{pieces}, {p.Events} events in {p.Ranges.Count} range(s) -> {output}");
    }

    /// <inheritdoc/>
    public string Merge(IReadOnlyList<string> files, string output)
    {
        var m = ResultMerger.MergeToFile(files, output);
        return $"{m.Provenance.Analysis}: merged {files.Count} shard(s), {m.Provenance.Events} events -> {output}";
    }

    /// <inheritdoc/>
    public bool IsComplete(string file, int piece, int pieces)
    {
        if (!File.Exists(file)) return false;
        try
        {
            var p = ResultFile.ReadProvenance(file);
            return p.Shard == piece && p.Shards == pieces;
        }
        catch (DataFormatException) { return false; }
    }

    private static Dataset LoadDataset(ScaleOutArguments o)
    {
        if (o.Get("dataset") is { } d)
        {
            if (o.Positional.Count > 0) throw new ArgumentException("Give either --dataset or input files, not both.");
            return Dataset.Load(d);
        }
        if (o.Positional.Count == 0) throw new ArgumentException("No input: give --dataset FILE or input files.");
        Exposure? each = null;
        if (o.Double("pot") is { } pot) each = Exposure.Pot(pot);
        if (o.Double("livetime") is { } lt) each = each == null ? Exposure.LivetimeSeconds(lt) : throw new ArgumentException("Give --pot or --livetime, not both.");
        return Dataset.FromFiles(o.Positional, o.Get("tree"), each);
    }
}
