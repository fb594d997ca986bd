using NuMM.Runtime.Data;

namespace NuMM.Runtime.Selection;

/// <summary>The event loop of one analysis over one batch type (the source generator emits one per analysis).
/// <see cref="Process"/> may be called from several threads at once on different batches and results, so a
/// kernel keeps no mutable state of its own.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public interface IAnalysisKernel<in TBatch> where TBatch : IColumnBatch
{
    /// <summary>A new, empty result with this analysis's cuts and histograms: the same shape on every call, built from
    /// new histogram and cut-flow objects each time (the runner keeps several). May be called from several threads.</summary>
    AnalysisResult CreateResult();

    /// <summary>Applies the selection to every event of <paramref name="batch"/> and adds its cut flow and
    /// histogram fills to <paramref name="into"/> (which it does not reset).</summary>
    /// <param name="batch">The events; <see cref="IColumnBatch.Length"/> are valid.</param>
    /// <param name="into">A result created by <see cref="CreateResult"/>.</param>
    void Process(TBatch batch, AnalysisResult into);
}
