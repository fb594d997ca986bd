using NuMM.Runtime.Physics.Detector;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Examples.Borexino;

/// <summary>The exposure of the analysis: Borexino Phase II, 1291.5 live days (talk: "1291.5 days of data from the
/// Borexino Phase-II campaign"; 1291.51 d in Borexino, PRD 100, 082004 (2019)) in the 71.3 t fiducial volume of that
/// analysis.</summary>
/// <param name="LiveDays">Live time in days.</param>
/// <param name="FiducialTonnes">Fiducial mass in tonnes.</param>
public sealed record AnalysisExposure(double LiveDays, double FiducialTonnes)
{
    /// <summary>Borexino Phase II.</summary>
    public static AnalysisExposure BorexinoPhase2 => new(1291.51, 71.3);

    /// <summary>Exposure in kg·day.</summary>
    public double KgDay => LiveDays * FiducialTonnes * 1000;

    /// <summary>Exposure in (100 t)·day.</summary>
    public double HundredTonneDay => LiveDays * FiducialTonnes / 100;
}

/// <summary>One expected limit of the Asimov fit.</summary>
/// <param name="Description">Fit variant.</param>
/// <param name="MuSquaredLimit">90 % CL limit on (μ_eff/10⁻¹¹ μ_B)².</param>
/// <param name="Converged">Whether every fit of the profile converged.</param>
public sealed record SensitivityResult(string Description, double MuSquaredLimit, bool Converged)
{
    /// <summary>The limit on μ_eff in μ_B.</summary>
    public double MuEffLimitBohr => SolarRecoilSpectrum.ReferenceMomentBohr * Math.Sqrt(MuSquaredLimit);
}

/// <summary>Expected sensitivity to μ_eff from the shape of the electron-recoil spectrum, as the Borexino analysis of
/// the talk: a binned Poisson likelihood in reconstructed energy with the pp and ⁷Be rates free, pep, CNO and ⁸B fixed
/// to the SSM with MSW-LMA (Borexino fixed pep and CNO too), free ⁸⁵Kr and ²¹⁰Bi normalisations, Gaussian resolution,
/// and the magnetic term scaled by (μ_eff/10⁻¹¹ μ_B)² ≥ 0. The data are the Asimov data set of μ_eff = 0 (median
/// expected limit); the limit is the profile Δχ² = 2.706 crossing.</summary>
public sealed class MagneticMomentSensitivity
{
    /// <summary>Parameter of interest: (μ_eff / 10⁻¹¹ μ_B)².</summary>
    public const string Poi = "mu2";

    /// <summary>Lower edge of the fit window, MeV (Borexino Phase II fit range 0.19–2.93 MeV).</summary>
    public const double WindowLowMeV = 0.19;

    /// <summary>Upper edge of the fit window, MeV.</summary>
    public const double WindowHighMeV = 2.93;

    /// <summary>Photoelectrons per MeV (Borexino Phase II light yield ≈ 500 p.e./MeV); σ(T) = √(T/LY), 4.5 % at 1 MeV.</summary>
    public const double LightYieldPerMeV = 500;

    /// <summary>Builds the templates for <paramref name="exposure"/> from <paramref name="spectrum"/>.</summary>
    public MagneticMomentSensitivity(SolarRecoilSpectrum spectrum, AnalysisExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        Exposure = exposure ?? throw new ArgumentNullException(nameof(exposure));
        TrueEdgesMeV = SolarRecoilSpectrum.TrueEdges(0.08, 3.3, 0.01);
        RecoEdgesMeV = Enumerable.Range(0, 138).Select(i => WindowLowMeV + (WindowHighMeV - WindowLowMeV) * i / 137).ToArray();
        var resolution = new GaussianResolution(t => Math.Sqrt(t / LightYieldPerMeV));
        double[] Smeared(double[] trueEvents)
        {
            var reco = new double[RecoEdgesMeV.Length - 1];
            resolution.Smear(TrueEdgesMeV, trueEvents, RecoEdgesMeV, reco);
            return reco;
        }
        foreach (var group in Enum.GetValues<SolarGroup>())
            Templates[group.ToString()] = Smeared(spectrum.StandardModelEvents(group, TrueEdgesMeV, exposure.KgDay));
        var magnetic = new double[TrueEdgesMeV.Length - 1];
        foreach (var group in Enum.GetValues<SolarGroup>())
        {
            var part = spectrum.MagneticEvents(group, TrueEdgesMeV, exposure.KgDay);
            for (int i = 0; i < magnetic.Length; i++) magnetic[i] += part[i];
        }
        Templates["magnetic"] = Smeared(magnetic);
        foreach (var beta in new[] { BetaBackground.Kr85, BetaBackground.Bi210 })
            Templates[beta.Name] = Smeared(beta.Events(TrueEdgesMeV, exposure.HundredTonneDay));
    }

    /// <summary>The exposure.</summary>
    public AnalysisExposure Exposure { get; }

    /// <summary>True-recoil bin edges (MeV).</summary>
    public double[] TrueEdgesMeV { get; }

    /// <summary>Reconstructed-energy bin edges (MeV), 137 bins of 20 keV over the fit window.</summary>
    public double[] RecoEdgesMeV { get; }

    /// <summary>Expected events per reconstructed bin of each component at nominal rates ("magnetic" at μ_eff = 10⁻¹¹ μ_B).</summary>
    public Dictionary<string, double[]> Templates { get; } = new();

    /// <summary>The Asimov (μ_eff = 0) expected 90 % CL limit. With <paramref name="ppConstraint"/> the pp rate gets a
    /// Gaussian constraint of that relative width (a stand-in for the talk's gallium constraint), else it is free.</summary>
    public SensitivityResult ExpectedLimit(double? ppConstraint = null)
    {
        var parameters = new List<FitParameter>
        {
            new(Poi, 0.0, 0.0, 1e3, unit: "(μ_eff/1e-11 μ_B)²"),
            new("pp", 1.0, 0.0, 5.0, ppConstraint is { } w ? new GaussianConstraint(1.0, w) : null, unit: "× SSM"),
            new("Be7", 1.0, 0.0, 5.0, unit: "× SSM"),
            new("85Kr", 1.0, 0.0, 20.0, unit: "× nominal"),
            new("210Bi", 1.0, 0.0, 20.0, unit: "× nominal"),
        };
        var components = new List<PredictionComponent>
        {
            new("magnetic", Templates["magnetic"], ComponentScale.Linear(Poi)),
            new("pp", Templates["Pp"], ComponentScale.Linear("pp")),
            new("Be7", Templates["Be7"], ComponentScale.Linear("Be7")),
            new("pep", Templates["Pep"]),
            new("CNO", Templates["Cno"]),
            new("8B", Templates["B8"]),
            new("85Kr", Templates["85Kr"], ComponentScale.Linear("85Kr")),
            new("210Bi", Templates["210Bi"], ComponentScale.Linear("210Bi")),
        };
        var model = new PredictionModel(components, parameters);
        var asimov = new double[model.BinCount];
        model.Predict(model.InitialValues(), asimov);
        var likelihood = new BinnedLikelihood(model, asimov);
        var limit = ProfileLikelihood.UpperLimit(likelihood, Poi);
        string description = ppConstraint is { } c ? $"pp rate constrained to SSM ± {100 * c:F0} %" : "pp rate free";
        return new SensitivityResult(description, limit.Limit, limit.AllFitsConverged);
    }
}
