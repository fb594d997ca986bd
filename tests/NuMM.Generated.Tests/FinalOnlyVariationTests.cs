using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>Weight variations declared with <c>CutFlow = VariationCutFlow.FinalOnly</c>: their final-level Σw, Σw², counts
/// and histograms are bit-identical to the same declarations with the full cut flow (whose own correctness the other
/// variation tests establish), at every vector width, in the scalar twin, and across batches; the levels they do not
/// compute hold NaN.</summary>
public class FinalOnlyVariationTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    internal static ArrayEvent.Batch RandomBatch(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new ArrayEvent.Batch(Math.Max(length, 1));
        for (int i = 0; i < length; i++)
        {
            b.E[i] = (float)(9 * rng.NextDouble() - 0.5); // some under- and overflow
            b.W[i] = 0.2f + 1.8f * (float)rng.NextDouble();
            for (int k = 0; k < 12; k++) b.Flux[k * b.Capacity + i] = 0.8f + 0.4f * (float)rng.NextDouble();
            for (int k = 0; k < 3; k++) b.Response[k * b.Capacity + i] = rng.NextDouble();
        }
        b.Length = length;
        return b;
    }

    private static void FinalLevelIdentical(AnalysisResult full, AnalysisResult final, string context)
    {
        var f = full.CutFlow;
        var g = final.CutFlow;
        int n = f.CutCount;
        Assert.True(f.Passed.SequenceEqual(g.Passed), $"{context}: Passed differ");
        Assert.True(f.PassedAllOthers.SequenceEqual(g.PassedAllOthers), $"{context}: PassedAllOthers differ");
        Assert.True(f.SumW[n].Equals(g.SumW[n]), $"{context}: final SumW {f.SumW[n]:R} vs {g.SumW[n]:R}");
        Assert.True(f.SumW2[n].Equals(g.SumW2[n]), $"{context}: final SumW2 {f.SumW2[n]:R} vs {g.SumW2[n]:R}");
        for (int k = 0; k < n; k++)
        {
            Assert.True(double.IsNaN(g.SumW[k]) && double.IsNaN(g.SumW2[k]), $"{context}: level {k} is not marked as not computed");
            Assert.True(double.IsNaN(g.SumWAllOthers[k]) && double.IsNaN(g.SumW2AllOthers[k]), $"{context}: N−1 entry {k} is not marked as not computed");
        }
        for (int h = 0; h < full.Histograms1D.Count; h++)
        {
            Assert.True(full.Histograms1D[h].SumW.SequenceEqual(final.Histograms1D[h].SumW), $"{context}: {full.Histograms1D[h].Name} SumW differ");
            Assert.True(full.Histograms1D[h].SumW2.SequenceEqual(final.Histograms1D[h].SumW2), $"{context}: {full.Histograms1D[h].Name} SumW2 differ");
        }
        for (int h = 0; h < full.Histograms2D.Count; h++)
        {
            Assert.True(full.Histograms2D[h].SumW.SequenceEqual(final.Histograms2D[h].SumW), $"{context}: {full.Histograms2D[h].Name} SumW differ");
            Assert.True(full.Histograms2D[h].SumW2.SequenceEqual(final.Histograms2D[h].SumW2), $"{context}: {full.Histograms2D[h].Name} SumW2 differ");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FinalOnly_EqualsTheFullCutFlowAtTheFinalLevel_AcrossBatches(int bits)
    {
        var final = new FinalOnlySelection.Kernel { MaxVectorBits = bits };
        var full = new FullFlowSelection.Kernel { MaxVectorBits = bits };
        var rf = final.CreateResult();
        var rF = full.CreateResult();
        var twin = final.CreateResult();
        foreach (int n in new[] { 0, 1, 15, 16, 17, 33, 4099 }) // several batches into one result: cells carried between calls
        {
            var batch = RandomBatch(n, seed: 70 + n);
            final.Process(batch, rf);
            full.Process(batch, rF);
            final.ProcessScalar(batch, twin);
        }
        VariationTests.Identical(rF, rf, $"bits={bits} nominal");
        Assert.Equal(rF.Variations.Count, rf.Variations.Count);
        for (int v = 0; v < rf.Variations.Count; v++)
        {
            var label = rf.Variations[v].Label;
            Assert.Equal(rF.Variations[v].Label, label);
            VariationTests.Identical(twin.Variations[v].Result, rf.Variations[v].Result, $"bits={bits} {label} twin");
            if (rf.Variations[v].Systematic is "full knob" or "scale")
                VariationTests.Identical(rF.Variations[v].Result, rf.Variations[v].Result, $"bits={bits} {label}");
            else
                FinalLevelIdentical(rF.Variations[v].Result, rf.Variations[v].Result, $"bits={bits} {label}");
        }
        Assert.True(rf.Universe("flux", 11).CutFlow.Passed[2] > 0, "the test data must select events");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Runner_AnyThreadCount_FinalLevelEqualsTheFullCutFlowRun(int threads)
    {
        var batches = new List<ArrayEvent.Batch>();
        for (int b = 0; b < 7; b++) batches.Add(RandomBatch(900 + 53 * b, seed: 300 + b));
        var final = AnalysisRunner.Run(new FinalOnlySelection.Kernel(), new ArrayBatchSource<ArrayEvent.Batch>(batches), () => new ArrayEvent.Batch(2000), new RunOptions { MaxThreads = threads });
        var full = AnalysisRunner.Run(new FullFlowSelection.Kernel(), new ArrayBatchSource<ArrayEvent.Batch>(batches), () => new ArrayEvent.Batch(2000), new RunOptions { MaxThreads = 1 });
        VariationTests.Identical(full, final, $"threads={threads} nominal");
        for (int v = 0; v < final.Variations.Count; v++)
        {
            string label = final.Variations[v].Label;
            if (final.Variations[v].Systematic is "full knob" or "scale") VariationTests.Identical(full.Variations[v].Result, final.Variations[v].Result, $"threads={threads} {label}");
            else FinalLevelIdentical(full.Variations[v].Result, final.Variations[v].Result, $"threads={threads} {label}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FinalOnly_WithoutHistograms_MatchesTheCutFlowWithHistograms(int bits)
    {
        // The final level's lane sums do not depend on histograms: both kernels must give the same bits, here with
        // several full queues (4099 events, about 1,600 selected) and partial ones.
        var bare = new FinalOnlyNoHistograms.Kernel { MaxVectorBits = bits };
        var withHistograms = new FinalOnlySelection.Kernel { MaxVectorBits = bits };
        var rb = bare.CreateResult();
        var rh = withHistograms.CreateResult();
        var twin = bare.CreateResult();
        foreach (int n in new[] { 0, 1, 17, 63, 64, 65, 4099 })
        {
            var batch = RandomBatch(n, seed: 170 + n);
            bare.Process(batch, rb);
            withHistograms.Process(batch, rh);
            bare.ProcessScalar(batch, twin);
        }
        for (int u = 0; u < 12; u++)
        {
            var b = rb.Universe("flux", u).CutFlow;
            var h = rh.Universe("flux", u).CutFlow;
            var t = twin.Universe("flux", u).CutFlow;
            Assert.True(b.Passed.SequenceEqual(h.Passed), $"bits={bits} universe {u}: Passed");
            Assert.True(b.SumW[2].Equals(h.SumW[2]) && b.SumW2[2].Equals(h.SumW2[2]), $"bits={bits} universe {u}: {b.SumW[2]:R} vs {h.SumW[2]:R}");
            Assert.True(b.SumW[2].Equals(t.SumW[2]) && b.SumW2[2].Equals(t.SumW2[2]), $"bits={bits} universe {u}: twin {t.SumW[2]:R}");
        }
        Assert.True(rb.Universe("flux", 0).CutFlow.Passed[2] > 128, "the test data must fill the queue more than once");
    }

    [Fact]
    public void FinalOnly_UniverseSum_IsTheHandSumOverSelectedEvents()
    {
        var batch = RandomBatch(2049, seed: 5);
        var kernel = new FinalOnlySelection.Kernel();
        var r = kernel.CreateResult();
        kernel.Process(batch, r);
        // Hand sum over events passing both cuts of w · flux[7] (event order; close, not bit-identical: lanes differ).
        double sum = 0;
        int passed = 0;
        for (int i = 0; i < batch.Length; i++)
        {
            var e = batch[i];
            if (!(e.E > 1f && e.Response[0] < 0.9)) continue;
            sum += (double)e.W * e.Flux[7];
            passed++;
        }
        var u7 = r.Universe("flux", 7).CutFlow;
        Assert.Equal(passed, u7.Passed[2]);
        Assert.Equal(sum, u7.SumW[2], 1e-9 * sum);
        Assert.Equal(sum, r.Universe("flux", 7).Histograms1D[0].Integral(includeFlow: true), 1e-9 * sum);
    }

    [Fact]
    public void FinalOnly_AskingForAYieldNotComputed_SaysWhy()
    {
        var kernel = new FinalOnlySelection.Kernel();
        var r = kernel.CreateResult();
        kernel.Process(RandomBatch(300, seed: 8), r);
        var flow = r.Universe("flux", 0).CutFlow;
        Assert.Equal(flow.SumW[2], flow.Yield(2));
        Assert.Equal(flow.Passed[1], flow.Yield(1, weighted: false));
        var ex = Assert.Throws<InvalidOperationException>(() => flow.Yield(1));
        Assert.Contains("VariationCutFlow.FinalOnly", ex.Message);
        Assert.Contains("after step 1", ex.Message);
        Assert.Throws<InvalidOperationException>(() => flow.YieldAllOthers(2));
        Assert.Throws<InvalidOperationException>(() => NuMM.Runtime.Systematics.UniverseSpread.OfEventCount(r, "flux", step: 1));
        Assert.True(NuMM.Runtime.Systematics.UniverseSpread.OfEventCount(r, "flux").StandardDeviation[0] > 0);
    }

    [Fact]
    public void FinalOnly_NonFiniteFactor_NamesTheSystematicAndTheUniverse()
    {
        var batch = RandomBatch(64, seed: 3);
        int row = -1;
        for (int i = 0; i < batch.Length && row < 0; i++)
            if (batch.E[i] > 1f && batch.Response[i] < 0.9) row = i;
        Assert.True(row >= 0);
        batch.Flux[5 * batch.Capacity + row] = float.PositiveInfinity;
        foreach (int bits in new[] { 512, 256, 128, 0 })
        {
            var kernel = new FinalOnlySelection.Kernel { MaxVectorBits = bits };
            var ex = Assert.Throws<InvalidDataException>(() => kernel.Process(batch, kernel.CreateResult()));
            Assert.Contains("'flux' (universe 5)", ex.Message);
            Assert.Contains($"rows {row}..{row}", ex.Message);
        }
    }

    [Fact]
    public void FinalOnly_NotComputedLevels_SurviveJsonAndMerge()
    {
        var kernel = new FinalOnlySelection.Kernel();
        var a = kernel.CreateResult();
        kernel.Process(RandomBatch(500, seed: 11), a);
        var b = kernel.CreateResult();
        kernel.Process(RandomBatch(700, seed: 12), b);
        var json = AnalysisResultJson.ToJson(a);
        var back = AnalysisResultJson.FromJson(json);
        var u = back.Universe("flux", 3).CutFlow;
        Assert.True(double.IsNaN(u.SumW[0]) && double.IsNaN(u.SumWAllOthers[1]));
        Assert.Equal(a.Universe("flux", 3).CutFlow.SumW[2], u.SumW[2]);
        a.Add(b);
        Assert.True(double.IsNaN(a.Universe("flux", 3).CutFlow.SumW[1]));
        Assert.False(double.IsNaN(a.Universe("flux", 3).CutFlow.SumW[2]));
    }

    // The final-only cells stay in the kernel's buffer between calls (ParkedCells). Whatever touches a variation
    // histogram in between — a reference held from before the first call, a fill, a scale, a reset, a merge, JSON — must
    // see and act on the current cells, exactly as with the full-cut-flow analysis (which keeps no cells parked).
    [Theory]
    [MemberData(nameof(Widths))]
    public void FinalOnly_ParkedCells_AreCurrentForEveryAccessBetweenCalls(int bits)
    {
        var final = new FinalOnlySelection.Kernel { MaxVectorBits = bits };
        var full = new FullFlowSelection.Kernel { MaxVectorBits = bits };
        var rf = final.CreateResult();
        var rF = full.CreateResult();
        // References taken before any call, kept across all of them.
        var hf = rf.Universe("flux", 9).Histograms1D[0];
        var hF = rF.Universe("flux", 9).Histograms1D[0];
        var steps = new (string What, Action<AnalysisResult> Do)[]
        {
            ("read a held reference", r => { }),
            ("fill by hand", r => r.Universe("flux", 4).Histograms1D[0].Fill(2.5, 3.0)),
            ("scale", r => r.Universe("flux", 9).Histograms1D[0].Scale(0.5)),
            ("reset everything", r => r.Reset()),
            ("add a copy of itself", r => r.Add(AnalysisResultJson.FromJson(AnalysisResultJson.ToJson(r)))),
            ("nothing", r => { }),
        };
        int seed = 400;
        string previous = "start";
        foreach (var (what, act) in steps.Append(("end", _ => { })))
        {
            foreach (int n in new[] { 33, 1100 })
            {
                var batch = RandomBatch(n, seed: seed++);
                final.Process(batch, rf);
                full.Process(batch, rF);
            }
            Assert.True(hF.SumW.SequenceEqual(hf.SumW) && hF.SumW2.SequenceEqual(hf.SumW2), $"bits={bits} after '{previous}' and two calls: held reference differs");
            for (int v = 0; v < rf.Variations.Count; v++)
            {
                var label = rf.Variations[v].Label;
                if (rf.Variations[v].Systematic is "full knob" or "scale") VariationTests.Identical(rF.Variations[v].Result, rf.Variations[v].Result, $"bits={bits} after '{previous}' {label}");
                else FinalLevelIdentical(rF.Variations[v].Result, rf.Variations[v].Result, $"bits={bits} after '{previous}' {label}");
            }
            act(rf);
            act(rF);
            Assert.True(hF.SumW.SequenceEqual(hf.SumW) && hF.SumW2.SequenceEqual(hf.SumW2), $"bits={bits} right after '{what}': held reference differs");
            previous = what;
        }
        Assert.True(hf.Integral(includeFlow: true) > 0, "the test data must select events");
    }

    /// <summary>A kernel with only final-only variations (queue in <c>Process</c>, values binned in the drain, padded
    /// runs): the vector path at every width equals its scalar twin to the bit, nominal and every variation, over
    /// batches whose passing events fill the queue many times (E out of range and NaN included).</summary>
    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    public void PureFinalOnly_VectorEqualsScalarTwin(int bits)
    {
        var vector = new FinalOnlyPure.Kernel { MaxVectorBits = bits };
        var scalar = new FinalOnlyPure.Kernel();
        var rv = vector.CreateResult();
        var rs = scalar.CreateResult();
        for (int b = 0; b < 3; b++)
        {
            var batch = RandomBatch(3000 + 17 * b, seed: 40 + b);
            for (int i = 0; i < batch.Length; i += 97) batch.E[i] = float.NaN; // fails cut 1; NaN is overflow elsewhere
            vector.Process(batch, rv);
            scalar.ProcessScalar(batch, rs);
        }
        Assert.True(rs.CutFlow.Passed[^1] > 3 * 256, "the queue must fill more than once per batch");
        VariationTests.AllIdentical(rs, rv, $"bits={bits}");
        Assert.True(rv.Histograms2D[0].SumW2.ToArray().Zip(rv.Histograms2D[0].SumW.ToArray()).Any(p => p.First != p.Second), "weights other than 1");
    }

    /// <summary>The same kernel: an infinite universe factor of an early passing event is the error reported, though a
    /// NaN weight in a later block is met first by the vector loop (Process drains its queue before rethrowing).</summary>
    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    public void PureFinalOnly_AnEarlierEventsErrorWins(int bits)
    {
        var batch = RandomBatch(2000, seed: 7);
        int first = -1, later = -1;
        for (int i = 0; i < batch.Length; i++)
        {
            bool pass = batch.E[i] > 1f && batch.Response[i] < 0.9;
            if (pass && first < 0) first = i;
            if (first >= 0 && i >= first + 100 && later < 0) later = i;
        }
        Assert.True(first >= 0 && later > 0);
        batch.Flux[5 * batch.Capacity + first] = float.PositiveInfinity;
        batch.W[later] = float.NaN;
        var k = new FinalOnlyPure.Kernel { MaxVectorBits = bits };
        var ex = Assert.Throws<InvalidDataException>(() => k.Process(batch, k.CreateResult()));
        Assert.Contains("'flux' (universe 5)", ex.Message);
        Assert.Contains($"rows {first}..{first}", ex.Message);
    }
}
