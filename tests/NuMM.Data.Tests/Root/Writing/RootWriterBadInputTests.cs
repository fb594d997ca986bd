using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root.Writing;
using static NuMM.Data.Tests.Root.Writing.WriterTestData;

namespace NuMM.Data.Tests.Root.Writing;

/// <summary>Bad names, types and batches are refused with messages that name the column, and an unfinished writer
/// leaves no file behind.</summary>
public sealed class RootWriterBadInputTests
{
    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("w[3]", "'['")]
    [InlineData("x:y", "':'")]
    [InlineData("", "is empty")]
    public void BranchNames_ThatRootWouldParse_AreRefused(string name, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => RootTreeWriter.Create(dir.File("x.root"), "t", [Column(name, ColumnType.Single)]));
        Assert.Contains(expected, e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void DuplicateBranch_IsRefused_NamingIt()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => RootTreeWriter.Create(dir.File("x.root"), "t", [Column("px", ColumnType.Single), Column("px", ColumnType.Double)]));
        Assert.Contains("'px' appears twice", e.Message);
    }

    [Fact]
    public void UnknownType_IsRefused_NamingTheColumn()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => RootTreeWriter.Create(dir.File("x.root"), "t", [Column("q", (ColumnType)99)]));
        Assert.Contains("Column 'q' has type 99", e.Message);
    }

    [Fact]
    public void BadTreeName_IsRefused()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => RootTreeWriter.Create(dir.File("x.root"), "a/b", [Column("x", ColumnType.Single)]));
        Assert.Contains("Tree name 'a/b'", e.Message);
    }

    [Fact]
    public void BatchWithOtherColumns_IsRefused_NamingBoth()
    {
        using var dir = new TempDirectory();
        using var w = RootTreeWriter.Create(dir.File("x.root"), "t", [Column("x", ColumnType.Single)]);
        var other = new DynamicColumnBatch([Column("x", ColumnType.Double)], 4);
        var e = Assert.Throws<ArgumentException>(() => w.Write(other));
        Assert.Contains("'x' (Double × 1)", e.Message);
        Assert.Contains("'x' (Single × 1)", e.Message);
    }

    [Fact]
    public void WriterDisposedWithoutClose_LeavesNoFile()
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("x", ColumnType.Single) };
        using (var w = RootTreeWriter.Create(dir.File("x.root"), "t", cols))
            w.Write(Batch(cols, 0, 10, 10));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void WriteAfterClose_Throws()
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("x", ColumnType.Single) };
        using var w = RootTreeWriter.Create(dir.File("x.root"), "t", cols);
        w.Close();
        Assert.Throws<InvalidOperationException>(() => w.Write(Batch(cols, 0, 1, 1)));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void WriteAll_CopiesASource()
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("x", ColumnType.Int32), Column("w", ColumnType.Double, 4) };
        var source = new NuMM.Runtime.Data.Sources.ArrayBatchSource<DynamicColumnBatch>([Batch(cols, 0, 5, 5), Batch(cols, 5, 3, 5)]);
        long n = RootTreeWriter.WriteAll(dir.File("all.root"), "t", source, new DynamicColumnBatch(cols, 5));
        Assert.Equal(8, n);
        using var f = NuMM.Runtime.Data.Root.RootFile.Open(dir.File("all.root"));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (int)Value(ColumnType.Int32, i, 0)), f.GetTree("t").GetBranch("x").Read<int>());
    }
}
