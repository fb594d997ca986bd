using System.Globalization;
using NuMM.Runtime.Reporting.Tables;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Reporting;

/// <summary>Reproduces the technote's Table 7 (seed 000_958717fd96305d05, "Event selection cutflow table") from its
/// N columns: the printed ε^{N−1} is N_k/N_(k−1) and ε is N_k/N_0, both in %.</summary>
public class CutFlowTableTests
{
    private static readonly string[] Cuts =
        ["DeCAF cuts", "Closest Slice Time", "Preselection", "Fiducial", "Containment", "Single Particle Req.", "Energy Cut", "NuoneID", "Epi0ID", "etheta2"];

    // Table 7, "No Cut" … "etheta2", then the "No Energy Cut" row (all cuts but the energy cut).
    private static readonly double[] SignalN = [263.39, 73.53, 71.57, 71.57, 70.86, 68.49, 58.47, 35.33, 28.08, 21.45, 18.83];
    private const double SignalNoEnergyCut = 29.03;
    private static readonly string[] SignalStep = ["100", "27.92", "97.34", "100", "99.01", "96.65", "85.37", "60.43", "79.49", "76.39", "87.80"];
    private static readonly string[] SignalCumulative = ["100", "27.92", "27.17", "27.17", "26.90", "26.00", "22.20", "13.41", "10.66", "8.14", "7.15", "11.02"];

    private static readonly double[] NueN = [3352.43, 2332.75, 2275.86, 2271.24, 2248.47, 2090.35, 1754.08, 1280.94, 888.69, 708.96, 638.39];
    private const double NueNoEnergyCut = 726.66;
    private static readonly string[] NueStep = ["100", "69.58", "97.56", "99.80", "99.00", "92.97", "83.91", "73.03", "69.38", "79.78", "90.05"];
    private static readonly string[] NueCumulative = ["100", "69.58", "67.89", "67.75", "67.07", "62.35", "52.32", "38.21", "26.51", "21.15", "19.04", "21.68"];

    private static readonly double[] OtherN = [9.19e6, 9.19e6, 8.79e6, 8.30e6, 6.80e6, 5.65e6, 5.83e5, 4.48e5, 17384.6, 10740.7, 65.92];
    private const double OtherNoEnergyCut = 112.03;
    private static readonly string[] OtherNPrinted = ["9.19E+6", "9.19E+6", "8.79E+6", "8.30E+6", "6.80E+6", "5.65E+6", "5.83E+5", "4.48E+5", "17,384.60", "10,740.70", "65.92", "112.03"];
    private static readonly double[] OtherStep = [100, 100, 95.72, 94.42, 81.92, 83.13, 10.31, 76.97, 3.88, 61.78, 0.61];
    private static readonly string[] OtherCumulative = ["100", "100", "95.72", "90.38", "74.03", "61.54", "6.34", "4.88", "0.19", "0.12", "0.00072", "0.0012"];

    private static CutFlow Flow(double[] n, double noEnergyCut)
    {
        var f = new CutFlow(Cuts);
        for (int k = 0; k < n.Length; k++) { f.SumW[k] = n[k]; f.Passed[k] = (long)Math.Round(n[k]); }
        f.SumWAllOthers[Array.IndexOf(Cuts, "Energy Cut")] = noEnergyCut;
        return f;
    }

    private static CutFlowTable Table7(CutFlowTableOptions? options = null) => new(
        [new CutFlowSample("ν Mag. Moment signal", Flow(SignalN, SignalNoEnergyCut)),
         new CutFlowSample("ν-on-e background", Flow(NueN, NueNoEnergyCut)),
         new CutFlowSample("Other background", Flow(OtherN, OtherNoEnergyCut))],
        options ?? new CutFlowTableOptions { AllButRows = ["Energy Cut"] });

    private static List<string[]> Parse(string markdown) =>
        markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();

