using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace NuMM.Runtime.Reporting.Svg;

/// <summary>A small dependency-free SVG plot writer for Δχ² curves, spectra (step histograms) and bands
/// (for example the ±1σ/±2σ expected-limit band). Axes get "nice" ticks; output is deterministic text
/// (invariant culture, fixed decimals) so a plot can be stored and diffed.</summary>
public sealed class SvgPlot
{
    private abstract record Series(string Label, string Colour);
    private sealed record LineSeries(string Label, string Colour, double[] X, double[] Y, bool Dashed) : Series(Label, Colour);
    private sealed record StepSeries(string Label, string Colour, double[] Edges, double[] Contents) : Series(Label, Colour);
    private sealed record BandSeries(string Label, string Colour, double[] X, double[] Low, double[] High) : Series(Label, Colour);
    private sealed record RuleSeries(string Label, string Colour, double Value, bool Horizontal) : Series(Label, Colour);

    private readonly List<Series> _series = [];
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>Creates an empty plot.</summary>
    /// <param name="title">Title above the frame.</param>
    /// <param name="xLabel">x-axis label, with units.</param>
    /// <param name="yLabel">y-axis label, with units.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public SvgPlot(string title, string xLabel, string yLabel, int width = 640, int height = 420)
    {
        if (width < 100 || height < 100) throw new ArgumentOutOfRangeException(nameof(width), "A plot needs at least 100×100 pixels.");
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
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>Optional fixed y range (min, max); automatic when null.</summary>
    public (double Min, double Max)? YRange { get; set; }
    /// <summary>Optional fixed x range (min, max); automatic when null.</summary>
    public (double Min, double Max)? XRange { get; set; }

    private string NextColour() => Palette[_series.Count % Palette.Length];

    /// <summary>Adds a polyline through (x, y) (a Δχ² curve).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates (same length; non-finite points break the line).</param>
    /// <param name="colour">CSS colour, palette if null.</param>
    /// <param name="dashed">Dashed stroke.</param>
    public SvgPlot AddLine(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string? colour = null, bool dashed = false)
    {
        Check(label, x, y, nameof(y));
        _series.Add(new LineSeries(label, colour ?? NextColour(), x.ToArray(), y.ToArray(), dashed));
        return this;
    }

    /// <summary>Adds a step histogram (a spectrum) with <paramref name="edges"/>.Count = contents.Count + 1.</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="edges">Bin edges, increasing.</param>
    /// <param name="contents">Bin contents.</param>
    /// <param name="colour">CSS colour.</param>
    public SvgPlot AddStep(string label, IReadOnlyList<double> edges, IReadOnlyList<double> contents, string? colour = null)
    {
        ArgumentNullException.ThrowIfNull(edges); ArgumentNullException.ThrowIfNull(contents);
        if (edges.Count != contents.Count + 1) throw new ArgumentException($"Series '{label}': {edges.Count} edges for {contents.Count} bins (need bins + 1).", nameof(edges));
        _series.Add(new StepSeries(label, colour ?? NextColour(), edges.ToArray(), contents.ToArray()));
        return this;
    }

    /// <summary>Adds a filled band between <paramref name="low"/> and <paramref name="high"/>.</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="x">Abscissae.</param>
    /// <param name="low">Lower edge.</param>
    /// <param name="high">Upper edge.</param>
    /// <param name="colour">CSS colour (drawn at 35 % opacity).</param>
    public SvgPlot AddBand(string label, IReadOnlyList<double> x, IReadOnlyList<double> low, IReadOnlyList<double> high, string? colour = null)
    {
        Check(label, x, low, nameof(low)); Check(label, x, high, nameof(high));
        _series.Add(new BandSeries(label, colour ?? NextColour(), x.ToArray(), low.ToArray(), high.ToArray()));
        return this;
    }

    /// <summary>Adds a horizontal rule (for example Δχ² = 2.71).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="y">Ordinate.</param>
    /// <param name="colour">CSS colour.</param>
    public SvgPlot AddHorizontalLine(string label, double y, string? colour = null)
    {
        _series.Add(new RuleSeries(label, colour ?? "#555555", y, true));
        return this;
    }

    /// <summary>Adds a vertical rule (for example a limit).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="x">Abscissa.</param>
    /// <param name="colour">CSS colour.</param>
    public SvgPlot AddVerticalLine(string label, double x, string? colour = null)
    {
        _series.Add(new RuleSeries(label, colour ?? "#555555", x, false));
        return this;
    }

    private static void Check(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string name)
    {
        ArgumentNullException.ThrowIfNull(x); ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Series '{label}': {x.Count} x values but {y.Count} y values.", name);
    }

    /// <summary>Writes the SVG document to a file.</summary>
    /// <param name="path">Output path.</param>
    public void Save(string path) => File.WriteAllText(path, ToSvg(), new UTF8Encoding(false));

    /// <summary>The SVG document.</summary>
    public string ToSvg()
    {
        const double left = 70, right = 20, top = 40, bottom = 55;
        double pw = Width - left - right, ph = Height - top - bottom;
        var (x0, x1) = XRange ?? Range(AllX());
        var (y0, y1) = YRange ?? Range(AllY(), includeZero: true);
        var xt = Ticks(x0, x1); var yt = Ticks(y0, y1);
        if (XRange is null) { x0 = Math.Min(x0, xt[0]); x1 = Math.Max(x1, xt[^1]); }
        if (YRange is null) { y0 = Math.Min(y0, yt[0]); y1 = Math.Max(y1, yt[^1]); }
        double Sx(double x) => left + (x - x0) / (x1 - x0) * pw;
        double Sy(double y) => top + ph - (y - y0) / (y1 - y0) * ph;

        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        sb.Append($"<text x=\"{N(Width / 2.0)}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Esc(Title)}</text>\n");
        sb.Append($"<defs><clipPath id=\"frame\"><rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(pw)}\" height=\"{N(ph)}\"/></clipPath></defs>\n");
        foreach (var t in xt.Where(t => t >= x0 && t <= x1))
            sb.Append($"<line x1=\"{N(Sx(t))}\" y1=\"{N(top + ph)}\" x2=\"{N(Sx(t))}\" y2=\"{N(top + ph + 5)}\" stroke=\"black\"/><text x=\"{N(Sx(t))}\" y=\"{N(top + ph + 18)}\" text-anchor=\"middle\">{Tick(t)}</text>\n");
        foreach (var t in yt.Where(t => t >= y0 && t <= y1))
            sb.Append($"<line x1=\"{N(left - 5)}\" y1=\"{N(Sy(t))}\" x2=\"{N(left)}\" y2=\"{N(Sy(t))}\" stroke=\"black\"/><text x=\"{N(left - 8)}\" y=\"{N(Sy(t) + 4)}\" text-anchor=\"end\">{Tick(t)}</text>\n");
        sb.Append($"<text x=\"{N(left + pw / 2)}\" y=\"{N(Height - 12.0)}\" text-anchor=\"middle\">{Esc(XLabel)}</text>\n");
        sb.Append($"<text x=\"16\" y=\"{N(top + ph / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {N(top + ph / 2)})\">{Esc(YLabel)}</text>\n");
        sb.Append("<g clip-path=\"url(#frame)\">\n");
        foreach (var s in _series)
        {
            switch (s)
            {
                case BandSeries b:
                    {
                        var pts = new List<string>();
                        for (int i = 0; i < b.X.Length; i++) if (double.IsFinite(b.High[i])) pts.Add(P(Sx(b.X[i]), Sy(b.High[i])));
                        for (int i = b.X.Length - 1; i >= 0; i--) if (double.IsFinite(b.Low[i])) pts.Add(P(Sx(b.X[i]), Sy(b.Low[i])));
                        sb.Append($"<polygon points=\"{string.Join(" ", pts)}\" fill=\"{b.Colour}\" fill-opacity=\"0.35\" stroke=\"none\"/>\n");
                        break;
                    }
                case LineSeries l:
                    foreach (var run in Runs(l.X, l.Y))
                        sb.Append($"<polyline points=\"{string.Join(" ", run.Select(p => P(Sx(p.x), Sy(p.y))))}\" fill=\"none\" stroke=\"{l.Colour}\" stroke-width=\"2\"{(l.Dashed ? " stroke-dasharray=\"6 4\"" : "")}/>\n");
                    break;
                case StepSeries st:
                    {
                        var pts = new List<string> { P(Sx(st.Edges[0]), Sy(Math.Max(y0, 0))) };
                        for (int i = 0; i < st.Contents.Length; i++)
                        {
                            pts.Add(P(Sx(st.Edges[i]), Sy(st.Contents[i])));
                            pts.Add(P(Sx(st.Edges[i + 1]), Sy(st.Contents[i])));
                        }
                        pts.Add(P(Sx(st.Edges[^1]), Sy(Math.Max(y0, 0))));
                        sb.Append($"<polyline points=\"{string.Join(" ", pts)}\" fill=\"none\" stroke=\"{st.Colour}\" stroke-width=\"2\"/>\n");
                        break;
                    }
                case RuleSeries r:
                    if (r.Horizontal) sb.Append($"<line x1=\"{N(left)}\" y1=\"{N(Sy(r.Value))}\" x2=\"{N(left + pw)}\" y2=\"{N(Sy(r.Value))}\" stroke=\"{r.Colour}\" stroke-dasharray=\"4 3\"/>\n");
                    else sb.Append($"<line x1=\"{N(Sx(r.Value))}\" y1=\"{N(top)}\" x2=\"{N(Sx(r.Value))}\" y2=\"{N(top + ph)}\" stroke=\"{r.Colour}\" stroke-dasharray=\"4 3\"/>\n");
                    break;
            }
        }
        sb.Append("</g>\n");
        sb.Append($"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(pw)}\" height=\"{N(ph)}\" fill=\"none\" stroke=\"black\"/>\n");
        double ly = top + 16;
        foreach (var s in _series.Where(s => s.Label.Length > 0))
        {
            double lx = left + pw - 170;
            sb.Append($"<line x1=\"{N(lx)}\" y1=\"{N(ly - 4)}\" x2=\"{N(lx + 24)}\" y2=\"{N(ly - 4)}\" stroke=\"{s.Colour}\" stroke-width=\"{(s is BandSeries ? 8 : 2)}\"{(s is BandSeries ? " stroke-opacity=\"0.35\"" : "")}/>");
            sb.Append($"<text x=\"{N(lx + 30)}\" y=\"{N(ly)}\">{Esc(s.Label)}</text>\n");
            ly += 16;
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private IEnumerable<double> AllX() => _series.SelectMany(s => s switch
    {
        LineSeries l => l.X.AsEnumerable(),
        StepSeries st => st.Edges,
        BandSeries b => b.X,
        RuleSeries { Horizontal: false } r => [r.Value],
        _ => [],
    });

    private IEnumerable<double> AllY() => _series.SelectMany(s => s switch
    {
        LineSeries l => l.Y.AsEnumerable(),
        StepSeries st => st.Contents,
        BandSeries b => b.Low.Concat(b.High),
        RuleSeries { Horizontal: true } r => [r.Value],
        _ => [],
    });

    private static (double, double) Range(IEnumerable<double> values, bool includeZero = false)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return (0, 1);
        double lo = v.Min(), hi = v.Max();
        if (includeZero && lo > 0 && lo < 0.5 * hi) lo = 0;
        if (hi == lo) { lo -= 0.5; hi += 0.5; }
        return (lo, hi);
    }

    private static double[] Ticks(double lo, double hi)
    {
        double span = hi - lo, raw = span / 6, mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        double start = Math.Floor(lo / step) * step;
        var ticks = new List<double>();
        for (double t = start; t <= hi + step * 0.5 && ticks.Count < 20; t += step) ticks.Add(Math.Round(t / step) * step);
        if (ticks[^1] < hi) ticks.Add(ticks[^1] + step);
        return ticks.ToArray();
    }

    private static IEnumerable<List<(double x, double y)>> Runs(double[] x, double[] y)
    {
        var run = new List<(double, double)>();
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i])) run.Add((x[i], y[i]));
            else if (run.Count > 0) { yield return run; run = []; }
        }
        if (run.Count > 0) yield return run;
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string P(double x, double y) => N(x) + "," + N(y);
    private static string Tick(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    private static string Esc(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
