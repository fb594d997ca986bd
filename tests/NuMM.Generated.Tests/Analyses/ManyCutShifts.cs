using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

// Shapes of the block tally of shifted selections (see VariationTallyTests): more than 15 cuts (rows tallied row by
// row), exactly 15 (the largest 4-bit row code), an event weight that depends on the shifted column (each selection
// its own weights), and no weights at all (counts only). Each has a twin without variations, run on shifted copies.

/// <summary>17 cuts, a weight that reads the shifted energy.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class SeventeenCutShifts
{
    [Cut(1, "X > -95")] public static bool C1(in SystEvent e) => e.X > -95f;
    [Cut(2, "E > 0.5")] public static bool C2(in SystEvent e) => e.E > 0.5f;
    [Cut(3, "X < 95")] public static bool C3(in SystEvent e) => e.X < 95f;
    [Cut(4, "E < 9.5")] public static bool C4(in SystEvent e) => e.E < 9.5f;
    [Cut(5, "Hits ≥ 1")] public static bool C5(in SystEvent e) => e.Hits >= 1;
    [Cut(6, "θ < 0.095")] public static bool C6(in SystEvent e) => e.Theta < 0.095f;
    [Cut(7, "X > -85")] public static bool C7(in SystEvent e) => e.X > -85f;
    [Cut(8, "E > 1")] public static bool C8(in SystEvent e) => e.E > 1f;
    [Cut(9, "W > 0.3")] public static bool C9(in SystEvent e) => e.W > 0.3f;
    [Cut(10, "X < 85")] public static bool C10(in SystEvent e) => e.X < 85f;
    [Cut(11, "E < 9")] public static bool C11(in SystEvent e) => e.E < 9f;
    [Cut(12, "true E > 0.7")] public static bool C12(in SystEvent e) => e.TrueE > 0.7;
    [Cut(13, "θ > 0.002")] public static bool C13(in SystEvent e) => e.Theta > 0.002f;
    [Cut(14, "Hits ≤ 5")] public static bool C14(in SystEvent e) => e.Hits <= 5;
    [Cut(15, "E θ < 0.8")] public static bool C15(in SystEvent e) => e.E * e.Theta < 0.8f;
    [Cut(16, "X > -80")] public static bool C16(in SystEvent e) => e.X > -80f;
    [Cut(17, "E < 8.5")] public static bool C17(in SystEvent e) => e.E < 8.5f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W * (1f + 0.02f * e.E);

    [Shift("energy scale", nameof(SystEvent.E), -2, -1, 1, 2)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);
}

/// <summary><see cref="SeventeenCutShifts"/> without variations.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class SeventeenCutReference
{
    [Cut(1, "X > -95")] public static bool C1(in SystEvent e) => e.X > -95f;
    [Cut(2, "E > 0.5")] public static bool C2(in SystEvent e) => e.E > 0.5f;
    [Cut(3, "X < 95")] public static bool C3(in SystEvent e) => e.X < 95f;
    [Cut(4, "E < 9.5")] public static bool C4(in SystEvent e) => e.E < 9.5f;
    [Cut(5, "Hits ≥ 1")] public static bool C5(in SystEvent e) => e.Hits >= 1;
    [Cut(6, "θ < 0.095")] public static bool C6(in SystEvent e) => e.Theta < 0.095f;
    [Cut(7, "X > -85")] public static bool C7(in SystEvent e) => e.X > -85f;
    [Cut(8, "E > 1")] public static bool C8(in SystEvent e) => e.E > 1f;
    [Cut(9, "W > 0.3")] public static bool C9(in SystEvent e) => e.W > 0.3f;
    [Cut(10, "X < 85")] public static bool C10(in SystEvent e) => e.X < 85f;
    [Cut(11, "E < 9")] public static bool C11(in SystEvent e) => e.E < 9f;
    [Cut(12, "true E > 0.7")] public static bool C12(in SystEvent e) => e.TrueE > 0.7;
    [Cut(13, "θ > 0.002")] public static bool C13(in SystEvent e) => e.Theta > 0.002f;
    [Cut(14, "Hits ≤ 5")] public static bool C14(in SystEvent e) => e.Hits <= 5;
    [Cut(15, "E θ < 0.8")] public static bool C15(in SystEvent e) => e.E * e.Theta < 0.8f;
    [Cut(16, "X > -80")] public static bool C16(in SystEvent e) => e.X > -80f;
    [Cut(17, "E < 8.5")] public static bool C17(in SystEvent e) => e.E < 8.5f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W * (1f + 0.02f * e.E);
}

