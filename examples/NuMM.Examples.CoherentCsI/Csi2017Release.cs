using System.Globalization;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Text;

namespace NuMM.Examples.CoherentCsI;

/// <summary>The COHERENT CsI[Na] 2017 data release (Zenodo 1228631, arXiv:1804.09459), as files in one folder:
/// beam-on and beam-off, coincidence (C) and anti-coincidence (AC) counts on a 25 × 24 grid of 2-PE × 0.5-µs bins
/// (PE 0–50, arrival time 0–12 µs), the arrival-time pdfs of prompt ν_μ, delayed ν_e/ν̄_μ and prompt neutrons, the
/// prompt-neutron PE spectrum per GWhr, and the parameters of <c>coherent_parameters.yaml</c>.</summary>
public sealed class Csi2017Release
{
    /// <summary>2-PE bins of the released grid (centres 1, 3, …, 49).</summary>
    public const int PeBins = 25;
    /// <summary>0.5-µs arrival-time bins (centres 0.25, …, 11.75 µs).</summary>
    public const int TimeBins = 24;
    /// <summary>Width of a released PE bin (PE).</summary>
    public const double PeBinWidth = 2.0;
    /// <summary>Width of a released time bin (µs).</summary>
    public const double TimeBinWidthMicroseconds = 0.5;
    /// <summary>1-PE bins of the prompt-neutron spectrum and of the efficiency (centres 0.5, …, 49.5).</summary>
    public const int SinglePeBins = 50;

    /// <summary>Coincidence window, beam on: counts[pe, t].</summary>
    public required double[,] CoincidenceBeamOn { get; init; }
    /// <summary>Anti-coincidence window (before the beam spill), beam on.</summary>
    public required double[,] AntiCoincidenceBeamOn { get; init; }
    /// <summary>Coincidence window, beam off.</summary>
    public required double[,] CoincidenceBeamOff { get; init; }
    /// <summary>Anti-coincidence window, beam off.</summary>
    public required double[,] AntiCoincidenceBeamOff { get; init; }
    /// <summary>Probability per 0.5-µs bin of a prompt-ν_μ event (sums to 1 over 0–12 µs).</summary>
    public required double[] PromptNeutrinoTimePdf { get; init; }
    /// <summary>Probability per bin of a delayed ν_e / ν̄_μ event.</summary>
    public required double[] DelayedNeutrinoTimePdf { get; init; }
    /// <summary>Probability per bin of a prompt beam-related neutron.</summary>
    public required double[] PromptNeutronTimePdf { get; init; }
    /// <summary>Prompt neutrons per GWhr per 1-PE bin, before the acceptance.</summary>
    public required double[] PromptNeutronsPerGWhr { get; init; }
    /// <summary>The scalar parameters of the release.</summary>
    public required Csi2017Parameters Parameters { get; init; }

    /// <summary>The folder shipped with the example (copied next to the program).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Csi2017");

    /// <summary>Reads every file of the release from <paramref name="directory"/>.</summary>
    /// <param name="directory">Folder holding the release files.</param>
    /// <exception cref="DataFormatException">A file is malformed or truncated; the message names file, line and column.</exception>
    public static Csi2017Release Load(string? directory = null)
    {
        string dir = directory ?? DefaultDirectory;
        string F(string name) => Path.Combine(dir, name);
        return new Csi2017Release
        {
            CoincidenceBeamOn = ReadGrid(F("data_coincidence_beamOn.txt")),
            AntiCoincidenceBeamOn = ReadGrid(F("data_anticoincidence_beamOn.txt")),
            CoincidenceBeamOff = ReadGrid(F("data_coincidence_beamOff.txt")),
            AntiCoincidenceBeamOff = ReadGrid(F("data_anticoincidence_beamOff.txt")),
            PromptNeutrinoTimePdf = ReadTimePdf(F("arrivalTimePDF_promptNeutrinos.txt")),
            DelayedNeutrinoTimePdf = ReadTimePdf(F("arrivalTimePDF_delayedNeutrinos.txt")),
            PromptNeutronTimePdf = ReadTimePdf(F("arrivalTimePDF_promptNeutrons.txt")),
            PromptNeutronsPerGWhr = ReadPromptNeutrons(F("promptPDF.txt")),
            Parameters = Csi2017Parameters.Read(F("coherent_parameters.yaml")),
        };
    }

