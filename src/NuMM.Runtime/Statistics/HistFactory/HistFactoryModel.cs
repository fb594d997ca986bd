using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.HistFactory;

/// <summary>Interpolation of a normsys modifier between its factors at α = ±1 (pyhf's modifier_settings).</summary>
public enum NormsysInterpolation
{
    /// <summary>Code 0: piecewise linear, 1 + α (hi − 1) above 0, 1 + α (1 − lo) below.</summary>
    Code0 = 0,
    /// <summary>Code 1 (pyhf's default): exponential, hi^α above 0, lo^(−α) below.</summary>
    Code1 = 1,
    /// <summary>Code 4: exponential for |α| ≥ 1, a 6th-order polynomial inside matching value, slope and curvature at ±1.</summary>
    Code4 = 4,
}

/// <summary>Interpolation of a histosys modifier between its templates at α = ±1 (pyhf's modifier_settings).</summary>
public enum HistosysInterpolation
{
    /// <summary>Code 0 (pyhf's default): the per-bin difference from nominal is piecewise linear in α.</summary>
    Code0 = 0,
    /// <summary>Code 4p: linear for |α| &gt; 1, inside the polynomial α (S + α A (15 + α² (3α² − 10))) with
    /// S = (Δ⁺ + Δ⁻)/2, A = (Δ⁺ − Δ⁻)/16 (smooth at 0).</summary>
    Code4p = 4,
}

/// <summary>How a workspace becomes a model.</summary>
public sealed record HistFactoryOptions
{
    /// <summary>Measurement to use (null: the first).</summary>
    public string? Measurement { get; init; }
    /// <summary>normsys interpolation (code 1 is pyhf's default).</summary>
    public NormsysInterpolation Normsys { get; init; } = NormsysInterpolation.Code1;
    /// <summary>histosys interpolation (code 0 is pyhf's default).</summary>
    public HistosysInterpolation Histosys { get; init; } = HistosysInterpolation.Code0;
}

/// <summary>The HistFactory probability model of a pyhf workspace as a χ²-like objective:
/// −2 ln L(n | λ(θ)) / L(n | n) for the main counts plus −2 ln of the constraint terms relative to their maxima
/// (Gaussian: ((θ − a)/σ)²; Poisson for shapesys: 2 [γτ − a + a ln(a/γτ)] with τ = (nominal/δ)²). Differences are pyhf's
/// −2 ln λ. Expected events λ_b = (nominal_b + Σ histosys Δ_b(α)) · Π normfactor · Π normsys(α) · lumi · Π γ_b
/// (shapesys, staterror, shapefactor). Per-bin parameters are vectors named "name[i]"; staterror uses one γ per bin with
/// σ_b = √(Σ δ²)/Σ nominal over the channel's samples. Bins whose shapesys or staterror uncertainty is 0 keep γ fixed at 1
/// (as pyhf); parameters set "fixed" in the measurement are held at their initial values and are not in
/// <see cref="Parameters"/>. Thread-safe.</summary>
public sealed class HistFactoryModel : IGenerativeObjective
{
    private enum Constraint { None, Gaussian, Poisson }

    private sealed record Entry(string Name, double Init, double Lower, double Upper, bool Fixed, Constraint Kind, double Aux, double Sigma, double Tau);

    private sealed record Mod(string Type, int Entry, double Hi, double Lo, double[]? Hi4, double[]? Up, double[]? Down);

    private sealed record SampleTerm(int Offset, double[] Nominal, Mod[] Modifiers);

    private sealed class Structure
    {
        public Entry[] Entries = [];
        public int[] Free = [];
        public SampleTerm[] Samples = [];
        public int Bins;
        public HistFactoryOptions Options = new();
        public FitParameter[] Parameters = [];
        public string Poi = "";
        public (string Name, int Offset, int Bins)[] Channels = [];
    }

    private readonly Structure _s;
    private readonly double[] _observed;
    private readonly double[] _aux; // per entry (Gaussian: centre; Poisson: auxiliary count)

    private HistFactoryModel(Structure s, double[] observed, double[] aux, HistFactoryWorkspace? workspace)
    {
        _s = s; _observed = observed; _aux = aux; Workspace = workspace;
    }

