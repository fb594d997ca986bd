using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NuMM.Runtime.Data.Root.Compression;

/// <summary>The compression algorithm of a ROOT file written by <see cref="Writing.RootTreeWriter"/>.</summary>
public enum RootCompressionAlgorithm
{
    /// <summary>No compression (ROOT setting 0).</summary>
    None = 0,
    /// <summary>zlib (ROOT algorithm 1, block tag "ZL"); ROOT's default.</summary>
    Zlib = 1,
    /// <summary>LZ4 (ROOT algorithm 4, block tag "L4", an XXH64 checksum before each block).</summary>
    Lz4 = 4,
    /// <summary>Zstandard (ROOT algorithm 5, block tag "ZS").</summary>
    Zstd = 5,
}

/// <summary>Writes ROOT's record compression, the inverse of <see cref="RootDecompressor"/>: the record is cut into
/// chunks of at most 0xFFFFFF bytes (ROOT's kMAXZIPBUF, the largest size the 3-byte header fields hold); each chunk
/// becomes a 9-byte header (two tag letters, a method byte, compressed and uncompressed size as 3-byte little-endian
/// integers) followed by its compressed payload. As ROOT does, a record that does not shrink is stored as it is, which
/// a reader recognises by its stored size equalling the uncompressed size.</summary>
internal static class RootCompressor
{
    /// <summary>ROOT's kMAXZIPBUF: the largest chunk one block header can describe.</summary>
    public const int MaxChunk = 0xFFFFFF;

    private const int HeaderSize = 9;

    /// <summary>ROOT's compression setting for a file or branch: 100 × algorithm + level (0 for none).</summary>
    public static int Setting(RootCompressionAlgorithm algorithm, int level) =>
        algorithm == RootCompressionAlgorithm.None || level == 0 ? 0 : 100 * (int)algorithm + level;

    /// <summary>Compresses <paramref name="data"/>; returns it unchanged (same array) when compression is off or does not shrink it.</summary>
    /// <param name="data">The uncompressed record.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="level">The level, 1–9 (0 means none).</param>
    public static byte[] Compress(byte[] data, RootCompressionAlgorithm algorithm, int level)
    {
        if (algorithm == RootCompressionAlgorithm.None || level == 0 || data.Length == 0) return data;
        var outBuf = new byte[data.Length + data.Length / 8 + 1024];
        int outPos = 0;
        for (int at = 0; at < data.Length; at += MaxChunk)
        {
            var chunk = data.AsSpan(at, Math.Min(MaxChunk, data.Length - at));
            int bound = HeaderSize + 8 + Bound(algorithm, chunk.Length);
            if (outBuf.Length - outPos < bound) Array.Resize(ref outBuf, Math.Max(outBuf.Length * 2, outPos + bound));
            var header = outBuf.AsSpan(outPos, HeaderSize);
            var payload = outBuf.AsSpan(outPos + HeaderSize);
            int n = algorithm switch
            {
                RootCompressionAlgorithm.Zlib => Zlib(chunk, payload, level),
                RootCompressionAlgorithm.Lz4 => Lz4(chunk, payload, level),
                RootCompressionAlgorithm.Zstd => Zstd(chunk, payload, level),
                _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown compression algorithm."),
            };
            if (n > MaxChunk) return data; // cannot be described by a block header; store raw as ROOT does
            (header[0], header[1], header[2]) = algorithm switch
            {
                RootCompressionAlgorithm.Zlib => ((byte)'Z', (byte)'L', (byte)8),   // method 8 = deflate
                RootCompressionAlgorithm.Lz4 => ((byte)'L', (byte)'4', (byte)1),    // LZ4 major version
                _ => ((byte)'Z', (byte)'S', (byte)1),
            };
            Put3(header.Slice(3), n);
            Put3(header.Slice(6), chunk.Length);
            outPos += HeaderSize + n;
            if (outPos >= data.Length) return data;
        }
        return outBuf.AsSpan(0, outPos).ToArray();
    }

    private static void Put3(Span<byte> s, int v) { s[0] = (byte)v; s[1] = (byte)(v >> 8); s[2] = (byte)(v >> 16); }

    private static int Bound(RootCompressionAlgorithm algorithm, int n) => algorithm switch
    {
        RootCompressionAlgorithm.Lz4 => K4os.Compression.LZ4.LZ4Codec.MaximumOutputSize(n),
        RootCompressionAlgorithm.Zstd => (int)ZstdSharp.Compressor.GetCompressBound(n),
        _ => n + n / 1000 + 64 + 6 * (n / 16000 + 1),
    };

    private static int Zlib(ReadOnlySpan<byte> src, Span<byte> dst, int level)
    {
        using var ms = new MemoryStream(dst.Length);
        using (var z = new ZLibStream(ms, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(level, 1, 9) }, leaveOpen: true))
            z.Write(src);
        int n = (int)ms.Length;
        ms.GetBuffer().AsSpan(0, n).CopyTo(dst);
        return n;
    }

    private static int Lz4(ReadOnlySpan<byte> src, Span<byte> dst, int level)
    {
        // ROOT uses the fast LZ4 encoder below level 4 and LZ4-HC from 4 on; the block starts with the big-endian XXH64
        // (seed 0) of the compressed bytes that follow, which RootDecompressor checks.
        var lz = level < 4 ? K4os.Compression.LZ4.LZ4Level.L00_FAST : (K4os.Compression.LZ4.LZ4Level)Math.Min(level, 12);
        int n = K4os.Compression.LZ4.LZ4Codec.Encode(src, dst.Slice(8), lz);
        if (n <= 0) throw new InvalidOperationException("LZ4 encoding failed (output buffer too small).");
        BinaryPrimitives.WriteUInt64BigEndian(dst, K4os.Hash.xxHash.XXH64.DigestOf(dst.Slice(8, n)));
        return n + 8;
    }

    // ZstdSharp's compressor holds a context that must not be shared between threads.
    [ThreadStatic] private static ZstdSharp.Compressor? _zstd;
    [ThreadStatic] private static int _zstdLevel;

    private static int Zstd(ReadOnlySpan<byte> src, Span<byte> dst, int level)
    {
        if (_zstd is null || _zstdLevel != level) { _zstd?.Dispose(); _zstd = new ZstdSharp.Compressor(level); _zstdLevel = level; }
        return _zstd.Wrap(src, dst);
    }
}
