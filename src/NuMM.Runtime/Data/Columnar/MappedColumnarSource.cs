using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Threading;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>The row groups of a NuMM columnar file as batches that read the memory-mapped file in place: zero-copy. Each
/// row group is one batch of a generated type (<see cref="IViewableBatch{TSelf}"/>) whose columns point at the chunk
/// payloads, which the format aligns to 64 bytes; a kernel reads them straight from the page cache, and
/// <see cref="Selection.AnalysisRunner"/> hands them to its threads without copying (<see cref="IBatchViewSource{TBatch}"/>).
/// <para>Before a row group's values are first read (on the thread that reads them, so threads check row groups in
/// parallel; <see cref="View"/> checks at once), its chunks get the same checks the copying reader
/// (<see cref="ColumnarBatchSource"/>) makes: chunk headers against the index, payload CRC-32C (unless turned off), no NaN
/// or ±∞ in columns declared finite, only 0 and 1 in boolean columns. A file that fails gets the same
/// <see cref="DataFormatException"/>, naming file, column and entry.</para>
/// <para>The mapping is copy-on-write: writing into a batch's columns changes this process's pages only, never the file.
/// Disposing the source unmaps the file; a batch used after that throws <see cref="ObjectDisposedException"/>. Dispose only
/// after the run that reads its batches has finished.</para>
/// <para>Limits: the schema's column types must equal the file's (no conversion: a converted value cannot be read in
/// place), and array columns must be element-major in the schema (the file stores value k of a row group's entries
/// together). Use <see cref="ColumnarFileReader.OpenSource"/> to convert or transpose.</para></summary>
/// <typeparam name="TBatch">The generated batch type of the schema.</typeparam>
public sealed class MappedColumnarSource<TBatch> : IBatchViewSource<TBatch>, IExposureSource, IDisposable, IColumnMemoryOwner
    where TBatch : class, IViewableBatch<TBatch>
{
    private readonly ColumnarFileReader _file;
    private readonly ColumnBinding[] _bindings;
    private readonly bool _verifyChecksums;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly unsafe byte* _base;
    private readonly TBatch[] _batches;
    private readonly ColumnMemory[] _memories;
    private int _next;
    private volatile bool _released;

    internal unsafe MappedColumnarSource(ColumnarFileReader file, ColumnBinding[] bindings, bool verifyChecksums)
    {
        _file = file;
        _bindings = bindings;
        _verifyChecksums = verifyChecksums;
        var schema = TBatch.Schema;
        var problems = new List<string>();
        foreach (var b in bindings)
        {
            if (b.Converts)
                problems.Add($"column '{b.Target.Name}' is {ColumnTypes.Name(b.Target.Type)} in the schema but '{b.Source.Name}' is {ColumnTypes.Name(b.Source.Type)} in the file; a converted value cannot be read in place");
            if (b.Target.IsEventMajor)
                problems.Add($"array column '{b.Target.Name}' is event-major in the schema; the file stores value k of a row group's entries together (element-major)");
            for (int g = 0; g < file.RowGroupCount; g++)
                if ((long)file.GroupCount(g) * b.Target.Length > int.MaxValue)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"column '{b.Target.Name}' of row group {g} holds {(long)file.GroupCount(g) * b.Target.Length} values, more than one span can view"));
                    break;
                }
        }
        if (bindings.Length != schema.Count)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{bindings.Length} of the schema's {schema.Count} columns are bound"));
        if (problems.Count > 0)
            throw file.Error($"This file cannot be read in place for {typeof(TBatch).FullName}: {string.Join("; ", problems)}. Read it with OpenSource instead (it copies, converts and transposes).");

        _map = MemoryMappedFile.CreateFromFile(file.Handle, null, 0, MemoryMappedFileAccess.CopyOnWrite, HandleInheritability.None, leaveOpen: true);
        try
        {
            _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.CopyOnWrite);
            byte* p = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            _base = p + _view.PointerOffset;
        }
        catch
        {
            _view?.Dispose();
            _map.Dispose();
            throw;
        }

        string name = System.IO.Path.GetFileName(file.Path);
        _batches = new TBatch[file.RowGroupCount];
        _memories = new ColumnMemory[file.RowGroupCount];
        try
        {
            for (int g = 0; g < _batches.Length; g++)
            {
                var addresses = new nint[schema.Count];
                foreach (var b in bindings)
                    addresses[b.SchemaIndex] = (nint)(_base + file.Chunk(g, b.SourceIndex).Offset + ColumnarLayout.ChunkHeaderSize);
                int count = file.GroupCount(g);
                var memory = new ColumnMemory(schema, count, count, addresses, this,
                    string.Create(CultureInfo.InvariantCulture, $"{name}, row group {g} (entries {file.GroupFirst(g)}..{file.GroupFirst(g) + count - 1})"), g);
                _memories[g] = memory;
                _batches[g] = TBatch.View(memory);
            }
        }
        catch
        {
            Dispose(); // unmap: nothing else would
            throw;
        }
    }

    /// <summary>The file's path.</summary>
    public string Path => _file.Path;

    /// <summary>How many batches (row groups) the file holds.</summary>
    public int BatchCount => _batches.Length;

    /// <summary>Events in the file.</summary>
    public long EntryCount => _file.EntryCount;

    /// <summary>The exposure the file records for all of its entries (<see cref="Exposure.None"/> when it records none).</summary>
    public Exposure Exposure => _file.Exposure;

    /// <summary>How each schema column is bound to a file column.</summary>
    public IReadOnlyList<ColumnBinding> Bindings => _bindings;

    bool IColumnMemoryOwner.IsReleased => _released;

    void IColumnMemoryOwner.Prepare(ColumnMemory memory) => Ensure(memory.Part);

    /// <summary>Checks row group <paramref name="g"/> unless it has passed before, then marks its memory ready.</summary>
    private void Ensure(int g)
    {
        if (_memories[g].IsReady) return;
        Check(g);
        _memories[g].MarkReady();
    }

    /// <summary>Row group <paramref name="index"/> as a batch that views the file, checked now (unless it was before).</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="BatchCount"/>.</param>
    /// <exception cref="DataFormatException">The row group's chunks fail a check.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public TBatch View(int index)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        if ((uint)index >= (uint)_batches.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{_file.Path} holds {_batches.Length} row groups.");
        Ensure(index);
        return _batches[index];
    }

    /// <inheritdoc/>
    public bool TryNextView([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TBatch batch)
    {
        int g = Interlocked.Increment(ref _next) - 1;
        if (g >= _batches.Length)
        {
            Interlocked.Exchange(ref _next, _batches.Length);
            batch = null;
            return false;
        }
        // Checked on first use, by the thread that processes it (so checks run in parallel), not here.
        ObjectDisposedException.ThrowIf(_released, this);
        batch = _batches[g];
        return true;
    }

    /// <summary>Copies the next row group into <paramref name="batch"/> (for callers that want their own batch; the
    /// runner uses <see cref="TryNextView"/>). The batch needs room for the row group.</summary>
    /// <param name="batch">A batch of capacity at least the file's row-group capacity (its last group may be shorter).</param>
    public bool ReadNext(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!TryNextView(out var view)) { batch.Length = 0; return false; }
        if (batch.Capacity < view.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The batch holds {batch.Capacity} events; row groups of {_file.Path} hold up to {_file.RowGroupCapacity}."), nameof(batch));
        var columns = batch.Columns;
        for (int c = 0; c < columns.Length; c++)
        {
            var info = columns[c];
            int size = ColumnTypes.Size(info.Type), n = view.Length;
            var from = ColumnTypes.Bytes(view, c, info.Type);
            var to = ColumnTypes.Bytes(batch, c, info.Type);
            // Element-major (OpenMapped refuses event-major schemas): value k's run at k × capacity.
            for (int k = 0; k < info.Length; k++)
                from.Slice(k * view.Capacity * size, n * size).CopyTo(to.Slice(k * batch.Capacity * size, n * size));
        }
        batch.Length = view.Length;
        return true;
    }

    /// <summary>Starts again from the first row group.</summary>
    public void Reset() => Interlocked.Exchange(ref _next, 0);

    /// <summary>Unmaps the file. Batches handed out before throw <see cref="ObjectDisposedException"/> from then on.</summary>
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }

    /// <summary>The checks of <see cref="ColumnarBatchSource"/> on every bound chunk of row group <paramref name="g"/>.</summary>
    private unsafe void Check(int g)
    {
        int count = _file.GroupCount(g);
        long first = _file.GroupFirst(g);
        foreach (var b in _bindings)
        {
            var (offset, length, crc) = _file.Chunk(g, b.SourceIndex);
            ChunkChecks.Header(_file, new ReadOnlySpan<byte>(_base + offset, ColumnarLayout.ChunkHeaderSize), g, b.SourceIndex, b.Source.Name, offset);
            byte* payload = _base + offset + ColumnarLayout.ChunkHeaderSize;
            if (_verifyChecksums)
            {
                uint actual = 0;
                for (long at = 0; at < length;)
                {
                    int piece = (int)Math.Min(length - at, 1 << 30);
                    actual = Crc32C.Append(actual, new ReadOnlySpan<byte>(payload + at, piece));
                    at += piece;
                }
                ChunkChecks.Payload(_file, crc, actual, b.Source.Name, first, offset);
            }
            int size = ColumnTypes.Size(b.Target.Type);
            for (int k = 0; k < b.Target.Length; k++)
                ChunkChecks.Values(_file, b, new ReadOnlySpan<byte>(payload + (long)k * count * size, count * size), count, first, b.Target.Length == 1 ? -1 : k);
        }
    }
}
