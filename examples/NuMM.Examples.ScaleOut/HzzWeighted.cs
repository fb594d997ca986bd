using NuMM.Dsl;

namespace NuMM.Examples.ScaleOut;

/// <summary>Scalar branches of uproot's HZZ test file (tree "events").</summary>
[EventSchema]
public partial struct HzzEvent
{
    [Column(Unit = "GeV", Source = "MET_px")] public float MetPx;
    [Column(Unit = "GeV", Source = "MET_py")] public float MetPy;
    public int NMuon, NJet;
    [Column(Source = "EventWeight")] public float EventWeight;
}

/// <summary>A weighted selection with variations, so that sums are inexact in floating point and a naive merge of
/// shards would differ in the last bits: weights are the file's event weight times a smooth function of MET, with a
/// knob and 8 universes.</summary>
[Analysis(typeof(HzzEvent), Name = "HZZ weighted MET")]
[Histogram("Met", nameof(Met), Edges = new[] { 0.0, 5.0, 12.5, 20.0, 31.0, 47.0, 70.0, 100.0 })]
[Histogram2D("MetVsJets", nameof(Met), nameof(HzzEvent.NJet), XBins = 10, XMin = 0, XMax = 100, YBins = 5, YMin = 0, YMax = 5)]
public static partial class HzzWeighted
{
    [Variable("MET", Unit = "GeV")]
    public static float Met(in HzzEvent e) => MathF.Sqrt(e.MetPx * e.MetPx + e.MetPy * e.MetPy);

    [Cut(1, "≥ 1 muon")]
    public static bool OneMuon(in HzzEvent e) => e.NMuon >= 1;

    [Cut(2, "MET > 3 GeV")]
    public static bool MissingEnergy(in HzzEvent e) => Met(e) > 3f;

    [Weight("event")]
    public static double Weight(in HzzEvent e) => e.EventWeight * (1.0 + Met(e) / 137.035999);

    [Knob("met response", -1, 1)]
    public static double MetKnob(in HzzEvent e, double sigma) => 1.0 + sigma * 0.01 * Met(e) / 3.0;

    [Universes("toy flux", 8)]
    public static double Universe(in HzzEvent e, int universe) => 1.0 + 0.013 * (universe - 3.5) * e.NJet / 7.0;
}
