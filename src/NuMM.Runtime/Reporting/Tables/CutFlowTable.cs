using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Reporting.Tables;

/// <summary>One column group of a cut-flow table: a sample's name and its cut flow.</summary>
/// <param name="Name">The sample name as printed (for example "ν Mag. Moment signal").</param>
/// <param name="CutFlow">The sample's cut flow.</param>
public sealed record CutFlowSample(string Name, CutFlow CutFlow);

/// <summary>Choices for <see cref="CutFlowTable"/>.</summary>
public sealed class CutFlowTableOptions
{
    /// <summary>Use weighted yields (sum of weights; the default, as in Table 7) or unweighted event counts.</summary>
    public bool Weighted { get; init; } = true;

    /// <summary>With weighted yields, also show each sample's unweighted event count (raw and weighted side by side,
    /// as coffea's cut flow; the statistical power of a yield is in its raw count). Markdown and LaTeX; CSV always has both.</summary>
    public bool IncludeEventCounts { get; init; }

    /// <summary>Add a column per sample with the true N−1 efficiency of cut k, N_all / N_(all cuts but k), in %.</summary>
    public bool IncludeTrueNMinusOne { get; init; }

    /// <summary>Cuts for which to append a row "No &lt;cut&gt;" with the yield of events passing every other cut and its
    /// cumulative efficiency (Table 7's "No Energy Cut" row). Empty by default.</summary>
    public IReadOnlyList<string> AllButRows { get; init; } = [];

    /// <summary>The label of the first row (all events).</summary>
    public string AllEventsLabel { get; init; } = "No Cut";

    /// <summary>The label of the first column.</summary>
    public string SelectionHeader { get; init; } = "Selection";
}

/// <summary>A cut-flow table in the layout of the technote's Table 7: one row per selection step and, per sample,
/// the yield N, "ε^{N−1}" = N_k / N_(k−1) (the efficiency of cut k relative to the previous step, as the technote
/// prints it) and the cumulative ε = N_k / N_0, both in %. Renders as Markdown, CSV and LaTeX.</summary>
public sealed class CutFlowTable
{
    private readonly CutFlowSample[] _samples;
    private readonly CutFlowTableOptions _options;
    private readonly int[] _allButCuts;

