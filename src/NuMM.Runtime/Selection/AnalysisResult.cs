using System;
using System.Collections.Generic;
using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Selection;

/// <summary>Everything one pass of an analysis produces: its cut flow, its histograms, the systematic variations
/// filled in the same pass (or attached from separate samples), and the exposure of the events. Results of disjoint
/// event sets merge with <see cref="Add"/>; the parallel runner keeps one per batch in flight and merges them in order.</summary>
public sealed class AnalysisResult
{
    private readonly Histograms.Histogram1D[] _h1;
    private readonly Histograms.Histogram2D[] _h2;
    private readonly Dictionary<string, int> _index1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _index2 = new(StringComparer.Ordinal);
    private readonly VariationResult[] _variations;

    /// <summary>The buffer a generated kernel keeps its final-only variation cells in between calls, or null.</summary>
    internal ParkedCells? Parked;

    /// <summary>Creates a result from its parts (not copied).</summary>
    /// <param name="analysisName">The analysis name, for messages and reports.</param>
    /// <param name="cutFlow">The cut flow.</param>
    /// <param name="h1">The 1-D histograms; names unique (ordinal).</param>
    /// <param name="h2">The 2-D histograms; names unique (ordinal).</param>
    public AnalysisResult(string analysisName, CutFlow cutFlow, IReadOnlyList<Histograms.Histogram1D> h1, IReadOnlyList<Histograms.Histogram2D> h2)
        : this(analysisName, cutFlow, h1, h2, Array.Empty<VariationResult>())
    {
    }

    /// <summary>Creates a nominal result with its systematic variations (not copied).</summary>
    /// <param name="analysisName">The analysis name, for messages and reports.</param>
    /// <param name="cutFlow">The nominal cut flow.</param>
    /// <param name="h1">The nominal 1-D histograms; names unique (ordinal).</param>
    /// <param name="h2">The nominal 2-D histograms; names unique (ordinal).</param>
    /// <param name="variations">The variations, each with the same cuts and histograms as the nominal result and no
    /// variations of its own; no two name the same variation.</param>
    public AnalysisResult(string analysisName, CutFlow cutFlow, IReadOnlyList<Histograms.Histogram1D> h1, IReadOnlyList<Histograms.Histogram2D> h2,
        IReadOnlyList<VariationResult> variations)
        : this(analysisName, cutFlow, h1, h2, variations, Exposure.None)
    {
    }

