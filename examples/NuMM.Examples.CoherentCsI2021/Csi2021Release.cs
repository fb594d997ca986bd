using System.Globalization;
using System.Text.RegularExpressions;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Text;

namespace NuMM.Examples.CoherentCsI2021;

/// <summary>One selected event: reconstructed energy and recoil time.</summary>
/// <param name="Pe">Reconstructed energy (photoelectrons).</param>
/// <param name="TimeMicroseconds">Recoil time t_rec (µs).</param>
public readonly record struct CsiEvent(double Pe, double TimeMicroseconds);

/// <summary>Coefficients (a, b, c, d) of one of the release's curves.</summary>
/// <param name="A">a.</param>
/// <param name="B">b.</param>
/// <param name="C">c.</param>
/// <param name="D">d.</param>
public readonly record struct Coefficients(double A, double B, double C, double D);

/// <summary>The COHERENT CsI[Na] full-data-set release (ancillary files of Akimov et al., PRL 129, 081801 (2022),
/// arXiv:2110.07730), as files in one folder: the unbinned coincidence (C) and anti-coincidence (AC) events, the
/// beam-related-neutron (BRN) and neutrino-induced-neutron (NIN) pdfs in PE and recoil time, and the efficiency and
/// scintillation-response coefficients with their ±1σ variants.</summary>
public sealed partial class Csi2021Release
{
    /// <summary>Number of 1-PE bins of the BRN/NIN PE pdfs (centres 0.5 … 249.5).</summary>
    public const int PdfPeBins = 250;
    /// <summary>Number of 0.01-µs bins of the BRN/NIN time pdfs (centres −0.245 … 6.245 µs).</summary>
    public const int PdfTimeBins = 650;
    /// <summary>Width of a time-pdf bin (µs).</summary>
    public const double PdfTimeBinWidth = 0.01;
    /// <summary>Centre of the first time-pdf bin (µs).</summary>
    public const double PdfFirstTimeCentre = -0.245;

    /// <summary>Coincidence-window events (beam on).</summary>
    public required IReadOnlyList<CsiEvent> Coincidence { get; init; }
    /// <summary>Anti-coincidence-window events (beam on, before the spill: steady-state background only).</summary>
    public required IReadOnlyList<CsiEvent> AntiCoincidence { get; init; }
    /// <summary>BRN pdf per 1-PE bin (arbitrary normalisation; includes the PE efficiency).</summary>
    public required double[] BrnPe { get; init; }
    /// <summary>BRN pdf per 0.01-µs bin (arbitrary normalisation; without the time efficiency).</summary>
    public required double[] BrnTime { get; init; }
    /// <summary>NIN pdf per 1-PE bin.</summary>
    public required double[] NinPe { get; init; }
    /// <summary>NIN pdf per 0.01-µs bin.</summary>
    public required double[] NinTime { get; init; }
    /// <summary>Efficiency curves in PE: nominal, +1σ, −1σ.</summary>
    public required Coefficients[] Efficiency { get; init; }
    /// <summary>Scintillation-response curves Eee(T): nominal, model 0 +1σ, model 0 −1σ, model 1 +1σ, model 1 −1σ.</summary>
    public required Coefficients[] ScintillationResponse { get; init; }

    /// <summary>The folder shipped with the example (copied next to the program).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Csi2021");

    /// <summary>Reads every file of the release from <paramref name="directory"/>.</summary>
    /// <param name="directory">Folder holding the release files.</param>
    /// <exception cref="DataFormatException">A file is malformed or truncated; the message names file, line and column.</exception>
    public static Csi2021Release Load(string? directory = null)
    {
        string dir = directory ?? DefaultDirectory;
        string F(string name) => Path.Combine(dir, name);
        return new Csi2021Release
        {
            Coincidence = ReadEvents(F("dataBeamOnC.txt")),
            AntiCoincidence = ReadEvents(F("dataBeamOnAC.txt")),
            BrnPe = ReadPdf(F("brnPE.txt"), PdfPeBins, 0.5, 1.0),
            BrnTime = ReadPdf(F("brnTrec.txt"), PdfTimeBins, PdfFirstTimeCentre, PdfTimeBinWidth),
            NinPe = ReadPdf(F("ninPE.txt"), PdfPeBins, 0.5, 1.0),
            NinTime = ReadPdf(F("ninTrec.txt"), PdfTimeBins, PdfFirstTimeCentre, PdfTimeBinWidth),
            Efficiency = ReadCoefficients(F("effCoefficients.txt"), 3),
            ScintillationResponse = ReadCoefficients(F("scintRespCoefficients.txt"), 5),
        };
    }

