using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NuMM.Runtime.Data;

namespace NuMM.Runtime.Statistics.Model;

/// <summary>The expected spectrum as a function of the fit parameters (the technote's
/// NDPredictionSystSingleElectron): Σ_components scale_c(p) · Π norm factors · Π_template-systematics r_{c,s,b}(θ_s) · nominal_{c,b},
/// with every component brought to the data exposure. Immutable and thread-safe once built.</summary>
public sealed class PredictionModel
{
    private readonly CompiledComponent[] _components;
    private readonly Dictionary<string, int> _index;
    private readonly List<ComponentView> _views = [];
    private readonly Dictionary<string, int> _factorVectors = new(StringComparer.Ordinal);
    private readonly int[][] _factorParams;

    /// <summary>What an exporter needs of one component: nominal and sum w² at the data exposure, its systematics and the
    /// exposure factor that applies to its shifted templates.</summary>
    internal sealed record ComponentView(string Name, ComponentScale Scale, double[] Nominal, double[]? SumW2, NormalizationSystematic[] Norms,
        TemplateSystematic[] Templates, double ExposureFactor);

    internal IReadOnlyList<ComponentView> Views => _views;

    /// <summary>Builds the model and validates every reference.</summary>
    /// <param name="components">Components; unique names, all with the same number of bins.</param>
    /// <param name="parameters">Declared parameters (parameters of interest, free normalisations, and nuisance
    /// parameters whose constraint you want to set yourself). Parameters referenced by systematics but not declared are
    /// created as <see cref="FitParameter.Nuisance"/> (unit Gaussian constraint, ±5σ).</param>
    /// <param name="templateSystematics">Shape systematics from shifted templates.</param>
    /// <param name="normalizationSystematics">Normalisation uncertainties.</param>
    /// <param name="dataExposure">Exposure of the data; each component with an exposure of the same kind is scaled by
    /// dataExposure / componentExposure (POT or livetime), components without exposure are used as they are.</param>
    /// <param name="binFactors">Per-bin factor vectors (Barlow–Beeston, staterror, shapefactor); their parameters
    /// <c>name[b]</c> are created after the systematics' nuisances unless declared.</param>
    /// <exception cref="ArgumentException">Names the component, systematic or parameter at fault.</exception>
    public PredictionModel(IEnumerable<PredictionComponent> components, IEnumerable<FitParameter> parameters,
        IEnumerable<TemplateSystematic>? templateSystematics = null, IEnumerable<NormalizationSystematic>? normalizationSystematics = null,
        Exposure dataExposure = default, IEnumerable<BinFactors>? binFactors = null)
    {
        var comps = components?.ToArray() ?? throw new ArgumentNullException(nameof(components));
        if (comps.Length == 0) throw new ArgumentException("A prediction model needs at least one component.", nameof(components));
        BinCount = comps[0].Contents.Length;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in comps)
        {
            if (!names.Add(c.Name)) throw new ArgumentException($"Component name '{c.Name}' is used twice.", nameof(components));
            if (c.Contents.Length != BinCount)
                throw new ArgumentException($"Component '{c.Name}' has {c.Contents.Length} bins but '{comps[0].Name}' has {BinCount}.", nameof(components));
        }

