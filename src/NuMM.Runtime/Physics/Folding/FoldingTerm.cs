using System;

namespace NuMM.Runtime.Physics.Folding;

/// <summary>One scattering channel of a target: a cross section (cm²/MeV per target) and the number of such
/// targets per kilogram of detector material.</summary>
public sealed record FoldingTerm
{
    /// <summary>Creates a term.</summary>
    /// <param name="crossSection">dσ/dT per target.</param>
    /// <param name="targetsPerKg">Targets per kg, finite and ≥ 0.</param>
    public FoldingTerm(IDifferentialCrossSection crossSection, double targetsPerKg)
    {
        ArgumentNullException.ThrowIfNull(crossSection);
        if (!double.IsFinite(targetsPerKg) || targetsPerKg < 0)
            throw new ArgumentOutOfRangeException(nameof(targetsPerKg), targetsPerKg, "Targets per kg must be finite and ≥ 0.");
        CrossSection = crossSection;
        TargetsPerKg = targetsPerKg;
    }

    /// <summary>dσ/dT per target.</summary>
    public IDifferentialCrossSection CrossSection { get; }

    /// <summary>Targets per kg.</summary>
    public double TargetsPerKg { get; }
}
