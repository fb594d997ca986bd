using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Physics.Tests.Fluxes;

public class SpectrumTableTests
{
    [Fact]
    public void Density_BetweenRows_InterpolatesLinearly()
    {
        var s = new TabulatedSpectrum("t", [1.0, 2.0, 4.0], [0.0, 2.0, 1.0]);
        Assert.Equal(1.0, s.Density(1.5), 14);
        Assert.Equal(1.5, s.Density(3.0), 14);
        Assert.Equal(0.0, s.Density(0.5));
        Assert.Equal(0.0, s.Density(4.5));
        Assert.Equal(1.0 + 3.0, s.Integral(), 14);
        Assert.Equal("energyMeV", Assert.Throws<ArgumentOutOfRangeException>(() => s.Density(double.NaN)).ParamName);
    }

    [Fact]
    public void Construct_UnsortedTable_ThrowsNamingTableAndRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TabulatedSpectrum("my-flux", [1.0, 3.0, 2.0], [1.0, 1.0, 1.0]));
        Assert.Contains("my-flux", ex.Message);
        Assert.Contains("row 3", ex.Message);
        Assert.Equal("energiesMeV", ex.ParamName);
    }

    [Fact]
    public void Construct_NegativeOrNonFiniteDensity_Throws()
    {
        var neg = Assert.Throws<ArgumentException>(() => new TabulatedSpectrum("neg", [1.0, 2.0], [1.0, -0.5]));
        Assert.Contains("row 2", neg.Message);
        Assert.Contains("-0.5", neg.Message);
        Assert.Throws<ArgumentException>(() => new TabulatedSpectrum("nan", [1.0, 2.0], [double.NaN, 1.0]));
        Assert.Throws<ArgumentException>(() => new TabulatedSpectrum("inf", [1.0, double.PositiveInfinity], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new TabulatedSpectrum("short", [1.0], [1.0]));
    }

    [Fact]
    public void Parse_BadCellOrUnsortedRow_ReportsLine()
    {
        var bad = Assert.Throws<FormatException>(() => TabulatedSpectrum.Parse("f.csv", "# header\n1.0, 2.0\n2.0, x\n"));
        Assert.Contains("f.csv", bad.Message);
        Assert.Contains("line 3", bad.Message);
        var unsorted = Assert.Throws<ArgumentException>(() => TabulatedSpectrum.Parse("g.csv", "# c\n\n1.0 1\n0.5 1\n"));
        Assert.Contains("line 4", unsorted.Message);
    }

    [Fact]
    public void Normalised_SetsIntegralAndRejectsEmptyShape()
    {
        var s = new TabulatedSpectrum("tri", [0.0, 1.0, 2.0], [0.0, 1.0, 0.0]);
        Assert.Equal(7.0, NeutrinoFlux.Normalised("n", s, 7.0).TotalFlux(), 12);
        var zero = new TabulatedSpectrum("zero", [0.0, 1.0], [0.0, 0.0]);
        Assert.Throws<ArgumentException>(() => NeutrinoFlux.Normalised("z", zero, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpectralLine(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpectralLine(1, double.NaN));
    }
}
