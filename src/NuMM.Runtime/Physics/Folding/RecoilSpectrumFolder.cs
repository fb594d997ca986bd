using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Runtime.Physics.Folding;

/// <summary>How <see cref="RecoilSpectrumFolder"/> evaluates the energy integral. All give the same result to rounding.</summary>
public enum FoldingStrategy
{
    /// <summary>Cumulative inverse-energy moments for cross sections implementing <see cref="IInverseEnergyExpansion"/>
    /// (O(1) per recoil energy), else the vectorised node sum, else the scalar node sum.</summary>
    Fastest = 0,
    /// <summary>Node sum with the cross section evaluated for all nodes at once (<see cref="IBatchDifferentialCrossSection"/>
    /// when implemented, else scalar).</summary>
    Vectorised = 1,
    /// <summary>Node sum with the scalar <see cref="IDifferentialCrossSection.DSigmaDT"/> (reference path).</summary>
    Scalar = 2,
}

/// <summary>Flux-folded recoil spectrum, talk eq. 14:
/// <code>dR/dT = Σ_targets n_t ∫_{E_min,t(T)}^{E_max} dΦ/dE · dσ_t/dT dE  +  Σ_lines Φ_l · dσ_t/dT(E_l, T)</code>
/// where n_t is targets per kg (from the nucleus table), E_min,t(T) is the process's
/// <see cref="IDifferentialCrossSection.MinNeutrinoEnergyMeV"/> and lines are delta functions. With dΦ/dE in
/// cm⁻² s⁻¹ MeV⁻¹ the result of <see cref="RatePerKgDayKeV(double)"/> is in events kg⁻¹ day⁻¹ keV⁻¹ (the talk's
/// exposure ε/m_T is applied by <see cref="ExpectedEvents"/>).
/// <para>Numerics: Gauss–Legendre nodes are laid once on the panels between the flux's breakpoints, with the flux
/// density folded into the weights; for each T the panel containing E_min(T) is re-integrated from E_min exactly, so the
/// lower limit is never rounded to a node. For cross sections that are quadratic in 1/E
/// (<see cref="IInverseEnergyExpansion"/>: all CEvNS terms) the full panels reduce to three precomputed suffix sums
/// Σ W_k E_k^{−n}, so a recoil energy costs O(Gauss–Legendre order). Otherwise the cross section is evaluated for all nodes at once through
/// <see cref="IBatchDifferentialCrossSection"/> when implemented, and the node sum is a TensorPrimitives.Dot.
/// Immutable and thread-safe.</para>
/// <para>The quadrature assumes dσ/dT is smooth in E above the process's E_min(T). A single cross section that jumps
/// at a second threshold above it (e.g. a hand-written sum of parts with different E_min) loses accuracy (~10⁻⁵);
/// pass such parts as a <see cref="CrossSectionSum"/> or separate terms, which are folded part by part.</para></summary>
public sealed class RecoilSpectrumFolder
{
    private const double SecondsPerDay = 86400.0;
    private const double MeVPerKeV = 1e-3;

    private readonly FoldingTerm[] _terms;
    private readonly SpectralLine[] _lines;
    private readonly double[] _panelEdges;     // union of breakpoints, increasing
    private readonly double[] _nodes;          // panel-major Gauss–Legendre nodes
    private readonly double[] _weights;        // GL weight × dΦ/dE at the node
    private readonly double[] _glX, _glW;
    private readonly int _order;
    private readonly double[] _suffix0, _suffix1, _suffix2;   // Σ_{j≥k} W_j E_j^{−n}, n = 0, 1, 2
    private readonly FoldingStrategy _strategy;
    private readonly bool _piecewiseLinear;                   // every continuum tabulated → dΦ/dE linear on each panel
    private readonly double[] _panelIntercept, _panelSlope;

