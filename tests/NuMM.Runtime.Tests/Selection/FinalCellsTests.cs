using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class FinalCellsTests
{
    // Every cell of every universe holds a distinct value (UniverseResults).
    private static AnalysisResult Result(int points, int bins1 = 4) => UniverseResults.Create(points, bins1, distinctCells: true);

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(11)]   // one block of 8 and 3 points one by one
    [InlineData(100)]
    public void Load_PutsPointQCellCAtOffsetPlusC2PPlusQ(int points)
    {
        var r = Result(points);
        int off1 = 7, off2 = off1 + 6 * 2 * points;
        var buffer = new double[off2 + 20 * 2 * points + 3];
        FinalCells.Move(buffer, r, "A", 0, points, false, 0, 6, off1, load: true);
        FinalCells.Move(buffer, r, "A", 0, points, true, 0, 20, off2, load: true);
        for (int q = 0; q < points; q++)
        {
            for (int c = 0; c < 6; c++)
            {
                Assert.Equal(1000 * q + c + 0.25, buffer[off1 + c * 2 * points + q]);
                Assert.Equal(-(1000 * q + c + 0.5), buffer[off1 + c * 2 * points + points + q]);
            }
            for (int c = 0; c < 20; c++)
            {
                Assert.Equal(1e6 + 1000 * q + c, buffer[off2 + c * 2 * points + q]);
                Assert.Equal(-(1e6 + 1000 * q + c), buffer[off2 + c * 2 * points + points + q]);
            }
        }
        Assert.Equal(0, buffer[..off1].Sum(Math.Abs)); // nothing outside the two regions was written
        Assert.Equal(0, buffer[^3..].Sum(Math.Abs));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(11, 16)]
    [InlineData(100, 104)] // the generated kernels' pitch: points rounded up to 8
    public void LoadWithPitch_PutsPointQCellCAtOffsetPlusC2SPlusQ_AndLeavesThePaddingAlone(int points, int pitch)
    {
        var r = Result(points);
        int off = 5;
        var buffer = new double[off + 20 * 2 * pitch + 2];
        Array.Fill(buffer, -7.0); // padding and margins must keep this
        FinalCells.Move(buffer, r, "A", 0, points, pitch, true, 0, 20, off, load: true);
        for (int c = 0; c < 20; c++)
        {
            for (int q = 0; q < points; q++)
            {
                Assert.Equal(1e6 + 1000 * q + c, buffer[off + c * 2 * pitch + q]);
                Assert.Equal(-(1e6 + 1000 * q + c), buffer[off + c * 2 * pitch + pitch + q]);
            }
            for (int q = points; q < pitch; q++)
            {
                Assert.Equal(-7.0, buffer[off + c * 2 * pitch + q]);
                Assert.Equal(-7.0, buffer[off + c * 2 * pitch + pitch + q]);
            }
        }
        Assert.All(buffer[..off], v => Assert.Equal(-7.0, v));
        Assert.All(buffer[^2..], v => Assert.Equal(-7.0, v));
        for (int k = 0; k < buffer.Length; k++) buffer[k] += 0.125;
        FinalCells.Move(buffer, r, "A", 0, points, pitch, true, 0, 20, off, load: false);
        for (int q = 0; q < points; q++)
            for (int c = 0; c < 20; c++)
            {
                Assert.Equal(1e6 + 1000 * q + c + 0.125, r.Variations[q].Result.Histograms2D[0].SumW[c]);
                Assert.Equal(-(1e6 + 1000 * q + c) + 0.125, r.Variations[q].Result.Histograms2D[0].SumW2[c]);
            }
    }

    [Fact]
    public void Pitch_BelowPointsOrPastTheBuffer_Throws()
    {
        var r = Result(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => FinalCells.Move(new double[1000], r, "A", 0, 10, 9, false, 0, 6, 0, load: true));
        // 6 cells at pitch 16 end at 5·32 + 16 + 10 = 186 values.
        Assert.Throws<ArgumentOutOfRangeException>(() => FinalCells.Move(new double[185], r, "A", 0, 10, 16, false, 0, 6, 0, load: true));
        FinalCells.Move(new double[186], r, "A", 0, 10, 16, false, 0, 6, 0, load: true);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(19)]
    public void StoreAfterLoad_RoundTripsAndStoreWritesTheBufferValues(int points)
    {
        var r = Result(points);
        var buffer = new double[20 * 2 * points];
        FinalCells.Move(buffer, r, "A", 0, points, true, 0, 20, 0, load: true);
        for (int k = 0; k < buffer.Length; k++) buffer[k] += 0.125; // what the kernel's additions would do
        FinalCells.Move(buffer, r, "A", 0, points, true, 0, 20, 0, load: false);
        for (int q = 0; q < points; q++)
        {
            var h = r.Variations[q].Result.Histograms2D[0];
            for (int c = 0; c < 20; c++)
            {
                Assert.Equal(1e6 + 1000 * q + c + 0.125, h.SumW[c]);
                Assert.Equal(-(1e6 + 1000 * q + c) + 0.125, h.SumW2[c]);
            }
        }
        Assert.Equal(-1e6 - 1000 * -1, r.Histograms2D[0].SumW2[0]); // the nominal histogram is not touched
    }

    [Fact]
    public void Move_StartsAtTheGivenVariation()
    {
        var r = Result(12);
        var buffer = new double[6 * 2 * 9];
        FinalCells.Move(buffer, r, "A", 3, 9, false, 0, 6, 0, load: true); // universes 3..11
        Assert.Equal(1000 * 3 + 0.25, buffer[0]);
        Assert.Equal(1000 * 11 + 5 + 0.25, buffer[5 * 18 + 8]);
    }

    [Fact]
    public void WrongCellCount_NamesHistogramAndVariation_AndChangesNothing()
    {
        var r = Result(10, bins1: 5); // 7 cells, the kernel expects 6
        var buffer = new double[7 * 2 * 10];
        var e = Assert.Throws<ArgumentException>(() => FinalCells.Move(buffer, r, "MyAnalysis", 0, 10, false, 0, 6, 0, load: true));
        Assert.Contains("Histogram 'E' of variation", e.Message);
        Assert.Contains("has 7 cells, not the 6 that analysis MyAnalysis declares", e.Message);
        Assert.All(buffer, x => Assert.Equal(0, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => FinalCells.Move(new double[10], r, "A", 0, 10, false, 0, 7, 0, load: true));
    }

    // Values of a queue with 4 values per entry: (row, weight, x, y); x and y include flows, bin edges and NaN.
    private static double[] Queue(int count, int seed)
    {
        var rng = new Random(seed);
        var q = new double[count * 4];
        double[] special = { double.NaN, -1e300, 0.0, 8.0, 7.999999999999999, 1.0, double.PositiveInfinity, double.NegativeInfinity, -0.0 };
        for (int j = 0; j < count; j++)
        {
            q[j * 4] = j;
            q[j * 4 + 1] = 1;
            q[j * 4 + 2] = j % 7 == 0 ? special[j / 7 % special.Length] : 9 * rng.NextDouble() - 0.5;
            q[j * 4 + 3] = j % 5 == 0 ? special[j / 5 % special.Length] : 2.4 * rng.NextDouble() - 0.2;
        }
        return q;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(700)] // more than the stack scratch
    public void QueuedCells_AreTheCellsCellOfGives_1DRegularAndVariable_2D(int count)
    {
        var q = Queue(count, seed: count);
        var regular = new NuMM.Runtime.Histograms.Histogram1D(new NuMM.Runtime.Histograms.RegularAxis(8, 0, 8), "E");
        var variable = new NuMM.Runtime.Histograms.Histogram1D(new NuMM.Runtime.Histograms.VariableAxis([0, 0.5, 1, 3, 8]), "V");
        var twoD = new NuMM.Runtime.Histograms.Histogram2D(new NuMM.Runtime.Histograms.RegularAxis(4, 0, 8), new NuMM.Runtime.Histograms.RegularAxis(3, 0, 2), "EW");
        var cells = new int[count];
        FinalCells.QueuedCells(regular, q, count, 4, 2, cells);
        for (int j = 0; j < count; j++) Assert.Equal(regular.CellOf(q[j * 4 + 2]), cells[j]);
        FinalCells.QueuedCells(variable, q, count, 4, 3, cells);
        for (int j = 0; j < count; j++) Assert.Equal(variable.CellOf(q[j * 4 + 3]), cells[j]);
        FinalCells.QueuedCells(twoD, q, count, 4, 2, 3, cells);
        for (int j = 0; j < count; j++) Assert.Equal(twoD.CellOf(q[j * 4 + 2], q[j * 4 + 3]), cells[j]);
    }

    [Fact]
    public void QueuedCells_BadShape_Throws()
    {
        var h = new NuMM.Runtime.Histograms.Histogram1D(new NuMM.Runtime.Histograms.RegularAxis(8, 0, 8), "E");
        Assert.Throws<ArgumentOutOfRangeException>(() => FinalCells.QueuedCells(h, new double[8], 3, 4, 2, new int[3])); // 12 values needed
        Assert.Throws<ArgumentOutOfRangeException>(() => FinalCells.QueuedCells(h, new double[16], 4, 4, 4, new int[4])); // value outside the entry
        Assert.Throws<ArgumentException>(() => FinalCells.QueuedCells(h, new double[16], 4, 4, 2, new int[3]));
    }
}
