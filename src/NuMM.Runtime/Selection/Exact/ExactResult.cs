using System;
using System.Collections.Generic;
using NuMM.Runtime.Data;

namespace NuMM.Runtime.Selection.Exact;

/// <summary>The error-free sum of many results of one analysis: every weighted cut-flow entry, every histogram cell (Σw
/// and Σw²) and every exposure of the nominal result and of each variation is an <see cref="ExactSumArray"/> sum, and the
/// event counts are integers. Adding per-batch partial results one by one, or adding whole shards' exact sums, gives
/// the same exact value, so <see cref="Round"/> gives the same bits however the events were grouped into runs: this is
/// what makes a merge of sharded runs bit-identical to a single-process run.</summary>
public sealed class ExactResult
{
    private readonly AnalysisResult _shape;
    private readonly ExactSumArray _sums;
    private readonly long[] _counts;
    private readonly ExactSumArray _exposures; // [0] nominal, [1 + v] variation v
    private readonly ExposureKind[] _exposureKinds;

    /// <summary>An empty exact sum with the cuts, histograms and variations of <paramref name="shape"/> (which is not
    /// changed or kept; an empty copy is).</summary>
    /// <param name="shape">A result of the analysis, for example from the kernel's CreateResult.</param>
    public ExactResult(AnalysisResult shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _shape = shape.CloneEmpty();
        int doubles = 0, longs = 0;
        Measure(_shape, ref doubles, ref longs);
        foreach (var v in _shape.Variations) Measure(v.Result, ref doubles, ref longs);
        _sums = new ExactSumArray(doubles);
        _counts = new long[longs];
        _exposures = new ExactSumArray(1 + _shape.Variations.Count);
        _exposureKinds = new ExposureKind[1 + _shape.Variations.Count];
        _exposureKinds[0] = shape.Exposure.Kind;
        for (int v = 0; v < shape.Variations.Count; v++) _exposureKinds[1 + v] = shape.Variations[v].Result.Exposure.Kind;
    }

    /// <summary>An empty result of the same shape (cuts, histogram names and binnings, variations).</summary>
    public AnalysisResult Shape => _shape.CloneEmpty();

    /// <summary>The analysis name.</summary>
    public string AnalysisName => _shape.AnalysisName;

    /// <summary>The exact sums of every weighted quantity, in the order nominal then each variation; within each: cut-flow
    /// Σw, Σw², N−1 Σw, N−1 Σw², then per 1-D and then 2-D histogram its cells' Σw and Σw².</summary>
    public ExactSumArray Sums => _sums;

    /// <summary>The integer event counts (cut flow and N−1 counts), nominal then each variation.</summary>
    public long[] Counts => _counts;

    /// <summary>The exact exposure sums: [0] the nominal result's, [1 + v] variation v's (POT or s).</summary>
    public ExactSumArray Exposures => _exposures;

    /// <summary>The exposure kinds: [0] the nominal result's, [1 + v] variation v's.</summary>
    public IReadOnlyList<ExposureKind> ExposureKinds => _exposureKinds;

    /// <summary>Sets everything to zero.</summary>
    public void Clear()
    {
        _sums.Clear();
        Array.Clear(_counts);
        _exposures.Clear();
    }

    /// <summary>Adds <paramref name="partial"/> (a result of the same analysis over other events) exactly.</summary>
    /// <param name="partial">A result with the same cuts, histograms and variations in the same order.</param>
    /// <exception cref="ArgumentException">The shape or an exposure kind differs.</exception>
    public void Add(AnalysisResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        CheckShape(partial);
        int d = 0, l = 0;
        AddOne(partial, ref d, ref l);
        for (int v = 0; v < partial.Variations.Count; v++) AddOne(partial.Variations[v].Result, ref d, ref l);
        AddExposure(0, partial.Exposure);
        for (int v = 0; v < partial.Variations.Count; v++)
            if (partial.Variations[v].Kind == VariationKind.Sample) AddExposure(1 + v, partial.Variations[v].Result.Exposure);
    }

