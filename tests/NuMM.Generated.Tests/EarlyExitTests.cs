using NuMM.Generated.Tests.Analyses;
using NuMM.Generated.Tests.Support;

namespace NuMM.Generated.Tests;

/// <summary>The block loop's early exit: where the cuts left cost enough (<see cref="CostlyCutsWeighted"/>), a block whose
/// events have all failed two cuts skips them and goes to the tally. The vector path must still equal the scalar twin
/// bit for bit, at every width, with blocks that leave early next to blocks that run every cut.</summary>
public class EarlyExitTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128 };

    /// <summary>Events in runs of 32: in about half of the runs every event fails cuts 1 and 2 (so every block of the run
    /// leaves before cut 3 at any width), in the others the values are random around every cut edge.</summary>
    private static SystEvent.Batch Runs(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new SystEvent.Batch(Math.Max(length, 1));
        bool fails = false;
        for (int i = 0; i < length; i++)
        {
            if (i % 32 == 0) fails = rng.Next(2) == 0;
            b.Set(i, new SystEvent
            {
                E = fails ? 2f * (float)rng.NextDouble() : RandomEvents.Value(rng, 0, 10, 2f, 5f),
                Theta = RandomEvents.Value(rng, 0, 0.1f, 0.03f, 0.04f),
                X = fails ? -100f + 40f * (float)rng.NextDouble() : RandomEvents.Value(rng, -100, 100, -60f, 0f),
                Hits = rng.Next(0, 7),
                TrueE = 0.5 + 4.5 * rng.NextDouble(),
                W = 0.2f + 1.8f * (float)rng.NextDouble(),
            });
        }
        b.Length = length;
        return b;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void CostlyCuts_EarlyExit_EqualsScalarTwin(int bits)
    {
        var weighted = new CostlyCutsWeighted.Kernel { MaxVectorBits = bits };
        var unweighted = new CostlyCutsUnweighted.Kernel { MaxVectorBits = bits };
        long early = 0, passCut3 = 0, failCut3 = 0, passAll = 0;
        foreach (int length in Enumerable.Range(0, 70).Append(4099).Append(20_011))
        {
            var batch = Runs(length, 900 + length);
            var vector = weighted.CreateResult();
            weighted.Process(batch, vector);
            var twin = weighted.CreateResult();
            weighted.ProcessScalar(batch, twin);
            VariationTests.Identical(twin, vector, $"weighted, {bits} bits, {length} events");
            var uv = unweighted.CreateResult();
            unweighted.Process(batch, uv);
            var ut = unweighted.CreateResult();
            unweighted.ProcessScalar(batch, ut);
            VariationTests.Identical(ut, uv, $"unweighted, {bits} bits, {length} events");
            var f = vector.CutFlow;
            for (int start = 0; start + 16 <= length; start += 16)
            {
                bool all = true;
                for (int i = start; i < start + 16 && all; i++) { var e = batch[i]; all = !CostlyCutsWeighted.C1(e) && !CostlyCutsWeighted.C2(e); }
                if (all) early++;
            }
            passCut3 += f.Passed[3];
            failCut3 += f.Passed[2] - f.Passed[3];
            passAll += f.Passed[^1];
        }
        // The data must exercise both branches: many blocks that leave early, and costly cuts that pass and fail.
        Assert.True(early > 300, $"only {early} blocks of 16 events failed cuts 1 and 2 in every event");
        Assert.True(passCut3 > 1_000 && failCut3 > 1_000, $"cut 3 passed {passCut3}, failed {failCut3}");
        Assert.True(passAll > 500, $"only {passAll} events passed every cut");
    }
}
