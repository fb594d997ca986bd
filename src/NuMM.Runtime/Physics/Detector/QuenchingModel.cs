using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Runtime.Physics.Detector;

/// <summary>Conversion between nuclear-recoil energy T_nr and electron-equivalent energy T_ee = Q(T_nr) · T_nr.
/// Subclasses give the quenching factor and dT_ee/dT_nr; the inverse and the Jacobian dT_nr/dT_ee needed to turn
/// dR/dT_nr into dR/dT_ee = dR/dT_nr · dT_nr/dT_ee follow here. T_ee(T_nr) must be strictly increasing.</summary>
public abstract class QuenchingModel
{
    /// <summary>Quenching factor Q(T_nr) (dimensionless) at nuclear-recoil energy T_nr in MeV.</summary>
    /// <param name="nuclearRecoilMeV">T_nr in MeV, finite and ≥ 0.</param>
    public abstract double QuenchingFactor(double nuclearRecoilMeV);

    /// <summary>dT_ee/dT_nr at T_nr (MeV).</summary>
    /// <param name="nuclearRecoilMeV">T_nr in MeV, finite and ≥ 0.</param>
    public abstract double ElectronEquivalentDerivative(double nuclearRecoilMeV);

    /// <summary>T_ee = Q(T_nr) T_nr in MeV.</summary>
    /// <param name="nuclearRecoilMeV">T_nr in MeV, finite and ≥ 0.</param>
    public double ElectronEquivalentMeV(double nuclearRecoilMeV)
    {
        PhysicsArguments.NonNegativeFinite(nuclearRecoilMeV, nameof(nuclearRecoilMeV));
        return QuenchingFactor(nuclearRecoilMeV) * nuclearRecoilMeV;
    }

    /// <summary>The T_nr (MeV) whose electron-equivalent energy is <paramref name="electronEquivalentMeV"/>: bracketed
    /// bisection refined by Newton steps, to 10⁻¹³ relative.</summary>
    /// <param name="electronEquivalentMeV">T_ee in MeV, finite and ≥ 0.</param>
    public double NuclearRecoilMeV(double electronEquivalentMeV)
    {
        PhysicsArguments.NonNegativeFinite(electronEquivalentMeV, nameof(electronEquivalentMeV));
        if (electronEquivalentMeV == 0) return 0;
        double lo = 0, hi = electronEquivalentMeV;
        int grow = 0;
        while (ElectronEquivalentMeV(hi) < electronEquivalentMeV)
        {
            lo = hi;
            hi *= 2;
            if (++grow > 200) throw new InvalidOperationException($"{GetType().Name}: no nuclear recoil gives T_ee = {NumericTable.Format(electronEquivalentMeV)} MeV.");
        }
        double x = 0.5 * (lo + hi);
        for (int iter = 0; iter < 200; iter++)
        {
            double f = ElectronEquivalentMeV(x) - electronEquivalentMeV;
            if (f > 0) hi = x; else lo = x;
            double d = ElectronEquivalentDerivative(x);
            double next = x - f / d;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - x) <= 1e-13 * Math.Abs(next)) return next;
            x = next;
        }
        return x;
    }

    /// <summary>Jacobian dT_nr/dT_ee = 1 / (dT_ee/dT_nr) at the T_nr matching <paramref name="electronEquivalentMeV"/>.</summary>
    /// <param name="electronEquivalentMeV">T_ee in MeV, finite and &gt; 0.</param>
    public double NuclearRecoilPerElectronEquivalent(double electronEquivalentMeV)
    {
        PhysicsArguments.PositiveFinite(electronEquivalentMeV, nameof(electronEquivalentMeV));
        return 1 / ElectronEquivalentDerivative(NuclearRecoilMeV(electronEquivalentMeV));
    }

    /// <summary>dR/dT_ee from dR/dT_nr: writes rateNr(T_nr(T_ee)) · dT_nr/dT_ee for each T_ee. Both rates per unit of the same energy unit.</summary>
    /// <param name="electronEquivalentMeV">T_ee values in MeV, finite and &gt; 0.</param>
    /// <param name="ratePerNuclearRecoil">dR/dT_nr as a function of T_nr in MeV.</param>
    /// <param name="destination">Output dR/dT_ee, same length.</param>
    public void ToElectronEquivalentRate(ReadOnlySpan<double> electronEquivalentMeV, Func<double, double> ratePerNuclearRecoil, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(ratePerNuclearRecoil);
        PhysicsArguments.SameLength(electronEquivalentMeV.Length, destination.Length, nameof(destination));
        for (int i = 0; i < electronEquivalentMeV.Length; i++)
        {
            PhysicsArguments.PositiveFinite(electronEquivalentMeV[i], nameof(electronEquivalentMeV));
            double tnr = NuclearRecoilMeV(electronEquivalentMeV[i]);
            destination[i] = ratePerNuclearRecoil(tnr) / ElectronEquivalentDerivative(tnr);
        }
    }
}

