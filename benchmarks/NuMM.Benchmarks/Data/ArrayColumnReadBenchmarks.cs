using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;

namespace NuMM.Benchmarks.Data;

/// <summary>Reading 100 flux-universe weights per event from a NuMM columnar file: as one array column (float32[100],
/// element-major chunks copied through a scratch buffer, one run per value) against the same bytes stored as 100 scalar
/// columns (one positioned read per chunk straight into the batch) and the streaming-read ceiling (a plain FileStream
/// over the array file), all in one run. 262 144 entries (≈ 105 MB per file), row groups and batches of 65 536.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ArrayColumnReadBenchmarks
{
    private const int Entries = 1 << 18, Universes = 100, RowGroup = 1 << 16;

    private static readonly ColumnInfo[] ArraySchema = [new("flux", ColumnType.Single, "", "FluxUniverse", true, Universes)];
    private static readonly ColumnInfo[] ScalarSchema =
        Enumerable.Range(0, Universes).Select(k => new ColumnInfo($"flux{k}", ColumnType.Single, "", $"FluxUniverse[{k}]", true)).ToArray();

    private string _arrayPath = "", _scalarPath = "";
    private byte[] _block = [];
    private ColumnarFileReader? _arrayReader, _scalarReader;
    private DynamicColumnBatch? _arrayBatch, _scalarBatch;

    [GlobalSetup]
    public void Setup()
    {
        _arrayPath = Path.Combine(Path.GetTempPath(), $"numm-bench-array-{Environment.ProcessId}.numm");
        _scalarPath = Path.Combine(Path.GetTempPath(), $"numm-bench-scalars-{Environment.ProcessId}.numm");
        var rng = new Random(1);
        _arrayBatch = new DynamicColumnBatch(ArraySchema, RowGroup);
        _scalarBatch = new DynamicColumnBatch(ScalarSchema, RowGroup);
        var options = new ColumnarWriteOptions { RowGroupEntries = RowGroup };
        using (var a = new ColumnarFileWriter(_arrayPath, ArraySchema, options))
        using (var s = new ColumnarFileWriter(_scalarPath, ScalarSchema, options))
        {
            for (int start = 0; start < Entries; start += RowGroup)
            {
                var values = _arrayBatch.Column<float>(0);
                foreach (ref float v in values) v = (float)(0.8 + 0.4 * rng.NextDouble());
                // The same values: value k of event i is scalar column k's row i.
                for (int k = 0; k < Universes; k++) values.Slice(k * RowGroup, RowGroup).CopyTo(_scalarBatch.Column<float>(k));
                _arrayBatch.Length = _scalarBatch.Length = RowGroup;
                a.Write(_arrayBatch);
                s.Write(_scalarBatch);
            }
            a.Commit();
            s.Commit();
        }
        _block = new byte[1 << 20];
        _arrayReader = ColumnarFileReader.Open(_arrayPath);
        _scalarReader = ColumnarFileReader.Open(_scalarPath);
        StreamingReadCeiling(); // warm the page cache
        ScalarColumns();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _arrayReader?.Dispose();
        _scalarReader?.Dispose();
        File.Delete(_arrayPath);
        File.Delete(_scalarPath);
    }

    /// <summary>The ceiling: every byte of the array file through a plain FileStream.</summary>
    [Benchmark(Baseline = true)]
    public long StreamingReadCeiling()
    {
        using var s = new FileStream(_arrayPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long total = 0;
        int n;
        while ((n = s.Read(_block, 0, _block.Length)) > 0) total += n;
        return total;
    }

    /// <summary>One float32[100] array column (finite check on, as declared).</summary>
    [Benchmark]
    public long ArrayColumn()
    {
        var source = _arrayReader!.OpenSource(ArraySchema);
        long n = 0;
        while (source.ReadNext(_arrayBatch!)) n += _arrayBatch!.Length;
        return n;
    }

    /// <summary>The same values as 100 float32 columns (finite check on each).</summary>
    [Benchmark]
    public long ScalarColumns()
    {
        var source = _scalarReader!.OpenSource(ScalarSchema);
        long n = 0;
        while (source.ReadNext(_scalarBatch!)) n += _scalarBatch!.Length;
        return n;
    }
}
