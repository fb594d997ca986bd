using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Parquet;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>End to end for array columns: a real ROOT file's fixed-size array branches read into a generated batch,
/// seen through the event's FixedArray views, written to a NuMM file and read back into the same batch type.</summary>
public class RootArrayToBatchTests
{
    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "root", name);

    // uproot5 tests/test_0023-ttree-versions.py (commit 67c0e6a8): n = i % 5; ai4 = [i−14, i−13, i−12];
    // af4 = float32(j − 14.9) for j = i+1, i+2, i+3; ab = [F,T,F] on even entries, [T,F,T] on odd.
    private static void AssertEvent(SampleArrayEvent e, int i)
    {
        Assert.Equal(i % 5, e.N);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(i - 14 + k, e.Ai4[k]);
            Assert.Equal((float)(i + 1 + k - 14.9), e.Af4[k]);
            Assert.Equal((i + k) % 2 == 1, e.Ab[k]);
        }
    }

    [Fact]
    public void RootFixedArrays_IntoGeneratedBatch_ThroughNuMMAndBack()
    {
        using var file = RootFile.Open(File("uproot-sample-6.20.04-zlib.root"));
        var tree = file.GetTree("sample");
        var source = tree.OpenBatches<SampleArrayEvent.Batch>(SampleArrayEvent.Batch.Schema);
        var batch = new SampleArrayEvent.Batch(8);
        string path = Path.Combine(Path.GetTempPath(), $"numm-arrays-{Guid.NewGuid():N}.numm");
        try
        {
            int i0 = 0;
            using (var writer = new ColumnarFileWriter(path, SampleArrayEvent.Batch.Schema, new ColumnarWriteOptions { RowGroupEntries = 12 }))
            {
                while (source.ReadNext(batch))
                {
                    for (int j = 0; j < batch.Length; j++) AssertEvent(batch[j], i0 + j);
                    writer.Write(batch);
                    i0 += batch.Length;
                }
                writer.Commit();
            }
            Assert.Equal(30, i0);

            using var reader = ColumnarFileReader.Open(path);
            var back = reader.OpenSource(SampleArrayEvent.Batch.Schema);
            var other = new SampleArrayEvent.Batch(7);
            i0 = 0;
            var kernel = new SampleArraySelection.Kernel();
            var result = kernel.CreateResult();
            while (back.ReadNext(other))
            {
                for (int j = 0; j < other.Length; j++) AssertEvent(other[j], i0 + j);
                kernel.Process(other, result);
                i0 += other.Length;
            }
            Assert.Equal(30, i0);
            Assert.Equal([30L, 18L], result.CutFlow.Passed); // n = i % 5 ≥ 2 for 3 of every 5 entries
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void RootFixedArrays_ThroughParquetListColumns_IntoGeneratedBatch()
    {
        // The ROOT branches af4[3], ai4[3], ab[3] as table columns (each entry's values together), written as Parquet
        // lists and read back into the generated batch's FixedArray columns.
        using var file = RootFile.Open(File("uproot-sample-6.20.04-zlib.root"));
        var source = file.GetTree("sample").OpenBatches<SampleArrayEvent.Batch>(SampleArrayEvent.Batch.Schema);
        var batch = new SampleArrayEvent.Batch(64);
        Assert.True(source.ReadNext(batch));
        Assert.Equal(30, batch.Length);
        var n = new int[30]; var af4 = new float[90]; var ai4 = new int[90]; var ab = new bool[90];
        for (int i = 0; i < 30; i++)
        {
            var e = batch[i];
            n[i] = e.N;
            for (int k = 0; k < 3; k++) { af4[i * 3 + k] = e.Af4[k]; ai4[i * 3 + k] = e.Ai4[k]; ab[i * 3 + k] = e.Ab[k]; }
        }
        string path = Path.Combine(Path.GetTempPath(), $"numm-arrays-{Guid.NewGuid():N}.parquet");
        try
        {
            ParquetTableWriter.Write(path,
            [
                new TableColumn(new ColumnInfo("n", ColumnType.Int32, "", "n", false), n),
                new TableColumn(new ColumnInfo("af4", ColumnType.Single, "", "af4", false, 3), af4),
                new TableColumn(new ColumnInfo("ai4", ColumnType.Int32, "", "ai4", false, 3), ai4),
                new TableColumn(new ColumnInfo("ab", ColumnType.Boolean, "", "ab", false, 3), ab),
            ], Exposure.None);
            using var parquet = ParquetFile.Open(path);
            Assert.Equal([1, 3, 3, 3], parquet.Columns.Select(c => c.Length));
            var back = parquet.OpenSource(SampleArrayEvent.Batch.Schema);
            var other = new SampleArrayEvent.Batch(7);
            int i0 = 0;
            while (back.ReadNext(other))
            {
                for (int j = 0; j < other.Length; j++) AssertEvent(other[j], i0 + j);
                i0 += other.Length;
            }
            Assert.Equal(30, i0);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
