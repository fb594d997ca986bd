using System.Runtime.InteropServices;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;

namespace NuMM.Data.Tests.Layout;

/// <summary>Reads a source into batches of one <see cref="ArrayLayout"/> and flattens what it read through
/// <see cref="ColumnInfo.IndexOf"/>, so batches of either layout can be compared value by value.</summary>
internal static class LayoutReading
{
    /// <summary>The schema with every array column in <paramref name="layout"/> (scalars unchanged: they have no layout).</summary>
    public static ColumnInfo[] With(ColumnInfo[] schema, ArrayLayout layout) =>
        schema.Select(c => c.IsArray ? c with { Layout = layout } : c).ToArray();

    /// <summary>Reads every batch; returns per column its raw values entry-major (value k of entry i at i × Length + k), each
    /// taken from its batch at <see cref="ColumnInfo.IndexOf"/>(capacity, row, k).</summary>
    public static byte[][] ReadAll(IBatchSource<DynamicColumnBatch> source, ColumnInfo[] schema, int capacity)
    {
        try
        {
            var batch = new DynamicColumnBatch(schema, capacity);
            var outputs = schema.Select(_ => new List<byte>()).ToArray();
            while (source.ReadNext(batch))
                for (int c = 0; c < schema.Length; c++)
                {
                    var info = batch.Columns[c];
                    int size = DynamicColumnBatch.ElementSize(info.Type);
                    var bytes = batch.ColumnBytes(c);
                    for (int i = 0; i < batch.Length; i++)
                        for (int k = 0; k < info.Length; k++)
                            outputs[c].AddRange(bytes.Slice(info.IndexOf(capacity, i, k) * size, size).ToArray());
                }
            Assert.Equal(0, batch.Length);
            return outputs.Select(o => o.ToArray()).ToArray();
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>Reads the same input into element-major and into event-major batches of <paramref name="capacity"/> and
    /// asserts that every value of every entry agrees; returns the values (entry-major, per column).</summary>
    /// <param name="open">Opens a fresh source over the input for the given schema.</param>
    public static byte[][] AssertLayoutsAgree(Func<ColumnInfo[], IBatchSource<DynamicColumnBatch>> open, ColumnInfo[] schema, int capacity)
    {
        Assert.Contains(schema, c => c.IsArray); // else there is nothing to compare
        var elementMajor = With(schema, ArrayLayout.ElementMajor);
        var eventMajor = With(schema, ArrayLayout.EventMajor);
        var a = ReadAll(open(elementMajor), elementMajor, capacity);
        var b = ReadAll(open(eventMajor), eventMajor, capacity);
        for (int c = 0; c < schema.Length; c++)
        {
            Assert.Equal(a[c].Length, b[c].Length);
            int size = DynamicColumnBatch.ElementSize(schema[c].Type), length = schema[c].Length;
            for (int v = 0; v < a[c].Length / size; v++)
                if (!a[c].AsSpan(v * size, size).SequenceEqual(b[c].AsSpan(v * size, size)))
                    Assert.Fail($"Column '{schema[c].Name}' entry {v / length} value {v % length}: element-major and event-major batches differ (capacity {capacity}).");
        }
        return a;
    }

    /// <summary>Value k of entry i of a column flattened by <see cref="ReadAll"/>.</summary>
    public static T At<T>(byte[] values, int length, int i, int k) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(values)[i * length + k];

    /// <summary>The number of entries a flattened column holds.</summary>
    public static int Entries<T>(byte[] values, int length) where T : unmanaged => MemoryMarshal.Cast<byte, T>(values).Length / length;
}
