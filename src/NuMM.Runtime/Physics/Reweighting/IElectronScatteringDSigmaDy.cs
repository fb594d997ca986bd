using NuMM.Runtime.Physics.ElectronScattering;

namespace NuMM.Runtime.Physics.Reweighting;

/// <summary>A ν–e elastic cross-section model in the inelasticity y = T/E_ν = (E_e − m_e)/E_ν: the hook through which
/// a reweighting factor (technote eqs. 40–41) compares two models. Implement it as a <c>struct</c> so that the
/// generic weight methods are specialised by the JIT (no interface dispatch per event).</summary>
public interface IElectronScatteringDSigmaDy
{
    /// <summary>dσ/dy in cm² per electron for <paramref name="species"/> at neutrino energy
    /// <paramref name="neutrinoEnergyMeV"/> (MeV) and y = T/E_ν (dimensionless). Zero outside the kinematic range.</summary>
    double DSigmaDyCm2(NeutrinoSpecies species, double neutrinoEnergyMeV, double y);
}

/// <summary>The Standard-Model ν–e cross section with couplings built from sin²θ_W and the radiative-correction
/// factors ρ and κ (<see cref="ElectroweakCouplings.ForSpecies(NeutrinoSpecies, double, double, double)"/>);
/// ρ = κ = 1 is the tree level. Use two of these, with the generator's constants and with corrected ones, for a
/// radiative-correction weight.</summary>
/// <param name="SinSqThetaW">Weak mixing angle sin²θ_W.</param>
/// <param name="Rho">Neutral-current normalisation ρ (1 at tree level).</param>
/// <param name="Kappa">Mixing-angle factor κ (1 at tree level).</param>
public readonly record struct EffectiveCouplingsDSigmaDy(double SinSqThetaW, double Rho = 1.0, double Kappa = 1.0) : IElectronScatteringDSigmaDy
{
    /// <summary>Tree-level couplings with the PDG 2024 low-energy sin²θ̂_W(0).</summary>
    public static EffectiveCouplingsDSigmaDy TreeLevel => new(PhysicalConstants.SinSqThetaWLowEnergy);

    /// <inheritdoc />
    public double DSigmaDyCm2(NeutrinoSpecies species, double neutrinoEnergyMeV, double y)
        => NeutrinoElectronCrossSection.StandardModelDSigmaDy(ElectroweakCouplings.ForSpecies(species, SinSqThetaW, Rho, Kappa), neutrinoEnergyMeV, y);
}
