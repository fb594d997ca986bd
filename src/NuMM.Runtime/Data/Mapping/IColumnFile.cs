using System;
using System.Collections.Generic;

namespace NuMM.Runtime.Data.Mapping;

/// <summary>An open input file that holds equal-length columns (NuMM columnar, .npz/.npy, CSV): what it offers,
/// and a batch source for a schema bound to it by name, type and unit.</summary>
public interface IColumnFile : IDisposable
{
    /// <summary>The file's path.</summary>
    string Path { get; }

    /// <summary>The columns the file holds; <see cref="ColumnInfo.Name"/> is the name in the file.</summary>
    IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>Entries (rows, events) per column.</summary>
    long EntryCount { get; }

    /// <summary>The exposure the file records, or <see cref="Exposure.None"/> when the format has none.</summary>
    Exposure Exposure { get; }

    /// <summary>A source that fills batches of <paramref name="schema"/> in file order, reading only the
    /// columns the schema binds to.</summary>
    /// <param name="schema">The batch's columns, in order (the batches passed to ReadNext must have exactly these).</param>
    /// <param name="mapping">Schema column → file name overrides; null for none.</param>
    /// <param name="conversion">Which type differences may be converted; by default none.</param>
    /// <exception cref="DataFormatException">A column is missing or mismatched (all problems in one message).</exception>
    IBatchSource<IColumnBatch> OpenSource(IReadOnlyList<ColumnInfo> schema, SchemaMapping? mapping = null,
        ColumnConversion conversion = ColumnConversion.None);
}
