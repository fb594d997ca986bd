using System;
using System.Runtime.InteropServices;

namespace NuMM.Runtime.Data.Root.Compression;

/// <summary>LZMA (xz) decompression through the system library liblzma, loaded on first use. A missing library gives a
/// <see cref="NotSupportedException"/> that says which package to install. liblzma stays because it decoded ROOT's xz
/// blocks 2–3.5× faster than the managed SharpCompress in the same BenchmarkDotNet run (docs/performance.md).</summary>
internal static unsafe class NativeCodecs
{
    private static readonly Lazy<LzmaApi?> Lzma = new(LoadLzma);

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

    private static LzmaApi? LoadLzma()
    {
        var h = TryLoad(["liblzma.so.5", "liblzma.so", "liblzma.5.dylib", "liblzma.dylib", "liblzma.dll", "lzma.dll"]);
        if (h == IntPtr.Zero || !NativeLibrary.TryGetExport(h, "lzma_stream_buffer_decode", out var f)) return null;
        return new LzmaApi { StreamBufferDecode = (delegate* unmanaged<ulong*, uint, void*, byte*, nuint*, nuint, byte*, nuint*, nuint, int>)f };
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
