using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Detector;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Examples.CoherentAr;

/// <summary>The Standard-Model CEvNS expectation for CENNS-10 Analysis A from NuMM's physics, with the release's
/// parameters (<c>LArParametersAnlA.yaml</c>): 13.8 × 10²² POT, 0.09 ν per flavour per proton, L = 27.5 m, 24.4 kg of
/// natural argon; QF(T) = 0.246 + 0.00078 T[keVnr]; resolution σ/E = 0.58/√(E/keVee); the acceptance table; and the
/// fraction of each flavour's arrival times inside the 0–5 µs fit window from the release's POT trace (Gaussian,
/// mean 0.44 µs, width 0.15 µs) convolved with the π⁺ (26.0 ns) and μ⁺ (2.197 µs) lifetimes.</summary>
public sealed class Ar2020Prediction
{
    /// <summary>Release parameters (LArParametersAnlA.yaml).</summary>
    public const double ProtonsOnTarget = 13.8e22, NeutrinosPerProton = 0.09, DistanceMeters = 27.5, FiducialMassKg = 24.4,
        QfA = 0.246, QfBPerKeV = 0.00078, ResolutionA = 0.58, PotMeanMicroseconds = 0.44, PotWidthMicroseconds = 0.15;
    /// <summary>Lifetimes (PDG 2024): π⁺ 26.033 ns, μ⁺ 2.1969811 µs.</summary>
    public const double PionLifetimeMicroseconds = 0.026033, MuonLifetimeMicroseconds = 2.1969811;
    /// <summary>Edges of the fit window in trigger time (µs): the time bins' outer edges.</summary>
    public const double WindowStartMicroseconds = -0.1, WindowEndMicroseconds = 4.9;

    private readonly Ar2020Release _release;

    /// <summary>Creates the prediction.</summary>
    /// <param name="release">For the acceptance table.</param>
    public Ar2020Prediction(Ar2020Release release)
    {
        _release = release ?? throw new ArgumentNullException(nameof(release));
        double cm = DistanceMeters * 100;
        FluencePerFlavourCm2 = ProtonsOnTarget * NeutrinosPerProton / (4 * Math.PI * cm * cm);
    }

    /// <summary>Neutrinos per flavour per cm² at the detector.</summary>
    public double FluencePerFlavourCm2 { get; }

    /// <summary>Electron-equivalent energy (keVee) of a nuclear recoil T (keVnr): QF(T) · T.</summary>
    /// <param name="recoilKeVnr">T in keVnr.</param>
    public static double ElectronEquivalentKeV(double recoilKeVnr) => (QfA + QfBPerKeV * recoilKeVnr) * recoilKeVnr;

