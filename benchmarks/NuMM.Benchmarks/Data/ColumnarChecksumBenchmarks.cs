using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using NuMM.Benchmarks.Data.HandWritten;
using NuMM.Runtime.Data.Columnar;

namespace NuMM.Benchmarks.Data;

/// <summary>Checksums of one 256 KiB chunk (a row group of 65 536 float32), with a plain copy of the same bytes as the
/// memory-bandwidth reference. CRC-32C (the NuMM columnar format): NuMM's hand-written hardware path (three interleaved
/// SSE4.2 streams, combined algebraically) and its slicing-by-8 table, against System.IO.Hashing and a plain loop over
/// <see cref="BitOperations.Crc32C(uint, ulong)"/>. CRC-32 (zip, for .npz members): the hand-written slicing-by-8 table
/// against System.IO.Hashing.</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ColumnarChecksumBenchmarks
{
    private readonly byte[] _data = new byte[256 * 1024];
    private readonly byte[] _copy = new byte[256 * 1024];

    [GlobalSetup]
    public void Setup()
    {
        new Random(3).NextBytes(_data);
        if (Crc32C.Compute(_data) != System.IO.Hashing.Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, _data) || Crc32C.Compute(_data) != BitOperationsCrc32C(_data))
            throw new InvalidOperationException("CRC-32C implementations disagree");
        if (Crc32Ieee.Compute(_data) != Crc32.HashToUInt32(_data)) throw new InvalidOperationException("CRC-32 implementations disagree");
    }

    [Benchmark(Baseline = true)]
    public void Copy() => _data.AsSpan().CopyTo(_copy);

    [Benchmark]
    public uint Crc32C_HandWritten_Hardware() => Crc32C.Compute(_data);

    [Benchmark]
    public uint Crc32C_HandWritten_Table() => Crc32C.ComputeSoftware(_data);

    [Benchmark]
    public uint Crc32C_SystemIoHashing() => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, _data);

    [Benchmark]
    public uint Crc32C_BitOperationsLoop() => BitOperationsCrc32C(_data);

    [Benchmark]
    public uint Crc32Zip_HandWritten_Table() => Crc32Ieee.Compute(_data);

    [Benchmark]
    public uint Crc32Zip_SystemIoHashing() => Crc32.HashToUInt32(_data);

    private static uint BitOperationsCrc32C(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (ulong w in words) crc = BitOperations.Crc32C(crc, w);
        for (int i = words.Length * 8; i < data.Length; i++) crc = BitOperations.Crc32C(crc, data[i]);
        return ~crc;
    }
}
