using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

// Shifted selections whose weights read no shifted column (all selections share the nominal's weights, so the tally
// stores one weight set), with 2, 7 and 8 selections and no full-flow weight variation. 15 cuts, so row codes run up to 15. Each has the same twin
// without variations, run on shifted copies (VariationTallyTests). The TrueE and ThetaTrueE histograms read no shifted
// column, so their cells are computed once per event for every selection (the generator's SharedCellHistograms).

/// <summary>Seven selections: the energy scale at six σ points.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
[Histogram("TrueE", nameof(SystEvent.TrueE), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("ThetaTrueE", nameof(SystEvent.Theta), nameof(SystEvent.TrueE), XBins = 5, XMin = 0, XMax = 0.1, YBins = 4, YMin = 0, YMax = 8)]
public static partial class SevenPointShifts
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
    [Weight("true energy")] public static double TrueEnergy(in SystEvent e) => 1.0 + 0.01 * e.TrueE;

    [Shift("energy scale", nameof(SystEvent.E), -3, -2, -1, 1, 2, 3)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);
}

/// <summary>Eight selections: the energy scale at four σ points and the vertex at three (two groups of packed masks at 256 and 512 bits).</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
[Histogram("TrueE", nameof(SystEvent.TrueE), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("ThetaTrueE", nameof(SystEvent.Theta), nameof(SystEvent.TrueE), XBins = 5, XMin = 0, XMax = 0.1, YBins = 4, YMin = 0, YMax = 8)]
public static partial class EightSelectionShifts
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
    [Weight("true energy")] public static double TrueEnergy(in SystEvent e) => 1.0 + 0.01 * e.TrueE;

    [Shift("energy scale", nameof(SystEvent.E), -2, -1, 1, 2)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);

    [Shift("vertex", nameof(SystEvent.X), -1, 1, 2)]
    public static float VertexShift(in SystEvent e, double sigma) => e.X + 5f * (float)sigma;
}

/// <summary>Two selections: one σ point.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
[Histogram("TrueE", nameof(SystEvent.TrueE), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("ThetaTrueE", nameof(SystEvent.Theta), nameof(SystEvent.TrueE), XBins = 5, XMin = 0, XMax = 0.1, YBins = 4, YMin = 0, YMax = 8)]
public static partial class OnePointShift
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
    [Weight("true energy")] public static double TrueEnergy(in SystEvent e) => 1.0 + 0.01 * e.TrueE;

    [Shift("energy scale", nameof(SystEvent.E), 2)]
    public static float EnergyScale(in SystEvent e, double sigma) => e.E * (1f + 0.05f * (float)sigma);
}

/// <summary>The three above without variations.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
[Histogram("TrueE", nameof(SystEvent.TrueE), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("ThetaTrueE", nameof(SystEvent.Theta), nameof(SystEvent.TrueE), XBins = 5, XMin = 0, XMax = 0.1, YBins = 4, YMin = 0, YMax = 8)]
public static partial class SharedWeightReference
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
    [Weight("true energy")] public static double TrueEnergy(in SystEvent e) => 1.0 + 0.01 * e.TrueE;
}
