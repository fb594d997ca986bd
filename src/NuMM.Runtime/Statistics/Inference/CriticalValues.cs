using System;
using MathNet.Numerics.Distributions;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>Wilks critical values of Δχ² (asymptotic; Feldman–Cousins replaces them by toy-based ones).</summary>
public static class CriticalValues
{
    /// <summary>The Δχ² used for an upper limit in one parameter by the technote and most neutrino analyses: the χ²₁
    /// quantile, 2.706 at 90 % CL (3.841 at 95 %). Measured from the best fit inside the physical region this is the
    /// "one-sided 90 % CL, Δχ² = 2.71" convention (strictly it bounds a two-sided 90 % interval, i.e. a 95 % one-sided limit
    /// for a Gaussian away from the boundary); use <see cref="StrictlyOneSided"/> for 1.642.</summary>
    /// <param name="confidenceLevel">Confidence level in (0, 1).</param>
    public static double UpperLimit(double confidenceLevel) => ChiSquare(confidenceLevel, 1);

    /// <summary>Δχ² of a strictly one-sided test in one parameter: (Φ⁻¹(CL))², 1.642 at 90 % CL (the asymptotic q_μ
    /// quantile of Cowan et al. 2011, with half of the toys at q = 0).</summary>
    /// <param name="confidenceLevel">Confidence level in (0.5, 1).</param>
    public static double StrictlyOneSided(double confidenceLevel)
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
