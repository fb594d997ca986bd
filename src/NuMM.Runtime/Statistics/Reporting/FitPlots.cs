using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.Reporting;

/// <summary>Ready-made pictures of fit results: Δχ² curves with the limit level, stacked prediction spectra against data,
/// and 2-parameter confidence contours.</summary>
public static class FitPlots
{
    /// <summary>Δχ² curves of 1-D scans (for example statistics only and with systematics) with a horizontal line at the
    /// critical level and vertical lines at each curve's upper crossing.</summary>
    /// <param name="title">Plot title.</param>
    /// <param name="xLabel">Axis label of the scanned parameter, with units.</param>
    /// <param name="scans">(legend, scan) pairs.</param>
    /// <param name="level">Critical Δχ² (2.706 for 90 % CL by default).</param>
    public static Figure DeltaChi2(string title, string xLabel, IEnumerable<(string Label, ProfileScan Scan)> scans, double? level = null)
    {
        ArgumentNullException.ThrowIfNull(scans);
        double lv = level ?? CriticalValues.UpperLimit(0.9);
        var plot = new Figure(title, xLabel, "Δχ²");
        var list = scans.ToList();
        foreach (var (label, scan) in list)
        {
            if (scan.CountY != 1) throw new ArgumentException($"Scan '{label}' is two-dimensional; use Contours.", nameof(scans));
            plot.AddLine(label, scan.XValues, scan.DeltaChi2);
        }
        plot.AddHorizontalLine($"Δχ² = {lv:0.##}", lv);
        foreach (var (label, scan) in list)
        {
            double up = scan.UpperCrossing(lv);
            if (double.IsFinite(up)) plot.AddVerticalLine("", up, "#999999");
        }
        return plot;
    }

    /// <summary>Each component of the prediction at <paramref name="parameters"/> stacked as filled histograms (first
    /// component at the bottom), with the observed counts as points with √N error bars.</summary>
    /// <param name="title">Title.</param>
    /// <param name="xLabel">Axis label of the binned variable, with units.</param>
    /// <param name="edges">Bin edges (bins + 1 values).</param>
    /// <param name="model">Prediction model.</param>
    /// <param name="parameters">Parameter values (for example the best fit).</param>
    /// <param name="observed">Observed counts, or null.</param>
    public static Figure Spectrum(string title, string xLabel, IReadOnlyList<double> edges, PredictionModel model, ReadOnlySpan<double> parameters,
        IReadOnlyList<double>? observed = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (edges.Count != model.BinCount + 1) throw new ArgumentException($"{edges.Count} edges for {model.BinCount} bins (need bins + 1).", nameof(edges));
        var plot = new Figure(title, xLabel, "events per bin");
        var layers = new List<(string, IReadOnlyList<double>)>();
        foreach (var name in model.ComponentNames) layers.Add((name, model.PredictComponent(name, parameters).ToArray()));
        plot.AddStack(edges, layers);
        if (observed is not null) plot.AddData("data", edges, observed);
        return plot;
    }

    /// <summary>Contour segments of a 2-D scan at Δχ² = <paramref name="level"/> by marching squares with linear
    /// interpolation along cell edges (saddle cells resolved by the cell-centre average). 4.605 is the 90 % CL 2-dof level.</summary>
    /// <param name="scan">A 2-D scan.</param>
    /// <param name="level">Δχ² level.</param>
    public static IReadOnlyList<(double X1, double Y1, double X2, double Y2)> Contour(ProfileScan scan, double level)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.CountY < 2 || scan.CountX < 2) throw new ArgumentException("A contour needs a 2-D scan with at least 2×2 points.", nameof(scan));
        int nx = scan.CountX, ny = scan.CountY;
        double X(int i) => scan.Points[i * ny].X;
        double Y(int j) => scan.Points[j].Y;
        double V(int i, int j) => scan.Points[i * ny + j].DeltaChi2;
        var segments = new List<(double, double, double, double)>();
        for (int i = 0; i + 1 < nx; i++)
            for (int j = 0; j + 1 < ny; j++)
            {
                double v00 = V(i, j), v10 = V(i + 1, j), v11 = V(i + 1, j + 1), v01 = V(i, j + 1);
                // Edges in order: bottom (00→10), right (10→11), top (11→01), left (01→00).
                var pts = new (double x, double y)?[4];
                pts[0] = Cross(X(i), Y(j), v00, X(i + 1), Y(j), v10, level);
                pts[1] = Cross(X(i + 1), Y(j), v10, X(i + 1), Y(j + 1), v11, level);
                pts[2] = Cross(X(i + 1), Y(j + 1), v11, X(i), Y(j + 1), v01, level);
                pts[3] = Cross(X(i), Y(j + 1), v01, X(i), Y(j), v00, level);
                var found = Enumerable.Range(0, 4).Where(k => pts[k] is not null).ToArray();
                if (found.Length == 2) segments.Add(Seg(pts[found[0]]!.Value, pts[found[1]]!.Value));
                else if (found.Length == 4)
                {
                    bool centreAbove = 0.25 * (v00 + v10 + v11 + v01) >= level;
                    if (centreAbove == (v00 >= level)) { segments.Add(Seg(pts[0]!.Value, pts[1]!.Value)); segments.Add(Seg(pts[2]!.Value, pts[3]!.Value)); }
                    else { segments.Add(Seg(pts[3]!.Value, pts[0]!.Value)); segments.Add(Seg(pts[1]!.Value, pts[2]!.Value)); }
                }
            }
        return segments;
    }

    private static (double, double, double, double) Seg((double x, double y) a, (double x, double y) b) => (a.x, a.y, b.x, b.y);

    private static (double, double)? Cross(double x0, double y0, double v0, double x1, double y1, double v1, double level)
    {
        if ((v0 >= level) == (v1 >= level)) return null;
        double t = (level - v0) / (v1 - v0);
        return (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
    }
}
