using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Data.Tests.Columnar;

/// <summary><see cref="ColumnarBatchSource.ReadBatch"/>: batch k of capacity C, read by any thread in any order, holds
/// exactly what the k-th <see cref="ColumnarBatchSource.ReadNext"/> of the same capacity holds — for batches that take
/// whole row groups (direct reads), cut them (scratch path), convert types, or transpose into an event-major column.
/// That is what lets <see cref="NuMM.Runtime.Selection.AnalysisRunner"/> read a NuMM file on all its threads.</summary>
public class ColumnarIndexedReadTests
{
    private static readonly ColumnInfo[] FileColumns =
    [
        .. ColumnarTestData.AllTypes,
        new("flux", ColumnType.Single, "", "flux", false, 7),
    ];

    private static string Write(TempDirectory dir, int n, int rowGroup)
    {
        string path = dir.File("indexed.numm");
        var data = ColumnarTestData.Make(ColumnarTestData.AllTypes, n, seed: 3);
        var rng = new Random(4);
        var flux = new float[n * 7];
        using (var writer = new ColumnarFileWriter(path, FileColumns, new ColumnarWriteOptions { RowGroupEntries = rowGroup }))
        {
            var batch = new DynamicColumnBatch(FileColumns, 97);
            for (int start = 0; start < n; start += batch.Capacity)
            {
                int take = Math.Min(batch.Capacity, n - start);
                for (int c = 0; c < data.Length; c++)
                {
                    int size = DynamicColumnBatch.ElementSize(FileColumns[c].Type);
                    ColumnarTestData.Bytes(data[c], FileColumns[c].Type).AsSpan(start * size, take * size).CopyTo(batch.ColumnBytes(c));
                }
                var f = batch.Column<float>(data.Length);
                for (int k = 0; k < 7; k++)
                    for (int i = 0; i < take; i++) f[k * batch.Capacity + i] = (float)rng.NextDouble();
                batch.Length = take;
                writer.Write(batch);
            }
            writer.Commit();
        }
        return path;
    }

    /// <summary>Every batch's valid bytes, column by column (for an array column, the runs of the valid entries).</summary>
    private static byte[] Contents(DynamicColumnBatch b)
    {
        var all = new List<byte>();
        for (int c = 0; c < b.Columns.Length; c++)
        {
            var info = b.Columns[c];
            int size = DynamicColumnBatch.ElementSize(info.Type);
            var bytes = b.ColumnBytes(c);
            if (info.IsEventMajor) all.AddRange(bytes[..(b.Length * info.Length * size)].ToArray());
            else
                for (int k = 0; k < info.Length; k++) all.AddRange(bytes.Slice(k * b.Capacity * size, b.Length * size).ToArray());
        }
        return [.. all];
    }

    public static TheoryData<int, int, int, string> Cases => new()
    {
        { 1000, 128, 128, "plain" },       // batch = row group: direct reads
        { 1000, 128, 256, "plain" },       // two row groups per batch
        { 1000, 128, 100, "plain" },       // batches cut row groups: scratch path
        { 1000, 300, 77, "converted" },    // float → double and int32 → int64 on read
        { 1000, 300, 77, "event-major" },  // the array column transposed into an event-major batch
        { 5, 64, 2, "plain" },
        { 0, 64, 16, "plain" },
    };

    private static (ColumnInfo[] Schema, ColumnConversion Conversion) SchemaFor(string kind) => kind switch
    {
        "converted" => ([.. FileColumns.Select(c => c.Type switch
        {
            ColumnType.Single => c with { Type = ColumnType.Double },
            ColumnType.Int32 => c with { Type = ColumnType.Int64 },
            _ => c,
        })], ColumnConversion.Lossless),
        "event-major" => ([.. FileColumns.Select(c => c.Length > 1 ? c with { Layout = NuMM.Dsl.ArrayLayout.EventMajor } : c)], ColumnConversion.None),
        _ => (FileColumns, ColumnConversion.None),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadBatch_OnTwoThreadsInAnyOrder_EqualsReadNext(int n, int rowGroup, int capacity, string kind)
    {
        using var dir = new TempDirectory();
        using var file = ColumnarFileReader.Open(Write(dir, n, rowGroup));
        var (schema, conversion) = SchemaFor(kind);
        var sequential = new List<byte[]>();
        var source = file.OpenSource(schema, conversion: conversion);
        var b = new DynamicColumnBatch(schema, capacity);
        while (source.ReadNext(b)) sequential.Add(Contents(b));
        Assert.Equal((n + capacity - 1) / capacity, sequential.Count);

        var indexed = file.OpenSource(schema, conversion: conversion);
        var got = new byte[sequential.Count][];
        // Each thread takes every other batch, from the end backwards: no two threads read in the order ReadNext does.
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            var mine = new DynamicColumnBatch(schema, capacity);
            for (int k = sequential.Count - 1 - t; k >= 0; k -= 2)
            {
                Assert.True(indexed.ReadBatch(k, mine));
                got[k] = Contents(mine);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (int k = 0; k < sequential.Count; k++) Assert.True(sequential[k].AsSpan().SequenceEqual(got[k]), $"batch {k} differs");

        var past = new DynamicColumnBatch(schema, capacity) { Length = 1 };
        Assert.False(indexed.ReadBatch(sequential.Count, past));
        Assert.Equal(0, past.Length);
        Assert.False(indexed.ReadBatch(long.MaxValue / 2, past));
        Assert.Throws<ArgumentOutOfRangeException>(() => indexed.ReadBatch(-1, past));
    }

    [Fact]
    public void ReadBatch_AfterSeek_CountsFromTheSeekEntry()
    {
        using var dir = new TempDirectory();
        using var file = ColumnarFileReader.Open(Write(dir, 1000, 128));
        var source = file.OpenSource(FileColumns);
        source.Seek(333);
        var a = new DynamicColumnBatch(FileColumns, 100);
        var b = new DynamicColumnBatch(FileColumns, 100);
        for (int k = 0; source.ReadNext(a); k++)
        {
            Assert.True(source.ReadBatch(k, b));
            Assert.True(Contents(a).AsSpan().SequenceEqual(Contents(b)), $"batch {k} after Seek(333) differs");
        }
        Assert.False(source.ReadBatch(7, b)); // 667 entries from 333: batches 0..6
    }

    [Fact]
    public void ReadBatch_CorruptChunk_SameErrorAsReadNext()
    {
        using var dir = new TempDirectory();
        string path = Write(dir, 1000, 128);
        long at;
        using (var file = ColumnarFileReader.Open(path)) at = file.GetChunk(3, 9).PayloadOffset + 8; // column E of row group 3
        using (var f = File.Open(path, FileMode.Open, FileAccess.ReadWrite))
        {
            f.Position = at;
            int v = f.ReadByte();
            f.Position = at;
            f.WriteByte((byte)(v ^ 0x10));
        }
        using var reader = ColumnarFileReader.Open(path);
        var batch = new DynamicColumnBatch(FileColumns, 128);
        var e1 = Assert.Throws<DataFormatException>(() => reader.OpenSource(FileColumns).ReadBatch(3, batch));
        var seq = reader.OpenSource(FileColumns);
        var e2 = Assert.Throws<DataFormatException>(() => { while (seq.ReadNext(batch)) { } });
        Assert.Equal(e2.Message, e1.Message);
        Assert.Equal("E", e1.ObjectName);
        Assert.Equal(3 * 128, e1.Entry);
        Assert.True(reader.OpenSource(FileColumns).ReadBatch(2, batch)); // the other row groups are fine
    }
}
