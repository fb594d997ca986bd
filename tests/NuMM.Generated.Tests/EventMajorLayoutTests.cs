using NuMM.Dsl;
using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>Array columns declared <c>Layout = ArrayLayout.EventMajor</c>: the same values as the element-major twin
/// through every access (the event struct's <c>FixedArray</c>, <c>Set</c>, <c>ValidateFinite</c>, the vector kernels'
/// strided gathers, the final-only queue), so every result is bit-identical to the element-major analysis.</summary>
public class EventMajorLayoutTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    /// <summary>The same random events in both layouts; capacities larger than the length so strides differ from it.</summary>
    private static (ArrayEventEm.Batch Em, ArrayEventElem.Batch Elem) Batches(int length, int seed)
    {
        var rng = new Random(seed);
        var em = new ArrayEventEm.Batch(length + 7);
        var elem = new ArrayEventElem.Batch(length + 7);
        for (int i = 0; i < length; i++)
        {
            float e = (float)(9 * rng.NextDouble() - 0.5), w = 0.2f + 1.8f * (float)rng.NextDouble();
            em.E[i] = elem.E[i] = e;
            em.W[i] = elem.W[i] = w;
            for (int k = 0; k < 12; k++) em.Flux[i * 12 + k] = elem.Flux[k * elem.Capacity + i] = 0.8f + 0.4f * (float)rng.NextDouble();
            for (int k = 0; k < 3; k++) em.Response[i * 3 + k] = elem.Response[k * elem.Capacity + i] = rng.NextDouble();
            for (int k = 0; k < 5; k++) em.Flags[i * 5 + k] = elem.Flags[k * elem.Capacity + i] = rng.Next(2) == 1;
            for (int k = 0; k < 4; k++) em.Checked[i * 4 + k] = elem.Checked[k * elem.Capacity + i] = (float)rng.NextDouble();
        }
        em.Length = elem.Length = length;
        return (em, elem);
    }

    [Fact]
    public void Schema_DeclaresTheLayout_AndTheEventSeesTheSameValues()
    {
        Assert.Equal(ArrayLayout.EventMajor, ArrayEventEm.Batch.Schema[2].Layout);
        Assert.True(ArrayEventEm.Batch.Schema[2].IsEventMajor);
        Assert.False(ArrayEventElem.Batch.Schema[2].IsEventMajor);
        Assert.Equal(5 * 12 + 7, ArrayEventEm.Batch.Schema[2].IndexOf(capacity: 100, row: 5, k: 7));
        Assert.Equal(7 * 100 + 5, ArrayEventElem.Batch.Schema[2].IndexOf(capacity: 100, row: 5, k: 7));
        var (em, elem) = Batches(40, seed: 1);
        for (int i = 0; i < em.Length; i++)
        {
            ArrayEventEm a = em[i];
            ArrayEventElem b = elem[i];
            for (int k = 0; k < 12; k++) Assert.Equal(b.Flux[k], a.Flux[k]);
            for (int k = 0; k < 3; k++) Assert.Equal(b.Response[k], a.Response[k]);
            for (int k = 0; k < 5; k++) Assert.Equal(b.Flags[k], a.Flags[k]);
        }
        // Set writes an event back into its own layout.
        var copy = new ArrayEventEm.Batch(em.Capacity);
        for (int i = 0; i < em.Length; i++) copy.Set(i, em[i]);
        copy.Length = em.Length;
        Assert.True(em.Flux.AsSpan(0, em.Length * 12).SequenceEqual(copy.Flux.AsSpan(0, em.Length * 12)));
        Assert.True(em.Flags.AsSpan(0, em.Length * 5).SequenceEqual(copy.Flags.AsSpan(0, em.Length * 5)));
    }

    [Fact]
    public void ValidateFinite_NamesValueAndRow_InTheEventMajorLayout()
    {
        var (em, _) = Batches(30, seed: 2);
        em.ValidateFinite();
        em.Checked[17 * 4 + 3] = float.NaN;
        var ex = Assert.Throws<InvalidDataException>(em.ValidateFinite);
        Assert.Contains("value 3 of row 17", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FullCutFlowVariations_EventMajorEqualsElementMajor(int bits)
    {
        foreach (int n in new[] { 0, 1, 15, 16, 17, 33, 1500, 4099 })
        {
            var (em, elem) = Batches(n, seed: 100 + n);
            var k1 = new EventMajorSelection.Kernel { MaxVectorBits = bits };
            var r1 = k1.CreateResult();
            k1.Process(em, r1);
            var k2 = new ElementMajorSelection.Kernel { MaxVectorBits = bits };
            var r2 = k2.CreateResult();
            k2.Process(elem, r2);
            VariationTests.AllIdentical(r2, r1, $"n={n} bits={bits}");
            var twin = k1.CreateResult();
            k1.ProcessScalar(em, twin);
            VariationTests.AllIdentical(twin, r1, $"n={n} bits={bits} twin");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FinalOnlyVariations_EventMajorEqualsElementMajor_AcrossBatches(int bits)
    {
        var k1 = new EventMajorFinalOnly.Kernel { MaxVectorBits = bits };
        var k2 = new ElementMajorFinalOnly.Kernel { MaxVectorBits = bits };
        var r1 = k1.CreateResult();
        var r2 = k2.CreateResult();
        foreach (int n in new[] { 5000, 0, 17, 3001 }) // thousands of passing events: the queue fills and drains many times
        {
            var (em, elem) = Batches(n, seed: 7 * n + 1);
            k1.Process(em, r1);
            k2.Process(elem, r2);
        }
        VariationTests.AllIdentical(r2, r1, $"bits={bits}");
        Assert.True(r1.CutFlow.Passed[^1] > 1000);
    }

    [Fact]
    public void Runner_EventMajorFinalOnly_AnyThreadCount_EqualsOneThread()
    {
        var batches = Enumerable.Range(0, 7).Select(b => Batches(1500 + 37 * b, seed: b).Em).ToArray();
        var one = AnalysisRunner.Run(new EventMajorFinalOnly.Kernel(), new ArrayBatchSource<ArrayEventEm.Batch>(batches), () => new ArrayEventEm.Batch(2000), new RunOptions { MaxThreads = 1 });
        foreach (int threads in new[] { 2, 3 })
        {
            var many = AnalysisRunner.Run(new EventMajorFinalOnly.Kernel(), new ArrayBatchSource<ArrayEventEm.Batch>(batches), () => new ArrayEventEm.Batch(2000), new RunOptions { MaxThreads = threads });
            VariationTests.AllIdentical(one, many, $"threads={threads}");
        }
    }

    /// <summary>The vector path queues passing events for the final-only variations. An error in a later block (here a
    /// NaN event weight) must not hide the error of an earlier queued event (an infinite universe factor): event by event,
    /// the C# meets the earlier one first.</summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void FinalOnlyQueue_AnEarlierEventsErrorWins(int bits)
    {
        foreach (bool eventMajor in new[] { true, false })
        {
            var (em, elem) = Batches(400, seed: 11);
            int first = -1, later = -1;
            for (int i = 0; i < em.Length; i++)
            {
                bool pass = em.E[i] > 1f && em.Response[i * 3] < 0.9;
                if (pass && first < 0) first = i;
                if (first >= 0 && i >= first + 100 && later < 0) later = i;
            }
            Assert.True(first >= 0 && later > 0);
            em.Flux[first * 12 + 4] = float.PositiveInfinity;
            elem.Flux[4 * elem.Capacity + first] = float.PositiveInfinity;
            em.W[later] = float.NaN;
            elem.W[later] = float.NaN;
            var ex = eventMajor
                ? Assert.Throws<InvalidDataException>(() => { var k = new EventMajorFinalOnly.Kernel { MaxVectorBits = bits }; k.Process(em, k.CreateResult()); })
                : Assert.Throws<InvalidDataException>(() => { var k = new ElementMajorFinalOnly.Kernel { MaxVectorBits = bits }; k.Process(elem, k.CreateResult()); });
            Assert.Contains("'flux' (universe 4)", ex.Message);
            Assert.Contains($"rows {first}..{first}", ex.Message);
        }
    }
}
