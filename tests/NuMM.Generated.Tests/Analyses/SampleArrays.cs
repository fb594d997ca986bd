using NuMM.Dsl;
using NuMM.Runtime.Data;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>Fixed-size array branches of uproot's "sample" tree (ROOT 6.20/04; see TestData/root/PROVENANCE.md in
/// NuMM.Data.Tests) as array columns of a generated schema.</summary>
[EventSchema]
public partial struct SampleArrayEvent
{
    [Column(Source = "n")] public int N;
    [Column(Length = 3, Source = "af4", Finite = true)] public FixedArray<float> Af4;
    [Column(Length = 3, Source = "ai4")] public FixedArray<int> Ai4;
    [Column(Length = 3, Source = "ab")] public FixedArray<bool> Ab;
}

/// <summary>A cut on the scalar column only: the array columns ride along unread by the kernel.</summary>
[Analysis(typeof(SampleArrayEvent))]
public static partial class SampleArraySelection
{
    [Cut(1, "n ≥ 2")]
    public static bool AtLeastTwo(in SampleArrayEvent e) => e.N >= 2;
}
