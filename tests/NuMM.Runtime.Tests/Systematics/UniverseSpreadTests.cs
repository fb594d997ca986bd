using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Systematics;
using NuMM.Runtime.Tests.Support;
using static NuMM.Runtime.Tests.Support.UniverseReference;

namespace NuMM.Runtime.Tests.Systematics;

public class UniverseSpreadTests
{
    private static (double[] Nominal, double[][] Universes) Single()
    {
        var c = Case("single");
        var nominal = Vector(c, "nominal");
        int n = c.GetProperty("universes").GetInt32();
        return (nominal, Enumerable.Range(0, n).Select(u => Universe(nominal, u, 0.0)).ToArray());
    }

    /// <summary>A result whose histogram "E" holds the nominal and, in universe u of "flux", the u-th universe.</summary>
    private static AnalysisResult ResultOf(double[] nominal, double[][] universes)
    {
        var axis = new RegularAxis(nominal.Length, 0, nominal.Length * 0.5, "E", "GeV");
        AnalysisResult Make(double[] bins)
        {
            var h = new Histogram1D(axis, "E");
            for (int b = 0; b < bins.Length; b++) h.FillCell(b + 1, bins[b]);
            h.FillCell(0, 1000);   // underflow: not part of the spread
            var flow = new CutFlow(["sel"]);
            flow.SumW[1] = bins.Sum();
            return new AnalysisResult("A", flow, [h], []);
        }
        var n = Make(nominal);
        var variations = universes.Select((v, u) => VariationResult.InUniverse("flux", u, Make(v))).ToList();
        return new AnalysisResult("A", n.CutFlow, n.Histograms1D, n.Histograms2D, variations);
    }

    [Fact]
    public void AboutTheMean_MatchesNumpy()
    {
        var (nominal, universes) = Single();
        var c = Case("single");
        var s = UniverseSpread.FromValues(universes, nominal);
        Assert.Equal(SpreadCentre.UniverseMean, s.Centre);
        Assert.Equal(25, s.UniverseCount);
        double scale = nominal.Max();
        Close(Vector(c, "mean"), s.Mean, 1e-12, scale, "mean");
        Close(Vector(c, "std_mean"), s.StandardDeviation, 1e-10, scale, "std");
        var cov = s.Covariance();
        var expected = Matrix(c, "cov_mean");
        for (int i = 0; i < s.BinCount; i++)
            Close(expected[i], Enumerable.Range(0, s.BinCount).Select(j => cov[i, j]).ToArray(), 1e-10, scale * scale * 0.01, $"cov row {i}");
        var lambda = Vector(c, "eigenvalues_mean");
        var vectors = Matrix(c, "eigenvectors_mean");
        var fraction = Vector(c, "fraction_mean");
        Close(lambda, s.PrincipalComponents.Select(p => p.Variance).ToArray(), 1e-9, lambda[0], "eigenvalues");
        Close(fraction, s.PrincipalComponents.Select(p => p.FractionOfVariance).ToArray(), 1e-9, 1, "fractions");
        // Directions are compared where the eigenvalue is well separated from zero (the null space has no fixed basis).
        for (int k = 0; k < 5; k++) Close(vectors[k], s.PrincipalComponents[k].Direction, 1e-7, 1, $"direction {k}");
        Assert.Equal(s.TotalVariance, Enumerable.Range(0, s.BinCount).Sum(b => cov[b, b]), 1e-9 * s.TotalVariance);
    }

    [Fact]
    public void AboutTheNominal_DividesByN_AndMatchesNumpy()
    {
        var (nominal, universes) = Single();
        var c = Case("single");
        var s = UniverseSpread.FromValues(universes, nominal, SpreadCentre.Nominal);
        Close(Vector(c, "std_nominal"), s.StandardDeviation, 1e-10, nominal.Max(), "std");
        Close(Vector(c, "eigenvalues_nominal"), s.PrincipalComponents.Select(p => p.Variance).ToArray(), 1e-9, s.PrincipalComponents[0].Variance, "eigenvalues");
        // Hand formula for one bin: Σ (x_u − nominal)² / N.
        double hand = universes.Sum(u => (u[2] - nominal[2]) * (u[2] - nominal[2])) / universes.Length;
        Assert.Equal(hand, s.CovarianceOf(2, 2), 1e-12 * hand);
    }

