using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Detector;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Examples.Cevns;

/// <summary>Solar-neutrino CEvNS on natural germanium: the flux-folded recoil spectrum of talk eq. 14 for each BS05(OP)
/// source and each process, and the expected counts in the detector's electron-equivalent analysis bins
/// (T_nr → T_ee by Lindhard quenching, then Gaussian resolution). Only ⁸B and hep reach the analysis window: the
/// largest recoil of a neutrino of energy E on Ge is T_max ≈ 2E²/M ≈ 7.6 keV_nr at 16 MeV but only 0.06 keV_nr at the
/// pep line (1.44 MeV) and 0.02 keV_nr at the ⁷Be line, far below a 0.16 keV_ee (≈ 0.9 keV_nr) threshold.
/// Not thread-safe (folders are cached on first use).</summary>
public sealed class SolarCevnsStudy
{
    /// <summary>sin²θ_W used by the talk (eq. 6).</summary>
    public const double TalkSinSqThetaW = 0.23857;

    /// <summary>End-point of the hep spectrum in MeV (Bahcall, Phys. Rev. C 56, 3391 (1997)): the largest solar
    /// neutrino energy (the embedded table continues with zero density to 20 MeV).</summary>
    public const double HepEndPointMeV = 18.784;

    /// <summary>Lower edge (keV_ee) of the fine true-energy grid that is smeared into the analysis bins; below it the
    /// spectrum cannot reach the 0.16 keV_ee threshold (more than 4σ of the 35 eV noise).</summary>
    public const double TrueGridStartKeVee = 0.02;

    /// <summary>Step (keV_ee) of the fine true-energy grid (a seventh of the noise σ).</summary>
    public const double TrueGridStepKeVee = 0.005;

    private readonly Dictionary<(SolarNeutrinoSource, CevnsProcess), RecoilSpectrumFolder> _folders = new();
    private readonly Dictionary<SolarNeutrinoSource, NeutrinoFlux> _fluxes;

