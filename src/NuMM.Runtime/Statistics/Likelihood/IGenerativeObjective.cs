using System;

namespace NuMM.Runtime.Statistics.Likelihood;

/// <summary>An objective built on data that can be replaced: the Asimov data set and pseudo-experiments of the same model.
/// Hypothesis tests, CLs and toy constructions work on any such objective (<see cref="BinnedLikelihood"/>, a HistFactory
/// workspace model).</summary>
public interface IGenerativeObjective : IFitObjective
{
    /// <summary>The same model on its Asimov data at <paramref name="parameters"/>: expected counts as data, auxiliary
    /// measurements (constraint centres) at the parameter values.</summary>
    /// <param name="parameters">One value per parameter.</param>
    IGenerativeObjective AsimovAt(ReadOnlySpan<double> parameters);

    /// <summary>The same model on a pseudo-experiment drawn at <paramref name="truth"/> (main counts and auxiliary measurements fluctuated).</summary>
    /// <param name="random">Random source (a <see cref="Inference.ToyRandom"/> stream for reproducible toys).</param>
    /// <param name="truth">True parameter values.</param>
    IGenerativeObjective Toy(Random random, ReadOnlySpan<double> truth);
}