    /// <summary>Creates a nominal result with its systematic variations and the exposure of the events it was filled
    /// from (not copied).</summary>
    /// <param name="analysisName">The analysis name, for messages and reports.</param>
    /// <param name="cutFlow">The nominal cut flow.</param>
    /// <param name="h1">The nominal 1-D histograms; names unique (ordinal).</param>
    /// <param name="h2">The nominal 2-D histograms; names unique (ordinal).</param>
    /// <param name="variations">The variations, each with the same cuts and histograms as the nominal result and no
    /// variations of its own; no two name the same variation. Shift, knob and universe variations are filled from the
    /// same events as the nominal result, so they take its exposure (theirs must be <see cref="Exposure.None"/> or equal
    /// to it); a sample variation keeps its own, of the same kind.</param>
    /// <param name="exposure">The exposure of the events (POT, or livetime in s); <see cref="Exposure.None"/> when unknown.</param>
    /// <exception cref="ArgumentException">A histogram, variation or exposure does not fit; the message names it.</exception>
    public AnalysisResult(string analysisName, CutFlow cutFlow, IReadOnlyList<Histograms.Histogram1D> h1, IReadOnlyList<Histograms.Histogram2D> h2,
        IReadOnlyList<VariationResult> variations, Exposure exposure)
    {
        ArgumentNullException.ThrowIfNull(cutFlow);
        ArgumentNullException.ThrowIfNull(h1);
        ArgumentNullException.ThrowIfNull(h2);
        AnalysisName = analysisName ?? "";
        CutFlow = cutFlow;
        _h1 = new Histograms.Histogram1D[h1.Count];
        for (int i = 0; i < _h1.Length; i++)
        {
            _h1[i] = h1[i] ?? throw new ArgumentException($"Analysis '{AnalysisName}': 1-D histogram {i} is null.", nameof(h1));
            if (!_index1.TryAdd(_h1[i].Name, i))
                throw new ArgumentException($"Analysis '{AnalysisName}': two 1-D histograms are named '{_h1[i].Name}'.", nameof(h1));
        }
        _h2 = new Histograms.Histogram2D[h2.Count];
        for (int i = 0; i < _h2.Length; i++)
        {
            _h2[i] = h2[i] ?? throw new ArgumentException($"Analysis '{AnalysisName}': 2-D histogram {i} is null.", nameof(h2));
            if (!_index2.TryAdd(_h2[i].Name, i))
                throw new ArgumentException($"Analysis '{AnalysisName}': two 2-D histograms are named '{_h2[i].Name}'.", nameof(h2));
        }
        ArgumentNullException.ThrowIfNull(variations);
        _variations = new VariationResult[variations.Count];
        for (int i = 0; i < _variations.Length; i++)
        {
            var v = variations[i] ?? throw new ArgumentException($"Analysis '{AnalysisName}': variation {i} is null.", nameof(variations));
            if (v.Result._variations.Length != 0)
                throw new ArgumentException($"Analysis '{AnalysisName}': variation '{v.Label}' has variations of its own.", nameof(variations));
            CheckShape(v.Result, $"variation '{v.Label}'");
            for (int j = 0; j < i; j++)
            {
                if (_variations[j].SameVariationAs(v))
                    throw new ArgumentException($"Analysis '{AnalysisName}': variation '{v.Label}' appears twice.", nameof(variations));
                if (string.Equals(_variations[j].Systematic, v.Systematic, StringComparison.Ordinal) && _variations[j].Kind != v.Kind)
                    throw new ArgumentException($"Analysis '{AnalysisName}': systematic '{v.Systematic}' has a {_variations[j].Kind} variation and a {v.Kind} variation; a systematic has one kind.", nameof(variations));
            }
            _variations[i] = v;
        }
        exposure.Validate($"Analysis '{AnalysisName}'");
        foreach (var v in _variations) CheckVariationExposure(v, exposure);
        Exposure = exposure;
        foreach (var v in _variations) if (v.Kind != VariationKind.Sample) v.Result.Exposure = exposure;
    }

    private void CheckVariationExposure(VariationResult v, Exposure nominal)
    {
        var e = v.Result.Exposure;
        if (v.Kind == VariationKind.Sample)
        {
            if (e.Kind != nominal.Kind)
                throw new ArgumentException($"Analysis '{AnalysisName}': sample variation '{v.Label}' has exposure {e} ({e.Kind}) but the nominal result has {nominal} ({nominal.Kind}); exposure kinds do not mix.");
        }
        else if (e.Kind != ExposureKind.None && e != nominal)
        {
            throw new ArgumentException($"Analysis '{AnalysisName}': variation '{v.Label}' is filled from the nominal events but has exposure {e}, not the nominal {nominal}.");
        }
    }

    private void CheckShape(AnalysisResult other, string what)
    {
        if (!CutFlow.HasSameCuts(other.CutFlow) || other._h1.Length != _h1.Length || other._h2.Length != _h2.Length)
            throw new ArgumentException($"Analysis '{AnalysisName}': {what} has other cuts or histograms than the nominal result.");
        for (int i = 0; i < _h1.Length; i++) CheckName(_h1[i].Name, other._h1[i].Name, i, other);
        for (int i = 0; i < _h2.Length; i++) CheckName(_h2[i].Name, other._h2[i].Name, i, other);
    }

    /// <summary>The systematic variations in declaration order (shifts and knobs by σ point, universes by index, then
    /// sample variations); empty when the analysis declares none.</summary>
    public IReadOnlyList<VariationResult> Variations => _variations;

    /// <summary>The names of the systematics with variations, in order of first appearance.</summary>
    public IReadOnlyList<string> Systematics
    {
        get
        {
            var names = new List<string>();
            foreach (var v in _variations) if (!names.Contains(v.Systematic)) names.Add(v.Systematic);
            return names;
        }
    }

