using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Reweighting;

namespace NuMM.Examples.NuOnE.Analysis;

/// <summary>A single-electron candidate slice in the NOvA near detector: the reconstructed quantities the
/// technote's event selection (section 3.3) cuts on, the truth needed for reweighting, and the central-value
/// weights of the simulation.</summary>
[EventSchema]
public partial struct NdSingleElectronEvent
{
    // Truth (simulation only).
    [Column(Unit = "GeV")] public float TrueNuEnergy;
    [Column(Unit = "GeV")] public float TrueElectronEnergy;   // kinetic energy T of the scattered electron
    public int Species;                                       // NeutrinoSpecies of a ν-on-e event
    public int Category;                                      // SampleCategory

    // Slice-level reconstruction.
    public int ShowerCount;
    [Column(Unit = "ns")] public float ClosestSliceDt;
    [Column(Unit = "cm")] public float LongestProngLength;
    public int LongestProngPlanes;
    public int SliceCells;

    // Vertex and hit extent.
    [Column(Unit = "cm")] public float VtxX, VtxY, VtxZ;
    [Column(Unit = "cm")] public float MinX, MaxX, MinY, MaxY, MinZ, MaxZ;

    // Primary shower.
    public float ShowerEnergyFraction;
    [Column(Unit = "GeV")] public float EnergyOutsideShower;
    [Column(Unit = "cm")] public float VertexShowerGap;
    [Column(Unit = "GeV")] public float ShowerEnergy;
    [Column(Unit = "rad")] public float ShowerAngle;

    // Classifiers.
    public float NuoneId, Epi0Id;

    // Central-value weights: flux (PPFX), cross-section tune, and the normalisation of the simulated sample to the
    // nominal exposure (events per simulated event).
    public float PpfxWeight, XsecWeight, NormWeight;

    // Systematic inputs, simulated by the stand-in (Simulation/SystematicInputs.cs; not NOvA's): the weights of 100
    // PPFX-like flux universes, and the fractional weight change per +1σ of three GENIE-like cross-section knobs
    // (0 for ν-on-e events, whose cross section the technote takes as known, section 3.5).
    [Column(Length = 100)] public FixedArray<float> FluxUniverse;
    public float MaCcqeResponse, MaResResponse, DisResponse;
}

/// <summary>The NOvA near-detector ν-on-e / magnetic-moment selection, cut for cut as in the technote (section 3.3,
/// Table 7). The magnetic-moment signal is the ν-on-e sample reweighted by technote eq. 41; run the kernel with
/// <c>MagneticMomentBohr = 0</c> for the Standard-Model samples.</summary>
[Analysis(typeof(NdSingleElectronEvent), Name = "NuMM ND selection")]
[Histogram("ShowerEnergy", nameof(NdSingleElectronEvent.ShowerEnergy), Edges = new[] { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0 })]
[Histogram("ETheta2", nameof(ETheta2), Bins = 10, Min = 0, Max = 0.005)]
[Histogram2D("EnergyVsETheta2", nameof(NdSingleElectronEvent.ShowerEnergy), nameof(ETheta2), XBins = 9, XMin = 0.5, XMax = 5, YBins = 5, YMin = 0, YMax = 0.005)]
public static partial class NdSingleElectronSelection
{
    /// <summary>The DeCAF skim: a reconstructed shower above 0.2 GeV.</summary>
    [Cut(1, "DeCAF cuts")]
    public static bool Decaf(in NdSingleElectronEvent e) => e.ShowerCount >= 1 && e.ShowerEnergy > 0.2f;

    /// <summary>More than 25 ns to the closest slice in time.</summary>
    [Cut(2, "Closest Slice Time")]
    public static bool ClosestSliceTime(in NdSingleElectronEvent e) => e.ClosestSliceDt > 25f;

    /// <summary>Removes obvious ν CC: longest prong under 800 cm and 120 planes, fewer than 600 cells in the slice.</summary>
    [Cut(3, "Preselection")]
    public static bool Preselection(in NdSingleElectronEvent e) =>
        e.LongestProngLength < 800f && e.LongestProngPlanes < 120 && e.SliceCells < 600;

    /// <summary>Reconstructed vertex inside −185 &lt; x &lt; 175, −175 &lt; y &lt; 175, 95 &lt; z &lt; 1095 cm.</summary>
    [Cut(4, "Fiducial")]
    public static bool Fiducial(in NdSingleElectronEvent e) =>
        e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;

    /// <summary>All prong hits inside −190 &lt; x &lt; 180, −180 &lt; y &lt; 190, 105 &lt; z &lt; 1275 cm.</summary>
    [Cut(5, "Containment")]
    public static bool Containment(in NdSingleElectronEvent e) =>
        e.MinX > -190f && e.MaxX < 180f && e.MinY > -180f && e.MaxY < 190f && e.MinZ > 105f && e.MaxZ < 1275f;

