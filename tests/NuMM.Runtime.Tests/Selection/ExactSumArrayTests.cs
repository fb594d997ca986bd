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

    /// <summary>Terms for the range tests: mostly values near 1 (the running pair's case), with zeros, −0, tiny and huge
    /// values (the pair runs out of bits and the expansion takes the rest), and optionally ±∞, NaN and near-overflow pairs.</summary>
    private static double[] MixedTerms(int n, int seed, bool nonFinite)
    {
        var rng = new Random(seed);
        var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            int kind = rng.Next(20);
            t[i] = kind switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => (rng.NextDouble() - 0.5) * Math.ScaleB(1, rng.Next(-300, 300)),
                3 => Math.ScaleB(1 + rng.NextDouble(), -70),
                4 when nonFinite => rng.Next(3) switch { 0 => double.PositiveInfinity, 1 => double.NegativeInfinity, _ => double.NaN },
                5 when nonFinite => 1.7e308 * (rng.Next(2) == 0 ? 1 : -1),
                _ => 0.5 + rng.NextDouble(),
            };
        }
        return t;
    }

    [Theory]
    [InlineData(11, false, 512)]
    [InlineData(12, true, 512)]
    [InlineData(13, false, 512)]
    [InlineData(14, false, 256)]
    [InlineData(15, true, 256)]
    [InlineData(16, true, 0)]
    public void AddRange_IsTheSameAsAddingOneByOne(int seed, bool nonFinite, int vectorBits)
    {
        // 37 sums (not a multiple of 8 or 4), 300 rounds of values, added from offset 5 of a larger array.
        const int sums = 37, rounds = 300, offset = 5;
        var ranged = new ExactSumArray(offset + sums + 3);
        var single = new ExactSumArray(offset + sums + 3);
        var all = new List<double>[sums];
        for (int k = 0; k < sums; k++) all[k] = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            var values = MixedTerms(sums, seed * 1000 + round, nonFinite);
            ranged.AddRange(offset, values, vectorBits);
            for (int k = 0; k < sums; k++) { single.Add(offset + k, values[k]); all[k].Add(values[k]); }
        }
        var a = new List<double>(); var b = new List<double>();
        for (int k = 0; k < offset + sums + 3; k++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(single.Round(k)), BitConverter.DoubleToInt64Bits(ranged.Round(k)));
            Assert.Equal(single.GetComponents(k, a), ranged.GetComponents(k, b));
            Assert.Equal(a, b);
        }
        if (!nonFinite) // and both equal the exact sum (BigInteger reference) of every term
            for (int k = 0; k < sums; k++) Assert.Equal(RationalSum.Of(all[k]), ranged.Round(offset + k));
    }

    [Fact]
    public void AddRange_WideMagnitudes_MatchTheReferenceForAnyGrouping()
    {
        // Terms over 300 decades go through the expansion; the same terms added as 9 separate arrays' sums must agree.
        var terms = Terms(4000, 21, 300);
        var whole = new ExactSumArray(8);
        for (int i = 0; i + 8 <= terms.Length; i += 8) whole.AddRange(0, terms.AsSpan(i, 8));
        var parts = new ExactSumArray[9];
        for (int p = 0; p < 9; p++) parts[p] = new ExactSumArray(8);
        for (int i = 0, c = 0; i + 8 <= terms.Length; i += 8, c++) parts[c % 9].AddRange(0, terms.AsSpan(i, 8));
        var merged = new ExactSumArray(8);
        for (int p = 8; p >= 0; p--) for (int k = 0; k < 8; k++) merged.AddSum(k, parts[p], k);
        for (int k = 0; k < 8; k++)
        {
            var mine = new List<double>();
            for (int i = k; i + 8 - k <= terms.Length; i += 8) mine.Add(terms[i]);
            double reference = RationalSum.Of(mine);
            Assert.Equal(reference, whole.Round(k));
            Assert.Equal(reference, merged.Round(k));
        }
    }

    [Fact]
    public void Add_OverflowOfTheRunningPair_IsKeptAsInfinity()
    {
        // 1.5e308 + 1.5e308 leaves the double range: the sum is +∞ from then on, as before the running pair existed.
        var s = new ExactSumArray(1);
        s.Add(0, 1.5e308); s.Add(0, 1.5e308);
        Assert.Equal(double.PositiveInfinity, s.Round(0));
        s.Add(0, -1.5e308);
        Assert.Equal(double.PositiveInfinity, s.Round(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.AddRange(0, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Add(1, 0.0));
    }
}
