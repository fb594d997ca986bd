using System;
using System.Runtime.CompilerServices;

namespace NuMM.Runtime.Data;

/// <summary>The values of one event in a fixed-length array column (for example 100 flux-universe weights), as seen
/// by the scalar event struct of a schema. A view, not a copy: element k of event i lives at
/// <c>k × stride + i</c> of the batch's column storage (stride = the batch capacity), so a vector kernel reads
/// element k of consecutive events contiguously. Creating one allocates nothing.</summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct FixedArray<T> where T : unmanaged
{
    private readonly T[]? _storage;
    private readonly ColumnMemory? _memory; // instead of _storage when the batch views memory outside the heap
    private readonly int _column;
    private readonly int _start;
    private readonly int _stride;

    /// <summary>A view of element 0..<paramref name="length"/>−1 of one event.</summary>
    /// <param name="storage">The column storage of the batch (at least <c>(length − 1) × stride + start + 1</c> values).</param>
    /// <param name="start">The event's row in the batch.</param>
    /// <param name="stride">The distance between consecutive elements of one event (the batch capacity).</param>
    /// <param name="length">The number of elements per event.</param>
    public FixedArray(T[] storage, int start, int stride, int length)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "An array column has a non-negative length.");
        if (start < 0 || stride < 1 || (length > 0 && (long)(length - 1) * stride + start >= storage.Length))
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Row {start} with stride {stride} and length {length} does not fit in a storage of {storage.Length} values.");
        _storage = storage;
        _start = start;
        _stride = stride;
        Length = length;
    }

    /// <summary>A view of element 0..<paramref name="length"/>−1 of one event of a batch that views
    /// <paramref name="memory"/> (a memory-mapped file) instead of owning arrays.</summary>
    /// <param name="memory">The batch's column memory.</param>
    /// <param name="column">The schema index of the array column.</param>
    /// <param name="start">The event's row in the batch (element-major) or row × length (event-major).</param>
    /// <param name="stride">The distance between consecutive elements of one event (the batch capacity, or 1).</param>
    /// <param name="length">The number of elements per event.</param>
    public FixedArray(ColumnMemory memory, int column, int start, int stride, int length)
    {
        ArgumentNullException.ThrowIfNull(memory);
        int size = memory.Capacity * memory.Columns[column].Length;
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "An array column has a non-negative length.");
        if (start < 0 || stride < 1 || (length > 0 && (long)(length - 1) * stride + start >= size))
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Row {start} with stride {stride} and length {length} does not fit in a storage of {size} values.");
        _memory = memory;
        _column = column;
        _start = start;
        _stride = stride;
        Length = length;
    }

    /// <summary>The number of elements per event.</summary>
    public int Length { get; }

    /// <summary>Element <paramref name="k"/> of the event.</summary>
    /// <param name="k">0..<see cref="Length"/>−1.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="k"/> is outside the array, as for a C# array.</exception>
    public T this[int k]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)k >= (uint)Length) ThrowIndex(k);
            return _storage is { } s ? s[_start + k * _stride] : _memory!.Read<T>(_column, _start + k * _stride);
        }
    }

    /// <summary>Copies the elements into <paramref name="destination"/> (at least <see cref="Length"/> long).</summary>
    /// <param name="destination">Where to write element 0..Length−1.</param>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length < Length) throw new ArgumentException($"The destination holds {destination.Length} values; the array has {Length}.", nameof(destination));
        for (int k = 0; k < Length; k++) destination[k] = this[k];
    }

    private void ThrowIndex(int k) => throw new IndexOutOfRangeException($"Index {k} is outside the array column of length {Length}.");
}
