using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>Array columns (<see cref="ColumnInfo.Length"/> &gt; 1) filled from ROOT fixed-size array branches (<c>w[N]/F</c>) and
/// from counted branches whose every entry holds N values. Batches store value k of event i at k × capacity + i.</summary>
public sealed class RootArrayColumnTests
{
    private static ColumnInfo Col(string name, ColumnType type, int length, string? source = null, bool finite = false) =>
        new(name, type, "", source ?? name, finite, length);

    /// <summary>Reads every batch and returns, per column, values[entry][k] (as double).</summary>
    private static List<double[]>[] ReadAll(IBatchSource<DynamicColumnBatch> source, ColumnInfo[] cols, int capacity)
    {
        var result = cols.Select(_ => new List<double[]>()).ToArray();
        var batch = new DynamicColumnBatch(cols, capacity);
        while (source.ReadNext(batch))
            for (int c = 0; c < cols.Length; c++)
                for (int i = 0; i < batch.Length; i++)
                    result[c].Add(Enumerable.Range(0, cols[c].Length).Select(k => Value(batch, c, k * capacity + i)).ToArray());
        return result;
    }

    private static double Value(DynamicColumnBatch b, int c, int at) => b.Columns[c].Type switch
    {
        ColumnType.Boolean => b.Column<bool>(c)[at] ? 1 : 0,
        ColumnType.Int32 => b.Column<int>(c)[at],
        ColumnType.Int64 => b.Column<long>(c)[at],
        ColumnType.UInt64 => b.Column<ulong>(c)[at],
        ColumnType.Single => b.Column<float>(c)[at],
        ColumnType.Double => b.Column<double>(c)[at],
        _ => throw new NotSupportedException(),
    };

