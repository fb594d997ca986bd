using System;
using NuMM.Runtime.Data;

namespace NuMM.Runtime.Histograms;

/// <summary>A histogram together with the exposure it corresponds to (protons on target or livetime), as in
/// CAFAna's <c>Spectrum</c>. Event counts are only meaningful at a stated exposure, so results are read out with
/// <see cref="ToHistogram"/> and <see cref="Integral(Exposure, bool)"/> at a target exposure, and arithmetic
/// rescales to a common exposure and refuses to mix POT with livetime.</summary>
public sealed class Spectrum
{
    /// <summary>Wraps <paramref name="histogram"/> (not copied) with its exposure.</summary>
    /// <param name="histogram">The event counts (sum of weights) at <paramref name="exposure"/>.</param>
    /// <param name="exposure">The exposure the counts correspond to (POT, or livetime in s; <see cref="Exposure.None"/> for a pure shape).</param>
    public Spectrum(Histogram1D histogram, Exposure exposure)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (!double.IsFinite(exposure.Value) || exposure.Value < 0)
            throw new ArgumentOutOfRangeException(nameof(exposure), exposure.Value, $"Spectrum '{histogram.Name}': exposure must be finite and ≥ 0; got {RegularAxis.Format(exposure.Value)}.");
        if (exposure.Kind == ExposureKind.None && exposure.Value != 0)
            throw new ArgumentException($"Spectrum '{histogram.Name}': an exposure of kind None must have value 0; got {RegularAxis.Format(exposure.Value)}.", nameof(exposure));
        Histogram = histogram;
        Exposure = exposure;
    }

    /// <summary>Creates an empty spectrum on <paramref name="axis"/>.</summary>
    /// <param name="axis">The binning.</param>
    /// <param name="exposure">The exposure.</param>
    /// <param name="name">The histogram name.</param>
    public Spectrum(IAxis axis, Exposure exposure, string name = "") : this(new Histogram1D(axis, name), exposure) { }

    /// <summary>The event counts at <see cref="Exposure"/>.</summary>
    public Histogram1D Histogram { get; }

    /// <summary>The exposure the counts correspond to.</summary>
    public Exposure Exposure { get; private set; }

    /// <summary>The histogram's name.</summary>
    public string Name => Histogram.Name;

    /// <summary>A copy scaled to <paramref name="target"/>: every cell × target/<see cref="Exposure"/> (sum w² × its square).</summary>
    /// <param name="target">An exposure of the same kind as <see cref="Exposure"/>.</param>
    /// <exception cref="InvalidOperationException">The kinds differ, or this spectrum has zero exposure.</exception>
    public Spectrum ScaledTo(Exposure target)
    {
        var h = Histogram.Clone();
        h.Scale(FactorTo(target));
        return new Spectrum(h, target);
    }

    /// <summary>The histogram scaled to <paramref name="target"/> (a new histogram).</summary>
    /// <param name="target">An exposure of the same kind as <see cref="Exposure"/>.</param>
    public Histogram1D ToHistogram(Exposure target)
    {
        var h = Histogram.Clone();
        h.Scale(FactorTo(target));
        return h;
    }

    /// <summary>The event count (sum of weights) at <paramref name="target"/>.</summary>
    /// <param name="target">An exposure of the same kind as <see cref="Exposure"/>.</param>
    /// <param name="includeFlow">Whether the underflow and overflow count.</param>
    public double Integral(Exposure target, bool includeFlow = false) => Histogram.Integral(includeFlow) * FactorTo(target);

    /// <summary>The factor target/<see cref="Exposure"/> that scales counts to <paramref name="target"/>.</summary>
    /// <param name="target">An exposure of the same kind as <see cref="Exposure"/>.</param>
    public double FactorTo(Exposure target)
    {
        if (Exposure.Kind == ExposureKind.None && target.Kind == ExposureKind.None) return 1.0;
        if (target.Kind != Exposure.Kind)
            throw new InvalidOperationException($"Spectrum '{Name}' has exposure {Exposure} ({Exposure.Kind}) and cannot be scaled to {target} ({target.Kind}): exposure kinds do not mix.");
        if (!(Exposure.Value > 0))
            throw new InvalidOperationException($"Spectrum '{Name}' has zero exposure and cannot be scaled to {target}.");
        if (!double.IsFinite(target.Value) || target.Value < 0)
            throw new ArgumentOutOfRangeException(nameof(target), target.Value, $"Spectrum '{Name}': target exposure must be finite and ≥ 0.");
        return target.Value / Exposure.Value;
    }

    /// <summary>A copy with every cell multiplied by <paramref name="factor"/> (sum w² by its square) at the same exposure,
    /// for example to apply a normalisation.</summary>
    /// <param name="factor">A finite factor.</param>
    public Spectrum Scaled(double factor)
    {
        var h = Histogram.Clone();
        h.Scale(factor);
        return new Spectrum(h, Exposure);
    }

    /// <summary>Asimov ("fake") data at <paramref name="target"/>: the prediction scaled to the exposure, with each cell's
    /// variance set to its content (Poisson), as CAFAna's <c>FakeData</c>.</summary>
    /// <param name="target">An exposure of the same kind as <see cref="Exposure"/>.</param>
    /// <exception cref="InvalidOperationException">A scaled cell is negative; the message names the bin.</exception>
    public Spectrum FakeData(Exposure target)
    {
        var h = ToHistogram(target);
        var sw = h.SumW; var sw2 = h.SumW2;
        for (int c = 0; c < sw.Length; c++)
        {
            CheckNonNegative(sw[c], c, "fake data");
            sw2[c] = sw[c];
        }
        return new Spectrum(h, target);
    }

    /// <summary>Poisson-fluctuated ("mock") data at <paramref name="target"/>: every cell, including the flow cells, is an
    /// independent Poisson draw around the scaled prediction, with variance equal to the drawn count, as CAFAna's
    /// <c>MockData</c>. The same <paramref name="seed"/> gives the same data.</summary>
    /// <param name="target">An exposure of the same kind as <see cref="Exposure"/>.</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <exception cref="InvalidOperationException">A scaled cell is negative; the message names the bin.</exception>
    public Spectrum MockData(Exposure target, int seed)
    {
        var h = ToHistogram(target);
        var rng = new Random(seed);
        var sw = h.SumW; var sw2 = h.SumW2;
        for (int c = 0; c < sw.Length; c++)
        {
            CheckNonNegative(sw[c], c, "mock data");
            double n = sw[c] > 0 ? MathNet.Numerics.Distributions.Poisson.Sample(rng, sw[c]) : 0;
            sw[c] = n;
            sw2[c] = n;
        }
        return new Spectrum(h, target);
    }

    private void CheckNonNegative(double v, int cell, string what)
    {
        if (v < 0)
            throw new InvalidOperationException($"Spectrum '{Name}': cannot make {what} from a negative prediction ({RegularAxis.Format(v)} in bin {cell - 1}).");
    }

    /// <summary>The sum of two predictions at <paramref name="a"/>'s exposure: <paramref name="b"/> is first scaled to
    /// it (CAFAna's <c>operator+</c>). An empty <paramref name="b"/> adds nothing whatever its exposure.</summary>
    /// <param name="a">The left spectrum; its exposure is kept.</param>
    /// <param name="b">The right spectrum; same binning and exposure kind.</param>
    /// <exception cref="InvalidOperationException">The exposure kinds differ (POT with livetime) or an exposure is zero.</exception>
    public static Spectrum operator +(Spectrum a, Spectrum b) => Combine(a, b, +1.0);

    /// <summary>The difference of two predictions at <paramref name="a"/>'s exposure (see <see cref="op_Addition"/>).</summary>
    /// <param name="a">The left spectrum; its exposure is kept.</param>
    /// <param name="b">The right spectrum; same binning and exposure kind.</param>
    public static Spectrum operator -(Spectrum a, Spectrum b) => Combine(a, b, -1.0);

    private static Spectrum Combine(Spectrum a, Spectrum b, double sign)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = a.Histogram.Clone();
        if (IsEmpty(b.Histogram))
        {
            CheckBinning(a, b);
            return new Spectrum(result, a.Exposure);
        }
        if (a.Exposure.Kind != b.Exposure.Kind)
            throw new InvalidOperationException(
                $"Cannot combine spectrum '{a.Name}' ({a.Exposure}) with spectrum '{b.Name}' ({b.Exposure}): exposure kinds {a.Exposure.Kind} and {b.Exposure.Kind} do not mix.");
        double f = sign;
        if (a.Exposure.Kind != ExposureKind.None)
        {
            if (!(a.Exposure.Value > 0) || !(b.Exposure.Value > 0))
                throw new InvalidOperationException(
                    $"Cannot combine spectrum '{a.Name}' ({a.Exposure}) with spectrum '{b.Name}' ({b.Exposure}): a non-empty spectrum with zero exposure cannot be rescaled.");
            f = sign * (a.Exposure.Value / b.Exposure.Value);
        }
        var scaled = b.Histogram.Clone();
        scaled.Scale(f);
        CheckBinning(a, b);
        // Variances add for a sum and a difference alike; Scale(f) already squared the sign.
        result.Add(scaled);
        return new Spectrum(result, a.Exposure);
    }

    /// <summary>Accumulates another part of the same sample in place: the histograms add unscaled and the exposures
    /// add (for example two files of one simulation, or partial results of a parallel run).</summary>
    /// <param name="other">A spectrum with the same binning and exposure kind.</param>
    /// <exception cref="InvalidOperationException">The exposure kinds differ.</exception>
    public void AddSample(Spectrum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Exposure.Kind != Exposure.Kind)
            throw new InvalidOperationException(
                $"Cannot add sample '{other.Name}' ({other.Exposure}) to spectrum '{Name}' ({Exposure}): exposure kinds {other.Exposure.Kind} and {Exposure.Kind} do not mix.");
        Histogram.Add(other.Histogram);
        Exposure = new Exposure(Exposure.Value + other.Exposure.Value, Exposure.Kind);
    }

    private static void CheckBinning(Spectrum a, Spectrum b)
    {
        if (!AxisBinning.Same(a.Histogram.Axis, b.Histogram.Axis))
            throw new ArgumentException(
                $"Cannot combine spectrum '{b.Name}' ({AxisBinning.Describe(b.Histogram.Axis)}) with spectrum '{a.Name}' ({AxisBinning.Describe(a.Histogram.Axis)}): the binnings differ.");
    }

    private static bool IsEmpty(Histogram1D h)
    {
        foreach (double v in h.SumW) if (v != 0) return false;
        foreach (double v in h.SumW2) if (v != 0) return false;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Spectrum('{Name}', {Exposure}, integral {RegularAxis.Format(Histogram.Integral(true))})";
}
