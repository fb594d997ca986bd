using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Selection;

public class ScratchTests
{
    // The aligned part starts on a 64-byte boundary, has the asked length, lies inside the raw scratch, and for every
    // possible misalignment of the raw scratch (stepped by one double) skips 0..7 doubles.
    [Fact]
    public unsafe void AlignToLine_StartsOnACacheLineInsideTheScratch()
    {
        Span<double> stack = stackalloc double[64 + 7 + 8];
        for (int shift = 0; shift < 8; shift++)
        {
            var raw = stack.Slice(shift, 64 + 7);
            var aligned = Scratch.AlignToLine(raw, 64);
            Assert.Equal(64, aligned.Length);
            nint start = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref aligned[0]);
            Assert.Equal(0, start & 63);
            long skipped = (start - (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref raw[0])) / sizeof(double);
            Assert.InRange(skipped, 0, 7);
        }
    }

    [Fact]
    public void AlignToLine_ScratchTooSmall_NamesTheSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Scratch.AlignToLine(new double[70], 64));
        Assert.Contains("70", ex.Message);
        Assert.Contains("71", ex.Message);
    }
}
