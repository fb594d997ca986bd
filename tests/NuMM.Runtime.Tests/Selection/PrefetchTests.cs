using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Selection;

public class PrefetchTests
{
    // Touch reads the first and the last value of the run it is given (as bytes of their first byte of storage), so a
    // kernel can start page walks with real loads; out-of-range runs read nothing and return 0 instead of faulting.
    [Fact]
    public void Touch_ReadsFirstAndLastValueOfARun()
    {
        var values = new float[300];
        values[100] = BitConverter.Int32BitsToSingle(7); // low byte 7
        values[199] = BitConverter.Int32BitsToSingle(5);
        Assert.Equal(12, Prefetch.Touch<float>(values, 100, 1, 100));
        Assert.Equal(14, Prefetch.Touch<float>(values, 100, 1, 1)); // a run of one: first and last are the same value
    }

    [Fact]
    public void Touch_StridedRunReadsItsFirstAndLastElement()
    {
        var values = new int[1000];
        values[3] = 2;
        values[3 + 9 * 100] = 40; // element 9 of an element-major event with capacity 100
        Assert.Equal(42, Prefetch.Touch<int>(values, 3, 100, 10));
    }

    [Theory]
    [InlineData(-1, 1, 1)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 2)]
    [InlineData(250, 1, 51)]   // last element 300: one past the end
    [InlineData(0, 100, 4)]    // last element 300
    [InlineData(299, 1, 1)]    // the last element alone: in range
    public void Touch_OutOfRangeReadsNothing(int start, int stride, int count)
    {
        var values = Enumerable.Repeat(BitConverter.Int32BitsToSingle(1), 300).ToArray();
        int expected = start >= 0 && stride >= 1 && count >= 1 && start + (long)(count - 1) * stride < values.Length ? 2 : 0;
        Assert.Equal(expected, Prefetch.Touch<float>(values, start, stride, count));
        Prefetch.Keep(expected); // never throws, never changes anything
    }
}