    [Theory]
    [MemberData(nameof(RootTestFiles.Sample), MemberType = typeof(RootTestFiles))]
    public void FixedArrayBranches_IntoArrayColumns_MatchUprootTruth(string file)
    {
        var t = RootTestFiles.OpenTree(file, "sample", out var f);
        using (f)
        {
            ColumnInfo[] cols =
            [
                Col("n", ColumnType.Int32, 1),
                Col("ai4", ColumnType.Int32, 3),
                Col("wide", ColumnType.Int64, 3, source: "ai2"),     // int16 widened
                Col("au8", ColumnType.UInt64, 3),
                Col("ab", ColumnType.Boolean, 3),
                Col("af4", ColumnType.Single, 3, finite: true),
                Col("af8", ColumnType.Double, 3),
            ];
            // 30 entries in batches of 7: four full batches and a short one, so every value lands at k × 7 + i.
            var got = ReadAll(t.OpenBatches<DynamicColumnBatch>(cols), cols, 7);
            Assert.All(got, c => Assert.Equal(30, c.Count));
            for (int i = 0; i < 30; i++)
            {
                // uproot5 tests/test_0023-ttree-versions.py (commit 67c0e6a8): truth["ai4"] = [i−14, i−13, i−12] (lines 556–587),
                // "ai2" the same in int16, "au8" [i+1, i+2, i+3] (lines 812 onward), "ab" [F,T,F] on even entries, [T,F,T] on odd
                // (lines 76–107), "af8" = f8 of entries i+1, i+2, i+3 with f8[j] = j − 14.9 (lines 1036–1067), "af4" the same in float32.
                Assert.Equal(i % 5, got[0][i][0]);
                Assert.Equal([i - 14, i - 13, i - 12], got[1][i]);
                Assert.Equal([i - 14, i - 13, i - 12], got[2][i]);
                Assert.Equal([i + 1, i + 2, i + 3], got[3][i]);
                Assert.Equal(i % 2 == 0 ? [0, 1, 0] : [1.0, 0, 1], got[4][i]);
                Assert.Equal(Enumerable.Range(1, 3).Select(k => (double)(float)(i + k - 14.9)), got[5][i]);
                Assert.Equal(Enumerable.Range(1, 3).Select(k => i + k - 14.9), got[6][i]);
            }
        }
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(false, 64)]
    public void FixedArray_AcrossDiskAndEmbeddedBaskets_LandsElementMajor(bool large, int capacity)
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(large), "synthetic.root");
        var t = f.GetTree("dir/sub/t");
        Assert.Equal(RootArrayKind.Fixed, t.GetBranch("w").Kind);
        ColumnInfo[] cols = [Col("w", ColumnType.Double, 4), Col("x", ColumnType.Int32, 1)];
        var got = ReadAll(t.OpenBatches<DynamicColumnBatch>(cols), cols, capacity);
        for (int i = 0; i < 5; i++)
            Assert.Equal(Enumerable.Range(0, 4).Select(k => (double)SyntheticRootFile.WValue(i, k)), got[0][i]);
        Assert.Equal([10.0, 20, 30, 40, 50], got[1].Select(v => v[0]));
    }

    [Fact]
    public void FixedArray_NonFiniteInFiniteColumn_NamesFileBranchEntryAndValue()
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(false), "synthetic.root");
        var t = f.GetTree("dir/sub/t");
        ColumnInfo[] cols = [Col("w", ColumnType.Single, 4, finite: true)];
        var source = t.OpenBatches<DynamicColumnBatch>(cols);
        var batch = new DynamicColumnBatch(cols, 2);
        Assert.True(source.ReadNext(batch)); // entries 0, 1
        var e = Assert.Throws<DataFormatException>(() => source.ReadNext(batch));
        Assert.Equal("synthetic.root", e.File);
        Assert.Equal("t/w", e.ObjectName);
        Assert.Equal(3, e.Entry);
        Assert.Contains("Column 'w' requires finite values but branch 'w' holds NaN as value 2 of 4", e.Message);
    }

    /// <summary>The HZZ muon arrays are counted by NMuon; over a run of entries that all hold two muons they fill an
    /// array column of two values, and agree with the jagged read.</summary>
    [Fact]
    public void CountedBranch_ConstantCountOverRange_FillsArrayColumn()
    {
        var t = RootTestFiles.OpenTree("uproot-HZZ.root", "events", out var f);
        using (f)
        {
            var nMuon = t.GetBranch("NMuon").Read<int>();
            var px = t.GetBranch("Muon_Px").ReadJagged<float>();
            var e = t.GetBranch("Muon_E").ReadJagged<float>();
            var (bestStart, bestLength) = RootTestFiles.LongestRun(nMuon, 2); // consecutive two-muon entries
            Assert.True(bestLength >= 5, $"the longest two-muon run has {bestLength} entries; the test would not be telling");
            ColumnInfo[] cols = [Col("px", ColumnType.Single, 2, source: "Muon_Px"), Col("e", ColumnType.Double, 2, source: "Muon_E")];
            var got = ReadAll(t.OpenBatches<DynamicColumnBatch>(cols, firstEntry: bestStart, stopEntry: bestStart + bestLength), cols, 3);
            Assert.Equal(bestLength, got[0].Count);
            for (int i = 0; i < bestLength; i++)
            {
                Assert.Equal(px[bestStart + i].ToArray().Select(v => (double)v), got[0][i]);
                Assert.Equal(e[bestStart + i].ToArray().Select(v => (double)v), got[1][i]);
            }
        }
    }

    [Fact]
    public void CountedBranch_CountDiffers_ErrorNamesFileBranchAndEntry()
    {
        var t = RootTestFiles.OpenTree("uproot-sample-6.20.04-zlib.root", "sample", out var f);
        using (f)
        {
            // truth["Ai4"]: entry i holds i % 5 values, so entry 4 holds 4 and entry 5 none.
            ColumnInfo[] cols = [Col("a", ColumnType.Int32, 4, source: "Ai4")];
            var ok = ReadAll(t.OpenBatches<DynamicColumnBatch>(cols, firstEntry: 4, stopEntry: 5), cols, 8);
            Assert.Equal([-15.0, -13, -11, -9], ok[0][0]); // block 0: −15, −13, … (step 2)
            var source = t.OpenBatches<DynamicColumnBatch>(cols, firstEntry: 4, stopEntry: 10);
            var e = Assert.Throws<DataFormatException>(() => source.ReadNext(new DynamicColumnBatch(cols, 8)));
            Assert.Equal(RootTestFiles.Get("uproot-sample-6.20.04-zlib.root"), e.File);
            Assert.Equal("sample/Ai4", e.ObjectName);
            Assert.Equal(5, e.Entry);
            Assert.Contains("Array column 'a' needs 4 values in every entry of counted branch 'Ai4' (count from 'n'), but this entry holds 0 values", e.Message);
        }
    }

    [Fact]
    public void Plan_ShapeMismatches_AllListedInOneCheck()
    {
        var t = RootTestFiles.OpenTree("uproot-sample-6.20.04-zlib.root", "sample", out var f);
        using (f)
        {
            var problems = t.CheckColumns(
            [
                Col("fromScalar", ColumnType.Int32, 3, source: "i4"),
                Col("wrongLength", ColumnType.Int32, 4, source: "ai4"),
                Col("oneElement", ColumnType.Int32, 3, source: "ai4[1]"),
                Col("counted", ColumnType.Int32, 1, source: "Ai4"),
                Col("fine", ColumnType.Int32, 3, source: "ai4"),
                Col("countedArray", ColumnType.Int32, 2, source: "Ai4"),
            ]);
            Assert.Equal(4, problems.Count);
            Assert.Contains("column 'fromScalar'", problems[0]);
            Assert.Contains("a scalar branch (one value per entry) cannot fill an array column of 3 values per event", problems[0]);
            Assert.Contains("the branch holds 3 values per entry, the column 4", problems[1]);
            Assert.Contains("'ai4[1]' names one element; map it to the whole branch 'ai4'", problems[2]);
            Assert.Contains("declare an array column [Column(Length = N)] when every entry holds N values", problems[3]);
        }
    }
}
