using NuMM.Generated.Tests.Analyses;
using NuMM.Generated.Tests.Support;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>Systematic variations filled in one pass against their definition: each variation must equal a nominal
/// kernel run on a shifted copy of the sample (shifts), or a kernel with the factor as one more weight (knobs and
/// universes). Counts exact, weighted sums bit-identical, on random batches with NaN and ±∞ in the shifted columns,
/// every length 0…70 (every remainder of every width), a large batch, every vector width and 1…3 threads.</summary>
public class VariationTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    private static readonly double[] EnergySigmas = { -2, -1, 1, 2 };
    private static readonly double[] VertexSigmas = { -1, 1 };
    private static readonly double[] KnobSigmas = { -3, -1, 1, 3 };

    internal static SystEvent.Batch RandomBatch(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new SystEvent.Batch(Math.Max(length, 1));
        for (int i = 0; i < length; i++)
        {
            b.Set(i, new SystEvent
            {
                // Boundary values and values that a ±5 % or ±10 % scale moves across a cut edge.
                E = RandomEvents.Value(rng, 0, 10, 0.5f, 8f, 0.5f / 1.05f, 8f / 1.05f, 0.5f / 0.95f, 8f / 0.9f),
                Theta = RandomEvents.Value(rng, 0, 0.1f, 0f, 0.05f),
                X = RandomEvents.Value(rng, -100, 100, -90f, 90f, -92.5f, 87.5f, 92.5f, -87.5f),
                Hits = rng.Next(0, 7),
                TrueE = 0.5 + 4.5 * rng.NextDouble(),
                W = 0.2f + 1.8f * (float)rng.NextDouble(),
            });
        }
        b.Length = length;
        return b;
    }

    private static SystEvent.Batch Copy(SystEvent.Batch source, Func<SystEvent, SystEvent> change)
    {
        var b = new SystEvent.Batch(Math.Max(source.Length, 1));
        for (int i = 0; i < source.Length; i++) b.Set(i, change(source[i]));
        b.Length = source.Length;
        return b;
    }

    /// <summary>Every number of two results, nominal and every variation, to the bit.</summary>
    internal static void AllIdentical(AnalysisResult expected, AnalysisResult actual, string context)
    {
        Identical(expected, actual, context);
        Assert.Equal(expected.Variations.Count, actual.Variations.Count);
        for (int v = 0; v < expected.Variations.Count; v++)
            Identical(expected.Variations[v].Result, actual.Variations[v].Result, $"{context} {expected.Variations[v].Label}");
    }

    /// <summary>Every number of two results' nominal parts, to the bit.</summary>
    internal static void Identical(AnalysisResult expected, AnalysisResult actual, string context)
    {
        var e = expected.CutFlow;
        var a = actual.CutFlow;
        Assert.True(e.Passed.SequenceEqual(a.Passed), $"{context}: Passed [{string.Join(", ", e.Passed)}] vs [{string.Join(", ", a.Passed)}]");
        Assert.True(e.PassedAllOthers.SequenceEqual(a.PassedAllOthers), $"{context}: PassedAllOthers differ");
        Assert.True(e.SumW.SequenceEqual(a.SumW), $"{context}: SumW [{string.Join(", ", e.SumW)}] vs [{string.Join(", ", a.SumW)}]");
        Assert.True(e.SumW2.SequenceEqual(a.SumW2), $"{context}: SumW2 differ");
        Assert.True(e.SumWAllOthers.SequenceEqual(a.SumWAllOthers), $"{context}: SumWAllOthers differ");
        Assert.True(e.SumW2AllOthers.SequenceEqual(a.SumW2AllOthers), $"{context}: SumW2AllOthers differ");
        Assert.Equal(expected.Histograms1D.Count, actual.Histograms1D.Count);
        for (int h = 0; h < expected.Histograms1D.Count; h++)
        {
            Assert.True(expected.Histograms1D[h].SumW.SequenceEqual(actual.Histograms1D[h].SumW), $"{context}: {expected.Histograms1D[h].Name} SumW differ");
            Assert.True(expected.Histograms1D[h].SumW2.SequenceEqual(actual.Histograms1D[h].SumW2), $"{context}: {expected.Histograms1D[h].Name} SumW2 differ");
        }
        for (int h = 0; h < expected.Histograms2D.Count; h++)
        {
            Assert.True(expected.Histograms2D[h].SumW.SequenceEqual(actual.Histograms2D[h].SumW), $"{context}: {expected.Histograms2D[h].Name} SumW differ");
            Assert.True(expected.Histograms2D[h].SumW2.SequenceEqual(actual.Histograms2D[h].SumW2), $"{context}: {expected.Histograms2D[h].Name} SumW2 differ");
        }
    }

    /// <summary>The nominal part of <paramref name="kernel"/> run on <paramref name="batch"/>.</summary>
    private static AnalysisResult Nominal(SystSelection.Kernel kernel, SystEvent.Batch batch)
    {
        var r = kernel.CreateResult();
        kernel.Process(batch, r);
        return r;
    }

    private static void CheckAgainstDefinitions(SystEvent.Batch batch, int bits, string context)
    {
        var kernel = new SystSelection.Kernel { MaxVectorBits = bits };
        var result = kernel.CreateResult();
        kernel.Process(batch, result);
        Assert.Equal(4 + 2 + 2 + 4 + 20, result.Variations.Count);

        // The scalar twin, variation by variation.
        var twin = kernel.CreateResult();
        kernel.ProcessScalar(batch, twin);
        Identical(twin, result, $"{context} nominal vs twin");
        for (int v = 0; v < result.Variations.Count; v++)
            Identical(twin.Variations[v].Result, result.Variations[v].Result, $"{context} {result.Variations[v].Label} vs twin");

        // Nominal: the same selection declared without variations.
        var plain = new SystReference.Kernel { MaxVectorBits = bits };
        var reference = plain.CreateResult();
        plain.Process(batch, reference);
        Identical(reference, result, $"{context} nominal vs plain kernel");

        // Shifts: the nominal selection on a shifted copy, built by calling the user's shift methods.
        foreach (var s in EnergySigmas)
        {
            var shifted = Copy(batch, e => { var c = e; c.E = SystSelection.EnergyScale(in e, s); return c; });
            Identical(Nominal(kernel, shifted), result.Variation("energy scale", s), $"{context} energy scale σ={s}");
        }
        foreach (var s in VertexSigmas)
        {
            var shifted = Copy(batch, e => { var c = e; c.X = SystSelection.Vertex(in e, s); return c; });
            Identical(Nominal(kernel, shifted), result.Variation("vertex", s), $"{context} vertex σ={s}");
            var hits = Copy(batch, e => { var c = e; c.Hits = SystSelection.HitShift(in e, s); return c; });
            Identical(Nominal(kernel, hits), result.Variation("hit efficiency", s), $"{context} hits σ={s}");
        }

        // Knob points and universes: the factor as one more weight.
        foreach (var s in KnobSigmas)
        {
            var k = new SystKnobReference.Kernel(s) { MaxVectorBits = bits };
            var r = k.CreateResult();
            k.Process(batch, r);
            Identical(r, result.Variation("xsec", s), $"{context} xsec σ={s}");
        }
        for (int u = 0; u < 20; u++)
        {
            var k = new SystUniverseReference.Kernel(u) { MaxVectorBits = bits };
            var r = k.CreateResult();
            k.Process(batch, r);
            Identical(r, result.Universe("flux universes", u), $"{context} universe {u}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryVariation_EqualsItsDefinition_EveryLength0To70(int bits)
    {
        for (int n = 0; n <= 70; n++) CheckAgainstDefinitions(RandomBatch(n, 300 + n), bits, $"n={n} bits={bits}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryVariation_EqualsItsDefinition_LargeBatch(int bits)
    {
        var batch = RandomBatch(20_011, seed: 11);
        CheckAgainstDefinitions(batch, bits, $"large bits={bits}");
        // The sample must exercise migration: some shifted points select other events than the nominal.
        var kernel = new SystSelection.Kernel { MaxVectorBits = bits };
        var result = Nominal(kernel, batch);
        Assert.True(result.CutFlow.Passed[4] > 200, $"nominal keeps {result.CutFlow.Passed[4]} events");
        Assert.NotEqual(result.CutFlow.Passed[4], result.Variation("energy scale", 2).CutFlow.Passed[4]);
        Assert.NotEqual(result.CutFlow.Passed[1], result.Variation("vertex", 1).CutFlow.Passed[1]);
        Assert.NotEqual(result.CutFlow.Passed[3], result.Variation("hit efficiency", -1).CutFlow.Passed[3]);
        Assert.NotEqual(result.CutFlow.SumW[4], result.Universe("flux universes", 0).CutFlow.SumW[4]);
        // Knobs and universes move weights, never counts.
        Assert.True(result.CutFlow.Passed.SequenceEqual(result.Variation("xsec", 3).CutFlow.Passed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Runner_AnyThreadCount_EqualsExactSumOfBatchPartials(int threads)
    {
        var batches = new List<SystEvent.Batch>();
        for (int b = 0; b < 9; b++) batches.Add(RandomBatch(1000 + 37 * b, seed: 900 + b));
        var kernel = new SystSelection.Kernel();
        // The runner adds the per-batch partials error-free and rounds once: the reference is the correctly rounded
        // exact sum of each quantity over the batches, computed with BigInteger arithmetic.
        var partials = new List<AnalysisResult>();
        foreach (var b in batches) { var part = kernel.CreateResult(); kernel.Process(b, part); partials.Add(part); }
        var expected = NuMM.Generated.Tests.Support.RationalSum.OfResults(partials);
        var run = AnalysisRunner.Run(kernel, new ArrayBatchSource<SystEvent.Batch>(batches), () => new SystEvent.Batch(2000), new RunOptions { MaxThreads = threads });
        Identical(expected, run, $"threads={threads} nominal");
        Assert.Equal(expected.Variations.Count, run.Variations.Count);
        for (int v = 0; v < expected.Variations.Count; v++)
        {
            Assert.Equal(expected.Variations[v].Label, run.Variations[v].Label);
            Identical(expected.Variations[v].Result, run.Variations[v].Result, $"threads={threads} {expected.Variations[v].Label}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RunMany_OneRead_EachResultEqualsItsOwnRun(int threads)
    {
        var batches = new List<SystEvent.Batch>();
        for (int b = 0; b < 7; b++) batches.Add(RandomBatch(1500 + 11 * b, seed: 700 + b));
        var a = new SystSelection.Kernel();
        var k = new SystKnobReference.Kernel(2.0);
        var counting = new CountingSource(new ArrayBatchSource<SystEvent.Batch>(batches));
        var many = AnalysisRunner.RunMany<SystEvent.Batch>([a, k], counting, () => new SystEvent.Batch(2000), new RunOptions { MaxThreads = threads });
        Assert.Equal(batches.Count, counting.Reads);
        var alone = AnalysisRunner.Run(a, new ArrayBatchSource<SystEvent.Batch>(batches), () => new SystEvent.Batch(2000), new RunOptions { MaxThreads = 1 });
        Identical(alone, many[0], $"threads={threads} kernel 0");
        for (int v = 0; v < alone.Variations.Count; v++) Identical(alone.Variations[v].Result, many[0].Variations[v].Result, $"threads={threads} {alone.Variations[v].Label}");
        var aloneKnob = AnalysisRunner.Run(k, new ArrayBatchSource<SystEvent.Batch>(batches), () => new SystEvent.Batch(2000));
        Identical(aloneKnob, many[1], $"threads={threads} kernel 1");
    }

    /// <summary>Counts the batches read from a source.</summary>
    private sealed class CountingSource(ArrayBatchSource<SystEvent.Batch> inner) : NuMM.Runtime.Data.IBatchSource<SystEvent.Batch>
    {
        public int Reads { get; private set; }

        public bool ReadNext(SystEvent.Batch batch)
        {
            bool got = inner.ReadNext(batch);
            if (got) Reads++;
            return got;
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void KnobWithoutWeights_EqualsFactorAsTheOnlyWeight(int bits)
    {
        var batch = RandomBatch(5003, seed: 5);
        var kernel = new UnweightedKnobSelection.Kernel { MaxVectorBits = bits };
        var result = kernel.CreateResult();
        kernel.Process(batch, result);
        foreach (var s in new double[] { -1, 1 })
        {
            var k = new UnweightedKnobReference.Kernel(s) { MaxVectorBits = bits };
            var r = k.CreateResult();
            k.Process(batch, r);
            Identical(r, result.Variation("xsec", s), $"bits={bits} xsec σ={s}");
            var shifted = Copy(batch, e => { var c = e; c.E = UnweightedKnobSelection.EnergyScale(in e, s); return c; });
            var n = kernel.CreateResult();
            kernel.Process(shifted, n);
            Identical(n, result.Variation("energy scale", s), $"bits={bits} energy scale σ={s}");
        }
        // Without [Weight] the nominal weight is 1: weighted yields are counts.
        for (int k = 0; k <= 1; k++) Assert.Equal((double)result.CutFlow.Passed[k], result.CutFlow.SumW[k]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NonFiniteVariationWeight_Throws_NamingTheSystematic(int bits)
    {
        var batch = RandomBatch(64, seed: 3);
        // Flux stays finite (5e306) but the xsec knob's factor at σ = −3 (−3e307), the first variation declared, makes
        // the product −∞ (universes would too).
        var e = batch[40];
        e.TrueE = 1e308;
        batch.Set(40, e);
        var kernel = new SystSelection.Kernel { MaxVectorBits = bits };
        var ex = Assert.Throws<System.IO.InvalidDataException>(() => kernel.Process(batch, kernel.CreateResult()));
        Assert.Contains("weight variation 'xsec' (σ point 1)", ex.Message);
        var exTwin = Assert.Throws<System.IO.InvalidDataException>(() => kernel.ProcessScalar(batch, kernel.CreateResult()));
        Assert.Contains("weight variation 'xsec' (σ point 1)", exTwin.Message);
        Assert.Contains("rows 40..40", exTwin.Message);
    }

    [Fact]
    public void Result_NamesEveryVariation_InDeclarationOrder()
    {
        var result = new SystSelection.Kernel().CreateResult();
        Assert.Equal(new[] { "energy scale", "vertex", "hit efficiency", "xsec", "flux universes" }, result.Systematics);
        Assert.Equal(VariationKind.Shift, result.VariationsOf("energy scale")[0].Kind);
        Assert.Equal(EnergySigmas, result.VariationsOf("energy scale").Select(v => v.Sigma));
        Assert.Equal(VariationKind.Knob, result.VariationsOf("xsec")[0].Kind);
        Assert.Equal(Enumerable.Range(0, 20), result.VariationsOf("flux universes").Select(v => v.Universe));
        Assert.All(result.VariationsOf("flux universes"), v => Assert.Equal(VariationKind.Universe, v.Kind));
    }
}
