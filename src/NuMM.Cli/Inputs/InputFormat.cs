using System;
using System.IO;

namespace NuMM.Cli.Inputs;

/// <summary>The file formats `numm` reads.</summary>
public enum InputFormat
{
    /// <summary>NuMM's own columnar format (.numm).</summary>
    Columnar,
    /// <summary>A numpy .npz archive.</summary>
    Npz,
    /// <summary>A single numpy .npy array.</summary>
    Npy,
    /// <summary>A comma-separated table.</summary>
    Csv,
    /// <summary>A ROOT file with TTrees.</summary>
    Root,
    /// <summary>An Apache Arrow IPC file (Feather v2).</summary>
    Arrow,
    /// <summary>An Apache Parquet file.</summary>
    Parquet,
}

/// <summary>Recognises a file's format from its first bytes, falling back to its extension for CSV.</summary>
public static class InputFormats
{
    /// <summary>The format of <paramref name="path"/>.</summary>
    /// <param name="path">An existing file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotSupportedException">The format is not recognised.</exception>
    public static InputFormat Detect(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No such file: '{path}'.", path);
        Span<byte> head = stackalloc byte[8];
        int n;
        using (var s = File.OpenRead(path)) n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'N', (byte)'u', (byte)'M', (byte)'M'])) return InputFormat.Columnar;
        if (head.StartsWith("root"u8)) return InputFormat.Root;
        if (head.StartsWith("ARROW1"u8)) return InputFormat.Arrow;
        if (head.StartsWith("PAR1"u8)) return InputFormat.Parquet;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'])) return InputFormat.Npy;
        if (head.StartsWith("PK"u8)) return InputFormat.Npz;
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".txt" => InputFormat.Csv,
            ".numm" => InputFormat.Columnar, // a damaged NuMM file: let its reader name the problem
            ".npz" => InputFormat.Npz,
            ".npy" => InputFormat.Npy,
            ".root" => InputFormat.Root,
            ".arrow" or ".feather" => InputFormat.Arrow,
            ".parquet" => InputFormat.Parquet,
            _ => throw new NotSupportedException($"Cannot tell the format of '{path}': expected a NuMM (.numm), ROOT (.root), Arrow IPC (.arrow, .feather), Parquet (.parquet), numpy (.npz, .npy) or CSV (.csv) file."),
        };
    }
}
