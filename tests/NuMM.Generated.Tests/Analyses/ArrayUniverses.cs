using NuMM.Dsl;
using NuMM.Runtime.Data;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>An event with per-event universe weights and knob responses in fixed-length array columns.</summary>
[EventSchema]
public partial struct ArrayEvent
{
    [Column(Unit = "GeV")] public float E;
    public float W;
    [Column(Length = 12)] public FixedArray<float> Flux;
    [Column(Length = 3)] public FixedArray<double> Response;
}

/// <summary>Universes read from an array column, a knob from one element of another, and a cut on a constant element.</summary>
[Analysis(typeof(ArrayEvent))]
[Histogram("E", nameof(ArrayEvent.E), Bins = 8, Min = 0, Max = 8)]
public static partial class ArraySelection
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEvent e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEvent e) => e.Response[0] < 0.9;

    [Weight("event")] public static float Weight(in ArrayEvent e) => e.W;

    [Universes("flux", 12)]
    public static float Flux(in ArrayEvent e, int universe) => e.Flux[universe];

    [Knob("xsec", -1, 1)]
    public static double Xsec(in ArrayEvent e, double sigma) => 1.0 + sigma * e.Response[2];
}

/// <summary>One universe's weight copied into a scalar column: the reference layout.</summary>
[EventSchema]
public partial struct FlatEvent
{
    [Column(Unit = "GeV")] public float E;
    public float W;
    public float U;
    public double R0;
}

/// <summary>The reference of <see cref="ArraySelection"/>'s universes: the universe weight as a second [Weight].</summary>
[Analysis(typeof(FlatEvent))]
[Histogram("E", nameof(FlatEvent.E), Bins = 8, Min = 0, Max = 8)]
public static partial class FlatReference
{
    [Cut(1, "Energy")] public static bool Energy(in FlatEvent e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in FlatEvent e) => e.R0 < 0.9;

    [Weight("event")] public static float Weight(in FlatEvent e) => e.W;
    [Weight("universe")] public static float Universe(in FlatEvent e) => e.U;
}
