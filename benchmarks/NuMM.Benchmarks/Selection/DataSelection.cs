using NuMM.Dsl;

namespace NuMM.Benchmarks.Selection;

/// <summary>Issue 13's memory-bound thread case: a selection over unweighted events (detector data: counts, no weights),
/// three cuts on five of the workload's columns (vertex, reconstructed energy, ν–e ID) and one histogram of the few
/// events that pass (about 1 %). Its kernel needs far less time per event than reading its 20 B per event from memory
/// takes, so on 1 and 2 threads it measures what the runner adds on top of a pure stream (zero-copy batches, batch
/// hand-out, partial results, merging), against the read ceiling of the same five columns in the same run.</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
public static partial class DataSelection
{
    /// <summary>Fiducial volume (as <see cref="VariationNominal.Fiducial"/>).</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>A tight ν–e identification.</summary>
    [Cut(3, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.95f;

    /// <summary>Sums the five columns the selection reads, one after the other, over <paramref name="batches"/> (the read
    /// ceiling of this case; see <see cref="VariationBenchmarks.ReadSum"/>).</summary>
    internal static float ReadColumns(ReadOnlySpan<VarEvent.Batch> batches)
    {
        float total = 0;
        foreach (var b in batches)
        {
            int n = b.Length;
            total += VariationBenchmarks.ReadSum(b.VtxX.AsSpan(0, n)) + VariationBenchmarks.ReadSum(b.VtxY.AsSpan(0, n))
                + VariationBenchmarks.ReadSum(b.VtxZ.AsSpan(0, n)) + VariationBenchmarks.ReadSum(b.Energy.AsSpan(0, n))
                + VariationBenchmarks.ReadSum(b.NuoneId.AsSpan(0, n));
        }
        return total;
    }
}

/// <summary>The same selection over simulated events with one weight column (<see cref="VarEvent.FluxW"/>): six columns,
/// 24 B per event, and the weighted cut flow (Σw, Σw² per row and lane). Measured next to <see cref="DataSelection"/> to
/// show what the weighted tally costs when the cuts are few.</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
public static partial class WeightedSelection
{
    /// <summary>Fiducial volume (as <see cref="VariationNominal.Fiducial"/>).</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>A tight ν–e identification.</summary>
    [Cut(3, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.95f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in VarEvent e) => e.FluxW;

    /// <summary>Sums the six columns the selection reads, one after the other, over <paramref name="batches"/>.</summary>
    internal static float ReadColumns(ReadOnlySpan<VarEvent.Batch> batches)
    {
        float total = DataSelection.ReadColumns(batches);
        foreach (var b in batches) total += VariationBenchmarks.ReadSum(b.FluxW.AsSpan(0, b.Length));
        return total;
    }
}
