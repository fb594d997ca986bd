using System;
using System.Threading;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>Progress of a toy ensemble (toys done out of the run's total).</summary>
/// <param name="ToysDone">Toys finished so far (counted in toy order, see <see cref="HypothesisToyOptions.Progress"/>).</param>
/// <param name="ToysTotal">Toys in the run.</param>
public readonly record struct ToyProgress(long ToysDone, long ToysTotal);

/// <summary>Turns completions of numbered work items, in whatever order threads finish them, into progress reports in item
/// order: the count reported is the summed size of the completed prefix 0 … k, reported whenever it crosses a further
/// 1 % of the total and at the end. The sequence of reported values is therefore the same for any thread count and
/// timing, and the reports (made one at a time, under a lock) never touch the work's results.</summary>
internal sealed class OrderedProgress
{
    private readonly Lock _lock = new();
    private readonly bool[] _done;
    private readonly Func<int, long> _size;
    private readonly Action<long> _report;
    private readonly long _offset, _total, _step;
    private int _next;
    private long _prefix;

    /// <param name="count">Work items, numbered 0 … count − 1.</param>
    /// <param name="size">Units (toys, points) in item i.</param>
    /// <param name="offset">Units already done before item 0 (an earlier ensemble of the same run).</param>
    /// <param name="total">Units of the whole run.</param>
    /// <param name="report">Receives the units done; called in increasing order, one call at a time.</param>
    public OrderedProgress(int count, Func<int, long> size, long offset, long total, Action<long> report)
    {
        _done = new bool[count];
        _size = size;
        _offset = offset;
        _total = total;
        _step = Math.Max(1, total / 100);
        _report = report;
    }

    /// <summary>A tracker for <paramref name="count"/> items, or null (no tracking cost) when nobody listens.</summary>
    public static OrderedProgress? For<T>(IProgress<T>? progress, int count, Func<int, long> size, long offset, long total, Func<long, long, T> make) =>
        progress is null ? null : new OrderedProgress(count, size, offset, total, done => progress.Report(make(done, total)));

    /// <summary>Marks item <paramref name="index"/> done and reports what the completed prefix newly covers.</summary>
    public void Complete(int index)
    {
        lock (_lock)
        {
            _done[index] = true;
            while (_next < _done.Length && _done[_next])
            {
                long before = _offset + _prefix;
                _prefix += _size(_next++);
                long after = _offset + _prefix;
                if (after / _step != before / _step || after == _total) _report(after);
            }
        }
    }
}
