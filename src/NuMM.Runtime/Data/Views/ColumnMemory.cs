using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data;

/// <summary>The columns of one batch held outside the managed heap — today, one row group of a memory-mapped NuMM
/// columnar file (<see cref="Columnar.MappedColumnarSource{TBatch}"/>) — so that a generated batch can view them in place
/// instead of copying them (<see cref="IViewableBatch{TSelf}"/>). The memory belongs to its owner: once the owner is
/// disposed every access throws <see cref="ObjectDisposedException"/> instead of reading unmapped memory. Instances are
/// made only by NuMM's own sources.</summary>
public sealed class ColumnMemory
{
    private readonly nint[] _addresses;
    private readonly IColumnMemoryOwner _owner;
    private volatile bool _ready; // set once the owner has checked the memory (on first use, by the thread that uses it)

    internal ColumnMemory(IReadOnlyList<ColumnInfo> columns, int capacity, int length, nint[] addresses, IColumnMemoryOwner owner, string description, int part)
    {
        Part = part;
        if (addresses.Length != columns.Count) throw new ArgumentException($"{addresses.Length} addresses for {columns.Count} columns.", nameof(addresses));
        if (capacity < 1 || (uint)length > (uint)capacity) throw new ArgumentOutOfRangeException(nameof(length), length, $"Length must lie in [0, {capacity}].");
        Columns = columns;
        Capacity = capacity;
        Length = length;
        _addresses = addresses;
        _owner = owner;
        Description = description;
    }

    /// <summary>The schema columns, in the order of the batch that views them.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>Events per column run: element k of an array column's event i lies at k × Capacity + i.</summary>
    public int Capacity { get; }

    /// <summary>Valid events (0 ≤ Length ≤ <see cref="Capacity"/>).</summary>
    public int Length { get; }

    /// <summary>Where the memory comes from (for messages), for example "run.numm, row group 3".</summary>
    public string Description { get; }

    /// <summary>Which part of its owner this is (the row group of a mapped file).</summary>
    internal int Part { get; }

    /// <summary>Called by the owner once the memory has passed its checks.</summary>
    internal void MarkReady() => _ready = true;

    /// <summary>True once the owner has checked the memory.</summary>
    internal bool IsReady => _ready;

    /// <summary>True once the owner has released the memory.</summary>
    public bool IsReleased => _owner.IsReleased;

    /// <summary>All <see cref="Capacity"/> × Length values of column <paramref name="column"/>. The first access checks the
    /// memory (for a mapped file: the row group's chunks), on the thread that makes it.</summary>
    /// <typeparam name="T">The column's element type.</typeparam>
    /// <param name="column">The schema index of the column.</param>
    /// <exception cref="ObjectDisposedException">The owner (the mapped file) has been disposed.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the column's type.</exception>
    /// <exception cref="DataFormatException">The first access found the memory corrupt (for example a chunk checksum mismatch).</exception>
    public unsafe Span<T> Span<T>(int column) where T : unmanaged
    {
        var info = Columns[column];
        if (!ColumnTypes.Matches<T>(info.Type))
            throw new InvalidOperationException($"Column '{info.Name}' holds {ColumnTypes.Name(info.Type)}, not {typeof(T).Name}.");
        if (_owner.IsReleased) ThrowReleased();
        if (!_ready) _owner.Prepare(this);
        return new Span<T>((void*)_addresses[column], Capacity * info.Length);
    }

    /// <summary>Value <paramref name="index"/> of column <paramref name="column"/>'s storage (no type check: for generated code
    /// that already knows the type).</summary>
    /// <typeparam name="T">The column's element type.</typeparam>
    /// <param name="column">The schema index of the column.</param>
    /// <param name="index">0 ≤ index &lt; Capacity × the column's values per event.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe T Read<T>(int column, int index) where T : unmanaged
    {
        if (_owner.IsReleased) ThrowReleased();
        if (!_ready) _owner.Prepare(this);
        if ((uint)index >= (uint)(Capacity * Columns[column].Length)) ThrowIndex(column, index);
        return ((T*)_addresses[column])[index];
    }

    /// <summary>Checks that this memory holds the columns of <paramref name="schema"/> (a generated batch's), so a batch
    /// never reads a column as the wrong type or length.</summary>
    /// <param name="schema">The batch's columns.</param>
    /// <param name="batchType">The batch's name, for the message.</param>
    /// <exception cref="ArgumentException">A column differs in name, type, values per event or layout.</exception>
    public void CheckSchema(ReadOnlySpan<ColumnInfo> schema, string batchType)
    {
        if (schema.Length != Columns.Count)
            throw new ArgumentException($"{Description} holds {Columns.Count} columns; a {batchType} batch has {schema.Length}.");
        for (int i = 0; i < schema.Length; i++)
        {
            var a = schema[i];
            var b = Columns[i];
            if (!ReferenceEquals(a, b) && (a.Name != b.Name || a.Type != b.Type || a.Length != b.Length || a.IsEventMajor != b.IsEventMajor))
                throw new ArgumentException($"Column {i} of {Description} is '{b.Name}' ({ColumnTypes.Describe(b)}); a {batchType} batch has '{a.Name}' ({ColumnTypes.Describe(a)}).");
        }
    }

    private void ThrowReleased() => throw new ObjectDisposedException(Description, $"The memory of {Description} has been released (its source was disposed); process batches only while their source is open.");

    private void ThrowIndex(int column, int index) => throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture,
        $"Index {index} is outside column '{Columns[column].Name}' of {Description} ({Capacity * Columns[column].Length} values)."));
}

/// <summary>Whoever holds the memory a <see cref="ColumnMemory"/> points into.</summary>
internal interface IColumnMemoryOwner
{
    /// <summary>True once the memory is no longer valid.</summary>
    bool IsReleased { get; }

    /// <summary>Checks <paramref name="memory"/> before its first use and marks it ready (<see cref="ColumnMemory.MarkReady"/>);
    /// throws when it fails. Safe to call from several threads at once.</summary>
    void Prepare(ColumnMemory memory);
}

/// <summary>A generated batch type that can view columns held outside the managed heap (<see cref="ColumnMemory"/>)
/// instead of owning arrays. Every generated <c>Batch</c> implements it; <see cref="Columnar.MappedColumnarSource{TBatch}"/>
/// uses it to hand out row groups of a memory-mapped file as batches without copying them.</summary>
/// <typeparam name="TSelf">The batch type.</typeparam>
public interface IViewableBatch<TSelf> : IColumnBatch where TSelf : IViewableBatch<TSelf>
{
    /// <summary>The schema's columns in declaration order.</summary>
    static abstract IReadOnlyList<ColumnInfo> Schema { get; }

    /// <summary>A batch that reads its columns from <paramref name="memory"/>: its <see cref="IColumnBatch.Capacity"/> and
    /// <see cref="IColumnBatch.Length"/> are the memory's; the per-column array properties throw (there are no arrays),
    /// while <see cref="IColumnBatch.Column{T}"/>, the event indexer and every generated kernel read the memory.</summary>
    /// <param name="memory">The columns, checked against the schema.</param>
    static abstract TSelf View(ColumnMemory memory);
}
