using NuMM.Data.Tests.Columnar;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using static NuMM.Data.Tests.Layout.LayoutReading;

namespace NuMM.Data.Tests.Layout;

/// <summary>The NuMM columnar writer takes batches of either <see cref="ArrayLayout"/> and writes the same file: its
/// chunks are element-major whatever the batch.</summary>
public sealed class WriterLayoutTests
{
    private static readonly ColumnInfo[] Schema =
    [
        new("E", ColumnType.Single, "", "E", false),
        new("flux", ColumnType.Single, "", "flux", true, 100),
        new("hits", ColumnType.Boolean, "", "hits", false, 3),
        new("ids", ColumnType.Int64, "", "ids", false, 7),
        new("adc", ColumnType.UInt16, "", "adc", false, 5),
    ];

    [Theory]
    [InlineData(37, 128)]  // write batches cross row groups
    [InlineData(128, 128)]
    [InlineData(500, 64)]  // one batch fills several row groups
    public void Columnar_WrittenFromEventMajorBatches_ReadsBackInBothLayouts(int writeBatch, int rowGroup)
    {
        using var dir = new TempDirectory();
        string fromEvent = dir.File("event.numm"), fromElement = dir.File("element.numm");
        ReaderLayoutTests.WriteColumnar(fromEvent, 1000, writeBatch, rowGroup, ArrayLayout.EventMajor);
        ReaderLayoutTests.WriteColumnar(fromElement, 1000, writeBatch, rowGroup, ArrayLayout.ElementMajor);
        using var a = ColumnarFileReader.Open(fromEvent);
        using var b = ColumnarFileReader.Open(fromElement);
        var got = AssertLayoutsAgree(s => a.OpenSource(s), Schema, 300);
        ReaderLayoutTests.AssertColumnarTruth(got, 1000);
        // The same file either way: every chunk's payload (CRC-32C) agrees.
        Assert.Equal(b.RowGroupCount, a.RowGroupCount);
        for (int g = 0; g < a.RowGroupCount; g++)
            for (int c = 0; c < Schema.Length; c++)
                Assert.Equal((b.GetChunk(g, c).PayloadLength, b.GetChunk(g, c).Crc32C), (a.GetChunk(g, c).PayloadLength, a.GetChunk(g, c).Crc32C));
    }

    [Fact]
    public void Columnar_EventMajorBatch_NonFiniteInFiniteColumn_NamesEntryAndValue_AndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.numm");
        var schema = With(Schema, ArrayLayout.EventMajor);
        var batch = new DynamicColumnBatch(schema, 10);
        using (var writer = new ColumnarFileWriter(path, schema, new ColumnarWriteOptions { RowGroupEntries = 8 }))
        {
            ReaderLayoutTests.Fill(batch, 0, 10);
            writer.Write(batch);
            ReaderLayoutTests.Fill(batch, 10, 10);
            batch.Column<float>(1)[schema[1].IndexOf(10, 4, 42)] = float.NaN; // entry 14, value 42
            var e = Assert.Throws<DataFormatException>(() => writer.Write(batch));
            Assert.Equal(14, e.Entry);
            Assert.Equal("flux", e.ObjectName);
            Assert.Contains("Column 'flux' is declared finite but holds NaN as value 42.", e.Message);
        }
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
