using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>Two cheap cuts, then two costly ones (polynomials of degree 13 in the energy and the angle): the block loop
/// tests whether every event has failed two cuts before cut 3, where the cuts left cost more than the test (it skips
/// them), and not before cut 4. Unweighted twin below, so both the weighted and the unweighted exits are checked.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
[Histogram2D("EvsX", nameof(SystEvent.E), nameof(SystEvent.X), XBins = 5, XMin = 0, XMax = 10, YBins = 4, YMin = -100, YMax = 100)]
public static partial class CostlyCutsWeighted
{
    [Cut(1, "X > -60")] public static bool C1(in SystEvent e) => e.X > -60f;
    [Cut(2, "E > 2")] public static bool C2(in SystEvent e) => e.E > 2f;
    [Cut(3, "P(E) > 5000")] public static bool C3(in SystEvent e) =>
        ((((((((((((0.0001f * e.E - 0.0002f) * e.E + 0.0003f) * e.E - 0.0005f) * e.E + 0.001f) * e.E - 0.01f) * e.E + 0.02f) * e.E - 0.03f) * e.E + 0.05f) * e.E - 0.08f) * e.E + 0.13f) * e.E - 0.21f) * e.E + 0.34f) * e.E > 5000f;
    [Cut(4, "Q(θ) < 1")] public static bool C4(in SystEvent e) =>
        (((((((((((1f * e.Theta + 1f) * e.Theta + 2f) * e.Theta + 2f) * e.Theta + 3f) * e.Theta + 5f) * e.Theta + 7f) * e.Theta + 11f) * e.Theta + 13f) * e.Theta + 17f) * e.Theta + 19f) * e.Theta + 23f) * e.Theta < 1f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W * (1f + 0.01f * e.Hits);
}

/// <summary><see cref="CostlyCutsWeighted"/> without its weight.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class CostlyCutsUnweighted
{
    [Cut(1, "X > -60")] public static bool C1(in SystEvent e) => e.X > -60f;
    [Cut(2, "E > 2")] public static bool C2(in SystEvent e) => e.E > 2f;
    [Cut(3, "P(E) > 5000")] public static bool C3(in SystEvent e) =>
        ((((((((((((0.0001f * e.E - 0.0002f) * e.E + 0.0003f) * e.E - 0.0005f) * e.E + 0.001f) * e.E - 0.01f) * e.E + 0.02f) * e.E - 0.03f) * e.E + 0.05f) * e.E - 0.08f) * e.E + 0.13f) * e.E - 0.21f) * e.E + 0.34f) * e.E > 5000f;
    [Cut(4, "Q(θ) < 1")] public static bool C4(in SystEvent e) =>
        (((((((((((1f * e.Theta + 1f) * e.Theta + 2f) * e.Theta + 2f) * e.Theta + 3f) * e.Theta + 5f) * e.Theta + 7f) * e.Theta + 11f) * e.Theta + 13f) * e.Theta + 17f) * e.Theta + 19f) * e.Theta + 23f) * e.Theta < 1f;
}