/// <summary>Lindhard quenching (J. Lindhard et al., Mat. Fys. Medd. Dan. Vid. Selsk. 33, no. 10 (1963)) in the
/// parameterisation of Lewin &amp; Smith, Astropart. Phys. 6, 87 (1996), sec. 8:
/// Q = k g(ε)/(1 + k g(ε)), g(ε) = 3ε^0.15 + 0.7ε^0.6 + ε, ε = 11.5 Z^{−7/3} T_nr[keV];
/// Lindhard's k = 0.133 Z^{2/3} A^{−1/2} (≈ 0.157 for Ge); experiments often fit k (e.g. k ≈ 0.16–0.2 for Ge).</summary>
public sealed class LindhardQuenching : QuenchingModel
{
    /// <summary>Creates a Lindhard model.</summary>
    /// <param name="protonNumber">Z of the recoiling nucleus.</param>
    /// <param name="massNumber">A of the recoiling nucleus.</param>
    /// <param name="k">Lindhard k; default 0.133 Z^{2/3} A^{−1/2}. Finite and &gt; 0.</param>
    public LindhardQuenching(int protonNumber, int massNumber, double? k = null)
    {
        if (protonNumber < 1) throw new ArgumentOutOfRangeException(nameof(protonNumber), protonNumber, "Z must be ≥ 1.");
        if (massNumber < protonNumber) throw new ArgumentOutOfRangeException(nameof(massNumber), massNumber, "A must be ≥ Z.");
        double kk = k ?? 0.133 * Math.Pow(protonNumber, 2.0 / 3.0) / Math.Sqrt(massNumber);
        PhysicsArguments.PositiveFinite(kk, nameof(k));
        K = kk;
        EpsilonPerMeV = 11.5 * Math.Pow(protonNumber, -7.0 / 3.0) * 1000.0;
    }

    /// <summary>Lindhard k.</summary>
    public double K { get; }

    /// <summary>dε/dT_nr in MeV⁻¹ (11.5 Z^{−7/3} per keV).</summary>
    public double EpsilonPerMeV { get; }

    /// <inheritdoc/>
    public override double QuenchingFactor(double nuclearRecoilMeV)
    {
        PhysicsArguments.NonNegativeFinite(nuclearRecoilMeV, nameof(nuclearRecoilMeV));
        double eps = EpsilonPerMeV * nuclearRecoilMeV;
        if (eps == 0) return 0;
        double g = 3 * Math.Pow(eps, 0.15) + 0.7 * Math.Pow(eps, 0.6) + eps;
        return K * g / (1 + K * g);
    }

    /// <inheritdoc/>
    public override double ElectronEquivalentDerivative(double nuclearRecoilMeV)
    {
        PhysicsArguments.NonNegativeFinite(nuclearRecoilMeV, nameof(nuclearRecoilMeV));
        double eps = EpsilonPerMeV * nuclearRecoilMeV;
        if (eps == 0) return 0;
        double g = 3 * Math.Pow(eps, 0.15) + 0.7 * Math.Pow(eps, 0.6) + eps;
        double dg = 0.45 * Math.Pow(eps, -0.85) + 0.42 * Math.Pow(eps, -0.4) + 1;
        double q = K * g / (1 + K * g);
        double dq = K * dg / ((1 + K * g) * (1 + K * g)) * EpsilonPerMeV;
        return q + nuclearRecoilMeV * dq;
    }
}

