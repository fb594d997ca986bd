using System;
using System.IO;
using NuMM.Runtime.Data.Arrow;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Csv;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Numpy;
using NuMM.Runtime.Data.Parquet;

namespace NuMM.Cli.Inputs;

/// <summary>Opens any input `numm` understands as an <see cref="IColumnFile"/>.</summary>
public static class InputFiles
{
    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="tree">For ROOT files, the tree to read (null: the only one); must be null for other formats.</param>
    public static IColumnFile Open(string path, string? tree)
    {
        var format = InputFormats.Detect(path);
        if (tree is not null && format != InputFormat.Root)
            throw new ArgumentException($"--tree applies to ROOT files only; '{path}' is {Describe(format)}.");
        return format switch
        {
            InputFormat.Columnar => ColumnarFileReader.Open(path),
            InputFormat.Npz or InputFormat.Npy => NumpyFile.Open(path),
            InputFormat.Csv => CsvFile.Open(path),
            InputFormat.Root => new RootTreeInput(path, tree),
            InputFormat.Arrow => ArrowIpcFile.Open(path),
            InputFormat.Parquet => ParquetFile.Open(path),
            _ => throw new NotSupportedException(format.ToString()),
        };
    }

    /// <summary>A short name of the format, for messages.</summary>
    /// <param name="format">The format.</param>
    public static string Describe(InputFormat format) => format switch
    {
        InputFormat.Columnar => "a NuMM columnar file",
        InputFormat.Npz => "a numpy .npz archive",
        InputFormat.Npy => "a numpy .npy array",
        InputFormat.Csv => "a CSV table",
        InputFormat.Root => "a ROOT file",
        InputFormat.Arrow => "an Arrow IPC file",
        InputFormat.Parquet => "a Parquet file",
        _ => format.ToString(),
    };
}