    [Fact]
    public void Markdown_Table7Samples_ReproducesPrintedRows()
    {
        var rows = Parse(Table7().ToMarkdown());
        Assert.Equal(2 + 11 + 1, rows.Count);
        Assert.Equal("Selection", rows[0][0]);
        Assert.Equal("ν Mag. Moment signal N", rows[0][1]);
        Assert.Equal("ν Mag. Moment signal ε^(N−1) (%)", rows[0][2]);
        var body = rows.Skip(2).ToList();
        Assert.Equal("No Cut", body[0][0]);
        Assert.Equal("etheta2", body[10][0]);
        Assert.Equal("No Energy Cut", body[11][0]);

        // ν-on-e background: every cell as printed.
        for (int r = 0; r < 11; r++)
        {
            Assert.Equal(NueN[r].ToString("#,##0.00", CultureInfo.InvariantCulture), body[r][4]);
            Assert.Equal(NueStep[r], body[r][5]);
        }
        for (int r = 0; r < 12; r++) Assert.Equal(NueCumulative[r], body[r][6]);
        Assert.Equal("726.66", body[11][4]);
        Assert.Equal("", body[11][5]);

        // Signal: cumulative ε exactly as printed; ε^{N−1} as printed or 0.01 off, because Table 7 computed it from
        // unrounded yields (71.57/73.53 = 97.334 % from the printed N, printed as 97.34).
        for (int r = 0; r < 12; r++) Assert.Equal(SignalCumulative[r], body[r][3]);
        for (int r = 0; r < 11; r++)
        {
            double printed = double.Parse(SignalStep[r], CultureInfo.InvariantCulture);
            double rendered = double.Parse(body[r][2], CultureInfo.InvariantCulture);
            Assert.InRange(Math.Abs(printed - rendered), 0, 0.0100001);
            Assert.Equal(Math.Round(r == 0 ? 100 : 100 * SignalN[r] / SignalN[r - 1], 2), rendered);
        }
        Assert.Equal("27.92", body[1][2]);
        Assert.Equal("97.33", body[2][2]);
        Assert.Equal("100", body[3][2]);   // 71.57/71.57 prints as "100", as in the table

        // Other background: N formatted as printed (E notation from 10⁵; the table's "17384.6" gets separators and two
        // decimals here); efficiencies within the rounding of the three-significant-digit yields.
        for (int r = 0; r < 12; r++) Assert.Equal(OtherNPrinted[r], body[r][7]);
        for (int r = 0; r < 11; r++)
        {
            double rendered = double.Parse(body[r][8], CultureInfo.InvariantCulture);
            Assert.InRange(Math.Abs(rendered - OtherStep[r]), 0, 0.011 * OtherStep[r] + 0.006);
        }
        foreach (int r in new[] { 0, 1, 6, 8, 9, 10, 11 }) Assert.Equal(OtherCumulative[r], body[r][9]);
    }

    [Fact]
    public void Markdown_TrueNMinusOne_IsAllOverAllButCut()
    {
        var rows = Parse(Table7(new CutFlowTableOptions { AllButRows = ["Energy Cut"], IncludeTrueNMinusOne = true }).ToMarkdown());
        Assert.Equal("ν Mag. Moment signal N−1 eff. (%)", rows[0][4]);
        var energyRow = rows.Skip(2).Single(r => r[0] == "Energy Cut");
        Assert.Equal((100 * 18.83 / 29.03).ToString("0.00", CultureInfo.InvariantCulture), energyRow[4]);  // 64.86
        Assert.Equal("64.86", energyRow[4]);
        Assert.Equal("", rows[2][4]);   // no N−1 efficiency for "No Cut"
    }

