using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace NuMM.Runtime.Data.Root;

/// <summary>Positional, thread-safe access to the bytes of a ROOT file (on disk or in memory).</summary>
internal abstract class RootSource : IDisposable
{
    public abstract long Length { get; }

    /// <summary>Reads exactly <paramref name="dst"/>.Length bytes at <paramref name="offset"/>; the caller has checked the range.</summary>
    public abstract void ReadAt(long offset, Span<byte> dst);

    public abstract void Dispose();
}

internal sealed class FileSource : RootSource
{
    private readonly SafeFileHandle _handle;
    private readonly long _length;

    public FileSource(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        _length = RandomAccess.GetLength(_handle);
    }

    public override long Length => _length;

    public override void ReadAt(long offset, Span<byte> dst)
    {
        while (dst.Length > 0)
        {
            int n = RandomAccess.Read(_handle, dst, offset);
            if (n <= 0) throw new EndOfStreamException($"File ended at {offset} while {dst.Length} more bytes were expected.");
            dst = dst.Slice(n);
            offset += n;
        }
    }

    public override void Dispose() => _handle.Dispose();
}

internal sealed class MemorySource : RootSource
{
    private readonly ReadOnlyMemory<byte> _bytes;

    public MemorySource(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public override long Length => _bytes.Length;

    public override void ReadAt(long offset, Span<byte> dst) => _bytes.Span.Slice((int)offset, dst.Length).CopyTo(dst);

    public override void Dispose() { }
}
