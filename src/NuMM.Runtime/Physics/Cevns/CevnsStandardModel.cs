using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;
using System.Numerics.Tensors;

namespace NuMM.Runtime.Physics.Cevns;

/// <summary>Standard-Model CEvNS cross section on a spin-0 nucleus (vector neutral current; the small axial part
/// of odd nuclei is neglected), talk eqs. 1–3:
/// <code>dσ/dT = G_F² M / (4π) · Q_W² · F²(q) · (1 − T/E − M T/(2E²)),   Q_W = N − (1 − 4 sin²θ_W) Z,</code>
/// with q² = 2MT (talk eq. 5). Same for ν and ν̄ and for every flavour at tree level.
/// <para>Relation to the talk: eq. 1 is written with G_F² M/π and Q_V = g_V^p Z + g_V^n N, g_V^p = ½(1 − 4 sin²θ_W),
/// g_V^n = −½ (eqs. 2–3), i.e. Q_V = −Q_W/2, so G_F²M Q_V²/π = G_F²M Q_W²/(4π): identical. Eq. 1 drops the −T/E
/// term (relative size T/E ≤ 2E/M ~ 10⁻³); it is kept here because with it the bracket vanishes exactly at T_max
/// (Vogel &amp; Engel, Phys. Rev. D 39, 3378 (1989); Barranco, Miranda &amp; Rashba, JHEP 12 (2005) 021).</para>
/// <para>Misprint in talk eq. 6: it states Q_V² = (N − (1 − 4 sin²θ_W) Z)². With eqs. 2–3 this is Q_W², not Q_V²:
/// Q_V² = ¼ (N − (1 − 4 sin²θ_W) Z)². Inserting eq. 6 into eq. 1 would overstate σ by a factor 4. The N² scaling
/// the slide argues for is unaffected. This class uses Q_W with the G_F²M/(4π) prefactor.</para>
/// <para>Integrated with F = 1: σ(E) = G_F² Q_W² E² M / (4π (M + 2E)) → G_F² Q_W² E²/(4π) for E ≪ M
/// (Freedman, Phys. Rev. D 9, 1389 (1974); Drukier &amp; Stodolsky, Phys. Rev. D 30, 2295 (1984)).</para></summary>
public sealed class CevnsStandardModel : IBatchDifferentialCrossSection, IInverseEnergyExpansion
{
    private readonly double _massMeV;
    private readonly double _prefactorCm2PerMeV;   // G_F² M Q_W² / (4π) · (ħc)²

    /// <summary>Creates the SM CEvNS cross section on <paramref name="nucleus"/>.</summary>
    /// <param name="nucleus">Target nucleus.</param>
    /// <param name="sinSqThetaW">sin²θ_W; default the low-energy MS-bar value <see cref="PhysicalConstants.SinSqThetaWLowEnergy"/>.
    /// The talk (eq. 6) uses 0.23857 (PDG 2018 value at q² = 0).</param>
    /// <param name="formFactor">Nuclear form factor; default the Lewin–Smith Helm form factor of the nucleus.</param>
    public CevnsStandardModel(Nucleus nucleus, double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy, INuclearFormFactor? formFactor = null)
    {
        ArgumentNullException.ThrowIfNull(nucleus);
        if (!double.IsFinite(sinSqThetaW) || sinSqThetaW < 0 || sinSqThetaW > 1)
            throw new ArgumentOutOfRangeException(nameof(sinSqThetaW), sinSqThetaW, "sin²θ_W must be in [0, 1].");
        Nucleus = nucleus;
        SinSqThetaW = sinSqThetaW;
        FormFactor = formFactor ?? HelmFormFactor.LewinSmith(nucleus);
        WeakCharge = nucleus.NeutronNumber - (1 - 4 * sinSqThetaW) * nucleus.ProtonNumber;
        _massMeV = nucleus.NuclearMassMeV;
        _prefactorCm2PerMeV = PhysicalConstants.FermiCouplingPerMeV2 * PhysicalConstants.FermiCouplingPerMeV2 * _massMeV
            * WeakCharge * WeakCharge / (4 * Math.PI) * PhysicalConstants.HbarC2MeV2Cm2;
    }

    /// <summary>Target nucleus.</summary>
    public Nucleus Nucleus { get; }

    /// <summary>sin²θ_W used.</summary>
    public double SinSqThetaW { get; }

    /// <summary>Form factor used.</summary>
    public INuclearFormFactor FormFactor { get; }

    /// <summary>Nuclear weak charge Q_W = N − (1 − 4 sin²θ_W) Z (dimensionless).</summary>
    public double WeakCharge { get; }

