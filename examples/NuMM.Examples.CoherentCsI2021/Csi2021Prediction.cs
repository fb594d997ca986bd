using MathNet.Numerics;
using NuMM.Examples.CoherentCsI;
using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Examples.CoherentCsI2021;

/// <summary>The analysis grid: PE × recoil time, 9 × 11 bins, 0–60 PE and 0–6 µs (the cross-section region of the
/// paper's data set). Finer time bins where the prompt flavour arrives.</summary>
public static class Csi2021Binning
{
    /// <summary>PE bin edges (photoelectrons).</summary>
    public static IReadOnlyList<double> PeEdges { get; } = [0, 8, 12, 16, 20, 24, 32, 40, 50, 60];
    /// <summary>Recoil-time bin edges (µs).</summary>
    public static IReadOnlyList<double> TimeEdges { get; } = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1, 2, 4, 6];
    /// <summary>PE bins.</summary>
    public static int PeBins => PeEdges.Count - 1;
    /// <summary>Time bins.</summary>
    public static int TimeBins => TimeEdges.Count - 1;
    /// <summary>Bins of one window (PE-major: index = pe · <see cref="TimeBins"/> + t).</summary>
    public static int GridBins => PeBins * TimeBins;

    /// <summary>Index of the bin holding <paramref name="x"/> (edges half-open [lo, hi)), or −1 outside.</summary>
    /// <param name="edges">Edges.</param>
    /// <param name="x">Value.</param>
    public static int Find(IReadOnlyList<double> edges, double x)
    {
        if (!(x >= edges[0]) || x >= edges[^1]) return -1;
        int i = 0;
        while (x >= edges[i + 1]) i++;
        return i;
    }

    /// <summary>Counts of events on the grid, flattened PE-major; events outside the region are left out.</summary>
    /// <param name="events">Events.</param>
    public static double[] Histogram(IEnumerable<CsiEvent> events)
    {
        var h = new double[GridBins];
        foreach (var e in events)
        {
            int i = Find(PeEdges, e.Pe), j = Find(TimeEdges, e.TimeMicroseconds);
            if (i >= 0 && j >= 0) h[i * TimeBins + j]++;
        }
        return h;
    }

    /// <summary>Outer product of a PE shape and a time shape, flattened PE-major.</summary>
    /// <param name="pe">Per PE bin.</param>
    /// <param name="time">Per time bin.</param>
    public static double[] Outer(IReadOnlyList<double> pe, IReadOnlyList<double> time)
    {
        var t = new double[pe.Count * time.Count];
        for (int i = 0; i < pe.Count; i++) for (int j = 0; j < time.Count; j++) t[i * time.Count + j] = pe[i] * time[j];
        return t;
    }

    /// <summary>Sum over time: per PE bin.</summary>
    /// <param name="flat">A grid, PE-major.</param>
    public static double[] PeProjection(IReadOnlyList<double> flat) =>
        Enumerable.Range(0, PeBins).Select(i => Enumerable.Range(0, TimeBins).Sum(j => flat[i * TimeBins + j])).ToArray();

    /// <summary>Sum over PE: per time bin.</summary>
    /// <param name="flat">A grid, PE-major.</param>
    public static double[] TimeProjection(IReadOnlyList<double> flat) =>
        Enumerable.Range(0, TimeBins).Select(j => Enumerable.Range(0, PeBins).Sum(i => flat[i * TimeBins + j])).ToArray();
}