    /// <summary>The result at σ point <paramref name="sigma"/> of a shift, knob or sample systematic.</summary>
    /// <param name="systematic">The systematic's name (ordinal).</param>
    /// <param name="sigma">The σ point, as declared.</param>
    /// <exception cref="KeyNotFoundException">No such variation; the message lists the points there are.</exception>
    public AnalysisResult Variation(string systematic, double sigma)
    {
        foreach (var v in _variations)
            if (v.Kind != VariationKind.Universe && string.Equals(v.Systematic, systematic, StringComparison.Ordinal) && v.Sigma.Equals(sigma)) return v.Result;
        throw new KeyNotFoundException($"Analysis '{AnalysisName}' has no variation '{systematic}' at σ = {sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it has [{string.Join(", ", Labels())}].");
    }

    /// <summary>Universe <paramref name="index"/> of the multi-universe systematic <paramref name="systematic"/>.</summary>
    /// <param name="systematic">The systematic's name (ordinal).</param>
    /// <param name="index">The universe index, 0-based.</param>
    /// <exception cref="KeyNotFoundException">No such universe; the message lists the variations there are.</exception>
    public AnalysisResult Universe(string systematic, int index)
    {
        foreach (var v in _variations)
            if (v.Kind == VariationKind.Universe && v.Universe == index && string.Equals(v.Systematic, systematic, StringComparison.Ordinal)) return v.Result;
        throw new KeyNotFoundException($"Analysis '{AnalysisName}' has no universe {index} of '{systematic}'; it has [{string.Join(", ", Labels())}].");
    }

    /// <summary>The variations of one systematic, in order (σ points ascending as declared, or universes by index).</summary>
    /// <param name="systematic">The systematic's name (ordinal).</param>
    public IReadOnlyList<VariationResult> VariationsOf(string systematic)
    {
        var list = new List<VariationResult>();
        foreach (var v in _variations) if (string.Equals(v.Systematic, systematic, StringComparison.Ordinal)) list.Add(v);
        if (list.Count == 0)
            throw new KeyNotFoundException($"Analysis '{AnalysisName}' has no systematic '{systematic}'; it has [{string.Join(", ", Systematics)}].");
        return list;
    }

    /// <summary>A new result holding this result's nominal part and, in addition, <paramref name="extra"/> (for example
    /// sample variations run separately). The storage is shared, not copied.</summary>
    /// <param name="extra">Variations to append; none may repeat an existing one.</param>
    public AnalysisResult WithVariations(IReadOnlyList<VariationResult> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var all = new List<VariationResult>(_variations);
        all.AddRange(extra);
        return new AnalysisResult(AnalysisName, CutFlow, _h1, _h2, all, Exposure);
    }

    /// <summary>A new result with this result's nominal cut flow, histograms and exposure and no variations (storage
    /// shared, not copied); for example the result of a shifted sample, to be attached as a sample variation.</summary>
    public AnalysisResult NominalOnly() => new(AnalysisName, CutFlow, _h1, _h2, Array.Empty<VariationResult>(), Exposure);

    /// <summary>The exposure of the events this result was filled from (POT, or livetime in s); <see cref="Exposure.None"/>
    /// when the source did not know it. Shift, knob and universe variations carry the same exposure; sample variations
    /// carry their own sample's.</summary>
    public Exposure Exposure { get; private set; }

    /// <summary>Sets the exposure of the nominal result and of every shift, knob and universe variation (they are filled
    /// from the same events); sample variations keep theirs, which must be of the same kind. The runner calls this once
    /// every event has been read.</summary>
    /// <param name="exposure">The exposure of all the events processed (POT, or livetime in s).</param>
    /// <exception cref="ArgumentException">The exposure is invalid, or its kind differs from a sample variation's.</exception>
    public void SetExposure(Exposure exposure)
    {
        exposure.Validate($"Analysis '{AnalysisName}'");
        foreach (var v in _variations)
            if (v.Kind == VariationKind.Sample && v.Result.Exposure.Kind != exposure.Kind)
                throw new ArgumentException($"Analysis '{AnalysisName}': exposure {exposure} ({exposure.Kind}) does not match sample variation '{v.Label}' ({v.Result.Exposure}, {v.Result.Exposure.Kind}); exposure kinds do not mix.", nameof(exposure));
        Exposure = exposure;
        foreach (var v in _variations) if (v.Kind != VariationKind.Sample) v.Result.Exposure = exposure;
    }