        var pars = new List<FitParameter>(parameters ?? []);
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < pars.Count; i++)
            if (!_index.TryAdd(pars[i].Name, i)) throw new ArgumentException($"Parameter name '{pars[i].Name}' is declared twice.", nameof(parameters));
        var templates = templateSystematics?.ToArray() ?? [];
        var norms = normalizationSystematics?.ToArray() ?? [];
        int Ensure(string name)
        {
            if (_index.TryGetValue(name, out int k)) return k;
            pars.Add(FitParameter.Nuisance(name));
            _index[name] = pars.Count - 1;
            return pars.Count - 1;
        }
        var templateParams = templates.Select(t => Ensure(t.Parameter)).ToArray();
        var normParams = norms.Select(n => Ensure(n.Parameter)).ToArray();
        var factors = binFactors?.ToArray() ?? [];
        var factorParams = new int[factors.Length][];
        for (int v = 0; v < factors.Length; v++)
        {
            var f = factors[v];
            if (!_factorVectors.TryAdd(f.Name, v)) throw new ArgumentException($"Bin-factor vector '{f.Name}' is given twice.", nameof(binFactors));
            var targets = f.Components.Select(cn => comps.FirstOrDefault(c => c.Name == cn)
                ?? throw new ArgumentException($"Bin factors '{f.Name}' refer to unknown component '{cn}'.", nameof(binFactors))).ToArray();
            if (f.RelativeErrors is { } re && re.Count != BinCount)
                throw new ArgumentException($"Bin factors '{f.Name}' have {re.Count} relative errors but the model has {BinCount} bins.", nameof(binFactors));
            if (f.FromMcStatistics && targets.FirstOrDefault(c => c.SumW2 is null) is { } noW2)
                throw new ArgumentException($"Bin factors '{f.Name}' take their widths from the MC statistics, but component '{noW2.Name}' has no sumW2.", nameof(binFactors));
            factorParams[v] = new int[BinCount];
            for (int b = 0; b < BinCount; b++)
            {
                double sigma = 0;
                bool has;
                if (f.Constraint is null) has = targets.Any(c => c.Contents[b] > 0);
                else
                {
                    if (f.FromMcStatistics)
                    {
                        double sum = 0, w2 = 0;
                        foreach (var c in targets) { double e = ExposureFactor(c, dataExposure); sum += c.Contents[b] * e; w2 += c.SumW2![b] * e * e; }
                        sigma = sum > 0 ? Math.Sqrt(w2) / sum : 0;
                    }
                    else sigma = f.RelativeErrors![b];
                    has = sigma > 0;
                }
                if (!has) { factorParams[v][b] = -1; continue; }
                string name = $"{f.Name}[{b}]";
                if (!_index.TryGetValue(name, out int k))
                {
                    pars.Add(f.Constraint is { } kind
                        ? new FitParameter(name, 1, 0, 10, new GaussianConstraint(1, sigma), Math.Min(sigma, 1), "×", kind)
                        : new FitParameter(name, 1, 0, 10, null, 1, "×"));
                    k = pars.Count - 1;
                    _index[name] = k;
                }
                factorParams[v][b] = k;
            }
        }
        _factorParams = factorParams;
        Parameters = pars.ToArray();

        foreach (var t in templates)
            foreach (var cn in t.Components)
                if (!names.Contains(cn)) throw new ArgumentException($"Template systematic '{t.Parameter}' refers to unknown component '{cn}'.", nameof(templateSystematics));
        foreach (var n in norms)
            foreach (var cn in n.Components)
                if (!names.Contains(cn)) throw new ArgumentException($"Normalisation systematic '{n.Parameter}' refers to unknown component '{cn}'.", nameof(normalizationSystematics));

        _components = new CompiledComponent[comps.Length];
        for (int ci = 0; ci < comps.Length; ci++)
        {
            var c = comps[ci];
            double expo = ExposureFactor(c, dataExposure);
            var nominal = c.Contents.Select(v => v * expo).ToArray();
            double[]? relVar = null;
            if (c.SumW2 is { } w2)
            {
                relVar = new double[BinCount];
                for (int b = 0; b < BinCount; b++) relVar[b] = c.Contents[b] > 0 ? w2[b] / (c.Contents[b] * c.Contents[b]) : 0.0;
            }
            var scaleIdx = c.Scale.ParameterNames.Select(p => _index.TryGetValue(p, out int k) ? k
                : throw new ArgumentException($"Component '{c.Name}': scale '{c.Scale.Description}' uses parameter '{p}', which is not declared.", nameof(parameters))).ToArray();
            var normList = new List<(NormalizationSystematic, int)>();
            for (int n = 0; n < norms.Length; n++)
                if (norms[n].Components.Contains(c.Name, StringComparer.Ordinal)) normList.Add((norms[n], normParams[n]));
            var interps = new List<CompiledTemplate>();
            for (int t = 0; t < templates.Length; t++)
                if (templates[t].Components.Contains(c.Name, StringComparer.Ordinal))
                    interps.Add(CompiledTemplate.Build(templates[t], c, templateParams[t]));
            var factorList = Enumerable.Range(0, factors.Length).Where(v => factors[v].Components.Contains(c.Name, StringComparer.Ordinal))
                .Select(v => factorParams[v]).ToArray();
            _components[ci] = new CompiledComponent(c.Name, c.Scale, scaleIdx, nominal, relVar, normList.ToArray(), interps.ToArray(), factorList);
            _views.Add(new ComponentView(c.Name, c.Scale, nominal, c.SumW2?.Select(w => w * expo * expo).ToArray(),
                normList.Select(x => x.Item1).ToArray(), templates.Where(t => t.Components.Contains(c.Name, StringComparer.Ordinal)).ToArray(), expo));
        }
        ComponentNames = comps.Select(c => c.Name).ToArray();
    }

    /// <summary>Number of bins of every component and of the data.</summary>
    public int BinCount { get; }
    /// <summary>All parameters in fit order: declared ones first, then nuisance parameters created for systematics.</summary>
    public IReadOnlyList<FitParameter> Parameters { get; }
    /// <summary>Component names in declaration order.</summary>
    public IReadOnlyList<string> ComponentNames { get; }

    /// <summary>Index of a parameter in <see cref="Parameters"/>.</summary>
    /// <param name="name">Parameter name.</param>
    /// <exception cref="ArgumentException">The name is not a parameter of the model.</exception>
    public int IndexOf(string name) => _index.TryGetValue(name, out int k) ? k
        : throw new ArgumentException($"'{name}' is not a parameter of this model; parameters are: {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(name));

    /// <summary>Starting values of all parameters.</summary>
    public double[] InitialValues() => Parameters.Select(p => p.Initial).ToArray();

    /// <summary>Expected events per bin at the given parameters.</summary>
    /// <param name="parameters">One value per entry of <see cref="Parameters"/>.</param>
    /// <param name="total">Output, <see cref="BinCount"/> bins: expected events.</param>
    public void Predict(ReadOnlySpan<double> parameters, Span<double> total) => Predict(parameters, total, default);

    /// <summary>Expected events per bin and the absolute MC statistical variance of that expectation (events²).</summary>
    /// <param name="parameters">One value per entry of <see cref="Parameters"/>.</param>
    /// <param name="total">Output: expected events per bin.</param>
    /// <param name="mcVariance">Output (optional, may be empty): Σ_c (pred_c,b)² · sumW2_c,b / contents_c,b².</param>
    public void Predict(ReadOnlySpan<double> parameters, Span<double> total, Span<double> mcVariance)
    {
        if (parameters.Length != Parameters.Count)
            throw new ArgumentException($"Expected {Parameters.Count} parameter values, got {parameters.Length}.", nameof(parameters));
        if (total.Length != BinCount) throw new ArgumentException($"Output has {total.Length} bins, model has {BinCount}.", nameof(total));
        total.Clear();
        bool wantVar = !mcVariance.IsEmpty;
        if (wantVar) mcVariance.Clear();
        double[]? rented = BinCount > 256 ? ArrayPool<double>.Shared.Rent(BinCount) : null;
        Span<double> work = rented is null ? stackalloc double[BinCount] : rented.AsSpan(0, BinCount);
        Span<double> args = stackalloc double[8];
        try
        {
            foreach (var c in _components)
            {
                double s = c.EvaluateScale(parameters, args);
                foreach (var (norm, pi) in c.Norms) s *= norm.Factor(parameters[pi]);
                var nom = c.Nominal;
                for (int b = 0; b < work.Length; b++) work[b] = nom[b] * s;
                foreach (var t in c.Templates) t.Apply(parameters[t.ParameterIndex], work);
                c.ApplyFactors(parameters, work);
                for (int b = 0; b < work.Length; b++) total[b] += work[b];
                if (wantVar && c.RelativeVariance is { } rv)
                    for (int b = 0; b < work.Length; b++) mcVariance[b] += work[b] * work[b] * rv[b];
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Names of the per-bin factor vectors, in declaration order.</summary>
    public IReadOnlyList<string> BinFactorNames => _factorVectors.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();

    /// <summary>The factors γ_b of vector <paramref name="name"/> at the given parameters (for example a fit's
    /// <see cref="Minimization.FitResult.Values"/>); 1 in bins without a parameter.</summary>
    /// <param name="name">Vector name (<see cref="BinFactors.Name"/>).</param>
    /// <param name="parameters">One value per parameter.</param>
    public double[] BinFactorValues(string name, ReadOnlySpan<double> parameters)
    {
        if (!_factorVectors.TryGetValue(name, out int v))
            throw new ArgumentException($"'{name}' is not a bin-factor vector; vectors are: {string.Join(", ", BinFactorNames)}.", nameof(name));
        if (parameters.Length != Parameters.Count) throw new ArgumentException($"Expected {Parameters.Count} parameter values, got {parameters.Length}.", nameof(parameters));
        var result = new double[BinCount];
        for (int b = 0; b < BinCount; b++) result[b] = _factorParams[v][b] >= 0 ? parameters[_factorParams[v][b]] : 1.0;
        return result;
    }

    internal bool HasBinFactors => _factorVectors.Count > 0;

    /// <summary>Scratch length <see cref="PredictWithJacobian"/> needs: bins × (1 + the most template systematics on one component).</summary>
    internal int JacobianScratchLength => BinCount * (2 + _components.Max(c => c.Templates.Length));

    /// <summary>Expected events per bin and their analytic derivatives ∂total_b/∂p_i (row i of <paramref name="jacobian"/>,
    /// <see cref="Parameters"/> × <see cref="BinCount"/>, row-major). Floored factors (a linear normalisation or a template
    /// ratio at 0) have zero derivative, as the prediction they give. Opaque <see cref="ComponentScale.Function"/> scales are
    /// differentiated by central differences; everything else exactly. Allocation-free for up to 8 scale arguments.</summary>
    internal void PredictWithJacobian(ReadOnlySpan<double> parameters, Span<double> total, Span<double> jacobian, Span<double> scratch)
    {
        int nb = BinCount;
        total.Clear();
        jacobian.Clear();
        Span<double> args = stackalloc double[8];
        Span<double> grad = stackalloc double[8];
        var work = scratch[..nb];
        foreach (var c in _components)
        {
            double s = c.EvaluateScale(parameters, args);
            double f = 1;
            foreach (var (norm, pi) in c.Norms) f *= norm.Factor(parameters[pi]);
            var nom = c.Nominal;
            for (int b = 0; b < nb; b++) work[b] = nom[b] * f;
            for (int t = 0; t < c.Templates.Length; t++)
                c.Templates[t].ApplyWithLogDerivative(parameters[c.Templates[t].ParameterIndex], work, scratch.Slice(nb * (1 + t), nb));
            if (c.Factors.Length > 0)
            {
                // ∂/∂γ_{v,b} = s · (product without the factors) · Π_{v' ≠ v} γ_{v',b}: no division, so γ = 0 is exact too.
                var before = scratch.Slice(nb * (1 + c.Templates.Length), nb);
                work.CopyTo(before);
                c.ApplyFactors(parameters, work);
                for (int v = 0; v < c.Factors.Length; v++)
                    for (int b = 0; b < nb; b++)
                    {
                        int k = c.Factors[v][b];
                        if (k < 0) continue;
                        double others = before[b];
                        for (int w = 0; w < c.Factors.Length; w++)
                            if (w != v && c.Factors[w][b] >= 0) others *= parameters[c.Factors[w][b]];
                        jacobian[k * nb + b] += s * others;
                    }
            }
            for (int b = 0; b < nb; b++) total[b] += s * work[b];
            if (c.ScaleIndices.Length > 0)
            {
                c.ScaleGradient(parameters, args, grad);
                for (int i = 0; i < c.ScaleIndices.Length; i++)
                {
                    var row = jacobian.Slice(c.ScaleIndices[i] * nb, nb);
                    double gi = grad[i];
                    for (int b = 0; b < nb; b++) row[b] += gi * work[b];
                }
            }
            foreach (var (norm, pi) in c.Norms)
            {
                double fn = norm.Factor(parameters[pi]);
                if (!(fn > 0)) continue; // floored at 0: the whole component is 0 and flat in every parameter
                double coef = s * norm.Derivative(parameters[pi]) / fn;
                var row = jacobian.Slice(pi * nb, nb);
                for (int b = 0; b < nb; b++) row[b] += coef * work[b];
            }
            for (int t = 0; t < c.Templates.Length; t++)
            {
                var dlog = scratch.Slice(nb * (1 + t), nb);
                var row = jacobian.Slice(c.Templates[t].ParameterIndex * nb, nb);
                for (int b = 0; b < nb; b++) row[b] += s * work[b] * dlog[b];
            }
        }
    }

    /// <summary>Expected events per bin of one component at the given parameters (for plots and reports).</summary>
    /// <param name="component">Component name.</param>
    /// <param name="parameters">One value per parameter.</param>
    public double[] PredictComponent(string component, ReadOnlySpan<double> parameters)
    {
        var c = _components.FirstOrDefault(x => x.Name == component)
            ?? throw new ArgumentException($"'{component}' is not a component; components are: {string.Join(", ", ComponentNames)}.", nameof(component));
        Span<double> args = stackalloc double[8];
        double s = c.EvaluateScale(parameters, args);
        foreach (var (norm, pi) in c.Norms) s *= norm.Factor(parameters[pi]);
        var work = c.Nominal.Select(v => v * s).ToArray();
        foreach (var t in c.Templates) t.Apply(parameters[t.ParameterIndex], work);
        c.ApplyFactors(parameters, work);
        return work;
    }

    private static double ExposureFactor(PredictionComponent c, Exposure data)
    {
        if (c.Exposure.Kind == ExposureKind.None || data.Kind == ExposureKind.None) return 1.0;
        if (c.Exposure.Kind != data.Kind)
            throw new ArgumentException($"Component '{c.Name}' has exposure {c.Exposure} but the data have {data}: kinds differ.");
        if (c.Exposure.Value <= 0) throw new ArgumentException($"Component '{c.Name}' has zero exposure ({c.Exposure}); it cannot be scaled to {data}.");
        return data.Value / c.Exposure.Value;
    }

    private sealed record CompiledComponent(string Name, ComponentScale Scale, int[] ScaleIndices, double[] Nominal, double[]? RelativeVariance,
        (NormalizationSystematic Norm, int Index)[] Norms, CompiledTemplate[] Templates, int[][] Factors)
    {
        /// <summary>Multiplies <paramref name="work"/> by the component's per-bin factors (bins without a parameter stay at 1).</summary>
        public void ApplyFactors(ReadOnlySpan<double> parameters, Span<double> work)
        {
            foreach (var f in Factors)
                for (int b = 0; b < work.Length; b++)
                    if (f[b] >= 0) work[b] *= parameters[f[b]];
        }

        public double EvaluateScale(ReadOnlySpan<double> parameters, Span<double> scratch)
        {
            Span<double> args = ScaleIndices.Length <= scratch.Length ? scratch[..ScaleIndices.Length] : new double[ScaleIndices.Length];
            for (int i = 0; i < ScaleIndices.Length; i++) args[i] = parameters[ScaleIndices[i]];
            double s = Scale.Evaluate(args);
            if (!double.IsFinite(s))
            {
                var values = args.ToArray();
                var at = string.Join(", ", Scale.ParameterNames.Select((n, i) => n + " = " + values[i].ToString("R", CultureInfo.InvariantCulture)));
                throw new InvalidOperationException($"Component '{Name}': scale '{Scale.Description}' returned {s.ToString("R", CultureInfo.InvariantCulture)} at {at}; a scale must be finite.");
            }
            // A negative scale is allowed (a deficit study with μ² free below 0): the likelihood floors a negative total
            // prediction, and the inference (q̃, Feldman–Cousins) handles the physical boundary.
            return s;
        }

        /// <summary>∂scale/∂(declared parameter i): exact for Linear and Square, central differences for a Function.</summary>
        public void ScaleGradient(ReadOnlySpan<double> parameters, Span<double> scratch, Span<double> gradient)
        {
            int n = ScaleIndices.Length;
            switch (Scale.Kind)
            {
                case ComponentScale.Kinds.Linear: gradient[0] = 1; return;
                case ComponentScale.Kinds.Square: gradient[0] = 2 * parameters[ScaleIndices[0]]; return;
                case ComponentScale.Kinds.Constant: return;
            }
            Span<double> args = n <= scratch.Length ? scratch[..n] : new double[n];
            for (int i = 0; i < n; i++) args[i] = parameters[ScaleIndices[i]];
            for (int i = 0; i < n; i++)
            {
                double v = args[i], h = 1e-6 * Math.Max(1, Math.Abs(v));
                args[i] = v + h; double up = Scale.Evaluate(args);
                args[i] = v - h; double down = Scale.Evaluate(args);
                args[i] = v;
                gradient[i] = (up - down) / (2 * h);
            }
        }
    }
}

/// <summary>Per-bin piecewise-polynomial ratio r_b(θ) of one template systematic on one component.</summary>
internal sealed class CompiledTemplate
{
    private readonly double[] _knots;      // sorted shifts in σ, including 0
    private readonly double[] _coef;       // [segment][bin][4]: a + b t + c t² + d t³, t = θ − knot[segment]
    private readonly double[] _firstValue, _firstSlope, _lastValue, _lastSlope;
    private readonly int _bins;

    public int ParameterIndex { get; }

    private CompiledTemplate(int parameterIndex, double[] knots, double[] coef, double[] fv, double[] fs, double[] lv, double[] ls, int bins)
    {
        ParameterIndex = parameterIndex; _knots = knots; _coef = coef;
        _firstValue = fv; _firstSlope = fs; _lastValue = lv; _lastSlope = ls; _bins = bins;
    }

    public static CompiledTemplate Build(TemplateSystematic syst, PredictionComponent component, int parameterIndex)
    {
        var shifts = syst.ShiftsFor(component.Name);
        int bins = component.Contents.Length;
        foreach (var (sigma, values) in shifts)
            if (values.Length != bins)
                throw new ArgumentException($"Systematic '{syst.Parameter}', component '{component.Name}': shift {sigma.ToString("R", CultureInfo.InvariantCulture)}σ has {values.Length} bins but the component has {bins}.");
        var knots = shifts.Keys.Append(0.0).OrderBy(x => x).ToArray();
        int k = knots.Length, segs = k - 1;
        var ratio = new double[k][];
        for (int i = 0; i < k; i++)
        {
            ratio[i] = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                double nom = component.Contents[b];
                ratio[i][b] = knots[i] == 0 || nom <= 0 ? 1.0 : shifts[knots[i]][b] / nom;
            }
        }
        var coef = new double[segs * bins * 4];
        var fv = new double[bins]; var fs = new double[bins]; var lv = new double[bins]; var ls = new double[bins];
        var slope = new double[k];
        for (int b = 0; b < bins; b++)
        {
            for (int i = 0; i < k; i++)
            {
                if (syst.Interpolation == TemplateInterpolation.Linear || i == 0 || i == k - 1)
                {
                    int lo = i == k - 1 ? i - 1 : i, hi = lo + 1;
                    slope[i] = (ratio[hi][b] - ratio[lo][b]) / (knots[hi] - knots[lo]);
                }
                else slope[i] = (ratio[i + 1][b] - ratio[i - 1][b]) / (knots[i + 1] - knots[i - 1]);
            }
            for (int s = 0; s < segs; s++)
            {
                double h = knots[s + 1] - knots[s], y0 = ratio[s][b], y1 = ratio[s + 1][b];
                int o = (s * bins + b) * 4;
                if (syst.Interpolation == TemplateInterpolation.Linear)
                {
                    coef[o] = y0; coef[o + 1] = (y1 - y0) / h;
                }
                else
                {
                    double m0 = slope[s], m1 = slope[s + 1], sec = (y1 - y0) / h;
                    coef[o] = y0; coef[o + 1] = m0;
                    coef[o + 2] = (3 * sec - 2 * m0 - m1) / h;
                    coef[o + 3] = (m0 + m1 - 2 * sec) / (h * h);
                }
            }
            fv[b] = ratio[0][b]; lv[b] = ratio[k - 1][b];
            fs[b] = (ratio[1][b] - ratio[0][b]) / (knots[1] - knots[0]);
            ls[b] = (ratio[k - 1][b] - ratio[k - 2][b]) / (knots[k - 1] - knots[k - 2]);
        }
        return new CompiledTemplate(parameterIndex, knots, coef, fv, fs, lv, ls, bins);
    }

    /// <summary>Multiplies <paramref name="work"/> by r_b(θ), floored at 0, and writes r'_b/r_b to <paramref name="logDerivative"/>
    /// (0 where the ratio is floored: the product is then 0 and flat).</summary>
    public void ApplyWithLogDerivative(double theta, Span<double> work, Span<double> logDerivative)
    {
        var knots = _knots;
        if (theta <= knots[0] || theta >= knots[^1])
        {
            bool low = theta <= knots[0];
            double t = low ? theta - knots[0] : theta - knots[^1];
            var v0 = low ? _firstValue : _lastValue;
            var s0 = low ? _firstSlope : _lastSlope;
            for (int b = 0; b < _bins; b++)
            {
                double r = v0[b] + s0[b] * t;
                if (r > 0) { work[b] *= r; logDerivative[b] = s0[b] / r; }
                else { work[b] = 0; logDerivative[b] = 0; }
            }
            return;
        }
        int s = 0;
        while (theta > knots[s + 1]) s++;
        double u = theta - knots[s];
        var c = _coef.AsSpan(s * _bins * 4, _bins * 4);
        for (int b = 0; b < _bins; b++)
        {
            int o = b * 4;
            double r = c[o] + u * (c[o + 1] + u * (c[o + 2] + u * c[o + 3]));
            double dr = c[o + 1] + u * (2 * c[o + 2] + 3 * u * c[o + 3]);
            if (r > 0) { work[b] *= r; logDerivative[b] = dr / r; }
            else { work[b] = 0; logDerivative[b] = 0; }
        }
    }

    /// <summary>Multiplies <paramref name="work"/> by r_b(θ), floored at 0.</summary>
    public void Apply(double theta, Span<double> work)
    {
        var knots = _knots;
        if (theta <= knots[0])
        {
            double t = theta - knots[0];
            for (int b = 0; b < _bins; b++) work[b] *= Math.Max(0.0, _firstValue[b] + _firstSlope[b] * t);
            return;
        }
        if (theta >= knots[^1])
        {
            double t = theta - knots[^1];
            for (int b = 0; b < _bins; b++) work[b] *= Math.Max(0.0, _lastValue[b] + _lastSlope[b] * t);
            return;
        }
        int s = 0;
        while (theta > knots[s + 1]) s++;
        double u = theta - knots[s];
        var c = _coef.AsSpan(s * _bins * 4, _bins * 4);
        for (int b = 0; b < _bins; b++)
        {
            int o = b * 4;
            double r = c[o] + u * (c[o + 1] + u * (c[o + 2] + u * c[o + 3]));
            work[b] *= Math.Max(0.0, r);
        }
    }
}
