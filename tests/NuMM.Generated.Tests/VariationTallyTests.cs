using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>The block tally of shifted selections in its other shapes (VariationTests covers the common one): more than
/// 15 cuts, exactly 15, weights that read a shifted column (each selection its own weights) and no weights. Each
/// variation must equal its definition, a plain kernel run on a copy of the sample with the user's shift method
/// applied, and the scalar twin, to the bit; at every vector width and every batch length 0…70 and a long batch.</summary>
public class VariationTallyTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    // The random batches hold NaN and ±∞ in E and X; a weight that reads them would (rightly) throw, so for the
    // analyses whose weights read a shifted column those values become cut edges instead.
    private static IEnumerable<SystEvent.Batch> Batches(int seed, bool finite = false)
    {
        for (int length = 0; length <= 70; length++) yield return Prepared(VariationTests.RandomBatch(length, seed + length), finite);
        yield return Prepared(VariationTests.RandomBatch(4099, seed + 1000), finite);
    }

    private static SystEvent.Batch Prepared(SystEvent.Batch batch, bool finite) => !finite ? batch : Copy(batch, e =>
    {
        var c = e;
        if (!float.IsFinite(c.E)) c.E = 0.5f;
        if (!float.IsFinite(c.X)) c.X = -85f;
        return c;
    });

    private static SystEvent.Batch Copy(SystEvent.Batch source, Func<SystEvent, SystEvent> change)
    {
        var b = new SystEvent.Batch(Math.Max(source.Length, 1));
        for (int i = 0; i < source.Length; i++) b.Set(i, change(source[i]));
        b.Length = source.Length;
        return b;
    }

    private static AnalysisResult Run(IAnalysisKernel<SystEvent.Batch> kernel, SystEvent.Batch batch)
    {
        var r = kernel.CreateResult();
        kernel.Process(batch, r);
        return r;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SeventeenCuts_ShiftedWeights_EqualShiftedCopies(int bits)
    {
        foreach (var batch in Batches(1700, finite: true))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var kernel = new SeventeenCutShifts.Kernel { MaxVectorBits = bits };
            var result = Run(kernel, batch);
            var twin = kernel.CreateResult();
            kernel.ProcessScalar(batch, twin);
            VariationTests.Identical(twin, result, context + " nominal vs twin");
            for (int v = 0; v < result.Variations.Count; v++)
                VariationTests.Identical(twin.Variations[v].Result, result.Variations[v].Result, $"{context} {result.Variations[v].Label} vs twin");

            var plain = new SeventeenCutReference.Kernel { MaxVectorBits = bits };
            VariationTests.Identical(Run(plain, batch), result, context + " nominal vs plain");
            foreach (var s in new double[] { -2, -1, 1, 2 })
            {
                var shifted = Copy(batch, e => { var c = e; c.E = SeventeenCutShifts.EnergyScale(in e, s); return c; });
                VariationTests.Identical(Run(plain, shifted), result.Variation("energy scale", s), $"{context} energy scale σ={s}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FifteenCuts_TwoShiftedColumns_EqualShiftedCopies(int bits)
    {
        foreach (var batch in Batches(1500, finite: true))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var kernel = new FifteenCutShifts.Kernel { MaxVectorBits = bits };
            var result = Run(kernel, batch);
            var twin = kernel.CreateResult();
            kernel.ProcessScalar(batch, twin);
            VariationTests.Identical(twin, result, context + " nominal vs twin");
            for (int v = 0; v < result.Variations.Count; v++)
                VariationTests.Identical(twin.Variations[v].Result, result.Variations[v].Result, $"{context} {result.Variations[v].Label} vs twin");

            var plain = new FifteenCutReference.Kernel { MaxVectorBits = bits };
            VariationTests.Identical(Run(plain, batch), result, context + " nominal vs plain");
            foreach (var s in new double[] { -1, 1 })
            {
                var energy = Copy(batch, e => { var c = e; c.E = FifteenCutShifts.EnergyScale(in e, s); return c; });
                VariationTests.Identical(Run(plain, energy), result.Variation("energy scale", s), $"{context} energy scale σ={s}");
                var vertex = Copy(batch, e => { var c = e; c.X = FifteenCutShifts.VertexShift(in e, s); return c; });
                VariationTests.Identical(Run(plain, vertex), result.Variation("vertex", s), $"{context} vertex σ={s}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Unweighted_ShiftedCounts_EqualShiftedCopies(int bits)
    {
        long passedAnywhere = 0;
        foreach (var batch in Batches(900))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var kernel = new UnweightedShifts.Kernel { MaxVectorBits = bits };
            var result = Run(kernel, batch);
            var twin = kernel.CreateResult();
            kernel.ProcessScalar(batch, twin);
            VariationTests.Identical(twin, result, context + " nominal vs twin");
            var plain = new UnweightedReference.Kernel { MaxVectorBits = bits };
            VariationTests.Identical(Run(plain, batch), result, context + " nominal vs plain");
            foreach (var s in new double[] { -2, -1, 1, 2 })
            {
                var shifted = Copy(batch, e => { var c = e; c.E = UnweightedShifts.EnergyScale(in e, s); return c; });
                var varied = result.Variation("energy scale", s);
                VariationTests.Identical(Run(plain, shifted), varied, $"{context} energy scale σ={s}");
                passedAnywhere += varied.CutFlow.Passed[^1];
            }
        }
        Assert.True(passedAnywhere > 0, "the shifted selections passed no event: the comparison would prove nothing");
    }
}
