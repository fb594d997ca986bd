using ScottPlot;

namespace NuMM.Examples.CoherentCsI2021;

/// <summary>The 2-D PE × recoil-time distributions of the released events (one picture per window), with the fitted
/// region (0–60 PE, 0–6 µs) outlined.</summary>
public static class Csi2021Plots
{
    /// <summary>Writes <c>stem_C</c> and <c>stem_AC</c> as .png and .svg.</summary>
    /// <param name="release">The events.</param>
    /// <param name="stem">Output path without window suffix and extension.</param>
    public static void Events(Csi2021Release release, string stem)
    {
        foreach (var (window, events, colour) in new[] { ("C", release.Coincidence, "#1f77b4"), ("AC", release.AntiCoincidence, "#d62728") })
        {
            var plot = new Plot();
            plot.Font.Set("DejaVu Sans");
            var points = plot.Add.ScatterPoints(events.Select(e => e.TimeMicroseconds).ToArray(), events.Select(e => e.Pe).ToArray(), Color.FromHex(colour));
            points.MarkerSize = 2.5f;
            points.LegendText = $"{window} events ({events.Count})";
            var region = plot.Add.Rectangle(0, 6, 0, 60);
            region.FillStyle.Color = Colors.Transparent;
            region.LineStyle.Color = Colors.Black;
            region.LineStyle.Width = 1.5f;
            region.LegendText = "fitted region (0–60 PE, 0–6 µs)";
            plot.Title($"CsI 2021 {(window == "C" ? "coincidence" : "anti-coincidence")} window: events in PE × recoil time");
            plot.XLabel("recoil time (µs)");
            plot.YLabel("reconstructed energy (PE)");
            plot.Axes.SetLimits(0, 6.1, 0, 252);
            plot.ShowLegend(Alignment.UpperRight);
            plot.SavePng($"{stem}_{window}.png", 800, 560);
            plot.SaveSvg($"{stem}_{window}.svg", 800, 560);
        }
    }
}
