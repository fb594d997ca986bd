namespace NuMM.Runtime.Data.Mapping;

/// <summary>Which type conversions a reader may apply when a file's column type differs from the schema's.
/// Nothing is converted unless the caller asks.</summary>
public enum ColumnConversion
{
    /// <summary>The stored type must equal the schema type; any difference is an error at open time.</summary>
    None = 0,
    /// <summary>Conversions that keep every value exactly (see <see cref="ColumnTypes.IsLossless"/>).</summary>
    Lossless = 1,
    /// <summary>Any numeric conversion; a value that does not fit the target (out of range, NaN into an integer)
    /// is an error naming its entry. float64 → float32 rounds.</summary>
    Any = 2,
}
