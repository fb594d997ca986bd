using NuMM.Runtime.ScaleOut;
using NuMM.Runtime.Statistics.Inference;

namespace NuMM.Examples.ScaleOut;

/// <summary>A small Feldman–Cousins construction whose toys a cluster can share: a counting experiment with 25 observed
/// events over 23.78 expected background known to 10.9 %, the signal scanned at 0, 2, …, 14 events, 200 toys per point
/// in blocks of 50.</summary>
public static class CountingFeldmanCousins
{
    /// <summary>The scan points (signal events).</summary>
    public static readonly double[] Points = [0, 2, 4, 6, 8, 10, 12, 14];

    /// <summary>The construction's settings.</summary>
    public static FeldmanCousinsOptions Options => new() { Toys = 200, ToysPerBlock = 50, Seed = 20240611 };

    /// <summary>The measurement.</summary>
    public static NuMM.Runtime.Statistics.Likelihood.IGenerativeObjective Likelihood() => new CountingExperiment(25, 23.78, 0.109).Likelihood;

    /// <summary>The scale-out job.</summary>
    public static FeldmanCousinsJob Job() => new(Likelihood, CountingExperiment.SignalParameter, Points, Options);
}
