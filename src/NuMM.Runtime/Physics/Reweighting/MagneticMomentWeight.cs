using System;
using System.Numerics.Tensors;
using NuMM.Runtime.Physics.ElectronScattering;

namespace NuMM.Runtime.Physics.Reweighting;

/// <summary>The neutrino-magnetic-moment signal weight of the technote (eq. 41): a simulated ν–e elastic event,
/// generated with the SM cross section, is reweighted into a magnetic-moment signal event by
/// w = (dσ/dy)|_μ / (dσ/dy)|_SM, with y = (E_e − m_e)/E_ν = T/E_ν. Energies in <b>GeV</b> (the units of the event
/// records), moments in Bohr magnetons. Static pure functions: a generated kernel may call them per event.</summary>
/// <remarks>
/// <para>Why it works: the magnetic term adds incoherently to the SM term (technote eq. 28) and both are
/// functions of (E_ν, y) only, so an event drawn from the SM distribution, weighted by the ratio, follows the
/// magnetic distribution; w scales as μ². The weight for "SM + magnetic" is 1 + w.</para>
/// <para>Correction to the seed: eq. 41 is marked "TO DO: correct the equation" and divides by the GENIE3 cross
/// section without giving it. Here the denominator is the tree-level SM dσ/dy of
/// <see cref="NeutrinoElectronCrossSection"/> (the magnetic numerator is (π α²/m_e²)(μ/μ_B)²(1/y − 1), eq. 35
/// times the Jacobian dT/dy = E_ν); an overload takes the generator's own dσ/dy per event instead.</para>
/// <para>Range: the weight is zero (documented) for T above the kinematic limit T_max(E_ν) or μ = 0. Negative
/// or non-finite energies, E_ν = 0, and T = 0 with μ ≠ 0 (divergent numerator) throw
/// <see cref="ArgumentOutOfRangeException"/> naming the argument (and index for spans) and the value.</para>
/// </remarks>
public static class MagneticMomentWeight
{
    private const int Chunk = 1024; // events per TensorPrimitives pass: amortises call overhead, scratch stays in L1/L2
    private const double MeGeV = PhysicalConstants.ElectronMassMeV / PhysicalConstants.MeVPerGeV;

    /// <summary>w = (dσ/dy)_μ / (dσ/dy)_SM for one event of <paramref name="species"/> with neutrino energy
    /// <paramref name="neutrinoEnergyGeV"/> (GeV) and electron kinetic energy <paramref name="electronKineticEnergyGeV"/>
    /// (GeV), with the tree-level SM cross section at <paramref name="sinSqThetaW"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">See the class remarks.</exception>
    public static double Compute(NeutrinoSpecies species, double neutrinoEnergyGeV, double electronKineticEnergyGeV,
        double magneticMomentBohr, double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        if (!Prepare(neutrinoEnergyGeV, electronKineticEnergyGeV, magneticMomentBohr, out double e, out double t)) return 0.0;
        return NeutrinoElectronCrossSection.MagneticUnchecked(e, t, magneticMomentBohr) / NeutrinoElectronCrossSection.StandardModelUnchecked(g, e, t);
    }

    /// <summary>w = (dσ/dy)_μ / <paramref name="referenceDSigmaDyCm2"/>, where the reference is the generator's
    /// (for NOvA: GENIE 3) dσ/dy in cm² at this event's E_ν and y (technote eq. 41 as intended).</summary>
    /// <exception cref="ArgumentOutOfRangeException">See the class remarks; also a reference that is not finite
    /// and positive.</exception>
    public static double Compute(double neutrinoEnergyGeV, double electronKineticEnergyGeV, double magneticMomentBohr, double referenceDSigmaDyCm2)
    {
        if (!(referenceDSigmaDyCm2 > 0) || double.IsPositiveInfinity(referenceDSigmaDyCm2))
            throw new ArgumentOutOfRangeException(nameof(referenceDSigmaDyCm2), referenceDSigmaDyCm2, "The reference dσ/dy (cm²) must be finite and positive.");
        if (!Prepare(neutrinoEnergyGeV, electronKineticEnergyGeV, magneticMomentBohr, out double e, out double t)) return 0.0;
        return e * NeutrinoElectronCrossSection.MagneticUnchecked(e, t, magneticMomentBohr) / referenceDSigmaDyCm2;
    }

