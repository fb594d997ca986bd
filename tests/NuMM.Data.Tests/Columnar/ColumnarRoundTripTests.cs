using System.Buffers.Binary;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Mapping;
using static NuMM.Data.Tests.Columnar.ColumnarTestData;

namespace NuMM.Data.Tests.Columnar;

public class ColumnarRoundTripTests
{
    [Theory]
    [InlineData(0, 16, 7, 5)]
    [InlineData(1, 16, 7, 5)]
    [InlineData(1000, 64, 64, 64)]    // batches hold whole row groups: direct reads
    [InlineData(1000, 64, 128, 37)]   // writer batches straddle row groups
    [InlineData(1000, 64, 10, 1000)]  // reader batches straddle row groups
    [InlineData(1000, 100, 33, 1)]
    [InlineData(4097, 1024, 4096, 2048)]
    public void WriteThenRead_AllTypes_ReturnsIdenticalBytes(int n, int rowGroup, int writeBatch, int readBatch)
    {
        using var dir = new TempDirectory();
        string path = dir.File("sample.numm");
        var data = Make(AllTypes, n, seed: n + rowGroup);
        Write(path, AllTypes, data, writeBatch, new ColumnarWriteOptions { RowGroupEntries = rowGroup });

        using var reader = ColumnarFileReader.Open(path);
        Assert.Equal(n, reader.EntryCount);
        Assert.Equal((n + rowGroup - 1) / rowGroup, reader.RowGroupCount);
        Assert.Equal(AllTypes, reader.Columns);
        var read = ReadAll(reader.OpenSource(AllTypes), AllTypes, readBatch);
        for (int c = 0; c < AllTypes.Length; c++) Assert.Equal(Bytes(data[c], AllTypes[c].Type), read[c]);
    }

    [Fact]
    public void OpenSource_ColumnSubsetInOtherOrder_ReadsOnlyThoseColumns()
    {
        using var dir = new TempDirectory();
        string path = dir.File("s.numm");
        var data = Make(AllTypes, 500, 3);
        Write(path, AllTypes, data, 100, new ColumnarWriteOptions { RowGroupEntries = 128 });
        ColumnInfo[] schema = [AllTypes[10], AllTypes[5]];
        using var reader = ColumnarFileReader.Open(path);
        var read = ReadAll(reader.OpenSource(schema), schema, 77);
        Assert.Equal(Bytes(data[10], ColumnType.Double), read[0]);
        Assert.Equal(Bytes(data[5], ColumnType.Int32), read[1]);
    }

    [Fact]
    public void Header_ExposureAndProvenance_RoundTripSortedByKey()
    {
        using var dir = new TempDirectory();
        string path = dir.File("p.numm");
        var options = new ColumnarWriteOptions
        {
            Exposure = Exposure.Pot(1.25e21),
            Provenance = [new("producer", "numm convert 0.1.0"), new("created", "2026-11-22T00:00:00Z"), new("input", "ν sample.root")],
        };
        Write(path, AllTypes, Make(AllTypes, 10, 1), 10, options);
        using var reader = ColumnarFileReader.Open(path);
        Assert.Equal(Exposure.Pot(1.25e21), reader.Exposure);
        Assert.Equal(["created", "input", "producer"], reader.Provenance.Select(p => p.Key));
        Assert.Equal("ν sample.root", reader.Provenance[1].Value);
        Assert.Equal("GeV", reader.Columns[9].Unit);
        Assert.Equal("trueE", reader.Columns[9].Source);
        Assert.True(reader.Columns[9].RequireFinite);
    }

    [Fact]
    public void Write_SameInputsTwice_ByteIdenticalFiles()
    {
        using var dir = new TempDirectory();
        var data = Make(AllTypes, 3000, 11);
        var options = new ColumnarWriteOptions { Exposure = Exposure.LivetimeSeconds(3600), Provenance = [new("producer", "test")], RowGroupEntries = 1000 };
        Write(dir.File("a.numm"), AllTypes, data, 512, options);
        Write(dir.File("b.numm"), AllTypes, data, 1000, options);
        Assert.Equal(File.ReadAllBytes(dir.File("a.numm")), File.ReadAllBytes(dir.File("b.numm")));
    }

    [Fact]
    public void Layout_ChunkPayloads_Are64ByteAlignedAndFileEndsWithTrailer()
    {
        using var dir = new TempDirectory();
        string path = dir.File("l.numm");
        Write(path, AllTypes, Make(AllTypes, 300, 2), 300, new ColumnarWriteOptions { RowGroupEntries = 100 });
        byte[] bytes = File.ReadAllBytes(path);
        using var reader = ColumnarFileReader.Open(path);
        for (int g = 0; g < reader.RowGroupCount; g++)
            for (int c = 0; c < AllTypes.Length; c++)
            {
                var (offset, length, crc) = reader.Chunk(g, c);
                Assert.Equal(0, offset % 64);
                Assert.Equal(crc, Crc32C.Compute(bytes.AsSpan((int)offset + 64, (int)length)));
            }
        Assert.Equal("NuMMEND\u001a", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 8));
        Assert.Equal(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40)), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(bytes.Length - 16)));
    }

    [Fact]
    public void OpenSource_LosslessConversionRequested_WidensValues()
    {
        using var dir = new TempDirectory();
        string path = dir.File("c.numm");
        var data = Make(AllTypes, 200, 5);
        Write(path, AllTypes, data, 200, new ColumnarWriteOptions { RowGroupEntries = 64 });
        ColumnInfo[] schema = [new("E", ColumnType.Double, "GeV", "E", true), new("i16", ColumnType.Int64, "", "i16", false)];
        using var reader = ColumnarFileReader.Open(path);
        var read = ReadAll(reader.OpenSource(schema, conversion: ColumnConversion.Lossless), schema, 50);
        Assert.Equal(((float[])data[9]).Select(f => (double)f).ToArray(), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(read[0]).ToArray());
        Assert.Equal(((short[])data[3]).Select(f => (long)f).ToArray(), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(read[1]).ToArray());
    }

    [Fact]
    public void OpenSource_MappingRenamesColumns_ReadsMappedSource()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.numm");
        var data = Make(AllTypes, 50, 9);
        Write(path, AllTypes, data, 50);
        ColumnInfo[] schema = [new("trueEnergy", ColumnType.Single, "GeV", "trueEnergy", false)];
        using var reader = ColumnarFileReader.Open(path);
        var read = ReadAll(reader.OpenSource(schema, SchemaMapping.Parse("trueEnergy = E  # renamed in the analysis")), schema, 50);
        Assert.Equal(Bytes(data[9], ColumnType.Single), read[0]);
    }

    [Fact]
    public void ReadNext_BatchNotMatchingSchema_ThrowsArgumentException()
    {
        using var dir = new TempDirectory();
        string path = dir.File("x.numm");
        Write(path, AllTypes, Make(AllTypes, 10, 1), 10);
        using var reader = ColumnarFileReader.Open(path);
        var source = reader.OpenSource([AllTypes[9]]);
        Assert.Throws<ArgumentException>(() => source.ReadNext(new DynamicColumnBatch([AllTypes[10]], 8)));
    }
}
