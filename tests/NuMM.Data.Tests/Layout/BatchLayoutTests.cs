using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;

namespace NuMM.Data.Tests.Layout;

/// <summary><see cref="BatchCopy"/> between every pair of layouts and <see cref="ArrayRuns"/> against
/// <see cref="ColumnInfo.IndexOf"/>, for values of 1, 2, 4 and 8 bytes.</summary>
public sealed class BatchLayoutTests
{
    private static readonly ColumnInfo[] Schema =
    [
        new("E", ColumnType.Single, "GeV", "E", false),
        new("hits", ColumnType.Boolean, "", "hits", false, 3),
        new("adc", ColumnType.Int16, "", "adc", false, 5),
        new("w", ColumnType.Single, "", "w", false, 100),
        new("ids", ColumnType.Int64, "", "ids", false, 7),
        new("one", ColumnType.Double, "", "one", false, 1),
    ];

    /// <summary>Value k of event i of column c, distinct for every (c, i, k) within each type's range.</summary>
    private static long Expected(int c, int i, int k) => c switch
    {
        1 => (i + k) % 3 == 0 ? 1 : 0,
        2 => (short)(100 * k - i),
        _ => 1000L * i + 10 * k + c,
    };

    private static void Set(DynamicColumnBatch b, int c, int at, long v)
    {
        switch (b.Columns[c].Type)
        {
            case ColumnType.Boolean: b.Column<bool>(c)[at] = v != 0; break;
            case ColumnType.Int16: b.Column<short>(c)[at] = (short)v; break;
            case ColumnType.Single: b.Column<float>(c)[at] = v; break;
            case ColumnType.Int64: b.Column<long>(c)[at] = v; break;
            case ColumnType.Double: b.Column<double>(c)[at] = v; break;
            default: throw new NotSupportedException();
        }
    }

    private static long Get(DynamicColumnBatch b, int c, int at) => b.Columns[c].Type switch
    {
        ColumnType.Boolean => b.Column<bool>(c)[at] ? 1 : 0,
        ColumnType.Int16 => b.Column<short>(c)[at],
        ColumnType.Single => (long)b.Column<float>(c)[at],
        ColumnType.Int64 => b.Column<long>(c)[at],
        ColumnType.Double => (long)b.Column<double>(c)[at],
        _ => throw new NotSupportedException(),
    };

    private static DynamicColumnBatch Make(ArrayLayout layout, int capacity, int length)
    {
        var b = new DynamicColumnBatch(LayoutReading.With(Schema, layout), capacity);
        // Every slot, valid or not, first holds a marker, so a value copied from a row past the length shows.
        for (int c = 0; c < Schema.Length; c++)
            for (int at = 0; at < capacity * Schema[c].Length; at++) Set(b, c, at, Schema[c].Type == ColumnType.Boolean ? 1 : -7);
        for (int i = 0; i < length; i++)
            for (int c = 0; c < Schema.Length; c++)
                for (int k = 0; k < Schema[c].Length; k++) Set(b, c, b.Columns[c].IndexOf(capacity, i, k), Expected(c, i, k));
        b.Length = length;
        return b;
    }

    [Theory]
    [InlineData(ArrayLayout.ElementMajor, ArrayLayout.ElementMajor)]
    [InlineData(ArrayLayout.ElementMajor, ArrayLayout.EventMajor)]
    [InlineData(ArrayLayout.EventMajor, ArrayLayout.ElementMajor)]
    [InlineData(ArrayLayout.EventMajor, ArrayLayout.EventMajor)]
    public void Copy_BetweenLayoutsAndCapacities_KeepsEveryValue(ArrayLayout fromLayout, ArrayLayout toLayout)
    {
        foreach (var (fromCapacity, toCapacity, n) in new[] { (10, 7, 6), (7, 10, 7), (64, 64, 63), (3, 200, 3) })
        {
            var from = Make(fromLayout, fromCapacity, n);
            var to = Make(toLayout, toCapacity, 0);
            BatchCopy.Copy(from, to);
            Assert.Equal(n, to.Length);
            for (int c = 0; c < Schema.Length; c++)
                for (int i = 0; i < n; i++)
                    for (int k = 0; k < Schema[c].Length; k++)
                        Assert.True(Expected(c, i, k) == Get(to, c, to.Columns[c].IndexOf(toCapacity, i, k)),
                            $"{fromLayout} ({fromCapacity}) → {toLayout} ({toCapacity}): column '{Schema[c].Name}' event {i} value {k}");
        }
    }

