using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>Generated batches of either layout filled from a file: a NuMM columnar file read into event-major
/// <see cref="ArrayEventEm"/> batches gives the same values, and the same analysis results, as read into its element-major
/// twin; batches of either layout written to a file give the same chunks.</summary>
public class EventMajorFileTests
{
    private const int Entries = 5000;

    /// <summary>Random events written through element-major batches of 700 into row groups of 1024.</summary>
    private static void Write(string path, bool eventMajor)
    {
        var rng = new Random(5);
        var schema = eventMajor ? ArrayEventEm.Batch.Schema : ArrayEventElem.Batch.Schema;
        using var writer = new ColumnarFileWriter(path, schema, new ColumnarWriteOptions { RowGroupEntries = 1024 });
        var em = new ArrayEventEm.Batch(700);
        var elem = new ArrayEventElem.Batch(700);
        for (int start = 0; start < Entries; start += 700)
        {
            int n = Math.Min(700, Entries - start);
            for (int i = 0; i < n; i++)
            {
                float e = (float)(9 * rng.NextDouble() - 0.5), w = 0.2f + 1.8f * (float)rng.NextDouble();
                em.E[i] = elem.E[i] = e;
                em.W[i] = elem.W[i] = w;
                for (int k = 0; k < 12; k++) em.Flux[i * 12 + k] = elem.Flux[k * 700 + i] = 0.8f + 0.4f * (float)rng.NextDouble();
                for (int k = 0; k < 3; k++) em.Response[i * 3 + k] = elem.Response[k * 700 + i] = rng.NextDouble();
                for (int k = 0; k < 5; k++) em.Flags[i * 5 + k] = elem.Flags[k * 700 + i] = rng.Next(2) == 1;
                for (int k = 0; k < 4; k++) em.Checked[i * 4 + k] = elem.Checked[k * 700 + i] = (float)rng.NextDouble();
            }
            em.Length = elem.Length = n;
            if (eventMajor) writer.Write(em); else writer.Write(elem);
        }
        writer.Commit();
    }

    [Fact]
    public void ColumnarFile_IntoGeneratedBatchesOfEitherLayout_SameEventsAndSameResults()
    {
        string dir = Path.Combine(Path.GetTempPath(), "numm-em-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "arrays.numm");
            Write(path, eventMajor: false);
            using var file = ColumnarFileReader.Open(path);
            // 999-event batches: every batch but the first starts inside a row group.
            var em = new ArrayEventEm.Batch(999);
            var elem = new ArrayEventElem.Batch(999);
            var a = file.OpenSource(ArrayEventEm.Batch.Schema);
            var b = file.OpenSource(ArrayEventElem.Batch.Schema);
            int seen = 0;
            while (a.ReadNext(em))
            {
                Assert.True(b.ReadNext(elem));
                Assert.Equal(elem.Length, em.Length);
                for (int i = 0; i < em.Length; i++)
                {
                    ArrayEventEm x = em[i];
                    ArrayEventElem y = elem[i];
                    Assert.Equal(y.E, x.E);
                    for (int k = 0; k < 12; k++) Assert.Equal(y.Flux[k], x.Flux[k]);
                    for (int k = 0; k < 3; k++) Assert.Equal(y.Response[k], x.Response[k]);
                    for (int k = 0; k < 5; k++) Assert.Equal(y.Flags[k], x.Flags[k]);
                    for (int k = 0; k < 4; k++) Assert.Equal(y.Checked[k], x.Checked[k]);
                }
                seen += em.Length;
            }
            Assert.Equal(Entries, seen);

            var r1 = AnalysisRunner.Run(new EventMajorFinalOnly.Kernel(), file.OpenSource(ArrayEventEm.Batch.Schema), () => new ArrayEventEm.Batch(999), new RunOptions { MaxThreads = 2 });
            var r2 = AnalysisRunner.Run(new ElementMajorFinalOnly.Kernel(), file.OpenSource(ArrayEventElem.Batch.Schema), () => new ArrayEventElem.Batch(999), new RunOptions { MaxThreads = 2 });
            VariationTests.Identical(r2, r1, "final-only");
            Assert.Equal(r2.Variations.Count, r1.Variations.Count);
            for (int v = 0; v < r2.Variations.Count; v++)
                VariationTests.Identical(r2.Variations[v].Result, r1.Variations[v].Result, r2.Variations[v].Label);
            Assert.Equal(Entries, r1.CutFlow.Passed[0]);

            // Written from event-major generated batches: the same chunks.
            string fromEm = Path.Combine(dir, "from-em.numm");
            Write(fromEm, eventMajor: true);
            using var other = ColumnarFileReader.Open(fromEm);
            Assert.Equal(file.RowGroupCount, other.RowGroupCount);
            for (int g = 0; g < file.RowGroupCount; g++)
                for (int c = 0; c < file.Columns.Count; c++)
                    Assert.Equal(file.GetChunk(g, c).Crc32C, other.GetChunk(g, c).Crc32C);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
