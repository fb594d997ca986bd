using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Reporting.Tables;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Reporting;

public class SystematicsTableTests
{
    private const long Events = 6000;

    private static DelegateBatchSource<DynamicColumnBatch> Shifted(double scale, long events) =>
        new(events, (b, row, i) => { TestKernel.Write(b, row, i); b.Column<double>(0)[row] *= 1 + scale; });

    /// <summary>The varied test analysis at 1e20 POT, with a calibration-shifted sample of half the size at 5e19 POT per σ point.</summary>
    private static AnalysisResult Run() =>
        AnalysisRunner.Run(new VariedTestKernel(), TestKernel.Source(Events).WithExposure(Exposure.Pot(1e20)),
            [new SampleVariation<DynamicColumnBatch>("calib", -1, Shifted(-0.04, Events / 2).WithExposure(Exposure.Pot(5e19))),
             new SampleVariation<DynamicColumnBatch>("calib", 1, Shifted(0.04, Events / 2).WithExposure(Exposure.Pot(5e19)))],
            () => TestKernel.NewBatch(1000), new RunOptions { MaxThreads = 2 });

    /// <summary>Hand loop: the selected weighted count with x scaled, weight mapped, over the first <paramref name="events"/> events.</summary>
    private static double Selected(long events, Func<double, double> x, Func<double, float, long, double> w)
    {
        var b = TestKernel.NewBatch(1);
        double sum = 0;
        for (long i = 0; i < events; i++)
        {
            TestKernel.Write(b, 0, i);
            double xi = x(b.Column<double>(0)[0]);
            float yi = b.Column<float>(1)[0];
            if (xi > 0.1 && yi < 0.8f && xi < 0.9) sum += w(b.Column<double>(2)[0], yi, i);
        }
        return sum;
    }

    [Fact]
    public void Table_RelativeChanges_MatchAHandLoop()
    {
        var r = Run();
        var table = new SystematicsTable([new SystematicsTableComponent("test", r), new SystematicsTableComponent("half", r.NominalOnly())]);
        double n = Selected(Events, x => x, (w, _, _) => w);
        double Rel(double v) => (v - n) / n;

        var xs = table.Effect("xScale", "test")!.Value;
        Assert.Equal(VariationKind.Shift, xs.Kind);
        Assert.Equal(Rel(Selected(Events, x => x * 1.05, (w, _, _) => w)), xs.Up, 1e-12);
        Assert.Equal(Rel(Selected(Events, x => x * 0.95, (w, _, _) => w)), xs.Down, 1e-12);
        var knob = table.Effect("wKnob", "test")!.Value;
        Assert.Equal(Rel(Selected(Events, x => x, (w, y, _) => w * (1 + 0.2 * y))), knob.Up, 1e-12);
        Assert.Equal(Rel(Selected(Events, x => x, (w, y, _) => w * (1 - 0.2 * y))), knob.Down, 1e-12);
        // The sample has half the events at half the exposure, so its count is doubled before comparing.
        var calib = table.Effect("calib", "test")!.Value;
        Assert.Equal(VariationKind.Sample, calib.Kind);
        Assert.Equal(Rel(2 * Selected(Events / 2, x => x * 1.04, (w, _, _) => w)), calib.Up, 1e-12);
        // Universes: sample standard deviation (N − 1) of the per-universe counts over the nominal count.
        var totals = Enumerable.Range(0, VariedTestKernel.UniverseCount)
            .Select(u => Selected(Events, x => x, (w, _, i) => VariedTestKernel.UniverseWeight(w, i, u))).ToArray();
        double mean = totals.Average();
        double sd = Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / (totals.Length - 1));
        var flux = table.Effect("flux", "test")!.Value;
        Assert.Equal(sd / n, flux.Spread, 1e-10);
        Assert.True(double.IsNaN(flux.Up));
        Assert.Null(table.Effect("xScale", "half"));

