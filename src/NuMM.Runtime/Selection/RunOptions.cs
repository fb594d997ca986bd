using System;
using System.Threading;

namespace NuMM.Runtime.Selection;

/// <summary>Options of <see cref="AnalysisRunner"/> runs.</summary>
public sealed class RunOptions
{
    private int _maxThreads = Environment.ProcessorCount;
    private int _batchesInFlight;

    /// <summary>Threads that process batches, including the calling thread; ≥ 1. Default: <see cref="Environment.ProcessorCount"/>.
    /// The result does not depend on it.</summary>
    public int MaxThreads
    {
        get => _maxThreads;
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(MaxThreads), value, "MaxThreads must be ≥ 1.");
            _maxThreads = value;
        }
    }

    /// <summary>Batches read but not yet merged, at most (bounds memory: one batch and one partial result each);
    /// 0 (default) means 2 × <see cref="MaxThreads"/>, and 1 thread always uses 1. The result does not depend on it.</summary>
    public int BatchesInFlight
    {
        get => _batchesInFlight;
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(BatchesInFlight), value, "BatchesInFlight must be ≥ 0.");
            _batchesInFlight = value;
        }
    }

    /// <summary>Receives progress after each batch is merged, in batch order; null for none. Reports are made on a worker
    /// thread while the runner holds its merge lock, so the callback should be short; an exception from it fails the run.</summary>
    public IProgress<RunProgress>? Progress { get; set; }

    /// <summary>Stops the run between batches; the run then throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; set; }
}

/// <summary>How far a run has got.</summary>
/// <param name="EventsProcessed">Events in the batches merged so far.</param>
/// <param name="BatchesProcessed">Batches merged so far.</param>
public readonly record struct RunProgress(long EventsProcessed, long BatchesProcessed);

/// <summary>Where in a run an exception happened.</summary>
public enum RunStage
{
    /// <summary>While the batch source filled a batch.</summary>
    Reading,
    /// <summary>While the kernel processed a batch.</summary>
    Processing,
    /// <summary>While a batch's partial result was merged into the total.</summary>
    Merging,
}

/// <summary>An exception from the batch source or the analysis kernel, with the index of the batch it happened on
/// (the first failing batch in read order when several fail). The original exception is the inner exception.</summary>
public sealed class AnalysisRunException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="analysisName">The analysis that was running.</param>
    /// <param name="batchIndex">The 0-based index of the batch in read order.</param>
    /// <param name="stage">What was being done to the batch.</param>
    /// <param name="inner">The original exception.</param>
    public AnalysisRunException(string analysisName, long batchIndex, RunStage stage, Exception inner)
        : base($"Analysis '{analysisName}' failed while {Verb(stage)} batch {batchIndex}: {inner.Message}", inner)
    {
        AnalysisName = analysisName;
        BatchIndex = batchIndex;
        Stage = stage;
    }

    /// <summary>The analysis that was running.</summary>
    public string AnalysisName { get; }

    /// <summary>The 0-based index of the failing batch in read order.</summary>
    public long BatchIndex { get; }

    /// <summary>What was being done to the batch.</summary>
    public RunStage Stage { get; }

    private static string Verb(RunStage s) => s switch
    {
        RunStage.Reading => "reading",
        RunStage.Processing => "processing",
        _ => "merging",
    };
}
