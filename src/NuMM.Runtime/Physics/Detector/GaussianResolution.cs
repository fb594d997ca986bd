using System;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Runtime.Physics.Detector;

/// <summary>Gaussian detector resolution with energy-dependent width σ(E): a true energy E is observed at E′ with
/// probability density N(E′; E, σ(E)). Smears binned spectra; events pushed outside the reconstructed window are lost
/// (so the total is conserved only when the window covers the smeared spectrum).</summary>
public sealed class GaussianResolution
{
    private readonly Func<double, double> _sigmaMeV;

    /// <summary>Creates the resolution model.</summary>
    /// <param name="sigmaMeV">σ(E) in MeV as a function of true energy E in MeV; must be finite and &gt; 0 where used.</param>
    public GaussianResolution(Func<double, double> sigmaMeV)
    {
        ArgumentNullException.ThrowIfNull(sigmaMeV);
        _sigmaMeV = sigmaMeV;
    }

    /// <summary>σ(E) in MeV.</summary>
    /// <param name="energyMeV">True energy in MeV.</param>
    /// <exception cref="InvalidOperationException">σ(E) is not finite and &gt; 0.</exception>
    public double SigmaMeV(double energyMeV)
    {
        double s = _sigmaMeV(energyMeV);
        if (!double.IsFinite(s) || s <= 0)
            throw new InvalidOperationException($"Resolution σ(E = {NumericTable.Format(energyMeV)} MeV) = {NumericTable.Format(s)} MeV; it must be finite and > 0.");
        return s;
    }

    /// <summary>Smears binned true contents into reconstructed bins. Each true bin's content is spread uniformly over the
    /// bin (4-point Gauss–Legendre sub-sampling) and each sub-sample is spread by the Gaussian of its energy; the
    /// reconstructed bin receives Φ((hi − E)/σ) − Φ((lo − E)/σ) of it.</summary>
    /// <param name="trueEdgesMeV">True-energy bin edges (MeV), strictly increasing.</param>
    /// <param name="trueContents">Content of each true bin (events), one fewer than the edges.</param>
    /// <param name="recoEdgesMeV">Reconstructed bin edges (MeV), strictly increasing.</param>
    /// <param name="recoContents">Output, one fewer than the reconstructed edges.</param>
    public void Smear(ReadOnlySpan<double> trueEdgesMeV, ReadOnlySpan<double> trueContents, ReadOnlySpan<double> recoEdgesMeV, Span<double> recoContents)
    {
        CheckEdges(trueEdgesMeV, nameof(trueEdgesMeV));
        CheckEdges(recoEdgesMeV, nameof(recoEdgesMeV));
        PhysicsArguments.SameLength(trueEdgesMeV.Length - 1, trueContents.Length, nameof(trueContents));
        PhysicsArguments.SameLength(recoEdgesMeV.Length - 1, recoContents.Length, nameof(recoContents));
        recoContents.Clear();
        var (x, w) = EnergyQuadrature.GaussLegendre(4);
        for (int b = 0; b < trueContents.Length; b++)
        {
            double content = trueContents[b];
            if (!double.IsFinite(content))
                throw new ArgumentException($"trueContents[{b}] = {NumericTable.Format(content)} is not finite.", nameof(trueContents));
            if (content == 0) continue;
            double half = 0.5 * (trueEdgesMeV[b + 1] - trueEdgesMeV[b]), mid = 0.5 * (trueEdgesMeV[b + 1] + trueEdgesMeV[b]);
            for (int i = 0; i < x.Length; i++)
            {
                double e = mid + half * x[i];
                double share = content * 0.5 * w[i];
                double s = SigmaMeV(e);
                double previous = NormalCdf((recoEdgesMeV[0] - e) / s);
                for (int r = 0; r < recoContents.Length; r++)
                {
                    double next = NormalCdf((recoEdgesMeV[r + 1] - e) / s);
                    recoContents[r] += share * (next - previous);
                    previous = next;
                }
            }
        }
    }

    private static void CheckEdges(ReadOnlySpan<double> edges, string name)
    {
        if (edges.Length < 2) throw new ArgumentException($"{name} needs at least two edges; got {edges.Length}.", name);
        for (int i = 0; i < edges.Length; i++)
        {
            if (!double.IsFinite(edges[i])) throw new ArgumentException($"{name}[{i}] = {NumericTable.Format(edges[i])} is not finite.", name);
            if (i > 0 && !(edges[i] > edges[i - 1]))
                throw new ArgumentException($"{name}[{i}] = {NumericTable.Format(edges[i])} does not exceed {name}[{i - 1}] = {NumericTable.Format(edges[i - 1])}.", name);
        }
    }

    /// <summary>Standard normal CDF, Φ(z) = erfc(−z/√2)/2.</summary>
    internal static double NormalCdf(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
