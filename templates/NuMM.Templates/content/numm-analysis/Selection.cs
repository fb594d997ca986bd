using NuMM.Dsl;

namespace NuMMAnalysis;

/// <summary>The selection: cuts in order, derived variables, the event weight, one systematic and the histograms.
/// The generator checks all of it at compile time and emits <c>MetSelection.Kernel</c>, a vectorised loop that fills
/// the cut flow and every histogram for the nominal selection and each σ point of the systematic in one pass.</summary>
[Analysis(typeof(CollisionEvent), Name = "MET")]
[Histogram("Met", nameof(Met), Bins = 20, Min = 0, Max = 200)]
[Histogram2D("MetVsTrueNu", nameof(Met), nameof(TrueNuPt), XBins = 20, XMin = 0, XMax = 200, YBins = 20, YMin = 0, YMax = 200)]
public static partial class MetSelection
{
    /// <summary>The relative uncertainty of the missing-momentum scale used by the systematic below (an assumption
    /// of this template, not a measured number).</summary>
    public const float MetScaleUncertainty = 0.05f;

    // Every event of the bundled sample fired the trigger; a real data set would not.
    [Cut(1, "Trigger")]
    public static bool Triggered(in CollisionEvent e) => e.Trigger;

    [Cut(2, "Two muons")]
    public static bool TwoMuons(in CollisionEvent e) => e.Muons >= 2;

    [Cut(3, "MET > 20 GeV")]
    public static bool MissingMomentum(in CollisionEvent e) => Met(e) > 20f;

    [Variable("missing p_T", Unit = "GeV")]
    public static float Met(in CollisionEvent e) => MathF.Sqrt(e.MetX * e.MetX + e.MetY * e.MetY);

    [Variable("true ν p_T", Unit = "GeV")]
    public static float TrueNuPt(in CollisionEvent e) => MathF.Sqrt(e.TrueNuX * e.TrueNuX + e.TrueNuY * e.TrueNuY);

    [Weight("simulation")]
    public static float Simulation(in CollisionEvent e) => e.Weight;

    // The missing-momentum scale at ±1σ, ±2σ: two shifts with one name move both components together. Events
    // migrate across the MET cut and between histogram bins; every σ point gets its own cut flow and histograms.
    [Shift("MET scale", nameof(CollisionEvent.MetX), -2, -1, 1, 2)]
    public static float ScaleX(in CollisionEvent e, double sigma) => e.MetX * (1f + MetScaleUncertainty * (float)sigma);

    [Shift("MET scale", nameof(CollisionEvent.MetY), -2, -1, 1, 2)]
    public static float ScaleY(in CollisionEvent e, double sigma) => e.MetY * (1f + MetScaleUncertainty * (float)sigma);
}
