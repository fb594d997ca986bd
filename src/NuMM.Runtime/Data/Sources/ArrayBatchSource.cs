using System;
using System.Collections.Generic;

namespace NuMM.Runtime.Data.Sources;

/// <summary>A source that replays prebuilt batches in order: to the runner as the batches themselves (zero-copy,
/// <see cref="IBatchViewSource{TBatch}"/>), to any other reader by copying each into the batch it is given. For
/// tests, examples and samples held in memory.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public sealed class ArrayBatchSource<TBatch> : IBatchViewSource<TBatch> where TBatch : IColumnBatch
{
    private readonly TBatch[] _batches;
    private int _next;

    /// <summary>Creates the source; the list is copied (the batches are not).</summary>
    /// <param name="batches">The batches to replay, in order.</param>
    public ArrayBatchSource(IReadOnlyList<TBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        _batches = new TBatch[batches.Count];
        for (int i = 0; i < _batches.Length; i++)
            _batches[i] = batches[i] ?? throw new ArgumentException($"Batch {i} is null.", nameof(batches));
    }

    /// <summary>The number of batches.</summary>
    public int BatchCount => _batches.Length;

    /// <summary>The total number of events in all batches.</summary>
    public long EventCount
    {
        get
        {
            long n = 0;
            foreach (var b in _batches) n += b.Length;
            return n;
        }
    }

    /// <inheritdoc/>
    public bool ReadNext(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_next >= _batches.Length) return false;
        var from = _batches[_next];
        try
        {
            BatchCopy.Copy(from, batch);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Batch {_next} of the array source does not fit the batch to fill: {e.Message}", nameof(batch), e);
        }
        _next++;
        return true;
    }

    /// <inheritdoc/>
    public bool TryNextView([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TBatch batch)
    {
        if (_next >= _batches.Length) { batch = default; return false; }
        batch = _batches[_next++];
        return true;
    }

    /// <summary>Starts again from the first batch.</summary>
    public void Rewind() => _next = 0;
}
