using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
namespace NuMM.Runtime.Physics.Folding;

/// <summary>The incoherent sum of several cross sections on the same target (e.g. CEvNS SM + magnetic-moment term:
/// the helicity-flipping magnetic term does not interfere with the helicity-conserving weak term). Its kinematic range
/// is the union of the parts' ranges.</summary>
public sealed class CrossSectionSum : IBatchDifferentialCrossSection
{
    private readonly IDifferentialCrossSection[] _parts;

    /// <summary>Sums <paramref name="parts"/> (at least one).</summary>
    /// <param name="parts">Cross sections in cm²/MeV per target, on the same target.</param>
    public CrossSectionSum(params IDifferentialCrossSection[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0) throw new ArgumentException("A cross-section sum needs at least one part.", nameof(parts));
        for (int i = 0; i < parts.Length; i++)
            if (parts[i] is null) throw new ArgumentNullException(nameof(parts), $"Part {i} of the cross-section sum is null.");
        _parts = (IDifferentialCrossSection[])parts.Clone();
    }

    /// <summary>The summed parts.</summary>
    public IReadOnlyList<IDifferentialCrossSection> Parts => _parts;

    /// <inheritdoc/>
    public double DSigmaDT(double neutrinoEnergyMeV, double recoilEnergyMeV)
    {
        double sum = 0;
        foreach (var p in _parts) sum += p.DSigmaDT(neutrinoEnergyMeV, recoilEnergyMeV);
        return sum;
    }

    /// <inheritdoc/>
    public double MaxRecoilEnergyMeV(double neutrinoEnergyMeV)
    {
        double max = 0;
        foreach (var p in _parts) max = Math.Max(max, p.MaxRecoilEnergyMeV(neutrinoEnergyMeV));
        return max;
    }

    /// <inheritdoc/>
    public double MinNeutrinoEnergyMeV(double recoilEnergyMeV)
    {
        double min = double.PositiveInfinity;
        foreach (var p in _parts) min = Math.Min(min, p.MinNeutrinoEnergyMeV(recoilEnergyMeV));
        return min;
    }

    /// <inheritdoc/>
    public void DSigmaDTOverNeutrinoEnergies(double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination)
    {
        if (destination.Length != neutrinoEnergiesMeV.Length)
            throw new ArgumentException($"Destination length {destination.Length} differs from the {neutrinoEnergiesMeV.Length} neutrino energies.", nameof(destination));
        destination.Clear();
        double[] scratch = System.Buffers.ArrayPool<double>.Shared.Rent(neutrinoEnergiesMeV.Length);
        try
        {
            var part = scratch.AsSpan(0, neutrinoEnergiesMeV.Length);
            foreach (var p in _parts)
            {
                CrossSectionBatch.Evaluate(p, recoilEnergyMeV, neutrinoEnergiesMeV, part);
                System.Numerics.Tensors.TensorPrimitives.Add(destination, part, destination);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(scratch);
        }
    }
}

/// <summary>Evaluates any cross section over many neutrino energies: the vectorised path when the cross section
/// implements <see cref="IBatchDifferentialCrossSection"/>, otherwise a scalar loop.</summary>
public static class CrossSectionBatch
{
    /// <summary>dσ/dT (cm²/MeV) at <paramref name="recoilEnergyMeV"/> for each energy in <paramref name="neutrinoEnergiesMeV"/>.</summary>
    /// <param name="crossSection">The cross section.</param>
    /// <param name="recoilEnergyMeV">Recoil energy in MeV.</param>
    /// <param name="neutrinoEnergiesMeV">Neutrino energies in MeV.</param>
    /// <param name="destination">Output, same length.</param>
    public static void Evaluate(IDifferentialCrossSection crossSection, double recoilEnergyMeV, ReadOnlySpan<double> neutrinoEnergiesMeV, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(crossSection);
        if (destination.Length != neutrinoEnergiesMeV.Length)
            throw new ArgumentException($"Destination length {destination.Length} differs from the {neutrinoEnergiesMeV.Length} neutrino energies.", nameof(destination));
        if (crossSection is IBatchDifferentialCrossSection batch)
        {
            batch.DSigmaDTOverNeutrinoEnergies(recoilEnergyMeV, neutrinoEnergiesMeV, destination);
            return;
        }
        for (int i = 0; i < neutrinoEnergiesMeV.Length; i++)
            destination[i] = crossSection.DSigmaDT(neutrinoEnergiesMeV[i], recoilEnergyMeV);
    }
}
