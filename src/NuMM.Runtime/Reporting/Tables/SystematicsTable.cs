using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Systematics;

namespace NuMM.Runtime.Reporting.Tables;

/// <summary>One column of a <see cref="SystematicsTable"/>: a prediction component and its varied result.</summary>
/// <param name="Name">The component's name (for example "ν-on-e").</param>
/// <param name="Result">Its analysis result with variations.</param>
/// <param name="Histogram">When given, the component's event count is the sum of this 1-D histogram's regular bins (for
/// components that are histograms of one shared result); when null, the weighted cut-flow yield.</param>
public sealed record SystematicsTableComponent(string Name, AnalysisResult Result, string? Histogram = null);

/// <summary>The effect of one systematic on the selected event count of one component, as fractions (0.031 = 3.1 %).</summary>
/// <param name="Kind">The systematic's kind.</param>
/// <param name="Up">(N(+1σ) − N) / N for a shift, knob or sample; NaN when there is no +1σ point or for universes.</param>
/// <param name="Down">(N(−1σ) − N) / N; NaN when there is no −1σ point or for universes.</param>
/// <param name="Spread">For universes: the universes' standard deviation of N (about their mean, N − 1) divided by the
/// nominal N; NaN otherwise.</param>
public readonly record struct SystematicEffect(VariationKind Kind, double Up, double Down, double Spread)
{
    /// <summary>The symmetric size used for the total: ½(|Up| + |Down|) for a σ-point systematic (the defined side alone
    /// when one is missing), <see cref="Spread"/> for universes.</summary>
    public double Size => Kind == VariationKind.Universe ? Spread
        : double.IsNaN(Up) ? Math.Abs(Down) : double.IsNaN(Down) ? Math.Abs(Up) : 0.5 * (Math.Abs(Up) + Math.Abs(Down));
}

/// <summary>The technote's "table of systematic uncertainties on the event count" (section 3.5): one row per systematic,
/// one column per component, each cell the relative change of the weighted event count after the selection (or in a
/// histogram, see <see cref="SystematicsTableComponent.Histogram"/>) — ±1σ for
/// shifts, knobs and samples (sample counts first scaled to the component's nominal exposure), the universe standard
/// deviation for multi-universe systematics — and a last row with the quadrature sum of the symmetric sizes
/// (<see cref="SystematicEffect.Size"/>). Systematics a component does not have are left empty.</summary>
public sealed class SystematicsTable
{
    private readonly SystematicsTableComponent[] _components;
    private readonly List<string> _systematics = [];
    private readonly Dictionary<(string, int), SystematicEffect> _effects = [];

