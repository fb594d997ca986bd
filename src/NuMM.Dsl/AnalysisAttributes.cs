using System;

namespace NuMM.Dsl;

/// <summary>Marks a <c>static partial class</c> as an analysis over the event schema <see cref="Schema"/>. The
/// generator adds a nested <c>Kernel</c> class that runs every cut, weight and histogram over column batches.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnalysisAttribute : Attribute
{
    /// <summary>Declares an analysis.</summary>
    /// <param name="schema">The <see cref="EventSchemaAttribute"/> struct the analysis reads.</param>
    public AnalysisAttribute(Type schema) => Schema = schema;

    /// <summary>The event schema the analysis reads.</summary>
    public Type Schema { get; }

    /// <summary>The analysis name written into results; defaults to the class name.</summary>
    public string? Name { get; set; }
}

/// <summary>Marks <c>static bool M(in TEvent e)</c> as a selection cut. Cuts run in ascending <see cref="Order"/>;
/// the cut flow records events and weights passing each cut cumulatively and the N−1 yields.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CutAttribute : Attribute
{
    /// <summary>Declares a cut.</summary>
    /// <param name="order">The position of the cut in the cut flow; unique within the analysis.</param>
    /// <param name="name">The cut's name in cut-flow tables; unique within the analysis.</param>
    public CutAttribute(int order, string name)
    {
        Order = order;
        Name = name;
    }

    /// <summary>The position of the cut in the cut flow (ascending).</summary>
    public int Order { get; }

    /// <summary>The cut's name in cut-flow tables.</summary>
    public string Name { get; }
}

/// <summary>Marks <c>static float|double|int M(in TEvent e)</c> as a derived variable. Cuts, weights and other
/// variables may call it (the generator inlines it); histograms refer to it by method name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class VariableAttribute : Attribute
{
    /// <summary>Declares a variable.</summary>
    /// <param name="label">The axis label used by histograms of this variable.</param>
    public VariableAttribute(string label) => Label = label;

    /// <summary>The axis label.</summary>
    public string Label { get; }

    /// <summary>The unit of the variable's value (for example <c>"GeV rad²"</c>). Not set: the unit the body computes from
    /// its columns (products and quotients carry units). Set to <c>""</c>: dimensionless. A declared unit that differs
    /// from the body's is compile-time warning NUMM0502; docs/dsl.md ("Units") describes the unit algebra.</summary>
    public string Unit { get; set; } = "";
}

/// <summary>Marks <c>static float|double M(in TEvent e, …)</c> as an event weight. The event weight is the product
/// of all declared weights. Parameters after the event (of type <c>double</c>, <c>float</c> or <c>int</c>) are
/// run-time parameters: the generated kernel exposes each as a settable property and constructor argument
/// (for example the magnetic moment μ of a signal reweighting).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WeightAttribute : Attribute
{
    /// <summary>Declares a weight.</summary>
    /// <param name="name">A name for reports (for example <c>"flux"</c>).</param>
    public WeightAttribute(string name) => Name = name;

    /// <summary>The weight's name.</summary>
    public string Name { get; }
}

/// <summary>Declares that a static method has no side effects and depends only on its arguments, so cut, variable
/// and weight bodies may call it. The generated kernel calls it once per event lane (a scalar path inside the
/// vector loop), which the generator reports as information NUMM0202.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PureAttribute : Attribute
{
}
