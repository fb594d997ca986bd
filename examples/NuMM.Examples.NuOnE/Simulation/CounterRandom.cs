namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>Counter-based uniform numbers: a pure function of (key, index, draw) through the SplitMix64 finaliser,
/// so an event's draws depend only on its position in the sample, not on the order events are visited.</summary>
internal static class CounterRandom
{
    /// <summary>A stream key from a seed and a stream number.</summary>
    public static ulong Key(int seed, int stream) => Mix(unchecked(((ulong)(uint)seed << 32) | (uint)stream));

    /// <summary>Uniform in [0, 1) for draw <paramref name="draw"/> (0–15) of item <paramref name="index"/>.</summary>
    public static double Uniform(ulong key, long index, int draw)
    {
        ulong z = Mix(key ^ Mix(unchecked(((ulong)index << 4) | (uint)(draw & 15))));
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    // SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): golden-ratio increment and the murmur-style finaliser.
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            ulong z = x + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
