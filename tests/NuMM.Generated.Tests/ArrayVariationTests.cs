using NuMM.Generated.Tests.Analyses;
using NuMM.Generated.Tests.Support;

namespace NuMM.Generated.Tests;

/// <summary>Universes and knobs that read fixed-length array columns (element k of event i at k × Capacity + i):
/// each universe equals a kernel whose second weight is that universe's value copied into a scalar column.</summary>
public class ArrayVariationTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    private static ArrayEvent.Batch RandomBatch(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new ArrayEvent.Batch(Math.Max(length, 1));
        for (int i = 0; i < length; i++)
        {
            b.E[i] = RandomEvents.Value(rng, 0, 8, 1f);
            b.W[i] = 0.2f + 1.8f * (float)rng.NextDouble();
            for (int k = 0; k < 12; k++) b.Flux[k * b.Capacity + i] = 0.8f + 0.4f * (float)rng.NextDouble();
            for (int k = 0; k < 3; k++) b.Response[k * b.Capacity + i] = rng.NextDouble();
        }
        b.Length = length;
        return b;
    }

    private static FlatEvent.Batch Flat(ArrayEvent.Batch source, int universe)
    {
        var b = new FlatEvent.Batch(Math.Max(source.Length, 1));
        for (int i = 0; i < source.Length; i++)
        {
            var e = source[i];
            b.Set(i, new FlatEvent { E = e.E, W = e.W, U = e.Flux[universe], R0 = e.Response[0] });
        }
        b.Length = source.Length;
        return b;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Universes_FromArrayColumn_EqualTheirDefinition(int bits)
    {
        foreach (int n in new[] { 0, 1, 15, 16, 17, 33, 4099 })
        {
            var batch = RandomBatch(n, seed: 40 + n);
            var kernel = new ArraySelection.Kernel { MaxVectorBits = bits };
            var result = kernel.CreateResult();
            kernel.Process(batch, result);
            var twin = kernel.CreateResult();
            kernel.ProcessScalar(batch, twin);
            VariationTests.Identical(twin, result, $"n={n} bits={bits} twin");
            for (int v = 0; v < result.Variations.Count; v++)
                VariationTests.Identical(twin.Variations[v].Result, result.Variations[v].Result, $"n={n} bits={bits} {result.Variations[v].Label} twin");
            for (int u = 0; u < 12; u++)
            {
                var reference = new FlatReference.Kernel { MaxVectorBits = bits };
                var r = reference.CreateResult();
                reference.Process(Flat(batch, u), r);
                VariationTests.Identical(r, result.Universe("flux", u), $"n={n} bits={bits} universe {u}");
            }
        }
    }

    [Fact]
    public void Knob_FromArrayElement_MovesWeightsByTheResponse()
    {
        var batch = RandomBatch(3001, seed: 9);
        var kernel = new ArraySelection.Kernel();
        var result = kernel.CreateResult();
        kernel.Process(batch, result);
        // Hand sum over the events passing both cuts: w·(1 ± r2), summed in event order (close, not bit-identical).
        double up = 0, down = 0;
        for (int i = 0; i < batch.Length; i++)
        {
            var e = batch[i];
            if (!(e.E > 1f && e.Response[0] < 0.9)) continue;
            up += e.W * (1.0 + e.Response[2]);
            down += e.W * (1.0 - e.Response[2]);
        }
        ResultAssert.Close(up, result.Variation("xsec", 1).CutFlow.SumW[2], "σ=+1");
        ResultAssert.Close(down, result.Variation("xsec", -1).CutFlow.SumW[2], "σ=−1");
        Assert.True(up > result.CutFlow.SumW[2] && down < result.CutFlow.SumW[2]);
    }
}
