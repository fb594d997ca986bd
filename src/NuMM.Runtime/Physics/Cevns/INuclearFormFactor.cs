using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
namespace NuMM.Runtime.Physics.Cevns;

/// <summary>A nuclear form factor F(|q|), normalised to F(0) = 1.</summary>
public interface INuclearFormFactor
{
    /// <summary>F at momentum transfer <paramref name="momentumTransferMeV"/> = |q| in MeV (≥ 0).</summary>
    /// <param name="momentumTransferMeV">|q| in MeV.</param>
    double Evaluate(double momentumTransferMeV);
}

/// <summary>F ≡ 1: the point-like nucleus, exact in the limit qR → 0 (used for the low-q closed forms).</summary>
public sealed class UnitFormFactor : INuclearFormFactor
{
    /// <summary>The single instance.</summary>
    public static UnitFormFactor Instance { get; } = new();

    private UnitFormFactor() { }

    /// <inheritdoc/>
    public double Evaluate(double momentumTransferMeV) => 1.0;
}