    [Fact]
    public void Csv_HasFullPrecisionAndQuotesNames()
    {
        var csv = Table7().ToCsv();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("Selection,ν Mag. Moment signal N,ν Mag. Moment signal N error,", lines[0]);
        var closest = lines.Single(l => l.StartsWith("Closest Slice Time,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("71.57", closest[1]);
        Assert.Equal((100 * (71.57 / 73.53)).ToString("R", CultureInfo.InvariantCulture), closest[4]);
        Assert.Equal((100 * (71.57 / 263.39)).ToString("R", CultureInfo.InvariantCulture), closest[5]);
        var f = new CutFlow(["a,b", "q\"x"]);
        var quoted = new CutFlowTable([new CutFlowSample("s", f)]).ToCsv();
        Assert.Contains("\"a,b\",0,0,0,,", quoted);
        Assert.Contains("\"q\"\"x\"", quoted);
    }

    [Fact]
    public void Latex_EscapesAndUsesSampleHeaders()
    {
        var tex = Table7().ToLatex();
        Assert.StartsWith("\\begin{tabular}{l|rrr|rrr|rrr}", tex);
        Assert.Contains("\\multicolumn{3}{c}{ν Mag. Moment signal}", tex);
        Assert.Contains("$\\varepsilon^{N-1}$ (\\%)", tex);
        Assert.Contains("Closest Slice Time & 71.57 & 97.33 & 27.17 & 2,275.86 & 97.56 & 67.89 & 8.79E+6 &", tex);
        Assert.EndsWith("\\end{tabular}\n", tex);
        Assert.Equal("50\\% \\& \\_x\\$ \\{\\}", CutFlowTable.EscapeLatex("50% & _x$ {}"));
    }

    [Fact]
    public void IncludeEventCounts_ShowsRawNextToWeighted()
    {
        var f = new CutFlow(["A"]);
        f.Passed[0] = 12000; f.Passed[1] = 30; f.SumW[0] = 263.39; f.SumW[1] = 18.83;
        var table = new CutFlowTable([new CutFlowSample("s", f)], new CutFlowTableOptions { IncludeEventCounts = true });
        var rows = Parse(table.ToMarkdown());
        Assert.Equal(["Selection", "s N", "s events", "s ε^(N−1) (%)", "s ε (%)"], rows[0]);
        Assert.Equal(["A", "18.83", "30", "7.15", "7.15"], rows[3]);
        Assert.Contains("A & 18.83 & 30 & 7.15 & 7.15 \\\\", table.ToLatex());
        Assert.StartsWith("\\begin{tabular}{l|rrrr}", table.ToLatex());
    }

    [Fact]
    public void Unweighted_PrintsCounts()
    {
        var f = new CutFlow(["A"]);
        f.Passed[0] = 1234567; f.Passed[1] = 1000;
        var rows = Parse(new CutFlowTable([new CutFlowSample("s", f)], new CutFlowTableOptions { Weighted = false }).ToMarkdown());
        Assert.Equal("1,234,567", rows[2][1]);
        Assert.Equal("1,000", rows[3][1]);
        Assert.Equal("0.08", rows[3][2]);   // 0.081 % with two decimals
    }

    [Fact]
    public void Constructor_MismatchedSamplesOrUnknownAllButCut_Throws()
    {
        var a = new CutFlowSample("signal", new CutFlow(["A", "B"]));
        var b = new CutFlowSample("background", new CutFlow(["A", "C"]));
        Assert.Contains("background", Assert.Throws<ArgumentException>(() => new CutFlowTable([a, b])).Message);
        Assert.Contains("'Z'", Assert.Throws<ArgumentException>(() => new CutFlowTable([a], new CutFlowTableOptions { AllButRows = ["Z"] })).Message);
        Assert.Throws<ArgumentException>(() => new CutFlowTable([]));
    }

    [Theory]
    [InlineData(9.19e6, "9.19E+6")]
    [InlineData(583_000.0, "5.83E+5")]
    [InlineData(3352.43, "3,352.43")]
    [InlineData(263.39, "263.39")]
    [InlineData(0.0, "0.00")]
    [InlineData(double.NaN, "–")]
    public void Yield_FormatsLikeTable7(double n, string expected) => Assert.Equal(expected, CutFlowNumberFormat.Yield(n));

    [Theory]
    [InlineData(100.0, "100")]
    [InlineData(99.996, "100")]
    [InlineData(99.8, "99.80")]
    [InlineData(0.6137, "0.61")]
    [InlineData(7.173e-4, "0.00072")]
    [InlineData(1.219e-3, "0.0012")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "–")]
    public void Percent_FormatsLikeTable7(double p, string expected) => Assert.Equal(expected, CutFlowNumberFormat.Percent(p));
}
