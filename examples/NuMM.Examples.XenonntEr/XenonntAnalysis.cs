using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Examples.XenonntEr;

/// <summary>Published number this example is compared with.</summary>
public static class XenonntPublished
{
    /// <summary>90 % CL upper limit on the effective solar-neutrino magnetic moment, 6.3 × 10⁻¹² μ_B
    /// (Aprile et al. (XENON), Phys. Rev. Lett. 129, 161805 (2022)).</summary>
    public const double MomentLimitBohr = 6.3e-12;
}

/// <summary>The fit of the released events: a Poisson likelihood on 290 bins of 0.1 keV from 1 to 30 keV (the B0
/// table's own binning, fine enough to act as an unbinned fit: the resolution is ≥ 0.3 keV), with the best-fit
/// background B0 scaled by a free normalisation (the nuisance) and the magnetic signal ∝ μ².</summary>
public sealed class XenonntAnalysis
{
    /// <summary>Parameter names: B0 normalisation and the moment in 10⁻¹² μ_B.</summary>
    public const string BackgroundNorm = "b0_norm", Moment = "mu";

    /// <summary>Builds the templates.</summary>
    /// <param name="release">The data release.</param>
    /// <param name="resolutionScale">Multiplies the resolution σ(E) (1 = nominal).</param>
    /// <param name="stepping">Stepping approximation for the bound electrons (false: 54 free electrons).</param>
    public XenonntAnalysis(XenonntRelease release, double resolutionScale = 1.0, bool stepping = true)
    {
        Release = release ?? throw new ArgumentNullException(nameof(release));
        Physics = new SolarElectronRecoils();
        var reco = SolarElectronRecoils.RecoEdgesKeV();
        int bins = reco.Length - 1;
        Background = new double[bins];
        int first = (int)Math.Round(XenonntRelease.WindowLowKeV / XenonntRelease.ModelBinWidthKeV);
        for (int b = 0; b < bins; b++)
            Background[b] = release.BackgroundRate[first + b] * XenonntRelease.ModelBinWidthKeV * XenonntRelease.ExposureTonneYear;
        Magnetic = SolarElectronRecoils.Observed(t => Physics.MagneticRate(t, SolarElectronRecoils.ReferenceMomentBohr, stepping), release, resolutionScale);
        Observed = new double[bins];
        foreach (double e in release.EventEnergiesKeV)
            Observed[Math.Min(bins - 1, (int)((e - XenonntRelease.WindowLowKeV) / XenonntRelease.ModelBinWidthKeV))]++;
    }

    /// <summary>The release.</summary>
    public XenonntRelease Release { get; }
    /// <summary>The physics.</summary>
    public SolarElectronRecoils Physics { get; }
    /// <summary>B0 expected events per bin for the exposure.</summary>
    public double[] Background { get; }
    /// <summary>Magnetic-moment events per bin at 10⁻¹² μ_B.</summary>
    public double[] Magnetic { get; }
    /// <summary>Observed events per bin.</summary>
    public double[] Observed { get; }

    /// <summary>The prediction: B0 × b0_norm + μ² × magnetic template.</summary>
    public PredictionModel Model() => new(
        [new PredictionComponent("B0", Background, ComponentScale.Linear(BackgroundNorm)),
         new PredictionComponent("magnetic moment", Magnetic, ComponentScale.Square(Moment))],
        [new FitParameter(BackgroundNorm, 1.0, 0.0, 3.0, scale: 0.05, unit: "× B0"),
         new FitParameter(Moment, 0.0, 0.0, 500.0, scale: 1.0, unit: "1e-12 μ_B")]);

    /// <summary>Poisson likelihood against the observed events.</summary>
    public BinnedLikelihood Likelihood() => new(Model(), Observed);

    /// <summary>The best fit with μ free (≥ 0).</summary>
    public FitResult Fit() => new Minimizer().Minimize(Likelihood());

    /// <summary>90 % CL upper limit on μ (Δχ² = 2.706 from the best fit in μ ≥ 0, b0_norm profiled), in μ_B.</summary>
    public UpperLimitResult Limit() => ProfileLikelihood.UpperLimit(Likelihood(), Moment, 0.9);

    /// <summary>Δχ² profile on <paramref name="values"/> (10⁻¹² μ_B).</summary>
    /// <param name="values">Scan points.</param>
    public ProfileScan Scan(IReadOnlyList<double> values) => ProfileLikelihood.Scan(Likelihood(), Moment, values);
}
