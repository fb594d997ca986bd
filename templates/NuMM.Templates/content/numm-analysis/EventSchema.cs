using NuMM.Dsl;

namespace NuMMAnalysis;

/// <summary>One event of the bundled sample (Data/events.root, tree "events"): every field is a column, filled from
/// the ROOT branch of the same name or the one named by <c>Source</c>. The generator adds <c>CollisionEvent.Batch</c>,
/// the columnar batch the readers fill.</summary>
[EventSchema]
public partial struct CollisionEvent
{
    /// <summary>Missing transverse momentum, x and y components (GeV): what the neutrinos carried away.</summary>
    [Column(Unit = "GeV", Source = "MET_px", Finite = true)] public float MetX;
    [Column(Unit = "GeV", Source = "MET_py", Finite = true)] public float MetY;

    /// <summary>The generator-level neutrino's transverse momentum components (GeV).</summary>
    [Column(Unit = "GeV", Source = "MCneutrino_px")] public float TrueNuX;
    [Column(Unit = "GeV", Source = "MCneutrino_py")] public float TrueNuY;

    /// <summary>Reconstructed muons in the event.</summary>
    [Column(Source = "NMuon")] public int Muons;

    /// <summary>Whether the isolated-muon trigger (pT > 24 GeV) fired.</summary>
    [Column(Source = "triggerIsoMu24")] public bool Trigger;

    /// <summary>The simulation's event weight.</summary>
    [Column(Source = "EventWeight", Finite = true)] public float Weight;
}
