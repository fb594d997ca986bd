using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Data;

public class BatchSourceTests
{
    [Fact]
    public void DelegateSource_FillsBatchesInIndexOrder_UpToCapacityOrMax()
    {
        var src = TestKernel.Source(25, maxBatch: 10);
        var b = TestKernel.NewBatch(16);
        var lengths = new List<int>();
        var ids = new List<long>();
        while (src.ReadNext(b)) { lengths.Add(b.Length); ids.AddRange(b.Column<long>(3)[..b.Length].ToArray()); }
        Assert.Equal([10, 10, 5], lengths);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), ids);
        Assert.False(src.ReadNext(b));
        src.Rewind();
        Assert.True(src.ReadNext(b));
        Assert.Equal(0, b.Column<long>(3)[0]);
    }

    [Fact]
    public void ArraySource_CopiesEachBatch_AndRunsLikeTheGenerator()
    {
        var batches = new List<DynamicColumnBatch>();
        var gen = TestKernel.Source(2500);
        while (true)
        {
            var b = TestKernel.NewBatch(300);
            if (!gen.ReadNext(b)) break;
            batches.Add(b);
        }
        var src = new ArrayBatchSource<DynamicColumnBatch>(batches);
        Assert.Equal(9, src.BatchCount);
        Assert.Equal(2500, src.EventCount);
        var fromArray = AnalysisRunner.Run(new TestKernel(), src, () => TestKernel.NewBatch(300), new RunOptions { MaxThreads = 2 });
        var fromGenerator = AnalysisRunner.Run(new TestKernel(), TestKernel.Source(2500), () => TestKernel.NewBatch(300), new RunOptions { MaxThreads = 1 });
        Assert.Equal(fromGenerator.CutFlow.Passed, fromArray.CutFlow.Passed);
        Assert.Equal(fromGenerator.CutFlow.SumW, fromArray.CutFlow.SumW);
        Assert.Equal(fromGenerator.Histogram1D("x").SumW.ToArray(), fromArray.Histogram1D("x").SumW.ToArray());
    }

    [Fact]
    public void ArraySource_BatchTooLargeOrDifferentColumns_ThrowsNamingBatch()
    {
        var big = TestKernel.NewBatch(50);
        big.Length = 50;
        var src = new ArrayBatchSource<DynamicColumnBatch>([big]);
        var e = Assert.Throws<ArgumentException>(() => src.ReadNext(TestKernel.NewBatch(10)));
        Assert.Contains("Batch 0", e.Message);
        var other = new DynamicColumnBatch([new ColumnInfo("x", ColumnType.Single, "", "x", false)], 50);
        var src2 = new ArrayBatchSource<DynamicColumnBatch>([other]);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => src2.ReadNext(TestKernel.NewBatch(50))).Message);
    }

    [Fact]
    public void BatchCopy_CopiesEveryColumnType()
    {
        var types = Enum.GetValues<ColumnType>();
        var cols = types.Select(t => new ColumnInfo(t.ToString(), t, "", t.ToString(), false)).ToArray();
        var a = new DynamicColumnBatch(cols, 4);
        var b = new DynamicColumnBatch(cols, 4);
        for (int c = 0; c < cols.Length; c++) a.ColumnBytes(c).Fill((byte)(c + 1));
        a.Length = 3;
        BatchCopy.Copy(a, b);
        Assert.Equal(3, b.Length);
        for (int c = 0; c < cols.Length; c++)
        {
            int size = DynamicColumnBatch.ElementSize(cols[c].Type);
            Assert.All(b.ColumnBytes(c)[..(3 * size)].ToArray(), v => Assert.Equal((byte)(c + 1), v));
            Assert.All(b.ColumnBytes(c)[(3 * size)..].ToArray(), v => Assert.Equal(0, v));
        }
    }

    [Fact]
    public void DelegateSource_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DelegateBatchSource<DynamicColumnBatch>(-1, (_, _, _) => { }));
}
