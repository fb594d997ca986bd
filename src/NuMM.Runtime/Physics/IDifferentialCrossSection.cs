namespace NuMM.Runtime.Physics;

/// <summary>A differential cross section in the recoil kinetic energy T of the struck target (electron or
/// nucleus), for one neutrino species on one target. Flux folding works through this interface so that
/// ν–e scattering and CEvNS fold the same way.</summary>
public interface IDifferentialCrossSection
{
    /// <summary>dσ/dT per target particle, in cm²/MeV, at neutrino energy <paramref name="neutrinoEnergyMeV"/> (MeV)
    /// and recoil kinetic energy <paramref name="recoilEnergyMeV"/> (MeV). Zero outside the kinematic range.</summary>
    double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV);

    /// <summary>The largest recoil kinetic energy (MeV) a neutrino of energy <paramref name="neutrinoEnergyMeV"/> (MeV) can give.</summary>
    double MaxRecoilEnergyMeV(double neutrinoEnergyMeV);

    /// <summary>The smallest neutrino energy (MeV) that can give recoil kinetic energy <paramref name="recoilEnergyMeV"/> (MeV).</summary>
    double MinNeutrinoEnergyMeV(double recoilEnergyMeV);
}
