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
    /// empty when dimensionless. Comparing columns of different units is a compile-time warning.</summary>
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
}
