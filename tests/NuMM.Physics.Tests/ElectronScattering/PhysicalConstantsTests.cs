using NuMM.Runtime.Physics;

namespace NuMM.Physics.Tests.ElectronScattering;

public class PhysicalConstantsTests
{
    [Fact]
    public void Constants_MatchPdg2024Literals()
    {
        Reference.Close(Reference.Gf, PhysicalConstants.FermiCouplingPerMeV2, 1e-14);
        Reference.Close(Reference.Alpha, PhysicalConstants.FineStructure, 1e-14);
        Assert.Equal(Reference.MeMeV, PhysicalConstants.ElectronMassMeV, 14);
        Assert.Equal(Reference.HbarCMeVFm, PhysicalConstants.HbarCMeVFm, 10);
        Assert.Equal(0.23129, PhysicalConstants.SinSqThetaWAtMz, 10);  // PDG 2024 ŝ²_Z
        Assert.Equal(Reference.SinSq0, PhysicalConstants.SinSqThetaWLowEnergy, 10);
    }

    [Fact]
    public void HbarCSquared_EqualsSquareOfHbarC()
    {
        // PDG 2024 quotes (ħc)² = 0.389379372 GeV² mbarn; it must equal (197.3269804 MeV fm)² to its 9 digits.
        Reference.Close(Reference.HbarCMeVFm * Reference.HbarCMeVFm * 1e-26, PhysicalConstants.HbarC2MeV2Cm2, 2e-9);
    }

    [Fact]
    public void ClassicalElectronRadius_MatchesPdg2024()
    {
        // PDG 2024: r_e = 2.8179403205(13) fm = α ħc / m_e — checks α, ħc and m_e together.
        Assert.True(Math.Abs(PhysicalConstants.ClassicalElectronRadiusCm / 2.8179403205e-13 - 1) < 1e-9);
    }

    [Fact]
    public void BohrMagneton_EqualsElementaryChargeOverTwoElectronMasses()
    {
        double e = Math.Sqrt(4 * Math.PI / Reference.AlphaInverse);
        Assert.Equal(e / (2 * Reference.MeMeV), PhysicalConstants.BohrMagnetonPerMeV, 14);
    }
}
