using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>The inline weighted tally of a kernel without variations in its two layouts: (w, w²) pairs with a loop over
/// the lanes that failed exactly one cut (7 to 15 cuts, <see cref="NineCutWeighted"/>), and four sums per (row, lane)
/// with the N−1 sums beside the row (at most 6 cuts: the other analyses here, and the random ones of the generator
/// tests). The vector path must equal the scalar twin bit for bit at every width and every batch length.</summary>
public class InlineTallyTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void NineCuts_PairRows_EqualScalarTwin(int bits)
    {
        var kernel = new NineCutWeighted.Kernel { MaxVectorBits = bits };
        long singles = 0;
        foreach (int length in Enumerable.Range(0, 71).Append(4099).Append(20_011))
        {
            var batch = VariationTests.RandomBatch(length, 7000 + length);
            var vector = kernel.CreateResult();
            kernel.Process(batch, vector);
            var twin = kernel.CreateResult();
            kernel.ProcessScalar(batch, twin);
            VariationTests.Identical(twin, vector, $"{bits} bits, {length} events");
            for (int k = 0; k < vector.CutFlow.CutCount; k++) singles += vector.CutFlow.PassedAllOthers[k] - vector.CutFlow.Passed[^1];
        }
        // Events that failed exactly one cut: without them the N−1 rows, and the loop that fills them, go untested.
        Assert.True(singles > 5_000, $"only {singles} events failed exactly one cut");
    }
}