    /// <summary>Fraction of a flavour's arrivals inside the fit window: prompt ν_μ = POT trace ⊗ π decay, delayed =
    /// ⊗ μ decay as well (numerical convolution on a 1-ns grid).</summary>
    /// <param name="delayed">Delayed (μ-decay) flavours.</param>
    public static double TimeWindowFraction(bool delayed)
    {
        const double dt = 0.001;
        int n = 20000;                                   // 0–20 µs after the pulse start
        var pdf = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = -1 + i * dt, z = (t - PotMeanMicroseconds) / PotWidthMicroseconds;
            pdf[i] = Math.Exp(-0.5 * z * z);
        }
        pdf = Convolve(pdf, PionLifetimeMicroseconds, dt);
        if (delayed) pdf = Convolve(pdf, MuonLifetimeMicroseconds, dt);
        double inside = 0, all = 0;
        for (int i = 0; i < n; i++)
        {
            double t = -1 + i * dt;
            all += pdf[i];
            if (t >= WindowStartMicroseconds && t < WindowEndMicroseconds) inside += pdf[i];
        }
        return inside / all;
    }

    private static double[] Convolve(double[] f, double tau, double dt)
    {
        // Exact recursion for f ⊗ exp(−t/τ)/τ on a uniform grid (first order in dt/τ, dt = 1 ns).
        var g = new double[f.Length];
        double decay = Math.Exp(-dt / tau), acc = 0;
        for (int i = 0; i < f.Length; i++) { acc = acc * decay + f[i] * (1 - decay); g[i] = acc; }
        return g;
    }

    /// <summary>Expected SM CEvNS events per 10-keVee energy bin (12 bins, 0–120 keVee) of one beam component, after
    /// resolution, acceptance and the time window.</summary>
    /// <param name="flux">The component's fluence (cm⁻²).</param>
    /// <param name="delayed">Whether it is a delayed flavour (time window).</param>
    public double[] EnergyBins(NeutrinoFlux flux, bool delayed)
    {
        var argon = NuclearTable.GetTarget("Ar");
        var folder = RecoilSpectrumFolder.ForTarget(flux, argon, n => new CevnsStandardModel(n), gaussLegendreOrder: 8);
        // True recoil bins of 0.25 keVnr up to 160 keVnr (the kinematic end for 52.8 MeV on ⁴⁰Ar is ≈ 150 keVnr).
        int nTrue = 640;
        var trueEdgesEe = new double[nTrue + 1];
        var trueCounts = new double[nTrue];
        for (int b = 0; b <= nTrue; b++) trueEdgesEe[b] = ElectronEquivalentKeV(0.25 * b);
        for (int b = 0; b < nTrue; b++)
            trueCounts[b] = FiducialMassKg * EnergyQuadrature.Integrate(folder.FoldedPerKgPerMeV, 0.25e-3 * b, 0.25e-3 * (b + 1), panels: 2, order: 8);
        trueEdgesEe[0] = 1e-9;   // σ(0) = 0: start just above zero, no counts are lost (the first bin is below threshold)
        // Reconstructed 0.5-keVee bins (the acceptance table's), then 10-keVee analysis bins.
        var recoEdges = Enumerable.Range(0, 241).Select(i => 0.5 * i).ToArray();
        var reco = new double[240];
        new GaussianResolution(e => ResolutionA * Math.Sqrt(e)).Smear(trueEdgesEe, trueCounts, recoEdges, reco);
        double window = TimeWindowFraction(delayed);
        var result = new double[Ar2020Release.EnergyBins];
        for (int r = 0; r < reco.Length; r++) result[r / 20] += reco[r] * Acceptance(0.5 * r + 0.25) * window;
        return result;
    }

    /// <summary>Acceptance at reconstructed energy (keVee): the table's value at the 0.5-keVee bin centre, its last value
    /// (0.963 at 39.75 keVee) above the table.</summary>
    /// <param name="keVee">Reconstructed energy.</param>
    public double Acceptance(double keVee)
    {
        var (e, eff) = _release.Acceptance;
        if (keVee >= e[^1]) return eff[^1];
        if (keVee <= e[0]) return eff[0];
        int i = Array.BinarySearch(e, keVee);
        if (i >= 0) return eff[i];
        i = ~i;
        return eff[i - 1] + (keVee - e[i - 1]) / (e[i] - e[i - 1]) * (eff[i] - eff[i - 1]);
    }

    /// <summary>The three beam components: prompt ν_μ, delayed ν̄_μ and ν_e, with their SM counts per energy bin.</summary>
    public IReadOnlyList<(string Flavour, double[] Counts)> StandardModel()
    {
        double f = FluencePerFlavourCm2;
        var numubar = new NeutrinoFlux("Michel ν̄_μ", [(new AnalyticSpectrum("Michel ν̄_μ", StoppedPionSource.MuonAntineutrinoPdf, 0, StoppedPionSource.MichelEndpointMeV, 16), f)], []);
        var nue = new NeutrinoFlux("Michel ν_e", [(new AnalyticSpectrum("Michel ν_e", StoppedPionSource.ElectronNeutrinoPdf, 0, StoppedPionSource.MichelEndpointMeV, 16), f)], []);
        return [("prompt ν_μ", EnergyBins(StoppedPionSource.Prompt(f), false)), ("delayed ν̄_μ", EnergyBins(numubar, true)), ("delayed ν_e", EnergyBins(nue, true))];
    }
}