    /// <summary>The weights of many events at once: <paramref name="weights"/>[i] = <see cref="Compute(NeutrinoSpecies, double, double, double, double)"/>
    /// of (E[i], T[i]) (GeV). Vectorised with <see cref="TensorPrimitives"/> over 1024-event chunks; allocates nothing.</summary>
    /// <exception cref="ArgumentException">Spans of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the scalar form, naming the index.</exception>
    public static void Compute(NeutrinoSpecies species, ReadOnlySpan<double> neutrinoEnergiesGeV, ReadOnlySpan<double> electronKineticEnergiesGeV,
        double magneticMomentBohr, Span<double> weights, double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
    {
        var g = ElectroweakCouplings.ForSpecies(species, sinSqThetaW);
        NeutrinoElectronCrossSection.CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        CheckLengths(neutrinoEnergiesGeV.Length, electronKineticEnergiesGeV.Length, weights.Length);
        if (magneticMomentBohr == 0)
        {
            ValidateEvents(neutrinoEnergiesGeV, electronKineticEnergiesGeV, allowZeroRecoil: true, 0);
            weights.Clear();
            return;
        }

        // w = (dσ/dT)_μ/(dσ/dT)_SM = c E (E − T) / (T Q), Q = L E² + R (E − T)² − I m_e T: the ratio of eq. 35 to
        // eq. 29 with both multiplied by E², leaving a single division. E, T, m_e in GeV;
        // c = (π α²/m_e²) μ² / (G_F² m_e/2π) / 1000 (the SM prefactor is per MeV).
        double c = NeutrinoElectronCrossSection.MagneticPrefactorCm2 * magneticMomentBohr * magneticMomentBohr
                   / NeutrinoElectronCrossSection.StandardModelPrefactorCm2PerMeV / PhysicalConstants.MeVPerGeV;
        double l = g.LeftSquared, r = g.RightSquared, im = g.Interference * MeGeV;
        Span<double> scratch = stackalloc double[2 * Chunk];
        for (int start = 0; start < weights.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, weights.Length - start);
            var e = neutrinoEnergiesGeV.Slice(start, n);
            var t = electronKineticEnergiesGeV.Slice(start, n);
            var w = weights.Slice(start, n);
            var d = scratch[..n];
            var q = scratch.Slice(Chunk, n);
            ValidateEvents(e, t, allowZeroRecoil: false, start);

            TensorPrimitives.Subtract(e, t, d);                  // E − T
            TensorPrimitives.Multiply(d, d, q);
            TensorPrimitives.Multiply(q, r, q);                  // R (E − T)²
            TensorPrimitives.Multiply(e, e, w);
            TensorPrimitives.MultiplyAdd(w, l, q, w);            // L E² + R (E − T)²
            TensorPrimitives.MultiplyAdd(t, -im, w, w);          // Q
            TensorPrimitives.Multiply(w, t, w);                  // T Q
            TensorPrimitives.Multiply(d, e, d);                  // E (E − T)
            TensorPrimitives.Divide(d, w, w);
            TensorPrimitives.Multiply(w, c, w);
            ZeroOutsideKinematics(e, t, w);
        }
    }

