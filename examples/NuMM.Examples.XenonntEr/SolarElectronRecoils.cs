using NuMM.Runtime.Physics.Detector;
using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Examples.XenonntEr;

/// <summary>Solar-neutrino electron recoils in xenon from NuMM's physics: the BS05(OP) fluxes of all eight sources
/// (<see cref="SolarFluxes.BS05OPTotal"/>), the ν–e cross section (<see cref="NeutrinoElectronScattering"/>, magnetic term
/// (πα²/m_e²) μ² (1/T − 1/E), flavour-blind, so μ is the effective moment of the solar mixture), the stepping
/// approximation for the 54 bound electrons (<see cref="AtomicShellSteps.Xenon"/>), then the detector: a Gaussian
/// resolution and the release's efficiency, into 0.1-keV bins of reconstructed energy from 1 to 30 keV.</summary>
public sealed class SolarElectronRecoils
{
    /// <summary>Seconds per year (Julian year, 365.25 d).</summary>
    public const double SecondsPerYear = 365.25 * 86400;

    /// <summary>XENON1T's low-energy ER resolution, σ(E)/E = a/√(E/keV) + b with a = 31.71 %, b = 0.15 % (XENON,
    /// Phys. Rev. D 102, 072004 (2020), arXiv:2006.09721). XENONnT SR0's own resolution is not in the release; the
    /// detectors share the readout concept and the README shows how the limit moves with σ.</summary>
    public const double ResolutionStochastic = 0.3171, ResolutionConstant = 0.0015;

    private readonly RecoilSpectrumFolder _magnetic;
    private readonly RecoilSpectrumFolder _weakNuE, _weakNuMu;

