using NuMM.Generated.Tests.Support;
using NuMM.Runtime.Selection.Exact;

namespace NuMM.Runtime.Tests.Selection;

public class ExactSumArrayTests
{
    /// <summary>Doubles over a wide range of magnitudes and both signs, so sums need several components.</summary>
    private static double[] Terms(int n, int seed, int decades)
    {
        var rng = new Random(seed);
        var t = new double[n];
        for (int i = 0; i < n; i++)
            t[i] = (rng.NextDouble() - 0.3) * Math.Pow(10, rng.Next(-decades, decades + 1));
        return t;
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 12)]
    [InlineData(4, 60)]
    [InlineData(5, 300)]
    public void Round_EqualsBigIntegerReference_ForAnyOrderAndGrouping(int seed, int decades)
    {
        var terms = Terms(2000, seed, decades);
        double reference = RationalSum.Of(terms);

        var oneByOne = new ExactSumArray(1);
        foreach (var x in terms) oneByOne.Add(0, x);
        Assert.Equal(reference, oneByOne.Round(0));

        // Reversed order, in 7 groups whose sums are then added: the grouping a 7-shard merge makes.
        var groups = new ExactSumArray(7);
        for (int i = terms.Length - 1; i >= 0; i--) groups.Add(i % 7, terms[i]);
        var merged = new ExactSumArray(1);
        for (int g = 6; g >= 0; g--) merged.AddSum(0, groups, g);
        Assert.Equal(reference, merged.Round(0));
        // Plain double addition is not grouping-independent on such data (else the test would not tell).
        if (decades > 0) Assert.NotEqual(reference, terms.Sum());
    }

    [Fact]
    public void Round_TiesAndNearTies_RoundToNearestEven()
    {
        // 1 + 2^-53 is a tie: nearest even is 1. A further 2^-200 breaks the tie upwards: 1 + 2^-52.
        var s = new ExactSumArray(3);
        s.Add(0, 1); s.Add(0, Math.ScaleB(1, -53));
        Assert.Equal(1.0, s.Round(0));
        s.Add(1, 1); s.Add(1, Math.ScaleB(1, -53)); s.Add(1, Math.ScaleB(1, -200));
        Assert.Equal(1 + Math.ScaleB(1, -52), s.Round(1));
        s.Add(2, 1); s.Add(2, Math.ScaleB(1, -53)); s.Add(2, -Math.ScaleB(1, -200));
        Assert.Equal(1.0, s.Round(2));
    }

    [Fact]
    public void Add_CancellingTerms_GivesExactZeroAndSmallRemainders()
    {
        var s = new ExactSumArray(1);
        s.Add(0, 1e300); s.Add(0, 1e-300); s.Add(0, -1e300);
        Assert.Equal(1e-300, s.Round(0));
        s.Add(0, -1e-300);
        Assert.Equal(0.0, s.Round(0));
        Assert.Equal(0, s.ComponentCount(0));
    }

    [Fact]
    public void Add_ManyMagnitudes_SpillsAndStaysExact()
    {
        // Powers of two 2^-1000 … 2^1000 in steps of 2^60 cannot share components: the sum needs more than the inline slots.
        var s = new ExactSumArray(2);
        var terms = new List<double>();
        for (int e = -1000; e <= 1000; e += 60) terms.Add(Math.ScaleB(1.0 + 1.0 / 3, e));
        foreach (var t in terms) s.Add(1, t);
        Assert.True(s.ComponentCount(1) > ExactSumArray.InlineComponents);
        Assert.Equal(RationalSum.Of(terms), s.Round(1));
        foreach (var t in terms) s.Add(1, -t);
        Assert.Equal(0.0, s.Round(1));
    }

    [Fact]
    public void Add_NonFinite_PropagatesLikeDoubles()
    {
        var s = new ExactSumArray(2);
        s.Add(0, 1); s.Add(0, double.PositiveInfinity);
        Assert.Equal(double.PositiveInfinity, s.Round(0));
        s.Add(1, double.PositiveInfinity); s.Add(1, double.NegativeInfinity);
        Assert.True(double.IsNaN(s.Round(1)));
    }
}
