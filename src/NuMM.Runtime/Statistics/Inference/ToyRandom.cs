using System;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>A small, fast, reproducible random source (xoshiro256**, Blackman &amp; Vigna 2018) whose state is derived
/// from (seed, point, toy) by SplitMix64. Every toy experiment gets its own stream, so results do not depend on which
/// thread ran it or in which order.</summary>
public sealed class ToyRandom : Random
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A stream for toy <paramref name="toy"/> at scan point <paramref name="point"/> of a run seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">Run seed.</param>
    /// <param name="point">Scan-point index.</param>
    /// <param name="toy">Toy index.</param>
    public ToyRandom(ulong seed, long point, long toy) => Reset(seed, point, toy);

    /// <summary>Restarts this instance as the stream of (seed, point, toy), so a loop over toys needs no new object per toy.</summary>
    internal void Reset(ulong seed, long point, long toy)
    {
        ulong x = seed;
        ulong Mix(ulong v) { x += 0x9E3779B97F4A7C15UL ^ v; return SplitMix(ref x); }
        ulong h = Mix((ulong)point * 0xD1B54A32D192ED03UL);
        h ^= Mix((ulong)toy * 0xABC98388FB8FAC03UL);
        x = h;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitRotate(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = BitRotate(_s3, 45);
        return result;
    }

    private static ulong BitRotate(ulong v, int k) => (v << k) | (v >> (64 - k));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc/>
    protected override double Sample() => NextDouble();

    /// <inheritdoc/>
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc/>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(NextDouble() * maxValue);
    }

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue) throw new ArgumentOutOfRangeException(nameof(minValue), "minValue must not exceed maxValue.");
        return minValue + (int)(NextDouble() * ((long)maxValue - minValue));
    }

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());
}
