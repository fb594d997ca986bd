using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NuMM.Runtime.Data.Text;

/// <summary>A numeric table as experiments release it in plain text: one row per line, a fixed number of columns
/// separated by commas and/or whitespace, '#' comment lines and blank lines skipped, and optionally one non-numeric
/// header line before the first row (for example "Photoelectrons (PEs),Arrival time (us),Counts"). Values are parsed
/// in the invariant culture. Every problem — a short row (a truncated file), an extra cell, a cell that is not a
/// finite number — raises a <see cref="DataFormatException"/> whose message names the file, the 1-based line and the
/// 1-based column. Units are whatever the release uses; this reader does not interpret them.</summary>
public sealed class NumericTextTable
{
    private static readonly char[] Separators = [',', ' ', '\t', ';'];

    private NumericTextTable(string path, double[][] rows, int[] lines, string? header)
    {
        Path = path;
        Rows = rows;
        LineNumbers = lines;
        Header = header;
    }

    /// <summary>The path (or name) used in messages.</summary>
    public string Path { get; }

    /// <summary>The parsed rows, each with the table's column count.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>1-based source line of each row.</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    /// <summary>The header line, or null when the file has none.</summary>
    public string? Header { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => Rows.Count;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The text file.</param>
    /// <param name="columns">Number of columns every row must have (≥ 1).</param>
    /// <param name="allowHeader">Accept one non-numeric line before the first data row as a header.</param>
    /// <exception cref="DataFormatException">The file is empty, a row has too few or too many cells, or a cell is not
    /// a finite number; the message names file, line and column.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static NumericTextTable Read(string path, int columns, bool allowHeader = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return Parse(reader, path, columns, allowHeader);
    }

    /// <summary>Parses text already open (see <see cref="Read"/>).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="path">Name used in messages.</param>
    /// <param name="columns">Number of columns every row must have (≥ 1).</param>
    /// <param name="allowHeader">Accept one non-numeric line before the first data row as a header.</param>
    public static NumericTextTable Parse(TextReader reader, string path, int columns, bool allowHeader = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var rows = new List<double[]>();
        var lines = new List<int>();
        string? header = null;
        int lineNo = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            string[] cells = trimmed.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (allowHeader && header is null && rows.Count == 0 && !double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                header = trimmed;
                continue;
            }
            if (cells.Length < columns)
                throw Error(path, lineNo, cells.Length + 1, $"expected {columns} columns, the row ends after {cells.Length} (truncated row?)");
            if (cells.Length > columns)
                throw Error(path, lineNo, columns + 1, $"expected {columns} columns, found {cells.Length}");
            var values = new double[columns];
            for (int c = 0; c < columns; c++)
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]) || !double.IsFinite(values[c]))
                    throw Error(path, lineNo, c + 1, $"'{cells[c]}' is not a finite number");
            rows.Add(values);
            lines.Add(lineNo);
        }
        if (rows.Count == 0) throw new DataFormatException("The file holds no data rows.", path);
        return new NumericTextTable(path, rows.ToArray(), lines.ToArray(), header);
    }

    /// <summary>Column <paramref name="column"/> (0-based) of every row.</summary>
    /// <param name="column">0-based column index.</param>
    public double[] Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Rows[0].Length);
        var result = new double[Rows.Count];
        for (int i = 0; i < result.Length; i++) result[i] = Rows[i][column];
        return result;
    }

    /// <summary>An error about row <paramref name="row"/> (0-based) and 1-based <paramref name="column"/>, naming the file,
    /// the source line and the column: for checks the caller makes on the values (a bin centre off the grid, a negative count).</summary>
    /// <param name="row">0-based data row.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="message">What is wrong.</param>
    public DataFormatException ErrorAt(int row, int column, string message) => Error(Path, LineNumbers[row], column, message);

    private static DataFormatException Error(string path, int line, int column, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Line {line}, column {column}: {message}."), path,
            string.Create(CultureInfo.InvariantCulture, $"column {column}"));
}
