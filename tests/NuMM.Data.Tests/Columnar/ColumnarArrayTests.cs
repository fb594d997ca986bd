using System.Buffers.Binary;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Data.Tests.Columnar;

/// <summary>Array columns in the NuMM columnar format (version 1.1): round trips through any batch and row-group size,
/// conversions, finiteness per value, shape checks, and files of version 1.0 still read.</summary>
public class ColumnarArrayTests
{
    private static readonly ColumnInfo[] Schema =
    [
        new("E", ColumnType.Single, "GeV", "E", true),
        new("flux", ColumnType.Single, "", "FluxUniverse", true, 100),
        new("hits", ColumnType.Boolean, "", "hits", false, 3),
        new("ids", ColumnType.Int64, "", "ids", false, 7),
    ];

    /// <summary>Value k of entry i of column c, a closed form so nothing depends on the code under test.</summary>
    private static double Expected(int c, int i, int k) => c switch
    {
        0 => 0.5f + 0.25f * i,
        1 => (float)(1 + 0.001 * ((7 * i + 13 * k) % 101)),
        2 => (i + k) % 3 == 0 ? 1 : 0,
        _ => 1_000_000_000_000L * (k + 1) + i,
    };

    private static void Fill(DynamicColumnBatch b, ColumnInfo[] cols, int first, int count)
    {
        int cap = b.Capacity;
        for (int i = 0; i < count; i++)
            for (int c = 0; c < cols.Length; c++)
                for (int k = 0; k < cols[c].Length; k++)
                {
                    double v = Expected(c, first + i, k);
                    int at = k * cap + i;
                    switch (cols[c].Type)
                    {
                        case ColumnType.Single: b.Column<float>(c)[at] = (float)v; break;
                        case ColumnType.Boolean: b.Column<bool>(c)[at] = v != 0; break;
                        case ColumnType.Int64: b.Column<long>(c)[at] = (long)v; break;
                        default: throw new NotSupportedException();
                    }
                }
        b.Length = count;
    }

    private static void WriteFile(string path, int n, int writeBatch, int rowGroup)
    {
        using var writer = new ColumnarFileWriter(path, Schema, new ColumnarWriteOptions { RowGroupEntries = rowGroup });
        var batch = new DynamicColumnBatch(Schema, writeBatch);
        for (int start = 0; start < n; start += writeBatch)
        {
            Fill(batch, Schema, start, Math.Min(writeBatch, n - start));
            writer.Write(batch);
        }
        writer.Commit();
    }

    private static double Read(DynamicColumnBatch b, int c, int at) => b.Columns[c].Type switch
    {
        ColumnType.Single => b.Column<float>(c)[at],
        ColumnType.Double => b.Column<double>(c)[at],
        ColumnType.Boolean => b.Column<bool>(c)[at] ? 1 : 0,
        ColumnType.Int64 => b.Column<long>(c)[at],
        _ => throw new NotSupportedException(),
    };

    /// <summary>Reads everything and checks each value against <see cref="Expected"/>; schema column c reads file column map[c].</summary>
    private static long ReadAndCheck(IBatchSource<IColumnBatch> source, ColumnInfo[] schema, int[] map, int capacity)
    {
        var batch = new DynamicColumnBatch(schema, capacity);
        long entry = 0;
        while (source.ReadNext(batch))
        {
            for (int i = 0; i < batch.Length; i++)
                for (int c = 0; c < schema.Length; c++)
                    for (int k = 0; k < schema[c].Length; k++)
                        Assert.Equal(Expected(map[c], (int)entry + i, k), Read(batch, c, k * capacity + i));
            entry += batch.Length;
        }
        return entry;
    }

    [Theory]
    [InlineData(1000, 128, 300, 64)]    // short last row group; batches cut row groups (scratch path)
    [InlineData(1000, 128, 300, 600)]   // batches of whole row groups
    [InlineData(1000, 1000, 1000, 1000)]
    [InlineData(7, 3, 5, 2)]
    [InlineData(0, 4, 5, 2)]
    public void RoundTrip_ArrayColumns_AnyBatchAndRowGroupSize(int n, int writeBatch, int rowGroup, int readBatch)
    {
        using var dir = new TempDirectory();
        string path = dir.File("arrays.numm");
        WriteFile(path, n, writeBatch, rowGroup);
        using var reader = ColumnarFileReader.Open(path);
        Assert.Equal(1, reader.MinorVersion);
        Assert.Equal([1, 100, 3, 7], reader.Columns.Select(c => c.Length));
        Assert.Equal(n, reader.EntryCount);
        Assert.Equal(n, ReadAndCheck(reader.OpenSource(Schema), Schema, [0, 1, 2, 3], readBatch));
        // One array column alone, bound through its source name.
        ColumnInfo[] only = [new("w", ColumnType.Single, "", "FluxUniverse", false, 100)];
        Assert.Equal(n, ReadAndCheck(reader.OpenSource(only), only, [1], readBatch));
    }

