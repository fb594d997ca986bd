using System;
using System.Collections.Generic;
using NuMM.Runtime.Reporting.Tables;

namespace NuMM.Runtime.Selection;

/// <summary>Event counts and weighted yields after each cut of an ordered selection, plus the "all cuts but one"
/// (N−1) yields. Step 0 counts every event; step k (1..<see cref="CutCount"/>) counts events passing cuts 1..k.
/// Weighted yields are in the unit of the event weights (events at the sample's exposure).</summary>
public sealed class CutFlow
{
    private readonly string[] _names;

    /// <summary>Creates an empty cut flow.</summary>
    /// <param name="cutNames">The cut names in selection order; non-empty, unique (ordinal).</param>
    public CutFlow(IReadOnlyList<string> cutNames)
    {
        ArgumentNullException.ThrowIfNull(cutNames);
        _names = new string[cutNames.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            var n = cutNames[i];
            if (string.IsNullOrWhiteSpace(n)) throw new ArgumentException($"Cut {i + 1} has no name.", nameof(cutNames));
            if (!seen.Add(n)) throw new ArgumentException($"Cut name '{n}' appears twice (cut {i + 1}).", nameof(cutNames));
            _names[i] = n;
        }
        Passed = new long[_names.Length + 1];
        SumW = new double[_names.Length + 1];
        SumW2 = new double[_names.Length + 1];
        PassedAllOthers = new long[_names.Length];
        SumWAllOthers = new double[_names.Length];
        SumW2AllOthers = new double[_names.Length];
    }

    /// <summary>The number of cuts.</summary>
    public int CutCount => _names.Length;

    /// <summary>The cut names in selection order (index k − 1 for cut k).</summary>
    public IReadOnlyList<string> CutNames => _names;

    /// <summary>Unweighted event counts, length <see cref="CutCount"/> + 1: [0] all events, [k] events passing cuts 1..k.</summary>
    public long[] Passed { get; }

    /// <summary>Sum of event weights, same layout as <see cref="Passed"/>.</summary>
    public double[] SumW { get; }

    /// <summary>Sum of squared event weights, same layout as <see cref="Passed"/>.</summary>
    public double[] SumW2 { get; }

    /// <summary>Unweighted counts of events passing every cut except cut k, at index k − 1 (length <see cref="CutCount"/>).</summary>
    public long[] PassedAllOthers { get; }

    /// <summary>Sum of weights of events passing every cut except cut k, at index k − 1.</summary>
    public double[] SumWAllOthers { get; }

    /// <summary>Sum of squared weights of events passing every cut except cut k, at index k − 1.</summary>
    public double[] SumW2AllOthers { get; }

    /// <summary>The yield after step <paramref name="step"/> (0 = all events).</summary>
    /// <param name="step">0..<see cref="CutCount"/>.</param>
    /// <param name="weighted">Sum of weights (true) or event count (false).</param>
    /// <exception cref="InvalidOperationException">The weighted yield of this step was not computed (NaN: the cut flow
    /// of a weight variation declared with <c>CutFlow = VariationCutFlow.FinalOnly</c>, which fills the last step only).</exception>
    public double Yield(int step, bool weighted = true)
    {
        CheckStep(step, 0);
        if (!weighted) return Passed[step];
        double y = SumW[step];
        if (double.IsNaN(y)) throw NotComputed($"after step {step}");
        return y;
    }

    /// <summary>The yield of events passing every cut except cut <paramref name="cut"/>.</summary>
    /// <param name="cut">1..<see cref="CutCount"/>.</param>
    /// <param name="weighted">Sum of weights (true) or event count (false).</param>
    /// <exception cref="InvalidOperationException">The weighted yield was not computed (see <see cref="Yield"/>).</exception>
    public double YieldAllOthers(int cut, bool weighted = true)
    {
        CheckStep(cut, 1);
        if (!weighted) return PassedAllOthers[cut - 1];
        double y = SumWAllOthers[cut - 1];
        if (double.IsNaN(y)) throw NotComputed($"of the events passing every cut but cut {cut}");
        return y;
    }