    /// <summary>The workspace the model was built from (null for Asimov and toy copies).</summary>
    public HistFactoryWorkspace? Workspace { get; }
    /// <summary>Free parameters (fixed ones excluded), vectors as "name[i]".</summary>
    public IReadOnlyList<FitParameter> Parameters => _s.Parameters;
    /// <summary>Parameter of interest of the measurement.</summary>
    public string Poi => _s.Poi;
    /// <summary>Main-measurement counts, channels in workspace order.</summary>
    public IReadOnlyList<double> Observed => _observed;
    /// <summary>Channel names with the offset and bin count of each in <see cref="Observed"/>.</summary>
    public IReadOnlyList<(string Name, int Offset, int Bins)> Channels => _s.Channels;

    /// <summary>Builds the model of a workspace's measurement on its observed data.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="options">Measurement and interpolation codes.</param>
    /// <exception cref="HistFactoryFormatException">Parameter settings that do not fit the model, with their JSON paths.</exception>
    public static HistFactoryModel Create(HistFactoryWorkspace workspace, HistFactoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var o = options ?? new HistFactoryOptions();
        var measurement = workspace.Measurement(o.Measurement);
        int mIndex = workspace.Measurements.ToList().IndexOf(measurement);
        var problems = new List<string>();
        var s = new Structure { Options = o, Poi = measurement.Poi };

        // Channel layout and the per-name sizes of vector parameters.
        var channels = new List<(string, int, int)>();
        int offset = 0;
        foreach (var ch in workspace.Channels) { channels.Add((ch.Name, offset, ch.Bins)); offset += ch.Bins; }
        s.Channels = channels.ToArray();
        s.Bins = offset;

        var order = new List<string>();
        var typeOf = new Dictionary<string, string>();
        var sizeOf = new Dictionary<string, int>();
        for (int c = 0; c < workspace.Channels.Count; c++)
            foreach (var sample in workspace.Channels[c].Samples)
                foreach (var m in sample.Modifiers)
                {
                    int size = m.Type is "shapesys" or "staterror" or "shapefactor" ? workspace.Channels[c].Bins : 1;
                    if (sizeOf.TryGetValue(m.Name, out int seen))
                    {
                        if (seen != size) problems.Add($"$.channels[{c}] ('{workspace.Channels[c].Name}'): {m.Type} '{m.Name}' has {size} bins here but {seen} elsewhere");
                        continue;
                    }
                    order.Add(m.Name); typeOf[m.Name] = m.Type; sizeOf[m.Name] = size;
                }
        // The parameter of interest first, then the others in order of appearance.
        order.Remove(measurement.Poi);
        order.Insert(0, measurement.Poi);

        // Per-bin uncertainties: staterror σ_rel = √Σδ² / Σ nominal per name; shapesys τ = (nominal/δ)² of its sample.
        var statNum = new Dictionary<string, double[]>(); var statDen = new Dictionary<string, double[]>();
        var shapesysTau = new Dictionary<string, double[]>();
        for (int c = 0; c < workspace.Channels.Count; c++)
            for (int si = 0; si < workspace.Channels[c].Samples.Count; si++)
            {
                var sample = workspace.Channels[c].Samples[si];
                foreach (var m in sample.Modifiers)
                {
                    if (m.Type == "staterror" && m.Values!.Length == sample.Data.Length && sizeOf[m.Name] == sample.Data.Length)
                    {
                        if (!statNum.ContainsKey(m.Name)) { statNum[m.Name] = new double[sample.Data.Length]; statDen[m.Name] = new double[sample.Data.Length]; }
                        for (int b = 0; b < sample.Data.Length; b++) { statNum[m.Name][b] += m.Values[b] * m.Values[b]; statDen[m.Name][b] += sample.Data[b]; }
                    }
                    if (m.Type == "shapesys" && m.Values!.Length == sample.Data.Length)
                    {
                        if (shapesysTau.ContainsKey(m.Name)) { problems.Add($"$.channels[{c}].samples[{si}]: shapesys '{m.Name}' is already used by another sample (a shared shapesys is not supported)"); continue; }
                        shapesysTau[m.Name] = sample.Data.Select((v, b) => m.Values[b] > 0 && v > 0 ? (v / m.Values[b]) * (v / m.Values[b]) : 0.0).ToArray();
                    }
                }
            }

        var configs = measurement.Parameters.Select((pc, i) => (pc, Path: $"$.measurements[{mIndex}].config.parameters[{i}]")).ToDictionary(t => t.pc.Name, t => t);
        var entries = new List<Entry>();
        var firstEntry = new Dictionary<string, int>();
        foreach (var name in order)
        {
            string type = typeOf[name];
            int size = sizeOf[name];
            configs.TryGetValue(name, out var cfg);
            string cpath = cfg.Path ?? "";
            var pc = cfg.pc;
            if (pc is not null)
            {
                void CheckLength<T>(T[]? a, string key) { if (a is not null && a.Length != size) problems.Add($"{cpath}.{key}: has {a.Length} entries but '{name}' has {size}"); }
                CheckLength(pc.Bounds, "bounds"); CheckLength(pc.Inits, "inits"); CheckLength(pc.AuxData, "auxdata"); CheckLength(pc.Sigmas, "sigmas");
            }
            if (type == "lumi" && (pc?.AuxData is null || pc.Sigmas is null))
                problems.Add($"$.measurements[{mIndex}].config.parameters: the lumi parameter '{name}' needs an entry with auxdata and sigmas");
            firstEntry[name] = entries.Count;
            for (int i = 0; i < size; i++)
            {
                string en = size == 1 && type is not ("shapesys" or "staterror" or "shapefactor") ? name : $"{name}[{i}]";
                (double lo, double hi, double init) = type switch
                {
                    "normsys" or "histosys" => (-5.0, 5.0, 0.0),
                    "shapesys" or "staterror" => (1e-10, 10.0, 1.0),
                    _ => (0.0, 10.0, 1.0),
                };
                var kind = type switch { "normsys" or "histosys" or "lumi" or "staterror" => Constraint.Gaussian, "shapesys" => Constraint.Poisson, _ => Constraint.None };
                double aux = type is "normsys" or "histosys" ? 0 : 1, sigma = 1, tau = 0;
                bool isFixed = false;
                if (type == "staterror")
                {
                    double den = statDen.TryGetValue(name, out var d) ? d[i] : 0, num = statNum.TryGetValue(name, out var nn) ? nn[i] : 0;
                    sigma = den > 0 ? Math.Sqrt(num) / den : 0;
                    if (!(sigma > 0)) isFixed = true; // no uncertainty: γ = 1, as pyhf
                }
                if (type == "shapesys")
                {
                    tau = shapesysTau.TryGetValue(name, out var t) && i < t.Length ? t[i] : 0;
                    aux = tau;
                    if (!(tau > 0)) isFixed = true;
                }
                if (pc?.Bounds is { } bb && i < bb.Length) (lo, hi) = bb[i];
                if (pc?.Inits is { } ii && i < ii.Length) init = ii[i];
                if (pc?.Fixed == true) isFixed = true;
                if (kind == Constraint.Gaussian)
                {
                    if (pc?.AuxData is { } ad && i < ad.Length) aux = ad[i];
                    if (pc?.Sigmas is { } sg && i < sg.Length) sigma = sg[i];
                }
                if (!isFixed && (init < lo || init > hi)) problems.Add($"{(cpath.Length > 0 ? cpath : "$.measurements")}: initial value {HistFactoryWorkspace.F(init)} of '{en}' lies outside [{HistFactoryWorkspace.F(lo)}, {HistFactoryWorkspace.F(hi)}]");
                entries.Add(new Entry(en, init, lo, hi, isFixed, isFixed ? Constraint.None : kind, aux, sigma, tau));
            }
        }
        if (!typeOf.ContainsKey(measurement.Poi)) problems.Add($"$.measurements[{mIndex}].config.poi: '{measurement.Poi}' is not a modifier of any sample");
        if (problems.Count > 0) throw new HistFactoryFormatException("workspace", problems);

        var samples = new List<SampleTerm>();
        for (int c = 0; c < workspace.Channels.Count; c++)
            foreach (var sample in workspace.Channels[c].Samples)
            {
                var mods = sample.Modifiers.Select(m =>
                {
                    int e = firstEntry[m.Name];
                    return m.Type switch
                    {
                        "normsys" => new Mod(m.Type, e, m.Hi, m.Lo, o.Normsys == NormsysInterpolation.Code4 ? NormalizationSystematic.Code4Coefficients(m.Hi, m.Lo) : null, null, null),
                        "histosys" => new Mod(m.Type, e, 0, 0, null,
                            m.HiData!.Select((v, b) => v - sample.Data[b]).ToArray(), m.LoData!.Select((v, b) => sample.Data[b] - v).ToArray()),
                        _ => new Mod(m.Type, e, 0, 0, null, null, null),
                    };
                }).ToArray();
                samples.Add(new SampleTerm(channels[c].Item2, sample.Data, mods));
            }
        s.Entries = entries.ToArray();
        s.Samples = samples.ToArray();
        s.Free = Enumerable.Range(0, entries.Count).Where(i => !entries[i].Fixed).ToArray();
        s.Parameters = s.Free.Select(i =>
        {
            var e = entries[i];
            return e.Kind switch
            {
                Constraint.Gaussian => new FitParameter(e.Name, e.Init, e.Lower, e.Upper, new GaussianConstraint(e.Aux, e.Sigma), e.Sigma),
                Constraint.Poisson => new FitParameter(e.Name, e.Init, e.Lower, e.Upper, null, 1 / Math.Sqrt(e.Tau)),
                _ => new FitParameter(e.Name, e.Init, e.Lower, e.Upper),
            };
        }).ToArray();
        if (!s.Free.Any(i => entries[i].Name == measurement.Poi))
            throw new HistFactoryFormatException("workspace", [$"$.measurements[{mIndex}].config: the parameter of interest '{measurement.Poi}' is fixed"]);

        var observed = new double[s.Bins];
        foreach (var (name, off, bins) in s.Channels)
        {
            var obs = workspace.Observations.First(x => x.Name == name);
            Array.Copy(obs.Data, 0, observed, off, bins);
        }
        return new HistFactoryModel(s, observed, entries.Select(e => e.Aux).ToArray(), workspace);
    }

