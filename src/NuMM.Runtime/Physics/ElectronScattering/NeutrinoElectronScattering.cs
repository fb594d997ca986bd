using System;
using System.Buffers;
using System.Numerics.Tensors;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>Which terms of the ν–e cross section a <see cref="NeutrinoElectronScattering"/> includes.</summary>
[Flags]
public enum ElectronScatteringTerms
{
    /// <summary>The Standard Model weak term only (the background, or μ = 0).</summary>
    StandardModel = 1,
    /// <summary>The magnetic-moment term only (the signal of a magnetic-moment search).</summary>
    MagneticMoment = 2,
    /// <summary>Both, added incoherently.</summary>
    Both = StandardModel | MagneticMoment,
}

/// <summary>ν–e elastic scattering of one neutrino species with a given effective magnetic moment, as an
/// <see cref="IDifferentialCrossSection"/> (dσ/dT per electron in cm²/MeV, energies in MeV) for flux folding.
/// Immutable and thread-safe. See <see cref="NeutrinoElectronCrossSection"/> for the formulas and their sources.
/// <para>At fixed T both terms are quadratics in 1/E (SM: k[L + R(1 − T/E)² − I m_e T/E²]; magnetic:
/// (π α²/m_e²) μ² (1/T − 1/E)), so the class implements <see cref="IInverseEnergyExpansion"/> and
/// <see cref="IBatchDifferentialCrossSection"/> and <see cref="RecoilSpectrumFolder"/> folds it in O(1) per recoil energy.</para></summary>
public sealed class NeutrinoElectronScattering : IInverseEnergyExpansion, IBatchDifferentialCrossSection
{
    private readonly ElectroweakCouplings _couplings;

    /// <summary>Creates the cross section of <paramref name="species"/> with effective magnetic moment
    /// <paramref name="magneticMomentBohr"/> (μ_B), weak mixing angle <paramref name="sinSqThetaW"/> and the
    /// terms to include.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species or terms, μ not finite, sin²θ_W outside (0, 1).</exception>
    public NeutrinoElectronScattering(NeutrinoSpecies species, double magneticMomentBohr = 0.0,
        double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy, ElectronScatteringTerms terms = ElectronScatteringTerms.Both)
    {
        _couplings = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        NeutrinoElectronCrossSection.CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        if (terms is not (ElectronScatteringTerms.StandardModel or ElectronScatteringTerms.MagneticMoment or ElectronScatteringTerms.Both))
            throw new ArgumentOutOfRangeException(nameof(terms), terms, "Terms must be StandardModel, MagneticMoment or Both.");
        Species = species;
        MagneticMomentBohr = magneticMomentBohr;
        SinSqThetaW = sinSqThetaW;
        Terms = terms;
    }

    /// <summary>The neutrino species.</summary>
    public NeutrinoSpecies Species { get; }

    /// <summary>Effective magnetic moment in Bohr magnetons.</summary>
    public double MagneticMomentBohr { get; }

    /// <summary>Weak mixing angle sin²θ_W used for the couplings.</summary>
    public double SinSqThetaW { get; }

    /// <summary>The terms included.</summary>
    public ElectronScatteringTerms Terms { get; }

    /// <summary>The (g_V, g_A) couplings in use.</summary>
    public ElectroweakCouplings Couplings => _couplings;

