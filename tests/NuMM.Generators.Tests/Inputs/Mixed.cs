using System;
using NuMM.Dsl;

namespace Inputs.Mixed;

/// <summary>Every column type a body can use: float, double, int and bool.</summary>
[EventSchema]
public partial struct MixedEvent
{
    [Column(Unit = "cm")] public float A, B;
    [Column(Unit = "GeV")] public double D;
    public int N;
    public bool Flag;
    [Column(Finite = true)] public float W;
    public double W2;
}

/// <summary>Exercises every construct the generator translates: patterns, && || !, arithmetic, Math functions with
/// and without vector forms, inlined variables, ?:, int and bool columns, conversions, a run-time weight parameter.</summary>
[Analysis(typeof(MixedEvent))]
[Histogram("Radius", nameof(Radius), Bins = 12, Min = 0, Max = 3)]
[Histogram("D", nameof(MixedEvent.D), Edges = new[] { -1.0, 0.0, 0.25, 0.5, 1.0, 2.5 })]
[Histogram("Count", nameof(MixedEvent.N), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("AB", nameof(MixedEvent.A), nameof(MixedEvent.B), XBins = 8, XMin = -2, XMax = 2, YBins = 6, YMin = -1.5, YMax = 1.5)]
[Histogram2D("RadiusShape", nameof(Radius), nameof(Shape), XBins = 5, XMin = 0, XMax = 2.5, YEdges = new[] { 0.0, 0.2, 0.5, 1.0, 2.0 })]
public static partial class MixedSelection
{
    [Cut(1, "A window")]
    public static bool AWindow(in MixedEvent e) => e.A is > -2f and < 2f;

    [Cut(2, "D or flag")]
    public static bool DOrFlag(in MixedEvent e) => e.D > 0.5 || e.Flag;

    [Cut(3, "multiplicity")]
    public static bool Multiplicity(in MixedEvent e) => e.N >= 2 && !(e.N > 7) && e.N * 3 - 1 < 40;

    [Cut(4, "abs max")]
    public static bool AbsMax(in MixedEvent e) => Math.Max(MathF.Abs(e.A), e.B) < 1.5f && Math.Min(e.D, 2.0) > -0.5;

    [Cut(5, "radius")]
    public static bool RadiusCut(in MixedEvent e) => Radius(e) is < 2.5f or > 10f;

    [Cut(6, "shape")]
    public static bool ShapeCut(in MixedEvent e) => Shape(e) > 0.1 && !double.IsNaN(Shape(e));

#pragma warning disable NUMM0104 // exact equality of an integral floor on purpose (also checks that pragmas silence NuMM warnings)
    [Cut(7, "select")]
    public static bool Select(in MixedEvent e) => (e.Flag ? e.A : e.B + 0.25f) > -1f && Math.Floor(e.D * 4) != 3.0;
#pragma warning restore NUMM0104

    [Variable("r", Unit = "cm")]
    public static float Radius(in MixedEvent e) => MathF.Sqrt(e.A * e.A + e.B * e.B);

    [Variable("shape")]
    public static double Shape(in MixedEvent e) => Math.Exp(-Math.Abs(e.D)) + e.N / 20.0f;

    [Weight("column")]
    public static float ColumnWeight(in MixedEvent e) => e.W;

    [Weight("signal")]
    public static double Signal(in MixedEvent e, double mu = 1.5) => 1.0 + mu * mu * e.W2;
}
