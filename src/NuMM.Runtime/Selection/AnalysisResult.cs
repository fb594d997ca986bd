using System;
using System.Collections.Generic;
using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Selection;

/// <summary>Everything one pass of an analysis produces: its cut flow and its histograms. Results of disjoint event
/// sets merge with <see cref="Add"/>; the parallel runner keeps one per batch in flight and merges them in order.</summary>
public sealed class AnalysisResult
{
    private readonly Histograms.Histogram1D[] _h1;
    private readonly Histograms.Histogram2D[] _h2;
    private readonly Dictionary<string, int> _index1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _index2 = new(StringComparer.Ordinal);

    /// <summary>Creates a result from its parts (not copied).</summary>
    /// <param name="analysisName">The analysis name, for messages and reports.</param>
    /// <param name="cutFlow">The cut flow.</param>
    /// <param name="h1">The 1-D histograms; names unique (ordinal).</param>
    /// <param name="h2">The 2-D histograms; names unique (ordinal).</param>
    public AnalysisResult(string analysisName, CutFlow cutFlow, IReadOnlyList<Histograms.Histogram1D> h1, IReadOnlyList<Histograms.Histogram2D> h2)
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
    }

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

    /// <summary>Adds <paramref name="other"/> (same cuts and the same histograms in the same order with the same binnings).</summary>
    /// <param name="other">A result of the same analysis.</param>
    /// <exception cref="ArgumentException">The shapes differ; the message says where.</exception>
    public void Add(AnalysisResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._h1.Length != _h1.Length || other._h2.Length != _h2.Length)
            throw new ArgumentException(
                $"Cannot add result of '{other.AnalysisName}' ({other._h1.Length} 1-D, {other._h2.Length} 2-D histograms) to result of '{AnalysisName}' ({_h1.Length} 1-D, {_h2.Length} 2-D).", nameof(other));
        for (int i = 0; i < _h1.Length; i++) CheckName(_h1[i].Name, other._h1[i].Name, i, other);
        for (int i = 0; i < _h2.Length; i++) CheckName(_h2[i].Name, other._h2[i].Name, i, other);
        CutFlow.Add(other.CutFlow);
        for (int i = 0; i < _h1.Length; i++) _h1[i].Add(other._h1[i]);
        for (int i = 0; i < _h2.Length; i++) _h2[i].Add(other._h2[i]);
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
        return false;
    }

    /// <summary>Sets the cut flow and every histogram to zero.</summary>
    public void Reset()
    {
        CutFlow.Reset();
        foreach (var h in _h1) h.Reset();
        foreach (var h in _h2) h.Reset();
    }

    /// <summary>An empty result with the same cuts, histogram names and binnings.</summary>
    public AnalysisResult CloneEmpty()
    {
        var h1 = new Histograms.Histogram1D[_h1.Length];
        for (int i = 0; i < h1.Length; i++) h1[i] = _h1[i].CloneEmpty();
        var h2 = new Histograms.Histogram2D[_h2.Length];
        for (int i = 0; i < h2.Length; i++) h2[i] = _h2[i].CloneEmpty();
        return new AnalysisResult(AnalysisName, CutFlow.CloneEmpty(), h1, h2);
    }

    private static IEnumerable<string> Names(Histograms.Histogram1D[] hs) { foreach (var h in hs) yield return h.Name; }
    private static IEnumerable<string> Names(Histograms.Histogram2D[] hs) { foreach (var h in hs) yield return h.Name; }
}
