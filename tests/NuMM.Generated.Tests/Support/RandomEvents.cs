using Inputs.Mixed;
using Inputs.NuOnE;

namespace NuMM.Generated.Tests.Support;

/// <summary>Seeded random batches with NaN, ±∞ and exact cut boundaries mixed into the columns.</summary>
internal static class RandomEvents
{
    /// <summary>A value in [lo, hi), or with small probability NaN, ±∞ or one of the boundary values.</summary>
    public static float Value(Random rng, float lo, float hi, params float[] edges)
    {
        double u = rng.NextDouble();
        if (u < 0.03) return float.NaN;
        if (u < 0.04) return float.PositiveInfinity;
        if (u < 0.05) return float.NegativeInfinity;
        if (u < 0.08 && edges.Length > 0) return edges[rng.Next(edges.Length)];
        return lo + (float)rng.NextDouble() * (hi - lo);
    }

    public static NuOnEEvent.Batch NuOnE(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new NuOnEEvent.Batch(Math.Max(length, 1));
        for (int i = 0; i < length; i++)
        {
            b.Set(i, new NuOnEEvent
            {
                VtxX = Value(rng, -250, 250, -185f, 175f),
                VtxY = Value(rng, -250, 250, -175f, 175f),
                VtxZ = Value(rng, 0, 1200, 95f, 1095f),
                ShowerEnergy = Value(rng, 0, 6, 0.5f, 5f, 1f, 3f),
                ShowerAngle = Value(rng, 0, 0.12f, 0f, 0.1f),
                NuoneId = Value(rng, 0, 1, 0.73f),
                Epi0Id = Value(rng, 0, 1, 0.92f),
                FluxWeight = 0.5f + (float)rng.NextDouble(),
            });
        }
        b.Length = length;
        return b;
    }

    public static MixedEvent.Batch Mixed(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new MixedEvent.Batch(Math.Max(length, 1));
        for (int i = 0; i < length; i++)
        {
            b.Set(i, new MixedEvent
            {
                A = Value(rng, -3, 3, -2f, 2f, 0f, 1.5f),
                B = Value(rng, -2, 2, -1.25f, 1.5f, 0f),
                D = rng.NextDouble() < 0.9 ? Value(rng, -1.5f, 3f, 0.5f, -0.5f, 0.75f) : rng.NextDouble(),
                N = rng.Next(0, 12),
                Flag = rng.Next(2) == 1,
                W = 0.2f + 1.8f * (float)rng.NextDouble(),
                W2 = rng.NextDouble(),
            });
        }
        b.Length = length;
        return b;
    }
}
