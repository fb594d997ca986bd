using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.ScaleOut;

/// <summary>Runs one shard of a dataset through an analysis kernel and writes its result file.</summary>
public static class ShardRun
{
    /// <summary>Runs shard <paramref name="shard"/> of <paramref name="shards"/> and writes <paramref name="output"/>
    /// (atomically). Shard 0 of 1 is the single-process run.</summary>
    /// <typeparam name="TBatch">The batch type (a generated batch).</typeparam>
    /// <param name="kernel">The analysis kernel.</param>
    /// <param name="schema">The batch type's columns.</param>
    /// <param name="newBatch">Creates a batch of the given capacity.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="shard">0 ≤ shard &lt; shards.</param>
    /// <param name="shards">Number of shards.</param>
    /// <param name="batchSize">Events per batch (the same for every shard of a run).</param>
    /// <param name="output">The result file to write.</param>
    /// <param name="options">Threads, progress, cancellation; null for defaults.</param>
    /// <returns>The provenance written.</returns>
    public static ResultProvenance Run<TBatch>(IAnalysisKernel<TBatch> kernel, IReadOnlyList<ColumnInfo> schema, Func<int, TBatch> newBatch,
        Dataset dataset, int shard, int shards, int batchSize, string output, RunOptions? options = null) where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(newBatch);
        var ranges = dataset.Shard(shard, shards, batchSize);
        // NuMM files and ROOT trees are read by batch index on every runner thread; Arrow files only in order.
        IBatchSource<TBatch> source = IndexedDatasetSource<TBatch>.CanRead(dataset, ranges)
            ? new IndexedDatasetSource<TBatch>(dataset, ranges, schema)
            : new DatasetSource<TBatch>(dataset, ranges, schema);
        NuMM.Runtime.Selection.Exact.ExactResult exact;
        using (source as IDisposable)
            exact = AnalysisRunner.RunExact(kernel, source, () => newBatch(batchSize), options);
        // Every shard has the dataset's exposure kind, also one that holds no file's first entry (value 0).
        foreach (var f in dataset.Files) if (f.Exposure.Kind != ExposureKind.None) { exact.AddExposure(new Exposure(0, f.Exposure.Kind)); break; }
        foreach (var e in DatasetSource<TBatch>.ExposuresOf(dataset, ranges)) exact.AddExposure(e);
        var shape = kernel.CreateResult();
        var (shapeJson, binningHash) = ResultProvenance.HashShape(shape);
        var provenance = new ResultProvenance
        {
            Analysis = shape.AnalysisName,
            KernelType = kernel.GetType().FullName ?? kernel.GetType().Name,
            KernelHash = ResultProvenance.HashKernel(kernel),
            BinningHash = binningHash,
            NuMMVersion = ResultProvenance.CurrentVersion,
            VectorBits = ResultProvenance.HardwareVectorBits,
            Shard = shard,
            Shards = shards,
            BatchSize = batchSize,
            DatasetHash = dataset.Fingerprint(),
            Files = dataset.Files,
            Ranges = ranges,
            Events = ranges.Sum(r => r.StopEntry - r.FirstEntry),
            Host = Environment.MachineName,
            Created = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        ResultFile.Write(output, provenance, shapeJson, exact);
        return provenance;
    }
}
