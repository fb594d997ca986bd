using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection.Exact;

namespace NuMM.Runtime.Selection;

/// <summary>Runs an analysis kernel over a batch source on several threads with a result that is bitwise identical
/// for any thread count and from run to run; the result carries the exposure of the source when it knows it
/// (<see cref="IExposureSource"/>). The source is read sequentially and each batch gets a sequence number;
/// batch i is processed into its own (pooled, reset) partial result, and partials are added to the total strictly in
/// sequence order, so the floating-point summation order depends only on the data and the batch size. A source that
/// can fill any batch by its index (<see cref="IIndexedBatchSource{TBatch}"/>, for example a ROOT tree) is read by every
/// thread at once, each thread reading and decompressing its own batch; batch i is then the same events as in a
/// sequential read, so the result does not change.</summary>
public static class AnalysisRunner
{
    /// <summary>Processes every batch of <paramref name="source"/> with <paramref name="kernel"/> and returns the merged result.</summary>
    /// <typeparam name="TBatch">The columnar batch type.</typeparam>
    /// <param name="kernel">The analysis kernel; <see cref="IAnalysisKernel{TBatch}.Process"/> runs concurrently on different batches.</param>
    /// <param name="source">The events; read from one thread at a time, in order.</param>
    /// <param name="newBatch">Creates an empty batch; called at most once per batch in flight (batches are reused).</param>
    /// <param name="options">Threads, progress and cancellation; null for defaults.</param>
    /// <exception cref="AnalysisRunException">The source or the kernel threw; carries the batch index.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static AnalysisResult Run<TBatch>(IAnalysisKernel<TBatch> kernel, IBatchSource<TBatch> source, Func<TBatch> newBatch, RunOptions? options = null)
        where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(newBatch);
        options ??= new RunOptions();
        options.CancellationToken.ThrowIfCancellationRequested();
        return new OrderedRun<TBatch>([kernel], source, newBatch, options).Execute()[0];
    }

    /// <summary>Like <see cref="Run{TBatch}(IAnalysisKernel{TBatch}, IBatchSource{TBatch}, Func{TBatch}, RunOptions?)"/>, but
    /// returns the error-free sum of the per-batch partial results (and the source's exposure) before rounding: what a
    /// shard of a sharded run stores, so that adding the shards' sums and rounding once gives the single-run result.</summary>
    /// <typeparam name="TBatch">The columnar batch type.</typeparam>
    /// <param name="kernel">The analysis kernel.</param>
    /// <param name="source">The events.</param>
    /// <param name="newBatch">Creates an empty batch.</param>
    /// <param name="options">Threads, progress and cancellation; null for defaults.</param>
    /// <exception cref="AnalysisRunException">The source or the kernel threw; carries the batch index.</exception>
    public static ExactResult RunExact<TBatch>(IAnalysisKernel<TBatch> kernel, IBatchSource<TBatch> source, Func<TBatch> newBatch, RunOptions? options = null)
        where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(newBatch);
        options ??= new RunOptions();
        options.CancellationToken.ThrowIfCancellationRequested();
        var run = new OrderedRun<TBatch>([kernel], source, newBatch, options);
        run.Execute();
        return run.Exact[0];
    }

    /// <summary>Reads <paramref name="source"/> once and lets every kernel of <paramref name="kernels"/> process each
    /// batch while it is in memory (and in cache), as CAFAna's loader fills many spectra in one loop: for example the
    /// Standard-Model and the reweighted signal selection of one simulated sample, each with all its variations. Result
    /// k is bitwise identical to <c>Run(kernels[k], source, …)</c> over the same events, for any thread count.</summary>
    /// <typeparam name="TBatch">The columnar batch type.</typeparam>
    /// <param name="kernels">The kernels, at least one; distinct objects or not (each gets its own results).</param>
    /// <param name="source">The events; read once, from one thread at a time, in order.</param>
    /// <param name="newBatch">Creates an empty batch; called at most once per batch in flight.</param>
    /// <param name="options">Threads, progress and cancellation; null for defaults.</param>
    /// <returns>One result per kernel, in the order of <paramref name="kernels"/>.</returns>
    /// <exception cref="AnalysisRunException">The source or a kernel threw; carries the batch index.</exception>
    public static IReadOnlyList<AnalysisResult> RunMany<TBatch>(IReadOnlyList<IAnalysisKernel<TBatch>> kernels, IBatchSource<TBatch> source, Func<TBatch> newBatch, RunOptions? options = null)
        where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(newBatch);
        if (kernels.Count == 0) throw new ArgumentException("RunMany needs at least one kernel.", nameof(kernels));
        var list = new IAnalysisKernel<TBatch>[kernels.Count];
        for (int k = 0; k < list.Length; k++) list[k] = kernels[k] ?? throw new ArgumentException($"Kernel {k} is null.", nameof(kernels));
        options ??= new RunOptions();
        options.CancellationToken.ThrowIfCancellationRequested();
        return new OrderedRun<TBatch>(list, source, newBatch, options).Execute();
    }

    /// <summary>Runs <paramref name="kernel"/> over the nominal <paramref name="source"/> and then over each sample
    /// variation's source (for example a calibration-shifted simulation), and returns the nominal result with every
    /// sample attached as a <see cref="VariationKind.Sample"/> variation tagged with its systematic and σ point, after
    /// the variations the kernel fills itself. Each sample keeps the exposure its source knows. The runs are sequential
    /// and each is bitwise independent of the thread count, so the whole result is too. A sample's own in-kernel
    /// variations (for example flux universes of the shifted sample) are dropped: a variation has none of its own.
    /// Progress reports restart at zero for each source.</summary>
    /// <typeparam name="TBatch">The columnar batch type.</typeparam>
    /// <param name="kernel">The analysis kernel.</param>
    /// <param name="source">The nominal events.</param>
    /// <param name="samples">The sample variations, in the order they are to appear; systematic and σ unique per entry,
    /// and no systematic the kernel already fills.</param>
    /// <param name="newBatch">Creates an empty batch.</param>
    /// <param name="options">Threads, progress and cancellation; null for defaults.</param>
    /// <exception cref="ArgumentException">A sample is malformed or repeats a variation; the message names it.</exception>
    /// <exception cref="AnalysisRunException">A source or the kernel threw; the analysis name names the sample.</exception>
    public static AnalysisResult Run<TBatch>(IAnalysisKernel<TBatch> kernel, IBatchSource<TBatch> source, IReadOnlyList<SampleVariation<TBatch>> samples,
        Func<TBatch> newBatch, RunOptions? options = null)
        where TBatch : IColumnBatch
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(samples);
        var inKernel = (kernel.CreateResult() ?? throw new InvalidOperationException("The kernel's CreateResult returned null.")).Systematics;
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i] ?? throw new ArgumentException($"Sample variation {i} is null.", nameof(samples));
            if (string.IsNullOrWhiteSpace(s.Systematic)) throw new ArgumentException($"Sample variation {i} has no systematic name.", nameof(samples));
            if (!double.IsFinite(s.Sigma)) throw new ArgumentException($"Sample variation {i} ('{s.Systematic}'): σ must be finite; got {s.Sigma.ToString(CultureInfo.InvariantCulture)}.", nameof(samples));
            if (s.Source is null) throw new ArgumentException($"Sample variation {i} ('{s.Systematic}'): the source is null.", nameof(samples));
            if (System.Linq.Enumerable.Contains(inKernel, s.Systematic, StringComparer.Ordinal))
                throw new ArgumentException($"Sample variation {i}: systematic '{s.Systematic}' is already filled by the kernel; a systematic has one kind, so give the sample another name.", nameof(samples));
            for (int j = 0; j < i; j++)
                if (string.Equals(samples[j].Systematic, s.Systematic, StringComparison.Ordinal) && samples[j].Sigma.Equals(s.Sigma))
                    throw new ArgumentException($"Sample variations {j} and {i} are both '{s.Systematic}' at σ = {s.Sigma.ToString(CultureInfo.InvariantCulture)}.", nameof(samples));
        }
        var nominal = Run(kernel, source, newBatch, options);
        var attached = new VariationResult[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            AnalysisResult r;
            try
            {
                r = Run(kernel, s.Source, newBatch, options);
            }
            catch (AnalysisRunException e)
            {
                throw new AnalysisRunException($"{e.AnalysisName}, sample variation '{s.Systematic}' σ = {s.Sigma.ToString(CultureInfo.InvariantCulture)}",
                    e.BatchIndex, e.Stage, e.InnerException ?? e);
            }
            attached[i] = VariationResult.AtSigma(s.Systematic, VariationKind.Sample, s.Sigma, r.NominalOnly());
        }
        return nominal.WithVariations(attached);
    }

    /// <summary>One run's shared state. Every field below <c>_gate</c> is guarded by it.</summary>
    private sealed class OrderedRun<TBatch> where TBatch : IColumnBatch
    {
        private sealed class Slot
        {
            public TBatch? Batch;              // the batch being processed: Owned, or a zero-copy source's own
            public TBatch? Owned;              // this slot's batch for sources that copy into it
            public AnalysisResult[]? Partials; // one per kernel
            public bool Done;
        }

        private readonly IAnalysisKernel<TBatch>[] _kernels;
        private readonly IBatchSource<TBatch> _source;
        private readonly IIndexedBatchSource<TBatch>? _indexed; // read by every thread at once, batch by index
        private readonly Func<TBatch> _newBatch;
        private readonly RunOptions _options;
        private readonly int _threads;
        private readonly Slot[] _slots;
        private readonly AnalysisResult[] _totals;
        private readonly ExactResult[] _exact;

        private readonly object _gate = new();
        private long _nextRead;       // sequence number of the next batch to read
        private long _nextMerge;      // sequence number of the next batch to merge
        private bool _reading;        // a thread is inside the source (sequential sources only)
        private int _capacity = -1;   // indexed sources: the capacity every batch must share, so batch k means the same events
        private bool _merging;        // a thread is merging
        private bool _sourceDone;
        private bool _stop;           // failure or cancellation
        private long _events;
        private Exception? _error;
        private long _errorBatch = long.MaxValue;
        private RunStage _errorStage;

        public OrderedRun(IAnalysisKernel<TBatch>[] kernels, IBatchSource<TBatch> source, Func<TBatch> newBatch, RunOptions options)
        {
            _kernels = kernels;
            _source = source;
            _indexed = IndexedOf(source);
            _newBatch = newBatch;
            _options = options;
            _threads = options.MaxThreads;
            int window = _threads == 1 ? 1 : options.BatchesInFlight > 0 ? options.BatchesInFlight : 2 * _threads;
            _slots = new Slot[window];
            for (int i = 0; i < window; i++) _slots[i] = new Slot();
            _totals = new AnalysisResult[kernels.Length];
            for (int k = 0; k < kernels.Length; k++)
                _totals[k] = kernels[k].CreateResult() ?? throw new InvalidOperationException("The kernel's CreateResult returned null.");
            _exact = new ExactResult[kernels.Length];
            for (int k = 0; k < kernels.Length; k++) _exact[k] = new ExactResult(_totals[k]);
        }

        /// <summary>The exact sums of the batches merged (with the source's exposure once the run has finished).</summary>
        public ExactResult[] Exact => _exact;

        private string Names => _totals.Length == 1 ? _totals[0].AnalysisName : string.Join(" + ", System.Linq.Enumerable.Select(_totals, t => t.AnalysisName));

        public AnalysisResult[] Execute()
        {
            Thread[]? helpers = null;
            if (_threads > 1)
            {
                helpers = new Thread[_threads - 1];
                for (int i = 0; i < helpers.Length; i++)
                {
                    helpers[i] = new Thread(WorkSafely) { IsBackground = true, Name = $"NuMM analysis worker {i + 1}" };
                    helpers[i].Start();
                }
            }
            Work();
            if (helpers != null) foreach (var t in helpers) t.Join();

            if (_error is OperationCanceledException oce) throw new OperationCanceledException(oce.Message, oce, _options.CancellationToken);
            if (_error != null) throw new AnalysisRunException(Names, _errorBatch, _errorStage, _error);
            // Every event has been read, so the source's exposure is the results'.
            if (_source is IExposureSource known) foreach (var e in _exact) e.AddExposure(known.Exposure);
            for (int k = 0; k < _totals.Length; k++) _exact[k].RoundInto(_totals[k]);
            return _totals;
        }

        /// <summary>A helper thread's entry: an escaping exception would end the process, so record it instead.</summary>
        private void WorkSafely()
        {
            try { Work(); }
            catch (Exception e) { lock (_gate) Fail(_nextMerge, RunStage.Merging, e); }
        }

        private void Work()
        {
            while (true)
            {
                long seq;
                Slot slot;
                // 1. Claim the source and a free slot (the window bounds batches in flight).
                lock (_gate)
                {
                    // An indexed source takes any number of readers; a sequential one one at a time.
                    while (!_stop && !_sourceDone && ((_reading && _indexed is null) || _nextRead - _nextMerge >= _slots.Length))
                        Monitor.Wait(_gate);
                    if (_stop || _sourceDone) return;
                    if (_options.CancellationToken.IsCancellationRequested)
                    {
                        Fail(_nextRead, RunStage.Reading, new OperationCanceledException(_options.CancellationToken));
                        return;
                    }
                    seq = _nextRead;
                    slot = _slots[seq % _slots.Length];
                    // Claim the sequence number now, so the next thread reads the next batch at the same time.
                    if (_indexed is not null) _nextRead++;
                    else _reading = true;
                }

                // 2. Read outside the lock: a sequential source has only this thread inside; an indexed one fills batch seq.
                bool got;
                if (_indexed is not null)
                {
                    try
                    {
                        slot.Owned ??= _newBatch();
                        slot.Batch = slot.Owned;
                        CheckCapacity(slot.Batch);
                        got = _indexed.ReadBatch(seq, slot.Batch);
                    }
                    catch (Exception e)
                    {
                        lock (_gate) Fail(seq, RunStage.Reading, e);
                        return;
                    }
                    if (!got)
                    {
                        // Past the end: this and every later sequence number hold no batch; the ones before are merged in order.
                        lock (_gate) { _sourceDone = true; Monitor.PulseAll(_gate); }
                        return;
                    }
                }
                else try
                {
                    if (_source is IBatchViewSource<TBatch> views)
                    {
                        // Zero-copy: process the source's own batch (the slot only borrows it until merged).
                        got = views.TryNextView(out var view);
                        if (got) slot.Batch = view ?? throw new InvalidOperationException("The source returned a null batch.");
                    }
                    else
                    {
                        slot.Owned ??= _newBatch();
                        slot.Batch = slot.Owned;
                        got = _source.ReadNext(slot.Batch);
                    }
                }
                catch (Exception e)
                {
                    lock (_gate) { _reading = false; Fail(seq, RunStage.Reading, e); }
                    return;
                }
                if (_indexed is null)
                {
                    lock (_gate)
                    {
                        _reading = false;
                        if (got) _nextRead++;
                        else _sourceDone = true;
                        Monitor.PulseAll(_gate);
                        if (!got) return;
                    }
                }

                // 3. Process into this slot's partial result.
                try
                {
                    if (slot.Partials == null)
                    {
                        var partials = new AnalysisResult[_kernels.Length];
                        for (int k = 0; k < partials.Length; k++)
                        {
                            var partial = _kernels[k].CreateResult() ?? throw new InvalidOperationException("The kernel's CreateResult returned null.");
                            if (ReferenceEquals(partial, _totals[k]) || partial.SharesStorageWith(_totals[k]))
                                throw new InvalidOperationException(
                                    $"The kernel of '{_totals[k].AnalysisName}' returned a result that shares a cut flow or histogram with an earlier one; CreateResult must build new objects on every call.");
                            partials[k] = partial;
                        }
                        slot.Partials = partials;
                    }
                    // Every kernel processes the batch while it is hot in cache.
                    for (int k = 0; k < _kernels.Length; k++)
                    {
                        slot.Partials[k].Reset();
                        _kernels[k].Process(slot.Batch!, slot.Partials[k]);
                    }
                }
                catch (Exception e)
                {
                    lock (_gate) Fail(seq, RunStage.Processing, e);
                    return;
                }

                // 4. Mark done; whoever completes the batch that is next in order merges every consecutive done batch.
                Monitor.Enter(_gate);
                try
                {
                    slot.Done = true;
                    if (_merging || seq != _nextMerge) continue;
                    _merging = true;
                    while (!_stop && _nextMerge < _nextRead && _slots[_nextMerge % _slots.Length] is { Done: true } ready)
                    {
                        long m = _nextMerge;
                        Monitor.Exit(_gate);
                        long events = 0;
                        Exception? error = null;
                        try
                        {
                            for (int k = 0; k < _exact.Length; k++) _exact[k].Add(ready.Partials![k]);
                            events = ready.Batch!.Length;
                        }
                        catch (Exception e) { error = e; }
                        Monitor.Enter(_gate);
                        if (error != null) { Fail(m, RunStage.Merging, error); break; }
                        ready.Done = false;
                        _events += events;
                        _nextMerge = m + 1;
                        Monitor.PulseAll(_gate);
                        // Reported under the gate so reports arrive in batch order.
                        try { _options.Progress?.Report(new RunProgress(_events, _nextMerge)); }
                        catch (Exception e) { Fail(m, RunStage.Merging, e); break; }
                    }
                    _merging = false;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <summary>The source to read by batch index, or null: the source itself, or the events under an exposure wrapper
        /// (the exposure is still taken from the wrapper). A zero-copy source keeps its own batches and is not read by index.</summary>
        private static IIndexedBatchSource<TBatch>? IndexedOf(IBatchSource<TBatch> source)
        {
            if (source is Data.Sources.ExposedBatchSource<TBatch> exposed) source = exposed.Inner;
            return source is IIndexedBatchSource<TBatch> indexed && source is not IBatchViewSource<TBatch> ? indexed : null;
        }

        /// <summary>Batch k of an indexed source is events [k·C, (k+1)·C) for the capacity C of the batch it fills, so every
        /// batch must have the same capacity.</summary>
        private void CheckCapacity(TBatch batch)
        {
            int c = batch.Capacity;
            int first = Interlocked.CompareExchange(ref _capacity, c, -1);
            if (first != -1 && first != c)
                // Smaller first: which thread made its batch first is timing, and the message must not depend on it.
                throw new InvalidOperationException($"newBatch returned batches of capacity {Math.Min(first, c)} and {Math.Max(first, c)}; reading a source by batch index needs one capacity for every batch.");
        }

        /// <summary>Records the failure of the earliest batch and stops every thread. Call with the gate held.</summary>
        private void Fail(long batch, RunStage stage, Exception e)
        {
            if (_error == null || batch < _errorBatch)
            {
                _error = e;
                _errorBatch = batch;
                _errorStage = stage;
            }
            _stop = true;
            Monitor.PulseAll(_gate);
        }
    }
}

/// <summary>A separate sample run through the same analysis as a systematic variation (for example a
/// calibration-shifted simulation at +1σ).</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
/// <param name="Systematic">The systematic's name.</param>
/// <param name="Sigma">The σ point the sample represents (in standard deviations of the systematic).</param>
/// <param name="Source">The sample's events; wrap it with <see cref="Data.Sources.BatchSourceExposure.WithExposure{TBatch}"/>
/// when its format carries no exposure.</param>
public sealed record SampleVariation<TBatch>(string Systematic, double Sigma, IBatchSource<TBatch> Source) where TBatch : IColumnBatch;