    /// <summary>Expected events per bin of the main measurement (channels in workspace order).</summary>
    /// <param name="parameters">One value per entry of <see cref="Parameters"/>.</param>
    public double[] Expected(ReadOnlySpan<double> parameters)
    {
        var lambda = new double[_s.Bins];
        Expected(Full(parameters), lambda);
        return lambda;
    }

    private double[] Full(ReadOnlySpan<double> free)
    {
        if (free.Length != _s.Free.Length) throw new ArgumentException($"Expected {_s.Free.Length} parameter values, got {free.Length}.", nameof(free));
        var full = new double[_s.Entries.Length];
        for (int i = 0; i < full.Length; i++) full[i] = _s.Entries[i].Init;
        for (int j = 0; j < _s.Free.Length; j++) full[_s.Free[j]] = free[j];
        return full;
    }

    private void Expected(double[] full, Span<double> lambda)
    {
        lambda.Clear();
        var buffer = new double[_s.Samples.Length == 0 ? 0 : _s.Samples.Max(x => x.Nominal.Length)];
        foreach (var sample in _s.Samples)
        {
            int n = sample.Nominal.Length;
            var work = buffer.AsSpan(0, n);
            sample.Nominal.CopyTo(work);
            double factor = 1;
            foreach (var m in sample.Modifiers)
            {
                double a = full[m.Entry];
                switch (m.Type)
                {
                    case "histosys":
                        for (int b = 0; b < n; b++) work[b] += HistosysDelta(a, m.Up![b], m.Down![b]);
                        break;
                    case "normsys": factor *= NormsysFactor(a, m); break;
                    case "normfactor": case "lumi": factor *= a; break;
                }
            }
            foreach (var m in sample.Modifiers)
                if (m.Type is "shapesys" or "staterror" or "shapefactor")
                    for (int b = 0; b < n; b++) work[b] *= full[m.Entry + b];
            for (int b = 0; b < n; b++) lambda[sample.Offset + b] += work[b] * factor;
        }
    }