    [Fact]
    public void Copy_ThroughArrayBatchSource_EventMajorBatchesIntoElementMajor()
    {
        var batches = new[] { Make(ArrayLayout.EventMajor, 5, 5), Make(ArrayLayout.EventMajor, 5, 2) };
        var source = new ArrayBatchSource<DynamicColumnBatch>(batches);
        var to = Make(ArrayLayout.ElementMajor, 8, 0);
        Assert.True(source.ReadNext(to));
        Assert.Equal(5, to.Length);
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < 100; k++) Assert.Equal(Expected(3, i, k), (long)to.Column<float>(3)[k * 8 + i]);
    }

    [Fact]
    public void IndexOf_AndStrides_OfBothLayouts()
    {
        var w = Schema[3];
        Assert.False(w.IsEventMajor);
        Assert.Equal(5 * 64 + 9, w.IndexOf(64, 9, 5));
        Assert.Equal((64, 1), (w.ElementStride(64), w.RowStride));
        var e = w with { Layout = ArrayLayout.EventMajor };
        Assert.True(e.IsEventMajor);
        Assert.Equal(9 * 100 + 5, e.IndexOf(64, 9, 5));
        Assert.Equal((1, 100), (e.ElementStride(64), e.RowStride));
        // A scalar column has no layout: event-major is ignored.
        var s = Schema[0] with { Layout = ArrayLayout.EventMajor };
        Assert.False(s.IsEventMajor);
        Assert.Equal(9, s.IndexOf(64, 9, 0));
    }

    /// <summary>Value k of row j as raw bytes of <paramref name="size"/>: distinct in every byte position.</summary>
    private static byte[] Raw(int size, int j, int k)
    {
        var v = new byte[size];
        for (int b = 0; b < size; b++) v[b] = (byte)(31 * j + 7 * k + 101 * b + 1);
        return v;
    }

    [Theory]
    [InlineData(1, ArrayLayout.ElementMajor)]
    [InlineData(1, ArrayLayout.EventMajor)]
    [InlineData(2, ArrayLayout.EventMajor)]
    [InlineData(4, ArrayLayout.ElementMajor)]
    [InlineData(4, ArrayLayout.EventMajor)]
    [InlineData(8, ArrayLayout.EventMajor)]
    public void ArrayRuns_EveryHelper_PutsAndGetsAtIndexOf(int size, ArrayLayout layout)
    {
        const int capacity = 1500, length = 13, row = 11, n = 1400; // n > the transposes' blocks of rows
        var info = new ColumnInfo("w", ColumnType.Byte, "", "w", false, length, layout);
        var type = size switch { 1 => ColumnType.Byte, 2 => ColumnType.Int16, 4 => ColumnType.Single, _ => ColumnType.Double };
        info = info with { Type = type };
        byte[] Expect(int j, int k) => Raw(size, j, k);
        void AssertColumn(byte[] column, string helper)
        {
            for (int j = 0; j < n; j++)
                for (int k = 0; k < length; k++)
                    if (!column.AsSpan(info.IndexOf(capacity, row + j, k) * size, size).SequenceEqual(Expect(j, k)))
                        Assert.Fail($"{helper}: row {row + j} value {k} is not where IndexOf says");
            // Rows outside [row, row + n) are untouched (zero).
            for (int k = 0; k < length; k++)
            {
                Assert.True(column.AsSpan(info.IndexOf(capacity, row - 1, k) * size, size).IndexOfAnyExcept((byte)0) < 0, $"{helper}: row {row - 1} written");
                Assert.True(column.AsSpan(info.IndexOf(capacity, row + n, k) * size, size).IndexOfAnyExcept((byte)0) < 0, $"{helper}: row {row + n} written");
            }
        }
        // Entry-major input (value k of row j at j × length + k) and element-major runs (at k × stride + j).
        var entries = new byte[n * length * size];
        const int runStride = n + 3;
        var runs = new byte[length * runStride * size];
        for (int j = 0; j < n; j++)
            for (int k = 0; k < length; k++)
            {
                Expect(j, k).CopyTo(entries, (j * length + k) * size);
                Expect(j, k).CopyTo(runs, (k * runStride + j) * size);
            }

        var put = new byte[capacity * length * size];
        for (int k = 0; k < length; k++) ArrayRuns.Put(put, info, capacity, size, k, row, runs.AsSpan(k * runStride * size, n * size));
        AssertColumn(put, "Put");

        var putEntries = new byte[capacity * length * size];
        ArrayRuns.PutEntries(putEntries, info, capacity, size, row, entries);
        AssertColumn(putEntries, "PutEntries");

        var putRuns = new byte[capacity * length * size];
        ArrayRuns.PutRuns(putRuns, info, capacity, size, row, runs, runStride, n);
        AssertColumn(putRuns, "PutRuns");

        var gotEntries = new byte[n * length * size];
        ArrayRuns.GetEntries(put, info, capacity, size, row, gotEntries);
        Assert.Equal(entries, gotEntries);

        var gotRuns = new byte[length * runStride * size];
        ArrayRuns.GetRuns(put, info, capacity, size, row, gotRuns, runStride, n);
        for (int k = 0; k < length; k++)
        {
            Assert.Equal(runs.AsSpan(k * runStride * size, n * size).ToArray(), gotRuns.AsSpan(k * runStride * size, n * size).ToArray());
            var one = new byte[n * size];
            ArrayRuns.Get(put, info, capacity, size, k, row, one);
            Assert.Equal(runs.AsSpan(k * runStride * size, n * size).ToArray(), one);
        }
    }
}
