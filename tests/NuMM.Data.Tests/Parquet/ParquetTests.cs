using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Parquet;

namespace NuMM.Data.Tests.Parquet;

/// <summary>Parquet files written by <see cref="ParquetTableWriter"/> and read back by <see cref="ParquetFile"/>.</summary>
public sealed class ParquetTests
{
    private static readonly ColumnInfo E = new("E", ColumnType.Single, "GeV", "trueE", true);

    private static List<TableColumn> Sample(int n)
    {
        var e = new float[n];
        var w = new double[n];
        var pdg = new int[n];
        var ok = new bool[n];
        var u = new ushort[n];
        for (int i = 0; i < n; i++) { e[i] = i * 0.25f; w[i] = 1.0 / (i + 1); pdg[i] = i % 2 == 0 ? 12 : -12; ok[i] = i % 5 == 0; u[i] = (ushort)(i * 3); }
        return
        [
            new TableColumn(E, e),
            new TableColumn(new ColumnInfo("w", ColumnType.Double, "", "w", false), w),
            new TableColumn(new ColumnInfo("pdg", ColumnType.Int32, "", "pdg", false), pdg),
            new TableColumn(new ColumnInfo("ok", ColumnType.Boolean, "", "ok", false), ok),
            new TableColumn(new ColumnInfo("u", ColumnType.UInt16, "", "u", false), u),
        ];
    }

    [Fact]
    public void WriteThenRead_ValuesMetadataAndExposureRoundTrip()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.parquet");
        var table = Sample(5000);
        ParquetTableWriter.Write(path, table, Exposure.LivetimeSeconds(86400), [new("producer", "test")]);
        using var f = ParquetFile.Open(path);
        Assert.Equal(5000, f.EntryCount);
        Assert.Equal(Exposure.LivetimeSeconds(86400), f.Exposure);
        Assert.Equal(["E", "w", "pdg", "ok", "u"], f.Columns.Select(c => c.Name));
        Assert.Equal(E, f.Columns[0]);
        foreach (var c in table) Assert.Equal(c.Values, f.ReadColumn(c.Info.Name).Values);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void BatchSource_SmallBatchesWithConversion_ReadEverythingInOrder()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.parquet");
        var table = Sample(2500);
        ParquetTableWriter.Write(path, table, Exposure.None);
        using var f = ParquetFile.Open(path);
        var schema = new[] { new ColumnInfo("pdg", ColumnType.Int64, "", "pdg", false), new ColumnInfo("u", ColumnType.UInt16, "", "u", false) };
        var src = f.OpenSource(schema, null, NuMM.Runtime.Data.Mapping.ColumnConversion.Lossless);
        var batch = new DynamicColumnBatch(schema, 999);
        var pdg = new List<long>();
        var u = new List<ushort>();
        while (src.ReadNext(batch))
        {
            pdg.AddRange(batch.Column<long>(0)[..batch.Length].ToArray());
            u.AddRange(batch.Column<ushort>(1)[..batch.Length].ToArray());
        }
        Assert.Equal(((int[])table[2].Values).Select(v => (long)v), pdg);
        Assert.Equal((ushort[])table[4].Values, u);
    }

    [Fact]
    public void NotAParquetFile_IsADataFormatError()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.parquet");
        File.WriteAllBytes(path, "PAR1 not really a parquet file PAR1"u8.ToArray());
        var ex = Assert.Throws<DataFormatException>(() => ParquetFile.Open(path));
        Assert.Equal(path, ex.File);
    }
}
