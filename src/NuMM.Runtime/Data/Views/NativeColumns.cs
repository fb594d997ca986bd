using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Runtime.Data;

/// <summary>The columns of a schema in native (unmanaged) memory, each 64-byte aligned and zeroed, that generated
/// batches view in place (<see cref="IViewableBatch{TSelf}.View"/>): for data a native library writes (a DAQ buffer, a
/// decoder, shared memory) without copying it into managed arrays. Fill the columns through <see cref="Span{T}"/> (element
/// k of an array column's event i at k × <see cref="Capacity"/> + i), take a <see cref="Memory"/> for the events filled, and
/// make a batch of it. Dispose when no batch needs it any more; batches used after that throw
/// <see cref="ObjectDisposedException"/>.</summary>
public sealed unsafe class NativeColumns : IColumnMemoryOwner, IDisposable
{
    private readonly ColumnInfo[] _columns;
    private readonly nint[] _addresses;
    private volatile bool _released;

    /// <summary>Allocates room for <paramref name="capacity"/> events of <paramref name="columns"/>.</summary>
    /// <param name="columns">The schema, for example <c>S.Batch.Schema</c>. Array columns must be element-major.</param>
    /// <param name="capacity">Events per column run; at least 1.</param>
    /// <exception cref="ArgumentException">An array column is event-major.</exception>
    public NativeColumns(IReadOnlyList<ColumnInfo> columns, int capacity)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _columns = [.. columns];
        _addresses = new nint[_columns.Length];
        Capacity = capacity;
        foreach (var c in _columns)
            if (c.IsEventMajor)
                throw new ArgumentException($"Array column '{c.Name}' is event-major; native column memory holds element-major runs (value k of every event together).", nameof(columns));
        try
        {
            for (int i = 0; i < _columns.Length; i++)
            {
                long values = (long)capacity * _columns[i].Length;
                if (values > int.MaxValue)
                    throw new ArgumentOutOfRangeException(nameof(capacity), capacity, string.Create(CultureInfo.InvariantCulture, $"Column '{_columns[i].Name}' would hold {values} values, more than one span can view."));
                var bytes = (nuint)Math.Max(values * ColumnTypes.Size(_columns[i].Type), 1);
                void* p = NativeMemory.AlignedAlloc(bytes, 64);
                NativeMemory.Clear(p, bytes);
                _addresses[i] = (nint)p;
            }
        }
        catch
        {
            Free();
            throw;
        }
    }

    /// <summary>Events per column run.</summary>
    public int Capacity { get; }

    /// <summary>The columns, in schema order.</summary>
    public IReadOnlyList<ColumnInfo> Columns => _columns;

    bool IColumnMemoryOwner.IsReleased => _released;

    void IColumnMemoryOwner.Prepare(ColumnMemory memory) => memory.MarkReady();

    /// <summary>All <see cref="Capacity"/> × Length values of column <paramref name="column"/>, to fill or read.</summary>
    /// <typeparam name="T">The column's element type.</typeparam>
    /// <param name="column">The schema index of the column.</param>
    public Span<T> Span<T>(int column) where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var info = _columns[column];
        if (!ColumnTypes.Matches<T>(info.Type))
            throw new InvalidOperationException($"Column '{info.Name}' holds {ColumnTypes.Name(info.Type)}, not {typeof(T).Name}.");
        return new Span<T>((void*)_addresses[column], Capacity * info.Length);
    }

    /// <summary>Column <paramref name="column"/>'s storage as bytes, whatever its type (for generic fillers).</summary>
    /// <param name="column">The schema index of the column.</param>
    public Span<byte> Bytes(int column)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var info = _columns[column];
        return new Span<byte>((void*)_addresses[column], Capacity * info.Length * ColumnTypes.Size(info.Type));
    }

    /// <summary>A view of the first <paramref name="length"/> events, for <c>S.Batch.View(memory)</c>.</summary>
    /// <param name="length">Valid events, 0 … <see cref="Capacity"/>.</param>
    public ColumnMemory Memory(int length)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var memory = new ColumnMemory(_columns, Capacity, length, _addresses, this, "native column memory", 0);
        memory.MarkReady();
        return memory;
    }

    /// <summary>Frees the memory; batches that view it throw from then on.</summary>
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the memory of an instance nobody references any more (no batch views it).</summary>
    ~NativeColumns() => Free();

    private void Free()
    {
        for (int i = 0; i < _addresses.Length; i++)
        {
            if (_addresses[i] != 0) NativeMemory.AlignedFree((void*)_addresses[i]);
            _addresses[i] = 0;
        }
    }
}