    [Fact]
    public void Chunk_ArrayColumn_IsElementMajorWithinTheRowGroup()
    {
        using var dir = new TempDirectory();
        string path = dir.File("layout.numm");
        WriteFile(path, 250, 64, 100);
        byte[] bytes = File.ReadAllBytes(path);
        using var reader = ColumnarFileReader.Open(path);
        var chunk = reader.GetChunk(2, 3); // the short last group: entries 200..249 of 'ids'
        Assert.Equal(50 * 7 * 8, chunk.PayloadLength);
        for (int k = 0; k < 7; k++)
            for (int i = 0; i < 50; i++)
                Assert.Equal((long)Expected(3, 200 + i, k), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan((int)chunk.PayloadOffset + (k * 50 + i) * 8)));
    }

    [Fact]
    public void Read_ArrayColumnWithLosslessConversion_Widens()
    {
        using var dir = new TempDirectory();
        string path = dir.File("convert.numm");
        WriteFile(path, 333, 100, 128);
        using var reader = ColumnarFileReader.Open(path);
        ColumnInfo[] wide = [new("flux", ColumnType.Double, "", "FluxUniverse", false, 100)];
        Assert.Throws<DataFormatException>(() => reader.OpenSource(wide));
        Assert.Equal(333, ReadAndCheck(reader.OpenSource(wide, conversion: ColumnConversion.Lossless), wide, [1], 50));
    }

    [Fact]
    public void Bind_LengthDiffers_OneErrorListingEachColumn()
    {
        using var dir = new TempDirectory();
        string path = dir.File("shape.numm");
        WriteFile(path, 10, 10, 10);
        using var reader = ColumnarFileReader.Open(path);
        ColumnInfo[] schema =
        [
            new("flux", ColumnType.Single, "", "FluxUniverse", false, 50),
            new("E", ColumnType.Single, "GeV", "E", false, 2),
            new("hits", ColumnType.Boolean, "", "hits", false),
        ];
        var e = Assert.Throws<DataFormatException>(() => reader.OpenSource(schema));
        Assert.Contains("(3 problems)", e.Message);
        Assert.Contains("column 'flux' (source 'FluxUniverse'): an array of 100 values per event in the file, the schema expects an array of 50 values per event", e.Message);
        Assert.Contains("column 'E': one value per event in the file, the schema expects an array of 2 values per event", e.Message);
        Assert.Contains("column 'hits': an array of 3 values per event in the file, the schema expects one value per event", e.Message);
        Assert.Contains("flux (float32[100])", e.Message);
        Assert.Equal("flux, E, hits", e.ObjectName);
    }

    [Fact]
    public void Write_NaNInFiniteArrayColumn_NamesColumnEntryAndValue_NoFileLeft()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nan.numm");
        var batch = new DynamicColumnBatch(Schema, 64);
        using (var writer = new ColumnarFileWriter(path, Schema))
        {
            Fill(batch, Schema, 0, 64);
            writer.Write(batch);
            Fill(batch, Schema, 64, 40);
            batch.Column<float>(1)[42 * 64 + 17] = float.NaN; // value 42 of entry 64 + 17
            var e = Assert.Throws<DataFormatException>(() => writer.Write(batch));
            Assert.Equal(81, e.Entry);
            Assert.Equal("flux", e.ObjectName);
            Assert.Contains("Column 'flux' is declared finite but holds NaN as value 42.", e.Message);
        }
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Read_NaNInArrayColumnTheSchemaDeclaresFinite_NamesEntryAndValue()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nan-read.numm");
        ColumnInfo[] loose = [new("flux", ColumnType.Single, "", "FluxUniverse", false, 100)];
        using (var writer = new ColumnarFileWriter(path, loose, new ColumnarWriteOptions { RowGroupEntries = 32 }))
        {
            var batch = new DynamicColumnBatch(loose, 100);
            Fill(batch, [Schema[1]], 0, 100);
            batch.Column<float>(0)[99 * 100 + 70] = float.PositiveInfinity;
            writer.Write(batch);
            writer.Commit();
        }
        using var reader = ColumnarFileReader.Open(path);
        ColumnInfo[] strict = [loose[0] with { RequireFinite = true }];
        var source = reader.OpenSource(strict);
        var e = Assert.Throws<DataFormatException>(() => { var b = new DynamicColumnBatch(strict, 40); while (source.ReadNext(b)) { } });
        Assert.Equal(70, e.Entry);
        Assert.Contains("Column 'flux' is declared finite but holds Infinity (value 99 of 100 per entry).", e.Message);
    }

    /// <summary>A version 1.0 file: what the 1.0 writer produced (minor version 0, the column records' reserved bytes 0).</summary>
    [Fact]
    public void Read_Version10File_ScalarColumnsAsBefore()
    {
        using var dir = new TempDirectory();
        string path = dir.File("old.numm");
        ColumnInfo[] scalars = [Schema[0], new("n", ColumnType.Int32, "", "n", false)];
        var data = new Array[] { Enumerable.Range(0, 90).Select(i => (float)Expected(0, i, 0)).ToArray(), Enumerable.Range(0, 90).ToArray() };
        ColumnarTestData.Write(path, scalars, data, 30, new ColumnarWriteOptions { RowGroupEntries = 40 });
        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        // Column records start at 64: 4 bytes (code, flags, length), then three strings.
        int at = 64;
        foreach (var c in scalars)
        {
            Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 2)));
            bytes[at + 2] = 0;
            at += 4;
            foreach (var s in new[] { c.Name, c.Unit, c.Source }) at += 4 + System.Text.Encoding.UTF8.GetByteCount(s);
        }
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), Crc32C.Compute(bytes.AsSpan(64, headerLength)));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(60), Crc32C.Compute(bytes.AsSpan(0, 60)));
        File.WriteAllBytes(path, bytes);

        using var reader = ColumnarFileReader.Open(path);
        Assert.Equal(0, reader.MinorVersion);
        Assert.All(reader.Columns, c => Assert.Equal(1, c.Length));
        var got = ColumnarTestData.ReadAll(reader.OpenSource(scalars), scalars, 25);
        Assert.Equal(ColumnarTestData.Bytes(data[0], ColumnType.Single), got[0]);
        Assert.Equal(ColumnarTestData.Bytes(data[1], ColumnType.Int32), got[1]);
    }

    [Fact]
    public void Open_ColumnLengthAboveLimit_Refused()
    {
        using var dir = new TempDirectory();
        string path = dir.File("long.numm");
        WriteFile(path, 4, 4, 4);
        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(64 + 2), 60000);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), Crc32C.Compute(bytes.AsSpan(64, headerLength)));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(60), Crc32C.Compute(bytes.AsSpan(0, 60)));
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ColumnarFileReader.Open(path));
        Assert.Contains("Column 0 holds 60000 values per entry; at most 10000 are supported.", e.Message);
        Assert.Equal(66, e.ByteOffset);
    }

    [Fact]
    public void Writer_ArrayLengthOutOfRange_Refused()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => new ColumnarFileWriter(dir.File("a.numm"), [new("w", ColumnType.Single, "", "w", false, 0)]));
        Assert.Throws<ArgumentException>(() => new ColumnarFileWriter(dir.File("b.numm"), [new("w", ColumnType.Single, "", "w", false, ColumnInfo.MaxLength + 1)]));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Fuzz_ArrayColumns_CorrectDataOrDataFormatException()
    {
        using var dir = new TempDirectory();
        string path = dir.File("fuzz.numm");
        WriteFile(path, 150, 64, 64);
        byte[] original = File.ReadAllBytes(path);
        var (rejected, _) = FuzzHarness.Run(original, ".numm", p =>
        {
            using var reader = ColumnarFileReader.Open(p);
            return ColumnarTestData.ReadAll(reader.OpenSource(Schema), Schema, 50);
        }, cases: 300);
        Assert.True(rejected > 250, $"only {rejected} of 300 corruptions were detected");
    }
}