    /// <summary>Adds another exact sum of the same analysis (for example a shard's) exactly.</summary>
    /// <param name="other">An exact sum with the same shape.</param>
    /// <exception cref="ArgumentException">The shape or an exposure kind differs.</exception>
    public void Add(ExactResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckShape(other._shape);
        for (int v = 0; v < _exposureKinds.Length; v++) MergeKind(v, other._exposureKinds[v], other._exposures.ComponentCount(v) > 0);
        for (int i = 0; i < _sums.Count; i++) _sums.AddSum(i, other._sums, i);
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        for (int v = 0; v < _exposureKinds.Length; v++) _exposures.AddSum(v, other._exposures, v);
    }

    /// <summary>Adds an exposure to the nominal result (and so to every shift, knob and universe variation).</summary>
    /// <param name="exposure">The exposure of events added (POT or s); its kind must match unless nothing was added yet.</param>
    public void AddExposure(Exposure exposure) => AddExposure(0, exposure);

    private void AddExposure(int slot, Exposure e)
    {
        // A partial result of one batch has a zero exposure: no message to build (this runs once per batch).
        if (e.Value == 0 && Enum.IsDefined(e.Kind)) { MergeKind(slot, e.Kind, false); return; }
        e.Validate($"Analysis '{AnalysisName}'");
        MergeKind(slot, e.Kind, e.Value != 0);
        _exposures.Add(slot, e.Value);
    }

    /// <summary>Adds one component of a stored exact exposure sum (components may be negative; their sum is not).</summary>
    internal void AddExposureComponent(int slot, ExposureKind kind, double component)
    {
        MergeKind(slot, kind, component != 0);
        _exposures.Add(slot, component);
    }

    /// <summary>Takes over the kind of an exposure being added when nothing of another kind has been added yet.</summary>
    private void MergeKind(int slot, ExposureKind kind, bool nonZero)
    {
        if (_exposureKinds[slot] == kind || kind == ExposureKind.None) return;
        if (_exposureKinds[slot] != ExposureKind.None && _exposures.ComponentCount(slot) > 0 && nonZero)
            throw new ArgumentException($"Analysis '{AnalysisName}': an exposure of kind {kind} cannot be added to one of kind {_exposureKinds[slot]}; exposure kinds do not mix.");
        if (_exposures.ComponentCount(slot) == 0) _exposureKinds[slot] = kind;
    }

    /// <summary>The sum as an ordinary result: every weighted quantity correctly rounded from its exact sum.</summary>
    public AnalysisResult Round()
    {
        var r = _shape.CloneEmpty();
        RoundInto(r);
        return r;
    }