    [Fact]
    public void PrincipalComponents_Reconstruct_TheCovariance_AndAreSortedAndSigned()
    {
        var (nominal, universes) = Single();
        var s = UniverseSpread.FromValues(universes, nominal);
        var cov = s.Covariance();
        int n = s.BinCount;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double r = s.PrincipalComponents.Sum(p => p.Variance * p.Direction[i] * p.Direction[j]);
                Assert.True(Math.Abs(r - cov[i, j]) <= 1e-9 * s.TotalVariance, $"({i},{j}): {r} vs {cov[i, j]}");
            }
        for (int k = 1; k < n; k++) Assert.True(s.PrincipalComponents[k].Variance <= s.PrincipalComponents[k - 1].Variance);
        foreach (var p in s.PrincipalComponents.Where(p => p.Variance > 1e-9 * s.TotalVariance))
        {
            Assert.True(p.Direction.Sum() > 0, $"component {p.Index} sums to {p.Direction.Sum()}");
            Assert.Equal(1.0, p.Direction.Sum(x => x * x), 1e-12);
            var shift = p.Shift();
            Assert.Equal(Math.Sqrt(p.Variance) * p.Direction[3], shift[3], 1e-12 * Math.Abs(shift[3]) + 1e-300);
        }
        Assert.Equal(1.0, s.PrincipalComponents.Sum(p => p.FractionOfVariance), 1e-12);
        int k90 = s.ComponentsExplaining(0.9);
        Assert.True(s.PrincipalComponents.Take(k90).Sum(p => p.FractionOfVariance) >= 0.9 - 1e-12);
        Assert.True(s.PrincipalComponents.Take(k90 - 1).Sum(p => p.FractionOfVariance) < 0.9);
        var corr = s.Correlation();
        Assert.Equal(1.0, corr[4, 4], 1e-12);
        Assert.Equal(cov[1, 5] / Math.Sqrt(cov[1, 1] * cov[5, 5]), corr[1, 5], 1e-12);
    }

    [Fact]
    public void Of_AnalysisResult_UsesTheRegularBinsOfEachUniverse()
    {
        var (nominal, universes) = Single();
        var r = ResultOf(nominal, universes);
        var s = UniverseSpread.Of(r, "flux", "E");
        var direct = UniverseSpread.FromValues(universes, nominal);
        Close(direct.StandardDeviation, s.StandardDeviation, 0, 1, "std");
        Close(nominal, s.Nominal, 0, 1, "nominal");
        // Event count: one bin, the hand formula of the sample standard deviation of the totals.
        var totals = universes.Select(u => u.Sum()).ToArray();
        double mean = totals.Average();
        double sd = Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / (totals.Length - 1));
        var count = UniverseSpread.OfEventCount(r, "flux");
        Assert.Equal(1, count.BinCount);
        Assert.Equal(sd, count.StandardDeviation[0], 1e-10 * sd);
        Assert.Equal(1.0, count.PrincipalComponents[0].FractionOfVariance);
    }

    [Fact]
    public void BadInput_IsNamed()
    {
        var (nominal, universes) = Single();
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => UniverseSpread.FromValues([universes[0]])).Message);
        Assert.Contains("universe 1 has 3 bins", Assert.Throws<ArgumentException>(() => UniverseSpread.FromValues([universes[0], new double[3]])).Message);
        var nan = universes.Select(u => (double[])u.Clone()).ToArray();
        nan[4][6] = double.NaN;
        Assert.Contains("universe 4, bin 6", Assert.Throws<ArgumentException>(() => UniverseSpread.FromValues(nan)).Message);
        Assert.Contains("needs the nominal", Assert.Throws<ArgumentException>(() => UniverseSpread.FromValues(universes, null, SpreadCentre.Nominal)).Message);
        var r = new VariedTestKernel().CreateResult();
        Assert.Contains("Shift variations, not universes", Assert.Throws<ArgumentException>(() => UniverseSpread.Of(r, "xScale", "x")).Message);
        Assert.Throws<KeyNotFoundException>(() => UniverseSpread.Of(r, "flux", "nope"));
        var same = UniverseSpread.FromValues([nominal, nominal, nominal]);
        Assert.All(same.PrincipalComponents, p => Assert.Equal(0.0, p.FractionOfVariance));
    }
}
