using System;
using MathNet.Numerics.Distributions;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>Wilks critical values of Δχ² (asymptotic; Feldman–Cousins replaces them by toy-based ones).</summary>
public static class CriticalValues
{
    /// <summary>Δχ² for a one-sided upper limit in one parameter: (Φ⁻¹(CL))², 2.706 at 90 % CL, 3.841 at 95 %.</summary>
    /// <param name="confidenceLevel">Confidence level in (0.5, 1).</param>
    public static double OneSidedUpperLimit(double confidenceLevel)
    {
        if (!(confidenceLevel > 0.5 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "A one-sided confidence level must be in (0.5, 1).");
        double z = Normal.InvCDF(0, 1, confidenceLevel);
        return z * z;
    }

    /// <summary>Δχ² of a two-sided region with <paramref name="degreesOfFreedom"/> parameters: the χ² quantile
    /// (2.706 for 90 % CL in 1 dof, 4.605 for 90 % CL in 2 dof contours).</summary>
    /// <param name="confidenceLevel">Confidence level in (0, 1).</param>
    /// <param name="degreesOfFreedom">Number of parameters of interest (≥ 1).</param>
    public static double ChiSquare(double confidenceLevel, int degreesOfFreedom)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "A confidence level must be in (0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return MathNet.Numerics.Distributions.ChiSquared.InvCDF(degreesOfFreedom, confidenceLevel);
    }
}
