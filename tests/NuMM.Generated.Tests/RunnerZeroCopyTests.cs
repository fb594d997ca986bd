using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>The runner processes the batches of a zero-copy source (<see cref="IBatchViewSource{TBatch}"/>, such as
/// <see cref="ArrayBatchSource{TBatch}"/>) where they are: no batch of its own is made, nothing is written into the
/// source's batches, and the result equals that of the same batches copied into the runner's own.</summary>
public class RunnerZeroCopyTests
{
    /// <summary>The copying path: a source that only offers ReadNext.</summary>
    private sealed class CopyingSource(ArrayBatchSource<ArrayEvent.Batch> inner) : IBatchSource<ArrayEvent.Batch>
    {
        public bool ReadNext(ArrayEvent.Batch batch) => inner.ReadNext(batch);
    }

    private static List<ArrayEvent.Batch> Batches()
    {
        var list = new List<ArrayEvent.Batch>();
        for (int b = 0; b < 6; b++)
        {
            var rng = new Random(500 + b);
            int n = 700 + 111 * b;
            var batch = new ArrayEvent.Batch(n + 5);
            for (int i = 0; i < n; i++)
            {
                batch.E[i] = (float)(9 * rng.NextDouble() - 0.5);
                batch.W[i] = 0.2f + 1.8f * (float)rng.NextDouble();
                for (int k = 0; k < 12; k++) batch.Flux[k * batch.Capacity + i] = 0.8f + 0.4f * (float)rng.NextDouble();
                for (int k = 0; k < 3; k++) batch.Response[k * batch.Capacity + i] = rng.NextDouble();
            }
            batch.Length = n;
            list.Add(batch);
        }
        return list;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ZeroCopy_EqualsCopying_AndNeverMakesABatch(int threads)
    {
        var batches = Batches();
        var before = batches.Select(b => (b.E.ToArray(), b.Flux.ToArray(), b.Length)).ToList();
        var options = new RunOptions { MaxThreads = threads };
        var views = AnalysisRunner.Run(new FinalOnlySelection.Kernel(), new ArrayBatchSource<ArrayEvent.Batch>(batches),
            () => throw new InvalidOperationException("a zero-copy run must not make batches"), options);
        var copied = AnalysisRunner.Run(new FinalOnlySelection.Kernel(), new CopyingSource(new ArrayBatchSource<ArrayEvent.Batch>(batches)),
            () => new ArrayEvent.Batch(2000), options);
        VariationTests.Identical(copied, views, $"threads={threads} nominal");
        for (int v = 0; v < views.Variations.Count; v++)
            VariationTests.Identical(copied.Variations[v].Result, views.Variations[v].Result, $"threads={threads} {views.Variations[v].Label}");
        for (int b = 0; b < batches.Count; b++)
        {
            Assert.Equal(before[b].Length, batches[b].Length);
            Assert.True(before[b].Item1.SequenceEqual(batches[b].E), $"batch {b}: column E was written");
            Assert.True(before[b].Item2.SequenceEqual(batches[b].Flux), $"batch {b}: column Flux was written");
        }
    }
}
