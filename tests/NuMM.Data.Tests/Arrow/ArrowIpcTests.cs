using System.Buffers.Binary;
using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Arrow;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Interchange;

namespace NuMM.Data.Tests.Arrow;

/// <summary>Apache Arrow IPC files written by <see cref="ArrowIpcWriter"/> and read back by <see cref="ArrowIpcFile"/>:
/// every element type, list columns, NuMM metadata, batches that straddle record batches, and bad input.</summary>
public sealed class ArrowIpcTests
{
    private static readonly ColumnInfo E = new("E", ColumnType.Single, "GeV", "trueE", true);

    private static List<TableColumn> Sample(int n)
    {
        var e = new float[n];
        var w = new double[n];
        var pdg = new int[n];
        var ok = new bool[n];
        var b = new sbyte[n];
        var counts = new long[n + 1];
        for (int i = 0; i < n; i++) { e[i] = i * 0.5f; w[i] = 1.0 / (i + 1); pdg[i] = i % 2 == 0 ? 14 : -14; ok[i] = i % 3 == 0; b[i] = (sbyte)(i % 256 - 128); counts[i + 1] = counts[i] + i % 4; }
        var hits = new ushort[counts[n]];
        for (int k = 0; k < hits.Length; k++) hits[k] = (ushort)(k * 7);
        return
        [
            new TableColumn(E, e),
            new TableColumn(new ColumnInfo("w", ColumnType.Double, "", "w", false), w),
            new TableColumn(new ColumnInfo("pdg", ColumnType.Int32, "", "pdg", false), pdg),
            new TableColumn(new ColumnInfo("ok", ColumnType.Boolean, "", "ok", false), ok),
            new TableColumn(new ColumnInfo("b", ColumnType.SByte, "", "b", false), b),
            new TableColumn(new ColumnInfo("hits", ColumnType.UInt16, "", "hits", false), hits, counts),
        ];
    }

    [Fact]
    public void WriteThenRead_EveryColumnListAndMetadataRoundTrip()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.arrow");
        int n = ArrowIpcWriter.BatchEntries + 1234; // two record batches
        var table = Sample(n);
        ArrowIpcWriter.Write(path, table, Exposure.Pot(3.5e20), [new("producer", "test")]);
        using var f = ArrowIpcFile.Open(path);
        Assert.Equal(n, f.EntryCount);
        Assert.Equal(Exposure.Pot(3.5e20), f.Exposure);
        Assert.Equal(["E", "w", "pdg", "ok", "b"], f.Columns.Select(c => c.Name));
        Assert.Equal(E, f.Columns[0]);
        Assert.Equal("hits", Assert.Single(f.ListColumns).Name);
        Assert.Equal("test", f.Schema.Metadata["producer"]);
        foreach (var c in table)
        {
            var back = f.ReadColumn(c.Info.Name);
            Assert.Equal(c.Values, back.Values);
            Assert.Equal(c.Offsets, back.Offsets);
        }
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Theory]
    [InlineData(1000)]    // batches inside one record batch and across the boundary at 65 536
    [InlineData(65536)]   // batches aligned with the record batches
    [InlineData(100000)]  // one batch takes entries from both record batches
    public void BatchSource_AnyCapacity_ReadsTheEntriesInOrderWithConversion(int capacity)
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.arrow");
        int n = ArrowIpcWriter.BatchEntries + 1234;
        var table = Sample(n);
        ArrowIpcWriter.Write(path, table, Exposure.None);
        using var f = ArrowIpcFile.Open(path);
        // pdg widened to int64 (a lossless conversion), E as stored.
        var schema = new[] { new ColumnInfo("pdg", ColumnType.Int64, "", "pdg", false), E };
        var src = f.OpenSource(schema, null, NuMM.Runtime.Data.Mapping.ColumnConversion.Lossless);
        var batch = new DynamicColumnBatch(schema, capacity);
        var pdg = new List<long>();
        var e = new List<float>();
        while (src.ReadNext(batch))
        {
            pdg.AddRange(batch.Column<long>(0)[..batch.Length].ToArray());
            e.AddRange(batch.Column<float>(1)[..batch.Length].ToArray());
        }
        Assert.Equal(((int[])table[2].Values).Select(v => (long)v), pdg);
        Assert.Equal((float[])table[0].Values, e);
        ((IDisposable)src).Dispose();
    }

    [Fact]
    public void FiniteColumnHoldingNaN_IsAnErrorNamingColumnAndEntry()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nan.arrow");
        var e = new float[10];
        e[7] = float.NaN;
        ArrowIpcWriter.Write(path, [new TableColumn(E, e)], Exposure.None);
        using var f = ArrowIpcFile.Open(path);
        var src = f.OpenSource([E]);
        var ex = Assert.Throws<DataFormatException>(() => src.ReadNext(new DynamicColumnBatch([E], 4)) && src.ReadNext(new DynamicColumnBatch([E], 4)));
        Assert.Equal(7, ex.Entry);
        Assert.Contains("'E' is declared finite", ex.Message);
    }

    [Fact]
    public void MissingColumnAndWrongType_AreListedTogether()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.arrow");
        ArrowIpcWriter.Write(path, Sample(5), Exposure.None);
        using var f = ArrowIpcFile.Open(path);
        var ex = Assert.Throws<DataFormatException>(() => f.OpenSource([new ColumnInfo("nope", ColumnType.Single, "", "nope", false), new ColumnInfo("w", ColumnType.Single, "", "w", false)]));
        Assert.Contains("'nope'", ex.Message);
        Assert.Contains("stored as float64", ex.Message);
    }

    [Fact]
    public void NotAnArrowFile_IsADataFormatError()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.arrow");
        File.WriteAllBytes(path, "ARROW1\0\0 this is not an Arrow file at all"u8.ToArray());
        var ex = Assert.Throws<DataFormatException>(() => { using var f = ArrowIpcFile.Open(path); _ = f.EntryCount; });
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public void ListColumnOffsets_AreTheArrowListOffsets()
    {
        // The layout pyarrow and polars read: a list<uint16> field whose int32 offsets are the running counts 0, 0, 1, 3, 6, 6 …
        using var dir = new TempDirectory();
        string path = dir.File("t.arrow");
        ArrowIpcWriter.Write(path, Sample(6), Exposure.None);
        using var f = ArrowIpcFile.Open(path);
        var field = f.Schema.GetFieldByName("hits");
        Assert.Equal("list", field.DataType.Name);
        var back = f.ReadColumn("hits");
        Assert.Equal([0L, 0, 1, 3, 6, 6, 7], back.Offsets);
        Assert.Equal(new ushort[] { 0, 7, 14, 21, 28, 35, 42 }, (ushort[])back.Values);
    }
}