/// <summary>Exactly 15 cuts (row codes 0…15), two shifted columns, a weight that reads the shifted vertex.</summary>
[Analysis(typeof(SystEvent))]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class FifteenCutShifts
{
    [Cut(1, "X > -95")] public static bool C1(in SystEvent e) => e.X > -95f;
    [Cut(2, "E > 0.5")] public static bool C2(in SystEvent e) => e.E > 0.5f;
    [Cut(3, "X < 95")] public static bool C3(in SystEvent e) => e.X < 95f;
    [Cut(4, "E < 9.5")] public static bool C4(in SystEvent e) => e.E < 9.5f;
    [Cut(5, "Hits ≥ 1")] public static bool C5(in SystEvent e) => e.Hits >= 1;
    [Cut(6, "θ < 0.095")] public static bool C6(in SystEvent e) => e.Theta < 0.095f;
    [Cut(7, "X > -85")] public static bool C7(in SystEvent e) => e.X > -85f;
    [Cut(8, "E > 1")] public static bool C8(in SystEvent e) => e.E > 1f;
    [Cut(9, "W > 0.3")] public static bool C9(in SystEvent e) => e.W > 0.3f;
    [Cut(10, "X < 85")] public static bool C10(in SystEvent e) => e.X < 85f;
    [Cut(11, "E < 9")] public static bool C11(in SystEvent e) => e.E < 9f;
    [Cut(12, "true E > 0.7")] public static bool C12(in SystEvent e) => e.TrueE > 0.7;
    [Cut(13, "θ > 0.002")] public static bool C13(in SystEvent e) => e.Theta > 0.002f;
    [Cut(14, "Hits ≤ 5")] public static bool C14(in SystEvent e) => e.Hits <= 5;
    [Cut(15, "E θ < 0.8")] public static bool C15(in SystEvent e) => e.E * e.Theta < 0.8f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W;
    [Weight("vertex")] public static double Vertex(in SystEvent e) => 1.0 + 0.001 * e.X;

    [Shift("energy scale", nameof(SystEvent.E), -1, 1)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);

    [Shift("vertex", nameof(SystEvent.X), -1, 1)]
    public static float VertexShift(in SystEvent e, double sigma) => e.X + 5f * (float)sigma;
}

/// <summary><see cref="FifteenCutShifts"/> without variations.</summary>
[Analysis(typeof(SystEvent))]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class FifteenCutReference
{
    [Cut(1, "X > -95")] public static bool C1(in SystEvent e) => e.X > -95f;
    [Cut(2, "E > 0.5")] public static bool C2(in SystEvent e) => e.E > 0.5f;
    [Cut(3, "X < 95")] public static bool C3(in SystEvent e) => e.X < 95f;
    [Cut(4, "E < 9.5")] public static bool C4(in SystEvent e) => e.E < 9.5f;
    [Cut(5, "Hits ≥ 1")] public static bool C5(in SystEvent e) => e.Hits >= 1;
    [Cut(6, "θ < 0.095")] public static bool C6(in SystEvent e) => e.Theta < 0.095f;
    [Cut(7, "X > -85")] public static bool C7(in SystEvent e) => e.X > -85f;
    [Cut(8, "E > 1")] public static bool C8(in SystEvent e) => e.E > 1f;
    [Cut(9, "W > 0.3")] public static bool C9(in SystEvent e) => e.W > 0.3f;
    [Cut(10, "X < 85")] public static bool C10(in SystEvent e) => e.X < 85f;
    [Cut(11, "E < 9")] public static bool C11(in SystEvent e) => e.E < 9f;
    [Cut(12, "true E > 0.7")] public static bool C12(in SystEvent e) => e.TrueE > 0.7;
    [Cut(13, "θ > 0.002")] public static bool C13(in SystEvent e) => e.Theta > 0.002f;
    [Cut(14, "Hits ≤ 5")] public static bool C14(in SystEvent e) => e.Hits <= 5;
    [Cut(15, "E θ < 0.8")] public static bool C15(in SystEvent e) => e.E * e.Theta < 0.8f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W;
    [Weight("vertex")] public static double Vertex(in SystEvent e) => 1.0 + 0.001 * e.X;
}

/// <summary>No weights: a shifted selection's cut flow is counts only.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class UnweightedShifts
{
    [Cut(1, "Fiducial")] public static bool Fiducial(in SystEvent e) => e.X is > -90f and < 90f;
    [Cut(2, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;
    [Cut(3, "Hits")] public static bool Hits(in SystEvent e) => e.Hits >= 3;

    [Shift("energy scale", nameof(SystEvent.E), -2, -1, 1, 2)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);
}

/// <summary><see cref="UnweightedShifts"/> without variations.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class UnweightedReference
{
    [Cut(1, "Fiducial")] public static bool Fiducial(in SystEvent e) => e.X is > -90f and < 90f;
    [Cut(2, "Energy")] public static bool Energy(in SystEvent e) => e.E > 0.5f && e.E < 8f;
    [Cut(3, "Hits")] public static bool Hits(in SystEvent e) => e.Hits >= 3;
}
