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
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void EmbeddedBaskets_FollowTheDiskBaskets(bool large, bool displacement)
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(large, displacement), "synthetic.root");
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
    public void LeafListBranch_ReadsEachLeafAsBranchDotLeaf()
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(false), "synthetic.root");
        var t = f.GetTree("dir/sub/t");
        var p = t.GetBranch("p");
        Assert.False(p.IsReadable);
        Assert.Contains("'p.x', 'p.y', 'p.z'", p.UnsupportedReason);
        // Entry e holds x = 1.5·e, y = −7·e, z = e − 2 (see SyntheticRootFile); entries 3 and 4 are in the embedded basket.
        Assert.Equal([0.0, 1.5, 3.0, 4.5, 6.0], t.GetBranch("p.x").Read<double>());
        Assert.Equal([0, -7, -14, -21, -28], t.GetBranch("p.y").Read<int>());
        Assert.Equal(new sbyte[] { -2, -1, 0, 1, 2 }, t.GetBranch("p.z").Read<sbyte>());
        Assert.Equal("p", t.GetBranch("p.y").LeafListBranch);
        Assert.Equal(RootLeafType.Float64, t.GetBranch("p.x").LeafType);

        var cols = new[]
        {
            new NuMM.Runtime.Data.ColumnInfo("z", NuMM.Runtime.Data.ColumnType.Int32, "", "p.z", false),
            new NuMM.Runtime.Data.ColumnInfo("x", NuMM.Runtime.Data.ColumnType.Double, "", "p.x", false),
        };
        var src = t.OpenBatches<NuMM.Runtime.Data.Batches.DynamicColumnBatch>(cols);
        var batch = new NuMM.Runtime.Data.Batches.DynamicColumnBatch(cols, 4);
        var zs = new List<int>();
        var xs = new List<double>();
        while (src.ReadNext(batch))
        {
            zs.AddRange(batch.Column<int>(0)[..batch.Length].ToArray());
            xs.AddRange(batch.Column<double>(1)[..batch.Length].ToArray());
        }
        Assert.Equal([-2, -1, 0, 1, 2], zs);
        Assert.Equal([0.0, 1.5, 3.0, 4.5, 6.0], xs);
        var ex = Assert.Throws<NuMM.Runtime.Data.DataFormatException>(() => p.Read<double>());
        Assert.Contains("leaf-list", ex.Message);
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
