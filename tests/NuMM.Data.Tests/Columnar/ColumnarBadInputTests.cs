using System.Buffers.Binary;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using static NuMM.Data.Tests.Columnar.ColumnarTestData;

namespace NuMM.Data.Tests.Columnar;

public class ColumnarBadInputTests
{
    private static readonly ColumnInfo[] Two =
    [
        new("E", ColumnType.Single, "GeV", "E", false),
        new("pdg", ColumnType.Int32, "", "pdg", false),
    ];

    private static (TempDirectory Dir, string Path, Array[] Data) Sample(int n = 300, int rowGroup = 100)
    {
        var dir = new TempDirectory();
        string path = dir.File("bad.numm");
        var data = Make(Two, n, 42);
        Write(path, Two, data, n == 0 ? 1 : n, new ColumnarWriteOptions { RowGroupEntries = rowGroup });
        return (dir, path, data);
    }

    private static void ReadEverything(string path, ColumnInfo[] schema)
    {
        using var reader = ColumnarFileReader.Open(path);
        var source = reader.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, 64);
        while (source.ReadNext(batch)) { }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(63)]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(-1)]
    [InlineData(-16)]
    [InlineData(-40)]
    public void Open_TruncatedFile_ThrowsNamingFile(int keep)
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        byte[] bytes = File.ReadAllBytes(path);
        int length = keep >= 0 ? keep : bytes.Length + keep;
        File.WriteAllBytes(path, bytes[..length]);
        var e = Assert.Throws<DataFormatException>(() => ReadEverything(path, Two));
        Assert.Equal(path, e.File);
        Assert.Contains(path, e.Message);
        Assert.True(e.Message.Contains("truncated", StringComparison.Ordinal) || e.Message.Contains("magic", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Open_WrongMagic_ThrowsNamingExpectedMagicAndOffsetZero()
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        byte[] bytes = File.ReadAllBytes(path);
        "PAR1"u8.CopyTo(bytes);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ColumnarFileReader.Open(path));
        Assert.Contains("expected magic 894E754D4D0D0A1A, found 504152314D0D0A1A", e.Message);
        Assert.Equal(0, e.ByteOffset);
    }

    [Fact]
    public void ReadNext_CorruptChunk_ThrowsChecksumMismatchNamingColumnEntryAndOffset()
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        long payload;
        using (var r = ColumnarFileReader.Open(path)) payload = r.Chunk(1, 0).Offset + 64;
        byte[] bytes = File.ReadAllBytes(path);
        bytes[payload + 13] ^= 0x20;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ReadEverything(path, Two));
        Assert.Contains("Chunk checksum mismatch", e.Message);
        Assert.Equal("E", e.ObjectName);
        Assert.Equal(100, e.Entry);          // row group 1 starts at entry 100
        Assert.Equal(payload, e.ByteOffset);
    }

    [Fact]
    public void ReadNext_ChunkEntryCountDisagreesWithIndex_ThrowsNamingBothCounts()
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        long offset;
        using (var r = ColumnarFileReader.Open(path)) offset = r.Chunk(2, 1).Offset;
        byte[] bytes = File.ReadAllBytes(path);
        var h = bytes.AsSpan((int)offset, 64);
        BinaryPrimitives.WriteInt32LittleEndian(h[12..], 99);                  // count field
        BinaryPrimitives.WriteUInt32LittleEndian(h[60..], Crc32C.Compute(h[..60])); // keep the header self-consistent
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ReadEverything(path, Two));
        Assert.Contains("The chunk holds 99 entries from entry 200; the index says 100 entries from entry 200", e.Message);
        Assert.Equal("pdg", e.ObjectName);
    }

    [Fact]
    public void Open_PreambleEntryCountDisagreesWithRowGroups_Throws()
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(32), 301);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(60), Crc32C.Compute(bytes.AsSpan(0, 60)));
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ColumnarFileReader.Open(path));
        Assert.Contains("The row groups hold 300 entries; the preamble says 301", e.Message);
    }

    [Fact]
    public void OpenSource_MissingColumnAndWrongType_OneErrorListingBoth()
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        ColumnInfo[] schema =
        [
            new("E", ColumnType.Double, "GeV", "E", false),
            new("vtxZ", ColumnType.Single, "cm", "vtxZ", false),
            new("PDG", ColumnType.Int32, "", "Pdg", false),
        ];
        using var reader = ColumnarFileReader.Open(path);
        var e = Assert.Throws<DataFormatException>(() => reader.OpenSource(schema));
        Assert.Contains("(3 problems)", e.Message);
        Assert.Contains("column 'E': stored as float32, the schema expects float64 (no conversion was requested)", e.Message);
        Assert.Contains("column 'vtxZ': not in the file", e.Message);
        Assert.Contains("column 'PDG' (source 'Pdg'): not in the file; did you mean 'pdg'?", e.Message);
        Assert.Contains("available: E (float32), pdg (int32)", e.Message);
        Assert.Equal("E, vtxZ, PDG", e.ObjectName);
    }

    [Fact]
    public void OpenSource_UnitDiffers_ReportsBothUnits()
    {
        var (dir, path, _) = Sample();
        using var _d = dir;
        using var reader = ColumnarFileReader.Open(path);
        var e = Assert.Throws<DataFormatException>(() => reader.OpenSource([new ColumnInfo("E", ColumnType.Single, "MeV", "E", false)]));
        Assert.Contains("column 'E': stored in 'GeV', the schema expects 'MeV'", e.Message);
    }

    [Fact]
    public void ReadNext_NaNInColumnDeclaredFinite_ThrowsNamingColumnAndEntry()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nan.numm");
        var data = Make(Two, 300, 1);
        ((float[])data[0])[237] = float.NaN;
        Write(path, Two, data, 300, new ColumnarWriteOptions { RowGroupEntries = 100 });
        ColumnInfo[] schema = [new("E", ColumnType.Single, "GeV", "E", RequireFinite: true)];
        var e = Assert.Throws<DataFormatException>(() => ReadEverything(path, schema));
        Assert.Equal(237, e.Entry);
        Assert.Equal("E", e.ObjectName);
        Assert.Contains("declared finite but holds NaN", e.Message);
    }

    [Fact]
    public void Write_NaNInFiniteColumn_ThrowsAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.numm");
        ColumnInfo[] schema = [new("E", ColumnType.Double, "GeV", "E", RequireFinite: true)];
        var batch = new DynamicColumnBatch(schema, 10);
        batch.Length = 10;
        batch.Column<double>(0).Fill(1.0);
        var e = Assert.Throws<DataFormatException>(() =>
        {
            using var writer = new ColumnarFileWriter(path, schema);
            writer.Write(batch);
            batch.Column<double>(0)[4] = double.PositiveInfinity;
            writer.Write(batch);
            writer.Commit();
        });
        Assert.Equal(14, e.Entry);
        Assert.Contains("holds Infinity", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Writer_DisposedWithoutCommit_LeavesExistingOutputUntouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("keep.numm");
        File.WriteAllText(path, "previous result");
        using (var writer = new ColumnarFileWriter(path, Two))
        {
            var batch = new DynamicColumnBatch(Two, 4) { Length = 4 };
            writer.Write(batch);
            Assert.True(File.Exists(writer.TemporaryPath));
            Assert.Equal(dir.Path, Path.GetDirectoryName(writer.TemporaryPath));
        }
        Assert.Equal("previous result", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
