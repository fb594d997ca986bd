using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;

namespace NuMM.Benchmarks.Data;

/// <summary>Single-threaded read throughput of a NuMM columnar file against the streaming-read ceiling: a plain
/// FileStream reading the same file in 1 MiB blocks, in the same run. The file (≈ 117 MB, 4 Mi entries of six
/// columns) is written once per row-group size in the temp folder and read from the page cache by every benchmark.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ColumnarReadBenchmarks
{
    private const int Entries = 1 << 22;

    private static readonly ColumnInfo[] Schema =
    [
        new("trueE", ColumnType.Single, "GeV", "trueE", true),
        new("recoE", ColumnType.Single, "GeV", "recoE", true),
        new("vtxX", ColumnType.Single, "cm", "vtxX", false),
        new("vtxZ", ColumnType.Single, "cm", "vtxZ", false),
        new("weight", ColumnType.Double, "", "weight", true),
        new("pdg", ColumnType.Int32, "", "pdg", false),
    ];

    private string _path = "";

    /// <summary>Entries per row group of the file (and per batch of the direct-read benchmarks).</summary>
    [Params(16384, 65536)]
    public int RowGroup { get; set; }
    private byte[] _block = [];
    private ColumnarFileReader? _reader;
    private DynamicColumnBatch? _wholeGroups, _smallBatches, _twoColumns;

    /// <summary>Bytes in the file (the ceiling reads all of them; the NuMM reads read every chunk of every column).</summary>
    public long FileBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"numm-bench-{Environment.ProcessId}.numm");
        var rng = new Random(1);
        var batch = new DynamicColumnBatch(Schema, RowGroup);
        using (var writer = new ColumnarFileWriter(_path, Schema, new ColumnarWriteOptions { Exposure = Exposure.Pot(1e20), RowGroupEntries = RowGroup }))
        {
            for (int start = 0; start < Entries; start += batch.Capacity)
            {
                for (int c = 0; c < 4; c++) foreach (ref float v in batch.Column<float>(c)) v = (float)rng.NextDouble();
                foreach (ref double v in batch.Column<double>(4)) v = rng.NextDouble();
                foreach (ref int v in batch.Column<int>(5)) v = rng.Next(-16, 16);
                batch.Length = batch.Capacity;
                writer.Write(batch);
            }
            writer.Commit();
        }
        FileBytes = new FileInfo(_path).Length;
        _block = new byte[1 << 20];
        _reader = ColumnarFileReader.Open(_path);
        _wholeGroups = new DynamicColumnBatch(Schema, RowGroup);
        _smallBatches = new DynamicColumnBatch(Schema, 10_000);
        _twoColumns = new DynamicColumnBatch([Schema[0], Schema[3]], RowGroup);
        // Warm the page cache so every benchmark reads memory, not disk.
        StreamingReadCeiling();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _reader?.Dispose();
        File.Delete(_path);
    }

    /// <summary>The ceiling: a plain FileStream reading every byte of the file sequentially.</summary>
    [Benchmark(Baseline = true)]
    public long StreamingReadCeiling()
    {
        using var s = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long total = 0;
        int n;
        while ((n = s.Read(_block)) > 0) total += n;
        return total;
    }

    /// <summary>All columns into batches of one row group each: one positioned read per chunk straight into the
    /// batch, CRC-32C of every chunk, finite scan of the three columns declared finite.</summary>
    [Benchmark]
    public long NuMM_AllColumns_RowGroupBatches() => ReadAll(_reader!.OpenSource(Schema), _wholeGroups!);

    /// <summary>All columns into batches of 10 000 entries (not a divisor of the row group): chunks go through the
    /// scratch buffer and are copied out.</summary>
    [Benchmark]
    public long NuMM_AllColumns_10kBatches() => ReadAll(_reader!.OpenSource(Schema), _smallBatches!);

    /// <summary>Two of six columns (reads 8 of the 28 bytes per entry).</summary>
    [Benchmark]
    public long NuMM_TwoColumns_RowGroupBatches() => ReadAll(_reader!.OpenSource([Schema[0], Schema[3]]), _twoColumns!);

    private static long ReadAll(ColumnarBatchSource source, DynamicColumnBatch batch)
    {
        long n = 0;
        while (source.ReadNext(batch)) n += batch.Length;
        if (n != Entries) throw new InvalidOperationException($"read {n} entries, expected {Entries}");
        return n;
    }
}