    /// <summary>Computes the table.</summary>
    /// <param name="components">The components, in column order; names unique.</param>
    /// <param name="step">The cut-flow step whose weighted yield is the event count; −1 (default) for the last (all cuts).</param>
    /// <exception cref="ArgumentException">A component is malformed or has a zero nominal count; the message names it.</exception>
    public SystematicsTable(IReadOnlyList<SystematicsTableComponent> components, int step = -1)
    {
        ArgumentNullException.ThrowIfNull(components);
        _components = components.ToArray();
        if (_components.Length == 0) throw new ArgumentException("The table needs at least one component.", nameof(components));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < _components.Length; c++)
        {
            var comp = _components[c] ?? throw new ArgumentException($"Component {c} is null.", nameof(components));
            if (!names.Add(comp.Name)) throw new ArgumentException($"Component name '{comp.Name}' is used twice.", nameof(components));
            var r = comp.Result;
            int s = step < 0 ? r.CutFlow.CutCount : step;
            if (s > r.CutFlow.CutCount) throw new ArgumentOutOfRangeException(nameof(step), step, $"Component '{comp.Name}' has steps 0..{r.CutFlow.CutCount}.");
            double Count(AnalysisResult x) => comp.Histogram is null ? x.CutFlow.Yield(s) : x.Histogram1D(comp.Histogram).Integral();
            double nominal = Count(r);
            if (!(nominal != 0) || !double.IsFinite(nominal))
                throw new ArgumentException($"Component '{comp.Name}': the nominal event count {(comp.Histogram is null ? $"after step {s}" : $"in histogram '{comp.Histogram}'")} is {nominal.ToString("R", CultureInfo.InvariantCulture)}; relative changes need a non-zero count.", nameof(components));
            foreach (var sys in r.Systematics)
            {
                if (!_systematics.Contains(sys)) _systematics.Add(sys);
                var vs = r.VariationsOf(sys);
                var kind = vs[0].Kind;
                if (kind == VariationKind.Universe)
                {
                    var counts = vs.Select(v => (IReadOnlyList<double>)[Count(v.Result)]).ToArray();
                    var spread = UniverseSpread.FromValues(counts, [nominal], SpreadCentre.UniverseMean, $"Component '{comp.Name}', systematic '{sys}'");
                    _effects[(sys, c)] = new SystematicEffect(kind, double.NaN, double.NaN, spread.StandardDeviation[0] / Math.Abs(nominal));
                    continue;
                }
                double At(double sigma)
                {
                    foreach (var v in vs)
                        if (v.Sigma == sigma)
                        {
                            double f = SystematicPrediction.Factor(v.Exposure, r.Exposure, $"Component '{comp.Name}', variation '{v.Label}'");
                            return (Count(v.Result) * f - nominal) / nominal;
                        }
                    return double.NaN;
                }
                _effects[(sys, c)] = new SystematicEffect(kind, At(1), At(-1), double.NaN);
            }
        }
    }

    /// <summary>The systematics (rows), in order of first appearance.</summary>
    public IReadOnlyList<string> Systematics => _systematics;

    /// <summary>The component names (columns).</summary>
    public IReadOnlyList<string> Components => _components.Select(c => c.Name).ToArray();

    /// <summary>The effect of <paramref name="systematic"/> on <paramref name="component"/>, or null when the component does not have it.</summary>
    /// <param name="systematic">A systematic's name.</param>
    /// <param name="component">A component's name.</param>
    public SystematicEffect? Effect(string systematic, string component)
    {
        int c = Array.FindIndex(_components, x => x.Name == component);
        if (c < 0) throw new KeyNotFoundException($"The table has no component '{component}'; it has [{string.Join(", ", Components)}].");
        return _effects.TryGetValue((systematic, c), out var e) ? e : null;
    }

    /// <summary>The quadrature sum of the symmetric sizes of every systematic of <paramref name="component"/> (a fraction).</summary>
    /// <param name="component">A component's name.</param>
    public double Total(string component)
    {
        double sum = 0;
        foreach (var s in _systematics)
            if (Effect(s, component) is { } e && !double.IsNaN(e.Size)) sum += e.Size * e.Size;
        return Math.Sqrt(sum);
    }

    /// <summary>The table in GitHub-flavoured Markdown: "+3.12 / −2.98" (%) for σ-point systematics, "±1.50" (%) for universes.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Systematic | Kind |");
        foreach (var c in _components) sb.Append(' ').Append(Escape(c.Name)).Append(" (%) |");
        sb.Append("\n|:---|:---|");
        foreach (var _ in _components) sb.Append("---:|");
        sb.Append('\n');
        foreach (var s in _systematics)
        {
            sb.Append("| ").Append(Escape(s)).Append(" | ").Append(KindOf(s)).Append(" |");
            for (int c = 0; c < _components.Length; c++)
                sb.Append(' ').Append(_effects.TryGetValue((s, c), out var e) ? Cell(e) : "").Append(" |");
            sb.Append('\n');
        }
        sb.Append("| Total (quadrature) | |");
        foreach (var c in _components) sb.Append(" ±").Append(Pct(Total(c.Name))).Append(" |");
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>The table as RFC 4180 CSV, one line per (systematic, component) with round-trip numbers in percent:
    /// systematic, kind, component, up_pct, down_pct, spread_pct, size_pct (values that do not apply are empty), then one
    /// "total" line per component.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("systematic,kind,component,up_pct,down_pct,spread_pct,size_pct\r\n");
        foreach (var s in _systematics)
            for (int c = 0; c < _components.Length; c++)
                if (_effects.TryGetValue((s, c), out var e))
                    sb.Append(Csv(s)).Append(',').Append(e.Kind).Append(',').Append(Csv(_components[c].Name)).Append(',')
                      .Append(Raw(e.Up)).Append(',').Append(Raw(e.Down)).Append(',').Append(Raw(e.Spread)).Append(',').Append(Raw(e.Size)).Append("\r\n");
        foreach (var c in _components)
            sb.Append("total,,").Append(Csv(c.Name)).Append(",,,,").Append(Raw(Total(c.Name))).Append("\r\n");
        return sb.ToString();
    }

    private string KindOf(string systematic)
    {
        foreach (var ((s, _), e) in _effects) if (s == systematic) return e.Kind.ToString();
        return "";
    }

    private static string Cell(SystematicEffect e) => e.Kind == VariationKind.Universe
        ? "±" + Pct(e.Spread)
        : Signed(e.Up) + " / " + Signed(e.Down);

    private static string Pct(double fraction) => double.IsNaN(fraction) ? CutFlowNumberFormat.Undefined
        : (100 * fraction).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Signed(double fraction)
    {
        if (double.IsNaN(fraction)) return CutFlowNumberFormat.Undefined;
        double p = Math.Round(100 * fraction, 2);
        string digits = Math.Abs(p).ToString("0.00", CultureInfo.InvariantCulture);
        return p > 0 ? "+" + digits : p < 0 ? "−" + digits : digits;
    }

    private static string Raw(double fraction) => double.IsNaN(fraction) ? "" : (100 * fraction).ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Csv(string s) => s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
