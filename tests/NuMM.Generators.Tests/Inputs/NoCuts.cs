using NuMM.Dsl;

namespace Inputs.NoCuts;

// An analysis without cuts still counts events and fills its histogram with every event.
[EventSchema]
public partial struct Track
{
    [Column(Unit = "GeV")] public float Momentum;
}

[Analysis(typeof(Track))]
[Histogram("P", nameof(Track.Momentum), Bins = 4, Min = 0, Max = 2)]
public partial class Tracks
{
    [Weight("unit")]
    public static double One(Track t, float scale, int copies = 2) => scale * copies;
}
