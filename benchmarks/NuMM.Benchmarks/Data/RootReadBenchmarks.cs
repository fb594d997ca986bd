using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;

namespace NuMM.Benchmarks.Data;

/// <summary>ROOT read throughput on the uproot HZZ files (2421 events, identical values in every compression). Each
/// invocation reads the tree <see cref="Passes"/> times from memory (the file bytes are loaded once), so the numbers
/// measure parsing, decompression and decoding, not the disk. Throughput = decompressed bytes / time; the byte counts
/// are printed by the global setup and listed in docs/root-reader.md.</summary>
[MemoryDiagnoser]
public class RootReadBenchmarks
{
    private const int Passes = 10;
    private byte[] _bytes = [];
    private ColumnInfo[] _scalarColumns = [];

    /// <summary>Which HZZ file: the compression it was written with.</summary>
    [Params("uncompressed", "zlib", "lz4", "lzma", "zstd")]
    public string Compression { get; set; } = "zlib";

    /// <summary>Decompression threads: 1; −1 for all cores (work under 64 KiB of stored bytes still runs on the calling
    /// thread); −2 for all cores with that threshold removed (every batch or branch read goes through Parallel.For).</summary>
    [Params(1, -1, -2)]
    public int Threads { get; set; }

    private int MaxDop => Threads == -2 ? -1 : Threads;

    private RootFile OpenFile()
    {
        var f = RootFile.Open(_bytes, Compression);
        if (Threads == -2) f.MinParallelBytes = 0;
        return f;
    }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "NuMM.Data.Tests", "TestData", "root", $"uproot-HZZ-{Compression}.root"));
        using var f = RootFile.Open(_bytes, Compression);
        var t = f.GetTree("events");
        _scalarColumns = t.Branches
            .Where(b => b.IsReadable && b.Kind == RootArrayKind.Scalar)
            .Select(b => new ColumnInfo(b.Name, b.NaturalColumnType!.Value, "", b.Name, false))
            .ToArray();
        long scalarBytes = _scalarColumns.Sum(c => (long)DynamicColumnBatch.ElementSize(c.Type)) * t.Entries;
        long allBytes = ReadAllBranches(t, 1);
        Console.WriteLine($"// HZZ-{Compression}: scalar columns {_scalarColumns.Length}, {scalarBytes} decoded bytes per pass; all 51 branches {allBytes} decoded bytes per pass");
    }

    /// <summary>The analysis path: every scalar branch through <see cref="RootBatchSource{TBatch}"/> into a columnar batch.</summary>
    [Benchmark(OperationsPerInvoke = Passes)]
    public long BatchSource_ScalarColumns()
    {
        long n = 0;
        var batch = new DynamicColumnBatch(_scalarColumns, 1024);
        for (int p = 0; p < Passes; p++)
        {
            using var f = OpenFile();
            var src = f.GetTree("events").OpenBatches<DynamicColumnBatch>(_scalarColumns, MaxDop);
            while (src.ReadNext(batch)) n += batch.Length;
        }
        return n;
    }

    /// <summary>Whole-branch reads of all 51 branches (jagged ones with their offsets) in their stored types.</summary>
    [Benchmark(OperationsPerInvoke = Passes)]
    public long WholeBranches_All()
    {
        long n = 0;
        for (int p = 0; p < Passes; p++)
        {
            using var f = OpenFile();
            n += ReadAllBranches(f.GetTree("events"), MaxDop);
        }
        return n;
    }

    private static long ReadAllBranches(RootTree t, int threads)
    {
        long bytes = 0;
        foreach (var b in t.Branches)
        {
            switch (b.LeafType, b.Kind)
            {
                case (RootLeafType.Boolean, RootArrayKind.Counted): bytes += b.ReadJagged<bool>(threads).Values.Length; break;
                case (RootLeafType.Boolean, _): bytes += b.Read<bool>(threads).Length; break;
                case (RootLeafType.Int32, RootArrayKind.Counted): bytes += 4L * b.ReadJagged<int>(threads).Values.Length; break;
                case (RootLeafType.Int32, _): bytes += 4L * b.Read<int>(threads).Length; break;
                case (RootLeafType.Float32, RootArrayKind.Counted): bytes += 4L * b.ReadJagged<float>(threads).Values.Length; break;
                case (RootLeafType.Float32, _): bytes += 4L * b.Read<float>(threads).Length; break;
                default: throw new InvalidOperationException($"Unexpected branch {b.Describe()}");
            }
        }
        return bytes;
    }

    internal static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "NuMM.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Run the benchmarks from inside the NuMM repository (NuMM.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
