using System;
using System.Globalization;

namespace NuMM.Runtime.Data;

/// <summary>What an exposure counts: protons on target for a beam sample, seconds of livetime for a
/// cosmic or solar sample. Spectra of different kinds never mix.</summary>
public enum ExposureKind
{
    /// <summary>No exposure attached (for example a pure-shape template).</summary>
    None = 0,
    /// <summary>Protons on target (POT), dimensionless count.</summary>
    ProtonsOnTarget = 1,
    /// <summary>Livetime in seconds.</summary>
    Livetime = 2,
}

/// <summary>The exposure a sample or spectrum corresponds to: a value and its kind
/// (POT, or livetime in seconds).</summary>
/// <param name="Value">POT (count) or livetime (s), by <paramref name="Kind"/>; finite and ≥ 0.</param>
/// <param name="Kind">What <paramref name="Value"/> counts.</param>
public readonly record struct Exposure(double Value, ExposureKind Kind)
{
    /// <summary>No exposure.</summary>
    public static Exposure None => default;

    /// <summary>An exposure in protons on target.</summary>
    /// <param name="pot">Protons on target; finite and ≥ 0.</param>
    public static Exposure Pot(double pot) => Create(pot, ExposureKind.ProtonsOnTarget, nameof(pot));

    /// <summary>An exposure in seconds of livetime.</summary>
    /// <param name="seconds">Livetime in seconds; finite and ≥ 0.</param>
    public static Exposure LivetimeSeconds(double seconds) => Create(seconds, ExposureKind.Livetime, nameof(seconds));

    private static Exposure Create(double value, ExposureKind kind, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"An exposure must be finite and ≥ 0; got {value.ToString("R", CultureInfo.InvariantCulture)}.");
        return new Exposure(value, kind);
    }

    /// <summary>The exposure of two disjoint parts of one sample together: the values add. Both must count the same
    /// thing; <see cref="ExposureKind.None"/> adds only to <see cref="ExposureKind.None"/>, so a result without exposure
    /// is never silently merged into one with it.</summary>
    /// <param name="other">The exposure of the other part.</param>
    /// <exception cref="InvalidOperationException">The kinds differ; the message names both.</exception>
    public Exposure Plus(Exposure other)
    {
        if (other.Kind != Kind)
            throw new InvalidOperationException($"Cannot add exposure {other} ({other.Kind}) to exposure {this} ({Kind}): exposure kinds do not mix.");
        return new Exposure(Value + other.Value, Kind);
    }

    /// <summary>Throws when the value is not finite, is negative, or is non-zero for <see cref="ExposureKind.None"/>
    /// (a record struct can be built with any value, so consumers that store one check it).</summary>
    /// <param name="what">What the exposure belongs to, for the message.</param>
    /// <exception cref="ArgumentException">The exposure is invalid; the message names <paramref name="what"/>.</exception>
    public void Validate(string what)
    {
        if (!Enum.IsDefined(Kind))
            throw new ArgumentException($"{what}: exposure kind {(int)Kind} is not defined.");
        if (!double.IsFinite(Value) || Value < 0)
            throw new ArgumentException($"{what}: an exposure must be finite and ≥ 0; got {Value.ToString("R", CultureInfo.InvariantCulture)}.");
        if (Kind == ExposureKind.None && Value != 0)
            throw new ArgumentException($"{what}: an exposure of kind None must have value 0; got {Value.ToString("R", CultureInfo.InvariantCulture)}.");
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ExposureKind.ProtonsOnTarget => Value.ToString("0.###E+0", CultureInfo.InvariantCulture) + " POT",
        ExposureKind.Livetime => Value.ToString("R", CultureInfo.InvariantCulture) + " s",
        _ => "no exposure",
    };
}