    private IEnumerable<string> Labels() { foreach (var v in _variations) yield return v.Label; }

    /// <summary>The analysis name.</summary>
    public string AnalysisName { get; }

    /// <summary>The cut flow.</summary>
    public CutFlow CutFlow { get; }

    /// <summary>The 1-D histograms in declaration order.</summary>
    public IReadOnlyList<Histograms.Histogram1D> Histograms1D => _h1;

    /// <summary>The 2-D histograms in declaration order.</summary>
    public IReadOnlyList<Histograms.Histogram2D> Histograms2D => _h2;

    /// <summary>The 1-D histogram named <paramref name="name"/>.</summary>
    /// <param name="name">A histogram name (ordinal).</param>
    /// <exception cref="KeyNotFoundException">No such histogram; the message lists the names there are.</exception>
    public Histograms.Histogram1D Histogram1D(string name) =>
        _index1.TryGetValue(name, out int i) ? _h1[i]
        : throw new KeyNotFoundException($"Analysis '{AnalysisName}' has no 1-D histogram '{name}'; it has [{string.Join(", ", Names(_h1))}].");

    /// <summary>The 2-D histogram named <paramref name="name"/>.</summary>
    /// <param name="name">A histogram name (ordinal).</param>
    /// <exception cref="KeyNotFoundException">No such histogram; the message lists the names there are.</exception>
    public Histograms.Histogram2D Histogram2D(string name) =>
        _index2.TryGetValue(name, out int i) ? _h2[i]
        : throw new KeyNotFoundException($"Analysis '{AnalysisName}' has no 2-D histogram '{name}'; it has [{string.Join(", ", Names(_h2))}].");

    /// <summary>The 1-D histogram <paramref name="name"/> as a spectrum at <paramref name="exposure"/> (the histogram is shared, not copied).</summary>
    /// <param name="name">A histogram name.</param>
    /// <param name="exposure">The exposure of the events that were processed.</param>
    public Spectrum Spectrum(string name, Exposure exposure) => new(Histogram1D(name), exposure);

    /// <summary>The 1-D histogram <paramref name="name"/> as a spectrum at this result's <see cref="Exposure"/> (shared, not copied).</summary>
    /// <param name="name">A histogram name.</param>
    public Spectrum Spectrum(string name) => new(Histogram1D(name), Exposure);

    /// <summary>Adds <paramref name="other"/> (same cuts and the same histograms in the same order with the same binnings,
    /// the same variations, and exposures of the same kind), the result of a disjoint set of events: counts, yields and
    /// exposures add. Everything is checked before anything changes.</summary>
    /// <param name="other">A result of the same analysis.</param>
    /// <exception cref="ArgumentException">The shapes or exposure kinds differ; the message says where.</exception>
    public void Add(AnalysisResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckAddable(other);
        AddChecked(other);
    }

    private void CheckAddable(AnalysisResult other)
    {
        if (other._h1.Length != _h1.Length || other._h2.Length != _h2.Length)
            throw new ArgumentException(
                $"Cannot add result of '{other.AnalysisName}' ({other._h1.Length} 1-D, {other._h2.Length} 2-D histograms) to result of '{AnalysisName}' ({_h1.Length} 1-D, {_h2.Length} 2-D).", nameof(other));
        for (int i = 0; i < _h1.Length; i++) CheckName(_h1[i].Name, other._h1[i].Name, i, other);
        for (int i = 0; i < _h2.Length; i++) CheckName(_h2[i].Name, other._h2[i].Name, i, other);
        if (other._variations.Length != _variations.Length)
            throw new ArgumentException($"Cannot add result of '{other.AnalysisName}' ({other._variations.Length} variations) to result of '{AnalysisName}' ({_variations.Length} variations).", nameof(other));
        for (int i = 0; i < _variations.Length; i++)
            if (!_variations[i].SameVariationAs(other._variations[i]))
                throw new ArgumentException($"Cannot add result of '{other.AnalysisName}' to result of '{AnalysisName}': variation {i} is '{other._variations[i].Label}' there and '{_variations[i].Label}' here.", nameof(other));
        if (other.Exposure.Kind != Exposure.Kind)
            throw new ArgumentException($"Cannot add result of '{other.AnalysisName}' ({other.Exposure}, {other.Exposure.Kind}) to result of '{AnalysisName}' ({Exposure}, {Exposure.Kind}): exposure kinds do not mix.", nameof(other));
        if (!CutFlow.HasSameCuts(other.CutFlow))
            throw new ArgumentException($"Cannot add result of '{other.AnalysisName}' to result of '{AnalysisName}': the cuts differ ([{string.Join(", ", other.CutFlow.CutNames)}] there, [{string.Join(", ", CutFlow.CutNames)}] here).", nameof(other));
        for (int i = 0; i < _variations.Length; i++)
        {
            var mine = _variations[i].Result; var theirs = other._variations[i].Result;
            if (theirs.Exposure.Kind != mine.Exposure.Kind)
                throw new ArgumentException($"Cannot add result of '{other.AnalysisName}' to result of '{AnalysisName}': variation '{_variations[i].Label}' has exposure {theirs.Exposure} there and {mine.Exposure} here; exposure kinds do not mix.", nameof(other));
        }
    }

