using System;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>The toy fits of a Feldman–Cousins point on one thread: a <see cref="BinnedToyKernel"/> (data buffers reused,
/// analytic derivatives) and a <see cref="NewtonFitter"/>, both fits started at the generating point.</summary>
internal sealed class ToyFitter
{
    private readonly BinnedToyKernel _kernel;
    private readonly NewtonFitter _fitter;
    private readonly int _poi;

    private ToyFitter(BinnedToyKernel kernel, NewtonFitter fitter, int poi) { _kernel = kernel; _fitter = fitter; _poi = poi; }

    /// <summary>A fast fitter for <paramref name="objective"/>, or null when it is not covered (not a
    /// <see cref="BinnedLikelihood"/>, or a statistic the kernel does not implement) or the minimiser settings ask for a
    /// multi-start search.</summary>
    public static ToyFitter? TryCreate(IGenerativeObjective objective, int poi, MinimizerOptions options)
    {
        if (objective is not BinnedLikelihood lik || options.MultiStart.Enabled) return null;
        var kernel = BinnedToyKernel.TryCreate(lik);
        return kernel is null ? null : new ToyFitter(kernel, new NewtonFitter(kernel, lik.Parameters, options.Tolerance, options.MaxIterations), poi);
    }

    /// <summary>Draws the toy from <paramref name="random"/> at <paramref name="truth"/> and returns
    /// Δχ² = χ²(POI = <paramref name="value"/>, profiled) − χ²(global minimum), and whether both fits converged.</summary>
    public (double DeltaChi2, bool Converged) DeltaChi2(Random random, ReadOnlySpan<double> truth, double value)
    {
        _kernel.Generate(random, truth);
        var (best, okBest) = _fitter.Minimize(truth);
        var (atPoint, okPoint) = _fitter.Minimize(truth, _poi, value);
        // The global fit may stop in a worse local minimum than the constrained one: the smaller minimum is the reference.
        return (Math.Max(0, atPoint - Math.Min(best, atPoint)), okBest && okPoint);
    }
}
