using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>Nine loose cuts and a weight, no variations: the inline weighted tally with (w, w²) pairs and the loop over
/// the lanes that failed exactly one cut (7 to 15 cuts; with fewer the quad layout serves). Each cut removes few events, so
/// many events fail exactly one cut and the N−1 rows get many lanes per block.</summary>
[Analysis(typeof(SystEvent))]
[Histogram("E", nameof(SystEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class NineCutWeighted
{
    [Cut(1, "X > -90")] public static bool C1(in SystEvent e) => e.X > -90f;
    [Cut(2, "E > 0.5")] public static bool C2(in SystEvent e) => e.E > 0.5f;
    [Cut(3, "X < 90")] public static bool C3(in SystEvent e) => e.X < 90f;
    [Cut(4, "E < 9.5")] public static bool C4(in SystEvent e) => e.E < 9.5f;
    [Cut(5, "Hits ≥ 1")] public static bool C5(in SystEvent e) => e.Hits >= 1;
    [Cut(6, "θ < 0.09")] public static bool C6(in SystEvent e) => e.Theta < 0.09f;
    [Cut(7, "W > 0.35")] public static bool C7(in SystEvent e) => e.W > 0.35f;
    [Cut(8, "true E > 0.6")] public static bool C8(in SystEvent e) => e.TrueE > 0.6;
    [Cut(9, "θ > 0.005")] public static bool C9(in SystEvent e) => e.Theta > 0.005f;

    [Weight("event")] public static float Weight(in SystEvent e) => e.W * (1f + 0.01f * e.Hits);
}
