using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;

namespace NuMM.Data.Tests.Columnar;

/// <summary>Random columns of every type, written to and read back from NuMM columnar files.</summary>
internal static class ColumnarTestData
{
    public static readonly ColumnInfo[] AllTypes =
    [
        new("flag", ColumnType.Boolean, "", "isCC", false),
        new("i8", ColumnType.SByte, "", "i8", false),
        new("u8", ColumnType.Byte, "", "u8", false),
        new("i16", ColumnType.Int16, "", "i16", false),
        new("u16", ColumnType.UInt16, "", "u16", false),
        new("pdg", ColumnType.Int32, "", "pdg", false),
        new("u32", ColumnType.UInt32, "", "u32", false),
        new("run", ColumnType.Int64, "", "run", false),
        new("u64", ColumnType.UInt64, "", "u64", false),
        new("E", ColumnType.Single, "GeV", "trueE", true),
        new("theta", ColumnType.Double, "rad", "theta", false),
    ];

    /// <summary>Expected contents: one array per column, deterministic in <paramref name="seed"/>.</summary>
    public static Array[] Make(ColumnInfo[] columns, int n, int seed)
    {
        var rng = new Random(seed);
        var result = new Array[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            var bytes = new byte[n * DynamicColumnBatch.ElementSize(columns[c].Type)];
            rng.NextBytes(bytes);
            result[c] = columns[c].Type switch
            {
                ColumnType.Boolean => bytes.Select(b => (b & 1) == 1).ToArray(),
                ColumnType.SByte => bytes.Select(b => (sbyte)b).ToArray(),
                ColumnType.Byte => bytes,
                ColumnType.Int16 => Cast<short>(bytes),
                ColumnType.UInt16 => Cast<ushort>(bytes),
                ColumnType.Int32 => Cast<int>(bytes),
                ColumnType.UInt32 => Cast<uint>(bytes),
                ColumnType.Int64 => Cast<long>(bytes),
                ColumnType.UInt64 => Cast<ulong>(bytes),
                ColumnType.Single => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 10)).ToArray(),
                ColumnType.Double => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * Math.PI).ToArray(),
                _ => throw new InvalidOperationException(),
            };
        }
        return result;
    }

    private static T[] Cast<T>(byte[] b) where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(b).ToArray();

    /// <summary>Writes <paramref name="data"/> through batches of <paramref name="batchSize"/>.</summary>
    public static void Write(string path, ColumnInfo[] columns, Array[] data, int batchSize, ColumnarWriteOptions? options = null)
    {
        using var writer = new ColumnarFileWriter(path, columns, options);
        var batch = new DynamicColumnBatch(columns, batchSize);
        int n = data.Length == 0 ? 0 : data[0].Length;
        for (int start = 0; start < n; start += batchSize)
        {
            int take = Math.Min(batchSize, n - start);
            for (int c = 0; c < columns.Length; c++)
            {
                int size = DynamicColumnBatch.ElementSize(columns[c].Type);
                var src = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                    ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(data[c]), data[c].Length * size);
                src.Slice(start * size, take * size).CopyTo(batch.ColumnBytes(c));
            }
            batch.Length = take;
            writer.Write(batch);
        }
        writer.Commit();
    }

    /// <summary>Reads every entry of the given columns into arrays (as raw bytes per column; for an array column, batch by
    /// batch, the run of each value k).</summary>
    public static byte[][] ReadAll(IBatchSource<IColumnBatch> source, ColumnInfo[] schema, int batchSize)
    {
        var batch = new DynamicColumnBatch(schema, batchSize);
        var outputs = schema.Select(_ => new List<byte>()).ToArray();
        while (source.ReadNext(batch))
            for (int c = 0; c < schema.Length; c++)
            {
                int size = DynamicColumnBatch.ElementSize(schema[c].Type);
                for (int k = 0; k < schema[c].Length; k++)
                    outputs[c].AddRange(batch.ColumnBytes(c).Slice(k * batchSize * size, batch.Length * size).ToArray());
            }
        Assert.Equal(0, batch.Length);
        return outputs.Select(o => o.ToArray()).ToArray();
    }

    public static byte[] Bytes(Array a, ColumnType type) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a), a.Length * DynamicColumnBatch.ElementSize(type)).ToArray();
}
