using System.Text;
using BenchmarkDotNet.Attributes;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Numpy;

namespace NuMM.Benchmarks.Data;

/// <summary>Reading 100 flux-universe weights per event into an element-major and into an event-major float32[100]
/// column (<see cref="ArrayLayout"/>), from a NumPy (N, 100) .npy file (entry-major on disk: transposed into an
/// element-major batch, read straight into an event-major one) and from a NuMM columnar file (element-major chunks:
/// read straight into an element-major batch, transposed in blocks into an event-major one), with the streaming-read
/// ceiling of the .npy file in the same run. 262 144 entries (≈ 105 MB per file), row groups and batches of 65 536.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ArrayLayoutReadBenchmarks
{
    private const int Entries = 1 << 18, Universes = 100, Batch = 1 << 16;

    private string _dir = "", _npyPath = "", _nummPath = "";
    private byte[] _block = [];
    private ColumnInfo[] _schema = [];
    private DynamicColumnBatch? _batch;
    private NumpyFile? _npy;
    private ColumnarFileReader? _numm;

    /// <summary>The batch column's layout.</summary>
    [Params(ArrayLayout.ElementMajor, ArrayLayout.EventMajor)]
    public ArrayLayout Layout { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A .npy file is one column named by its file stem.
        _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"numm-bench-layout-{Environment.ProcessId}")).FullName;
        _npyPath = Path.Combine(_dir, "flux.npy");
        _nummPath = Path.Combine(_dir, "flux.numm");
        _schema = [new("flux", ColumnType.Single, "", "flux", true, Universes, Layout)];
        var rng = new Random(1);
        var values = new float[(long)Entries * Universes]; // entry-major, as numpy stores (N, 100)
        foreach (ref float v in values.AsSpan()) v = (float)(0.8 + 0.4 * rng.NextDouble());
        WriteNpy(_npyPath, values);
        // The same values through event-major batches (the columnar writer takes either layout).
        var eventMajor = new ColumnInfo[] { _schema[0] with { Layout = ArrayLayout.EventMajor } };
        var fill = new DynamicColumnBatch(eventMajor, Batch);
        using (var w = new ColumnarFileWriter(_nummPath, eventMajor, new ColumnarWriteOptions { RowGroupEntries = Batch }))
        {
            for (int start = 0; start < Entries; start += Batch)
            {
                values.AsSpan(start * Universes, Batch * Universes).CopyTo(fill.Column<float>(0));
                fill.Length = Batch;
                w.Write(fill);
            }
            w.Commit();
        }
        _batch = new DynamicColumnBatch(_schema, Batch);
        _block = new byte[1 << 20];
        _npy = NumpyFile.Open(_npyPath);
        _numm = ColumnarFileReader.Open(_nummPath);
        StreamingReadCeiling(); // warm the page cache
        Npy();
        Columnar();
    }

    private static void WriteNpy(string path, float[] values)
    {
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({Entries}, {Universes}), }}";
        int total = 10 + dict.Length + 1;
        dict = dict.PadRight(dict.Length + (64 - total % 64) % 64) + "\n";
        using var s = File.Create(path);
        s.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(dict.Length & 0xFF), (byte)(dict.Length >> 8)]);
        s.Write(Encoding.ASCII.GetBytes(dict));
        s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _npy?.Dispose();
        _numm?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The ceiling: every byte of the .npy file through a plain FileStream.</summary>
    [Benchmark(Baseline = true)]
    public long StreamingReadCeiling()
    {
        using var s = new FileStream(_npyPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long total = 0;
        int n;
        while ((n = s.Read(_block, 0, _block.Length)) > 0) total += n;
        return total;
    }

    /// <summary>The NumPy (N, 100) array (finite check on, as declared).</summary>
    [Benchmark]
    public long Npy()
    {
        using var source = _npy!.OpenSource(_schema);
        long n = 0;
        while (source.ReadNext(_batch!)) n += _batch!.Length;
        return n;
    }

    /// <summary>The NuMM columnar float32[100] column (finite check on, as declared).</summary>
    [Benchmark]
    public long Columnar()
    {
        var source = _numm!.OpenSource(_schema);
        long n = 0;
        while (source.ReadNext(_batch!)) n += _batch!.Length;
        return n;
    }
}
