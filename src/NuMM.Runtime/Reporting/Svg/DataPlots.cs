using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NuMM.Runtime.Reporting.Svg;

/// <summary>Data against a stacked fitted prediction, with a second picture of the residuals (data − fit)/√fit. Counts are
/// events per bin; the x axis is in whatever unit the edges are.</summary>
public static class DataPlots
{
    /// <summary>Writes <c>name.svg</c> (stacked components and data with √N error bars) and <c>name_residuals.svg</c>.</summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="name">File stem.</param>
    /// <param name="title">Title.</param>
    /// <param name="xLabel">x label with units.</param>
    /// <param name="edges">Bin edges, in the unit of <paramref name="xLabel"/> (one more than the bins).</param>
    /// <param name="observed">Observed counts per bin (events).</param>
    /// <param name="components">Fitted components (events per bin), bottom of the stack first.</param>
    public static void Write(string directory, string name, string title, string xLabel, IReadOnlyList<double> edges,
        IReadOnlyList<double> observed, IReadOnlyList<(string Label, double[] Contents)> components)
    {
        int n = observed.Count;
        var plot = new SvgPlot(title, xLabel, "events per bin");
        var stacked = new List<(string, double[])>();
        var sum = new double[n];
        foreach (var (label, contents) in components)
        {
            for (int b = 0; b < n; b++) sum[b] += contents[b];
            stacked.Add((label, (double[])sum.Clone()));
        }
        for (int i = stacked.Count - 1; i >= 0; i--)
            plot.AddStep(i == stacked.Count - 1 ? $"total (top: {stacked[i].Item1})" : $"+ {stacked[i].Item1}", edges, stacked[i].Item2);
        plot.AddSegments("data ± √N", ErrorBars(edges, observed, b => observed[b], b => Math.Sqrt(observed[b])), "#000000");
        plot.YRange = (0, Math.Max(observed.Max() + Math.Sqrt(observed.Max()), sum.Max()) * 1.15);
        plot.Save(Path.Combine(directory, name + ".svg"));

        var residual = new SvgPlot(title + ": residuals", xLabel, "(data − fit) / √fit");
        residual.AddSegments("data", ErrorBars(edges, observed, b => sum[b] > 0 ? (observed[b] - sum[b]) / Math.Sqrt(sum[b]) : 0,
            b => sum[b] > 0 ? Math.Sqrt(observed[b]) / Math.Sqrt(sum[b]) : 0), "#000000");
        residual.AddHorizontalLine("0", 0, "#999999");
        residual.YRange = (-4, 4);
        residual.Save(Path.Combine(directory, name + "_residuals.svg"));
    }

    private static IEnumerable<(double, double, double, double)> ErrorBars(IReadOnlyList<double> edges, IReadOnlyList<double> observed,
        Func<int, double> value, Func<int, double> error)
    {
        for (int b = 0; b < observed.Count; b++)
        {
            double x = 0.5 * (edges[b] + edges[b + 1]), w = 0.15 * (edges[b + 1] - edges[b]), y = value(b), e = error(b);
            yield return (x, y - e, x, y + e);
            yield return (x - w, y, x + w, y);
        }
    }
}