    /// <summary>The weights of many events against the generator's per-event dσ/dy (cm²):
    /// <paramref name="weights"/>[i] = <see cref="Compute(double, double, double, double)"/> of (E[i], T[i], μ, ref[i]).</summary>
    /// <exception cref="ArgumentException">Spans of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the scalar form, naming the index.</exception>
    public static void Compute(ReadOnlySpan<double> neutrinoEnergiesGeV, ReadOnlySpan<double> electronKineticEnergiesGeV,
        double magneticMomentBohr, ReadOnlySpan<double> referenceDSigmaDyCm2, Span<double> weights)
    {
        NeutrinoElectronCrossSection.CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        CheckLengths(neutrinoEnergiesGeV.Length, electronKineticEnergiesGeV.Length, weights.Length);
        if (referenceDSigmaDyCm2.Length != weights.Length)
            throw new ArgumentException($"referenceDSigmaDyCm2 has length {referenceDSigmaDyCm2.Length} but there are {weights.Length} events.", nameof(referenceDSigmaDyCm2));
        for (int i = 0; i < referenceDSigmaDyCm2.Length; i++)
        {
            double v = referenceDSigmaDyCm2[i];
            if (!(v > 0) || double.IsPositiveInfinity(v))
                throw new ArgumentOutOfRangeException(nameof(referenceDSigmaDyCm2), v, $"referenceDSigmaDyCm2[{i}] = {v}: must be finite and positive.");
        }
        if (magneticMomentBohr == 0)
        {
            ValidateEvents(neutrinoEnergiesGeV, electronKineticEnergiesGeV, allowZeroRecoil: true, 0);
            weights.Clear();
            return;
        }
        // (dσ/dy)_μ = (π α²/m_e²) μ² (1/y − 1) = k (E/T − 1).
        double k = NeutrinoElectronCrossSection.MagneticPrefactorCm2 * magneticMomentBohr * magneticMomentBohr;
        for (int start = 0; start < weights.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, weights.Length - start);
            var e = neutrinoEnergiesGeV.Slice(start, n);
            var t = electronKineticEnergiesGeV.Slice(start, n);
            var w = weights.Slice(start, n);
            ValidateEvents(e, t, allowZeroRecoil: false, start);
            TensorPrimitives.Divide(e, t, w);
            TensorPrimitives.Add(w, -1.0, w);
            TensorPrimitives.Divide(w, referenceDSigmaDyCm2.Slice(start, n), w);
            TensorPrimitives.Multiply(w, k, w);
            ZeroOutsideKinematics(e, t, w);
        }
    }

    /// <summary>Validates one event and converts to MeV; false when the weight is zero by definition.</summary>
    private static bool Prepare(double neutrinoEnergyGeV, double electronKineticEnergyGeV, double magneticMomentBohr, out double eMeV, out double tMeV)
    {
        if (!(neutrinoEnergyGeV > 0) || double.IsPositiveInfinity(neutrinoEnergyGeV))
            throw new ArgumentOutOfRangeException(nameof(neutrinoEnergyGeV), neutrinoEnergyGeV, "Neutrino energy (GeV) must be finite and positive.");
        if (!(electronKineticEnergyGeV >= 0) || double.IsPositiveInfinity(electronKineticEnergyGeV))
            throw new ArgumentOutOfRangeException(nameof(electronKineticEnergyGeV), electronKineticEnergyGeV, "Electron kinetic energy (GeV) must be finite and non-negative.");
        NeutrinoElectronCrossSection.CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        eMeV = neutrinoEnergyGeV * PhysicalConstants.MeVPerGeV;
        tMeV = electronKineticEnergyGeV * PhysicalConstants.MeVPerGeV;
        if (magneticMomentBohr == 0 || tMeV > ElectronScatteringKinematics.MaxRecoilEnergyMeV(eMeV)) return false;
        if (tMeV == 0)
            throw new ArgumentOutOfRangeException(nameof(electronKineticEnergyGeV), electronKineticEnergyGeV,
                "The magnetic-moment weight diverges at zero electron kinetic energy.");
        return true;
    }

    /// <summary>Zeroes weights of events above the kinematic limit: T (m_e + 2E) &gt; 2E² ⇔ T &gt; T_max (no division).</summary>
    internal static void ZeroOutsideKinematics(ReadOnlySpan<double> eGeV, ReadOnlySpan<double> tGeV, Span<double> w)
        => SpanChecks.ZeroAboveKinematicLimit(eGeV, tGeV, w, MeGeV);

    internal static void ValidateEvents(ReadOnlySpan<double> eGeV, ReadOnlySpan<double> tGeV, bool allowZeroRecoil, int offset)
    {
        if (eGeV.IsEmpty) return;
        if (!SpanChecks.AllInRange(eGeV, strictlyPositive: true, out _))
        {
            for (int i = 0; i < eGeV.Length; i++)
                if (!(eGeV[i] > 0) || double.IsPositiveInfinity(eGeV[i]))
                    throw new ArgumentOutOfRangeException("neutrinoEnergiesGeV", eGeV[i], $"neutrinoEnergiesGeV[{offset + i}] = {eGeV[i]}: must be finite and positive.");
        }
        if (!SpanChecks.AllInRange(tGeV, strictlyPositive: !allowZeroRecoil, out _))
        {
            for (int i = 0; i < tGeV.Length; i++)
            {
                double v = tGeV[i];
                if (double.IsNaN(v) || double.IsInfinity(v) || v < 0 || (!allowZeroRecoil && v == 0))
                    throw new ArgumentOutOfRangeException("electronKineticEnergiesGeV", v,
                        $"electronKineticEnergiesGeV[{offset + i}] = {v}: must be finite and " + (allowZeroRecoil ? "non-negative." : "positive (the weight diverges at T = 0)."));
            }
        }
    }

    internal static void CheckLengths(int energies, int recoils, int weights)
    {
        if (energies != weights || recoils != weights)
            throw new ArgumentException($"Span lengths differ: neutrinoEnergiesGeV {energies}, electronKineticEnergiesGeV {recoils}, weights {weights}.", "weights");
    }
}
