using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Reflection;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>A small numeric table read from text: comma- or whitespace-separated columns, '#' comment lines
/// and blank lines skipped. Every value is parsed invariantly; a bad cell raises an exception naming the
/// table, the line and the column.</summary>
internal sealed class NumericTable
{
    private NumericTable(string name, double[][] rows, int[] lineNumbers)
    {
        Name = name;
        Rows = rows;
        LineNumbers = lineNumbers;
    }

    /// <summary>Table name used in error messages (file or resource name).</summary>
    public string Name { get; }

    /// <summary>Parsed rows.</summary>
    public double[][] Rows { get; }

    /// <summary>1-based source line of each row, for error messages.</summary>
    public int[] LineNumbers { get; }

    /// <summary>Parses <paramref name="text"/>; every data row must have at least <paramref name="minColumns"/> columns.</summary>
    public static NumericTable Parse(string name, string text, int minColumns)
    {
        var rows = new List<double[]>();
        var lines = new List<int>();
        using var reader = new StringReader(text);
        int lineNo = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            string[] cells = trimmed.Split([',', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length < minColumns)
                throw new FormatException($"Table '{name}', line {lineNo}: expected at least {minColumns} columns, found {cells.Length} ('{trimmed}').");
            var values = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]))
                    throw new FormatException($"Table '{name}', line {lineNo}, column {c + 1}: '{cells[c]}' is not a number.");
            }
            rows.Add(values);
            lines.Add(lineNo);
        }
        if (rows.Count == 0) throw new FormatException($"Table '{name}' has no data rows.");
        return new NumericTable(name, rows.ToArray(), lines.ToArray());
    }

    /// <summary>Column <paramref name="column"/> (0-based) of every row.</summary>
    public double[] Column(int column)
    {
        var result = new double[Rows.Length];
        for (int i = 0; i < Rows.Length; i++) result[i] = Rows[i][column];
        return result;
    }

    /// <summary>The text of an embedded physics table, by its path under <c>Physics/Data/</c> with '/' separators
    /// (for example <c>Solar/pp_shape.csv</c>).</summary>
    public static string ReadEmbedded(string relativePath)
    {
        var assembly = typeof(NumericTable).Assembly;
        string wanted = "NuMM.Physics.Data." + relativePath.Replace('/', '.');
        // MSBuild keeps the directory separator of %(RecursiveDir) in the logical name; compare with dots.
        string? found = null;
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (string.Equals(resource.Replace('/', '.').Replace('\\', '.'), wanted, StringComparison.Ordinal))
            {
                found = resource;
                break;
            }
        }
        if (found is null)
            throw new InvalidOperationException($"Embedded physics table '{relativePath}' (resource '{wanted}') is missing from {assembly.GetName().Name}.");
        using Stream stream = assembly.GetManifestResourceStream(found)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Formats a double for messages, round-trippable and culture-invariant.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
