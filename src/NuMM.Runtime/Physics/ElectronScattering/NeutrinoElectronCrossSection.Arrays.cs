using System;
using System.Numerics.Tensors;

namespace NuMM.Runtime.Physics.ElectronScattering;

public static partial class NeutrinoElectronCrossSection
{
    /// <summary>SM dσ/dT (cm²/MeV) at one neutrino energy E (MeV) for many recoil energies T (MeV) at once,
    /// written to <paramref name="destination"/>; element i equals
    /// <see cref="StandardModelDSigmaDT(ElectroweakCouplings, double, double)"/> of T[i] (zero above T_max).
    /// Vectorised with <see cref="TensorPrimitives"/>; allocates nothing.</summary>
    /// <exception cref="ArgumentException">Spans of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite; a T negative, NaN or infinite
    /// (the message gives its index).</exception>
    public static void StandardModelDSigmaDT(ElectroweakCouplings couplings, double neutrinoEnergyMeV,
        ReadOnlySpan<double> recoilEnergiesMeV, Span<double> destination)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckSameLength(recoilEnergiesMeV.Length, destination.Length, nameof(destination));
        if (recoilEnergiesMeV.IsEmpty) return;
        double maxT = ValidateRecoilSpan(recoilEnergiesMeV, nameof(recoilEnergiesMeV), allowZero: true);
        if (neutrinoEnergyMeV == 0) { destination.Clear(); return; }

        double e = neutrinoEnergyMeV, k = StandardModelPrefactorCm2PerMeV;
        // k[L + R(1 − T/E)² − I m_e T/E²] expanded in powers of T and evaluated by Horner's rule: A + T(B + C T).
        double a = k * (couplings.LeftSquared + couplings.RightSquared);
        double b = -k * (2 * couplings.RightSquared / e + couplings.Interference * Me / (e * e));
        double c = k * couplings.RightSquared / (e * e);
        TensorPrimitives.Multiply(recoilEnergiesMeV, c, destination);
        TensorPrimitives.Add(destination, b, destination);
        TensorPrimitives.MultiplyAdd(destination, recoilEnergiesMeV, a, destination);
        ZeroAboveLimit(recoilEnergiesMeV, destination, ElectronScatteringKinematics.MaxRecoilEnergyMeV(e), maxT);
    }

    /// <summary>SM dσ/dT (cm²/MeV) for <paramref name="species"/> at one neutrino energy for many recoil energies;
    /// see <see cref="StandardModelDSigmaDT(ElectroweakCouplings, double, ReadOnlySpan{double}, Span{double})"/>.</summary>
    /// <exception cref="ArgumentException">Spans of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown species or invalid energies.</exception>
    public static void StandardModelDSigmaDT(NeutrinoSpecies species, double neutrinoEnergyMeV,
        ReadOnlySpan<double> recoilEnergiesMeV, Span<double> destination, double sinSqThetaW = PhysicalConstants.SinSqThetaWLowEnergy)
        => StandardModelDSigmaDT(ElectroweakCouplings.ForSpecies(species, sinSqThetaW), neutrinoEnergyMeV, recoilEnergiesMeV, destination);

    /// <summary>Magnetic-moment dσ/dT (cm²/MeV) at one neutrino energy E (MeV) for many recoil energies T (MeV),
    /// written to <paramref name="destination"/> (zero above T_max). Vectorised with <see cref="TensorPrimitives"/>.</summary>
    /// <exception cref="ArgumentException">Spans of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">E negative or not finite, μ not finite, a T negative, NaN,
    /// infinite, or zero while μ ≠ 0 (the message gives its index).</exception>
    public static void MagneticMomentDSigmaDT(double neutrinoEnergyMeV, ReadOnlySpan<double> recoilEnergiesMeV,
        double magneticMomentBohr, Span<double> destination)
    {
        ElectronScatteringKinematics.CheckNeutrinoEnergy(neutrinoEnergyMeV, nameof(neutrinoEnergyMeV));
        CheckMoment(magneticMomentBohr, nameof(magneticMomentBohr));
        CheckSameLength(recoilEnergiesMeV.Length, destination.Length, nameof(destination));
        if (recoilEnergiesMeV.IsEmpty) return;
        double maxT = ValidateRecoilSpan(recoilEnergiesMeV, nameof(recoilEnergiesMeV), allowZero: magneticMomentBohr == 0 || neutrinoEnergyMeV == 0);
        if (neutrinoEnergyMeV == 0 || magneticMomentBohr == 0) { destination.Clear(); return; }

        double k = MagneticPrefactorCm2 * magneticMomentBohr * magneticMomentBohr;
        TensorPrimitives.Divide(k, recoilEnergiesMeV, destination);
        TensorPrimitives.Add(destination, -k / neutrinoEnergyMeV, destination);
        ZeroAboveLimit(recoilEnergiesMeV, destination, ElectronScatteringKinematics.MaxRecoilEnergyMeV(neutrinoEnergyMeV), maxT);
    }

    /// <summary>Checks every element is finite and ≥ 0 (&gt; 0 unless <paramref name="allowZero"/>); returns the maximum.
    /// One vectorised pass; a scan runs only to name the offending element.</summary>
    internal static double ValidateRecoilSpan(ReadOnlySpan<double> values, string name, bool allowZero)
    {
        if (SpanChecks.AllInRange(values, strictlyPositive: !allowZero, out double max)) return max;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v) || double.IsInfinity(v) || v < 0 || (!allowZero && v == 0))
                throw new ArgumentOutOfRangeException(name, v,
                    $"{name}[{i}] = {v}: recoil energies must be finite and " + (allowZero ? "non-negative." : "positive (the magnetic term diverges at T = 0)."));
        }
        throw new InvalidOperationException("unreachable: min/max flagged a value the scan did not find");
    }

    /// <summary>Zeroes the outputs whose T exceeds the kinematic limit; skipped when the largest T is inside it.</summary>
    internal static void ZeroAboveLimit(ReadOnlySpan<double> t, Span<double> destination, double tMax, double maxT)
    {
        if (maxT <= tMax) return;
        for (int i = 0; i < t.Length; i++)
            if (t[i] > tMax) destination[i] = 0.0;
    }

    internal static void CheckSameLength(int inputLength, int outputLength, string outputName)
    {
        if (inputLength != outputLength)
            throw new ArgumentException($"{outputName} has length {outputLength} but the input has length {inputLength}.", outputName);
    }
}