    /// <summary>Creates a table of <paramref name="samples"/> side by side.</summary>
    /// <param name="samples">At least one sample; all with the same cut names in the same order.</param>
    /// <param name="options">Rendering choices; null for defaults.</param>
    public CutFlowTable(IReadOnlyList<CutFlowSample> samples, CutFlowTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("A cut-flow table needs at least one sample.", nameof(samples));
        _samples = new CutFlowSample[samples.Count];
        for (int i = 0; i < _samples.Length; i++)
        {
            var s = samples[i] ?? throw new ArgumentException($"Sample {i} is null.", nameof(samples));
            ArgumentNullException.ThrowIfNull(s.CutFlow, $"{nameof(samples)}[{i}].CutFlow");
            if (i > 0 && !s.CutFlow.HasSameCuts(_samples[0].CutFlow))
                throw new ArgumentException(
                    $"Sample '{s.Name}' has cuts [{string.Join(", ", s.CutFlow.CutNames)}] but sample '{_samples[0].Name}' has [{string.Join(", ", _samples[0].CutFlow.CutNames)}].",
                    nameof(samples));
            _samples[i] = s;
        }
        _options = options ?? new CutFlowTableOptions();
        var names = _samples[0].CutFlow.CutNames;
        _allButCuts = new int[_options.AllButRows.Count];
        for (int i = 0; i < _allButCuts.Length; i++)
        {
            int k = IndexOf(names, _options.AllButRows[i]);
            if (k < 0)
                throw new ArgumentException($"AllButRows names cut '{_options.AllButRows[i]}', which is not among [{string.Join(", ", names)}].", nameof(options));
            _allButCuts[i] = k + 1;
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private int CutCount => _samples[0].CutFlow.CutCount;

    /// <summary>One rendered cell row: the label and, per sample, its values (NaN where a value does not apply).</summary>
    private readonly record struct Row(string Label, bool IsAllBut, int Step);

    private IEnumerable<Row> Rows()
    {
        yield return new Row(_options.AllEventsLabel, false, 0);
        var names = _samples[0].CutFlow.CutNames;
        for (int k = 1; k <= CutCount; k++) yield return new Row(names[k - 1], false, k);
        foreach (int k in _allButCuts) yield return new Row("No " + names[k - 1], true, k);
    }

    private double N(CutFlow f, Row r) => r.IsAllBut ? f.YieldAllOthers(r.Step, _options.Weighted) : f.Yield(r.Step, _options.Weighted);

    private double StepPercent(CutFlow f, Row r) =>
        r.IsAllBut ? double.NaN : r.Step == 0 ? 100 * Ratio(f.Yield(0, _options.Weighted), f.Yield(0, _options.Weighted)) : 100 * f.StepEfficiency(r.Step, _options.Weighted);

    private double CumulativePercent(CutFlow f, Row r) => 100 * Ratio(N(f, r), f.Yield(0, _options.Weighted));

    private double TrueNMinusOnePercent(CutFlow f, Row r) =>
        r.IsAllBut || r.Step == 0 ? double.NaN : 100 * f.NMinusOneEfficiency(r.Step, _options.Weighted);

    private static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;

    private string FormatN(CutFlow f, Row r) =>
        _options.Weighted ? CutFlowNumberFormat.Yield(N(f, r))
        : CutFlowNumberFormat.Count(r.IsAllBut ? f.PassedAllOthers[r.Step - 1] : f.Passed[r.Step]);

    private bool ShowCounts => _options.Weighted && _options.IncludeEventCounts;

    private static long Count(CutFlow f, Row r) => r.IsAllBut ? f.PassedAllOthers[r.Step - 1] : f.Passed[r.Step];

    private static string StepCell(double p, Row r) => r.IsAllBut ? "" : CutFlowNumberFormat.Percent(p);

    /// <summary>The table in GitHub-flavoured Markdown; numeric columns right-aligned.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var header = new List<string> { _options.SelectionHeader };
        foreach (var s in _samples)
        {
            header.Add($"{s.Name} N");
            if (ShowCounts) header.Add($"{s.Name} events");
            header.Add($"{s.Name} ε^(N−1) (%)");
            header.Add($"{s.Name} ε (%)");
            if (_options.IncludeTrueNMinusOne) header.Add($"{s.Name} N−1 eff. (%)");
        }
        AppendMarkdownRow(sb, header);
        sb.Append("|:---");
        for (int i = 1; i < header.Count; i++) sb.Append("|---:");
        sb.Append("|\n");
        foreach (var r in Rows())
        {
            var cells = new List<string> { r.Label };
            foreach (var s in _samples)
            {
                var f = s.CutFlow;
                cells.Add(FormatN(f, r));
                if (ShowCounts) cells.Add(CutFlowNumberFormat.Count(Count(f, r)));
                cells.Add(StepCell(StepPercent(f, r), r));
                cells.Add(CutFlowNumberFormat.Percent(CumulativePercent(f, r)));
                if (_options.IncludeTrueNMinusOne) cells.Add(r.IsAllBut || r.Step == 0 ? "" : CutFlowNumberFormat.Percent(TrueNMinusOnePercent(f, r)));
            }
            AppendMarkdownRow(sb, cells);
        }
        return sb.ToString();
    }

    private static void AppendMarkdownRow(StringBuilder sb, List<string> cells)
    {
        foreach (var c in cells) sb.Append("| ").Append(c.Replace("|", "\\|", StringComparison.Ordinal)).Append(' ');
        sb.Append("|\n");
    }

    /// <summary>The table as RFC 4180 CSV with full-precision (round-trip) numbers: per sample the yield, its
    /// statistical error √(Σw²), the unweighted count, ε^{N−1} (%), ε (%) and, if enabled, the true N−1 efficiency (%).
    /// Values that do not apply are empty.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        var header = new List<string> { _options.SelectionHeader };
        foreach (var s in _samples)
        {
            header.Add($"{s.Name} N");
            header.Add($"{s.Name} N error");
            header.Add($"{s.Name} events");
            header.Add($"{s.Name} eps_step_pct");
            header.Add($"{s.Name} eps_cumulative_pct");
            if (_options.IncludeTrueNMinusOne) header.Add($"{s.Name} eps_n_minus_1_pct");
        }
        AppendCsvRow(sb, header);
        foreach (var r in Rows())
        {
            var cells = new List<string> { r.Label };
            foreach (var s in _samples)
            {
                var f = s.CutFlow;
                double w2 = r.IsAllBut ? f.SumW2AllOthers[r.Step - 1] : f.SumW2[r.Step];
                long count = r.IsAllBut ? f.PassedAllOthers[r.Step - 1] : f.Passed[r.Step];
                cells.Add(CutFlowNumberFormat.Raw(N(f, r)));
                cells.Add(_options.Weighted ? CutFlowNumberFormat.Raw(Math.Sqrt(w2)) : CutFlowNumberFormat.Raw(Math.Sqrt(count)));
                cells.Add(count.ToString(CultureInfo.InvariantCulture));
                cells.Add(CutFlowNumberFormat.Raw(StepPercent(f, r)));
                cells.Add(CutFlowNumberFormat.Raw(CumulativePercent(f, r)));
                if (_options.IncludeTrueNMinusOne) cells.Add(CutFlowNumberFormat.Raw(TrueNMinusOnePercent(f, r)));
            }
            AppendCsvRow(sb, cells);
        }
        return sb.ToString();
    }

