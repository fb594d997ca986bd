using System;

namespace NuMM.Runtime.Selection;

/// <summary>How a systematic variation changes the events it is filled from.</summary>
public enum VariationKind
{
    /// <summary>A shifted quantity: one or more columns replaced by shifted values at a σ point; cuts, variables,
    /// weights and histogram values that read them are re-evaluated, so events can migrate in and out.</summary>
    Shift,
    /// <summary>A weight knob at a σ point: the event weight times a declared response (for example 1 + σ·δ).</summary>
    Knob,
    /// <summary>One universe of a multi-universe weight systematic (for example one of 100 flux universes).</summary>
    Universe,
    /// <summary>A separate sample (for example a calibration-shifted simulation) run through the same analysis.</summary>
    Sample,
}

/// <summary>One systematic variation of an analysis: the full result (cut flow and every histogram) the analysis gives
/// under that variation. Produced by the generated kernel in the same pass as the nominal result, or by the runner
/// for sample variations.</summary>
public sealed class VariationResult
{
    /// <summary>A variation at a σ point (<see cref="VariationKind.Shift"/>, <see cref="VariationKind.Knob"/> or
    /// <see cref="VariationKind.Sample"/>).</summary>
    /// <param name="systematic">The systematic's name, as declared.</param>
    /// <param name="kind">Shift, knob or sample.</param>
    /// <param name="sigma">The σ point (in units of the systematic's standard deviation).</param>
    /// <param name="result">The analysis result under this variation.</param>
    public static VariationResult AtSigma(string systematic, VariationKind kind, double sigma, AnalysisResult result)
    {
        if (kind == VariationKind.Universe) throw new ArgumentException("A universe has an index, not a σ point; use Universe(...).", nameof(kind));
        if (!double.IsFinite(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"Systematic '{systematic}': a σ point is finite.");
        return new VariationResult(systematic, kind, sigma, -1, result);
    }

    /// <summary>Universe <paramref name="index"/> of a multi-universe systematic.</summary>
    /// <param name="systematic">The systematic's name, as declared.</param>
    /// <param name="index">The universe index, 0-based.</param>
    /// <param name="result">The analysis result in this universe.</param>
    public static VariationResult InUniverse(string systematic, int index, AnalysisResult result)
    {
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, $"Systematic '{systematic}': universe indices start at 0.");
        return new VariationResult(systematic, VariationKind.Universe, double.NaN, index, result);
    }

    private VariationResult(string systematic, VariationKind kind, double sigma, int universe, AnalysisResult result)
    {
        if (string.IsNullOrWhiteSpace(systematic)) throw new ArgumentException("A variation needs the name of its systematic.", nameof(systematic));
        ArgumentNullException.ThrowIfNull(result);
        Systematic = systematic;
        Kind = kind;
        Sigma = sigma;
        Universe = universe;
        Result = result;
    }

    /// <summary>The systematic's name.</summary>
    public string Systematic { get; }

    /// <summary>What kind of variation this is.</summary>
    public VariationKind Kind { get; }

    /// <summary>The σ point (in standard deviations of the systematic); NaN for a universe.</summary>
    public double Sigma { get; }

    /// <summary>The universe index (0-based); −1 for a σ point.</summary>
    public int Universe { get; }

    /// <summary>The cut flow and histograms under this variation.</summary>
    public AnalysisResult Result { get; }

    /// <summary>The exposure of the events this variation was filled from: the nominal result's for a shift, knob or
    /// universe, the separate sample's for a sample variation.</summary>
    public Data.Exposure Exposure => Result.Exposure;

    /// <summary>"name σ=+1" or "name universe 17", for messages and tables.</summary>
    public string Label => Kind == VariationKind.Universe
        ? $"{Systematic} universe {Universe.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : $"{Systematic} σ={Sigma.ToString("+0.###;-0.###;0", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>True when <paramref name="other"/> names the same variation (systematic, kind, σ or universe).</summary>
    /// <param name="other">Another variation.</param>
    public bool SameVariationAs(VariationResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Systematic, other.Systematic, StringComparison.Ordinal) && Kind == other.Kind
            && Universe == other.Universe && (Kind == VariationKind.Universe || Sigma.Equals(other.Sigma));
    }

    /// <summary>An empty variation with the same identity and shape.</summary>
    public VariationResult CloneEmpty() => new(Systematic, Kind, Sigma, Universe, Result.CloneEmpty());
}