    /// <summary>Creates a folder.</summary>
    /// <param name="flux">Neutrino flux (dΦ/dE in cm⁻² s⁻¹ MeV⁻¹ for the per-kg-day rates).</param>
    /// <param name="terms">Scattering channels with targets per kg.</param>
    /// <param name="gaussLegendreOrder">Nodes per panel (1..32; default 4, exact for a linear flux times a quintic in E).</param>
    /// <param name="maxPanelWidthMeV">Panels wider than this are split (default: no limit).</param>
    /// <param name="strategy">Evaluation path (default the fastest available).</param>
    public RecoilSpectrumFolder(NeutrinoFlux flux, IReadOnlyList<FoldingTerm> terms, int gaussLegendreOrder = 4,
        double maxPanelWidthMeV = double.PositiveInfinity, FoldingStrategy strategy = FoldingStrategy.Fastest)
    {
        ArgumentNullException.ThrowIfNull(flux);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0) throw new ArgumentException("At least one folding term is needed.", nameof(terms));
        if (!(maxPanelWidthMeV > 0)) throw new ArgumentOutOfRangeException(nameof(maxPanelWidthMeV), maxPanelWidthMeV, "The panel width must be > 0 MeV.");
        Flux = flux;
        // A sum of cross sections folds term by term (each with its own E_min); flatten so every part can take its fast path.
        _terms = terms.SelectMany(Flatten).ToArray();
        _strategy = strategy;
        _lines = flux.Lines.ToArray();
        (_glX, _glW) = EnergyQuadrature.GaussLegendre(gaussLegendreOrder);
        _order = gaussLegendreOrder;

