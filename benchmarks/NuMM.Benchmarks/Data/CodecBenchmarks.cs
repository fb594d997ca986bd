using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using K4os.Compression.LZ4;
using NuMM.Benchmarks.Data.HandWritten;
using NuMM.Runtime.Data.Root;

namespace NuMM.Benchmarks.Data;

/// <summary>Decompression of every compressed block of every basket of the uproot HZZ files (real ROOT output; 2421 events,
/// 51 branches), NuMM's hand-written decoders against the libraries, in one run. The blocks are cut out of the files once
/// in the global setup; each benchmark decodes all of them into preallocated buffers, so the numbers are codec time only.
/// LZ4 blocks are measured with the XXH64 check of their 8-byte header, as the reader does; the hash alone is measured
/// separately.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class CodecBenchmarks
{
    private sealed record Block(byte[] Payload, byte[] Target);

    private Block[] _lz4 = [], _zstd = [], _xz = [];

    /// <summary>Uncompressed bytes of the blocks of each file (the throughput numerators).</summary>
    public long Lz4Bytes, ZstdBytes, XzBytes;

    private readonly ZstdSharp.Decompressor _zstdSharp = new();

    [GlobalSetup]
    public void Setup()
    {
        _lz4 = Blocks("lz4", "L4");
        _zstd = Blocks("zstd", "ZS");
        _xz = Blocks("lzma", "XZ");
        Lz4Bytes = _lz4.Sum(b => (long)b.Target.Length);
        ZstdBytes = _zstd.Sum(b => (long)b.Target.Length);
        XzBytes = _xz.Sum(b => (long)b.Target.Length);
        Console.WriteLine($"// blocks: LZ4 {_lz4.Length} ({Lz4Bytes} B out), ZSTD {_zstd.Length} ({ZstdBytes} B out), XZ {_xz.Length} ({XzBytes} B out)");
        // Every implementation must produce the same bytes before any is timed.
        foreach (var b in _lz4) Same(b, HandLz4, LibLz4);
        foreach (var b in _zstd) Same(b, NativeCodecs.DecodeZstd, _zstdSharp.Unwrap);
        foreach (var b in _xz) Same(b, NativeCodecs.DecodeXz, SharpCompressXz);
    }

    [GlobalCleanup]
    public void Cleanup() => _zstdSharp.Dispose();

    private delegate int Decoder(ReadOnlySpan<byte> src, Span<byte> dst);

    private static void Same(Block b, Decoder a, Decoder c)
    {
        var x = new byte[b.Target.Length];
        var y = new byte[b.Target.Length];
        if (a(b.Payload, x) != x.Length || c(b.Payload, y) != y.Length || !x.AsSpan().SequenceEqual(y))
            throw new InvalidOperationException("the two decoders disagree on a block");
    }

    private static Block[] Blocks(string compression, string magic)
    {
        var path = Path.Combine(RootReadBenchmarks.RepositoryRoot(), "tests", "NuMM.Data.Tests", "TestData", "root", $"uproot-HZZ-{compression}.root");
        var list = new List<Block>();
        using var f = RootFile.Open(path);
        foreach (var br in f.GetTree("events").Branches)
            foreach (var info in br.Baskets)
            {
                if (info.Embedded >= 0) continue;
                var raw = f.ReadBytes(info.Seek, info.Bytes, br.Name);
                int keylen = BinaryPrimitives.ReadInt16BigEndian(raw.AsSpan(14));
                for (int pos = keylen; pos + 9 <= raw.Length;)
                {
                    int csize = raw[pos + 3] | (raw[pos + 4] << 8) | (raw[pos + 5] << 16);
                    int usize = raw[pos + 6] | (raw[pos + 7] << 8) | (raw[pos + 8] << 16);
                    if (raw[pos] != magic[0] || raw[pos + 1] != magic[1]) break; // stored uncompressed
                    list.Add(new Block(raw.AsSpan(pos + 9, csize).ToArray(), new byte[usize]));
                    pos += 9 + csize;
                }
            }
        if (list.Count == 0) throw new InvalidOperationException($"no {magic} blocks in {path}");
        return list.ToArray();
    }

    private static int HandLz4(ReadOnlySpan<byte> p, Span<byte> dst)
    {
        if (XxHash64.Hash(p[8..]) != BinaryPrimitives.ReadUInt64BigEndian(p)) throw new InvalidOperationException("checksum");
        return Lz4Block.Decode(p[8..], dst);
    }

    private static int LibLz4(ReadOnlySpan<byte> p, Span<byte> dst)
    {
        if (System.IO.Hashing.XxHash64.HashToUInt64(p[8..]) != BinaryPrimitives.ReadUInt64BigEndian(p)) throw new InvalidOperationException("checksum");
        return LZ4Codec.Decode(p[8..], dst);
    }

    private static int SharpCompressXz(ReadOnlySpan<byte> p, Span<byte> dst)
    {
        using var xz = new SharpCompress.Compressors.Xz.XZStream(new MemoryStream(p.ToArray(), writable: false));
        int total = 0, n;
        while (total < dst.Length && (n = xz.Read(dst[total..])) > 0) total += n;
        return total;
    }

    private static long Run(Block[] blocks, Decoder d)
    {
        long n = 0;
        foreach (var b in blocks) n += d(b.Payload, b.Target);
        return n;
    }

    private static long Hash(Block[] blocks, Func<byte[], ulong> h)
    {
        ulong x = 0;
        foreach (var b in blocks) x ^= h(b.Payload);
        return (long)x;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("LZ4")] public long Lz4_HandWritten() => Run(_lz4, HandLz4);
    [Benchmark, BenchmarkCategory("LZ4")] public long Lz4_K4os_SystemIoHashing() => Run(_lz4, LibLz4);
    [Benchmark, BenchmarkCategory("LZ4")] public long Lz4_K4os_NoChecksum() => Run(_lz4, (p, d) => LZ4Codec.Decode(p[8..], d));
    [Benchmark, BenchmarkCategory("LZ4")] public long Lz4_HandWritten_NoChecksum() => Run(_lz4, (p, d) => Lz4Block.Decode(p[8..], d));

    [Benchmark, BenchmarkCategory("XXH64")] public long Xxh64_HandWritten() => Hash(_lz4, p => XxHash64.Hash(p));
    [Benchmark, BenchmarkCategory("XXH64")] public long Xxh64_K4os() => Hash(_lz4, p => K4os.Hash.xxHash.XXH64.DigestOf(p));
    [Benchmark, BenchmarkCategory("XXH64")] public long Xxh64_SystemIoHashing() => Hash(_lz4, p => System.IO.Hashing.XxHash64.HashToUInt64(p));

    [Benchmark, BenchmarkCategory("ZSTD")] public long Zstd_Libzstd_PInvoke() => Run(_zstd, NativeCodecs.DecodeZstd);
    [Benchmark, BenchmarkCategory("ZSTD")] public long Zstd_ZstdSharp() => Run(_zstd, _zstdSharp.Unwrap);

    [Benchmark, BenchmarkCategory("LZMA")] public long Xz_Liblzma_PInvoke() => Run(_xz, NativeCodecs.DecodeXz);
    [Benchmark, BenchmarkCategory("LZMA")] public long Xz_SharpCompress() => Run(_xz, SharpCompressXz);
}
