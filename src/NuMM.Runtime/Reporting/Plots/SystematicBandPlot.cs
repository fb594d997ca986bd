using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Systematics;

namespace NuMM.Runtime.Reporting.Plots;

/// <summary>Plots of shifted spectra (the technote's section 3.5 "plots of energy showing shifts for signal and backgrounds
/// separately"): the nominal spectrum of a 1-D histogram with a ±1σ band, per systematic or all together. Bands are per bin:
/// for a shift, knob or sample systematic the envelope of the nominal and its −1σ and +1σ spectra (samples scaled to the
/// nominal exposure); for universes the nominal ± the universes' standard deviation (about their mean, N − 1). The total
/// band adds each systematic's upward and downward excursions in quadrature. Events per bin at the result's exposure; the
/// figures draw variable-width bins per unit of x (events / GeV, say) and say so on the axis.</summary>
public static class SystematicBandPlot
{
    /// <summary>The ±1σ band of one systematic per regular bin of <paramref name="histogram"/> (events per bin).</summary>
    /// <param name="result">A result with variations.</param>
    /// <param name="histogram">A 1-D histogram.</param>
    /// <param name="systematic">The systematic.</param>
    /// <returns>The nominal, the lower and the upper edge of the band per bin.</returns>
    /// <exception cref="ArgumentException">A σ-point systematic has neither a −1σ nor a +1σ point.</exception>
    public static (double[] Nominal, double[] Low, double[] High) Band(AnalysisResult result, string histogram, string systematic)
    {
        ArgumentNullException.ThrowIfNull(result);
        var nominal = UniverseSpread.RegularBins(result.Histogram1D(histogram));
        var vs = result.VariationsOf(systematic);
        var low = (double[])nominal.Clone();
        var high = (double[])nominal.Clone();
        if (vs[0].Kind == VariationKind.Universe)
        {
            var sd = UniverseSpread.Of(result, systematic, histogram).StandardDeviation;
            for (int b = 0; b < nominal.Length; b++) { low[b] -= sd[b]; high[b] += sd[b]; }
            return (nominal, low, high);
        }
        int found = 0;
        foreach (var v in vs)
        {
            if (v.Sigma != 1 && v.Sigma != -1) continue;
            found++;
            double f = SystematicPrediction.Factor(v.Exposure, result.Exposure, $"Systematic '{systematic}', variation '{v.Label}'");
            var shifted = UniverseSpread.RegularBins(v.Result.Histogram1D(histogram));
            for (int b = 0; b < nominal.Length; b++)
            {
                double x = shifted[b] * f;
                low[b] = Math.Min(low[b], x);
                high[b] = Math.Max(high[b], x);
            }
        }
        if (found == 0)
            throw new ArgumentException($"Systematic '{systematic}' has no ±1σ point; it has σ = [{string.Join(", ", vs.Select(v => v.Sigma))}].", nameof(systematic));
        return (nominal, low, high);
    }

    /// <summary>The total band of several systematics per bin: nominal − √Σ(downward excursions²) to nominal + √Σ(upward excursions²).</summary>
    /// <param name="result">A result with variations.</param>
    /// <param name="histogram">A 1-D histogram.</param>
    /// <param name="systematics">The systematics; null for all of them.</param>
    public static (double[] Nominal, double[] Low, double[] High) TotalBand(AnalysisResult result, string histogram, IEnumerable<string>? systematics = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var nominal = UniverseSpread.RegularBins(result.Histogram1D(histogram));
        var up2 = new double[nominal.Length];
        var down2 = new double[nominal.Length];
        foreach (var s in systematics ?? result.Systematics)
        {
            var (_, lo, hi) = Band(result, histogram, s);
            for (int b = 0; b < nominal.Length; b++)
            {
                up2[b] += (hi[b] - nominal[b]) * (hi[b] - nominal[b]);
                down2[b] += (nominal[b] - lo[b]) * (nominal[b] - lo[b]);
            }
        }
        var low = new double[nominal.Length];
        var high = new double[nominal.Length];
        for (int b = 0; b < nominal.Length; b++) { low[b] = nominal[b] - Math.Sqrt(down2[b]); high[b] = nominal[b] + Math.Sqrt(up2[b]); }
        return (nominal, low, high);
    }

