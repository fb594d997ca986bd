using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Statistics.Model;
using Spread = NuMM.Runtime.Systematics.UniverseSpread;

namespace NuMM.Runtime.Systematics;

/// <summary>One component of a prediction taken from a varied analysis result: the 1-D histogram
/// <paramref name="Histogram"/> of <paramref name="Result"/> (regular bins) and of each of its variations.</summary>
/// <param name="Name">The component's name in the model (for example "nu-on-e").</param>
/// <param name="Result">The analysis result with its variations and exposure.</param>
/// <param name="Histogram">The 1-D histogram that is fitted.</param>
/// <param name="Scale">How the component scales with the parameters; constant 1 when null.</param>
public sealed record VariedComponent(string Name, AnalysisResult Result, string Histogram, ComponentScale? Scale = null);

/// <summary>How a multi-universe systematic enters the prediction.</summary>
public enum UniverseTreatment
{
    /// <summary>The leading principal components of the universes' joint covariance (over the bins of every component
    /// that has the systematic), each a template systematic with templates nominal ± √λ·v at θ = ±1 and its own unit-Gaussian
    /// nuisance parameter (the technote's flux PCA; standard practice).</summary>
    PrincipalComponents = 0,
    /// <summary>No nuisance parameters: the covariance of the summed prediction is returned by
    /// <see cref="SystematicPrediction.UniverseCovariance(Exposure)"/> for a χ² with a covariance matrix.</summary>
    Covariance = 1,
}

/// <summary>Options of <see cref="SystematicPrediction.Build"/>.</summary>
public sealed record SystematicPredictionOptions
{
    /// <summary>Per-bin interpolation between the σ points of shift, knob and sample systematics. Default cubic (CAFAna's PredictionInterp).</summary>
    public TemplateInterpolation Interpolation { get; init; } = TemplateInterpolation.Cubic;

    /// <summary>How multi-universe systematics enter. Default <see cref="UniverseTreatment.PrincipalComponents"/>.</summary>
    public UniverseTreatment Universes { get; init; } = UniverseTreatment.PrincipalComponents;

    /// <summary>The number of leading principal components kept per universe systematic (fewer when fewer have non-zero
    /// variance); ≥ 1. Default 5.</summary>
    public int PrincipalComponents { get; init; } = 5;

    /// <summary>What the universe spread is measured from. Default the universe mean (N − 1).</summary>
    public SpreadCentre UniverseCentre { get; init; } = SpreadCentre.UniverseMean;

    /// <summary>The systematics to bridge, by name; null bridges every systematic of every component.</summary>
    public IReadOnlyCollection<string>? Systematics { get; init; }

    /// <summary>Pass each component's nominal sum of squared weights for the MC statistical uncertainty. Default true.</summary>
    public bool McStatistics { get; init; } = true;
}

