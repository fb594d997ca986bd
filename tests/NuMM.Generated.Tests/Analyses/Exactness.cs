using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>Static thresholds whose generated names once collided: <c>Thresholds.B_C</c> and <c>Thresholds_B.C</c>.</summary>
public static class Thresholds
{
    public static readonly float B_C = 1.5f;
}

/// <summary>See <see cref="Thresholds"/>.</summary>
public static class Thresholds_B
{
    public static readonly float C = -0.5f;
}

[EventSchema]
public partial struct ExactEvent
{
    public float A, B;
}

/// <summary>Constructs the generator once translated wrongly (issue 8): named arguments out of order, and two static
/// fields with colliding generated names.</summary>
[Analysis(typeof(ExactEvent))]
[Histogram("Angle", nameof(Angle), Bins = 16, Min = -4, Max = 4)]
public static partial class ExactSelection
{
    [Variable("angle", Unit = "rad")]
    public static double Angle(in ExactEvent e) => Math.Atan2(x: e.A, y: e.B);

    [Cut(1, "A")] public static bool ACut(in ExactEvent e) => e.A < Thresholds.B_C;
    [Cut(2, "B")] public static bool BCut(in ExactEvent e) => e.B > Thresholds_B.C;
    [Cut(3, "angle")] public static bool AngleCut(in ExactEvent e) => Angle(e) > 0.5;
}
