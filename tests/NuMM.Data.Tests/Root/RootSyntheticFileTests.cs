using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>Nested directories, 64-bit seek pointers and embedded baskets, on files written by <see cref="SyntheticRootFile"/>.</summary>
public sealed class RootSyntheticFileTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NestedDirectories_SmallAndLargeFormat_ListAndOpenTheTree(bool large)
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(large), large ? "synthetic-large.root" : "synthetic.root");
        Assert.Equal(large, f.IsLargeFile);
        Assert.Equal(62206, f.Version);
        var top = Assert.Single(f.Keys);
        Assert.True(top.IsDirectory);
        Assert.Equal("dir", top.Name);
        var dir = Assert.Single(f.Root.Directories());
        Assert.Equal("dir", dir.Path);
        var sub = f.Root.GetDirectory("dir/sub");
        Assert.Equal("dir/sub", sub.Path);
        var key = Assert.Single(sub.Keys);
        Assert.Equal("dir/sub/t", key.Path);
        Assert.Equal(["dir/sub/t"], f.TreePaths());
        var t = f.GetTree("dir/sub/t");
        Assert.Equal(5, t.Entries);
        Assert.Throws<KeyNotFoundException>(() => f.Root.GetDirectory("dir/nope"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EmbeddedBaskets_FollowTheDiskBaskets(bool large)
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(large), "synthetic.root");
        var t = f.GetTree("dir/sub/t;1");
        var x = t.GetBranch("x");
        Assert.Equal(2, x.BasketCount);
        Assert.Equal([10, 20, 30, 40, 50], x.Read<int>());
        Assert.Equal(["p", "qq", "", "ab", "c"], t.GetBranch("s").ReadStrings());
        // The batch source crosses from the disk basket into the embedded one.
        var cols = new[] { new NuMM.Runtime.Data.ColumnInfo("x", NuMM.Runtime.Data.ColumnType.Int64, "", "x", false) };
        var src = t.OpenBatches<NuMM.Runtime.Data.Batches.DynamicColumnBatch>(cols);
        var batch = new NuMM.Runtime.Data.Batches.DynamicColumnBatch(cols, 2);
        var got = new List<long>();
        while (src.ReadNext(batch)) got.AddRange(batch.Column<long>(0)[..batch.Length].ToArray());
        Assert.Equal([10L, 20, 30, 40, 50], got);
    }

    [Fact]
    public void SplitObjectBranch_IsListedButRefusedByName()
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(false), "synthetic.root");
        var t = f.GetTree("dir/sub/t");
        var obj = t.GetBranch("obj");
        Assert.Equal("TBranchElement", obj.ClassName);
        Assert.False(obj.IsReadable);
        Assert.Contains("split-object branch (TBranchElement of class 'MyEvent')", obj.UnsupportedReason);
        var ex = Assert.Throws<NuMM.Runtime.Data.DataFormatException>(() => obj.Read<int>());
        Assert.Equal("t/obj", ex.ObjectName);
        Assert.Contains("MyEvent", ex.Message);
        var problems = t.CheckColumns([new NuMM.Runtime.Data.ColumnInfo("o", NuMM.Runtime.Data.ColumnType.Int32, "", "obj", false)]);
        Assert.Contains("split-object", Assert.Single(problems));
    }
}
