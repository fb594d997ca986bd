using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Cevns;

public class NuclearTableTests
{
    [Theory]
    // IUPAC standard atomic weights (CIAAW 2021, abridged / conventional values with uncertainty).
    [InlineData("Ge", 72.630, 0.008)]
    [InlineData("Xe", 131.293, 0.006)]
    [InlineData("Ar", 39.948, 0.001)]
    [InlineData("Na", 22.98976928, 2e-8)]
    [InlineData("I", 126.90447, 3e-5)]
    [InlineData("Cs", 132.90545196, 6e-8)]
    public void NaturalElement_MeanAtomicMass_MatchesIupacAtomicWeight(string element, double atomicWeight, double uncertainty)
    {
        var target = NuclearTable.GetTarget(element);
        double abundance = target.Components.Sum(c => c.AtomsPerFormulaUnit);
        Assert.Equal(1.0, abundance, 5);
        Assert.InRange(target.MolarMassGramPerMol, atomicWeight - uncertainty, atomicWeight + uncertainty);
    }

    [Fact]
    public void CsI_Compound_HasOneCsAndOneIPerFormulaUnit()
    {
        var csi = NuclearTable.GetTarget("CsI");
        Assert.Equal(2, csi.Components.Count);
        double molar = 132.905451961 + 126.9044719;                 // AME2020 atomic masses, g/mol
        Assert.Equal(molar, csi.MolarMassGramPerMol, 9);
        double perKg = 6.02214076e23 * 1000 / molar;
        foreach (var c in csi.Components) Assert.Equal(1.0, csi.NucleiPerKg(c) / perKg, 12);
        Assert.Equal((55 + 53) * perKg, csi.ElectronsPerKg, 1e12);
    }

    [Fact]
    public void Nucleus_Ge74_HasExpectedNumbersAndMass()
    {
        var ge = NuclearTable.GetNucleus("74Ge");
        Assert.Equal(32, ge.ProtonNumber);
        Assert.Equal(42, ge.NeutronNumber);
        // AME2020 atomic mass minus electrons, plus ~0.1 MeV electron binding.
        double bare = 73.921177761 * 931.49410372 - 32 * 0.51099895069;
        Assert.InRange(ge.NuclearMassMeV - bare, 0.05, 0.15);
        Assert.Same(ge, NuclearTable.GetNucleus("ge74"));
    }

    [Fact]
    public void Lookup_UnknownNucleus_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => NuclearTable.GetNucleus("Unobtainium300"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("Unobtainium300", ex.Message);
        Assert.Contains("Ge74", ex.Message);
        var ex2 = Assert.Throws<ArgumentException>(() => NuclearTable.GetTarget("Pb"));
        Assert.Contains("'Pb'", ex2.Message);
        Assert.Contains("CsI", ex2.Message);
    }
}
