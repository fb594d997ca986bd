using NuMM.Dsl;

namespace Inputs.NuOnE;

/// <summary>A ν–e candidate in the NOvA near detector (shape after the technote's selection variables).</summary>
[EventSchema]
public partial struct NuOnEEvent
{
    [Column(Unit = "cm")] public float VtxX, VtxY, VtxZ;
    [Column(Unit = "GeV")] public float ShowerEnergy;
    [Column(Unit = "rad")] public float ShowerAngle;
    public float NuoneId, Epi0Id;
    [Column(Source = "fluxweight")] public float FluxWeight;
}

/// <summary>The ν–e selection: fiducial volume, particle-ID scores and the Eθ² cut.</summary>
[Analysis(typeof(NuOnEEvent), Name = "NuOnE")]
[Histogram("ETheta2Spectrum", nameof(ETheta2), Bins = 20, Min = 0, Max = 0.005)]
[Histogram("ShowerEnergy", nameof(NuOnEEvent.ShowerEnergy), Edges = new[] { 0.5, 1.0, 1.5, 2.0, 3.0, 5.0 })]
[Histogram2D("EnergyVsAngle", nameof(NuOnEEvent.ShowerEnergy), nameof(NuOnEEvent.ShowerAngle), XBins = 10, XMin = 0, XMax = 5, YBins = 8, YMin = 0, YMax = 0.2)]
public static partial class NuOnESelection
{
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in NuOnEEvent e) =>
        e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;

    [Cut(2, "Energy")]
    public static bool Energy(in NuOnEEvent e) => e.ShowerEnergy is >= 0.5f and < 5f;

    [Cut(3, "ν–e ID")]
    public static bool NuOnEId(in NuOnEEvent e) => e.NuoneId > 0.73f;

    [Cut(4, "π0 veto")]
    public static bool Pi0Veto(in NuOnEEvent e) => e.Epi0Id < 0.92f;

    [Variable("E θ²", Unit = "GeV rad²")]
    public static float ETheta2(in NuOnEEvent e) => e.ShowerEnergy * e.ShowerAngle * e.ShowerAngle;

    [Cut(5, "Eθ²")]
    public static bool SmallETheta2(in NuOnEEvent e) => ETheta2(e) < 0.005f;

    [Weight("flux")]
    public static float Flux(in NuOnEEvent e) => e.FluxWeight;
}
