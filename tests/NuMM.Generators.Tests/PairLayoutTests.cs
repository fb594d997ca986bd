namespace NuMM.Generators.Tests;

public class PairLayoutTests
{
    // StorePairs stores UnpackLow(wl, ql), UnpackHigh(wl, ql), UnpackLow(wh, qh), UnpackHigh(wh, qh) at 0, h, 2h, 3h
    // (h doubles per vector). x86 unpacks interleave within each 128-bit part: UnpackLow takes element 2c of both inputs
    // into part c, UnpackHigh element 2c + 1 (Intel SDM, UNPCKLPD/UNPCKHPD). Modelled here element by element, lane l's
    // w must land at PairAt(l) and its w² right after it, for every vector width.
    [Theory]
    [InlineData(16)]
    [InlineData(8)]
    [InlineData(4)]
    public void PairAt_IsWhereTheUnpacksPutEachLane(int lanes)
    {
        int h = lanes / 2;
        var stored = new (string Kind, int Lane)[4 * h];
        void Unpack(int at, int firstLane, bool high)
        {
            for (int c = 0; c < h / 2; c++)
            {
                int m = 2 * c + (high ? 1 : 0);
                stored[at + 2 * c] = ("w", firstLane + m);
                stored[at + 2 * c + 1] = ("w2", firstLane + m);
            }
        }
        Unpack(0, 0, false); Unpack(h, 0, true); Unpack(2 * h, h, false); Unpack(3 * h, h, true);
        for (int l = 0; l < lanes; l++)
        {
            int at = NuMM.Generators.Emit.AnalysisEmitter.PairAt(l, lanes);
            Assert.Equal(("w", l), stored[at]);
            Assert.Equal(("w2", l), stored[at + 1]);
        }
    }
}
