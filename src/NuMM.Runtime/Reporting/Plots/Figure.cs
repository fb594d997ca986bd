using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace NuMM.Runtime.Reporting.Plots;

/// <summary>A physics figure drawn with ScottPlot and saved as PNG or SVG: step histograms, stacked components,
/// data points with error bars, bands, curves (Δχ²), rules (CL levels), contour segments, and an optional
/// data/prediction ratio panel underneath. Histogram-like series take bin edges; with <see cref="PerUnitWidth"/> their
/// contents are divided by the bin width, so variable-width bins show a density. Legend entries show each series in
/// its own style (dashed lines dashed, markers as markers, fills as fills).</summary>
public sealed class Figure
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
    private readonly List<Action<Plot>> _draw = [];
    private readonly List<string> _labels = [];
    private int _colours;
    private bool _padX; // closed curves (contours) get a margin; histograms and scans end at their data
    private Ratio? _ratio;

    private sealed record Ratio(string Label, double[] Edges, double[] Observed, double[] Predicted, string YLabel);

    /// <summary>Creates an empty figure.</summary>
    /// <param name="title">Title above the frame.</param>
    /// <param name="xLabel">x-axis label, with units.</param>
    /// <param name="yLabel">y-axis label, with units (say "per GeV" when <see cref="PerUnitWidth"/> is set).</param>
    /// <param name="width">Width in pixels, at least 100.</param>
    /// <param name="height">Height in pixels, at least 100.</param>
    public Figure(string title, string xLabel, string yLabel, int width = 720, int height = 480)
    {
        if (width < 100 || height < 100) throw new ArgumentOutOfRangeException(nameof(width), "A figure needs at least 100×100 pixels.");
        Title = title ?? ""; XLabel = xLabel ?? ""; YLabel = yLabel ?? ""; Width = width; Height = height;
    }

    /// <summary>Title.</summary>
    public string Title { get; }
    /// <summary>x-axis label.</summary>
    public string XLabel { get; }
    /// <summary>y-axis label.</summary>
    public string YLabel { get; }
    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels (both panels when there is a ratio panel).</summary>
    public int Height { get; }
    /// <summary>Fixed y range (min, max) of the main panel; automatic when null.</summary>
    public (double Min, double Max)? YRange { get; set; }
    /// <summary>Fixed x range (min, max); automatic when null.</summary>
    public (double Min, double Max)? XRange { get; set; }
    /// <summary>Divide histogram contents (steps, stacks, data, bin bands) by their bin width: events per unit of x.
    /// Applies to series added after it is set.</summary>
    public bool PerUnitWidth { get; set; }

    /// <summary>The legend text of every series in the order added (empty for series without one).</summary>
    public IReadOnlyList<string> Labels => _labels;

    private string NextColour() => Palette[_colours++ % Palette.Length];

    /// <summary>Adds a curve through (x, y), for example a Δχ² scan; non-finite points are dropped.</summary>
    /// <param name="label">Legend text; empty for none.</param>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates, as many as <paramref name="x"/>.</param>
    /// <param name="colour">Colour as #rrggbb; the palette's next when null.</param>
    /// <param name="dashed">Dashed stroke (also in the legend).</param>
    public Figure AddLine(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string? colour = null, bool dashed = false)
    {
        Check(label, x, y, nameof(y));
        var pts = Enumerable.Range(0, x.Count).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        double[] xs = pts.Select(i => x[i]).ToArray(), ys = pts.Select(i => y[i]).ToArray();
        var c = Colour(colour);
        Draw(label, p =>
        {
            var s = p.Add.ScatterLine(xs, ys, c);
            s.LineWidth = 2;
            s.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
            s.LegendText = label;
        });
        return this;
    }

    /// <summary>Adds a step histogram with <paramref name="edges"/>.Count = contents.Count + 1.</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="edges">Bin edges, increasing, in the unit of x.</param>
    /// <param name="contents">Bin contents (events per bin).</param>
    /// <param name="colour">Colour as #rrggbb.</param>
    /// <param name="dashed">Dashed stroke.</param>
    public Figure AddStep(string label, IReadOnlyList<double> edges, IReadOnlyList<double> contents, string? colour = null, bool dashed = false)
    {
        var v = Density(label, edges, contents);
        var (xs, ys) = Steps(edges, v);
        var c = Colour(colour);
        Draw(label, p =>
        {
            var s = p.Add.ScatterLine(xs, ys, c);
            s.LineWidth = 2;
            s.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
            s.LegendText = label;
        });
        return this;
    }

    /// <summary>Adds components stacked on each other as filled histograms, the first at the bottom.</summary>
    /// <param name="edges">Bin edges shared by the components.</param>
    /// <param name="components">(legend, events per bin) of each component, bottom first.</param>
    public Figure AddStack(IReadOnlyList<double> edges, IReadOnlyList<(string Label, IReadOnlyList<double> Contents)> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var below = new double[edges.Count - 1];
        foreach (var (label, contents) in components)
        {
            var v = Density(label, edges, contents);
            var above = below.Zip(v, (a, b) => a + b).ToArray();
            var (xs, lo) = Steps(edges, below);
            var (_, hi) = Steps(edges, above);
            var c = Colour(null);
            Draw(label, p =>
            {
                var f = p.Add.FillY(xs, lo, hi);
                f.FillColor = c.WithAlpha(0.75);
                f.LineColor = c;
                f.LineWidth = 1;
                f.LegendText = label;
            });
            below = above;
        }
        return this;
    }

    /// <summary>Adds data points at the bin centres with vertical error bars (√N when <paramref name="errors"/> is null).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="edges">Bin edges.</param>
    /// <param name="counts">Counts per bin (events).</param>
    /// <param name="errors">Errors per bin (events); √N when null.</param>
    public Figure AddData(string label, IReadOnlyList<double> edges, IReadOnlyList<double> counts, IReadOnlyList<double>? errors = null)
    {
        var v = Density(label, edges, counts);
        var e = Density(label, edges, errors ?? counts.Select(n => Math.Sqrt(Math.Max(0, n))).ToArray());
        double[] xs = Enumerable.Range(0, v.Length).Select(b => 0.5 * (edges[b] + edges[b + 1])).ToArray();
        Draw(label, p =>
        {
            var bars = p.Add.ErrorBar(xs, v, e);
            bars.Color = Colors.Black;
            bars.LineWidth = 1.5f;
            bars.CapSize = 0;
            var s = p.Add.ScatterPoints(xs, v, Colors.Black);
            s.MarkerSize = 6;
            s.MarkerShape = MarkerShape.FilledCircle;
            s.LegendText = label;
        });
        return this;
    }

    /// <summary>Adds a band flat across each bin, from <paramref name="low"/> to <paramref name="high"/> (a ±1σ band).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="edges">Bin edges.</param>
    /// <param name="low">Lower edge per bin (events).</param>
    /// <param name="high">Upper edge per bin (events).</param>
    /// <param name="colour">Colour as #rrggbb (drawn translucent).</param>
    public Figure AddBinBand(string label, IReadOnlyList<double> edges, IReadOnlyList<double> low, IReadOnlyList<double> high, string? colour = null)
    {
        var (xs, lo) = Steps(edges, Density(label, edges, low));
        var (_, hi) = Steps(edges, Density(label, edges, high));
        return AddBandPoints(label, xs, lo, hi, colour);
    }

    /// <summary>Adds a band between two curves sampled at the same abscissae (an expected-limit band).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="x">Abscissae.</param>
    /// <param name="low">Lower curve.</param>
    /// <param name="high">Upper curve.</param>
    /// <param name="colour">Colour as #rrggbb (drawn translucent).</param>
    public Figure AddBand(string label, IReadOnlyList<double> x, IReadOnlyList<double> low, IReadOnlyList<double> high, string? colour = null)
    {
        Check(label, x, low, nameof(low)); Check(label, x, high, nameof(high));
        return AddBandPoints(label, x.ToArray(), low.ToArray(), high.ToArray(), colour);
    }

    private void Draw(string label, Action<Plot> draw)
    {
        _labels.Add(label ?? "");
        _draw.Add(draw);
    }

    private Figure AddBandPoints(string label, double[] xs, double[] lo, double[] hi, string? colour)
    {
        var c = Colour(colour);
        Draw(label, p =>
        {
            var f = p.Add.FillY(xs, lo, hi);
            f.FillColor = c.WithAlpha(0.35);
            f.LineWidth = 0;
            f.LegendText = label;
        });
        return this;
    }

    /// <summary>Adds unconnected segments in data coordinates, for example a confidence contour from marching squares.</summary>
    /// <param name="label">Legend text (shown once).</param>
    /// <param name="segments">The segments.</param>
    /// <param name="colour">Colour as #rrggbb.</param>
    /// <param name="dashed">Dashed stroke.</param>
    public Figure AddSegments(string label, IEnumerable<(double X1, double Y1, double X2, double Y2)> segments, string? colour = null, bool dashed = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var list = segments.ToArray();
        _padX = true;
        var c = Colour(colour);
        Draw(label, p =>
        {
            for (int i = 0; i < list.Length; i++)
            {
                var (x1, y1, x2, y2) = list[i];
                var l = p.Add.Line(x1, y1, x2, y2);
                l.LineColor = c;
                l.LineWidth = 2;
                l.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
                l.MarkerSize = 0;
                l.LegendText = i == 0 ? label : "";
            }
        });
        return this;
    }

    /// <summary>Adds a horizontal rule across the frame, for example Δχ² = 2.71 (dashed by default).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="y">Ordinate.</param>
    /// <param name="colour">Colour as #rrggbb; dark grey when null.</param>
    /// <param name="dashed">Dashed stroke (also in the legend).</param>
    public Figure AddHorizontalLine(string label, double y, string? colour = null, bool dashed = true)
    {
        var c = colour is null ? Color.FromHex("#555555") : Color.FromHex(colour);
        double at = y;
        Draw(label, p =>
        {
            var l = p.Add.HorizontalLine(at, 1.5f, c, dashed ? LinePattern.Dashed : LinePattern.Solid);
            l.LegendText = label;
            l.EnableAutoscale = false;
        });
        return this;
    }

    /// <summary>Adds a vertical rule, for example at a limit (dashed by default).</summary>
    /// <param name="label">Legend text; empty for none.</param>
    /// <param name="x">Abscissa.</param>
    /// <param name="colour">Colour as #rrggbb; dark grey when null.</param>
    /// <param name="dashed">Dashed stroke.</param>
    public Figure AddVerticalLine(string label, double x, string? colour = null, bool dashed = true)
    {
        var c = colour is null ? Color.FromHex("#555555") : Color.FromHex(colour);
        Draw(label, p =>
        {
            var l = p.Add.VerticalLine(x, 1.5f, c, dashed ? LinePattern.Dashed : LinePattern.Solid);
            l.LegendText = label;
            l.EnableAutoscale = false;
        });
        return this;
    }

    /// <summary>Adds a panel under the main one with observed/predicted per bin, √N error bars on the data and a line at 1.</summary>
    /// <param name="label">Legend text of the ratio points.</param>
    /// <param name="edges">Bin edges.</param>
    /// <param name="observed">Observed counts per bin (events).</param>
    /// <param name="predicted">Predicted counts per bin (events); bins with none are left out.</param>
    /// <param name="yLabel">The panel's y label.</param>
    public Figure AddRatioPanel(string label, IReadOnlyList<double> edges, IReadOnlyList<double> observed, IReadOnlyList<double> predicted,
        string yLabel = "data / pred.")
    {
        ArgumentNullException.ThrowIfNull(edges); ArgumentNullException.ThrowIfNull(observed); ArgumentNullException.ThrowIfNull(predicted);
        if (edges.Count != observed.Count + 1 || predicted.Count != observed.Count)
            throw new ArgumentException($"Ratio '{label}': {edges.Count} edges, {observed.Count} observed and {predicted.Count} predicted bins (need bins + 1 edges).", nameof(edges));
        _ratio = new Ratio(label, edges.ToArray(), observed.ToArray(), predicted.ToArray(), yLabel);
        return this;
    }

    /// <summary>Writes the figure; the format follows the extension: .png or .svg.</summary>
    /// <param name="path">Output path.</param>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".png") File.WriteAllBytes(path, ToPng());
        else if (ext == ".svg") File.WriteAllText(path, ToSvg());
        else throw new ArgumentException($"Cannot save a figure as '{path}': use a .png or .svg file name.", nameof(path));
    }

    /// <summary>Writes <c>stem.png</c> and <c>stem.svg</c>.</summary>
    /// <param name="stem">Output path without extension.</param>
    public void SavePngAndSvg(string stem)
    {
        Save(stem + ".png");
        Save(stem + ".svg");
    }

    /// <summary>The figure as a PNG image.</summary>
    public byte[] ToPng()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        Render(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The figure as an SVG document (text as text).</summary>
    public string ToSvg()
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
            Render(canvas);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Render(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);
        // Fixed margins so the main and ratio panels share their x axis pixel for pixel.
        var padding = new PixelPadding(80, 20, _ratio is null ? 55 : 30, 45);
        var main = NewPlot(Title, _ratio is null ? XLabel : "", YLabel, padding);
        foreach (var draw in _draw) draw(main);
        main.Axes.Margins(0, 0); // histograms end at their outer edges
        main.Axes.AutoScale();
        var limits = main.Axes.GetLimits();
        double pad = _padX ? 0.05 * (limits.Right - limits.Left) : 0;
        double x0 = XRange?.Min ?? limits.Left - pad, x1 = XRange?.Max ?? limits.Right + pad;
        // Counts start at zero; anything reaching below zero gets a small margin; the headroom above keeps the legend
        // off the data.
        double bottom = limits.Bottom >= 0 ? 0 : limits.Bottom, range = Math.Max(limits.Top - bottom, 1e-300);
        double y0 = YRange?.Min ?? (bottom < 0 ? bottom - 0.05 * range : 0), y1 = YRange?.Max ?? limits.Top + 0.3 * range;
        main.Axes.SetLimits(x0, x1, y0, y1);
        if (main.GetPlottables().Any(p => p is IHasLegendText t && !string.IsNullOrEmpty(t.LegendText)))
        {
            main.ShowLegend(Alignment.UpperRight);
            main.Legend.FontSize = 12;
            main.Legend.ShadowColor = Colors.Transparent;
            main.Legend.SymbolWidth = 36; // long enough to show a dash pattern as dashes
        }
        if (_ratio is null)
        {
            main.Render(canvas, new PixelRect(0, Width, Height, 0));
            return;
        }
        int split = (int)Math.Round(0.7 * Height);
        RenderClipped(canvas, main, new PixelRect(0, Width, split, 0));
        var ratio = NewPlot("", XLabel, _ratio.YLabel, new PixelPadding(80, 20, 50, 8));
        var keep = Enumerable.Range(0, _ratio.Observed.Length).Where(b => _ratio.Predicted[b] > 0).ToArray();
        double[] xs = keep.Select(b => 0.5 * (_ratio.Edges[b] + _ratio.Edges[b + 1])).ToArray();
        double[] r = keep.Select(b => _ratio.Observed[b] / _ratio.Predicted[b]).ToArray();
        double[] e = keep.Select(b => Math.Sqrt(Math.Max(0, _ratio.Observed[b])) / _ratio.Predicted[b]).ToArray();
        ratio.Add.HorizontalLine(1, 1.5f, Color.FromHex("#555555"), LinePattern.Dashed);
        var bars = ratio.Add.ErrorBar(xs, r, e);
        bars.Color = Colors.Black; bars.LineWidth = 1.5f; bars.CapSize = 0;
        var pts = ratio.Add.ScatterPoints(xs, r, Colors.Black);
        pts.MarkerSize = 5;
        double spread = Math.Max(0.25, r.Zip(e, (v, d) => Math.Abs(v - 1) + d).DefaultIfEmpty(0).Max() * 1.1);
        ratio.Axes.SetLimits(x0, x1, Math.Max(0, 1 - spread), 1 + Math.Min(spread, 2));
        RenderClipped(canvas, ratio, new PixelRect(0, Width, Height, split));
    }

    // A plot clears everything it may draw on, so each panel is drawn inside its own clip.
    private static void RenderClipped(SKCanvas canvas, Plot plot, PixelRect rect)
    {
        canvas.Save();
        canvas.ClipRect(new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom));
        plot.Render(canvas, rect);
        canvas.Restore();
    }

    // The first installed sans-serif family; ScottPlot's own default falls back to a serif font on some Linux systems.
    private static readonly string SansFamily =
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans" }.FirstOrDefault(f => SKFontManager.Default.MatchFamily(f) is { } t && t.FamilyName == f) ?? Fonts.Default;

    private static Plot NewPlot(string title, string xLabel, string yLabel, PixelPadding padding)
    {
        var p = new Plot();
        p.Font.Set(SansFamily);
        if (!string.IsNullOrEmpty(title)) p.Title(title, 15);
        p.XLabel(xLabel, 13);
        p.YLabel(yLabel, 13);
        p.Layout.Fixed(padding);
        p.Grid.MajorLineColor = Color.FromHex("#e6e6e6");
        return p;
    }

    private Color Colour(string? colour) => Color.FromHex(colour ?? NextColour());

    private double[] Density(string label, IReadOnlyList<double> edges, IReadOnlyList<double> contents)
    {
        ArgumentNullException.ThrowIfNull(edges); ArgumentNullException.ThrowIfNull(contents);
        if (edges.Count != contents.Count + 1) throw new ArgumentException($"Series '{label}': {edges.Count} edges for {contents.Count} bins (need bins + 1).", nameof(edges));
        var v = new double[contents.Count];
        for (int b = 0; b < v.Length; b++)
        {
            double w = edges[b + 1] - edges[b];
            if (!(w > 0)) throw new ArgumentException($"Series '{label}': bin {b} has edges {edges[b]} and {edges[b + 1]}; edges must increase.", nameof(edges));
            v[b] = PerUnitWidth ? contents[b] / w : contents[b];
        }
        return v;
    }

    /// <summary>A histogram as the corners of its outline: each bin contributes its two edges at its height.</summary>
    private static (double[] X, double[] Y) Steps(IReadOnlyList<double> edges, IReadOnlyList<double> v)
    {
        var x = new double[2 * v.Count]; var y = new double[2 * v.Count];
        for (int b = 0; b < v.Count; b++)
        {
            x[2 * b] = edges[b]; x[2 * b + 1] = edges[b + 1];
            y[2 * b] = y[2 * b + 1] = v[b];
        }
        return (x, y);
    }

    private static void Check(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string name)
    {
        ArgumentNullException.ThrowIfNull(x); ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Series '{label}': {x.Count} x values but {y.Count} y values.", name);
    }
}
