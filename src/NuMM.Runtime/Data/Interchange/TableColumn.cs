using System;
using System.Collections.Generic;
using System.Globalization;

namespace NuMM.Runtime.Data.Interchange;

/// <summary>One whole column held in memory for writing to Arrow IPC or Parquet: one value per entry, an array column of
/// <see cref="ColumnInfo.Length"/> values per entry (entry i's values at <c>Values[i × Length .. (i + 1) × Length]</c>),
/// or a list (jagged) column whose entry i is <c>Values[Offsets[i]..Offsets[i+1]]</c>.</summary>
/// <param name="Info">Name, element type, unit and source of the column.</param>
/// <param name="Values">The values: a <c>T[]</c> of the element type (bool, sbyte … ulong, float, double).</param>
/// <param name="Offsets">For a list column, entries + 1 start indices into <paramref name="Values"/> (first 0, last
/// Values.Length); null for a column with one value per entry.</param>
public sealed record TableColumn(ColumnInfo Info, Array Values, long[]? Offsets = null)
{
    /// <summary>True for a list (jagged) column.</summary>
    public bool IsList => Offsets is not null;

    /// <summary>Entries in the column.</summary>
    public long Entries => Offsets is null ? Values.Length / Math.Max(1, Info.Length) : Offsets.Length - 1;
}

/// <summary>The metadata keys NuMM writes into Arrow and Parquet files so the exposure, units, sources and finite flags
/// survive a round trip; other tools ignore them.</summary>
internal static class InterchangeMetadata
{
    public const string ExposureKind = "numm.exposure.kind";
    public const string ExposureValue = "numm.exposure.value";
    public const string Unit = "numm.unit";
    public const string Source = "numm.source";
    public const string Finite = "numm.finite";

    public static IEnumerable<KeyValuePair<string, string>> OfExposure(Exposure e)
    {
        yield return new(ExposureKind, e.Kind.ToString());
        yield return new(ExposureValue, e.Value.ToString("R", CultureInfo.InvariantCulture));
    }

    public static Exposure ReadExposure(IReadOnlyDictionary<string, string>? meta, string file)
    {
        if (meta is null || !meta.TryGetValue(ExposureKind, out var kind)) return Exposure.None;
        if (!Enum.TryParse<ExposureKind>(kind, out var k) || !meta.TryGetValue(ExposureValue, out var v)
            || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new DataFormatException($"File metadata '{ExposureKind}' = '{kind}' with '{ExposureValue}' is not a valid exposure", file, ExposureKind);
        return new Exposure(value, k);
    }

    public static IEnumerable<KeyValuePair<string, string>> OfColumn(ColumnInfo c)
    {
        if (c.Unit.Length > 0) yield return new(Unit, c.Unit);
        if (c.Source.Length > 0 && c.Source != c.Name) yield return new(Source, c.Source);
        if (c.RequireFinite) yield return new(Finite, "true");
    }

    public static ColumnInfo Column(string name, ColumnType type, IReadOnlyDictionary<string, string>? meta) => new(
        name, type,
        meta?.GetValueOrDefault(Unit) ?? "",
        meta?.GetValueOrDefault(Source) ?? name,
        meta?.GetValueOrDefault(Finite) == "true");
}
