using System;

namespace NuMM.Runtime.Data.Sources;

/// <summary>Writes event <paramref name="eventIndex"/> into row <paramref name="row"/> of <paramref name="batch"/>.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
/// <param name="batch">The batch being filled.</param>
/// <param name="row">The row to write, 0..Capacity − 1.</param>
/// <param name="eventIndex">The event's 0-based index in the sample.</param>
public delegate void EventWriter<in TBatch>(TBatch batch, int row, long eventIndex);

/// <summary>A source of a fixed number of events produced by a delegate, one event at a time, in index order.
/// Event contents should depend only on the event index, so a sample is reproducible. For tests, examples and
/// simulated samples generated on the fly.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public sealed class DelegateBatchSource<TBatch> : IBatchSource<TBatch> where TBatch : IColumnBatch
{
    private readonly EventWriter<TBatch> _write;
    private readonly int _maxBatchLength;
    private long _next;

    /// <summary>Creates the source.</summary>
    /// <param name="eventCount">How many events the sample has; ≥ 0.</param>
    /// <param name="write">Writes one event into a batch row.</param>
    /// <param name="maxBatchLength">The most events per batch (further limited by each batch's capacity); ≥ 1, or 0 for the capacity.</param>
    public DelegateBatchSource(long eventCount, EventWriter<TBatch> write, int maxBatchLength = 0)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (eventCount < 0) throw new ArgumentOutOfRangeException(nameof(eventCount), eventCount, "The event count must be ≥ 0.");
        if (maxBatchLength < 0) throw new ArgumentOutOfRangeException(nameof(maxBatchLength), maxBatchLength, "maxBatchLength must be ≥ 0.");
        EventCount = eventCount;
        _write = write;
        _maxBatchLength = maxBatchLength;
    }

    /// <summary>The number of events in the sample.</summary>
    public long EventCount { get; }

    /// <inheritdoc/>
    public bool ReadNext(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        long remaining = EventCount - _next;
        if (remaining <= 0) return false;
        int room = _maxBatchLength > 0 ? Math.Min(_maxBatchLength, batch.Capacity) : batch.Capacity;
        int n = (int)Math.Min(room, remaining);
        for (int row = 0; row < n; row++) _write(batch, row, _next + row);
        batch.Length = n;
        _next += n;
        return true;
    }

    /// <summary>Starts again from event 0.</summary>
    public void Rewind() => _next = 0;
}