    /// <inheritdoc />
    /// <remarks>Zero above T_max. Throws <see cref="ArgumentOutOfRangeException"/> for negative or non-finite
    /// energies, and for T = 0 when the magnetic term is included with μ ≠ 0.</remarks>
    public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        double sum = 0;
        if ((Terms & ElectronScatteringTerms.StandardModel) != 0)
            sum += NeutrinoElectronCrossSection.StandardModelDSigmaDT(_couplings, neutrinoEnergyMeV, recoilEnergyMeV);
        if ((Terms & ElectronScatteringTerms.MagneticMoment) != 0)
            sum += NeutrinoElectronCrossSection.MagneticMomentDSigmaDT(neutrinoEnergyMeV, recoilEnergyMeV, MagneticMomentBohr);
        return sum;
    }

    /// <inheritdoc />
    public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV) => ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV);

    /// <inheritdoc />
    public double MinNeutrinoEnergyMeV(double recoilEnergyMeV) => ElectronScatteringKinematics.MinNeutrinoEnergyMeV(recoilEnergyMeV);

    /// <inheritdoc />
    /// <remarks>With x = 1/E and L = (g_V + g_A)², R = (g_V − g_A)², I = g_V² − g_A²: the SM term contributes
    /// k_SM[(L + R) − 2RT x + (RT² − I m_e T) x²] and the magnetic term k_μ μ²(1/T − x), k_SM = G_F² m_e/2π and
    /// k_μ = π α²/m_e² in cm²/MeV and cm². The scale is k_SM when the SM term is included, else k_μ, so the
    /// coefficients stay of order one. Throws <see cref="ArgumentOutOfRangeException"/> for T negative or not finite,
    /// and for T = 0 when the magnetic term is included with μ ≠ 0 (the term diverges as 1/T).</remarks>
    public void InverseEnergyCoefficients(double recoilEnergyMeV, out double scale, out double c0, out double c1, out double c2)
    {
        ElectronScatteringKinematics.CheckRecoilEnergy(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double t = recoilEnergyMeV;
        bool sm = (Terms & ElectronScatteringTerms.StandardModel) != 0;
        scale = sm ? NeutrinoElectronCrossSection.StandardModelPrefactorCm2PerMeV : NeutrinoElectronCrossSection.MagneticPrefactorCm2;
        c0 = c1 = c2 = 0;
        if (sm)
        {
            c0 = _couplings.LeftSquared + _couplings.RightSquared;
            c1 = -2 * _couplings.RightSquared * t;
            c2 = _couplings.RightSquared * t * t - _couplings.Interference * PhysicalConstants.ElectronMassMeV * t;
        }
        if ((Terms & ElectronScatteringTerms.MagneticMoment) != 0 && MagneticMomentBohr != 0)
        {
            if (t == 0)
                throw new ArgumentOutOfRangeException(nameof(recoilEnergyMeV), recoilEnergyMeV,
                    "The magnetic-moment cross section diverges as 1/T at T = 0; use a positive recoil energy (a detector threshold).");
            // k_μ μ² (1/T − 1/E) expressed in units of the chosen scale.
            double m = NeutrinoElectronCrossSection.MagneticPrefactorCm2 * MagneticMomentBohr * MagneticMomentBohr / scale;
            c0 += m / t;
            c1 -= m;
        }
    }

    /// <inheritdoc />
    /// <remarks>Vectorised through the array forms of <see cref="NeutrinoElectronCrossSection"/>; the magnetic term
    /// uses a pooled scratch buffer. Throws as <see cref="DSigmaDT"/> (an invalid energy is named with its index).</remarks>
    public void DSigmaDTOverNeutrinoEnergies(double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination)
    {
        bool sm = (Terms & ElectronScatteringTerms.StandardModel) != 0;
        bool magnetic = (Terms & ElectronScatteringTerms.MagneticMoment) != 0;
        if (sm)
            NeutrinoElectronCrossSection.StandardModelDSigmaDTOverEnergies(_couplings, neutrinoEnergiesMeV, recoilEnergyMeV, destination);
        if (!magnetic) return;
        if (!sm)
        {
            NeutrinoElectronCrossSection.MagneticMomentDSigmaDTOverEnergies(neutrinoEnergiesMeV, recoilEnergyMeV, MagneticMomentBohr, destination);
            return;
        }
        double[] rented = ArrayPool<double>.Shared.Rent(neutrinoEnergiesMeV.Length);
        try
        {
            var part = rented.AsSpan(0, neutrinoEnergiesMeV.Length);
            NeutrinoElectronCrossSection.MagneticMomentDSigmaDTOverEnergies(neutrinoEnergiesMeV, recoilEnergyMeV, MagneticMomentBohr, part);
            TensorPrimitives.Add(destination, part, destination);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
