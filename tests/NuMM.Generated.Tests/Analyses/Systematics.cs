using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>An event with a shifted energy, a shifted vertex, an integer hit count and a true energy for weights.</summary>
[EventSchema]
public partial struct SystEvent
{
    [Column(Unit = "GeV")] public float E;
    [Column(Unit = "rad")] public float Theta;
    [Column(Unit = "cm")] public float X;
    public int Hits;
    [Column(Unit = "GeV")] public double TrueE;
    public float W;
}

/// <summary>A selection with every kind of in-kernel variation: two shifted columns (energy feeds two cuts, a variable
/// and two histograms; the vertex feeds one cut and a 2-D histogram), a shifted integer column, a knob and universes.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("ETheta2", nameof(ETheta2), Bins = 20, Min = 0, Max = 0.02)]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class SystSelection
{
    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in SystEvent e) => e.E * e.Theta * e.Theta;

    [Cut(1, "Fiducial")] public static bool Fiducial(in SystEvent e) => e.X is > -90f and < 90f;
    [Cut(2, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;
    [Cut(3, "Hits")] public static bool Hits(in SystEvent e) => e.Hits >= 3;
    [Cut(4, "E θ²")] public static bool SmallETheta2(in SystEvent e) => ETheta2(e) < 0.01f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W;
    [Weight("flux")] public static double Flux(in SystEvent e) => 1.0 + 0.05 * e.TrueE;

    [Shift("energy scale", nameof(SystEvent.E), -2, -1, 1, 2)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);

    [Shift("vertex", nameof(SystEvent.X), -1, 1)]
    public static float Vertex(in SystEvent e, double sigma) => e.X + 2.5f * (float)sigma;

    [Shift("hit efficiency", nameof(SystEvent.Hits), -1, 1)]
    public static int HitShift(in SystEvent e, double sigma) => sigma > 0 ? e.Hits + 1 : e.Hits - 1;

    [Knob("xsec", -3, -1, 1, 3)]
    public static double XsecKnob(in SystEvent e, double sigma) => 1.0 + sigma * 0.1 * (e.TrueE - 2.0);

    [Universes("flux universes", 20)]
    public static double FluxUniverse(in SystEvent e, int universe) => 1.0 + 0.01 * (universe - 10) * e.TrueE;
}

/// <summary>The nominal selection of <see cref="SystSelection"/> with no variations: run on a shifted copy of a sample,
/// it is the reference for a shift.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("ETheta2", nameof(ETheta2), Bins = 20, Min = 0, Max = 0.02)]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class SystReference
{
    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in SystEvent e) => e.E * e.Theta * e.Theta;

    [Cut(1, "Fiducial")] public static bool Fiducial(in SystEvent e) => e.X is > -90f and < 90f;
    [Cut(2, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;
    [Cut(3, "Hits")] public static bool Hits(in SystEvent e) => e.Hits >= 3;
    [Cut(4, "E θ²")] public static bool SmallETheta2(in SystEvent e) => ETheta2(e) < 0.01f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W;
    [Weight("flux")] public static double Flux(in SystEvent e) => 1.0 + 0.05 * e.TrueE;
}

/// <summary>The nominal selection with the knob's factor as a third weight (σ a run-time parameter): the reference for a knob point.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("ETheta2", nameof(ETheta2), Bins = 20, Min = 0, Max = 0.02)]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class SystKnobReference
{
    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in SystEvent e) => e.E * e.Theta * e.Theta;

    [Cut(1, "Fiducial")] public static bool Fiducial(in SystEvent e) => e.X is > -90f and < 90f;
    [Cut(2, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;
    [Cut(3, "Hits")] public static bool Hits(in SystEvent e) => e.Hits >= 3;
    [Cut(4, "E θ²")] public static bool SmallETheta2(in SystEvent e) => ETheta2(e) < 0.01f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W;
    [Weight("flux")] public static double Flux(in SystEvent e) => 1.0 + 0.05 * e.TrueE;
    [Weight("knob")] public static double Knob(in SystEvent e, double knobSigma) => 1.0 + knobSigma * 0.1 * (e.TrueE - 2.0);
}

/// <summary>The nominal selection with one universe's factor as a third weight: the reference for a universe.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("ETheta2", nameof(ETheta2), Bins = 20, Min = 0, Max = 0.02)]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class SystUniverseReference
{
    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in SystEvent e) => e.E * e.Theta * e.Theta;

    [Cut(1, "Fiducial")] public static bool Fiducial(in SystEvent e) => e.X is > -90f and < 90f;
    [Cut(2, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;
    [Cut(3, "Hits")] public static bool Hits(in SystEvent e) => e.Hits >= 3;
    [Cut(4, "E θ²")] public static bool SmallETheta2(in SystEvent e) => ETheta2(e) < 0.01f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W;
    [Weight("flux")] public static double Flux(in SystEvent e) => 1.0 + 0.05 * e.TrueE;
    [Weight("universe")] public static double Universe(in SystEvent e, int universe) => 1.0 + 0.01 * (universe - 10) * e.TrueE;
}

/// <summary>Only knobs and universes, no [Weight]: the nominal weight is 1.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class UnweightedKnobSelection
{
    [Cut(1, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;

    [Knob("xsec", -1, 1)]
    public static double XsecKnob(in SystEvent e, double sigma) => 1.0 + sigma * 0.1 * (e.TrueE - 2.0);

    [Shift("energy scale", nameof(SystEvent.E), -1, 1)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);
}

/// <summary>The reference of <see cref="UnweightedKnobSelection"/>'s knob.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class UnweightedKnobReference
{
    [Cut(1, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;

    [Weight("knob")] public static double Knob(in SystEvent e, double knobSigma) => 1.0 + knobSigma * 0.1 * (e.TrueE - 2.0);
}