    /// <inheritdoc/>
    public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        PhysicsArguments.NonNegativeFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double e = neutrinoEnergyMeV, t = recoilEnergyMeV;
        if (e == 0 || t > CevnsKinematics.MaxRecoilEnergyMeV(e, _massMeV)) return 0;
        double bracket = 1 - t / e - _massMeV * t / (2 * e * e);
        if (bracket <= 0) return 0;
        double f = FormFactorAt(t);
        return _prefactorCm2PerMeV * f * f * bracket;
    }

    /// <inheritdoc/>
    public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV) => CevnsKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV, _massMeV);

    /// <inheritdoc/>
    public double MinNeutrinoEnergyMeV(double recoilEnergyMeV) => CevnsKinematics.MinNeutrinoEnergyMeV(recoilEnergyMeV, _massMeV);

    /// <inheritdoc/>
    public void DSigmaDTOverNeutrinoEnergies(double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination)
    {
        PhysicsArguments.NonNegativeFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        PhysicsArguments.AllNonNegativeFinite(neutrinoEnergiesMeV, nameof(neutrinoEnergiesMeV));
        PhysicsArguments.SameLength(neutrinoEnergiesMeV.Length, destination.Length, nameof(destination));
        double t = recoilEnergyMeV;
        double f = FormFactorAt(t);
        if (t == 0)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = neutrinoEnergiesMeV[i] > 0 ? _prefactorCm2PerMeV * f * f : 0;
            return;
        }
        // 1 − T u − (MT/2) u², u = 1/E; negative exactly where E < E_min(T), so the clamp at 0 is the kinematic cut.
        PhysicsArguments.ScaledQuadraticInInverse(neutrinoEnergiesMeV, 1, -t, -0.5 * _massMeV * t, _prefactorCm2PerMeV * f * f, destination);
    }

    /// <summary>dσ/dT (cm²/MeV) at one neutrino energy for many recoil energies (a recoil spectrum shape); vectorised
    /// (Helm form factor and the bracket over the whole span) when the form factor is a <see cref="HelmFormFactor"/>.</summary>
    /// <param name="neutrinoEnergyMeV">E in MeV, finite and ≥ 0.</param>
    /// <param name="recoilEnergiesMeV">T values in MeV, finite and ≥ 0.</param>
    /// <param name="destination">Output, same length.</param>
    public void DSigmaDTOverRecoilEnergies(double neutrinoEnergyMeV, ReadOnlySpan<double> recoilEnergiesMeV, Span<double> destination)
    {
        PhysicsArguments.NonNegativeFinite(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        PhysicsArguments.AllNonNegativeFinite(recoilEnergiesMeV, nameof(recoilEnergiesMeV));
        PhysicsArguments.SameLength(recoilEnergiesMeV.Length, destination.Length, nameof(destination));
        int n = recoilEnergiesMeV.Length;
        double e = neutrinoEnergyMeV;
        if (n == 0) return;
        if (e == 0 || FormFactor is not HelmFormFactor helm)
        {
            for (int i = 0; i < n; i++) destination[i] = DSigmaDT(e, recoilEnergiesMeV[i]);
            return;
        }
        double[] rented = System.Buffers.ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var q = rented.AsSpan(0, n);
            var f = rented.AsSpan(n, n);
            TensorPrimitives.Multiply(recoilEnergiesMeV, 2 * _massMeV, q);
            TensorPrimitives.Sqrt(q, q);
            helm.Evaluate(q, f);
            TensorPrimitives.Multiply(f, f, f);
            // bracket = 1 − T (1/E + M/(2E²)), negative exactly beyond T_max → clamp to 0.
            TensorPrimitives.Multiply(recoilEnergiesMeV, -(1 / e + _massMeV / (2 * e * e)), destination);
            TensorPrimitives.Add(destination, 1.0, destination);
            TensorPrimitives.Max(destination, 0.0, destination);
            TensorPrimitives.Multiply(destination, f, destination);
            TensorPrimitives.Multiply(destination, _prefactorCm2PerMeV, destination);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <inheritdoc/>
    public void InverseEnergyCoefficients(double recoilEnergyMeV, out double scale, out double c0, out double c1, out double c2)
    {
        PhysicsArguments.NonNegativeFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        double f = FormFactorAt(recoilEnergyMeV);
        scale = _prefactorCm2PerMeV * f * f;
        c0 = 1;
        c1 = -recoilEnergyMeV;
        c2 = -0.5 * _massMeV * recoilEnergyMeV;
    }

    /// <summary>F(q) at recoil T with q = √(2MT) (talk eq. 5).</summary>
    private double FormFactorAt(double recoilEnergyMeV) => FormFactor.Evaluate(Math.Sqrt(2 * _massMeV * recoilEnergyMeV));
}