/// <summary>The one-call bridge from varied analysis results to the Statistics prediction model: each component's nominal
/// spectrum; for each shift, knob and sample systematic a <see cref="TemplateSystematic"/> (nuisance parameter named after
/// the systematic) at every σ point the results hold; for each multi-universe systematic either its leading principal
/// components as ±1σ template systematics (parameters <c>name_pc1</c>, <c>name_pc2</c>, …) or a covariance term.
/// Sample variations of another exposure are scaled to their component's nominal exposure. Template contents that would
/// be negative (a knob response or a PCA shift larger than the nominal) are set to 0, as the model floors ratios at 0.</summary>
public sealed class SystematicPrediction
{
    private readonly Dictionary<string, Spread> _spreads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Offset, string Component)[]> _blocks = new(StringComparer.Ordinal);
    private readonly List<string> _covarianceSystematics = [];
    private readonly int _bins;

    private SystematicPrediction(PredictionComponent[] components, TemplateSystematic[] templates, Exposure reference, int bins, string[] systematics)
    {
        Components = components;
        TemplateSystematics = templates;
        ReferenceExposure = reference;
        _bins = bins;
        Systematics = systematics;
    }

    /// <summary>The nominal components, in the order given, each at its result's exposure.</summary>
    public IReadOnlyList<PredictionComponent> Components { get; }

    /// <summary>The template systematics: one per shift, knob or sample systematic, one per kept principal component.</summary>
    public IReadOnlyList<TemplateSystematic> TemplateSystematics { get; }

    /// <summary>The systematics bridged, in order of first appearance.</summary>
    public IReadOnlyList<string> Systematics { get; }

    /// <summary>The exposure the joint universe spreads are expressed at: the first component's exposure (every component
    /// is scaled to it before the universes' bins are concatenated).</summary>
    public Exposure ReferenceExposure { get; }

    /// <summary>The parameter name of principal component <paramref name="index"/> (0-based) of <paramref name="systematic"/>: "flux_pc1" for index 0.</summary>
    /// <param name="systematic">The universe systematic's name.</param>
    /// <param name="index">0-based rank of the component.</param>
    public static string PrincipalComponentParameter(string systematic, int index) =>
        systematic + "_pc" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The joint spread of a universe systematic over the concatenated bins of the components that have it (in
    /// component order), at <see cref="ReferenceExposure"/>.</summary>
    /// <param name="systematic">A universe systematic that was bridged.</param>
    public Spread UniverseSpread(string systematic) =>
        _spreads.TryGetValue(systematic, out var s) ? s
        : throw new KeyNotFoundException($"'{systematic}' is not a bridged universe systematic; there are [{string.Join(", ", _spreads.Keys)}].");

    /// <summary>The bin-to-bin covariance (events²) of the summed prediction of every component, with all component
    /// scales at 1, due to the universe systematics bridged as <see cref="UniverseTreatment.Covariance"/>, at
    /// <paramref name="dataExposure"/> (or <see cref="ReferenceExposure"/> when None). Add it to the data covariance of a χ²
    /// (<c>TestStatistic.ChiSquareCovarianceMatrix</c>).</summary>
    /// <param name="dataExposure">The exposure of the data.</param>
    public double[,] UniverseCovariance(Exposure dataExposure = default)
    {
        var total = new double[_bins, _bins];
        foreach (var name in _covarianceSystematics) AddCovariance(name, dataExposure, total);
        return total;
    }

    /// <summary>The covariance (events²) of the summed prediction due to one universe systematic (either treatment),
    /// all component scales at 1, at <paramref name="dataExposure"/> (or <see cref="ReferenceExposure"/> when None).</summary>
    /// <param name="systematic">A bridged universe systematic.</param>
    /// <param name="dataExposure">The exposure of the data.</param>
    public double[,] UniverseCovariance(string systematic, Exposure dataExposure = default)
    {
        UniverseSpread(systematic);
        var total = new double[_bins, _bins];
        AddCovariance(systematic, dataExposure, total);
        return total;
    }

    private void AddCovariance(string systematic, Exposure dataExposure, double[,] total)
    {
        var spread = _spreads[systematic];
        var blocks = _blocks[systematic];
        double f = dataExposure.Kind == ExposureKind.None ? 1.0 : Factor(ReferenceExposure, dataExposure, $"systematic '{systematic}'");
        foreach (var (oa, _) in blocks)
            foreach (var (ob, _) in blocks)
                for (int i = 0; i < _bins; i++)
                    for (int j = 0; j < _bins; j++)
                        total[i, j] += f * f * spread.CovarianceOf(oa + i, ob + j);
    }

    /// <summary>The prediction model of these components and template systematics.</summary>
    /// <param name="parameters">Declared parameters (parameters of interest, free normalisations); nuisance parameters of
    /// the template systematics are created with a unit Gaussian constraint unless declared here.</param>
    /// <param name="normalizations">Further normalisation uncertainties.</param>
    /// <param name="dataExposure">The exposure of the data; components are scaled to it.</param>
    public PredictionModel ToModel(IEnumerable<FitParameter> parameters, IEnumerable<NormalizationSystematic>? normalizations = null, Exposure dataExposure = default) =>
        new(Components, parameters, TemplateSystematics, normalizations, dataExposure);

    /// <summary>Builds the components and systematic terms from varied results.</summary>
    /// <param name="components">The components; unique names, every histogram with the same number of regular bins.</param>
    /// <param name="options">Interpolation, universe treatment, systematics to include; defaults when null.</param>
    /// <exception cref="ArgumentException">A component, histogram or systematic does not fit; the message names it.</exception>
    public static SystematicPrediction Build(IEnumerable<VariedComponent> components, SystematicPredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        options ??= new SystematicPredictionOptions();
        if (options.PrincipalComponents < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.PrincipalComponents, "Keep at least 1 principal component per universe systematic.");
        var comps = components.ToArray();
        if (comps.Length == 0) throw new ArgumentException("The prediction needs at least one component.", nameof(components));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var nominal = new double[comps.Length][];
        int bins = -1;
        for (int c = 0; c < comps.Length; c++)
        {
            var vc = comps[c] ?? throw new ArgumentException($"Component {c} is null.", nameof(components));
            if (string.IsNullOrWhiteSpace(vc.Name)) throw new ArgumentException($"Component {c} has no name.", nameof(components));
            if (!names.Add(vc.Name)) throw new ArgumentException($"Component name '{vc.Name}' is used twice.", nameof(components));
            ArgumentNullException.ThrowIfNull(vc.Result, nameof(components));
            nominal[c] = RegularBinsOf(vc, vc.Result);
            if (bins < 0) bins = nominal[c].Length;
            else if (nominal[c].Length != bins)
                throw new ArgumentException($"Component '{vc.Name}': histogram '{vc.Histogram}' has {nominal[c].Length} bins, component '{comps[0].Name}' has {bins}.", nameof(components));
        }
        var reference = comps[0].Result.Exposure;
        var toReference = new double[comps.Length];
        for (int c = 0; c < comps.Length; c++) toReference[c] = Factor(comps[c].Result.Exposure, reference, $"component '{comps[c].Name}'");

        var predictionComponents = new PredictionComponent[comps.Length];
        for (int c = 0; c < comps.Length; c++)
        {
            var h = comps[c].Result.Histogram1D(comps[c].Histogram);
            var sumW2 = options.McStatistics ? h.SumW2.Slice(1, h.Axis.Count) : default;
            predictionComponents[c] = new PredictionComponent(comps[c].Name, nominal[c], comps[c].Scale, comps[c].Result.Exposure, sumW2);
        }

        // Systematics in order of first appearance, each with one kind across components.
        var order = new List<string>();
        var kinds = new Dictionary<string, (VariationKind Kind, string Component)>(StringComparer.Ordinal);
        foreach (var vc in comps)
            foreach (var s in vc.Result.Systematics)
            {
                if (options.Systematics is { } only && !only.Contains(s)) continue;
                var kind = vc.Result.VariationsOf(s)[0].Kind;
                if (kinds.TryGetValue(s, out var seen))
                {
                    if (seen.Kind != kind)
                        throw new ArgumentException($"Systematic '{s}' has {seen.Kind} variations in component '{seen.Component}' but {kind} variations in component '{vc.Name}'.", nameof(components));
                }
                else
                {
                    kinds[s] = (kind, vc.Name);
                    order.Add(s);
                }
            }
        if (options.Systematics is { } wanted)
            foreach (var s in wanted)
                if (!kinds.ContainsKey(s))
                    throw new ArgumentException($"Systematic '{s}' was asked for but no component has it; they have [{string.Join(", ", comps.SelectMany(c => c.Result.Systematics).Distinct())}].", nameof(options));

        var templates = new List<TemplateSystematic>();
        var pending = new List<(string Name, Spread Spread, (int, string)[] Blocks, bool Covariance)>();
        foreach (var s in order)
        {
            if (kinds[s].Kind != VariationKind.Universe)
            {
                var t = new TemplateSystematic(s, options.Interpolation);
                for (int c = 0; c < comps.Length; c++)
                {
                    if (!comps[c].Result.Systematics.Contains(s, StringComparer.Ordinal)) continue;
                    foreach (var v in comps[c].Result.VariationsOf(s))
                    {
                        if (v.Sigma == 0) continue;   // the nominal is the σ = 0 knot by construction
                        var contents = RegularBinsOf(comps[c], v.Result);
                        double f = Factor(v.Exposure, comps[c].Result.Exposure, $"component '{comps[c].Name}', variation '{v.Label}'");
                        for (int b = 0; b < contents.Length; b++) contents[b] = Math.Max(0.0, contents[b] * f);
                        t.AddShift(comps[c].Name, v.Sigma, contents);
                    }
                }
                templates.Add(t);
                continue;
            }
            // Universes: joint spread over the concatenated bins of every component that has the systematic.
            var members = Enumerable.Range(0, comps.Length).Where(c => comps[c].Result.Systematics.Contains(s, StringComparer.Ordinal)).ToArray();
            int universes = -1;
            foreach (int c in members)
            {
                int n = UniverseCount(comps[c], s);
                if (universes < 0) universes = n;
                else if (n != universes)
                    throw new ArgumentException($"Systematic '{s}' has {universes} universes in component '{comps[members[0]].Name}' but {n} in component '{comps[c].Name}'; the joint spread needs the same universes.", nameof(components));
            }
            var rows = new double[universes][];
            var jointNominal = new double[members.Length * bins];
            var blocks = new (int, string)[members.Length];
            for (int m = 0; m < members.Length; m++)
            {
                int c = members[m];
                blocks[m] = (m * bins, comps[c].Name);
                for (int b = 0; b < bins; b++) jointNominal[m * bins + b] = nominal[c][b] * toReference[c];
            }
            for (int u = 0; u < universes; u++)
            {
                rows[u] = new double[members.Length * bins];
                for (int m = 0; m < members.Length; m++)
                {
                    int c = members[m];
                    var values = RegularBinsOf(comps[c], comps[c].Result.Universe(s, u));
                    for (int b = 0; b < bins; b++) rows[u][m * bins + b] = values[b] * toReference[c];
                }
            }
            var spread = Spread.FromValues(rows, jointNominal, options.UniverseCentre, $"Systematic '{s}'");
            bool covariance = options.Universes == UniverseTreatment.Covariance;
            pending.Add((s, spread, blocks, covariance));
            if (covariance) continue;
            double floor = 1e-12 * spread.TotalVariance;
            for (int k = 0; k < Math.Min(options.PrincipalComponents, spread.PrincipalComponents.Count); k++)
            {
                var pc = spread.PrincipalComponents[k];
                if (!(pc.Variance > floor)) break;
                var shift = pc.Shift();
                var t = new TemplateSystematic(PrincipalComponentParameter(s, k), TemplateInterpolation.Linear);
                for (int m = 0; m < members.Length; m++)
                {
                    int c = members[m];
                    var up = new double[bins];
                    var down = new double[bins];
                    for (int b = 0; b < bins; b++)
                    {
                        double d = shift[m * bins + b] / toReference[c];
                        up[b] = Math.Max(0.0, nominal[c][b] + d);
                        down[b] = Math.Max(0.0, nominal[c][b] - d);
                    }
                    t.AddShift(comps[c].Name, -1, down).AddShift(comps[c].Name, 1, up);
                }
                templates.Add(t);
            }
        }
        var result = new SystematicPrediction(predictionComponents, templates.ToArray(), reference, bins, order.ToArray());
        foreach (var (name, spread, blocks, covariance) in pending)
        {
            result._spreads[name] = spread;
            result._blocks[name] = blocks;
            if (covariance) result._covarianceSystematics.Add(name);
        }
        return result;
    }

    private static int UniverseCount(VariedComponent c, string systematic) =>
        Spread.UniversesOf(c.Result, systematic).Count;

    private static double[] RegularBinsOf(VariedComponent c, AnalysisResult r)
    {
        Histograms.Histogram1D h;
        try { h = r.Histogram1D(c.Histogram); }
        catch (KeyNotFoundException e) { throw new ArgumentException($"Component '{c.Name}': {e.Message}", nameof(c), e); }
        return Spread.RegularBins(h);
    }

    /// <summary>The factor that takes counts at <paramref name="from"/> to <paramref name="to"/>: 1 when both have no
    /// exposure, else to/from of the same kind.</summary>
    internal static double Factor(Exposure from, Exposure to, string what)
    {
        if (from.Kind == ExposureKind.None && to.Kind == ExposureKind.None) return 1.0;
        if (from.Kind != to.Kind)
            throw new ArgumentException($"{what}: exposure {from} ({from.Kind}) cannot be scaled to {to} ({to.Kind}); exposure kinds do not mix.");
        if (!(from.Value > 0)) throw new ArgumentException($"{what}: exposure {from} is zero and cannot be scaled to {to}.");
        return to.Value / from.Value;
    }
}
