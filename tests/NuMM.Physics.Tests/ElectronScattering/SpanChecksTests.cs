using NuMM.Runtime.Physics.ElectronScattering;

namespace NuMM.Physics.Tests.ElectronScattering;

/// <summary>The vectorised checks behind the array forms, on every dispatch path (512, 256, 128 bits, scalar) and
/// every length 0–70 so that each remainder of each vector width is hit.</summary>
public class SpanChecksTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void AllInRange_EveryLengthAndBadPosition_MatchesScalarDefinition(int width)
    {
        var rng = new Random(width + 1);
        foreach (double bad in new[] { double.NaN, -1.0, double.PositiveInfinity, double.NegativeInfinity, 0.0 })
            for (int n = 0; n <= 70; n++)
            {
                var v = Enumerable.Range(0, n).Select(_ => 0.001 + rng.NextDouble() * 10).ToArray();
                Assert.True(SpanChecks.AllInRange(v, strictlyPositive: true, out double max, width));
                Assert.Equal(n == 0 ? 0 : v.Max(), max);
                for (int p = 0; p < n; p++)
                {
                    double keep = v[p];
                    v[p] = bad;
                    bool expectOkNonStrict = bad == 0.0;
                    Assert.False(SpanChecks.AllInRange(v, strictlyPositive: true, out _, width), $"n={n} p={p} bad={bad}");
                    Assert.Equal(expectOkNonStrict, SpanChecks.AllInRange(v, strictlyPositive: false, out _, width));
                    v[p] = keep;
                }
            }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ZeroAboveKinematicLimit_EveryLength_MatchesScalar(int width)
    {
        var rng = new Random(99);
        const double m = 0.000511;
        for (int n = 0; n <= 70; n++)
        {
            var e = Enumerable.Range(0, n).Select(_ => 0.1 + rng.NextDouble()).ToArray();
            var t = e.Select(x => x * (0.9 + 0.2 * rng.NextDouble())).ToArray();
            var w = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
            SpanChecks.ZeroAboveKinematicLimit(e, t, w, m, width);
            for (int i = 0; i < n; i++)
            {
                double tMax = 2 * e[i] * e[i] / (m + 2 * e[i]);
                Assert.Equal(t[i] > tMax ? 0.0 : 1.0 + i, w[i]);
            }
        }
    }
}
