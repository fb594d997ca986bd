using System;

namespace NuMM.Dsl;

/// <summary>Marks a <c>partial struct</c> as an event schema: each instance field is one column of event data.
/// The generator adds a nested columnar <c>Batch</c> class (one array per column) that readers fill.</summary>
/// <remarks>Supported column types: <c>bool</c>, <c>sbyte</c>, <c>byte</c>, <c>short</c>, <c>ushort</c>, <c>int</c>,
/// <c>uint</c>, <c>long</c>, <c>ulong</c>, <c>float</c>, <c>double</c>. Cut, variable and weight bodies can use
/// <c>bool</c>, <c>int</c>, <c>float</c> and <c>double</c> columns.</remarks>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class EventSchemaAttribute : Attribute
{
}

/// <summary>Describes one column of an <see cref="EventSchemaAttribute"/> struct. Fields without this attribute
/// are columns too, dimensionless and filled from a branch of the same name.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class ColumnAttribute : Attribute
{
    /// <summary>The physical unit of the column's values (for example <c>"GeV"</c>, <c>"cm"</c>, <c>"rad"</c>);
    /// empty (the default) when dimensionless: a count, score, ratio or weight. Comparing, adding or subtracting values
    /// of different units (dimensionless included) is compile-time warning NUMM0501.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The branch or column name in an input file that fills this column; defaults to the field name.</summary>
    public string? Source { get; set; }

    /// <summary>True when NaN or ±∞ in this column is an input error: the generated kernel then rejects such a
    /// batch with an exception naming the column and row.</summary>
    public bool Finite { get; set; }

    /// <summary>For a fixed-length array column (a field of type <c>NuMM.Runtime.Data.FixedArray&lt;T&gt;</c>): the number
    /// of values per event, at least 1 (for example 100 flux-universe weights, read from a ROOT branch <c>w[100]</c>).
    /// 0 (the default) for a scalar column.</summary>
    public int Length { get; set; }

    /// <summary>For an array column: how its values are laid out in a batch (see <see cref="ArrayLayout"/>). The default,
    /// <see cref="ArrayLayout.ElementMajor"/>, suits kernels that read one element of every event; choose
    /// <see cref="ArrayLayout.EventMajor"/> for per-event weight vectors (universe weights) that are read only for the
    /// events passing the cuts. Ignored for a scalar column (NUMM0208 if set there).</summary>
    public ArrayLayout Layout { get; set; }
}

/// <summary>How the values of a fixed-length array column of <c>L</c> values per event are stored in a batch of
/// capacity <c>C</c>. Both layouts hold the same values; readers fill either, and a schema's event struct sees the same
/// <c>FixedArray</c> view. The choice only changes which accesses are fast.</summary>
public enum ArrayLayout
{
    /// <summary>Element k of event i at <c>k × C + i</c>: one contiguous run per element, so a vector kernel loads element
    /// k of consecutive events as one vector. Best when every event reads a few elements.</summary>
    ElementMajor = 0,

    /// <summary>Element k of event i at <c>i × L + k</c>: the L values of one event are contiguous (as a ROOT branch
    /// <c>w[L]</c> and a NumPy (N, L) array store them), so reading all of one event's values touches ⌈4L/64⌉ cache lines
    /// instead of L. Best for per-event weight vectors such as 100 flux universes read only for selected events
    /// (<c>VariationCutFlow.FinalOnly</c>).</summary>
    EventMajor = 1,
}
