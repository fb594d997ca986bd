using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Batches;

/// <summary>A columnar batch whose columns are chosen at run time (for tools such as <c>numm convert</c> that
/// have no generated schema type). Each column is one managed array of its element type: <see cref="Capacity"/> values,
/// or Capacity × <see cref="ColumnInfo.Length"/> for an array column, in the column's <see cref="ColumnInfo.Layout"/>: value k
/// of event i at k × Capacity + i (element-major) or at i × Length + k (event-major); see <see cref="ColumnInfo.IndexOf"/>.</summary>
public sealed class DynamicColumnBatch : IColumnBatch
{
    private readonly ColumnInfo[] _columns;
    private readonly Array[] _storage;
    private int _length;

    /// <summary>Creates a batch with room for <paramref name="capacity"/> events of the given columns.</summary>
    /// <param name="columns">The columns, in order; names must be unique, lengths 1 … <see cref="ColumnInfo.MaxLength"/>.</param>
    /// <param name="capacity">Events the batch can hold; ≥ 1.</param>
    public DynamicColumnBatch(IReadOnlyList<ColumnInfo> columns, int capacity)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A batch needs room for at least one event.");
        _columns = new ColumnInfo[columns.Count];
        _storage = new Array[columns.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            if (!seen.Add(c.Name)) throw new ArgumentException($"Column '{c.Name}' appears twice.", nameof(columns));
            if (c.Length < 1 || c.Length > ColumnInfo.MaxLength)
                throw new ArgumentException($"Column '{c.Name}' has length {c.Length}; a column holds 1 to {ColumnInfo.MaxLength} values per event.", nameof(columns));
            if ((long)capacity * c.Length > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Column '{c.Name}' of {c.Length} values per event cannot hold {capacity} events in one array.");
            _columns[i] = c;
            _storage[i] = Allocate(c.Type, capacity * c.Length);
        }
        Capacity = capacity;
    }

    /// <inheritdoc/>
    public ReadOnlySpan<ColumnInfo> Columns => _columns;

    /// <inheritdoc/>
    public int Capacity { get; }

    /// <inheritdoc/>
    public int Length
    {
        get => _length;
        set
        {
            if ((uint)value > (uint)Capacity) throw new ArgumentOutOfRangeException(nameof(value), value, $"Length must lie in [0, {Capacity}].");
            _length = value;
        }
    }

    /// <summary>The index of the column named <paramref name="name"/>, or −1.</summary>
    /// <param name="name">A column name (ordinal comparison).</param>
    public int IndexOf(string name)
    {
        for (int i = 0; i < _columns.Length; i++) if (string.Equals(_columns[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <inheritdoc/>
    public Span<T> Column<T>(int index) where T : unmanaged
    {
        if ((uint)index >= (uint)_columns.Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"The batch has {_columns.Length} columns.");
        if (_storage[index] is T[] typed) return typed;
        throw new InvalidOperationException($"Column '{_columns[index].Name}' holds {_columns[index].Type}, not {typeof(T).Name}.");
    }

    /// <summary>The column as raw bytes (its elements in machine byte order), for type-agnostic copying.</summary>
    /// <param name="index">The column index.</param>
    public Span<byte> ColumnBytes(int index)
    {
        if ((uint)index >= (uint)_columns.Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"The batch has {_columns.Length} columns.");
        var a = _storage[index];
        return MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(a), a.Length * ElementSize(_columns[index].Type));
    }

    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    /// <param name="type">A column type.</param>
    public static int ElementSize(ColumnType type) => type switch
    {
        ColumnType.Boolean or ColumnType.SByte or ColumnType.Byte => 1,
        ColumnType.Int16 or ColumnType.UInt16 => 2,
        ColumnType.Int32 or ColumnType.UInt32 or ColumnType.Single => 4,
        ColumnType.Int64 or ColumnType.UInt64 or ColumnType.Double => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    private static Array Allocate(ColumnType type, int n) => type switch
    {
        ColumnType.Boolean => new bool[n],
        ColumnType.SByte => new sbyte[n],
        ColumnType.Byte => new byte[n],
        ColumnType.Int16 => new short[n],
        ColumnType.UInt16 => new ushort[n],
        ColumnType.Int32 => new int[n],
        ColumnType.UInt32 => new uint[n],
        ColumnType.Int64 => new long[n],
        ColumnType.UInt64 => new ulong[n],
        ColumnType.Single => new float[n],
        ColumnType.Double => new double[n],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
