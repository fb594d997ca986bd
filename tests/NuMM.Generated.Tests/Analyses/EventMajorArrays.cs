using NuMM.Dsl;
using NuMM.Runtime.Data;

namespace NuMM.Generated.Tests.Analyses;

/// <summary><see cref="ArrayEvent"/> with its array columns stored event-major (the values of one event contiguous),
/// plus a bool array and a Finite array column.</summary>
[EventSchema]
public partial struct ArrayEventEm
{
    [Column(Unit = "GeV")] public float E;
    public float W;
    [Column(Length = 12, Layout = ArrayLayout.EventMajor)] public FixedArray<float> Flux;
    [Column(Length = 3, Layout = ArrayLayout.EventMajor)] public FixedArray<double> Response;
    [Column(Length = 5, Layout = ArrayLayout.EventMajor)] public FixedArray<bool> Flags;
    [Column(Length = 4, Layout = ArrayLayout.EventMajor, Finite = true)] public FixedArray<float> Checked;
}

/// <summary>The element-major twin of <see cref="ArrayEventEm"/>: the reference layout.</summary>
[EventSchema]
public partial struct ArrayEventElem
{
    [Column(Unit = "GeV")] public float E;
    public float W;
    [Column(Length = 12)] public FixedArray<float> Flux;
    [Column(Length = 3)] public FixedArray<double> Response;
    [Column(Length = 5)] public FixedArray<bool> Flags;
    [Column(Length = 4, Finite = true)] public FixedArray<float> Checked;
}

/// <summary>Cuts on constant elements (float, double, bool), universes and knobs over array columns with the full cut flow,
/// on event-major columns (a strided gather per block).</summary>
[Analysis(typeof(ArrayEventEm))]
[Histogram("E", nameof(ArrayEventEm.E), Bins = 8, Min = 0, Max = 8)]
public static partial class EventMajorSelection
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEventEm e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEventEm e) => e.Response[0] < 0.9 && e.Flux[11] > 0.81f;
    [Cut(3, "Flag")] public static bool Flag(in ArrayEventEm e) => e.Flags[3] || e.Checked[2] > 0.1f;
    [Weight("event")] public static float Weight(in ArrayEventEm e) => e.W;
    [Universes("flux", 12)] public static float Flux(in ArrayEventEm e, int universe) => e.Flux[universe];
    [Knob("xsec", -1, 1)] public static double Xsec(in ArrayEventEm e, double sigma) => 1.0 + sigma * e.Response[2];
}

/// <summary><see cref="EventMajorSelection"/> on the element-major twin.</summary>
[Analysis(typeof(ArrayEventElem))]
[Histogram("E", nameof(ArrayEventElem.E), Bins = 8, Min = 0, Max = 8)]
public static partial class ElementMajorSelection
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEventElem e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEventElem e) => e.Response[0] < 0.9 && e.Flux[11] > 0.81f;
    [Cut(3, "Flag")] public static bool Flag(in ArrayEventElem e) => e.Flags[3] || e.Checked[2] > 0.1f;
    [Weight("event")] public static float Weight(in ArrayEventElem e) => e.W;
    [Universes("flux", 12)] public static float Flux(in ArrayEventElem e, int universe) => e.Flux[universe];
    [Knob("xsec", -1, 1)] public static double Xsec(in ArrayEventElem e, double sigma) => 1.0 + sigma * e.Response[2];
}

/// <summary>Final-only universes and knob on event-major columns, with a shift and a full knob between them.</summary>
[Analysis(typeof(ArrayEventEm))]
[Histogram("E", nameof(ArrayEventEm.E), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("EW", nameof(ArrayEventEm.E), nameof(ArrayEventEm.W), XBins = 4, XMin = 0, XMax = 8, YBins = 3, YMin = 0, YMax = 2)]
public static partial class EventMajorFinalOnly
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEventEm e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEventEm e) => e.Response[0] < 0.9;
    [Weight("event")] public static float Weight(in ArrayEventEm e) => e.W;
    [Shift("scale", nameof(ArrayEventEm.E), -1, 1)] public static float Scale(in ArrayEventEm e, double sigma) => e.E * (1f + 0.1f * (float)sigma);
    [Universes("flux", 12, CutFlow = VariationCutFlow.FinalOnly)] public static float Flux(in ArrayEventEm e, int universe) => e.Flux[universe];
    [Knob("full knob", -2, 1)] public static double FullKnob(in ArrayEventEm e, double sigma) => 1.0 + 0.1 * sigma * e.Response[1];
    [Knob("xsec", -1, 1, 2, CutFlow = VariationCutFlow.FinalOnly)] public static double Xsec(in ArrayEventEm e, double sigma) => 1.0 + sigma * e.Response[2];
}

/// <summary><see cref="EventMajorFinalOnly"/> on the element-major twin.</summary>
[Analysis(typeof(ArrayEventElem))]
[Histogram("E", nameof(ArrayEventElem.E), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("EW", nameof(ArrayEventElem.E), nameof(ArrayEventElem.W), XBins = 4, XMin = 0, XMax = 8, YBins = 3, YMin = 0, YMax = 2)]
public static partial class ElementMajorFinalOnly
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEventElem e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEventElem e) => e.Response[0] < 0.9;
    [Weight("event")] public static float Weight(in ArrayEventElem e) => e.W;
    [Shift("scale", nameof(ArrayEventElem.E), -1, 1)] public static float Scale(in ArrayEventElem e, double sigma) => e.E * (1f + 0.1f * (float)sigma);
    [Universes("flux", 12, CutFlow = VariationCutFlow.FinalOnly)] public static float Flux(in ArrayEventElem e, int universe) => e.Flux[universe];
    [Knob("full knob", -2, 1)] public static double FullKnob(in ArrayEventElem e, double sigma) => 1.0 + 0.1 * sigma * e.Response[1];
    [Knob("xsec", -1, 1, 2, CutFlow = VariationCutFlow.FinalOnly)] public static double Xsec(in ArrayEventElem e, double sigma) => 1.0 + sigma * e.Response[2];
}