    /// <summary>Creates the study.</summary>
    /// <param name="detector">Detector assumptions.</param>
    /// <param name="formFactor">Nuclear form factor; null for the Helm form factor of each isotope (talk eq. 4). Tests pass
    /// <see cref="UnitFormFactor"/> to compare with a closed form.</param>
    /// <param name="sinSqThetaW">sin²θ_W (default the talk's 0.23857).</param>
    public SolarCevnsStudy(GermaniumDetector detector, INuclearFormFactor? formFactor = null, double sinSqThetaW = TalkSinSqThetaW)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Detector = detector;
        FormFactor = formFactor;
        SinSqThetaW = sinSqThetaW;
        Target = NuclearTable.GetTarget("Ge");
        Quenching = new LindhardQuenching(32, 73, detector.LindhardK);
        Resolution = new GaussianResolution(eMeV => detector.SigmaKeVee(eMeV * 1e3) * 1e-3);
        _fluxes = Sources.ToDictionary(s => s, SolarFluxes.BS05OP);
    }

    /// <summary>All eight BS05(OP) sources.</summary>
    public static IReadOnlyList<SolarNeutrinoSource> Sources { get; } = Enum.GetValues<SolarNeutrinoSource>();

    /// <summary>Detector assumptions.</summary>
    public GermaniumDetector Detector { get; }

    /// <summary>Form factor (null = Helm per isotope).</summary>
    public INuclearFormFactor? FormFactor { get; }

    /// <summary>sin²θ_W.</summary>
    public double SinSqThetaW { get; }

    /// <summary>Natural germanium (five isotopes, IUPAC abundances).</summary>
    public TargetMaterial Target { get; }

    /// <summary>Lindhard quenching T_nr → T_ee with the detector's k.</summary>
    public LindhardQuenching Quenching { get; }

    /// <summary>Gaussian resolution in electron-equivalent energy (MeV).</summary>
    public GaussianResolution Resolution { get; }

    /// <summary>The BS05(OP) flux of one source.</summary>
    /// <param name="source">Source.</param>
    public NeutrinoFlux Flux(SolarNeutrinoSource source) => _fluxes[source];

    /// <summary>The eq. 14 folder for one source and process, summed over the Ge isotopes (cached).</summary>
    /// <param name="source">Solar source.</param>
    /// <param name="process">CEvNS process.</param>
    public RecoilSpectrumFolder Folder(SolarNeutrinoSource source, CevnsProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!_folders.TryGetValue((source, process), out var folder))
        {
            folder = RecoilSpectrumFolder.ForTarget(_fluxes[source], Target, n => process.CrossSection(n, FormFactor, SinSqThetaW));
            _folders[(source, process)] = folder;
        }
        return folder;
    }

    /// <summary>dR/dT_nr of one source in events kg⁻¹ day⁻¹ keV_nr⁻¹ (talk eq. 14 per unit exposure).</summary>
    /// <param name="source">Solar source.</param>
    /// <param name="process">CEvNS process.</param>
    /// <param name="recoilKeV">Nuclear recoil energy T_nr in keV (&gt; 0).</param>
    public double RatePerKgDayKeV(SolarNeutrinoSource source, CevnsProcess process, double recoilKeV) =>
        Folder(source, process).RatePerKgDayKeV(recoilKeV * 1e-3);

    /// <summary>dR/dT_nr summed over all sources, events kg⁻¹ day⁻¹ keV_nr⁻¹.</summary>
    /// <param name="process">CEvNS process.</param>
    /// <param name="recoilKeV">T_nr in keV (&gt; 0).</param>
    public double RatePerKgDayKeV(CevnsProcess process, double recoilKeV) => Sources.Sum(s => RatePerKgDayKeV(s, process, recoilKeV));

    /// <summary>Edges (keV_ee) of the fine true electron-equivalent grid: from <see cref="TrueGridStartKeVee"/> to five
    /// resolution widths above the last analysis edge.</summary>
    public double[] TrueEdgesKeVee()
    {
        double top = Detector.AnalysisEdgesKeVee()[^1];
        top += 5 * Detector.SigmaKeVee(top);
        int n = (int)Math.Ceiling((top - TrueGridStartKeVee) / TrueGridStepKeVee);
        return Enumerable.Range(0, n + 1).Select(k => TrueGridStartKeVee + k * TrueGridStepKeVee).ToArray();
    }

    /// <summary>Expected events in electron-equivalent bins before resolution: exposure × ∫ dR/dT_nr dT_nr over the T_nr
    /// interval that quenches into each bin (quenching is monotonic, so no Jacobian is needed).</summary>
    /// <param name="source">Solar source.</param>
    /// <param name="process">CEvNS process.</param>
    /// <param name="edgesKeVee">Bin edges in keV_ee, &gt; 0 and increasing.</param>
    public double[] TrueCounts(SolarNeutrinoSource source, CevnsProcess process, IReadOnlyList<double> edgesKeVee)
    {
        ArgumentNullException.ThrowIfNull(edgesKeVee);
        var nrEdgesMeV = NuclearRecoilEdgesMeV(edgesKeVee);
        return Folder(source, process).ExpectedEvents(nrEdgesMeV, Detector.ExposureKgDay);
    }

    /// <summary>The T_nr (MeV) of each electron-equivalent edge (keV_ee).</summary>
    /// <param name="edgesKeVee">Edges in keV_ee, &gt; 0.</param>
    public double[] NuclearRecoilEdgesMeV(IReadOnlyList<double> edgesKeVee)
    {
        var nr = new double[edgesKeVee.Count];
        for (int i = 0; i < nr.Length; i++)
        {
            if (!(edgesKeVee[i] > 0) || !double.IsFinite(edgesKeVee[i]))
                throw new ArgumentOutOfRangeException(nameof(edgesKeVee), edgesKeVee[i], $"edgesKeVee[{i}] must be finite and > 0 keV_ee.");
            nr[i] = Quenching.NuclearRecoilMeV(edgesKeVee[i] * 1e-3);
        }
        return nr;
    }

    /// <summary>Expected events in the analysis bins (keV_ee, <see cref="GermaniumDetector.AnalysisEdgesKeVee"/>) after
    /// quenching and resolution: the fine true-energy counts smeared with <see cref="Resolution"/>.</summary>
    /// <param name="source">Solar source.</param>
    /// <param name="process">CEvNS process.</param>
    public double[] ExpectedCounts(SolarNeutrinoSource source, CevnsProcess process)
    {
        var trueEdges = TrueEdgesKeVee();
        var trueCounts = TrueCounts(source, process, trueEdges);
        var recoEdges = Detector.AnalysisEdgesKeVee();
        var reco = new double[recoEdges.Length - 1];
        Resolution.Smear(trueEdges.Select(e => e * 1e-3).ToArray(), trueCounts, recoEdges.Select(e => e * 1e-3).ToArray(), reco);
        return reco;
    }

    /// <summary>Expected events in the analysis bins summed over all sources.</summary>
    /// <param name="process">CEvNS process.</param>
    public double[] ExpectedCounts(CevnsProcess process)
    {
        var total = new double[Detector.BinCount];
        foreach (var s in Sources)
        {
            var c = ExpectedCounts(s, process);
            for (int b = 0; b < total.Length; b++) total[b] += c[b];
        }
        return total;
    }

    /// <summary>The flat background B of eq. 15 as expected events per analysis bin.</summary>
    public double[] BackgroundCounts() =>
        Enumerable.Repeat(Detector.BackgroundPerKgDayKeVee * Detector.ExposureKgDay * Detector.BinWidthKeVee, Detector.BinCount).ToArray();

    /// <summary>The recoil window (keV_nr) a sterile transition can populate with neutrinos up to <paramref name="maxNeutrinoEnergyMeV"/>
    /// on the isotope <paramref name="nucleus"/>: the T where eq. 13's E_min(T) ≤ E_max, or null when m₄ is too heavy.</summary>
    /// <param name="nucleus">Target nuclide.</param>
    /// <param name="sterileMassMeV">m₄ in MeV.</param>
    /// <param name="maxNeutrinoEnergyMeV">Largest neutrino energy of the flux (hep end-point 18.784 MeV).</param>
    public static (double LowKeV, double HighKeV)? SterileRecoilWindowKeV(Nucleus nucleus, double sterileMassMeV, double maxNeutrinoEnergyMeV)
    {
        ArgumentNullException.ThrowIfNull(nucleus);
        return CevnsKinematics.SterileRecoilRange(maxNeutrinoEnergyMeV, nucleus.NuclearMassMeV, sterileMassMeV, out double lo, out double hi)
            ? (lo * 1e3, hi * 1e3)
            : null;
    }
}
