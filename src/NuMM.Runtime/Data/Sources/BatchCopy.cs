using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Sources;

/// <summary>Copies the valid events of one columnar batch into another with the same columns. An array column may be
/// stored in a different <see cref="NuMM.Dsl.ArrayLayout"/> in each batch; its values are then transposed.</summary>
public static class BatchCopy
{
    /// <summary>Copies <c>from.Length</c> events of every column into <paramref name="to"/> and sets its length.</summary>
    /// <param name="from">The source batch.</param>
    /// <param name="to">The destination; same column names and types, capacity ≥ <c>from.Length</c>.</param>
    /// <exception cref="ArgumentException">The columns differ or the destination is too small; the message names the column.</exception>
    public static void Copy(IColumnBatch from, IColumnBatch to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var a = from.Columns;
        var b = to.Columns;
        if (a.Length != b.Length)
            throw new ArgumentException($"The source batch has {a.Length} columns [{Names(a)}], the destination {b.Length} [{Names(b)}].", nameof(to));
        int n = from.Length;
        if (n > to.Capacity)
            throw new ArgumentException($"The source batch holds {n} events; the destination has room for {to.Capacity}.", nameof(to));
        for (int c = 0; c < a.Length; c++)
        {
            if (!string.Equals(a[c].Name, b[c].Name, StringComparison.Ordinal) || a[c].Type != b[c].Type)
                throw new ArgumentException($"Column {c} is '{a[c].Name}' ({a[c].Type}) in the source batch but '{b[c].Name}' ({b[c].Type}) in the destination.", nameof(to));
            if (a[c].Length != b[c].Length)
                throw new ArgumentException($"Column '{a[c].Name}' holds {a[c].Length} values per event in the source batch but {b[c].Length} in the destination.", nameof(to));
            switch (a[c].Type)
            {
                case ColumnType.Boolean: CopyColumn<bool>(from, to, c, n); break;
                case ColumnType.SByte: CopyColumn<sbyte>(from, to, c, n); break;
                case ColumnType.Byte: CopyColumn<byte>(from, to, c, n); break;
                case ColumnType.Int16: CopyColumn<short>(from, to, c, n); break;
                case ColumnType.UInt16: CopyColumn<ushort>(from, to, c, n); break;
                case ColumnType.Int32: CopyColumn<int>(from, to, c, n); break;
                case ColumnType.UInt32: CopyColumn<uint>(from, to, c, n); break;
                case ColumnType.Int64: CopyColumn<long>(from, to, c, n); break;
                case ColumnType.UInt64: CopyColumn<ulong>(from, to, c, n); break;
                case ColumnType.Single: CopyColumn<float>(from, to, c, n); break;
                case ColumnType.Double: CopyColumn<double>(from, to, c, n); break;
                default: throw new ArgumentException($"Column '{a[c].Name}' has unknown type {a[c].Type}.", nameof(from));
            }
        }
        to.Length = n;
    }

    private static string Names(ReadOnlySpan<ColumnInfo> cols)
    {
        var names = new string[cols.Length];
        for (int i = 0; i < cols.Length; i++) names[i] = "'" + cols[i].Name + "'";
        return string.Join(", ", names);
    }

    // An array column moves as whole blocks when both batches store it alike: one run of n values per element
    // (element-major, stride = capacity) or one run of n × Length values (event-major).
    private static void CopyColumn<T>(IColumnBatch from, IColumnBatch to, int c, int n) where T : unmanaged
    {
        var source = from.Column<T>(c);
        var target = to.Column<T>(c);
        ColumnInfo a = from.Columns[c], b = to.Columns[c];
        int length = a.Length;
        if (a.IsEventMajor && b.IsEventMajor)
        {
            source.Slice(0, n * length).CopyTo(target);
            return;
        }
        if (!a.IsEventMajor && !b.IsEventMajor)
        {
            for (int k = 0; k < length; k++)
                source.Slice(k * from.Capacity, n).CopyTo(target.Slice(k * to.Capacity, n));
            return;
        }
        // Between layouts: the event-major side is the entry-major block the other side is transposed from or into.
        var sourceBytes = MemoryMarshal.AsBytes(source);
        var targetBytes = MemoryMarshal.AsBytes(target);
        int size = Unsafe.SizeOf<T>(), bytes = n * length * size;
        if (a.IsEventMajor) ArrayRuns.PutEntries(targetBytes, b, to.Capacity, size, 0, sourceBytes[..bytes]);
        else ArrayRuns.GetEntries(sourceBytes, a, from.Capacity, size, 0, targetBytes[..bytes]);
    }
}
