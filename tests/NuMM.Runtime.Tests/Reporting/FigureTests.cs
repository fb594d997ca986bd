using System.Xml.Linq;
using NuMM.Runtime.Reporting.Plots;

namespace NuMM.Runtime.Tests.Reporting;

/// <summary>Each kind of figure renders to a PNG of the requested size and to well-formed SVG with its legend text. Set
/// NUMM_FIGURE_DIR to a folder to keep the pictures for looking at.</summary>
public class FigureTests
{
    private static readonly double[] Edges = Enumerable.Range(0, 21).Select(i => 10.0 * i).ToArray();
    private static readonly double[] Background = Edges[..^1].Select(x => 40 * Math.Exp(-x / 60)).ToArray();
    private static readonly double[] Signal = Edges[..^1].Select(x => 25 * Math.Exp(-0.5 * Math.Pow((x - 90) / 15, 2))).ToArray();
    // Fixed "observed" counts near the sum, so the test does not depend on a random generator.
    private static readonly double[] Observed = Background.Zip(Signal, (b, s) => Math.Round(b + s + 3 * Math.Sin(b + s))).ToArray();

    public static TheoryData<string> Kinds => new() { "stack-ratio", "variable-width", "delta-chi2", "contour", "band" };

    private static Figure Make(string kind) => kind switch
    {
        "stack-ratio" => new Figure("Stacked prediction and data", "E (keV)", "events per bin")
            .AddStack(Edges, [("background", Background), ("signal", Signal)])
            .AddData("data", Edges, Observed)
            .AddRatioPanel("data / prediction", Edges, Observed, Background.Zip(Signal, (b, s) => b + s).ToArray()),
        "variable-width" => VariableWidth(),
        "delta-chi2" => new Figure("Profile Δχ²", "μ (10⁻¹⁰ μ_B)", "Δχ²")
            .AddLine("statistics only", Grid(), Grid().Select(m => m * m / 4).ToArray(), dashed: true)
            .AddLine("with systematics", Grid(), Grid().Select(m => m * m / 6).ToArray())
            .AddHorizontalLine("90% CL (Δχ² = 2.71)", 2.71)
            .AddVerticalLine("", Math.Sqrt(2.71 * 6)),
        "contour" => new Figure("90% CL contour (2 dof)", "μ_νe (10⁻¹⁰ μ_B)", "μ_νμ (10⁻¹⁰ μ_B)")
            .AddSegments("Δχ² = 4.61", Ellipse(1.0, 0.5, 4.61))
            .AddSegments("Δχ² = 2.30", Ellipse(1.0, 0.5, 2.30), dashed: true),
        "band" => new Figure("Shifted spectrum", "E (keV)", "events per bin")
            .AddBinBand("energy scale ±1σ", Edges, Background.Select(b => 0.9 * b).ToArray(), Background.Select(b => 1.1 * b).ToArray())
            .AddStep("energy scale +1σ", Edges, Background.Select(b => 1.1 * b).ToArray(), "#d62728")
            .AddStep("energy scale −1σ", Edges, Background.Select(b => 0.9 * b).ToArray(), "#2ca02c")
            .AddStep("nominal", Edges, Background, "#000000"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static double[] Grid() => Enumerable.Range(0, 41).Select(i => 0.2 * i).ToArray();

    private static Figure VariableWidth()
    {
        double[] edges = [0, 1, 2, 3, 5, 8, 12, 20];
        double[] counts = [50, 45, 38, 60, 55, 40, 30];
        var f = new Figure("Variable-width bins per unit width", "E (GeV)", "events / GeV") { PerUnitWidth = true };
        return f.AddStack(edges, [("ν-on-e", counts.Select(c => 0.6 * c).ToArray()), ("ν_e CC", counts.Select(c => 0.4 * c).ToArray())])
            .AddData("data", edges, counts);
    }

    private static IEnumerable<(double, double, double, double)> Ellipse(double a, double b, double level)
    {
        // Δχ² = (x/a)² + (y/b)² crosses `level` on an ellipse of half-axes a√level, b√level.
        const int n = 72;
        for (int i = 0; i < n; i++)
        {
            double t0 = 2 * Math.PI * i / n, t1 = 2 * Math.PI * (i + 1) / n, r = Math.Sqrt(level);
            yield return (a * r * Math.Cos(t0), b * r * Math.Sin(t0), a * r * Math.Cos(t1), b * r * Math.Sin(t1));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Figure_EveryKind_RendersPngOfItsSizeAndSvgWithItsLegend(string kind)
    {
        var figure = Make(kind);
        byte[] png = figure.ToPng();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(figure.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(figure.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        var svg = XDocument.Parse(figure.ToSvg());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        string text = string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains(figure.Title, text);

        string? dir = Environment.GetEnvironmentVariable("NUMM_FIGURE_DIR");
        if (!string.IsNullOrEmpty(dir)) figure.SavePngAndSvg(Path.Combine(dir, kind));
    }

    [Fact]
    public void AddStep_EdgesNotOneMoreThanBins_ThrowsNamingSeries()
    {
        var e = Assert.Throws<ArgumentException>(() => new Figure("t", "x", "y").AddStep("nominal", [0.0, 1.0], [1.0, 2.0]));
        Assert.Contains("'nominal'", e.Message);
    }

    [Fact]
    public void Save_UnknownExtension_Throws() =>
        Assert.Throws<ArgumentException>(() => new Figure("t", "x", "y").Save(Path.Combine(Path.GetTempPath(), "figure.pdf")));
}