    private void AddChecked(AnalysisResult other)
    {
        Exposure = Exposure.Plus(other.Exposure);
        CutFlow.Add(other.CutFlow);
        for (int i = 0; i < _h1.Length; i++) _h1[i].Add(other._h1[i]);
        for (int i = 0; i < _h2.Length; i++) _h2[i].Add(other._h2[i]);
        for (int i = 0; i < _variations.Length; i++) _variations[i].Result.AddChecked(other._variations[i].Result);
    }

    private void CheckName(string mine, string theirs, int i, AnalysisResult other)
    {
        if (!string.Equals(mine, theirs, StringComparison.Ordinal))
            throw new ArgumentException($"Cannot add result of '{other.AnalysisName}' to result of '{AnalysisName}': histogram {i} is '{theirs}' there and '{mine}' here.", nameof(other));
    }

    /// <summary>True when this result and <paramref name="other"/> are distinct objects that share a cut flow or a
    /// histogram (which would make merging add storage into itself).</summary>
    internal bool SharesStorageWith(AnalysisResult other)
    {
        if (ReferenceEquals(this, other)) return false;
        if (ReferenceEquals(CutFlow, other.CutFlow)) return true;
        foreach (var a in _h1) foreach (var b in other._h1) if (ReferenceEquals(a, b)) return true;
        foreach (var a in _h2) foreach (var b in other._h2) if (ReferenceEquals(a, b)) return true;
        foreach (var a in _variations) foreach (var b in other._variations) if (a.Result.SharesStorageWith(b.Result) || ReferenceEquals(a.Result, b.Result)) return true;
        return false;
    }

    /// <summary>Sets the cut flow, every histogram and the exposure's value to zero (the exposure keeps its kind).</summary>
    public void Reset()
    {
        Exposure = new Exposure(0, Exposure.Kind);
        CutFlow.Reset();
        foreach (var h in _h1) h.Reset();
        foreach (var h in _h2) h.Reset();
        foreach (var v in _variations) v.Result.Reset();
    }

    /// <summary>An empty result with the same cuts, histogram names and binnings.</summary>
    public AnalysisResult CloneEmpty()
    {
        var h1 = new Histograms.Histogram1D[_h1.Length];
        for (int i = 0; i < h1.Length; i++) h1[i] = _h1[i].CloneEmpty();
        var h2 = new Histograms.Histogram2D[_h2.Length];
        for (int i = 0; i < h2.Length; i++) h2[i] = _h2[i].CloneEmpty();
        var variations = new VariationResult[_variations.Length];
        for (int i = 0; i < variations.Length; i++) variations[i] = _variations[i].CloneEmpty();
        var empty = new AnalysisResult(AnalysisName, CutFlow.CloneEmpty(), h1, h2, variations, new Exposure(0, Exposure.Kind));
        return empty;
    }

    private static IEnumerable<string> Names(Histograms.Histogram1D[] hs) { foreach (var h in hs) yield return h.Name; }
    private static IEnumerable<string> Names(Histograms.Histogram2D[] hs) { foreach (var h in hs) yield return h.Name; }
}
