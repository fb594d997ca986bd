namespace NuMM.Runtime.Physics.Folding;

/// <summary>A cross section whose neutrino-energy dependence at fixed recoil T is a quadratic in 1/E:
/// dσ/dT(E, T) = s(T) · [c₀(T) + c₁(T)/E + c₂(T)/E²] for E ≥ <see cref="IDifferentialCrossSection.MinNeutrinoEnergyMeV"/>(T),
/// and zero below. True of the CEvNS SM, active and sterile magnetic-moment terms (and of ν–e scattering's SM and
/// magnetic terms). The folder then needs only the flux's cumulative inverse-energy moments
/// ∫_{E_min}^∞ Φ(E) E^{−k} dE, k = 0, 1, 2, so each recoil energy costs O(1) instead of O(nodes).</summary>
public interface IInverseEnergyExpansion : IDifferentialCrossSection
{
    /// <summary>The coefficients at recoil <paramref name="recoilEnergyMeV"/> (MeV): dσ/dT = scale·(c0 + c1/E + c2/E²) in cm²/MeV
    /// for E ≥ E_min(T) (the bracket is ≥ 0 there).</summary>
    /// <param name="recoilEnergyMeV">T in MeV.</param>
    /// <param name="scale">s(T) in cm²/MeV.</param>
    /// <param name="c0">Constant term.</param>
    /// <param name="c1">Coefficient of 1/E (MeV).</param>
    /// <param name="c2">Coefficient of 1/E² (MeV²).</param>
    void InverseEnergyCoefficients(double recoilEnergyMeV, out double scale, out double c0, out double c1, out double c2);
}
