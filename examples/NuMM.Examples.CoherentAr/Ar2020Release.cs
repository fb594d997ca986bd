using System.Globalization;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Text;

namespace NuMM.Examples.CoherentAr;

/// <summary>The COHERENT CENNS-10 liquid-argon release of Analysis A (Zenodo 3903810; Akimov et al., Phys. Rev. Lett.
/// 126, 012002 (2021)): the beam-on data and every pdf as 3-D histograms of reconstructed energy (12 bins of 10 keVee,
/// 0–120), F90 (8 bins of 0.05, 0.5–0.9) and trigger time (10 bins of 0.5 µs), flattened energy-major, plus the
/// systematic variations of the pdfs and the acceptance table.</summary>
public sealed class Ar2020Release
{
    /// <summary>Grid sizes: energy, F90, time.</summary>
    public const int EnergyBins = 12, F90Bins = 8, TimeBins = 10;
    /// <summary>Bins of the flattened grid.</summary>
    public const int Bins = EnergyBins * F90Bins * TimeBins;

    /// <summary>Observed counts (no background subtraction).</summary>
    public required double[] Data { get; init; }
    /// <summary>Predicted pdfs (expected counts per bin for the exposure) by name: "cevns", "brn", "delbrn", "ss".</summary>
    public required Dictionary<string, double[]> Pdfs { get; init; }
    /// <summary>Systematic variations by file stem (e.g. "cevnspdf+1sigF90").</summary>
    public required Dictionary<string, double[]> Variations { get; init; }
    /// <summary>Acceptance table: reconstructed energy (keVee) and efficiency.</summary>
    public required (double[] EnergyKeVee, double[] Efficiency) Acceptance { get; init; }

    /// <summary>The folder shipped with the example.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Ar2020");

    /// <summary>Bin centre of energy bin <paramref name="i"/> (keVee).</summary>
    /// <param name="i">0-based energy bin.</param>
    public static double EnergyCentre(int i) => 5 + 10 * i;
    /// <summary>Bin centre of F90 bin <paramref name="j"/>.</summary>
    /// <param name="j">0-based F90 bin.</param>
    public static double F90Centre(int j) => 0.525 + 0.05 * j;
    /// <summary>Bin centre of time bin <paramref name="k"/> (µs).</summary>
    /// <param name="k">0-based time bin.</param>
    public static double TimeCentre(int k) => 0.15 + 0.5 * k;

    /// <summary>Reads the release from <paramref name="directory"/>.</summary>
    /// <param name="directory">Folder of the release.</param>
    /// <exception cref="DataFormatException">A malformed or truncated file, naming file, line and column.</exception>
    public static Ar2020Release Load(string? directory = null)
    {
        string dir = directory ?? DefaultDirectory;
        double[] Grid(string stem) => ReadGrid(Path.Combine(dir, stem + ".txt"));
        var variations = new[] { "cevnspdf+1sigF90", "cevnspdf-1sigF90", "cevnspdfCEvNSTimingMeanSyst", "brnpdf+1sigEnergy", "brnpdf-1sigEnergy",
            "brnpdf+1sigBRNTimingMean", "brnpdf-1sigBRNTimingMean", "brnpdfBRNTimingWidthSyst" };
        var eff = NumericTextTable.Read(Path.Combine(dir, "CENNS10AnlAEfficiency.txt"), 3);
        for (int r = 0; r < eff.RowCount; r++)
            if (eff.Rows[r][2] is < 0 or > 1) throw eff.ErrorAt(r, 3, $"efficiency {eff.Rows[r][2].ToString("R", CultureInfo.InvariantCulture)} is not in [0, 1]");
        return new Ar2020Release
        {
            Data = Grid("datanobkgsub"),
            Pdfs = new() { ["cevns"] = Grid("cevnspdf"), ["brn"] = Grid("brnpdf"), ["delbrn"] = Grid("delbrnpdf"), ["ss"] = Grid("bkgpdf") },
            Variations = variations.ToDictionary(v => v, Grid),
            Acceptance = (eff.Column(0), eff.Column(2)),
        };
    }

    /// <summary>Reads one 3-D histogram: 960 rows "energy, F90, time, value" in energy-major order, each checked against
    /// the grid's bin centres; values must be ≥ 0.</summary>
    /// <param name="path">The file.</param>
    public static double[] ReadGrid(string path)
    {
        var t = NumericTextTable.Read(path, 4);
        var values = new double[Bins];
        for (int r = 0; r < Math.Min(t.RowCount, Bins); r++)
        {
            int i = r / (F90Bins * TimeBins), j = r / TimeBins % F90Bins, k = r % TimeBins;
            var row = t.Rows[r];
            Check(t, r, 1, row[0], EnergyCentre(i), "energy bin centre (keVee)");
            Check(t, r, 2, row[1], F90Centre(j), "F90 bin centre");
            Check(t, r, 3, row[2], TimeCentre(k), "time bin centre (µs)");
            if (row[3] < 0) throw t.ErrorAt(r, 4, "a count cannot be negative");
            values[r] = row[3];
        }
        if (t.RowCount != Bins)
            throw t.ErrorAt(t.RowCount - 1, 1, $"the grid has {t.RowCount} rows, expected {Bins} ({EnergyBins} energy × {F90Bins} F90 × {TimeBins} time bins): truncated or padded file");
        return values;
    }

    private static void Check(NumericTextTable t, int row, int column, double value, double expected, string what)
    {
        if (Math.Abs(value - expected) > 1e-6)
            throw t.ErrorAt(row, column, $"{what} {value.ToString("R", CultureInfo.InvariantCulture)}, expected {expected.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Projection of a flattened grid on one axis (0 energy, 1 F90, 2 time).</summary>
    /// <param name="grid">Flattened 960-bin grid.</param>
    /// <param name="axis">0, 1 or 2.</param>
    public static double[] Project(IReadOnlyList<double> grid, int axis)
    {
        var p = new double[axis switch { 0 => EnergyBins, 1 => F90Bins, _ => TimeBins }];
        for (int r = 0; r < Bins; r++)
            p[axis switch { 0 => r / (F90Bins * TimeBins), 1 => r / TimeBins % F90Bins, _ => r % TimeBins }] += grid[r];
        return p;
    }
}
