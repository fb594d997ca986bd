using NuMM.Dsl;

// No namespace, no weights, no histograms; one cut with a block body and a local.
[EventSchema]
public partial struct Hit
{
    [Column(Unit = "MeV", Finite = true)] public double Energy;
    public int Channel;
}

[Analysis(typeof(Hit))]
public static partial class HitSelection
{
    [Cut(10, "energy window")]
    public static bool Window(in Hit h)
    {
        var e = h.Energy;
        return e > 0.5 && e <= 12.0 && h.Channel != 3;
    }
}
