using System;

namespace NuMM.Runtime.Data;

/// <summary>Moves runs of one array element (element k of consecutive rows) in and out of a batch column in either
/// <see cref="NuMM.Dsl.ArrayLayout"/>, so a reader or writer handles both layouts with one call: a copy for an
/// element-major column, a strided scatter or gather for an event-major one.</summary>
public static class ArrayRuns
{
    /// <summary>Writes <paramref name="run"/> (element <paramref name="k"/> of rows <paramref name="row"/>,
    /// row + 1, …; <paramref name="size"/> bytes per value) into the column storage.</summary>
    /// <param name="column">The column's storage as bytes (all Capacity × Length values).</param>
    /// <param name="info">The column (its length and layout).</param>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="size">Bytes per value.</param>
    /// <param name="k">The element, 0 … Length − 1.</param>
    /// <param name="row">The first row the run fills.</param>
    /// <param name="run">The values, one per row.</param>
    public static void Put(Span<byte> column, ColumnInfo info, int capacity, int size, int k, int row, ReadOnlySpan<byte> run)
    {
        ArgumentNullException.ThrowIfNull(info);
        int n = run.Length / size;
        if (!info.IsEventMajor)
        {
            run.CopyTo(column.Slice((k * capacity + row) * size, n * size));
            return;
        }
        int stride = info.Length * size;
        var target = column.Slice((row * info.Length + k) * size);
        for (int j = 0; j < n; j++) run.Slice(j * size, size).CopyTo(target.Slice(j * stride, size));
    }

    /// <summary>Reads element <paramref name="k"/> of rows <paramref name="row"/> … into <paramref name="run"/>
    /// (<paramref name="size"/> bytes per value; as many rows as the run holds).</summary>
    /// <param name="column">The column's storage as bytes.</param>
    /// <param name="info">The column (its length and layout).</param>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="size">Bytes per value.</param>
    /// <param name="k">The element, 0 … Length − 1.</param>
    /// <param name="row">The first row to read.</param>
    /// <param name="run">Where to write the values, one per row.</param>
    public static void Get(ReadOnlySpan<byte> column, ColumnInfo info, int capacity, int size, int k, int row, Span<byte> run)
    {
        ArgumentNullException.ThrowIfNull(info);
        int n = run.Length / size;
        if (!info.IsEventMajor)
        {
            column.Slice((k * capacity + row) * size, n * size).CopyTo(run);
            return;
        }
        int stride = info.Length * size;
        var source = column.Slice((row * info.Length + k) * size);
        for (int j = 0; j < n; j++) source.Slice(j * stride, size).CopyTo(run.Slice(j * size, size));
    }

    /// <summary>Writes whole entries: <paramref name="entries"/> holds <c>n × Length</c> values, entry-major (value k of
    /// entry j at j × Length + k, as ROOT baskets and NumPy arrays store them), for rows <paramref name="row"/> … row + n − 1.
    /// A plain copy into an event-major column; a transpose into an element-major one.</summary>
    /// <param name="column">The column's storage as bytes.</param>
    /// <param name="info">The column (its length and layout).</param>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="size">Bytes per value.</param>
    /// <param name="row">The first row to fill.</param>
    /// <param name="entries">The values, entry-major.</param>
    public static void PutEntries(Span<byte> column, ColumnInfo info, int capacity, int size, int row, ReadOnlySpan<byte> entries)
    {
        ArgumentNullException.ThrowIfNull(info);
        int length = info.Length, n = entries.Length / (size * length);
        if (info.IsEventMajor || length == 1)
        {
            entries.Slice(0, n * length * size).CopyTo(column.Slice(row * length * size));
            return;
        }
        for (int j = 0; j < n; j++)
            for (int k = 0; k < length; k++)
                entries.Slice((j * length + k) * size, size).CopyTo(column.Slice((k * capacity + row + j) * size, size));
    }
}