    /// <summary>Builds the folders (one per cross section) for one xenon atom per unit.</summary>
    public SolarElectronRecoils()
    {
        var flux = SolarFluxes.BS05OPTotal();
        // One target per atom: the stepping factor Z_eff(T) turns the free-electron cross section into the atom's.
        _magnetic = Folder(flux, new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, ReferenceMomentBohr, terms: ElectronScatteringTerms.MagneticMoment));
        _weakNuE = Folder(flux, new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 0, terms: ElectronScatteringTerms.StandardModel));
        _weakNuMu = Folder(flux, new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 0, terms: ElectronScatteringTerms.StandardModel));
        AtomsPerTonne = NuclearTable.GetTarget("Xe").FormulaUnitsPerKg * 1000;
    }

    private static RecoilSpectrumFolder Folder(NeutrinoFlux flux, NeutrinoElectronScattering xs) =>
        new(flux, [new FoldingTerm(xs, 1.0)], gaussLegendreOrder: 8);

    /// <summary>Moment of the magnetic template: 10⁻¹² μ_B.</summary>
    public const double ReferenceMomentBohr = 1e-12;

    /// <summary>Survival probability used for the SM spectrum shown alongside: P_ee = 0.55, the vacuum-averaged value
    /// for pp and ⁷Be energies (Borexino, Nature 562, 505 (2018), measures 0.57 ± 0.09 (pp) and 0.53 ± 0.05 (⁷Be)).</summary>
    public const double SurvivalProbability = 0.55;

    /// <summary>Xenon atoms per tonne (natural isotopic mixture).</summary>
    public double AtomsPerTonne { get; }

    /// <summary>The atom's stepping function.</summary>
    public AtomicShellSteps Atom { get; } = AtomicShellSteps.Xenon;

    /// <summary>dR/dT of the magnetic term at true recoil T, events/(t·yr·keV), for moment <paramref name="momentBohr"/>.</summary>
    /// <param name="recoilKeV">T in keV, &gt; 0.</param>
    /// <param name="momentBohr">Effective moment (μ_B).</param>
    /// <param name="stepping">Use the stepping approximation (else all 54 electrons free).</param>
    public double MagneticRate(double recoilKeV, double momentBohr, bool stepping = true) =>
        ToPerTonneYearKeV(_magnetic.FoldedPerKgPerMeV(recoilKeV * 1e-3)) * Electrons(recoilKeV, stepping)
        * (momentBohr / ReferenceMomentBohr) * (momentBohr / ReferenceMomentBohr);

    /// <summary>dR/dT of the Standard-Model weak term at true recoil T, events/(t·yr·keV), with P_ee = <see cref="SurvivalProbability"/>.</summary>
    /// <param name="recoilKeV">T in keV.</param>
    public double StandardModelRate(double recoilKeV)
    {
        double t = recoilKeV * 1e-3;
        double perElectron = SurvivalProbability * _weakNuE.FoldedPerKgPerMeV(t) + (1 - SurvivalProbability) * _weakNuMu.FoldedPerKgPerMeV(t);
        return ToPerTonneYearKeV(perElectron) * Electrons(recoilKeV, true);
    }

    private double Electrons(double recoilKeV, bool stepping) => stepping ? Atom.ActiveElectrons(recoilKeV) : Atom.TotalElectrons;

    // Folded value is per target per MeV of recoil per second; × atoms per tonne, s per year, MeV per keV.
    private double ToPerTonneYearKeV(double perTargetPerMeVPerSecond) => perTargetPerMeVPerSecond * AtomsPerTonne * SecondsPerYear * 1e-3;

    /// <summary>True-energy bin edges (keV) for the response: 0.1–2 keV in 0.01-keV steps, then 0.05-keV steps to 40 keV.
    /// Recoils below 1 keV matter because the resolution moves them into the window.</summary>
    public static double[] TrueEdgesKeV()
    {
        var e = new List<double>();
        for (int i = 10; i < 200; i++) e.Add(i * 0.01);
        for (int i = 40; i <= 800; i++) e.Add(i * 0.05);
        return e.ToArray();
    }

    /// <summary>Reconstructed bin edges (keV): 1–30 keV in 0.1-keV bins, aligned with the B0 table.</summary>
    public static double[] RecoEdgesKeV() =>
        Enumerable.Range(0, 291).Select(i => XenonntRelease.WindowLowKeV + i * XenonntRelease.ModelBinWidthKeV).ToArray();

    /// <summary>Expected events per reconstructed bin for the exposure: ∫ rate over each true bin (4-point Gauss–Legendre),
    /// smeared by the Gaussian resolution (σ scaled by <paramref name="resolutionScale"/>), times the efficiency at the
    /// reconstructed bin centre.</summary>
    /// <param name="trueRateKeV">dR/dT (events/(t·yr·keV)) as a function of true T (keV).</param>
    /// <param name="release">For the efficiency.</param>
    /// <param name="resolutionScale">Multiplies σ(E) (1 = nominal).</param>
    public static double[] Observed(Func<double, double> trueRateKeV, XenonntRelease release, double resolutionScale = 1.0)
    {
        var trueEdges = TrueEdgesKeV();
        var trueCounts = new double[trueEdges.Length - 1];
        var (x, w) = EnergyQuadrature.GaussLegendre(4);
        for (int b = 0; b < trueCounts.Length; b++)
        {
            double half = 0.5 * (trueEdges[b + 1] - trueEdges[b]), mid = 0.5 * (trueEdges[b + 1] + trueEdges[b]), sum = 0;
            for (int i = 0; i < x.Length; i++) sum += w[i] * trueRateKeV(mid + half * x[i]);
            trueCounts[b] = half * sum * XenonntRelease.ExposureTonneYear;
        }
        var reco = RecoEdgesKeV();
        var observed = new double[reco.Length - 1];
        // GaussianResolution is unit-agnostic: edges and σ both in keV here.
        var resolution = new GaussianResolution(e => resolutionScale * e * (ResolutionStochastic / Math.Sqrt(e) + ResolutionConstant));
        resolution.Smear(trueEdges, trueCounts, reco, observed);
        for (int b = 0; b < observed.Length; b++) observed[b] *= release.EfficiencyAt(0.5 * (reco[b] + reco[b + 1]));
        return observed;
    }
}
