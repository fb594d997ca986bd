using System;
using System.Numerics;

namespace NuMM.Runtime.Physics.Mixing;

/// <summary>The lepton mixing (PMNS) matrix U, rows the flavours e, μ, τ and columns the mass states 1, 2, 3, in the
/// standard parametrisation of the PDG review "Neutrino masses, mixing and oscillations" (PDG 2024):
/// U_e = (c₁₂c₁₃, s₁₂c₁₃, s₁₃e^{−iδ}), U_μ = (−s₁₂c₂₃ − c₁₂s₂₃s₁₃e^{iδ}, c₁₂c₂₃ − s₁₂s₂₃s₁₃e^{iδ}, s₂₃c₁₃),
/// U_τ = (s₁₂s₂₃ − c₁₂c₂₃s₁₃e^{iδ}, −c₁₂s₂₃ − s₁₂c₂₃s₁₃e^{iδ}, c₂₃c₁₃), times diag(1, e^{iα₂₁/2}, e^{iα₃₁/2})
/// on the right for Majorana phases.</summary>
public static class PmnsMatrix
{
    /// <summary>U from the angles θ₁₂, θ₁₃, θ₂₃ and the Dirac phase δ (all in radians), with optional Majorana
    /// phases α₂₁, α₃₁ (radians; they do not affect oscillations).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An angle or phase not finite.</exception>
    public static ComplexMatrix3 Create(double theta12, double theta13, double theta23, double deltaCp,
        double majoranaAlpha21 = 0, double majoranaAlpha31 = 0)
    {
        Check(theta12, nameof(theta12)); Check(theta13, nameof(theta13)); Check(theta23, nameof(theta23));
        Check(deltaCp, nameof(deltaCp)); Check(majoranaAlpha21, nameof(majoranaAlpha21)); Check(majoranaAlpha31, nameof(majoranaAlpha31));
        double s12 = Math.Sin(theta12), c12 = Math.Cos(theta12);
        double s13 = Math.Sin(theta13), c13 = Math.Cos(theta13);
        double s23 = Math.Sin(theta23), c23 = Math.Cos(theta23);
        Complex eid = Complex.FromPolarCoordinates(1, deltaCp), emid = Complex.Conjugate(eid);
        var u = new Complex[,]
        {
            { c12 * c13, s12 * c13, s13 * emid },
            { -s12 * c23 - c12 * s23 * s13 * eid, c12 * c23 - s12 * s23 * s13 * eid, s23 * c13 },
            { s12 * s23 - c12 * c23 * s13 * eid, -c12 * s23 - s12 * c23 * s13 * eid, c23 * c13 },
        };
        var m = new ComplexMatrix3(u);
        if (majoranaAlpha21 == 0 && majoranaAlpha31 == 0) return m;
        return m * ComplexMatrix3.Diagonal(1, Complex.FromPolarCoordinates(1, majoranaAlpha21 / 2), Complex.FromPolarCoordinates(1, majoranaAlpha31 / 2));
    }

    /// <summary>U from sin²θ₁₂, sin²θ₁₃, sin²θ₂₃ (each in [0, 1], the form in which the PDG quotes them) and δ (radians).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A sin² outside [0, 1] or not finite; δ not finite.</exception>
    public static ComplexMatrix3 FromSinSquared(double sinSqTheta12, double sinSqTheta13, double sinSqTheta23, double deltaCp)
        => Create(AngleFromSinSquared(sinSqTheta12, nameof(sinSqTheta12)), AngleFromSinSquared(sinSqTheta13, nameof(sinSqTheta13)),
            AngleFromSinSquared(sinSqTheta23, nameof(sinSqTheta23)), deltaCp);

    internal static double AngleFromSinSquared(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentOutOfRangeException(name, value, "sin² of a mixing angle must be in [0, 1].");
        return Math.Asin(Math.Sqrt(value));
    }

    private static void Check(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, "Angles and phases (radians) must be finite.");
    }
}
