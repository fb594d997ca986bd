namespace NuMM.Generators.Model;

/// <summary>One column of a schema. <see cref="CSharpType"/> is the C# type of one value and <see cref="Kind"/> its
/// <c>NuMM.Runtime.Data.ColumnType</c> member name (of each element, for an array column). <see cref="Length"/> is 0 for a
/// scalar field and N for a <c>FixedArray&lt;T&gt;</c> field holding N values per event.</summary>
/// <see cref="EventMajor"/>: the array column's values of one event are contiguous in the batch (<c>ArrayLayout.EventMajor</c>:
/// value k of event i at i × Length + k) instead of one run per element (k × Capacity + i).
internal sealed record ColumnSpec(string Name, string CSharpType, string Kind, string Unit, string Source, bool Finite, int Length = 0, bool EventMajor = false)
{
    public bool IsArray => Length > 0;
}

/// <summary>An <c>[EventSchema]</c> struct.</summary>
internal sealed record SchemaSpec(string Namespace, string TypeName, string FullName, EquatableArray<ColumnSpec> Columns)
{
    /// <summary>The declaration index of column <paramref name="name"/> (its index in the batch's <c>Column&lt;T&gt;</c>).</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new System.InvalidOperationException($"Column '{name}' is not in schema {TypeName}.");
    }
}

internal sealed record CutSpec(int Order, string Name, string Method, Expr Body);

/// <summary>A weight; <see cref="Parameters"/> are its run-time parameters in call order.</summary>
internal sealed record WeightSpec(string Name, string Method, Expr Body, EquatableArray<string> Parameters);

/// <summary>A kernel parameter (from weight signatures): name, C# type, and default literal (null = required).</summary>
internal sealed record ParameterSpec(string Name, string CSharpType, ValType Type, string? DefaultLiteral);

/// <summary>A quantity on a histogram axis: its expression, the user-facing call for the scalar twin, label and unit.</summary>
internal sealed record AxisSpec(string Variable, Expr Value, string ScalarValue, string Label, string Unit,
    int Bins, double Min, double Max, EquatableArray<double> Edges)
{
    public bool IsVariable => Edges.Count > 0;
}

internal sealed record HistogramSpec(string Name, AxisSpec X, AxisSpec? Y);

internal sealed record AnalysisSpec(string Namespace, string TypeName, string AnalysisName, string ClassModifiers,
    SchemaSpec Schema, EquatableArray<CutSpec> Cuts, EquatableArray<WeightSpec> Weights,
    EquatableArray<ParameterSpec> Parameters, EquatableArray<HistogramSpec> Histograms,
    EquatableArray<ShiftSpec> Shifts, EquatableArray<WeightVariationSpec> WeightVariations, string KernelAccess = "public");

internal sealed record SchemaParseResult(SchemaSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

internal sealed record AnalysisParseResult(AnalysisSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One column moved by a shift: the user's method <see cref="Method"/> (called as <c>M(in e, sigma)</c>) and
/// its translated body, in which <see cref="VariationIndexRef"/> stands for σ and the column reads its nominal value.</summary>
internal sealed record ShiftedColumnSpec(string Column, string Method, Expr Body);

/// <summary>A shifted-quantity systematic: the columns it moves and its σ points (strictly increasing, no 0).</summary>
internal sealed record ShiftSpec(string Name, EquatableArray<double> Sigmas, EquatableArray<ShiftedColumnSpec> Columns);

/// <summary>A weight systematic: a knob at σ points (<see cref="Sigmas"/>) or <see cref="Universes"/> universes. Its
/// factor is the user's method <see cref="Method"/> (called as <c>M(in e, sigma|universe)</c>), translated as
/// <see cref="Body"/> with <see cref="VariationIndexRef"/> for the σ or universe.</summary>
internal sealed record WeightVariationSpec(string Name, string Method, Expr Body, EquatableArray<double> Sigmas, int Universes, bool FinalOnly)
{
    public bool IsUniverses => Universes > 0;

    public int Points => IsUniverses ? Universes : Sigmas.Count;
}