/// <summary>A measured quenching factor Q(T_nr) given as a table, linearly interpolated and held constant beyond the
/// first and last rows. Validated: energies finite, &gt; 0, strictly increasing; Q finite in (0, 1]; T_ee = Q T_nr
/// strictly increasing on every segment — violations name the table and row.</summary>
public sealed class TabulatedQuenching : QuenchingModel
{
    private readonly double[] _t;
    private readonly double[] _q;

    /// <summary>Creates a tabulated quenching factor.</summary>
    /// <param name="name">Table name for messages.</param>
    /// <param name="nuclearRecoilMeV">T_nr values in MeV.</param>
    /// <param name="quenchingFactors">Q at each T_nr.</param>
    public TabulatedQuenching(string name, IReadOnlyList<double> nuclearRecoilMeV, IReadOnlyList<double> quenchingFactors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(nuclearRecoilMeV);
        ArgumentNullException.ThrowIfNull(quenchingFactors);
        if (nuclearRecoilMeV.Count != quenchingFactors.Count || nuclearRecoilMeV.Count < 2)
            throw new ArgumentException($"Quenching table '{name}' needs at least 2 rows of equal length; got {nuclearRecoilMeV.Count} energies and {quenchingFactors.Count} factors.", nameof(quenchingFactors));
        for (int i = 0; i < nuclearRecoilMeV.Count; i++)
        {
            double t = nuclearRecoilMeV[i], q = quenchingFactors[i];
            if (!double.IsFinite(t) || t <= 0)
                throw new ArgumentException($"Quenching table '{name}', row {i + 1}: T_nr = {NumericTable.Format(t)} MeV must be finite and > 0.", nameof(nuclearRecoilMeV));
            if (i > 0 && !(t > nuclearRecoilMeV[i - 1]))
                throw new ArgumentException($"Quenching table '{name}', row {i + 1}: T_nr = {NumericTable.Format(t)} MeV is not above the previous row (table must be sorted).", nameof(nuclearRecoilMeV));
            if (!double.IsFinite(q) || q <= 0 || q > 1)
                throw new ArgumentException($"Quenching table '{name}', row {i + 1}: Q = {NumericTable.Format(q)} must be in (0, 1].", nameof(quenchingFactors));
            if (i > 0)
            {
                double slope = (q - quenchingFactors[i - 1]) / (t - nuclearRecoilMeV[i - 1]);
                if (quenchingFactors[i - 1] + nuclearRecoilMeV[i - 1] * slope <= 0 || q + t * slope <= 0)
                    throw new ArgumentException($"Quenching table '{name}', rows {i}–{i + 1}: Q falls so fast that T_ee = Q·T_nr decreases; cannot invert.", nameof(quenchingFactors));
            }
        }
        Name = name;
        _t = nuclearRecoilMeV.ToArray();
        _q = quenchingFactors.ToArray();
    }

    /// <summary>Table name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override double QuenchingFactor(double nuclearRecoilMeV)
    {
        PhysicsArguments.NonNegativeFinite(nuclearRecoilMeV, nameof(nuclearRecoilMeV));
        int seg = Segment(nuclearRecoilMeV, out bool clamped);
        if (clamped) return nuclearRecoilMeV <= _t[0] ? _q[0] : _q[^1];
        double w = (nuclearRecoilMeV - _t[seg]) / (_t[seg + 1] - _t[seg]);
        return _q[seg] + w * (_q[seg + 1] - _q[seg]);
    }

    /// <inheritdoc/>
    public override double ElectronEquivalentDerivative(double nuclearRecoilMeV)
    {
        int seg = Segment(nuclearRecoilMeV, out bool clamped);
        if (clamped) return QuenchingFactor(nuclearRecoilMeV);
        double slope = (_q[seg + 1] - _q[seg]) / (_t[seg + 1] - _t[seg]);
        return QuenchingFactor(nuclearRecoilMeV) + nuclearRecoilMeV * slope;
    }

    private int Segment(double t, out bool clamped)
    {
        clamped = t <= _t[0] || t >= _t[^1];
        if (clamped) return -1;
        int i = Array.BinarySearch(_t, t);
        return i >= 0 ? Math.Min(i, _t.Length - 2) : ~i - 1;
    }
}
