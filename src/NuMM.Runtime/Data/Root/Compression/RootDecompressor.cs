using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NuMM.Runtime.Data.Root.Compression;

/// <summary>Undoes ROOT's record compression: a sequence of blocks, each with a 9-byte header (algorithm as two
/// ASCII letters, a method byte, the compressed and the uncompressed size as 3-byte little-endian integers)
/// followed by the payload. ZLIB ("ZL") uses <see cref="ZLibStream"/>, LZ4 ("L4", with an 8-byte big-endian XXH64 of
/// the payload first) K4os.Compression.LZ4 and K4os.Hash.xxHash, ZSTD ("ZS") ZstdSharp, and LZMA ("XZ") the system
/// library liblzma (see docs/performance.md for the measurements behind each choice).</summary>
internal static class RootDecompressor
{
    private const int HeaderSize = 9;

    /// <summary>The compression algorithm named in a block header.</summary>
    public static string AlgorithmName(ReadOnlySpan<byte> header) =>
        header.Length < 2 ? "?" : (header[0], header[1]) switch
        {
            ((byte)'Z', (byte)'L') => "ZLIB",
            ((byte)'X', (byte)'Z') => "LZMA",
            ((byte)'L', (byte)'4') => "LZ4",
            ((byte)'Z', (byte)'S') => "ZSTD",
            ((byte)'C', (byte)'S') => "ROOT-legacy",
            _ => "unknown",
        };

    /// <summary>Decompresses <paramref name="src"/> (all blocks of one record) into exactly <paramref name="uncompressedSize"/> bytes.</summary>
    /// <param name="src">The compressed record.</param>
    /// <param name="uncompressedSize">The size the record's key declares.</param>
    /// <param name="file">File path, for messages.</param>
    /// <param name="objectName">Object (key, branch) for messages.</param>
    /// <param name="fileOffset">File position of <paramref name="src"/>[0].</param>
    public static byte[] Decompress(ReadOnlySpan<byte> src, int uncompressedSize, string file, string objectName, long fileOffset)
    {
        int blocks = CountBlocks(src, uncompressedSize, file, objectName, fileOffset);
        var dst = new byte[uncompressedSize];
        DecodeBlocks(src, dst, blocks, file, objectName, fileOffset);
        return dst;
    }

    /// <summary>Decompresses <paramref name="src"/> into exactly <paramref name="dst"/> (its length is the declared
    /// uncompressed size), for callers that reuse buffers.</summary>
    /// <param name="src">The compressed record.</param>
    /// <param name="dst">Where the record goes; exactly its uncompressed size.</param>
    /// <param name="file">File path, for messages.</param>
    /// <param name="objectName">Object (key, branch) for messages.</param>
    /// <param name="fileOffset">File position of <paramref name="src"/>[0].</param>
    public static void DecompressInto(ReadOnlySpan<byte> src, Span<byte> dst, string file, string objectName, long fileOffset)
    {
        int blocks = CountBlocks(src, dst.Length, file, objectName, fileOffset);
        DecodeBlocks(src, dst, blocks, file, objectName, fileOffset);
    }

    /// <summary>Walks the block headers: the block sizes must tile the record and add up to the declared size before
    /// anything is allocated, so a corrupt size cannot trigger a huge allocation. Returns the number of blocks.</summary>
    private static int CountBlocks(ReadOnlySpan<byte> src, int uncompressedSize, string file, string objectName, long fileOffset)
    {
        if (uncompressedSize < 0)
            throw new DataFormatException($"Negative uncompressed size {uncompressedSize}; expected a size ≥ 0", file, objectName, null, fileOffset);

        // First walk the headers: the block sizes must tile the record and add up to the declared size before
        // anything is allocated, so a corrupt size cannot trigger a huge allocation.
        int pos = 0;
        long total = 0;
        int blocks = 0;
        while (total < uncompressedSize)
        {
            if (src.Length - pos < HeaderSize)
                throw new DataFormatException($"Compressed record ends inside a block header after {total} of {uncompressedSize} bytes; expected another 9-byte header",
                    file, objectName, null, fileOffset + pos);
            int csize = src[pos + 3] | (src[pos + 4] << 8) | (src[pos + 5] << 16);
            int usize = src[pos + 6] | (src[pos + 7] << 8) | (src[pos + 8] << 16);
            if (csize > src.Length - pos - HeaderSize)
                throw new DataFormatException($"Compressed block claims {csize} bytes but only {src.Length - pos - HeaderSize} remain in the record",
                    file, objectName, null, fileOffset + pos);
            total += usize;
            if (usize == 0 || total > uncompressedSize)
                throw new DataFormatException($"Compressed block sizes add up to {total} bytes, expected exactly {uncompressedSize}",
                    file, objectName, null, fileOffset + pos);
            pos += HeaderSize + csize;
            blocks++;
        }
        return blocks;
    }

