using NuMM.Generated.Tests.Analyses;

namespace NuMM.Generated.Tests;

/// <summary>The kernel computes Math.Pow(x, 2) as the C# does. 124175707² = 15419606208949849 lies halfway between the
/// doubles 15419606208949848 and …850: x·x rounds it to even (…848), glibc's pow (2.36) rounds it up. The cut
/// "Hits² > 15419606208949848" is therefore true in the C# on glibc and was false in the kernel while the generator
/// lowered every Pow(x, 2) to x·x (found by the differential tests, seed 114). On a platform whose pow rounds the tie to
/// even both sides say false and the test still holds.</summary>
public class PowSquareTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void PowOfIntOnATie_EqualsScalarTwin(int bits)
    {
        var batch = new SystEvent.Batch(40);
        for (int i = 0; i < 40; i++)
            batch.Set(i, new SystEvent { Hits = 124_175_707 + (i % 3 == 0 ? 0 : i - 20), E = 0.2f + 0.05f * i, W = 1 });
        batch.Length = 40;
        var kernel = new PowSquares.Kernel { MaxVectorBits = bits };
        var vector = kernel.CreateResult();
        kernel.Process(batch, vector);
        var twin = kernel.CreateResult();
        kernel.ProcessScalar(batch, twin);
        VariationTests.Identical(twin, vector, $"{bits} bits");
        // What the C# says for the tie, computed here without the kernel.
        long expected = 0;
        for (int i = 0; i < 40; i++) if (PowSquares.IntSquare(batch[i])) expected++;
        Assert.Equal(expected, vector.CutFlow.Passed[1]);
    }
}