    /// <summary>Reads a PE × time count grid: 600 rows "PE centre, time centre, counts" in PE-major order, checked against
    /// the released bin centres; counts must be whole numbers ≥ 0.</summary>
    /// <param name="path">The file.</param>
    public static double[,] ReadGrid(string path)
    {
        var table = NumericTextTable.Read(path, 3, allowHeader: true);
        var grid = new double[PeBins, TimeBins];
        int expected = PeBins * TimeBins;
        for (int r = 0; r < Math.Min(table.RowCount, expected); r++)
        {
            int i = r / TimeBins, j = r % TimeBins;
            var row = table.Rows[r];
            Expect(table, r, 1, row[0], 1 + PeBinWidth * i, "PE bin centre");
            Expect(table, r, 2, row[1], TimeBinWidthMicroseconds * (j + 0.5), "time bin centre (µs)");
            if (row[2] < 0 || row[2] != Math.Floor(row[2]))
                throw table.ErrorAt(r, 3, $"count {Fmt(row[2])} is not a whole number ≥ 0");
            grid[i, j] = row[2];
        }
        if (table.RowCount != expected)
            throw table.ErrorAt(table.RowCount - 1, 1, $"the grid has {table.RowCount} rows, expected {expected} ({PeBins} PE × {TimeBins} time bins): truncated or padded file");
        return grid;
    }

    private static double[] ReadTimePdf(string path)
    {
        var table = NumericTextTable.Read(path, 2);
        if (table.RowCount != TimeBins)
            throw table.ErrorAt(table.RowCount - 1, 1, $"the pdf has {table.RowCount} rows, expected {TimeBins} time bins");
        var pdf = new double[TimeBins];
        for (int r = 0; r < TimeBins; r++)
        {
            Expect(table, r, 1, table.Rows[r][0], TimeBinWidthMicroseconds * (r + 0.5), "time bin centre (µs)");
            if (table.Rows[r][1] < 0) throw table.ErrorAt(r, 2, "a probability cannot be negative");
            pdf[r] = table.Rows[r][1];
        }
        double sum = pdf.Sum();
        if (Math.Abs(sum - 1) > 1e-6) throw table.ErrorAt(TimeBins - 1, 2, $"the probabilities sum to {Fmt(sum)}, not 1");
        return pdf;
    }

    private static double[] ReadPromptNeutrons(string path)
    {
        var table = NumericTextTable.Read(path, 2);
        if (table.RowCount != SinglePeBins)
            throw table.ErrorAt(table.RowCount - 1, 1, $"the spectrum has {table.RowCount} rows, expected {SinglePeBins} 1-PE bins");
        var n = new double[SinglePeBins];
        for (int r = 0; r < SinglePeBins; r++)
        {
            Expect(table, r, 1, table.Rows[r][0], r + 0.5, "PE bin centre");
            if (table.Rows[r][1] < 0) throw table.ErrorAt(r, 2, "a neutron count cannot be negative");
            n[r] = table.Rows[r][1];
        }
        return n;
    }

    private static void Expect(NumericTextTable table, int row, int column, double value, double expected, string what)
    {
        if (Math.Abs(value - expected) > 1e-6)
            throw table.ErrorAt(row, column, $"{what} {Fmt(value)}, expected {Fmt(expected)}");
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Sum of a grid over time: counts per 2-PE bin.</summary>
    /// <param name="grid">counts[pe, t].</param>
    public static double[] PeProjection(double[,] grid)
    {
        var p = new double[grid.GetLength(0)];
        for (int i = 0; i < p.Length; i++) for (int j = 0; j < grid.GetLength(1); j++) p[i] += grid[i, j];
        return p;
    }

    /// <summary>Sum of a grid over PE: counts per time bin.</summary>
    /// <param name="grid">counts[pe, t].</param>
    public static double[] TimeProjection(double[,] grid)
    {
        var p = new double[grid.GetLength(1)];
        for (int i = 0; i < grid.GetLength(0); i++) for (int j = 0; j < p.Length; j++) p[j] += grid[i, j];
        return p;
    }

    /// <summary>A grid flattened PE-major (index = pe · 24 + t), the bin order of every template of the fit.</summary>
    /// <param name="grid">counts[pe, t].</param>
    public static double[] Flatten(double[,] grid)
    {
        var f = new double[grid.Length];
        int k = 0;
        for (int i = 0; i < grid.GetLength(0); i++) for (int j = 0; j < grid.GetLength(1); j++) f[k++] = grid[i, j];
        return f;
    }
}
