using NuMM.Dsl;
using NuMM.Runtime.Data;

namespace Inputs.ArrayColumns;

// A schema with fixed-length array columns next to scalar ones; the analysis reads only the scalars, so the
// kernel must leave the array columns alone.
[EventSchema]
public partial struct UniverseEvent
{
    [Column(Unit = "GeV", Finite = true)] public float E;
    [Column(Length = 100, Source = "FluxUniverse", Finite = true)] public FixedArray<float> Flux;
    [Column(Length = 3, Unit = "cm")] public FixedArray<double> Vertex;
    [Column(Length = 1)] public FixedArray<int> Single;
    public int N;
}

[Analysis(typeof(UniverseEvent))]
[Histogram("E", nameof(UniverseEvent.E), Bins = 10, Min = 0, Max = 10)]
public static partial class UniverseSelection
{
    [Cut(1, "energy")]
    public static bool Energy(in UniverseEvent e) => e.E > 1f && e.N >= 0;

    [Weight("scale")]
    public static double Scale(in UniverseEvent e) => 0.5 + e.E;
}
