using System;
using System.Collections.Generic;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.Likelihood;

/// <summary>A function to minimise: a χ² or −2 ln(L/L_saturated) including pull terms, so that differences
/// are Δχ² (1σ ↔ Δ = 1). Evaluate must be safe to call from several threads at once.</summary>
public interface IFitObjective
{
    /// <summary>Parameters in the order <see cref="Evaluate"/> expects them.</summary>
    IReadOnlyList<FitParameter> Parameters { get; }

    /// <summary>The objective (dimensionless, χ²-like) at the given parameter values.</summary>
    /// <param name="parameters">One value per entry of <see cref="Parameters"/>.</param>
    double Evaluate(ReadOnlySpan<double> parameters);
}
