using NuMM.Examples.NuOnE.Analysis;
using NuMM.Examples.NuOnE.Simulation;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Reporting.Terminal;
using NuMM.Runtime.Selection;

namespace NuMM.Examples.NuOnE;

/// <summary>Runs the generated selection kernel over a sample on all cores, with a progress bar when the output is a
/// terminal.</summary>
public sealed class NuOnEAnalysis(SimulationSettings settings)
{
    private readonly Dictionary<object, int> _passes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The magnetic moment at which the signal templates are made, in Bohr magnetons; the signal scales
    /// as (μ/μ_ref)².</summary>
    public const double ReferenceMomentBohr = 1e-9;

    /// <summary>Selects <paramref name="sample"/> with the signal weight at <paramref name="magneticMomentBohr"/>
    /// (0 for the Standard-Model samples); <paramref name="label"/> names the progress bar.</summary>
    public AnalysisResult Run(IReadOnlyList<NdSingleElectronEvent.Batch> sample, double magneticMomentBohr, string label = "selection")
    {
        _passes[sample] = Passes(sample) + 1;
        var kernel = new NdSingleElectronSelection.Kernel { MagneticMomentBohr = magneticMomentBohr };
        return TerminalProgress.Run(label, Events(sample), progress => AnalysisRunner.Run(kernel,
            new ArrayBatchSource<NdSingleElectronEvent.Batch>(sample), () => new NdSingleElectronEvent.Batch(settings.BatchSize),
            new RunOptions { Progress = progress }));
    }

    /// <summary>Selects the ν-on-e <paramref name="sample"/> once for the Standard-Model background and the
    /// magnetic-moment signal at <paramref name="magneticMomentBohr"/> together: the sample is read once, and each batch
    /// goes through both kernels (each filling its nominal result and every variation) while it is in memory.</summary>
    public (AnalysisResult Signal, AnalysisResult StandardModel) RunSignalAndStandardModel(IReadOnlyList<NdSingleElectronEvent.Batch> sample, double magneticMomentBohr,
        string label = "selection")
    {
        _passes[sample] = Passes(sample) + 1;
        var results = TerminalProgress.Run(label, Events(sample), progress => AnalysisRunner.RunMany<NdSingleElectronEvent.Batch>(
            [new NdSingleElectronSelection.Kernel { MagneticMomentBohr = magneticMomentBohr }, new NdSingleElectronSelection.Kernel { MagneticMomentBohr = 0.0 }],
            new ArrayBatchSource<NdSingleElectronEvent.Batch>(sample), () => new NdSingleElectronEvent.Batch(settings.BatchSize),
            new RunOptions { Progress = progress }));
        return (results[0], results[1]);
    }

    private static long Events(IReadOnlyList<NdSingleElectronEvent.Batch> sample) => sample.Sum(b => (long)b.Length);

    /// <summary>How many times <see cref="Run"/> has read <paramref name="sample"/> (each read fills the nominal result and
    /// every systematic variation at once).</summary>
    public int Passes(IReadOnlyList<NdSingleElectronEvent.Batch> sample) => _passes.TryGetValue(sample, out int n) ? n : 0;
}