/// <summary>CEvNS expectations for the CsI[Na] full data set from NuMM's physics: the SNS π-DAR flux by flavour
/// (<see cref="SnsBeam"/>), <see cref="CevnsStandardModel"/> (Helm form factor) and
/// <see cref="CevnsActiveMagneticMoment"/> on ¹³³Cs and ¹²⁷I, folded by <see cref="RecoilSpectrumFolder"/> on a
/// 0.1-keVnr grid; recoils become electron-equivalent energy through the release's scintillation response, then a
/// gamma-distributed PE count, times the release's PE efficiency; arrival times from a Gaussian proton pulse convolved
/// with the π⁺ and μ⁺ lifetimes, times the time efficiency.</summary>
public sealed class Csi2021Prediction
{
    /// <summary>Protons on target, 3.198 × 10²³ (13.99 GWhr): PRL 129, 081801 (2022). See the README for where it was read.</summary>
    public const double ProtonsOnTarget = 3.198e23;
    /// <summary>Neutrinos of each flavour per proton, 0.0848 (same paper).</summary>
    public const double NeutrinosPerProton = 0.0848;
    /// <summary>Source–detector distance, 19.3 m (same paper).</summary>
    public const double DistanceMeters = 19.3;
    /// <summary>CsI[Na] mass, 14.6 kg (same paper).</summary>
    public const double DetectorMassKg = 14.6;
    /// <summary>Light yield, 13.35 PE/keVee (paper's supplement).</summary>
    public const double LightYieldPePerKeVee = 13.35;
    /// <summary>Gamma-distribution PE smearing of the supplement: shape k = 1 + b·Eee with b = 9.56 keVee⁻¹ (mean LY·Eee).</summary>
    public const double ResolutionBPerKeVee = 9.56;
    /// <summary>Time efficiency ε_T(t) = 1 for t &lt; 0.52 µs, exp(−0.0494 µs⁻¹ (t − 0.52 µs)) after (paper's supplement).</summary>
    public const double TimeEfficiencyOnsetMicroseconds = 0.52, TimeEfficiencySlopePerMicrosecond = 0.0494;
    /// <summary>Proton-pulse arrival-time model (µs): Gaussian mean and width. Not in the text release (it is in
    /// snsFlux2D.root); fitted by Reference/csi2021_timing.py to the released NIN time pdf, which is the delayed-neutrino
    /// arrival-time shape (Gaussian ⊗ π decay ⊗ μ decay describes it to 6 × 10⁻⁵ of its sum of squares).</summary>
    public const double PulseMeanMicroseconds = 0.4744, PulseWidthMicroseconds = 0.1465;
    /// <summary>Lifetimes (PDG 2024): π⁺ 26.033 ns, μ⁺ 2.1969811 µs.</summary>
    public const double PionLifetimeMicroseconds = 0.026033, MuonLifetimeMicroseconds = 2.1969811;
    /// <summary>Recoil grid: 0.1-keVnr bins from 0 to 50 keVnr (the Cs/I endpoint for 52.8 MeV is ≈ 47 keVnr).</summary>
    public const double RecoilStepKeV = 0.1, RecoilMaxKeV = 50;
    /// <summary>1-PE bins of the response (0–60 PE).</summary>
    public const int SinglePeBins = 60;

    private readonly TargetMaterial _csi = NuclearTable.GetTarget("CsI");

    /// <summary>Creates the prediction.</summary>
    public Csi2021Prediction()
    {
        double cm = DistanceMeters * 100;
        FluencePerFlavourCm2 = ProtonsOnTarget * NeutrinosPerProton / (4 * Math.PI * cm * cm);
    }

    /// <summary>Neutrinos per flavour per cm² at the detector.</summary>
    public double FluencePerFlavourCm2 { get; }

    /// <summary>Midpoints of the recoil grid (keVnr).</summary>
    public static double[] RecoilCentresKeV { get; } =
        Enumerable.Range(0, (int)Math.Round(RecoilMaxKeV / RecoilStepKeV)).Select(i => (i + 0.5) * RecoilStepKeV).ToArray();

    /// <summary>Events per 0.1-keVnr recoil bin (midpoint rule) of one flavour for the full exposure, before any response.</summary>
    /// <param name="flavour">Beam component.</param>
    /// <param name="crossSection">Cross section per nucleus (SM or magnetic).</param>
    public double[] RecoilCounts(SnsFlavour flavour, Func<Nucleus, IDifferentialCrossSection> crossSection)
    {
        var terms = _csi.Components.Select(c => new FoldingTerm(crossSection(c.Nucleus), _csi.NucleiPerKg(c))).ToArray();
        var folder = new RecoilSpectrumFolder(SnsBeam.Flux(flavour, FluencePerFlavourCm2), terms, gaussLegendreOrder: 8, maxPanelWidthMeV: 1.0);
        return RecoilCentresKeV.Select(t => DetectorMassKg * folder.FoldedPerKgPerMeV(t * 1e-3) * RecoilStepKeV * 1e-3).ToArray();
    }

    /// <summary>Electron-equivalent energy (keVee) of a recoil (keVnr) for a scintillation-response curve (polynomial in MeV).</summary>
    /// <param name="response">Coefficients.</param>
    /// <param name="recoilKeV">Recoil energy (keVnr).</param>
    public static double ElectronEquivalentKeV(Coefficients response, double recoilKeV)
    {
        double x = recoilKeV * 1e-3;
        return Math.Max(0, 1e3 * x * (response.A + x * (response.B + x * (response.C + x * response.D))));
    }

    /// <summary>The release's PE efficiency a/(1 + e^{−b(x−c)}) + d, clipped to [0, 1].</summary>
    /// <param name="efficiency">Coefficients.</param>
    /// <param name="pe">Photoelectrons.</param>
    public static double Efficiency(Coefficients efficiency, double pe) =>
        Math.Clamp(efficiency.A / (1 + Math.Exp(-efficiency.B * (pe - efficiency.C))) + efficiency.D, 0, 1);

