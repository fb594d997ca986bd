using System;
using System.Runtime.CompilerServices;

namespace NuMM.Runtime.Selection;

/// <summary>Scratch-buffer helpers for generated kernels.</summary>
public static class Scratch
{
    private const int LineBytes = 64; // bytes per cache line on x64 and ARM64 cores NuMM targets

    /// <summary>The part of <paramref name="raw"/> that starts on a 64-byte cache-line boundary, <paramref name="length"/>
    /// doubles long. <paramref name="raw"/> must be fixed in memory (stack memory from <c>stackalloc</c>) and hold at
    /// least <paramref name="length"/> + 7 doubles. A generated kernel keeps per-lane (row, lane) sums there that it adds
    /// 32 bytes at a time: aligned, no such access straddles two cache lines.</summary>
    /// <param name="raw">Stack scratch, at least <paramref name="length"/> + 7 doubles.</param>
    /// <param name="length">Doubles wanted (dimensionless count).</param>
    public static unsafe Span<double> AlignToLine(Span<double> raw, int length)
    {
        if ((uint)length > (uint)Math.Max(0, raw.Length - 7))
            throw new ArgumentException($"The scratch holds {raw.Length} doubles; aligning {length} needs {length + 7}.", nameof(raw));
        nint address = (nint)Unsafe.AsPointer(ref raw.GetPinnableReference());
        int skip = (int)((LineBytes - (address & (LineBytes - 1))) & (LineBytes - 1)) / sizeof(double);
        return raw.Slice(skip, length);
    }
}