    /// <summary>Overwrites <paramref name="target"/> (same shape) with the correctly rounded sum.</summary>
    /// <param name="target">A result with the same cuts, histograms and variations.</param>
    public void RoundInto(AnalysisResult target)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckShape(target);
        int d = 0, l = 0;
        RoundOne(target, ref d, ref l);
        for (int v = 0; v < target.Variations.Count; v++) RoundOne(target.Variations[v].Result, ref d, ref l);
        target.SetExposure(new Exposure(_exposures.Round(0), _exposureKinds[0]));
        for (int v = 0; v < target.Variations.Count; v++)
            if (target.Variations[v].Kind == VariationKind.Sample)
                target.Variations[v].Result.SetExposure(new Exposure(_exposures.Round(1 + v), _exposureKinds[1 + v]));
    }

    private void CheckShape(AnalysisResult other)
    {
        if (!string.Equals(other.AnalysisName, _shape.AnalysisName, StringComparison.Ordinal))
            throw new ArgumentException($"A result of '{other.AnalysisName}' cannot be added to an exact sum of '{_shape.AnalysisName}'.", nameof(other));
        int doubles = 0, longs = 0;
        Measure(other, ref doubles, ref longs);
        if (other.Variations.Count != _shape.Variations.Count)
            throw new ArgumentException($"Analysis '{AnalysisName}': {other.Variations.Count} variations there, {_shape.Variations.Count} here.", nameof(other));
        for (int v = 0; v < other.Variations.Count; v++) Measure(other.Variations[v].Result, ref doubles, ref longs);
        if (doubles != _sums.Count || longs != _counts.Length || !other.CutFlow.HasSameCuts(_shape.CutFlow))
            throw new ArgumentException($"Analysis '{AnalysisName}': the result has other cuts, histograms or binnings than this exact sum.", nameof(other));
        for (int v = 0; v < other.Variations.Count; v++)
            if (!other.Variations[v].SameVariationAs(_shape.Variations[v]))
                throw new ArgumentException($"Analysis '{AnalysisName}': variation {v} is '{other.Variations[v].Label}' there and '{_shape.Variations[v].Label}' here.", nameof(other));
    }

    private static void Measure(AnalysisResult r, ref int doubles, ref int longs)
    {
        var cf = r.CutFlow;
        doubles += cf.SumW.Length + cf.SumW2.Length + cf.SumWAllOthers.Length + cf.SumW2AllOthers.Length;
        longs += cf.Passed.Length + cf.PassedAllOthers.Length;
        // Indexed loops: a foreach over the read-only list interfaces would allocate an enumerator per batch.
        var h1 = r.Histograms1D; var h2 = r.Histograms2D;
        for (int i = 0; i < h1.Count; i++) doubles += 2 * h1[i].CellCount;
        for (int i = 0; i < h2.Count; i++) doubles += 2 * h2[i].CellCount;
    }

    private void AddOne(AnalysisResult r, ref int d, ref int l)
    {
        var cf = r.CutFlow;
        AddSpan(cf.SumW, ref d); AddSpan(cf.SumW2, ref d); AddSpan(cf.SumWAllOthers, ref d); AddSpan(cf.SumW2AllOthers, ref d);
        var passed = cf.Passed; var others = cf.PassedAllOthers;
        for (int i = 0; i < passed.Length; i++) _counts[l++] += passed[i];
        for (int i = 0; i < others.Length; i++) _counts[l++] += others[i];
        var h1 = r.Histograms1D; var h2 = r.Histograms2D;
        for (int i = 0; i < h1.Count; i++) { AddSpan(h1[i].SumW, ref d); AddSpan(h1[i].SumW2, ref d); }
        for (int i = 0; i < h2.Count; i++) { AddSpan(h2[i].SumW, ref d); AddSpan(h2[i].SumW2, ref d); }
    }

    private void AddSpan(ReadOnlySpan<double> values, ref int d)
    {
        _sums.AddRange(d, values);
        d += values.Length;
    }

    private void RoundOne(AnalysisResult r, ref int d, ref int l)
    {
        var cf = r.CutFlow;
        RoundSpan(cf.SumW, ref d); RoundSpan(cf.SumW2, ref d); RoundSpan(cf.SumWAllOthers, ref d); RoundSpan(cf.SumW2AllOthers, ref d);
        for (int i = 0; i < cf.Passed.Length; i++) cf.Passed[i] = _counts[l++];
        for (int i = 0; i < cf.PassedAllOthers.Length; i++) cf.PassedAllOthers[i] = _counts[l++];
        foreach (var h in r.Histograms1D) { RoundSpan(h.SumW, ref d); RoundSpan(h.SumW2, ref d); }
        foreach (var h in r.Histograms2D) { RoundSpan(h.SumW, ref d); RoundSpan(h.SumW2, ref d); }
    }

    private void RoundSpan(Span<double> values, ref int d)
    {
        for (int i = 0; i < values.Length; i++) values[i] = _sums.Round(d + i);
        d += values.Length;
    }
}
