using System;

namespace NuMM.Runtime.Data;

/// <summary>The element type of a column of event data.</summary>
public enum ColumnType
{
    /// <summary>bool, one byte.</summary>
    Boolean,
    /// <summary>8-bit signed integer.</summary>
    SByte,
    /// <summary>8-bit unsigned integer.</summary>
    Byte,
    /// <summary>16-bit signed integer.</summary>
    Int16,
    /// <summary>16-bit unsigned integer.</summary>
    UInt16,
    /// <summary>32-bit signed integer.</summary>
    Int32,
    /// <summary>32-bit unsigned integer.</summary>
    UInt32,
    /// <summary>64-bit signed integer.</summary>
    Int64,
    /// <summary>64-bit unsigned integer.</summary>
    UInt64,
    /// <summary>32-bit IEEE float.</summary>
    Single,
    /// <summary>64-bit IEEE float.</summary>
    Double,
}

/// <summary>One column of an event schema, as declared by the user.</summary>
/// <param name="Name">The column's field name in the schema.</param>
/// <param name="Type">The element type in memory.</param>
/// <param name="Unit">The declared physical unit (for example "GeV", "cm"), or empty when dimensionless.</param>
/// <param name="Source">The name of the branch or column in a file that fills it (defaults to <paramref name="Name"/>).</param>
/// <param name="RequireFinite">True when the schema declares that NaN or ±∞ is an input error.</param>
/// <param name="Length">Values per event: 1 for a scalar column, N for a fixed-length array column (for example 100
/// flux-universe weights). An array column's storage holds <see cref="IColumnBatch.Capacity"/> × N values, element k of
/// event i at k × Capacity + i (element-major, the default: one contiguous run per array element, so a kernel loads
/// element k of consecutive events as one vector) or at i × N + k (<paramref name="Layout"/> = event-major); see
/// <see cref="FixedArray{T}"/> and <see cref="IndexOf"/>.</param>
/// <param name="Layout">The storage layout of an array column; ignored when <paramref name="Length"/> is 1.</param>
public sealed record ColumnInfo(string Name, ColumnType Type, string Unit, string Source, bool RequireFinite, int Length = 1,
    NuMM.Dsl.ArrayLayout Layout = NuMM.Dsl.ArrayLayout.ElementMajor)
{
    /// <summary>True for an array column stored event-major (the values of one event contiguous).</summary>
    public bool IsEventMajor => Length > 1 && Layout == NuMM.Dsl.ArrayLayout.EventMajor;

    /// <summary>Where element <paramref name="k"/> of row <paramref name="row"/> lives in this column's storage in a
    /// batch of <paramref name="capacity"/> events: k × capacity + row (element-major) or row × Length + k (event-major).</summary>
    /// <param name="capacity">The batch capacity (events).</param>
    /// <param name="row">The event's row in the batch.</param>
    /// <param name="k">The element, 0 … Length − 1 (0 for a scalar column).</param>
    public int IndexOf(int capacity, int row, int k) => IsEventMajor ? row * Length + k : k * capacity + row;

    /// <summary>The distance in the storage between element k and k + 1 of one event (capacity or 1).</summary>
    /// <param name="capacity">The batch capacity (events).</param>
    public int ElementStride(int capacity) => IsEventMajor ? 1 : capacity;

    /// <summary>The distance in the storage between element k of row i and of row i + 1 (1 or Length).</summary>
    public int RowStride => IsEventMajor ? Length : 1;

    /// <summary>The most values per event an array column may hold (the generator's NUMM0207 limit; the NuMM columnar
    /// format stores the length in 16 bits).</summary>
    public const int MaxLength = 10_000;

    /// <summary>True for a fixed-length array column (<see cref="Length"/> &gt; 1).</summary>
    public bool IsArray => Length > 1;
}

/// <summary>A batch of events stored as columns (structure of arrays). Generated batch types implement
/// it, so readers can fill their columns directly without knowing the schema at compile time.</summary>
public interface IColumnBatch
{
    /// <summary>The columns, in declaration order.</summary>
    ReadOnlySpan<ColumnInfo> Columns { get; }

    /// <summary>How many events the batch can hold.</summary>
    int Capacity { get; }

    /// <summary>How many events are valid (0 ≤ Length ≤ Capacity).</summary>
    int Length { get; set; }

    /// <summary>The storage of column <paramref name="index"/> (all <see cref="Capacity"/> elements; Capacity × Length for an
    /// array column, element k of event i at k × Capacity + i when element-major or at i × Length + k when event-major:
    /// <see cref="ColumnInfo.IndexOf"/>).</summary>
    /// <typeparam name="T">The column's element type; must match <see cref="ColumnInfo.Type"/>.</typeparam>
    Span<T> Column<T>(int index) where T : unmanaged;
}

/// <summary>A source of event batches, read in order. Implementations refill the batch they are given
/// so a run allocates nothing per batch.</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public interface IBatchSource<in TBatch> where TBatch : IColumnBatch
{
    /// <summary>Fills <paramref name="batch"/> with the next events; returns false when none are left.</summary>
    /// <param name="batch">The batch to overwrite; its <see cref="IColumnBatch.Length"/> is set to the events read.</param>
    bool ReadNext(TBatch batch);
}

/// <summary>A source whose batches already exist in memory and can be processed where they are: zero-copy. When a
/// source offers it, <see cref="Selection.AnalysisRunner"/> takes each batch with <see cref="TryNextView"/> instead of
/// copying it into one of its own with <see cref="IBatchSource{TBatch}.ReadNext"/>; reading then costs nothing and the
/// threads spend their time in the kernel. The results are the same either way (each batch is the same events).</summary>
/// <typeparam name="TBatch">The columnar batch type.</typeparam>
public interface IBatchViewSource<TBatch> : IBatchSource<TBatch> where TBatch : IColumnBatch
{
    /// <summary>The next batch itself, not a copy; returns false when none are left. The caller only reads it, and may
    /// keep reading it until the run that asked for it has finished.</summary>
    /// <param name="batch">The source's own batch.</param>
    bool TryNextView([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TBatch batch);
}