    [GeneratedRegex(@"total event number:\s*(\d+)")]
    private static partial Regex TotalPattern();

    /// <summary>Reads an event list: rows "PE time[µs]", both finite and ≥ 0. The header comment's "total event number: N"
    /// must match the number of rows (a truncated list is caught even when it ends on a whole row).</summary>
    /// <param name="path">The file.</param>
    public static IReadOnlyList<CsiEvent> ReadEvents(string path)
    {
        int? declared = null;
        int declaredLine = 0, lineNo = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNo++;
            if (!line.TrimStart().StartsWith('#')) break;
            var m = TotalPattern().Match(line);
            if (m.Success) { declared = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture); declaredLine = lineNo; }
        }
        var table = NumericTextTable.Read(path, 2);
        var events = new CsiEvent[table.RowCount];
        for (int r = 0; r < table.RowCount; r++)
        {
            var row = table.Rows[r];
            if (row[0] < 0) throw table.ErrorAt(r, 1, $"energy {Fmt(row[0])} PE is negative");
            if (row[1] < 0) throw table.ErrorAt(r, 2, $"recoil time {Fmt(row[1])} µs is negative");
            events[r] = new CsiEvent(row[0], row[1]);
        }
        if (declared is int n && n != table.RowCount)
            throw table.ErrorAt(table.RowCount - 1, 1,
                $"the header (line {declaredLine}) declares {n} events but the file has {table.RowCount}: truncated or padded file");
        return events;
    }

    /// <summary>Reads a binned pdf "bin centre, value" with the expected number of bins and centres.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bins">Expected bins.</param>
    /// <param name="firstCentre">Centre of the first bin.</param>
    /// <param name="width">Bin width.</param>
    public static double[] ReadPdf(string path, int bins, double firstCentre, double width)
    {
        var table = NumericTextTable.Read(path, 2);
        if (table.RowCount != bins)
            throw table.ErrorAt(table.RowCount - 1, 1, $"the pdf has {table.RowCount} rows, expected {bins} bins: truncated or padded file");
        var pdf = new double[bins];
        for (int r = 0; r < bins; r++)
        {
            double expected = firstCentre + r * width;
            if (Math.Abs(table.Rows[r][0] - expected) > 1e-6)
                throw table.ErrorAt(r, 1, $"bin centre {Fmt(table.Rows[r][0])}, expected {Fmt(Math.Round(expected, 6))}");
            if (table.Rows[r][1] < 0) throw table.ErrorAt(r, 2, "a pdf value cannot be negative");
            pdf[r] = table.Rows[r][1];
        }
        if (pdf.Sum() <= 0) throw table.ErrorAt(bins - 1, 2, "the pdf is zero everywhere");
        return pdf;
    }

    /// <summary>Reads <paramref name="rows"/> coefficient rows "a b c d" (comments and blank lines skipped).</summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">Expected rows, nominal first.</param>
    public static Coefficients[] ReadCoefficients(string path, int rows)
    {
        var table = NumericTextTable.Read(path, 4);
        if (table.RowCount != rows)
            throw table.ErrorAt(table.RowCount - 1, 1, $"expected {rows} coefficient rows (nominal and variants), found {table.RowCount}");
        return table.Rows.Select(r => new Coefficients(r[0], r[1], r[2], r[3])).ToArray();
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
