using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        if (n == 0) return;
        int length = info.Length;
        Strided(run, 1, column.Slice((row * length + k) * size, ((n - 1) * length + 1) * size), length, n, size);
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
        if (n == 0) return;
        int length = info.Length;
        Strided(column.Slice((row * length + k) * size, ((n - 1) * length + 1) * size), length, run, 1, n, size);
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
        Transpose(entries, length, 1, column[(row * size)..], 1, capacity, n, length, size);
    }

    /// <summary>Reads whole entries of rows <paramref name="row"/> … into <paramref name="entries"/>, entry-major (value k of
    /// entry j at j × Length + k, as Arrow, Parquet and NumPy files store them): a plain copy out of an event-major column,
    /// a transpose out of an element-major one.</summary>
    /// <param name="column">The column's storage as bytes.</param>
    /// <param name="info">The column (its length and layout).</param>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="size">Bytes per value.</param>
    /// <param name="row">The first row to read.</param>
    /// <param name="entries">Where to write the values: n × Length of them for n rows.</param>
    public static void GetEntries(ReadOnlySpan<byte> column, ColumnInfo info, int capacity, int size, int row, Span<byte> entries)
    {
        ArgumentNullException.ThrowIfNull(info);
        int length = info.Length, n = entries.Length / (size * length);
        if (info.IsEventMajor || length == 1)
        {
            column.Slice(row * length * size, n * length * size).CopyTo(entries);
            return;
        }
        Transpose(column[(row * size)..], 1, capacity, entries, length, 1, n, length, size);
    }

    /// <summary>Writes every element of <paramref name="n"/> rows from element-major runs, as a NuMM columnar chunk and a
    /// Parquet chunk hold them: element k of row j at <paramref name="runs"/>[k × <paramref name="runStride"/> + j] (in values),
    /// for rows <paramref name="row"/> … row + n − 1. One copy per element into an element-major column; a blocked transpose
    /// into an event-major one.</summary>
    /// <param name="column">The column's storage as bytes.</param>
    /// <param name="info">The column (its length and layout).</param>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="size">Bytes per value.</param>
    /// <param name="row">The first row to fill.</param>
    /// <param name="runs">The values: Length runs of at least n values, <paramref name="runStride"/> values apart.</param>
    /// <param name="runStride">The distance between the starts of consecutive runs, in values (≥ n).</param>
    /// <param name="n">The rows to fill.</param>
    public static void PutRuns(Span<byte> column, ColumnInfo info, int capacity, int size, int row, ReadOnlySpan<byte> runs, int runStride, int n)
    {
        ArgumentNullException.ThrowIfNull(info);
        int length = info.Length;
        if (!info.IsEventMajor)
        {
            for (int k = 0; k < length; k++)
                runs.Slice(k * runStride * size, n * size).CopyTo(column.Slice((k * capacity + row) * size, n * size));
            return;
        }
        Transpose(runs, 1, runStride, column[(row * length * size)..], length, 1, n, length, size);
    }

    /// <summary>Copies <paramref name="n"/> values of <paramref name="size"/> bytes: value j from
    /// <paramref name="source"/>[j × sourceStride] to <paramref name="target"/>[j × targetStride] (strides in values).
    /// Typed loads and stores, so a 4-byte value moves as one int instead of a 4-byte span copy.</summary>
    private static void Strided(ReadOnlySpan<byte> source, int sourceStride, Span<byte> target, int targetStride, int n, int size)
    {
        switch (size)
        {
            case 1: Strided<byte>(source, sourceStride, target, targetStride, n); break;
            case 2: Strided<ushort>(source, sourceStride, target, targetStride, n); break;
            case 4: Strided<uint>(source, sourceStride, target, targetStride, n); break;
            case 8: Strided<ulong>(source, sourceStride, target, targetStride, n); break;
            default:
                for (int j = 0; j < n; j++) source.Slice(j * sourceStride * size, size).CopyTo(target.Slice(j * targetStride * size, size));
                break;
        }
    }

    /// <summary>Reads every element of <paramref name="n"/> rows <paramref name="row"/> … into element-major runs, as a NuMM
    /// columnar chunk holds them: element k of row j to <paramref name="runs"/>[k × <paramref name="runStride"/> + j] (in
    /// values). One copy per element out of an element-major column; a blocked transpose out of an event-major one.</summary>
    /// <param name="column">The column's storage as bytes.</param>
    /// <param name="info">The column (its length and layout).</param>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="size">Bytes per value.</param>
    /// <param name="row">The first row to read.</param>
    /// <param name="runs">Where to write: Length runs of n values, <paramref name="runStride"/> values apart.</param>
    /// <param name="runStride">The distance between the starts of consecutive runs, in values (≥ n).</param>
    /// <param name="n">The rows to read.</param>
    public static void GetRuns(ReadOnlySpan<byte> column, ColumnInfo info, int capacity, int size, int row, Span<byte> runs, int runStride, int n)
    {
        ArgumentNullException.ThrowIfNull(info);
        int length = info.Length;
        if (!info.IsEventMajor)
        {
            for (int k = 0; k < length; k++)
                column.Slice((k * capacity + row) * size, n * size).CopyTo(runs.Slice(k * runStride * size, n * size));
            return;
        }
        Transpose(column[(row * length * size)..], length, 1, runs, 1, runStride, n, length, size);
    }

    /// <summary>Copies all <paramref name="length"/> elements of <paramref name="n"/> rows between two layouts: element k of
    /// row j from <paramref name="source"/>[j × sourceRow + k × sourceElement] to <paramref name="target"/>[j × targetRow +
    /// k × targetElement] (strides in values). Rows go in blocks whose target values fit in the L1 cache, so each cache
    /// line of the strided side is filled (or read) completely while it is resident instead of once per element.</summary>
    private static void Transpose(ReadOnlySpan<byte> source, int sourceRow, int sourceElement, Span<byte> target, int targetRow, int targetElement,
        int n, int length, int size)
    {
        if (n == 0) return;
        switch (size)
        {
            case 1: Transpose<byte>(source, sourceRow, sourceElement, target, targetRow, targetElement, n, length); break;
            case 2: Transpose<ushort>(source, sourceRow, sourceElement, target, targetRow, targetElement, n, length); break;
            case 4: Transpose<uint>(source, sourceRow, sourceElement, target, targetRow, targetElement, n, length); break;
            case 8: Transpose<ulong>(source, sourceRow, sourceElement, target, targetRow, targetElement, n, length); break;
            default: throw new ArgumentOutOfRangeException(nameof(size), size, "Values are 1, 2, 4 or 8 bytes.");
        }
    }

    private static void Transpose<T>(ReadOnlySpan<byte> source, int sourceRow, int sourceElement, Span<byte> target, int targetRow, int targetElement,
        int n, int length) where T : unmanaged
    {
        var s = MemoryMarshal.Cast<byte, T>(source);
        var t = MemoryMarshal.Cast<byte, T>(target);
        // Strides are non-negative, so the last row's last element is the largest index on either side: checked once here,
        // the loop then moves values through refs without a bounds check per value.
        if ((long)(n - 1) * sourceRow + (long)(length - 1) * sourceElement >= s.Length
            || (long)(n - 1) * targetRow + (long)(length - 1) * targetElement >= t.Length)
            throw new ArgumentException($"The column or buffer is too short for {n} rows of {length} values.");
        ref T s0 = ref MemoryMarshal.GetReference(s);
        ref T t0 = ref MemoryMarshal.GetReference(t);
        // Rows per block: the block's values fill about 32 KiB (the L1 data cache), in whole 64-byte lines of a run.
        int block = Math.Max(16, 32768 / (length * Unsafe.SizeOf<T>()) & ~15);
        for (int j0 = 0; j0 < n; j0 += block)
        {
            int j1 = Math.Min(n, j0 + block);
            for (int k = 0; k < length; k++)
            {
                ref T sk = ref Unsafe.Add(ref s0, (nint)k * sourceElement);
                ref T tk = ref Unsafe.Add(ref t0, (nint)k * targetElement);
                for (int j = j0; j < j1; j++) Unsafe.Add(ref tk, (nint)j * targetRow) = Unsafe.Add(ref sk, (nint)j * sourceRow);
            }
        }
    }

    private static void Strided<T>(ReadOnlySpan<byte> source, int sourceStride, Span<byte> target, int targetStride, int n) where T : unmanaged
    {
        var s = MemoryMarshal.Cast<byte, T>(source);
        var t = MemoryMarshal.Cast<byte, T>(target);
        for (int j = 0; j < n; j++) t[j * targetStride] = s[j * sourceStride];
    }
}
