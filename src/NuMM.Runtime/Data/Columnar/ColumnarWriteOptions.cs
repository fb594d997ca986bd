using System.Collections.Generic;

namespace NuMM.Runtime.Data.Columnar;

/// <summary>What a <see cref="ColumnarFileWriter"/> stores besides the columns. Nothing here is implicit:
/// a file written twice from the same inputs and options is byte-identical.</summary>
public sealed class ColumnarWriteOptions
{
    /// <summary>The exposure the events correspond to (POT or livetime in seconds); <see cref="Exposure.None"/> by default.</summary>
    public Exposure Exposure { get; init; }

    /// <summary>Free-text provenance (producer, input files, creation time as the caller states it, ...). Stored
    /// sorted by key (ordinal); keys must be unique and non-empty.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Provenance { get; init; } = [];

    /// <summary>Entries per row group (each column chunk holds this many, the last one fewer); between 1 and
    /// 2^27. The writer holds one row group in memory. Default 65 536.</summary>
    public int RowGroupEntries { get; init; } = ColumnarLayout.DefaultRowGroupEntries;
}
