using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data.Columnar;

namespace NuMM.Benchmarks.Data;

/// <summary>CRC-32C of one 256 KiB chunk (a row group of 65 536 float32): the hardware path (three interleaved
/// SSE4.2 streams, combined algebraically), the slicing-by-8 table fallback, and a plain copy of the same bytes
/// as the memory-bandwidth reference.</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ColumnarChecksumBenchmarks
{
    private readonly byte[] _data = new byte[256 * 1024];
    private readonly byte[] _copy = new byte[256 * 1024];

    [GlobalSetup]
    public void Setup() => new Random(3).NextBytes(_data);

    [Benchmark(Baseline = true)]
    public void Copy() => _data.AsSpan().CopyTo(_copy);

    [Benchmark]
    public uint Crc32C_Hardware() => Crc32C.Compute(_data);

    [Benchmark]
    public uint Crc32C_Table() => Crc32C.ComputeSoftware(_data);
}
