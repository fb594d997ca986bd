using NuMM.Examples.NuOnE.Analysis;
using NuMM.Examples.NuOnE.Simulation;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Examples.NuOnE;

/// <summary>Runs the generated selection kernel over a sample on all cores.</summary>
public sealed class NuOnEAnalysis(SimulationSettings settings)
{
    /// <summary>The magnetic moment at which the signal templates are made, in Bohr magnetons; the signal scales
    /// as (μ/μ_ref)².</summary>
    public const double ReferenceMomentBohr = 1e-9;

    /// <summary>Selects <paramref name="sample"/> with the signal weight at <paramref name="magneticMomentBohr"/>
    /// (0 for the Standard-Model samples).</summary>
    public AnalysisResult Run(IReadOnlyList<NdSingleElectronEvent.Batch> sample, double magneticMomentBohr)
    {
        var kernel = new NdSingleElectronSelection.Kernel { MagneticMomentBohr = magneticMomentBohr };
        return AnalysisRunner.Run(kernel, new ArrayBatchSource<NdSingleElectronEvent.Batch>(sample),
            () => new NdSingleElectronEvent.Batch(settings.BatchSize));
    }
}
