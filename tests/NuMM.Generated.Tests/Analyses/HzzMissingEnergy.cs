using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>Scalar branches of uproot's HZZ test file (tree "events"), read straight into a generated batch.</summary>
[EventSchema]
public partial struct HzzEvent
{
    [Column(Unit = "GeV", Source = "MET_px")] public float MetPx;
    [Column(Unit = "GeV", Source = "MET_py")] public float MetPy;
    public int NMuon, NJet;
}

/// <summary>A small selection on the HZZ events: at least one muon, missing transverse energy above 10 GeV.</summary>
[Analysis(typeof(HzzEvent), Name = "HZZ MET")]
[Histogram("Met", nameof(Met), Bins = 20, Min = 0, Max = 100)]
public static partial class HzzMissingEnergy
{
    [Variable("MET", Unit = "GeV")]
    public static float Met(in HzzEvent e) => MathF.Sqrt(e.MetPx * e.MetPx + e.MetPy * e.MetPy);

    [Cut(1, "≥ 1 muon")]
    public static bool OneMuon(in HzzEvent e) => e.NMuon >= 1;

    [Cut(2, "MET > 10 GeV")]
    public static bool MissingEnergy(in HzzEvent e) => Met(e) > 10f;
}
