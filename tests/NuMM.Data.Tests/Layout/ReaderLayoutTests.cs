using NuMM.Data.Tests.Columnar;
using NuMM.Data.Tests.Root;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Numpy;
using NuMM.Runtime.Data.Parquet;
using NuMM.Runtime.Data.Root;
using static NuMM.Data.Tests.Layout.LayoutReading;

namespace NuMM.Data.Tests.Layout;

/// <summary>Every reader fills an array column in either <see cref="ArrayLayout"/>: the same file read into element-major
/// and into event-major batches gives the same value for every entry and element (read through
/// <see cref="ColumnInfo.IndexOf"/>), and both equal the file's closed-form truth. Capacities do not divide the entry
/// count or the file's own blocks (row groups, baskets), so runs start and end mid-batch.</summary>
public sealed class ReaderLayoutTests
{
    private static ColumnInfo Col(string name, ColumnType type, int length, string? source = null, bool finite = false) =>
        new(name, type, "", source ?? name, finite, length);

    // ---- NumPy: (N, L) arrays are stored entry-major, as an event-major column is. ----

    // make_npz.py (TestData/npz): flux[i, k] = float32(1 + ((7i + 13k) % 101) / 128), vtx_be[i, k] = i − 0.5k (big-endian
    // float64), grid[i, a, b] = int16(100a + 10b − i % 7), flattened in C order to k = 3a + b.
    private static float Flux(int i, int k) => (float)(1 + ((7 * i + 13 * k) % 101) / 128.0);
    private static double Vtx(int i, int k) => i - 0.5 * k;
    private static short Grid(int i, int k) => (short)(100 * (k / 3) + 10 * (k % 3) - i % 7);

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(333)]
    [InlineData(1000)]
    public void Numpy_BothLayouts_AgreeWithEachOtherAndTheClosedForms(int capacity)
    {
        using var npz = NumpyFile.Open(NumpyFileTestsPath("arrays.npz"));
        ColumnInfo[] schema =
        [
            Col("E", ColumnType.Single, 1),
            Col("flux", ColumnType.Single, 100, finite: true),
            Col("vtx", ColumnType.Double, 3, source: "vtx_be"),
            Col("grid", ColumnType.Int16, 6),
        ];
        var got = AssertLayoutsAgree(s => npz.OpenSource(s), schema, capacity);
        Assert.Equal(1000, Entries<float>(got[1], 100));
        for (int i = 0; i < 1000; i++)
        {
            for (int k = 0; k < 100; k++) Assert.Equal(Flux(i, k), At<float>(got[1], 100, i, k));
            for (int k = 0; k < 3; k++) Assert.Equal(Vtx(i, k), At<double>(got[2], 3, i, k));
            for (int k = 0; k < 6; k++) Assert.Equal(Grid(i, k), At<short>(got[3], 6, i, k));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(333)]
    public void Numpy_Converted_BothLayouts_Agree(int capacity)
    {
        using var npz = NumpyFile.Open(NumpyFileTestsPath("arrays.npz"));
        ColumnInfo[] schema = [Col("flux", ColumnType.Double, 100, finite: true), Col("grid", ColumnType.Int32, 6), Col("vtx", ColumnType.Single, 3, source: "vtx_be")];
        var got = AssertLayoutsAgree(s => npz.OpenSource(s, null, ColumnConversion.Any), schema, capacity);
        for (int i = 0; i < 1000; i++)
        {
            for (int k = 0; k < 100; k++) Assert.Equal(Flux(i, k), At<double>(got[0], 100, i, k));
            for (int k = 0; k < 6; k++) Assert.Equal(Grid(i, k), At<int>(got[1], 6, i, k));
            for (int k = 0; k < 3; k++) Assert.Equal((float)Vtx(i, k), At<float>(got[2], 3, i, k));
        }
    }

    /// <summary>make_npz.py: bad_nan is flux with element [517, 42] = NaN. The event-major read (one run of all values)
    /// names the same entry and element as the element-major one, with and without a conversion.</summary>
    [Theory]
    [InlineData(ColumnType.Single)]
    [InlineData(ColumnType.Double)]
    public void Numpy_EventMajor_NaNInFiniteColumn_NamesEntryAndValue(ColumnType type)
    {
        using var npz = NumpyFile.Open(NumpyFileTestsPath("arrays.npz"));
        ColumnInfo[] schema = [Col("flux", type, 100, source: "bad_nan", finite: true) with { Layout = ArrayLayout.EventMajor }];
        using var source = npz.OpenSource(schema, null, ColumnConversion.Any);
        var batch = new DynamicColumnBatch(schema, 200);
        var e = Assert.Throws<DataFormatException>(() => { while (source.ReadNext(batch)) { } });
        Assert.Equal(517, e.Entry);
        Assert.Equal("flux", e.ObjectName);
        Assert.Contains("Column 'flux' is declared finite but holds NaN (value 42 of 100 per entry).", e.Message);
    }

    private static string NumpyFileTestsPath(string name) => Numpy.NumpyFileTests.TestFile(name);

    // ---- ROOT: fixed arrays w[N] and counted branches of constant count, baskets entry-major. ----

    [Theory]
    [MemberData(nameof(RootTestFiles.Sample), MemberType = typeof(RootTestFiles))]
    public void Root_FixedArrayBranches_BothLayouts_AgreeWithUprootTruth(string file)
    {
        var t = RootTestFiles.OpenTree(file, "sample", out var f);
        using (f)
        {
            ColumnInfo[] schema =
            [
                Col("n", ColumnType.Int32, 1),
                Col("ai4", ColumnType.Int32, 3),
                Col("wide", ColumnType.Int64, 3, source: "ai2"),     // int16 widened
                Col("au8", ColumnType.UInt64, 3),
                Col("ab", ColumnType.Boolean, 3),
                Col("af4", ColumnType.Single, 3, finite: true),
                Col("af8", ColumnType.Double, 3),
                Col("af8f", ColumnType.Single, 3, source: "af8"),  // double → float, converted while decoding
            ];
            foreach (int capacity in new[] { 4, 7 })
            {
                // 30 entries in batches of 4 or 7: every batch but the first starts mid-basket.
                var got = AssertLayoutsAgree(s => t.OpenBatches<DynamicColumnBatch>(s), schema, capacity);
                for (int i = 0; i < 30; i++)
                    for (int k = 0; k < 3; k++)
                    {
                        // uproot5 tests/test_0023-ttree-versions.py (commit 67c0e6a8): ai4 = [i−14, i−13, i−12], ai2 the same in
                        // int16, au8 = [i+1, i+2, i+3], ab = [F,T,F] on even entries and [T,F,T] on odd, af8 = j − 14.9 for
                        // j = i+1 … i+3, af4 the same in float32.
                        Assert.Equal(i - 14 + k, At<int>(got[1], 3, i, k));
                        Assert.Equal(i - 14 + k, At<long>(got[2], 3, i, k));
                        Assert.Equal((ulong)(i + 1 + k), At<ulong>(got[3], 3, i, k));
                        Assert.Equal((i + k) % 2 == 1, At<bool>(got[4], 3, i, k));
                        Assert.Equal((float)(i + 1 + k - 14.9), At<float>(got[5], 3, i, k));
                        Assert.Equal(i + 1 + k - 14.9, At<double>(got[6], 3, i, k));
                        Assert.Equal((float)(i + 1 + k - 14.9), At<float>(got[7], 3, i, k));
                    }
            }
        }
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(false, 64)]
    public void Root_FixedArrayAcrossDiskAndEmbeddedBaskets_BothLayouts_Agree(bool large, int capacity)
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(large), "synthetic.root");
        var t = f.GetTree("dir/sub/t");
        ColumnInfo[] schema = [Col("w", ColumnType.Double, 4), Col("x", ColumnType.Int32, 1)];
        var got = AssertLayoutsAgree(s => t.OpenBatches<DynamicColumnBatch>(s), schema, capacity);
        Assert.Equal(5, Entries<double>(got[0], 4));
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < 4; k++) Assert.Equal((double)SyntheticRootFile.WValue(i, k), At<double>(got[0], 4, i, k));
    }

    [Fact]
    public void Root_EventMajor_NonFiniteInFiniteColumn_NamesBranchEntryAndValue()
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(false), "synthetic.root");
        var t = f.GetTree("dir/sub/t");
        ColumnInfo[] cols = [Col("w", ColumnType.Single, 4, finite: true) with { Layout = ArrayLayout.EventMajor }];
        var source = t.OpenBatches<DynamicColumnBatch>(cols);
        var batch = new DynamicColumnBatch(cols, 2);
        Assert.True(source.ReadNext(batch)); // entries 0, 1
        var e = Assert.Throws<DataFormatException>(() => source.ReadNext(batch));
        Assert.Equal("t/w", e.ObjectName);
        Assert.Equal(3, e.Entry); // SyntheticRootFile.WValue: entry 3, value 2 is NaN
        Assert.Contains("Column 'w' requires finite values but branch 'w' holds NaN as value 2 of 4", e.Message);
    }

    [Fact]
    public void Root_CountedBranchOfConstantCount_BothLayouts_AgreeWithTheJaggedRead()
    {
        var t = RootTestFiles.OpenTree("uproot-HZZ.root", "events", out var f);
        using (f)
        {
            var nMuon = t.GetBranch("NMuon").Read<int>();
            var px = t.GetBranch("Muon_Px").ReadJagged<float>();
            var (bestStart, bestLength) = RootTestFiles.LongestRun(nMuon, 2); // consecutive two-muon entries
            Assert.True(bestLength >= 5, $"the longest two-muon run has {bestLength} entries; the test would not be telling");
            ColumnInfo[] schema = [Col("px", ColumnType.Single, 2, source: "Muon_Px"), Col("pxd", ColumnType.Double, 2, source: "Muon_Px")];
            var got = AssertLayoutsAgree(s => t.OpenBatches<DynamicColumnBatch>(s, firstEntry: bestStart, stopEntry: bestStart + bestLength), schema, 3);
            for (int i = 0; i < bestLength; i++)
                for (int k = 0; k < 2; k++)
                {
                    Assert.Equal(px[bestStart + i][k], At<float>(got[0], 2, i, k));
                    Assert.Equal(px[bestStart + i][k], At<double>(got[1], 2, i, k));
                }
        }
    }

    // ---- NuMM columnar: chunks hold value k of a row group's entries together (element-major on disk). ----

    private static readonly ColumnInfo[] ColumnarSchema =
    [
        Col("E", ColumnType.Single, 1),
        Col("flux", ColumnType.Single, 100, finite: true),
        Col("hits", ColumnType.Boolean, 3),
        Col("ids", ColumnType.Int64, 7),
        Col("adc", ColumnType.UInt16, 5),
    ];

    /// <summary>Value k of entry i of column c: closed forms, so nothing depends on the code under test.</summary>
    private static double Expected(int c, int i, int k) => c switch
    {
        0 => 0.5f + 0.25f * i,
        1 => (float)(1 + 0.001 * ((7 * i + 13 * k) % 101)),
        2 => (i + k) % 3 == 0 ? 1 : 0,
        3 => 1_000_000_000_000L * (k + 1) + i,
        _ => (ushort)(1000 * k + i % 997),
    };

    /// <summary>Fills rows 0 … count − 1 of <paramref name="b"/> with entries first … through <see cref="ColumnInfo.IndexOf"/>,
    /// so it works for a batch of either layout.</summary>
    internal static void Fill(DynamicColumnBatch b, int first, int count)
    {
        var cols = b.Columns;
        for (int i = 0; i < count; i++)
            for (int c = 0; c < cols.Length; c++)
                for (int k = 0; k < cols[c].Length; k++)
                {
                    double v = Expected(c, first + i, k);
                    int at = cols[c].IndexOf(b.Capacity, i, k);
                    switch (cols[c].Type)
                    {
                        case ColumnType.Single: b.Column<float>(c)[at] = (float)v; break;
                        case ColumnType.Boolean: b.Column<bool>(c)[at] = v != 0; break;
                        case ColumnType.Int64: b.Column<long>(c)[at] = (long)v; break;
                        case ColumnType.UInt16: b.Column<ushort>(c)[at] = (ushort)v; break;
                        default: throw new NotSupportedException();
                    }
                }
        b.Length = count;
    }

    /// <summary>Writes <paramref name="n"/> entries through batches of <paramref name="writeBatch"/> in <paramref name="layout"/>.</summary>
    internal static void WriteColumnar(string path, int n, int writeBatch, int rowGroup, ArrayLayout layout)
    {
        var schema = With(ColumnarSchema, layout);
        using var writer = new ColumnarFileWriter(path, schema, new ColumnarWriteOptions { RowGroupEntries = rowGroup });
        var batch = new DynamicColumnBatch(schema, writeBatch);
        for (int start = 0; start < n; start += writeBatch)
        {
            Fill(batch, start, Math.Min(writeBatch, n - start));
            writer.Write(batch);
        }
        writer.Commit();
    }

    internal static void AssertColumnarTruth(byte[][] got, int n)
    {
        Assert.Equal(n, Entries<float>(got[0], 1));
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Expected(0, i, 0), At<float>(got[0], 1, i, 0));
            for (int k = 0; k < 100; k++) Assert.Equal(Expected(1, i, k), At<float>(got[1], 100, i, k));
            for (int k = 0; k < 3; k++) Assert.Equal(Expected(2, i, k) != 0, At<bool>(got[2], 3, i, k));
            for (int k = 0; k < 7; k++) Assert.Equal((long)Expected(3, i, k), At<long>(got[3], 7, i, k));
            for (int k = 0; k < 5; k++) Assert.Equal((ushort)Expected(4, i, k), At<ushort>(got[4], 5, i, k));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(128)] // = the row group: element-major reads each chunk straight into the batch
    [InlineData(256)] // two row groups per batch
    [InlineData(300)]
    public void Columnar_BothLayouts_AgreeWithTheClosedForms(int capacity)
    {
        using var dir = new TempDirectory();
        string path = dir.File("arrays.numm");
        WriteColumnar(path, 1000, 100, 128, ArrayLayout.ElementMajor);
        using var file = ColumnarFileReader.Open(path);
        var got = AssertLayoutsAgree(s => file.OpenSource(s), ColumnarSchema, capacity);
        AssertColumnarTruth(got, 1000);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(128)]
    public void Columnar_Converted_BothLayouts_Agree(int capacity)
    {
        using var dir = new TempDirectory();
        string path = dir.File("arrays.numm");
        WriteColumnar(path, 1000, 100, 128, ArrayLayout.ElementMajor);
        using var file = ColumnarFileReader.Open(path);
        ColumnInfo[] schema = [Col("flux", ColumnType.Double, 100, finite: true), Col("adc", ColumnType.Int32, 5), Col("ids", ColumnType.Double, 7)];
        var got = AssertLayoutsAgree(s => file.OpenSource(s, null, ColumnConversion.Any), schema, capacity);
        for (int i = 0; i < 1000; i++)
        {
            for (int k = 0; k < 100; k++) Assert.Equal((double)(float)Expected(1, i, k), At<double>(got[0], 100, i, k));
            for (int k = 0; k < 5; k++) Assert.Equal((int)Expected(4, i, k), At<int>(got[1], 5, i, k));
            for (int k = 0; k < 7; k++) Assert.Equal((double)(long)Expected(3, i, k), At<double>(got[2], 7, i, k));
        }
    }

    [Fact]
    public void Columnar_Seek_EventMajor_StartsMidRowGroup()
    {
        using var dir = new TempDirectory();
        string path = dir.File("arrays.numm");
        WriteColumnar(path, 1000, 100, 128, ArrayLayout.ElementMajor);
        using var file = ColumnarFileReader.Open(path);
        var schema = With(ColumnarSchema, ArrayLayout.EventMajor);
        var source = file.OpenSource(schema);
        source.Seek(517);
        var batch = new DynamicColumnBatch(schema, 50);
        Assert.True(source.ReadNext(batch));
        for (int j = 0; j < 50; j++)
            for (int k = 0; k < 100; k++) Assert.Equal((float)Expected(1, 517 + j, k), batch.Column<float>(1)[j * 100 + k]);
    }

    // ---- Parquet: a list column of one fixed length; chunks are read element-major. ----

    // Entry i holds w = [i, i + 0.5, i + 0.25, −i]: every value differs, so a transposition or shift shows.
    private static float W(int i, int k) => k switch { 0 => i, 1 => i + 0.5f, 2 => i + 0.25f, _ => -i };

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1003)]
    public void Parquet_ListColumn_BothLayouts_AgreeWithTheWrittenValues(int capacity)
    {
        using var dir = new TempDirectory();
        string path = dir.File("w.parquet");
        const int n = 1003;
        var w = new float[n * 4];
        var e = new double[n];
        for (int i = 0; i < n; i++) { e[i] = 2.0 * i; for (int k = 0; k < 4; k++) w[i * 4 + k] = W(i, k); }
        var wInfo = Col("w", ColumnType.Single, 4, finite: true);
        ParquetTableWriter.Write(path, [new TableColumn(Col("E", ColumnType.Double, 1), e), new TableColumn(wInfo, w)], Exposure.None);
        using var f = ParquetFile.Open(path);
        var got = AssertLayoutsAgree(s => f.OpenSource(s), [wInfo, Col("E", ColumnType.Double, 1)], capacity);
        var asDouble = AssertLayoutsAgree(s => f.OpenSource(s, null, ColumnConversion.Any), [Col("w", ColumnType.Double, 4, finite: true)], capacity);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(2.0 * i, At<double>(got[1], 1, i, 0));
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(W(i, k), At<float>(got[0], 4, i, k));
                Assert.Equal(W(i, k), At<double>(asDouble[0], 4, i, k));
            }
        }
    }

    /// <summary>A list column written as pyarrow writes one by default (optional list, optional elements), in three row
    /// groups of 37 entries, read in batches of 10 and 50: batches take entries from two row groups.</summary>
    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public async Task Parquet_ForeignListAcrossRowGroups_BothLayouts_Agree(int capacity)
    {
        using var dir = new TempDirectory();
        string path = dir.File("foreign.parquet");
        const int groups = 3, rows = 37;
        var item = new global::Parquet.Schema.DataField<float?>("element");
        var pschema = new global::Parquet.Schema.ParquetSchema(new global::Parquet.Schema.ListField("w", item));
        using (var stream = File.Create(path))
        {
            var writer = await global::Parquet.ParquetWriter.CreateAsync(pschema, stream);
            for (int g = 0; g < groups; g++)
            {
                var values = new List<float?>();
                var rep = new List<int>();
                for (int r = 0; r < rows; r++)
                    for (int k = 0; k < 4; k++) { values.Add(W(g * rows + r, k)); rep.Add(k == 0 ? 0 : 1); }
                using var rg = writer.CreateRowGroup();
                await rg.WriteAsync<float>(item, values.ToArray().AsMemory(), rep.ToArray().AsMemory());
            }
            await writer.DisposeAsync();
        }
        using var f = ParquetFile.Open(path);
        var got = AssertLayoutsAgree(s => f.OpenSource(s), [Col("w", ColumnType.Single, 4)], capacity);
        Assert.Equal(groups * rows, Entries<float>(got[0], 4));
        for (int i = 0; i < groups * rows; i++)
            for (int k = 0; k < 4; k++) Assert.Equal(W(i, k), At<float>(got[0], 4, i, k));
    }

    /// <summary>The layout is the batch's, not the source's: a source opened for an element-major schema fills an
    /// event-major batch of the same columns correctly (and the other way round), as a runner's batches may differ from
    /// the schema a dataset was opened with.</summary>
    [Fact]
    public void Sources_FillTheBatchsLayout_NotTheLayoutTheyWereOpenedFor()
    {
        ColumnInfo[] flux = [Col("flux", ColumnType.Single, 100, finite: true)];
        using (var npz = NumpyFile.Open(NumpyFileTestsPath("arrays.npz")))
        {
            var got = ReadAll(npz.OpenSource(With(flux, ArrayLayout.ElementMajor)), With(flux, ArrayLayout.EventMajor), 333);
            for (int i = 0; i < 1000; i++)
                for (int k = 0; k < 100; k++) Assert.Equal(Flux(i, k), At<float>(got[0], 100, i, k));
        }
        using (var dir = new TempDirectory())
        {
            string path = dir.File("arrays.numm");
            WriteColumnar(path, 1000, 100, 128, ArrayLayout.ElementMajor);
            using var file = ColumnarFileReader.Open(path);
            var got = ReadAll(file.OpenSource(With(ColumnarSchema, ArrayLayout.EventMajor)), With(ColumnarSchema, ArrayLayout.ElementMajor), 128);
            AssertColumnarTruth(got, 1000);
            got = ReadAll(file.OpenSource(With(ColumnarSchema, ArrayLayout.ElementMajor)), With(ColumnarSchema, ArrayLayout.EventMajor), 300);
            AssertColumnarTruth(got, 1000);
        }
        using (var f = RootFile.Open(SyntheticRootFile.Build(true), "synthetic.root"))
        {
            ColumnInfo[] w = [Col("w", ColumnType.Double, 4)];
            var got = ReadAll(f.GetTree("dir/sub/t").OpenBatches<DynamicColumnBatch>(With(w, ArrayLayout.ElementMajor)), With(w, ArrayLayout.EventMajor), 3);
            for (int i = 0; i < 5; i++)
                for (int k = 0; k < 4; k++) Assert.Equal((double)SyntheticRootFile.WValue(i, k), At<double>(got[0], 4, i, k));
        }
    }

    [Fact]
    public void Root_BatchOfAnotherArrayLength_IsRefusedNamingTheColumn()
    {
        using var f = RootFile.Open(SyntheticRootFile.Build(false), "synthetic.root");
        ColumnInfo[] w = [Col("w", ColumnType.Double, 4)];
        var source = f.GetTree("dir/sub/t").OpenBatches<DynamicColumnBatch>(w);
        var e = Assert.Throws<ArgumentException>(() => source.ReadNext(new DynamicColumnBatch([w[0] with { Length = 5, Layout = ArrayLayout.EventMajor }], 4)));
        Assert.Contains("Batch column 0 is 'w' (float64[5]); the source was opened for 'w' (float64[4])", e.Message);
    }
}
