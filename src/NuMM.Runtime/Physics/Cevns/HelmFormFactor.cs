using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;
using System.Numerics.Tensors;

namespace NuMM.Runtime.Physics.Cevns;

/// <summary>Helm form factor (R. H. Helm, Phys. Rev. 104, 1466 (1956)), talk eq. 4:
/// F(q) = 3 j₁(qR)/(qR) · exp(−q²s²/2), j₁(x) = sin x/x² − cos x/x, with q = |q| in fm⁻¹ (= q[MeV]/ħc).
/// Default parameters follow J. D. Lewin &amp; P. F. Smith, Astropart. Phys. 6, 87 (1996), sec. 4.1:
/// skin thickness s = 0.9 fm and R² = c² + (7/3)π²a² − 5s² with c = 1.23 A^{1/3} − 0.60 fm, a = 0.52 fm.
/// The rms radius of the Helm density is √(3R²/5 + 3s²).</summary>
public sealed class HelmFormFactor : INuclearFormFactor
{
    /// <summary>Lewin–Smith skin thickness s in fm.</summary>
    public const double LewinSmithSkinFm = 0.9;

    /// <summary>Lewin–Smith surface diffuseness a in fm.</summary>
    public const double LewinSmithDiffusenessFm = 0.52;

    /// <summary>Creates a Helm form factor with box radius <paramref name="radiusFm"/> and skin <paramref name="skinFm"/>.</summary>
    /// <param name="radiusFm">Box (diffraction) radius R in fm, finite and &gt; 0.</param>
    /// <param name="skinFm">Skin thickness s in fm, finite and ≥ 0.</param>
    public HelmFormFactor(double radiusFm, double skinFm)
    {
        PhysicsArguments.PositiveFinite(radiusFm, nameof(radiusFm));
        PhysicsArguments.NonNegativeFinite(skinFm, nameof(skinFm));
        RadiusFm = radiusFm;
        SkinFm = skinFm;
    }

    /// <summary>Lewin–Smith Helm form factor for mass number <paramref name="massNumber"/>.</summary>
    /// <param name="massNumber">A ≥ 1.</param>
    public static HelmFormFactor LewinSmith(int massNumber)
    {
        if (massNumber < 1) throw new ArgumentOutOfRangeException(nameof(massNumber), massNumber, "The mass number must be ≥ 1.");
        double c = 1.23 * Math.Cbrt(massNumber) - 0.60;
        double a = LewinSmithDiffusenessFm, s = LewinSmithSkinFm;
        double r2 = c * c + 7.0 / 3.0 * Math.PI * Math.PI * a * a - 5 * s * s;
        return new HelmFormFactor(Math.Sqrt(r2), s);
    }

    /// <summary>Lewin–Smith Helm form factor for <paramref name="nucleus"/>.</summary>
    /// <param name="nucleus">Target nucleus.</param>
    public static HelmFormFactor LewinSmith(Nucleus nucleus)
    {
        ArgumentNullException.ThrowIfNull(nucleus);
        return LewinSmith(nucleus.MassNumber);
    }

    /// <summary>Box radius R in fm.</summary>
    public double RadiusFm { get; }

    /// <summary>Skin thickness s in fm.</summary>
    public double SkinFm { get; }

    /// <summary>rms radius √(3R²/5 + 3s²) in fm.</summary>
    public double RmsRadiusFm => Math.Sqrt(0.6 * RadiusFm * RadiusFm + 3 * SkinFm * SkinFm);

    /// <inheritdoc/>
    public double Evaluate(double momentumTransferMeV)
    {
        PhysicsArguments.NonNegativeFinite(momentumTransferMeV, nameof(momentumTransferMeV));
        double q = momentumTransferMeV / PhysicalConstants.HbarCMeVFm;   // fm⁻¹
        double x = q * RadiusFm;
        return ThreeJ1OverX(x) * Math.Exp(-0.5 * q * q * SkinFm * SkinFm);
    }

    /// <summary>Array form of <see cref="Evaluate(double)"/>: F for each momentum transfer (MeV), vectorised with
    /// TensorPrimitives (sin, cos, exp over the whole span); entries with qR &lt; 0.1 use the Taylor series.</summary>
    /// <param name="momentumTransfersMeV">|q| values in MeV, finite and ≥ 0.</param>
    /// <param name="destination">Output, same length.</param>
    public void Evaluate(ReadOnlySpan<double> momentumTransfersMeV, Span<double> destination)
    {
        PhysicsArguments.AllNonNegativeFinite(momentumTransfersMeV, nameof(momentumTransfersMeV));
        PhysicsArguments.SameLength(momentumTransfersMeV.Length, destination.Length, nameof(destination));
        int n = momentumTransfersMeV.Length;
        if (n == 0) return;
        double[] rented = System.Buffers.ArrayPool<double>.Shared.Rent(3 * n);
        try
        {
            var x = rented.AsSpan(0, n);
            var sin = rented.AsSpan(n, n);
            var cos = rented.AsSpan(2 * n, n);
            TensorPrimitives.Multiply(momentumTransfersMeV, RadiusFm / PhysicalConstants.HbarCMeVFm, x);
            TensorPrimitives.Sin(x, sin);
            TensorPrimitives.Cos(x, cos);
            // 3 (sin x − x cos x) / x³
            TensorPrimitives.Multiply(cos, x, cos);
            TensorPrimitives.Subtract(sin, cos, sin);
            TensorPrimitives.Multiply(sin, 3.0, sin);
            TensorPrimitives.Multiply(x, x, cos);          // x²
            TensorPrimitives.Multiply(cos, x, cos);        // x³
            TensorPrimitives.Divide(sin, cos, destination);
            for (int i = 0; i < n; i++)
                if (x[i] < 0.1) destination[i] = ThreeJ1OverX(x[i]);
            // exp(−q² s²/2) with q in fm⁻¹
            double k = -0.5 * SkinFm * SkinFm / (PhysicalConstants.HbarCMeVFm * PhysicalConstants.HbarCMeVFm);
            TensorPrimitives.Multiply(momentumTransfersMeV, momentumTransfersMeV, sin);
            TensorPrimitives.Multiply(sin, k, sin);
            TensorPrimitives.Exp(sin, sin);
            TensorPrimitives.Multiply(destination, sin, destination);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>3 j₁(x)/x, with its Taylor series below x = 0.1 where sin x − x cos x cancels.</summary>
    internal static double ThreeJ1OverX(double x)
    {
        if (x < 0.1)
        {
            double x2 = x * x;
            return 1 - x2 / 10 * (1 - x2 / 28 * (1 - x2 / 54 * (1 - x2 / 88)));
        }
        return 3 * (Math.Sin(x) - x * Math.Cos(x)) / (x * x * x);
    }
}
