using System;

namespace NuMM.Dsl;

/// <summary>Declares a shifted quantity: <c>static T M(in TEvent e, double sigma)</c> returns the value that replaces
/// schema column <see cref="Column"/> at σ point <c>sigma</c> (for example a 5 % energy scale,
/// <c>e.ShowerEnergy * (1 + 0.05f * (float)sigma)</c>). Inside the body the column reads its nominal value. The generated
/// kernel re-evaluates, at every σ point, each cut, variable, weight and histogram value that reads the column, in the
/// same pass as the nominal selection, and fills a full cut flow and every histogram per point. Several
/// <c>[Shift]</c> methods with the same <see cref="Name"/> and the same σ points shift several columns together.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ShiftAttribute : Attribute
{
    /// <summary>Declares a shift.</summary>
    /// <param name="name">The systematic's name; unique among the analysis's variations (shared only by shifts that move
    /// several columns together).</param>
    /// <param name="column">The schema column the method's value replaces.</param>
    /// <param name="sigmas">The σ points, strictly increasing, without 0 (the nominal), for example −2, −1, 1, 2.</param>
    public ShiftAttribute(string name, string column, params double[] sigmas)
    {
        Name = name;
        Column = column;
        Sigmas = sigmas;
    }

    /// <summary>The systematic's name.</summary>
    public string Name { get; }

    /// <summary>The shifted schema column.</summary>
    public string Column { get; }

    /// <summary>The σ points, in standard deviations of the systematic.</summary>
    public double[] Sigmas { get; }
}

/// <summary>Declares a weight knob: <c>static float|double M(in TEvent e, double sigma)</c> returns the factor by which
/// the event weight changes at σ point <c>sigma</c> (a response such as <c>1 + sigma * e.MaCCQEShift</c>). Each σ point
/// gets a full cut flow and every histogram, filled in the same pass as the nominal selection with weight
/// (product of the [Weight]s) × factor.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class KnobAttribute : Attribute
{
    /// <summary>Declares a knob.</summary>
    /// <param name="name">The systematic's name; unique among the analysis's variations.</param>
    /// <param name="sigmas">The σ points, strictly increasing, without 0, for example −3, −2, −1, 1, 2, 3.</param>
    public KnobAttribute(string name, params double[] sigmas)
    {
        Name = name;
        Sigmas = sigmas;
    }

    /// <summary>The systematic's name.</summary>
    public string Name { get; }

    /// <summary>The σ points, in standard deviations of the systematic.</summary>
    public double[] Sigmas { get; }

    /// <summary>Which cut-flow levels get this variation's weighted sums: every level (the default), or only the final
    /// selection (see <see cref="VariationCutFlow"/>).</summary>
    public VariationCutFlow CutFlow { get; set; }
}

/// <summary>Declares a multi-universe weight systematic: <c>static float|double M(in TEvent e, int universe)</c> returns
/// the factor by which the event weight changes in universe <c>universe</c> (0..<see cref="Count"/>−1), typically an
/// element of a fixed-length array column, <c>e.PpfxUniverse[universe]</c>. Every universe gets a cut flow (every level by default, see <see cref="CutFlow"/>) and
/// every histogram, filled in the same pass as the nominal selection.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UniversesAttribute : Attribute
{
    /// <summary>The most universes one systematic may declare.</summary>
    public const int MaxCount = 10000;

    /// <summary>Declares universes.</summary>
    /// <param name="name">The systematic's name; unique among the analysis's variations.</param>
    /// <param name="count">The number of universes, 1..<see cref="MaxCount"/>.</param>
    public UniversesAttribute(string name, int count)
    {
        Name = name;
        Count = count;
    }

    /// <summary>The systematic's name.</summary>
    public string Name { get; }

    /// <summary>The number of universes.</summary>
    public int Count { get; }

    /// <summary>Which cut-flow levels get this variation's weighted sums: every level (the default), or only the final
    /// selection (see <see cref="VariationCutFlow"/>).</summary>
    public VariationCutFlow CutFlow { get; set; }
}

/// <summary>Which cut-flow levels of a weight variation (<see cref="KnobAttribute"/>, <see cref="UniversesAttribute"/>)
/// the kernel fills with weighted sums. Event counts are filled at every level either way: a weight variation does not
/// change which events pass.</summary>
public enum VariationCutFlow
{
    /// <summary>Σw and Σw² at every cut level and every N−1 entry, as for the nominal selection. This reads the
    /// variation's weight for every event, including the many that fail the first cut (for 100 universes from an array
    /// column, the whole column).</summary>
    Full = 0,

    /// <summary>Σw and Σw² at the final level (events passing every cut) and every histogram; the earlier levels and
    /// the N−1 entries hold NaN ("not computed"). The variation's weight is evaluated only for events that pass every
    /// cut, so 100 universes cost little more than the nominal pass. The usual choice for flux universes, whose
    /// spectra at the final selection are what a fit uses.</summary>
    FinalOnly = 1,
}
