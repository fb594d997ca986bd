using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary><see cref="ArraySelection"/>'s cuts with a 1-D and a 2-D histogram, universes and a knob filled at the final level
/// only, a knob with the full cut flow between them and an energy-scale shift before them (so result indices and sums
/// slots of the kinds interleave).</summary>
[Analysis(typeof(ArrayEvent))]
[Histogram("E", nameof(ArrayEvent.E), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("EW", nameof(ArrayEvent.E), nameof(ArrayEvent.W), XBins = 4, XMin = 0, XMax = 8, YBins = 3, YMin = 0, YMax = 2)]
public static partial class FinalOnlySelection
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEvent e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEvent e) => e.Response[0] < 0.9;

    [Weight("event")] public static float Weight(in ArrayEvent e) => e.W;

    [Shift("scale", nameof(ArrayEvent.E), -1, 1)]
    public static float Scale(in ArrayEvent e, double sigma) => e.E * (1f + 0.1f * (float)sigma);

    [Universes("flux", 12, CutFlow = VariationCutFlow.FinalOnly)]
    public static float Flux(in ArrayEvent e, int universe) => e.Flux[universe];

    [Knob("full knob", -2, 1)]
    public static double FullKnob(in ArrayEvent e, double sigma) => 1.0 + 0.1 * sigma * e.Response[1];

    [Knob("xsec", -1, 1, 2, CutFlow = VariationCutFlow.FinalOnly)]
    public static double Xsec(in ArrayEvent e, double sigma) => 1.0 + sigma * e.Response[2];
}

/// <summary>The same declarations with every cut flow full: the reference of <see cref="FinalOnlySelection"/>.</summary>
[Analysis(typeof(ArrayEvent))]
[Histogram("E", nameof(ArrayEvent.E), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("EW", nameof(ArrayEvent.E), nameof(ArrayEvent.W), XBins = 4, XMin = 0, XMax = 8, YBins = 3, YMin = 0, YMax = 2)]
public static partial class FullFlowSelection
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEvent e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEvent e) => e.Response[0] < 0.9;

    [Weight("event")] public static float Weight(in ArrayEvent e) => e.W;

    [Shift("scale", nameof(ArrayEvent.E), -1, 1)]
    public static float Scale(in ArrayEvent e, double sigma) => e.E * (1f + 0.1f * (float)sigma);

    [Universes("flux", 12)]
    public static float Flux(in ArrayEvent e, int universe) => e.Flux[universe];

    [Knob("full knob", -2, 1)]
    public static double FullKnob(in ArrayEvent e, double sigma) => 1.0 + 0.1 * sigma * e.Response[1];

    [Knob("xsec", -1, 1, 2)]
    public static double Xsec(in ArrayEvent e, double sigma) => 1.0 + sigma * e.Response[2];
}

/// <summary><see cref="FinalOnlySelection"/>'s cuts, weight and final-only universes without any histogram: the vector
/// path queues passing events in its own loop (with histograms it queues them from the nominal fills).</summary>
[Analysis(typeof(ArrayEvent))]
public static partial class FinalOnlyNoHistograms
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEvent e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEvent e) => e.Response[0] < 0.9;

    [Weight("event")] public static float Weight(in ArrayEvent e) => e.W;

    [Universes("flux", 12, CutFlow = VariationCutFlow.FinalOnly)]
    public static float Flux(in ArrayEvent e, int universe) => e.Flux[universe];
}

/// <summary>Only final-only variations (no shift, no full-flow knob), with a 1-D and a 2-D histogram: the vector path keeps
/// its queue in <c>Process</c>, queues the nominal histograms' values and bins them in the drain, and pads 12 universes
/// and 3 knob points to 16 and 8 values per run of its buffer.</summary>
[Analysis(typeof(ArrayEvent))]
[Histogram("E", nameof(ArrayEvent.E), Bins = 8, Min = 0, Max = 8)]
[Histogram2D("EW", nameof(ArrayEvent.E), nameof(ArrayEvent.W), XBins = 4, XMin = 0, XMax = 8, YBins = 3, YMin = 0, YMax = 2)]
public static partial class FinalOnlyPure
{
    [Cut(1, "Energy")] public static bool Energy(in ArrayEvent e) => e.E > 1f;
    [Cut(2, "Response")] public static bool SmallResponse(in ArrayEvent e) => e.Response[0] < 0.9;

    [Weight("event")] public static float Weight(in ArrayEvent e) => e.W;

    [Universes("flux", 12, CutFlow = VariationCutFlow.FinalOnly)]
    public static float Flux(in ArrayEvent e, int universe) => e.Flux[universe];

    [Knob("xsec", -1, 1, 2, CutFlow = VariationCutFlow.FinalOnly)]
    public static double Xsec(in ArrayEvent e, double sigma) => 1.0 + sigma * e.Response[2];
}
