namespace NuMM.Benchmarks.Selection;

/// <summary>The deterministic events of <see cref="VariationBenchmarks"/>: 10⁷ events in batches of 65,536, every value
/// from a seeded SplitMix64 stream, so every benchmark process and the Python peers' data see the same numbers.</summary>
public static class VariationWorkload
{
    /// <summary>Events in the workload.</summary>
    public const int Events = 10_000_000;

    /// <summary>Events per batch.</summary>
    public const int BatchSize = 65_536;

    /// <summary>Flux universes per event.</summary>
    public const int UniverseCount = 100;

    /// <summary>The energy-scale σ points of the shift case (5 % per σ).</summary>
    public static readonly double[] ShiftSigmas = { -3, -2, -1, 1, 2, 3 };

    /// <summary>All events, batch by batch (the last batch is partly filled). About 8.7 GB: 4 GB of universe weights in each layout.</summary>
    public static VarEvent.Batch[] Create()
    {
        // Per-universe correlated shifts: a normalisation and an energy tilt (the flux PCA's first two components, in effect).
        var coarse = new Random(20261204);
        var norm = new float[UniverseCount];
        var tilt = new float[UniverseCount];
        for (int k = 0; k < UniverseCount; k++) { norm[k] = 0.08f * Gauss(coarse); tilt[k] = 0.04f * Gauss(coarse); }

        var rng = new SplitMix64(42);
        int nBatches = (Events + BatchSize - 1) / BatchSize;
        var batches = new VarEvent.Batch[nBatches];
        for (int b = 0; b < nBatches; b++)
        {
            int n = Math.Min(BatchSize, Events - b * BatchSize);
            var batch = new VarEvent.Batch(BatchSize);
            for (int i = 0; i < n; i++)
            {
                batch.VtxX[i] = -250f + 500f * rng.NextFloat();
                batch.VtxY[i] = -250f + 500f * rng.NextFloat();
                batch.VtxZ[i] = 1200f * rng.NextFloat();
                float trueE = 0.2f + 7.8f * rng.NextFloat();
                batch.TrueE[i] = trueE;
                batch.Energy[i] = trueE * (0.8f + 0.4f * rng.NextFloat());
                batch.Angle[i] = 0.12f * rng.NextFloat();
                batch.NuoneId[i] = rng.NextFloat();
                batch.Epi0Id[i] = rng.NextFloat();
                batch.Dedx[i] = 1f + 4f * rng.NextFloat();
                batch.Gap[i] = 10f * rng.NextFloat();
                batch.ShowerLength[i] = 300f * rng.NextFloat();
                batch.ShowerWidth[i] = 10f * rng.NextFloat();
                batch.TrackLength[i] = 100f * rng.NextFloat();
                batch.Hits[i] = 200f * rng.NextFloat();
                batch.Time[i] = 20f * rng.NextFloat();
                batch.FluxW[i] = 0.5f + rng.NextFloat();
                batch.XsecW[i] = 0.8f + 0.4f * rng.NextFloat();
                batch.PotW[i] = 1f + 0.01f * rng.NextFloat();
                float x = (trueE - 4f) / 4f;
                for (int k = 0; k < UniverseCount; k++)
                    batch.Flux[k * BatchSize + i] = batch.FluxEv[i * UniverseCount + k] = 1f + norm[k] + tilt[k] * x + 0.02f * (rng.NextFloat() - 0.5f);
            }
            batch.Length = n;
            batches[b] = batch;
        }
        return batches;
    }

    private static float Gauss(Random r) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble()));

    /// <summary>A small, fast, seeded generator (SplitMix64): 10⁹ universe values in a few seconds.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public float NextFloat()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 40) * (1f / (1 << 24));
        }
    }
}