        var edges = new SortedSet<double>();
        foreach (var (shape, _) in flux.Continua)
            foreach (double b in shape.Breakpoints) edges.Add(b);
        var refined = new List<double>();
        foreach (double e in edges)
        {
            if (refined.Count > 0 && e - refined[^1] > maxPanelWidthMeV)
            {
                double start = refined[^1];
                int pieces = (int)Math.Ceiling((e - start) / maxPanelWidthMeV);
                for (int k = 1; k < pieces; k++) refined.Add(start + (e - start) * k / pieces);
            }
            refined.Add(e);
        }
        _panelEdges = refined.ToArray();
        int panels = Math.Max(0, _panelEdges.Length - 1);
        _nodes = new double[panels * _order];
        _weights = new double[panels * _order];
        for (int p = 0; p < panels; p++)
        {
            double lo = _panelEdges[p], hi = _panelEdges[p + 1], half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
            for (int i = 0; i < _order; i++)
            {
                double e = mid + half * _glX[i];
                _nodes[p * _order + i] = e;
                _weights[p * _order + i] = half * _glW[i] * flux.Density(e);
            }
        }
        _piecewiseLinear = _order >= 2 && flux.Continua.All(c => c.Shape is TabulatedSpectrum);
        _panelIntercept = new double[panels];
        _panelSlope = new double[panels];
        if (_piecewiseLinear)
        {
            for (int p = 0; p < panels; p++)
            {
                double e0 = _nodes[p * _order], e1 = _nodes[p * _order + 1];
                double d0 = flux.Density(e0), d1 = flux.Density(e1);
                _panelSlope[p] = (d1 - d0) / (e1 - e0);
                _panelIntercept[p] = d0 - _panelSlope[p] * e0;
            }
        }
        int nodes = _nodes.Length;
        _suffix0 = new double[nodes + 1];
        _suffix1 = new double[nodes + 1];
        _suffix2 = new double[nodes + 1];
        for (int k = nodes - 1; k >= 0; k--)
        {
            double w = _weights[k], u = 1 / _nodes[k];
            _suffix0[k] = _suffix0[k + 1] + w;
            _suffix1[k] = _suffix1[k + 1] + w * u;
            _suffix2[k] = _suffix2[k + 1] + w * u * u;
        }
    }

    private static IEnumerable<FoldingTerm> Flatten(FoldingTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.CrossSection is CrossSectionSum sum)
            return sum.Parts.SelectMany(p => Flatten(new FoldingTerm(p, term.TargetsPerKg)));
        return [term];
    }

    /// <summary>A folder for every nuclide of <paramref name="target"/>, with n_t from the nucleus table and one cross
    /// section per nuclide made by <paramref name="crossSectionFor"/> (e.g. <c>n =&gt; new CevnsStandardModel(n)</c>).</summary>
    /// <param name="flux">Neutrino flux.</param>
    /// <param name="target">Target material.</param>
    /// <param name="crossSectionFor">Cross section on a nuclide.</param>
    /// <param name="gaussLegendreOrder">Nodes per panel.</param>
    /// <param name="strategy">Evaluation path.</param>
    public static RecoilSpectrumFolder ForTarget(NeutrinoFlux flux, TargetMaterial target, Func<Nucleus, IDifferentialCrossSection> crossSectionFor,
        int gaussLegendreOrder = 4, FoldingStrategy strategy = FoldingStrategy.Fastest)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(crossSectionFor);
        var terms = target.Components.Select(c => new FoldingTerm(crossSectionFor(c.Nucleus), target.NucleiPerKg(c))).ToArray();
        return new RecoilSpectrumFolder(flux, terms, gaussLegendreOrder, double.PositiveInfinity, strategy);
    }

    /// <summary>The flux folded.</summary>
    public NeutrinoFlux Flux { get; }

    /// <summary>The channels folded (a <see cref="CrossSectionSum"/> appears as its parts).</summary>
    public IReadOnlyList<FoldingTerm> Terms => _terms;

    /// <summary>Evaluation path.</summary>
    public FoldingStrategy Strategy => _strategy;

    /// <summary>Number of energy nodes of the continuum quadrature.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Σ_t n_t ∫ dΦ/dE dσ_t/dT dE at recoil <paramref name="recoilEnergyMeV"/>: in s⁻¹ kg⁻¹ MeV⁻¹ for a flux in
    /// cm⁻² s⁻¹ MeV⁻¹ (in general: flux unit × cm² per kg per MeV of recoil).</summary>
    /// <param name="recoilEnergyMeV">T in MeV, finite and ≥ 0 (&gt; 0 for cross sections with a 1/T pole).</param>
    public double FoldedPerKgPerMeV(double recoilEnergyMeV)
    {
        PhysicsArguments.NonNegativeFinite(recoilEnergyMeV, nameof(recoilEnergyMeV));
        int n = _nodes.Length + _order;
        double[] rented = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            return Fold(recoilEnergyMeV, rented.AsSpan(0, n), rented.AsSpan(n, n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>dR/dT in events kg⁻¹ day⁻¹ keV⁻¹ at recoil <paramref name="recoilEnergyMeV"/> (MeV), for a flux in cm⁻² s⁻¹ MeV⁻¹.</summary>
    /// <param name="recoilEnergyMeV">T in MeV.</param>
    public double RatePerKgDayKeV(double recoilEnergyMeV) => FoldedPerKgPerMeV(recoilEnergyMeV) * SecondsPerDay * MeVPerKeV;

    /// <summary>Array form of <see cref="RatePerKgDayKeV(double)"/>: events kg⁻¹ day⁻¹ keV⁻¹ for each T (MeV).</summary>
    /// <param name="recoilEnergiesMeV">T values in MeV, finite and ≥ 0.</param>
    /// <param name="destination">Output, same length.</param>
    public void RatePerKgDayKeV(ReadOnlySpan<double> recoilEnergiesMeV, Span<double> destination)
    {
        PhysicsArguments.AllNonNegativeFinite(recoilEnergiesMeV, nameof(recoilEnergiesMeV));
        PhysicsArguments.SameLength(recoilEnergiesMeV.Length, destination.Length, nameof(destination));
        int n = _nodes.Length + _order;
        double[] rented = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var sigma = rented.AsSpan(0, n);
            var scratch = rented.AsSpan(n, n);
            for (int j = 0; j < recoilEnergiesMeV.Length; j++)
                destination[j] = Fold(recoilEnergiesMeV[j], sigma, scratch) * SecondsPerDay * MeVPerKeV;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>dR/dT_ee in events kg⁻¹ day⁻¹ keV_ee⁻¹ at electron-equivalent energies <paramref name="electronEquivalentMeV"/>:
    /// dR/dT_nr at T_nr(T_ee) times the Jacobian dT_nr/dT_ee of <paramref name="quenching"/>.</summary>
    /// <param name="electronEquivalentMeV">T_ee values in MeV, finite and &gt; 0.</param>
    /// <param name="quenching">Quenching model T_nr ↔ T_ee.</param>
    /// <param name="destination">Output, same length.</param>
    public void ElectronEquivalentRatePerKgDayKeV(ReadOnlySpan<double> electronEquivalentMeV, Detector.QuenchingModel quenching, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(quenching);
        PhysicsArguments.SameLength(electronEquivalentMeV.Length, destination.Length, nameof(destination));
        var tnr = new double[electronEquivalentMeV.Length];
        var jacobian = new double[electronEquivalentMeV.Length];
        for (int i = 0; i < tnr.Length; i++)
        {
            PhysicsArguments.PositiveFinite(electronEquivalentMeV[i], nameof(electronEquivalentMeV));
            tnr[i] = quenching.NuclearRecoilMeV(electronEquivalentMeV[i]);
            jacobian[i] = 1 / quenching.ElectronEquivalentDerivative(tnr[i]);
        }
        RatePerKgDayKeV(tnr, destination);
        TensorPrimitives.Multiply(destination, jacobian, destination);
    }

    /// <summary>Expected events in recoil bins: exposure (kg·day) × ∫_bin dR/dT dT, the bin integral by 4-point
    /// Gauss–Legendre on each bin (dR/dT is smooth inside a bin away from line end-points).</summary>
    /// <param name="binEdgesMeV">Bin edges in MeV, finite, ≥ 0 and strictly increasing (at least two).</param>
    /// <param name="exposureKgDay">Exposure in kg·day, finite and ≥ 0.</param>
    public double[] ExpectedEvents(ReadOnlySpan<double> binEdgesMeV, double exposureKgDay)
    {
        if (binEdgesMeV.Length < 2) throw new ArgumentException($"At least two bin edges are needed; got {binEdgesMeV.Length}.", nameof(binEdgesMeV));
        PhysicsArguments.AllNonNegativeFinite(binEdgesMeV, nameof(binEdgesMeV));
        PhysicsArguments.NonNegativeFinite(exposureKgDay, nameof(exposureKgDay));
        for (int i = 1; i < binEdgesMeV.Length; i++)
            if (!(binEdgesMeV[i] > binEdgesMeV[i - 1]))
                throw new ArgumentException($"binEdgesMeV[{i}] = {NumericTable.Format(binEdgesMeV[i])} does not exceed binEdgesMeV[{i - 1}] = {NumericTable.Format(binEdgesMeV[i - 1])}.", nameof(binEdgesMeV));
        var (x, w) = EnergyQuadrature.GaussLegendre(4);
        int bins = binEdgesMeV.Length - 1;
        var t = new double[bins * 4];
        for (int b = 0; b < bins; b++)
        {
            double half = 0.5 * (binEdgesMeV[b + 1] - binEdgesMeV[b]), mid = 0.5 * (binEdgesMeV[b + 1] + binEdgesMeV[b]);
            for (int i = 0; i < 4; i++) t[b * 4 + i] = mid + half * x[i];
        }
        var rate = new double[t.Length];
        RatePerKgDayKeV(t, rate);
        var events = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            double halfKeV = 0.5 * (binEdgesMeV[b + 1] - binEdgesMeV[b]) / MeVPerKeV;
            double sum = 0;
            for (int i = 0; i < 4; i++) sum += w[i] * rate[b * 4 + i];
            events[b] = exposureKgDay * halfKeV * sum;
        }
        return events;
    }

    private double Fold(double t, Span<double> sigma, Span<double> scratch)
    {
        double total = 0;
        foreach (var term in _terms)
        {
            var xs = term.CrossSection;
            double eMin = xs.MinNeutrinoEnergyMeV(t);
            double sum = _strategy == FoldingStrategy.Fastest && xs is IInverseEnergyExpansion expansion
                ? FoldExpansion(expansion, t, eMin)
                : FoldNodes(xs, t, eMin, sigma, scratch);
            total += term.TargetsPerKg * sum;
        }
        return total;
    }

    /// <summary>First panel to integrate for lower limit <paramref name="eMin"/>: returns false when E_min is above the
    /// continuum; <paramref name="partialPanel"/> is −1 when E_min is below it (no partial panel).</summary>
    private bool LocateLowerLimit(double eMin, out int partialPanel, out int firstFullNode)
    {
        partialPanel = -1;
        firstFullNode = 0;
        if (_panelEdges.Length < 2 || eMin >= _panelEdges[^1]) return false;
        if (eMin <= _panelEdges[0]) return true;
        int p = Array.BinarySearch(_panelEdges, eMin);
        p = p >= 0 ? p : ~p - 1;
        partialPanel = p;
        firstFullNode = (p + 1) * _order;
        return true;
    }

    /// <summary>dΦ/dE inside panel <paramref name="panel"/>: exact linear reconstruction from two of the panel's nodes when
    /// every continuum is a tabulated (piecewise-linear) spectrum, else the flux's own density.</summary>
    private double DensityInPanel(int panel, double energyMeV)
    {
        if (!_piecewiseLinear) return Flux.Density(energyMeV);
        return _panelIntercept[panel] + _panelSlope[panel] * energyMeV;
    }

    private double FoldExpansion(IInverseEnergyExpansion xs, double t, double eMin)
    {
        xs.InverseEnergyCoefficients(t, out double scale, out double c0, out double c1, out double c2);
        double sum = 0;
        if (LocateLowerLimit(eMin, out int p, out int start))
        {
            if (p >= 0)
            {
                double lo = eMin, hi = _panelEdges[p + 1], half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
                for (int i = 0; i < _order; i++)
                {
                    double e = mid + half * _glX[i], u = 1 / e;
                    double bracket = c0 + u * (c1 + u * c2);
                    if (bracket > 0) sum += half * _glW[i] * DensityInPanel(p, e) * bracket;
                }
            }
            sum += c0 * _suffix0[start] + c1 * _suffix1[start] + c2 * _suffix2[start];
        }
        foreach (var line in _lines)
        {
            if (line.EnergyMeV < eMin) continue;
            double u = 1 / line.EnergyMeV, bracket = c0 + u * (c1 + u * c2);
            if (bracket > 0) sum += line.Flux * bracket;
        }
        return scale * sum;
    }

    private double FoldNodes(IDifferentialCrossSection xs, double t, double eMin, Span<double> sigma, Span<double> scratch)
    {
        double sum = 0;
        if (LocateLowerLimit(eMin, out int p, out int start))
        {
            if (p >= 0)
            {
                // The partial panel [E_min, edge_{p+1}] with its own Gauss–Legendre nodes.
                double lo = eMin, hi = _panelEdges[p + 1], half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
                var partE = scratch[.._order];
                var partS = sigma[.._order];
                for (int i = 0; i < _order; i++) partE[i] = mid + half * _glX[i];
                if (_strategy == FoldingStrategy.Scalar)
                    for (int i = 0; i < _order; i++) partS[i] = xs.DSigmaDT(partE[i], t);
                else
                    CrossSectionBatch.Evaluate(xs, t, partE, partS);
                for (int i = 0; i < _order; i++) sum += half * _glW[i] * Flux.Density(partE[i]) * partS[i];
            }
            int count = _nodes.Length - start;
            if (count > 0 && _strategy == FoldingStrategy.Scalar)
            {
                for (int k = start; k < _nodes.Length; k++) sum += _weights[k] * xs.DSigmaDT(_nodes[k], t);
            }
            else if (count > 0)
            {
                var s = sigma[..count];
                CrossSectionBatch.Evaluate(xs, t, _nodes.AsSpan(start, count), s);
                sum += TensorPrimitives.Dot(_weights.AsSpan(start, count), s);
            }
        }
        foreach (var line in _lines)
            if (line.EnergyMeV >= eMin) sum += line.Flux * xs.DSigmaDT(line.EnergyMeV, t);
        return sum;
    }
}
