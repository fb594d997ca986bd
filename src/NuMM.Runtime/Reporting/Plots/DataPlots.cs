using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NuMM.Runtime.Reporting.Plots;

/// <summary>Data against a stacked fitted prediction, with a data/prediction ratio panel underneath. Counts are events per
/// bin (per unit of x when the bins differ in width, and the axis says so); the x axis is in whatever unit the edges are.</summary>
public static class DataPlots
{
    /// <summary>The figure: stacked components, data with √N error bars, and the ratio panel.</summary>
    /// <param name="title">Title.</param>
    /// <param name="xLabel">x label with units.</param>
    /// <param name="edges">Bin edges, in the unit of <paramref name="xLabel"/> (one more than the bins).</param>
    /// <param name="observed">Observed counts per bin (events).</param>
    /// <param name="components">Fitted components (events per bin), bottom of the stack first.</param>
    public static Figure DataAndFit(string title, string xLabel, IReadOnlyList<double> edges, IReadOnlyList<double> observed,
        IReadOnlyList<(string Label, double[] Contents)> components)
    {
        ArgumentNullException.ThrowIfNull(edges); ArgumentNullException.ThrowIfNull(observed); ArgumentNullException.ThrowIfNull(components);
        var widths = edges.Zip(edges.Skip(1), (a, b) => b - a).ToArray();
        bool variable = widths.Any(w => Math.Abs(w - widths[0]) > 1e-9 * Math.Abs(widths[0]));
        string unit = UnitOf(xLabel);
        var figure = new Figure(title, xLabel, variable ? (unit.Length > 0 ? $"events / {unit}" : "events per unit") : "events per bin") { PerUnitWidth = variable };
        figure.AddStack(edges, components.Select(c => (c.Label, (IReadOnlyList<double>)c.Contents)).ToArray());
        figure.AddData("data ± √N", edges, observed);
        var total = new double[observed.Count];
        foreach (var (_, contents) in components)
            for (int b = 0; b < total.Length; b++) total[b] += contents[b];
        return figure.AddRatioPanel("data / fit", edges, observed, total, "data / fit");
    }

    /// <summary>Writes <see cref="DataAndFit"/> as <c>name.png</c> and <c>name.svg</c>.</summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="name">File stem.</param>
    /// <param name="title">Title.</param>
    /// <param name="xLabel">x label with units.</param>
    /// <param name="edges">Bin edges, in the unit of <paramref name="xLabel"/> (one more than the bins).</param>
    /// <param name="observed">Observed counts per bin (events).</param>
    /// <param name="components">Fitted components (events per bin), bottom of the stack first.</param>
    public static void Write(string directory, string name, string title, string xLabel, IReadOnlyList<double> edges,
        IReadOnlyList<double> observed, IReadOnlyList<(string Label, double[] Contents)> components) =>
        DataAndFit(title, xLabel, edges, observed, components).SavePngAndSvg(Path.Combine(directory, name));

    /// <summary>The unit in the trailing parentheses of an axis label ("energy (keV)" → "keV"), or "".</summary>
    private static string UnitOf(string label)
    {
        int open = label.LastIndexOf('('), close = label.LastIndexOf(')');
        return open >= 0 && close > open + 1 && close == label.Length - 1 ? label[(open + 1)..close] : "";
    }
}
