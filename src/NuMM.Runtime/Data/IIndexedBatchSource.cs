namespace NuMM.Runtime.Data;

/// <summary>A source that can fill any of its batches on request, from several threads at once: batch k of batches of
/// capacity C holds the events a sequential <see cref="IBatchSource{TBatch}.ReadNext"/> with batches of capacity C would
/// put in its k-th batch (events [k·C, (k+1)·C) of the source's range). <see cref="Selection.AnalysisRunner"/> then lets
/// every thread read (and decompress) a different batch instead of taking turns inside the source, and still merges
/// the partial results in batch order, so the result is the same for any thread count.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public interface IIndexedBatchSource<in TBatch> : IBatchSource<TBatch> where TBatch : IColumnBatch
{
    /// <summary>Fills <paramref name="batch"/> with batch <paramref name="index"/> for batches of its
    /// <see cref="IColumnBatch.Capacity"/>; returns false (and sets the length to 0) when the source has fewer batches.
    /// Safe to call concurrently with different batch objects; independent of <see cref="IBatchSource{TBatch}.ReadNext"/>'s position.</summary>
    /// <param name="index">The batch's index, from 0.</param>
    /// <param name="batch">The batch to overwrite.</param>
    bool ReadBatch(long index, TBatch batch);
}