    /// <summary>The nominal spectrum with the ±1σ band of one systematic and, for a σ-point systematic, its −1σ and +1σ spectra.</summary>
    /// <param name="result">A result with variations.</param>
    /// <param name="histogram">A 1-D histogram.</param>
    /// <param name="systematic">The systematic.</param>
    /// <param name="title">The plot title; "histogram: systematic" when null.</param>
    public static Figure ShiftedSpectrum(AnalysisResult result, string histogram, string systematic, string? title = null)
    {
        var (nominal, low, high) = Band(result, histogram, systematic);
        var h = result.Histogram1D(histogram);
        var plot = NewPlot(h, title ?? $"{histogram}: {systematic}");
        var edges = Edges(h.Axis);
        plot.AddBinBand($"{systematic} ±1σ", edges, low, high, "#1f77b4");
        var vs = result.VariationsOf(systematic);
        if (vs[0].Kind != VariationKind.Universe)
        {
            foreach (var v in vs.Where(v => v.Sigma == 1 || v.Sigma == -1))
            {
                double f = SystematicPrediction.Factor(v.Exposure, result.Exposure, v.Label);
                var shifted = UniverseSpread.RegularBins(v.Result.Histogram1D(histogram)).Select(x => x * f).ToArray();
                plot.AddStep(v.Sigma > 0 ? $"{systematic} +1σ" : $"{systematic} −1σ", edges, shifted, v.Sigma > 0 ? "#d62728" : "#2ca02c");
            }
        }
        plot.AddStep("nominal", edges, nominal, "#000000");
        return plot;
    }

    /// <summary>The nominal spectrum with the total band of several systematics (quadrature, see <see cref="TotalBand"/>).</summary>
    /// <param name="result">A result with variations.</param>
    /// <param name="histogram">A 1-D histogram.</param>
    /// <param name="systematics">The systematics; null for all of them.</param>
    /// <param name="title">The plot title.</param>
    public static Figure TotalSpectrum(AnalysisResult result, string histogram, IEnumerable<string>? systematics = null, string? title = null)
    {
        var list = (systematics ?? result.Systematics).ToArray();
        var (nominal, low, high) = TotalBand(result, histogram, list);
        var h = result.Histogram1D(histogram);
        var plot = NewPlot(h, title ?? $"{histogram}: total systematic band");
        var edges = Edges(h.Axis);
        plot.AddBinBand(list.Length == 1 ? $"{list[0]} ±1σ" : $"total ±1σ ({list.Length} systematics)", edges, low, high, "#ff7f0e");
        plot.AddStep("nominal", edges, nominal, "#000000");
        return plot;
    }

    private static Figure NewPlot(Histograms.Histogram1D h, string title)
    {
        string x = string.IsNullOrEmpty(h.Axis.Unit) ? h.Axis.Label : $"{h.Axis.Label} ({h.Axis.Unit})";
        // Variable-width bins are drawn as densities so a wide bin does not look like a peak.
        bool variable = h.Axis is Histograms.VariableAxis;
        string perUnit = string.IsNullOrEmpty(h.Axis.Unit) ? "events per unit" : $"events / {h.Axis.Unit}";
        return new Figure(title, string.IsNullOrEmpty(x) ? h.Name : x, variable ? perUnit : "events per bin") { PerUnitWidth = variable };
    }

    private static double[] Edges(Histograms.IAxis axis)
    {
        var e = new double[axis.Count + 1];
        for (int b = 0; b < axis.Count; b++) e[b] = axis.Lower(b);
        e[axis.Count] = axis.Upper(axis.Count - 1);
        return e;
    }
}