        double total = Math.Sqrt(new[] { xs, knob, calib, flux }.Sum(e => e.Size * e.Size));
        Assert.Equal(total, table.Total("test"), 1e-15);
        Assert.Equal(0.5 * (Math.Abs(xs.Up) + Math.Abs(xs.Down)), xs.Size, 1e-15);
        Assert.Equal(0.0, table.Total("half"));
    }

    [Fact]
    public void Table_MarkdownAndCsv_HaveEveryRowAndColumn()
    {
        var r = Run();
        var table = new SystematicsTable([new SystematicsTableComponent("ν-on-e", r)]);
        string md = table.ToMarkdown();
        var lines = md.TrimEnd('\n').Split('\n');
        Assert.Equal(2 + 4 + 1, lines.Length);
        Assert.Equal("| Systematic | Kind | ν-on-e (%) |", lines[0]);
        var xs = table.Effect("xScale", "ν-on-e")!.Value;
        Assert.StartsWith($"| xScale | Shift | {Fmt(xs.Up)} / {Fmt(xs.Down)} |", lines[2]);
        Assert.Contains("| flux | Universe | ±", md);
        Assert.StartsWith("| Total (quadrature) | | ±", lines[^1]);
        string csv = table.ToCsv();
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("systematic,kind,component,up_pct,down_pct,spread_pct,size_pct", rows[0]);
        Assert.Equal(1 + 4 + 1, rows.Length);
        var f = rows.Single(l => l.StartsWith("flux,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("", f[3]);
        Assert.Equal(100 * table.Effect("flux", "ν-on-e")!.Value.Spread, double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Fmt(double fraction)
    {
        double p = Math.Round(100 * fraction, 2);
        string d = Math.Abs(p).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return p > 0 ? "+" + d : p < 0 ? "−" + d : d;
    }

    [Fact]
    public void Table_HistogramCount_UsesTheHistogramIntegralOfEachVariation()
    {
        var r = Run();
        var table = new SystematicsTable([new SystematicsTableComponent("y", r, "y")]);
        double n = r.Histogram1D("y").Integral();
        Assert.Equal((r.Variation("wKnob", -1).Histogram1D("y").Integral() - n) / n, table.Effect("wKnob", "y")!.Value.Down, 1e-15);
        Assert.Equal((2 * r.Variation("calib", 1).Histogram1D("y").Integral() - n) / n, table.Effect("calib", "y")!.Value.Up, 1e-15);
        var totals = Enumerable.Range(0, VariedTestKernel.UniverseCount).Select(u => r.Universe("flux", u).Histogram1D("y").Integral()).ToArray();
        double mean = totals.Average();
        double sd = Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / (totals.Length - 1));
        Assert.Equal(sd / n, table.Effect("flux", "y")!.Value.Spread, 1e-12);
        Assert.Contains("histogram 'x'", Assert.Throws<ArgumentException>(() =>
            new SystematicsTable([new SystematicsTableComponent("x", new VariedTestKernel().CreateResult(), "x")])).Message);
    }

    [Fact]
    public void Table_ZeroNominalCount_Throws()
    {
        var empty = new VariedTestKernel().CreateResult();
        Assert.Contains("'empty'", Assert.Throws<ArgumentException>(() => new SystematicsTable([new SystematicsTableComponent("empty", empty)])).Message);
    }

    [Fact]
    public void Band_IsTheEnvelopeOfTheShiftsOrTheUniverseSpread()
    {
        var r = Run();
        var nominal = r.Histogram1D("x").SumW.Slice(1, 20).ToArray();
        var up = r.Variation("xScale", 1).Histogram1D("x").SumW.Slice(1, 20).ToArray();
        var down = r.Variation("xScale", -1).Histogram1D("x").SumW.Slice(1, 20).ToArray();
        var (n, lo, hi) = SystematicBandPlot.Band(r, "x", "xScale");
        for (int b = 0; b < 20; b++)
        {
            Assert.Equal(nominal[b], n[b]);
            Assert.Equal(Math.Min(nominal[b], Math.Min(up[b], down[b])), lo[b]);
            Assert.Equal(Math.Max(nominal[b], Math.Max(up[b], down[b])), hi[b]);
        }
        // Sample: counts at half the exposure are doubled.
        var cup = r.Variation("calib", 1).Histogram1D("x").SumW.Slice(1, 20).ToArray();
        var cdown = r.Variation("calib", -1).Histogram1D("x").SumW.Slice(1, 20).ToArray();
        var (_, clo, chi) = SystematicBandPlot.Band(r, "x", "calib");
        Assert.Equal(Math.Max(nominal[10], Math.Max(2 * cup[10], 2 * cdown[10])), chi[10], 1e-12);
        Assert.Equal(Math.Min(nominal[10], Math.Min(2 * cup[10], 2 * cdown[10])), clo[10], 1e-12);
        // Universes: nominal ± the standard deviation (N − 1) of the bin over the universes.
        var bin7 = Enumerable.Range(0, VariedTestKernel.UniverseCount).Select(u => r.Universe("flux", u).Histogram1D("x").BinContent(7)).ToArray();
        double m = bin7.Average(), sd = Math.Sqrt(bin7.Sum(v => (v - m) * (v - m)) / (bin7.Length - 1));
        var (_, flo, fhi) = SystematicBandPlot.Band(r, "x", "flux");
        Assert.Equal(nominal[7] + sd, fhi[7], 1e-9);
        Assert.Equal(nominal[7] - sd, flo[7], 1e-9);
        // Total: quadrature of the excursions.
        var (_, tlo, thi) = SystematicBandPlot.TotalBand(r, "x", ["xScale", "flux"]);
        Assert.Equal(nominal[7] + Math.Sqrt((hi[7] - nominal[7]) * (hi[7] - nominal[7]) + sd * sd), thi[7], 1e-9);
        Assert.Equal(nominal[7] - Math.Sqrt((nominal[7] - lo[7]) * (nominal[7] - lo[7]) + sd * sd), tlo[7], 1e-9);
        Assert.Contains("no ±1σ point", Assert.Throws<ArgumentException>(() =>
            SystematicBandPlot.Band(r.NominalOnly().WithVariations([VariationResult.AtSigma("two", VariationKind.Shift, 2, r.Variation("xScale", 2))]), "x", "two")).Message);
    }

    [Fact]
    public void Plots_AreWrittenWithBandAndSteps()
    {
        var r = Run();
        string dir = Path.Combine(AppContext.BaseDirectory, "plots");
        Directory.CreateDirectory(dir);
        var shifted = SystematicBandPlot.ShiftedSpectrum(r, "x", "xScale");
        shifted.SavePngAndSvg(Path.Combine(dir, "shifted_xScale"));
        Assert.Equal(4, shifted.Labels.Count); // band, −1σ and +1σ (in variation order), nominal
        Assert.Equal("xScale ±1σ", shifted.Labels[0]);
        Assert.Contains("xScale +1σ", shifted.Labels);
        Assert.Contains("xScale −1σ", shifted.Labels);
        Assert.Equal("nominal", shifted.Labels[^1]);
        Assert.True(File.Exists(Path.Combine(dir, "shifted_xScale.png")));
        var flux = SystematicBandPlot.ShiftedSpectrum(r, "x", "flux");
        Assert.Equal(["flux ±1σ", "nominal"], flux.Labels); // universes: the band only
        var total = SystematicBandPlot.TotalSpectrum(r, "x");
        total.SavePngAndSvg(Path.Combine(dir, "total_x"));
        Assert.Equal("total ±1σ (4 systematics)", total.Labels[0]);
    }
}
