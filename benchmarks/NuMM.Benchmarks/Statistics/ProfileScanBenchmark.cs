using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Benchmarks.Statistics;

/// <summary>Issue 4 target: a profile scan of 100 points with 10 nuisance parameters over 20 bins "well under a second".
/// Run: dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter '*ProfileScanBenchmark*'</summary>
[MemoryDiagnoser]
public class ProfileScanBenchmark
{
    private BinnedLikelihood _likelihood = null!;
    private double[] _points = null!;
    private double[] _parameters = null!;

    /// <summary>Builds the 20-bin, 12-parameter model (μ, ν-on-e normalisation, 10 nuisances).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _likelihood = StatisticsBenchmarkModels.Binned();
        _points = Enumerable.Range(0, 100).Select(i => i * 0.01).ToArray();
        _parameters = _likelihood.Model.InitialValues();
    }

    /// <summary>One evaluation of the Poisson χ² with pulls (the unit of work of every fit).</summary>
    [Benchmark]
    public double Evaluate() => _likelihood.Evaluate(_parameters);

    /// <summary>Global fit with Hessian errors.</summary>
    [Benchmark]
    public double GlobalFit() => new Minimizer().Minimize(_likelihood).Minimum;

    /// <summary>Profile scan of μ over 100 points, all nuisances profiled at each point.</summary>
    [Benchmark]
    public double Scan100Points() => ProfileLikelihood.Scan(_likelihood, "mu", _points).Points[^1].DeltaChi2;
}
