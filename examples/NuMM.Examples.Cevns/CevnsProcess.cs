using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Examples.Cevns;

/// <summary>One CEvNS channel of the talk, as a recipe for its cross section on each Ge isotope.</summary>
public abstract record CevnsProcess
{
    /// <summary>Short label for tables and plot legends.</summary>
    public abstract string Label { get; }

    /// <summary>dσ/dT on <paramref name="nucleus"/> with form factor <paramref name="formFactor"/> (null = Helm).</summary>
    /// <param name="nucleus">Target nuclide.</param>
    /// <param name="formFactor">Form factor, or null for the Lewin–Smith Helm form factor (talk eq. 4).</param>
    /// <param name="sinSqThetaW">sin²θ_W (talk eq. 6: 0.23857).</param>
    public abstract IDifferentialCrossSection CrossSection(Nucleus nucleus, INuclearFormFactor? formFactor, double sinSqThetaW);
}

/// <summary>Standard-Model CEvNS, talk eqs. 1–3.</summary>
public sealed record StandardModelCevns : CevnsProcess
{
    /// <inheritdoc/>
    public override string Label => "SM";

    /// <inheritdoc/>
    public override IDifferentialCrossSection CrossSection(Nucleus nucleus, INuclearFormFactor? formFactor, double sinSqThetaW) =>
        new CevnsStandardModel(nucleus, sinSqThetaW, formFactor);
}

/// <summary>The active-neutrino magnetic-moment term alone (talk eq. 10); it adds incoherently to the SM.</summary>
/// <param name="MomentBohr">Effective |μ_ν| in Bohr magnetons.</param>
public sealed record ActiveMomentCevns(double MomentBohr) : CevnsProcess
{
    /// <inheritdoc/>
    public override string Label => $"ν_a MM, μ = {MomentBohr:0.##E+0} μ_B";

    /// <inheritdoc/>
    public override IDifferentialCrossSection CrossSection(Nucleus nucleus, INuclearFormFactor? formFactor, double sinSqThetaW) =>
        new CevnsActiveMagneticMoment(nucleus, MomentBohr, formFactor);
}

/// <summary>The sterile-neutrino transition-moment (dipole portal) term alone, ν_ℓ N → ν₄ N (talk eqs. 11–13).</summary>
/// <param name="MomentBohr">|μ_{ν_ℓ4}| in Bohr magnetons.</param>
/// <param name="SterileMassMeV">m₄ in MeV.</param>
public sealed record SterileMomentCevns(double MomentBohr, double SterileMassMeV) : CevnsProcess
{
    /// <inheritdoc/>
    public override string Label => $"ν_s MM, μ = {MomentBohr:0.##E+0} μ_B, m₄ = {SterileMassMeV:0.###} MeV";

    /// <inheritdoc/>
    public override IDifferentialCrossSection CrossSection(Nucleus nucleus, INuclearFormFactor? formFactor, double sinSqThetaW) =>
        new CevnsSterileDipole(nucleus, MomentBohr, SterileMassMeV, formFactor);
}