    private static void AppendCsvRow(StringBuilder sb, List<string> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            var c = cells[i];
            if (c.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(c.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(c);
        }
        sb.Append("\r\n");
    }

    /// <summary>The table as a LaTeX <c>tabular</c> (no packages needed): a header row with each sample's name over its
    /// columns, then N, $\varepsilon^{N-1}$ (\%) and $\varepsilon$ (\%). Text is escaped for LaTeX.</summary>
    public string ToLatex()
    {
        int per = 3 + (_options.IncludeTrueNMinusOne ? 1 : 0) + (ShowCounts ? 1 : 0);
        var sb = new StringBuilder();
        sb.Append("\\begin{tabular}{l");
        for (int i = 0; i < _samples.Length; i++) sb.Append('|').Append('r', per);
        sb.Append("}\n\\hline\n");
        foreach (var s in _samples) sb.Append(" & \\multicolumn{").Append(per).Append("}{c}{").Append(EscapeLatex(s.Name)).Append('}');
        sb.Append(" \\\\\n").Append(EscapeLatex(_options.SelectionHeader));
        foreach (var _ in _samples)
        {
            sb.Append(" & $N$");
            if (ShowCounts) sb.Append(" & events");
            sb.Append(" & $\\varepsilon^{N-1}$ (\\%) & $\\varepsilon$ (\\%)");
            if (_options.IncludeTrueNMinusOne) sb.Append(" & N$-$1 eff. (\\%)");
        }
        sb.Append(" \\\\\n\\hline\n");
        foreach (var r in Rows())
        {
            sb.Append(EscapeLatex(r.Label));
            foreach (var s in _samples)
            {
                var f = s.CutFlow;
                sb.Append(" & ").Append(EscapeLatex(FormatN(f, r)));
                if (ShowCounts) sb.Append(" & ").Append(EscapeLatex(CutFlowNumberFormat.Count(Count(f, r))));
                sb.Append(" & ").Append(EscapeLatex(StepCell(StepPercent(f, r), r)));
                sb.Append(" & ").Append(EscapeLatex(CutFlowNumberFormat.Percent(CumulativePercent(f, r))));
                if (_options.IncludeTrueNMinusOne)
                    sb.Append(" & ").Append(r.IsAllBut || r.Step == 0 ? "" : EscapeLatex(CutFlowNumberFormat.Percent(TrueNMinusOnePercent(f, r))));
            }
            sb.Append(" \\\\\n");
        }
        sb.Append("\\hline\n\\end{tabular}\n");
        return sb.ToString();
    }

    /// <summary>Escapes LaTeX special characters in plain text.</summary>
    /// <param name="text">Plain text.</param>
    public static string EscapeLatex(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '&': case '%': case '$': case '#': case '_': case '{': case '}': sb.Append('\\').Append(c); break;
                case '~': sb.Append("\\textasciitilde{}"); break;
                case '^': sb.Append("\\textasciicircum{}"); break;
                case '–': sb.Append("--"); break;
                case '−': sb.Append("$-$"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