    private double HistosysDelta(double a, double up, double down)
    {
        if (_s.Options.Histosys == HistosysInterpolation.Code4p && Math.Abs(a) <= 1)
        {
            double sym = 0.5 * (up + down), asym = 0.0625 * (up - down), a2 = a * a;
            return a * (sym + a * asym * (15 + a2 * (3 * a2 - 10)));
        }
        return a >= 0 ? a * up : a * down;
    }

    private double NormsysFactor(double a, Mod m)
    {
        switch (_s.Options.Normsys)
        {
            case NormsysInterpolation.Code0: return a >= 0 ? 1 + a * (m.Hi - 1) : 1 + a * (1 - m.Lo);
            case NormsysInterpolation.Code1: return a >= 0 ? Math.Pow(m.Hi, a) : Math.Pow(m.Lo, -a);
            default:
                if (a >= 1) return Math.Pow(m.Hi, a);
                if (a <= -1) return Math.Pow(m.Lo, -a);
                double r = 0;
                for (int i = 5; i >= 0; i--) r = (r + m.Hi4![i]) * a;
                return 1 + r;
        }
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> parameters)
    {
        var full = Full(parameters);
        Span<double> lambda = _s.Bins <= 512 ? stackalloc double[_s.Bins] : new double[_s.Bins];
        Expected(full, lambda);
        double chi2 = 0;
        for (int b = 0; b < lambda.Length; b++) chi2 += BinnedLikelihood.PoissonTerm(_observed[b], lambda[b]);
        var entries = _s.Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            if (e.Kind == Constraint.Gaussian) { double z = (full[i] - _aux[i]) / e.Sigma; chi2 += z * z; }
            else if (e.Kind == Constraint.Poisson) chi2 += BinnedLikelihood.PoissonTerm(_aux[i], full[i] * e.Tau);
        }
        return chi2;
    }

    /// <summary>The Asimov data set at <paramref name="parameters"/> (pyhf's expected_data: main counts and auxiliary data).</summary>
    /// <param name="parameters">Free parameter values.</param>
    public HistFactoryModel Asimov(ReadOnlySpan<double> parameters)
    {
        var full = Full(parameters);
        var lambda = new double[_s.Bins];
        Expected(full, lambda);
        var aux = (double[])_aux.Clone();
        for (int i = 0; i < aux.Length; i++)
        {
            var e = _s.Entries[i];
            if (e.Kind == Constraint.Gaussian) aux[i] = full[i];
            else if (e.Kind == Constraint.Poisson) aux[i] = full[i] * e.Tau;
        }
        return new HistFactoryModel(_s, lambda, aux, null);
    }

    /// <summary>A pseudo-experiment at <paramref name="truth"/>: Poisson main counts, Gaussian and Poisson auxiliary data.</summary>
    /// <param name="random">Random source.</param>
    /// <param name="truth">Free parameter values.</param>
    public HistFactoryModel GenerateToy(Random random, ReadOnlySpan<double> truth)
    {
        ArgumentNullException.ThrowIfNull(random);
        var full = Full(truth);
        var lambda = new double[_s.Bins];
        Expected(full, lambda);
        var counts = lambda.Select(l => l > 0 ? (double)Poisson.Sample(random, l) : 0.0).ToArray();
        var aux = (double[])_aux.Clone();
        for (int i = 0; i < aux.Length; i++)
        {
            var e = _s.Entries[i];
            if (e.Kind == Constraint.Gaussian) aux[i] = full[i] + e.Sigma * Normal.Sample(random, 0, 1);
            else if (e.Kind == Constraint.Poisson) aux[i] = Poisson.Sample(random, full[i] * e.Tau);
        }
        return new HistFactoryModel(_s, counts, aux, null);
    }

    /// <inheritdoc/>
    IGenerativeObjective IGenerativeObjective.AsimovAt(ReadOnlySpan<double> parameters) => Asimov(parameters);

    /// <inheritdoc/>
    IGenerativeObjective IGenerativeObjective.Toy(Random random, ReadOnlySpan<double> truth) => GenerateToy(random, truth);
}
