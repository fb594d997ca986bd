using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Runtime.Statistics.HistFactory;

/// <summary>A NuMM model written as a HistFactory workspace, with notes on every approximation the schema forced.</summary>
/// <param name="Workspace">The workspace (pyhf schema 1.0.0).</param>
/// <param name="Notes">Approximations and settings a pyhf user must apply (for example a normsys interpolation code).</param>
public sealed record HistFactoryExportResult(HistFactoryWorkspace Workspace, IReadOnlyList<string> Notes);

/// <summary>Writes a <see cref="BinnedLikelihood"/> (Poisson statistic) as a one-channel HistFactory workspace, so pyhf users
/// can read NuMM models. Mapping: a Linear scale is a normfactor; a Square scale (the μ² magnetic-moment signal, which pyhf
/// cannot express) becomes a normfactor on μ² named "&lt;name&gt;_squared" with bounds [0, max(lower², upper²)]; a
/// Constant scale multiplies the sample's data; NormalizationSystematic → normsys (hi = factor at +1σ, lo = factor at −1σ);
/// TemplateSystematic → histosys from its ±1σ templates; sum w² (with MC statistics on) → staterror. Everything the schema
/// cannot carry exactly is listed in <see cref="HistFactoryExportResult.Notes"/>; an opaque <see cref="ComponentScale.Function"/>
/// or a χ² statistic is refused with an error naming it.</summary>
public static class HistFactoryExport
{
    /// <summary>Exports the measurement.</summary>
    /// <param name="likelihood">The measurement (Poisson statistic).</param>
    /// <param name="parameterOfInterest">The parameter of interest (for a Square scale, the POI becomes its square).</param>
    /// <param name="channel">Channel name.</param>
    /// <param name="measurement">Measurement name.</param>
    /// <exception cref="NotSupportedException">Names the component or setting that has no HistFactory form.</exception>
    public static HistFactoryExportResult FromLikelihood(BinnedLikelihood likelihood, string parameterOfInterest, string channel = "numm", string measurement = "numm")
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        if (likelihood.Statistic.Kind != TestStatisticKind.PoissonLikelihoodRatio)
            throw new NotSupportedException($"HistFactory workspaces are Poisson likelihoods; this measurement uses {likelihood.Statistic}.");
        var model = likelihood.Model;
        var notes = new List<string>();
        var pars = model.Parameters.ToDictionary(p => p.Name);
        if (!pars.ContainsKey(parameterOfInterest))
            throw new ArgumentException($"'{parameterOfInterest}' is not a parameter; parameters are: {string.Join(", ", pars.Keys)}.", nameof(parameterOfInterest));
        string poi = parameterOfInterest;
        var configs = new Dictionary<string, HistFactoryParameterConfig>();
        var samples = new List<HistFactorySample>();
        var squared = new HashSet<string>();
        if (model.HasBinFactors)
            notes.Add($"per-bin factor vectors ({string.Join(", ", model.BinFactorNames)}) are not exported; add them as shapesys/staterror/shapefactor modifiers by hand");
        foreach (var v in model.Views)
        {
            var mods = new List<HistFactoryModifier>();
            var data = (double[])v.Nominal.Clone();
            switch (v.Scale.Kind)
            {
                case ComponentScale.Kinds.Constant:
                    for (int b = 0; b < data.Length; b++) data[b] *= v.Scale.ConstantFactor;
                    break;
                case ComponentScale.Kinds.Linear:
                    {
                        var p = pars[v.Scale.ParameterNames[0]];
                        mods.Add(new HistFactoryModifier(p.Name, "normfactor"));
                        configs[p.Name] = new HistFactoryParameterConfig(p.Name, [(p.Lower, p.Upper)], [p.Initial]);
                        if (p.Constraint is not null) notes.Add($"'{p.Name}': its Gaussian constraint has no normfactor form and was dropped");
                        break;
                    }
                case ComponentScale.Kinds.Square:
                    {
                        var p = pars[v.Scale.ParameterNames[0]];
                        string name = p.Name + "_squared";
                        squared.Add(p.Name);
                        mods.Add(new HistFactoryModifier(name, "normfactor"));
                        double hi = Math.Max(p.Lower * p.Lower, p.Upper * p.Upper), lo = p.Lower >= 0 ? p.Lower * p.Lower : 0;
                        configs[name] = new HistFactoryParameterConfig(name, [(lo, hi)], [Math.Clamp(p.Initial * p.Initial, lo, hi)]);
                        if (p.Name == parameterOfInterest) poi = name;
                        notes.Add($"component '{v.Name}' scales with {p.Name}²: exported as the normfactor '{name}' = {p.Name}² (pyhf fits μ² linearly; a limit on {name} is the square of the limit on {p.Name})");
                        break;
                    }
                default:
                    throw new NotSupportedException($"Component '{v.Name}': scale '{v.Scale.Description}' is an arbitrary function with no HistFactory form (use Constant, Linear or Square).");
            }
            foreach (var n in v.Norms)
            {
                double hi = n.Factor(1), lo = n.Factor(-1);
                if (lo <= 0) throw new NotSupportedException($"Normalisation systematic '{n.Parameter}' on '{v.Name}': the factor at −1σ is {lo}, which a normsys cannot hold.");
                mods.Add(new HistFactoryModifier(n.Parameter, "normsys", Hi: hi, Lo: lo));
                string code = n.Interpolation switch { NormalizationInterpolation.Exponential => "", NormalizationInterpolation.Linear => "0", _ => "4" };
                if (code.Length > 0 && !notes.Any(x => x.StartsWith($"normsys '{n.Parameter}'", StringComparison.Ordinal)))
                    notes.Add($"normsys '{n.Parameter}' uses interpolation code {code} in NuMM: set modifier_settings normsys interpcode code{code} in pyhf (its default is code 1)");
                CheckUnitNuisance(pars, n.Parameter, notes);
            }
            foreach (var t in v.Templates)
            {
                var shifts = t.ShiftsFor(v.Name);
                double[] Side(double sigma) => shifts.TryGetValue(sigma, out var c) ? c.Select(x => x * v.ExposureFactor).ToArray() : (double[])v.Nominal.Clone();
                var up = Side(1); var down = Side(-1);
                if (v.Scale.Kind == ComponentScale.Kinds.Constant) for (int b = 0; b < up.Length; b++) { up[b] *= v.Scale.ConstantFactor; down[b] *= v.Scale.ConstantFactor; }
                mods.Add(new HistFactoryModifier(t.Parameter, "histosys", HiData: up, LoData: down));
                if (shifts.Keys.Any(k => Math.Abs(k) != 1))
                    notes.Add($"histosys '{t.Parameter}' on '{v.Name}': only the ±1σ templates were exported (NuMM also has {string.Join(", ", shifts.Keys.Where(k => Math.Abs(k) != 1))}σ)");
                if (t.Interpolation == TemplateInterpolation.Cubic)
                    notes.Add($"histosys '{t.Parameter}' on '{v.Name}': NuMM interpolates with a cubic Hermite; the closest pyhf setting is histosys interpcode code4p");
                CheckUnitNuisance(pars, t.Parameter, notes);
            }
            if (v.Templates.Length > 1)
                notes.Add($"component '{v.Name}' has {v.Templates.Length} template systematics: NuMM multiplies their ratios, HistFactory adds their differences (equal to first order)");
            if (likelihood.McStatistics && v.SumW2 is { } w2)
                mods.Add(new HistFactoryModifier("staterror_" + channel, "staterror", Values: w2.Select(Math.Sqrt).ToArray()));
            samples.Add(new HistFactorySample(v.Name, data, mods));
        }
        if (likelihood.McStatistics)
            notes.Add("MC statistics: NuMM profiles one Barlow–Beeston-lite factor per bin analytically; the staterror modifier is the same model with its γ fitted");
        if (!samples.Any(s => s.Modifiers.Any(m => m.Name == poi)))
            throw new NotSupportedException($"The parameter of interest '{parameterOfInterest}' scales no component linearly or as a square, so it has no HistFactory form.");
        var ws = new HistFactoryWorkspace([new HistFactoryChannel(channel, samples)], [new HistFactoryObservation(channel, likelihood.Observed.ToArray())],
            [new HistFactoryMeasurement(measurement, poi, configs.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray())]);
        return new HistFactoryExportResult(ws, notes);
    }

    private static void CheckUnitNuisance(Dictionary<string, FitParameter> pars, string name, List<string> notes)
    {
        var p = pars[name];
        if (p.Constraint is not { Centre: 0, Sigma: 1 } && !notes.Any(n => n.StartsWith($"'{name}'", StringComparison.Ordinal)))
            notes.Add($"'{name}': NuMM's constraint is {(p.Constraint is { } c ? $"N({c.Centre}, {c.Sigma})" : "none")}, HistFactory's is N(0, 1)");
    }
}
