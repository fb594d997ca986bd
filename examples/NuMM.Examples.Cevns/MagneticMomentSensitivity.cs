using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Examples.Cevns;

/// <summary>An expected limit on a magnetic moment from Asimov data.</summary>
/// <param name="Process">What was constrained.</param>
/// <param name="LimitBohr">Upper limit on |μ| in μ_B (flux nuisances profiled).</param>
/// <param name="StatisticsOnlyLimitBohr">The same with every flux nuisance fixed at 0.</param>
/// <param name="CriticalDeltaChi2">Δχ² level used (2.706: 90 % CL, 1 dof; 4.605: 90 % CL, 2 dof).</param>
/// <param name="ScanMomentsBohr">Scanned |μ| values (μ_B), empty when no scan was asked for.</param>
/// <param name="ScanDeltaChi2">Profile Δχ² at each scanned value.</param>
/// <param name="AllFitsConverged">Whether every fit converged.</param>
public sealed record SensitivityResult(string Process, double LimitBohr, double StatisticsOnlyLimitBohr, double CriticalDeltaChi2,
    double[] ScanMomentsBohr, double[] ScanDeltaChi2, bool AllFitsConverged);

/// <summary>The pull χ² of talk eq. 15 on Asimov data,
/// <code>χ²(μ) = min_ξ Σ_i [(R_obs^i − R_exp^i(μ) − B − Σ_j ξ_j c_j^i)/Δ^i]² + Σ_j ξ_j²,</code>
/// where R_exp^i(μ) = Σ_j [SM_j^i + (μ/μ_ref)² MM_j^i] is the expected CEvNS count in bin i, B the flat background,
/// ξ_j one flux-normalisation nuisance per solar source with c_j^i = σ_j × (SM_j^i + (μ/μ_ref)² MM_j^i), and
/// Δ^i = √(R_obs^i) (Poisson). The talk prints the pull term as "+Σ_j ξ_j"; a pull term must be quadratic (a linear one
/// has no minimum and would let ξ run off), so Σ_j ξ_j² is used.
/// Asimov data: R_obs^i = SM^i + B^i exactly (no magnetic moment, no fluctuation), because the talk's 20 CDEX-10 points
/// are not public. The fit parameter "mu" is |μ| in units of <see cref="ReferenceMomentBohr"/>, bounded below by 0.</summary>
public sealed class MagneticMomentSensitivity
{
    /// <summary>μ_ref: the signal templates are computed at this moment (μ_B) and scaled by (μ/μ_ref)².</summary>
    public const double ReferenceMomentBohr = 1e-9;

    /// <summary>Name of the parameter of interest (|μ| / μ_ref).</summary>
    public const string MomentParameter = "mu";

    /// <summary>Creates the fitter for a study.</summary>
    /// <param name="study">Spectra and detector.</param>
    public MagneticMomentSensitivity(SolarCevnsStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        Study = study;
    }

    /// <summary>The underlying study.</summary>
    public SolarCevnsStudy Study { get; }

    /// <summary>The eq. 15 objective for a signal process (built at μ_ref) on Asimov SM + background data.</summary>
    /// <param name="signalAtReference">The magnetic-moment process at <see cref="ReferenceMomentBohr"/>.</param>
    public BinnedLikelihood AsimovLikelihood(CevnsProcess signalAtReference)
    {
        ArgumentNullException.ThrowIfNull(signalAtReference);
        var components = new List<PredictionComponent> { new("background", Study.BackgroundCounts()) };
        var systematics = new List<NormalizationSystematic>();
        var sm = new StandardModelCevns();
        foreach (var source in SolarCevnsStudy.Sources)
        {
            var smCounts = Study.ExpectedCounts(source, sm);
            var mmCounts = Study.ExpectedCounts(source, signalAtReference);
            if (smCounts.Sum() <= 0 && mmCounts.Sum() <= 0) continue;   // source cannot reach the analysis window
            string smName = $"SM {source}", mmName = $"MM {source}";
            components.Add(new PredictionComponent(smName, smCounts));
            components.Add(new PredictionComponent(mmName, mmCounts, ComponentScale.Square(MomentParameter)));
            if (Study.Detector.FluxUncertaintyBySource.TryGetValue(source, out double sigma))
                systematics.Add(new NormalizationSystematic(FluxNuisance(source), [smName, mmName], sigma));
        }
        var mu = new FitParameter(MomentParameter, 0.0, lower: 0.0, upper: 1e4, scale: 1.0, unit: $"{ReferenceMomentBohr:0E+0} μ_B");
        var model = new PredictionModel(components, [mu], normalizationSystematics: systematics);
        var asimov = new double[model.BinCount];
        model.Predict(model.InitialValues(), asimov);   // μ = 0, every ξ_j = 0
        var errors = asimov.Select(Math.Sqrt).ToArray();
        return new BinnedLikelihood(model, asimov, TestStatistic.ChiSquare(ChiSquareErrors.Fixed, errors));
    }

    /// <summary>Name of the flux nuisance ξ_j of a source.</summary>
    /// <param name="source">Solar source.</param>
    public static string FluxNuisance(SolarNeutrinoSource source) => $"flux_{source}";

    /// <summary>The expected upper limit on |μ| for a signal process, with and without the flux nuisances, and optionally
    /// the profile Δχ² on a grid from 0 to <paramref name="scanUpToLimitMultiple"/> × the limit.</summary>
    /// <param name="signalAtReference">Signal process at <see cref="ReferenceMomentBohr"/>.</param>
    /// <param name="criticalDeltaChi2">Δχ² level (2.706 for 90 % CL with 1 dof).</param>
    /// <param name="scanPoints">Number of scan points (0: no scan).</param>
    /// <param name="scanUpToLimitMultiple">Scan range in units of the limit.</param>
    public SensitivityResult Run(CevnsProcess signalAtReference, double criticalDeltaChi2, int scanPoints = 0, double scanUpToLimitMultiple = 1.6)
    {
        var likelihood = AsimovLikelihood(signalAtReference);
        var minimizer = new Minimizer(new MinimizerOptions { ComputeCovariance = false });
        var limit = ProfileLikelihood.UpperLimit(likelihood, MomentParameter, 0.9, minimizer, criticalDeltaChi2);
        var nuisances = likelihood.Parameters.Where(p => p.Name != MomentParameter).ToDictionary(p => p.Name, _ => 0.0);
        var statOnly = ProfileLikelihood.UpperLimit(likelihood, MomentParameter, 0.9, minimizer, criticalDeltaChi2, nuisances);
        double[] grid = [], delta = [];
        bool converged = limit.AllFitsConverged && statOnly.AllFitsConverged;
        if (scanPoints > 1)
        {
            grid = Enumerable.Range(0, scanPoints).Select(k => scanUpToLimitMultiple * limit.Limit * k / (scanPoints - 1)).ToArray();
            var scan = ProfileLikelihood.Scan(likelihood, MomentParameter, grid, minimizer);
            delta = scan.DeltaChi2;
            converged &= scan.AllConverged;
        }
        return new SensitivityResult(signalAtReference.Label, limit.Limit * ReferenceMomentBohr, statOnly.Limit * ReferenceMomentBohr,
            criticalDeltaChi2, grid.Select(g => g * ReferenceMomentBohr).ToArray(), delta, converged);
    }
}