    private InvalidOperationException NotComputed(string what) => new(
        $"The weighted yield {what} of cut flow [{string.Join(", ", CutNames)}] was not computed: the cut flow of a weight variation declared "
        + $"with CutFlow = VariationCutFlow.FinalOnly holds Σw only after the last step ({CutCount}). Use that step, or declare the variation with VariationCutFlow.Full.");

    /// <summary>Cumulative efficiency N_k / N_0 (a fraction, not %); NaN when N_0 = 0.</summary>
    /// <param name="step">0..<see cref="CutCount"/>.</param>
    /// <param name="weighted">Use weighted yields.</param>
    public double CumulativeEfficiency(int step, bool weighted = true) => Ratio(Yield(step, weighted), Yield(0, weighted));

    /// <summary>Efficiency of cut k relative to the previous step, N_k / N_(k−1) (a fraction; the technote's
    /// "ε^{N−1}" column of Table 7); NaN when N_(k−1) = 0.</summary>
    /// <param name="cut">1..<see cref="CutCount"/>.</param>
    /// <param name="weighted">Use weighted yields.</param>
    public double StepEfficiency(int cut, bool weighted = true)
    {
        CheckStep(cut, 1);
        return Ratio(Yield(cut, weighted), Yield(cut - 1, weighted));
    }

    /// <summary>True N−1 efficiency of cut k: N_all / N_(all cuts but k) (a fraction); NaN when the denominator is 0.</summary>
    /// <param name="cut">1..<see cref="CutCount"/>.</param>
    /// <param name="weighted">Use weighted yields.</param>
    public double NMinusOneEfficiency(int cut, bool weighted = true) =>
        Ratio(Yield(CutCount, weighted), YieldAllOthers(cut, weighted));

    private static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;

    private void CheckStep(int step, int min)
    {
        if (step < min || step > CutCount)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The cut flow has steps {min}..{CutCount}.");
    }

    /// <summary>True when <paramref name="other"/> has the same cut names in the same order.</summary>
    /// <param name="other">Another cut flow.</param>
    public bool HasSameCuts(CutFlow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other._names, _names)) return true;
        if (other._names.Length != _names.Length) return false;
        for (int i = 0; i < _names.Length; i++) if (!string.Equals(other._names[i], _names[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Adds the counts and yields of <paramref name="other"/>, which must have the same cuts.</summary>
    /// <param name="other">A cut flow with the same cut names in the same order.</param>
    /// <exception cref="ArgumentException">The cuts differ; the message lists both.</exception>
    public void Add(CutFlow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!HasSameCuts(other))
            throw new ArgumentException(
                $"Cannot add a cut flow with cuts [{string.Join(", ", other._names)}] to one with cuts [{string.Join(", ", _names)}].", nameof(other));
        for (int i = 0; i < Passed.Length; i++)
        {
            Passed[i] += other.Passed[i];
            SumW[i] += other.SumW[i];
            SumW2[i] += other.SumW2[i];
        }
        for (int i = 0; i < PassedAllOthers.Length; i++)
        {
            PassedAllOthers[i] += other.PassedAllOthers[i];
            SumWAllOthers[i] += other.SumWAllOthers[i];
            SumW2AllOthers[i] += other.SumW2AllOthers[i];
        }
    }

    /// <summary>Sets every count and yield to zero.</summary>
    public void Reset()
    {
        Array.Clear(Passed); Array.Clear(SumW); Array.Clear(SumW2);
        Array.Clear(PassedAllOthers); Array.Clear(SumWAllOthers); Array.Clear(SumW2AllOthers);
    }

    /// <summary>An empty cut flow with the same cuts.</summary>
    public CutFlow CloneEmpty() => new(_names);

    /// <summary>A deep copy.</summary>
    public CutFlow Clone()
    {
        var c = CloneEmpty();
        c.Add(this);
        return c;
    }

    /// <summary>The cut flow as a Markdown table in the layout of the technote's Table 7 (weighted N,
    /// ε^{N−1} = N_k/N_(k−1) in %, cumulative ε = N_k/N_0 in %), for one sample named "Sample".</summary>
    public string ToMarkdown() => new CutFlowTable([new CutFlowSample("Sample", this)]).ToMarkdown();
}
