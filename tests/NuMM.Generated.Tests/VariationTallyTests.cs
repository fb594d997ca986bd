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

    private static SystEvent.Batch Prepared(SystEvent.Batch batch, bool finite) => !finite ? batch : Copy(batch, e => e with
    {
        E = float.IsFinite(e.E) ? e.E : 0.5f,
        X = float.IsFinite(e.X) ? e.X : -85f,
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

    /// <summary>Runs <paramref name="kernel"/> on the batch; its nominal part and every variation must equal the scalar
    /// twin's, and its nominal part the plain kernel's, to the bit.</summary>
    private static AnalysisResult RunChecked(IAnalysisKernel<SystEvent.Batch> kernel, Action<SystEvent.Batch, AnalysisResult> processScalar,
        IAnalysisKernel<SystEvent.Batch> plain, SystEvent.Batch batch, string context)
    {
        var result = Run(kernel, batch);
        var twin = kernel.CreateResult();
        processScalar(batch, twin);
        VariationTests.Identical(twin, result, context + " nominal vs twin");
        for (int v = 0; v < result.Variations.Count; v++)
            VariationTests.Identical(twin.Variations[v].Result, result.Variations[v].Result, $"{context} {result.Variations[v].Label} vs twin");
        VariationTests.Identical(Run(plain, batch), result, context + " nominal vs plain");
        return result;
    }

    /// <summary>The variation (<paramref name="systematic"/>, <paramref name="sigma"/>) of <paramref name="result"/> must
    /// equal the plain kernel run on a copy of the batch changed by <paramref name="shift"/> (the user's shift method).</summary>
    private static AnalysisResult AssertEqualsShiftedCopy(IAnalysisKernel<SystEvent.Batch> plain, SystEvent.Batch batch, AnalysisResult result,
        string systematic, double sigma, Func<SystEvent, SystEvent> shift, string context)
    {
        var varied = result.Variation(systematic, sigma);
        VariationTests.Identical(Run(plain, Copy(batch, shift)), varied, $"{context} {systematic} σ={sigma}");
        return varied;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SeventeenCuts_ShiftedWeights_EqualShiftedCopies(int bits)
    {
        var kernel = new SeventeenCutShifts.Kernel { MaxVectorBits = bits };
        var plain = new SeventeenCutReference.Kernel { MaxVectorBits = bits };
        foreach (var batch in Batches(1700, finite: true))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, context);
            foreach (var s in new double[] { -2, -1, 1, 2 })
                AssertEqualsShiftedCopy(plain, batch, result, "energy scale", s, e => e with { E = SeventeenCutShifts.EnergyScale(in e, s) }, context);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FifteenCuts_TwoShiftedColumns_EqualShiftedCopies(int bits)
    {
        var kernel = new FifteenCutShifts.Kernel { MaxVectorBits = bits };
        var plain = new FifteenCutReference.Kernel { MaxVectorBits = bits };
        foreach (var batch in Batches(1500, finite: true))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, context);
            foreach (var s in new double[] { -1, 1 })
            {
                AssertEqualsShiftedCopy(plain, batch, result, "energy scale", s, e => e with { E = FifteenCutShifts.EnergyScale(in e, s) }, context);
                AssertEqualsShiftedCopy(plain, batch, result, "vertex", s, e => e with { X = FifteenCutShifts.VertexShift(in e, s) }, context);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Unweighted_ShiftedCounts_EqualShiftedCopies(int bits)
    {
        var kernel = new UnweightedShifts.Kernel { MaxVectorBits = bits };
        var plain = new UnweightedReference.Kernel { MaxVectorBits = bits };
        long passedAnywhere = 0;
        foreach (var batch in Batches(900))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, context);
            foreach (var s in new double[] { -2, -1, 1, 2 })
                passedAnywhere += AssertEqualsShiftedCopy(plain, batch, result, "energy scale", s, e => e with { E = UnweightedShifts.EnergyScale(in e, s) }, context)
                    .CutFlow.Passed[^1];
        }
        Assert.True(passedAnywhere > 0, "the shifted selections passed no event: the comparison would prove nothing");
    }

    // The 512- and 256-bit tallies count rows 0..N of every selection in ushort and byte lane counters and flush them to
    // the long counts every 4095 and 31 blocks. Here 70,000 events in a row fail the shared first cut, so row 1 gets every
    // lane of every block: a counter flushed one block too late would wrap (4096 × 16 = 65,536). The scalar twin counts in
    // longs; the plain kernel gives the nominal.
    [Theory]
    [MemberData(nameof(Widths))]
    public void SharedWeights_LongBatchOneRowInEveryLane_CountsDoNotWrap(int bits)
    {
        var kernel = new SevenPointShifts.Kernel { MaxVectorBits = bits };
        var plain = new SharedWeightReference.Kernel { MaxVectorBits = bits };
        var batch = VariationTests.RandomBatch(131_109, seed: 4242);
        for (int i = 0; i < 70_000; i++) batch.X[i] = -100f; // fails "X > -95" in every selection (no shift reads X)
        int failFirst = 0;
        for (int i = 0; i < batch.Length; i++) if (!(batch.X[i] > -95f)) failFirst++;
        Assert.True(failFirst > 65_535, $"only {failFirst} events fail the first cut: no counter could wrap");
        var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, $"{bits} bits, {batch.Length} events");
        Assert.Equal(batch.Length - failFirst, result.CutFlow.Passed[1]);
        foreach (var v in result.Variations) Assert.Equal(batch.Length - failFirst, v.Result.CutFlow.Passed[1]);
        foreach (var s in new double[] { -3, -2, -1, 1, 2, 3 })
            AssertEqualsShiftedCopy(plain, batch, result, "energy scale", s, e => e with { E = SevenPointShifts.EnergyScale(in e, s) }, $"{bits} bits, long batch");
    }

    // 7, 8 and 2 selections with the nominal's weights (one weight set in the tally; the fiducial cut X > -95 is shared
    // with the nominal, so its row is copied from the nominal's). The random batches keep their NaN and ±∞ in E and X:
    // no weight reads them.
    [Theory]
    [MemberData(nameof(Widths))]
    public void SharedWeights_SevenSelections_EqualShiftedCopies(int bits)
    {
        var kernel = new SevenPointShifts.Kernel { MaxVectorBits = bits };
        var plain = new SharedWeightReference.Kernel { MaxVectorBits = bits };
        long passedAnywhere = 0;
        foreach (var batch in Batches(700))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, context);
            foreach (var s in new double[] { -3, -2, -1, 1, 2, 3 })
                passedAnywhere += AssertEqualsShiftedCopy(plain, batch, result, "energy scale", s, e => e with { E = SevenPointShifts.EnergyScale(in e, s) }, context)
                    .CutFlow.Passed[^1];
        }
        Assert.True(passedAnywhere > 0, "the shifted selections passed no event: the comparison would prove nothing");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SharedWeights_EightSelections_EqualShiftedCopies(int bits)
    {
        var kernel = new EightSelectionShifts.Kernel { MaxVectorBits = bits };
        var plain = new SharedWeightReference.Kernel { MaxVectorBits = bits };
        foreach (var batch in Batches(800))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, context);
            foreach (var s in new double[] { -2, -1, 1, 2 })
                AssertEqualsShiftedCopy(plain, batch, result, "energy scale", s, e => e with { E = EightSelectionShifts.EnergyScale(in e, s) }, context);
            foreach (var s in new double[] { -1, 1, 2 })
                AssertEqualsShiftedCopy(plain, batch, result, "vertex", s, e => e with { X = EightSelectionShifts.VertexShift(in e, s) }, context);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SharedWeights_TwoSelections_EqualShiftedCopies(int bits)
    {
        var kernel = new OnePointShift.Kernel { MaxVectorBits = bits };
        var plain = new SharedWeightReference.Kernel { MaxVectorBits = bits };
        foreach (var batch in Batches(200))
        {
            string context = $"{bits} bits, {batch.Length} events";
            var result = RunChecked(kernel, kernel.ProcessScalar, plain, batch, context);
            AssertEqualsShiftedCopy(plain, batch, result, "energy scale", 2, e => e with { E = OnePointShift.EnergyScale(in e, 2) }, context);
        }
    }
}
