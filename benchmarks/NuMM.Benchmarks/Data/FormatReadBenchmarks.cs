using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Arrow;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Interchange;

namespace NuMM.Benchmarks.Data;

/// <summary>NuMM's columnar format against a memory-mapped Apache Arrow IPC file holding the same data (4 Mi entries,
/// six columns, ≈ 117 MB; 65 536 entries per NuMM row group and per Arrow record batch), read single-threaded into
/// batches of 65 536 entries — the path an analysis takes. Both files are written once and read from the page cache;
/// the baseline is a plain FileStream reading the NuMM file's bytes.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class FormatReadBenchmarks
{
    private const int Entries = 1 << 22;
    private const int Group = 65536;

    private static readonly ColumnInfo[] Schema =
    [
        new("trueE", ColumnType.Single, "GeV", "trueE", true),
        new("recoE", ColumnType.Single, "GeV", "recoE", true),
        new("vtxX", ColumnType.Single, "cm", "vtxX", false),
        new("vtxZ", ColumnType.Single, "cm", "vtxZ", false),
        new("weight", ColumnType.Double, "", "weight", true),
        new("pdg", ColumnType.Int32, "", "pdg", false),
    ];

    private string _numm = "", _arrow = "";
    private ColumnarFileReader? _nummReader;
    private ArrowIpcFile? _arrowFile;
    private DynamicColumnBatch? _batch, _two;
    private readonly byte[] _block = new byte[1 << 20];

    [GlobalSetup]
    public void Setup()
    {
        string stem = Path.Combine(Path.GetTempPath(), $"numm-format-bench-{Environment.ProcessId}");
        _numm = stem + ".numm";
        _arrow = stem + ".arrow";
        var rng = new Random(1);
        var cols = Schema.Select(c => ColumnArrays.New(c.Type, Entries)).ToArray();
        for (int c = 0; c < 4; c++) { var a = (float[])cols[c]; for (int i = 0; i < Entries; i++) a[i] = (float)rng.NextDouble(); }
        { var a = (double[])cols[4]; for (int i = 0; i < Entries; i++) a[i] = rng.NextDouble(); }
        { var a = (int[])cols[5]; for (int i = 0; i < Entries; i++) a[i] = rng.Next(-16, 16); }
        ArrowIpcWriter.Write(_arrow, Schema.Select((c, k) => new TableColumn(c, cols[k])).ToList(), Exposure.Pot(1e20));
        var batch = new DynamicColumnBatch(Schema, Group);
        using (var writer = new ColumnarFileWriter(_numm, Schema, new ColumnarWriteOptions { Exposure = Exposure.Pot(1e20), RowGroupEntries = Group }))
        {
            for (int start = 0; start < Entries; start += Group)
            {
                for (int c = 0; c < Schema.Length; c++)
                {
                    int size = NuMM.Runtime.Data.Mapping.ColumnTypes.Size(Schema[c].Type);
                    ColumnArrays.Bytes(cols[c]).Slice(start * size, Group * size).CopyTo(NuMM.Runtime.Data.Mapping.ColumnTypes.Bytes(batch, c, Schema[c].Type));
                }
                batch.Length = Group;
                writer.Write(batch);
            }
            writer.Commit();
        }
        _nummReader = ColumnarFileReader.Open(_numm);
        _arrowFile = ArrowIpcFile.Open(_arrow);
        _batch = new DynamicColumnBatch(Schema, Group);
        _two = new DynamicColumnBatch([Schema[0], Schema[3]], Group);
        Console.WriteLine($"// NuMM file {new FileInfo(_numm).Length} B, Arrow file {new FileInfo(_arrow).Length} B");
        StreamingReadCeiling();
        Arrow_AllColumns();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _nummReader?.Dispose();
        _arrowFile?.Dispose();
        File.Delete(_numm);
        File.Delete(_arrow);
    }

    [Benchmark(Baseline = true)]
    public long StreamingReadCeiling()
    {
        using var s = new FileStream(_numm, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long total = 0;
        int n;
        while ((n = s.Read(_block)) > 0) total += n;
        return total;
    }

    [Benchmark]
    public long Numm_AllColumns() => ReadAll(_nummReader!.OpenSource(Schema), _batch!);

    [Benchmark]
    public long Arrow_AllColumns()
    {
        using var src = (ArrowBatchSource)_arrowFile!.OpenSource(Schema);
        return ReadAll(src, _batch!);
    }

    [Benchmark]
    public long Numm_TwoColumns() => ReadAll(_nummReader!.OpenSource([Schema[0], Schema[3]]), _two!);

    [Benchmark]
    public long Arrow_TwoColumns()
    {
        using var src = (ArrowBatchSource)_arrowFile!.OpenSource([Schema[0], Schema[3]]);
        return ReadAll(src, _two!);
    }

    private static long ReadAll(IBatchSource<IColumnBatch> source, DynamicColumnBatch batch)
    {
        long n = 0;
        while (source.ReadNext(batch)) n += batch.Length;
        if (n != Entries) throw new InvalidOperationException($"read {n} entries, expected {Entries}");
        return n;
    }
}
