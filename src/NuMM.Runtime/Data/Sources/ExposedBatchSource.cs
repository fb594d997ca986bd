using System;

namespace NuMM.Runtime.Data.Sources;

/// <summary>A batch source together with the exposure its events correspond to, for sources whose format carries none
/// (CSV, numpy, ROOT trees, simulations generated on the fly). Batches pass through unchanged.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public sealed class ExposedBatchSource<TBatch> : IBatchSource<TBatch>, IExposureSource where TBatch : IColumnBatch
{
    private readonly IBatchSource<TBatch> _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The events.</param>
    /// <param name="exposure">The exposure of all of them (POT, or livetime in s).</param>
    /// <exception cref="ArgumentException">The exposure is not finite, negative, or non-zero of kind None.</exception>
    public ExposedBatchSource(IBatchSource<TBatch> inner, Exposure exposure)
    {
        ArgumentNullException.ThrowIfNull(inner);
        exposure.Validate("Batch source");
        _inner = inner;
        Exposure = exposure;
    }

    /// <inheritdoc/>
    public Exposure Exposure { get; }

    /// <summary>The wrapped source.</summary>
    public IBatchSource<TBatch> Inner => _inner;

    /// <inheritdoc/>
    public bool ReadNext(TBatch batch) => _inner.ReadNext(batch);
}

/// <summary>Attaches an exposure to a batch source.</summary>
public static class BatchSourceExposure
{
    /// <summary>The source with the exposure of its events attached.</summary>
    /// <typeparam name="TBatch">The columnar batch type.</typeparam>
    /// <param name="source">The events.</param>
    /// <param name="exposure">Their exposure (POT, or livetime in s).</param>
    public static ExposedBatchSource<TBatch> WithExposure<TBatch>(this IBatchSource<TBatch> source, Exposure exposure) where TBatch : IColumnBatch =>
        new(source, exposure);

    /// <summary>The exposure <paramref name="source"/> knows, or <see cref="Exposure.None"/>.</summary>
    /// <param name="source">Any object; sources implementing <see cref="IExposureSource"/> report theirs.</param>
    public static Exposure Of(object source) => source is IExposureSource e ? e.Exposure : Exposure.None;
}
