namespace NuMM.Runtime.Tests.Support;

/// <summary>Deterministic pseudo-random numbers from an index (SplitMix64), so test samples are reproducible.</summary>
internal static class TestData
{
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) from (index, stream).</summary>
    public static double Uniform(long index, int stream) => (Mix((ulong)index * 0x100000001B3UL + (ulong)stream) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Values that probe a regular axis [min, max) with <paramref name="bins"/> bins: edges and their neighbours,
    /// flow, NaN, ±∞, and uniform values over a range a bit wider than the axis.</summary>
    public static double[] AxisProbe(int n, int bins, double min, double max, int seed)
    {
        var v = new double[n];
        double width = (max - min) / bins;
        for (int i = 0; i < n; i++)
        {
            double u = Uniform(i, seed);
            int kind = (int)(Mix((ulong)(i * 7 + seed)) % 12);
            double edge = min + (int)(u * (bins + 1)) * width;
            v[i] = kind switch
            {
                0 => double.NaN,
                1 => double.PositiveInfinity,
                2 => double.NegativeInfinity,
                3 => edge,
                4 => Math.BitDecrement(edge),
                5 => Math.BitIncrement(edge),
                6 => max,
                7 => min,
                _ => min - 0.2 * (max - min) + 1.4 * (max - min) * u,
            };
        }
        return v;
    }
}
