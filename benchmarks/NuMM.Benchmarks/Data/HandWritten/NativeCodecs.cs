using System;
using System.Runtime.InteropServices;

namespace NuMM.Benchmarks.Data.HandWritten;

/// <summary>ZSTD and LZMA (xz) decompression through the system libraries libzstd and liblzma, loaded on first
/// use. A missing library gives a <see cref="NotSupportedException"/> that says which package to install.</summary>
internal static unsafe class NativeCodecs
{
    private static readonly Lazy<ZstdApi?> Zstd = new(LoadZstd);
    private static readonly Lazy<LzmaApi?> Lzma = new(LoadLzma);

    private sealed class ZstdApi
    {
        public delegate* unmanaged<byte*, nuint, byte*, nuint, nuint> Decompress;
        public delegate* unmanaged<nuint, uint> IsError;
        public delegate* unmanaged<nuint, byte*> ErrorName;
    }

    private sealed class LzmaApi
    {
        public delegate* unmanaged<ulong*, uint, void*, byte*, nuint*, nuint, byte*, nuint*, nuint, int> StreamBufferDecode;
    }

    private static IntPtr TryLoad(string[] names)
    {
        foreach (var n in names)
            if (NativeLibrary.TryLoad(n, typeof(NativeCodecs).Assembly, null, out var h)) return h;
        return IntPtr.Zero;
    }

    private static ZstdApi? LoadZstd()
    {
        var h = TryLoad(["libzstd.so.1", "libzstd.so", "libzstd.1.dylib", "libzstd.dylib", "libzstd.dll", "zstd.dll"]);
        if (h == IntPtr.Zero) return null;
        if (!NativeLibrary.TryGetExport(h, "ZSTD_decompress", out var d) || !NativeLibrary.TryGetExport(h, "ZSTD_isError", out var e)
            || !NativeLibrary.TryGetExport(h, "ZSTD_getErrorName", out var n)) return null;
        return new ZstdApi
        {
            Decompress = (delegate* unmanaged<byte*, nuint, byte*, nuint, nuint>)d,
            IsError = (delegate* unmanaged<nuint, uint>)e,
            ErrorName = (delegate* unmanaged<nuint, byte*>)n,
        };
    }

    private static LzmaApi? LoadLzma()
    {
        var h = TryLoad(["liblzma.so.5", "liblzma.so", "liblzma.5.dylib", "liblzma.dylib", "liblzma.dll", "lzma.dll"]);
        if (h == IntPtr.Zero || !NativeLibrary.TryGetExport(h, "lzma_stream_buffer_decode", out var f)) return null;
        return new LzmaApi { StreamBufferDecode = (delegate* unmanaged<ulong*, uint, void*, byte*, nuint*, nuint, byte*, nuint*, nuint, int>)f };
    }

    /// <summary>Decodes one zstd frame; returns the bytes written.</summary>
    /// <exception cref="InvalidOperationException">The frame is corrupt.</exception>
    /// <exception cref="NotSupportedException">libzstd is not installed.</exception>
    public static int DecodeZstd(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var api = Zstd.Value ?? throw new NotSupportedException(
            "This ROOT file uses ZSTD compression, which NuMM decodes with the system library libzstd.so.1; it was not found. Install it (Debian/Ubuntu: apt install libzstd1; macOS: brew install zstd).");
        fixed (byte* s = src)
        fixed (byte* d = dst)
        {
            nuint r = api.Decompress(d, (nuint)dst.Length, s, (nuint)src.Length);
            if (api.IsError(r) != 0)
                throw new InvalidOperationException("zstd: " + (Marshal.PtrToStringAnsi((IntPtr)api.ErrorName(r)) ?? "error"));
            return (int)r;
        }
    }

    /// <summary>Decodes one xz stream; returns the bytes written.</summary>
    /// <exception cref="InvalidOperationException">The stream is corrupt.</exception>
    /// <exception cref="NotSupportedException">liblzma is not installed.</exception>
    public static int DecodeXz(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var api = Lzma.Value ?? throw new NotSupportedException(
            "This ROOT file uses LZMA compression, which NuMM decodes with the system library liblzma.so.5; it was not found. Install it (Debian/Ubuntu: apt install liblzma5; macOS: brew install xz).");
        ulong memlimit = 1UL << 30; // 1 GiB: a corrupt header cannot make liblzma allocate without bound
        nuint inPos = 0, outPos = 0;
        fixed (byte* s = src)
        fixed (byte* d = dst)
        {
            int r = api.StreamBufferDecode(&memlimit, 0, null, s, &inPos, (nuint)src.Length, d, &outPos, (nuint)dst.Length);
            if (r != 0) throw new InvalidOperationException($"liblzma returned error code {r}");
            return (int)outPos;
        }
    }
}