    private static void DecodeBlocks(ReadOnlySpan<byte> src, Span<byte> dst, int blocks, string file, string objectName, long fileOffset)
    {
        int pos = 0;
        int outPos = 0;
        for (int b = 0; b < blocks; b++)
        {
            var header = src.Slice(pos, HeaderSize);
            int csize = header[3] | (header[4] << 8) | (header[5] << 16);
            int usize = header[6] | (header[7] << 8) | (header[8] << 16);
            var payload = src.Slice(pos + HeaderSize, csize);
            var target = dst.Slice(outPos, usize);
            string alg = AlgorithmName(header);
            int written;
            try
            {
                written = alg switch
                {
                    "ZLIB" => Zlib(payload, target),
                    "LZ4" => Lz4(payload, target),
                    "ZSTD" => Zstd(payload, target),
                    "LZMA" => NativeCodecs.DecodeXz(payload, target),
                    "ROOT-legacy" => throw new DataFormatException("Block uses ROOT's pre-2000 'CS' compression, which NuMM does not read; re-save the file with ROOT ≥ 5",
                        file, objectName, null, fileOffset + pos),
                    _ => throw new DataFormatException($"Unknown compression algorithm bytes 0x{header[0]:X2} 0x{header[1]:X2}; expected ZL, XZ, L4 or ZS",
                        file, objectName, null, fileOffset + pos),
                };
            }
            catch (DataFormatException) { throw; }
            catch (NotSupportedException) { throw; }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
            {
                throw new DataFormatException($"Corrupt {alg} block ({csize} compressed → {usize} bytes): {e.Message}", file, objectName, null, fileOffset + pos, e);
            }
            if (written != usize)
                throw new DataFormatException($"{alg} block decompressed to {written} bytes, expected {usize}", file, objectName, null, fileOffset + pos);
            outPos += usize;
            pos += HeaderSize + csize;
        }
    }

    private static unsafe int Zlib(ReadOnlySpan<byte> payload, Span<byte> target)
    {
        fixed (byte* p = payload)
        {
            using var ms = new UnmanagedMemoryStream(p, payload.Length);
            using var z = new ZLibStream(ms, CompressionMode.Decompress);
            int total = 0;
            while (total < target.Length)
            {
                int n = z.Read(target.Slice(total));
                if (n == 0) break;
                total += n;
            }
            return total;
        }
    }

    private static int Lz4(ReadOnlySpan<byte> payload, Span<byte> target)
    {
        if (payload.Length < 8) throw new InvalidOperationException("LZ4 block shorter than its 8-byte checksum");
        ulong expected = BinaryPrimitives.ReadUInt64BigEndian(payload);
        var body = payload.Slice(8);
        ulong actual = K4os.Hash.xxHash.XXH64.DigestOf(body);
        if (actual != expected)
            throw new InvalidOperationException($"LZ4 checksum mismatch: XXH64 of the block is 0x{actual:X16}, the header says 0x{expected:X16}");
        // K4os's decoder checks every length and offset against both buffers and returns −1 on malformed input.
        int n = K4os.Compression.LZ4.LZ4Codec.Decode(body, target);
        if (n < 0) throw new InvalidOperationException("LZ4 block is malformed (a length or match offset runs outside the block or the output)");
        return n;
    }

    // ZstdSharp's decompressor holds a context that must not be shared between threads; baskets decode in parallel.
    [ThreadStatic] private static ZstdSharp.Decompressor? _zstd;

    private static int Zstd(ReadOnlySpan<byte> payload, Span<byte> target)
    {
        try { return (_zstd ??= new ZstdSharp.Decompressor()).Unwrap(payload, target); }
        catch (ZstdSharp.ZstdException e) { throw new InvalidOperationException("zstd: " + e.Message, e); }
    }
}