    /// <summary>Detection probability of a recoil in each 1-PE bin [n, n+1): gamma distribution with mean LY·Eee and shape
    /// 1 + 9.56·Eee, times the efficiency at the bin centre. Rows: recoil-grid bins; columns: 60 1-PE bins.</summary>
    /// <param name="response">Scintillation-response curve.</param>
    /// <param name="efficiency">Efficiency curve.</param>
    public static double[,] ResponseMatrix(Coefficients response, Coefficients efficiency)
    {
        var m = new double[RecoilCentresKeV.Length, SinglePeBins];
        var eff = Enumerable.Range(0, SinglePeBins).Select(n => Efficiency(efficiency, n + 0.5)).ToArray();
        for (int r = 0; r < RecoilCentresKeV.Length; r++)
        {
            double eee = ElectronEquivalentKeV(response, RecoilCentresKeV[r]);
            if (eee <= 0) continue;
            double shape = 1 + ResolutionBPerKeVee * eee, scale = LightYieldPePerKeVee * eee / shape;
            double below = 0;
            for (int n = 0; n < SinglePeBins; n++)
            {
                double cdf = SpecialFunctions.GammaLowerRegularized(shape, (n + 1) / scale);
                m[r, n] = (cdf - below) * eff[n];
                below = cdf;
            }
        }
        return m;
    }

    /// <summary>Detected events per 1-PE bin: recoil counts through a response matrix.</summary>
    /// <param name="recoilCounts">Events per recoil bin.</param>
    /// <param name="response">From <see cref="ResponseMatrix"/>.</param>
    public static double[] PerPe(IReadOnlyList<double> recoilCounts, double[,] response)
    {
        var pe = new double[SinglePeBins];
        for (int r = 0; r < recoilCounts.Count; r++)
            for (int n = 0; n < SinglePeBins; n++) pe[n] += recoilCounts[r] * response[r, n];
        return pe;
    }

    /// <summary>1-PE bins merged into the analysis PE bins.</summary>
    /// <param name="perPe">Events per 1-PE bin (0–60 PE).</param>
    public static double[] ToAnalysisPeBins(IReadOnlyList<double> perPe)
    {
        var e = Csi2021Binning.PeEdges;
        return Enumerable.Range(0, Csi2021Binning.PeBins).Select(i => Enumerable.Range((int)e[i], (int)(e[i + 1] - e[i])).Sum(n => perPe[n])).ToArray();
    }

    /// <summary>Time efficiency at t (µs).</summary>
    /// <param name="t">Recoil time (µs).</param>
    public static double TimeEfficiency(double t) =>
        t < TimeEfficiencyOnsetMicroseconds ? 1 : Math.Exp(-TimeEfficiencySlopePerMicrosecond * (t - TimeEfficiencyOnsetMicroseconds));

    /// <summary>Arrival-time density (µs⁻¹) of a flavour: the Gaussian pulse convolved with the π⁺ decay (exGaussian), and for
    /// the delayed flavours also with the μ⁺ decay (difference of two exGaussians), in closed form.</summary>
    /// <param name="delayed">μ-decay flavours.</param>
    /// <param name="t">Time (µs).</param>
    public static double ArrivalDensity(bool delayed, double t)
    {
        if (!delayed) return ExGaussian(t, PionLifetimeMicroseconds);
        double tp = PionLifetimeMicroseconds, tm = MuonLifetimeMicroseconds;
        return (tm * ExGaussian(t, tm) - tp * ExGaussian(t, tp)) / (tm - tp);
    }

    private static double ExGaussian(double t, double tau)
    {
        double s = PulseWidthMicroseconds, z = (t - PulseMeanMicroseconds) / s;
        // (1/τ) exp(σ²/2τ² − (t−μ)/τ) Φ(z − σ/τ), with Φ via erfc; combined in logs so that neither factor overflows.
        double phi = 0.5 * SpecialFunctions.Erfc(-(z - s / tau) / Math.Sqrt(2));
        if (phi <= 0) return 0;
        return Math.Exp(s * s / (2 * tau * tau) - (t - PulseMeanMicroseconds) / tau + Math.Log(phi)) / tau;
    }

    /// <summary>Probability per analysis time bin of a flavour's event, the time efficiency included (so the sum is the
    /// fraction detected in 0–6 µs); 1-ns midpoint rule.</summary>
    /// <param name="delayed">μ-decay flavours.</param>
    public static double[] TimeProbabilities(bool delayed)
    {
        var edges = Csi2021Binning.TimeEdges;
        var p = new double[Csi2021Binning.TimeBins];
        const double dt = 0.001;
        for (int j = 0; j < p.Length; j++)
        {
            int steps = (int)Math.Round((edges[j + 1] - edges[j]) / dt);
            for (int k = 0; k < steps; k++)
            {
                double t = edges[j] + (k + 0.5) * dt;
                p[j] += ArrivalDensity(delayed, t) * TimeEfficiency(t) * dt;
            }
        }
        return p;
    }
}