    /// <summary>One particle: the primary shower holds over 80 % of the energy, less than 0.02 GeV elsewhere near the
    /// vertex, and the shower starts within 20 cm of the vertex.</summary>
    [Cut(6, "Single Particle Req.")]
    public static bool SingleParticle(in NdSingleElectronEvent e) =>
        e.ShowerEnergyFraction > 0.8f && e.EnergyOutsideShower < 0.02f && e.VertexShowerGap < 20f;

    /// <summary>Calorimetric shower energy 0.5–5 GeV.</summary>
    [Cut(7, "Energy Cut")]
    public static bool EnergyCut(in NdSingleElectronEvent e) => e.ShowerEnergy is > 0.5f and < 5f;

    /// <summary>The ν-on-e CNN score.</summary>
    [Cut(8, "NuoneID")]
    public static bool NuoneId(in NdSingleElectronEvent e) => e.NuoneId > 0.73f;

    /// <summary>The π⁰-rejection CNN score.</summary>
    [Cut(9, "Epi0ID")]
    public static bool Epi0Id(in NdSingleElectronEvent e) => e.Epi0Id > 0.92f;

    /// <summary>E θ² of the primary shower: ν-on-e kinematics give E θ² &lt; 2 m_e.</summary>
    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in NdSingleElectronEvent e) => e.ShowerEnergy * e.ShowerAngle * e.ShowerAngle;

    /// <summary>E θ² below 0.005 GeV rad².</summary>
    [Cut(10, "etheta2")]
    public static bool SmallETheta2(in NdSingleElectronEvent e) => ETheta2(e) < 0.005f;

    /// <summary>Flux, cross-section tune and sample normalisation.</summary>
    [Weight("central value")]
    public static float CentralValue(in NdSingleElectronEvent e) => e.PpfxWeight * e.XsecWeight * e.NormWeight;

    /// <summary>The magnetic-moment signal weight (technote eq. 41) at run-time moment μ (in Bohr magnetons);
    /// 1 when μ = 0, so the same kernel selects the Standard-Model samples.</summary>
    [Weight("magnetic moment")]
    public static double MagneticMoment(in NdSingleElectronEvent e, double magneticMomentBohr = 0.0) =>
        SignalWeight(e.Species, e.TrueNuEnergy, e.TrueElectronEnergy, magneticMomentBohr);

    // Systematic variations (technote section 3.5), filled by the kernel in the same pass as the nominal selection.

    /// <summary>Calorimetric energy scale (detector systematic, calibration): the shower energy moves by 5 % per σ, as
    /// the technote's calibration-shifted samples; the Decaf, Energy and E θ² cuts and both spectra follow.</summary>
    [Shift("energy scale", nameof(NdSingleElectronEvent.ShowerEnergy), -2, -1, 1, 2)]
    public static float EnergyScale(in NdSingleElectronEvent e, double sigma) => e.ShowerEnergy * (1f + 0.05f * (float)sigma);

    /// <summary>Flux: 100 PPFX-like universes (the technote's PPFX universes, or their PCA in the fit). The fit and the
    /// systematics table use each universe's spectra and yield at the final selection, so the universe factors are read
    /// only for selected events (the earlier cut-flow levels of a universe hold NaN).</summary>
    [Universes("flux", 100, CutFlow = VariationCutFlow.FinalOnly)]
    public static float Flux(in NdSingleElectronEvent e, int universe) => e.FluxUniverse[universe];

    /// <summary>CCQE axial mass (GENIE MaCCQE), non-ν-on-e backgrounds only.</summary>
    [Knob("MaCCQE", -3, -2, -1, 1, 2, 3)]
    public static float MaCcqe(in NdSingleElectronEvent e, double sigma) => 1f + (float)sigma * e.MaCcqeResponse;

    /// <summary>Resonance axial mass (GENIE MaCCRES/MaNCRES), non-ν-on-e backgrounds only.</summary>
    [Knob("MaRES", -3, -2, -1, 1, 2, 3)]
    public static float MaRes(in NdSingleElectronEvent e, double sigma) => 1f + (float)sigma * e.MaResResponse;

    /// <summary>Deep-inelastic normalisation, non-ν-on-e backgrounds only.</summary>
    [Knob("DIS normalisation", -3, -2, -1, 1, 2, 3)]
    public static float DisNormalisation(in NdSingleElectronEvent e, double sigma) => 1f + (float)sigma * e.DisResponse;

    /// <summary>(dσ/dy)_μ / (dσ/dy)_SM for a ν-on-e event (energies in GeV, μ in μ_B); 1 when μ = 0.</summary>
    [Pure]
    public static double SignalWeight(int species, float neutrinoEnergyGeV, float electronEnergyGeV, double magneticMomentBohr) =>
        Math.Abs(magneticMomentBohr) > 0.0 ? MagneticMomentWeight.Compute((NeutrinoSpecies)species, neutrinoEnergyGeV, electronEnergyGeV, magneticMomentBohr) : 1.0;
}
