using System.Globalization;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Text;

namespace NuMM.Examples.XenonntEr;

/// <summary>The XENONnT SR0 low-energy electronic-recoil release (Aprile et al. (XENON), Phys. Rev. Lett. 129, 161805
/// (2022)): the reconstructed energies (keV) of the events in (1, 30) keV, the best-fit background model B0 in
/// events/(t·yr·keV) on 0.1-keV bins (centres 0.05 … 29.95 keV), and the total efficiency versus reconstructed energy.</summary>
public sealed class XenonntRelease
{
    /// <summary>Exposure of the search, 1.16 tonne-years (PRL 129, 161805).</summary>
    public const double ExposureTonneYear = 1.16;
    /// <summary>Search window in reconstructed energy (keV).</summary>
    public const double WindowLowKeV = 1.0, WindowHighKeV = 30.0;
    /// <summary>Width of the B0 bins (keV).</summary>
    public const double ModelBinWidthKeV = 0.1;

    /// <summary>Reconstructed event energies (keV), as released.</summary>
    public required double[] EventEnergiesKeV { get; init; }
    /// <summary>B0 bin centres (keV).</summary>
    public required double[] BackgroundEnergiesKeV { get; init; }
    /// <summary>B0 rate at each centre, events/(t·yr·keV).</summary>
    public required double[] BackgroundRate { get; init; }
    /// <summary>Efficiency table: reconstructed energies (keV).</summary>
    public required double[] EfficiencyEnergiesKeV { get; init; }
    /// <summary>Efficiency table: total efficiency (0–1).</summary>
    public required double[] Efficiency { get; init; }

    /// <summary>The folder shipped with the example (copied next to the program).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "XenonntSr0");

    /// <summary>Reads the release from <paramref name="directory"/>.</summary>
    /// <param name="directory">Folder holding the release files.</param>
    /// <exception cref="DataFormatException">A malformed or truncated file; the message names file, line and column.</exception>
    public static XenonntRelease Load(string? directory = null)
    {
        string dir = directory ?? DefaultDirectory;
        var events = NumericTextTable.Read(Path.Combine(dir, "data_unbinned_1to30kev.txt"), 1);
        for (int r = 0; r < events.RowCount; r++)
        {
            double e = events.Rows[r][0];
            if (!(e > WindowLowKeV && e < WindowHighKeV))
                throw events.ErrorAt(r, 1, $"event energy {Fmt(e)} keV lies outside the search window ({WindowLowKeV}, {WindowHighKeV}) keV");
        }
        var b0 = NumericTextTable.Read(Path.Combine(dir, "bkg_model.txt"), 2);
        int expected = (int)Math.Round(WindowHighKeV / ModelBinWidthKeV);
        for (int r = 0; r < Math.Min(b0.RowCount, expected); r++)
        {
            double centre = (r + 0.5) * ModelBinWidthKeV;
            if (Math.Abs(b0.Rows[r][0] - centre) > 1e-9)
                throw b0.ErrorAt(r, 1, $"bin centre {Fmt(b0.Rows[r][0])} keV, expected {Fmt(centre)} keV");
            if (b0.Rows[r][1] < 0) throw b0.ErrorAt(r, 2, "a background rate cannot be negative");
        }
        if (b0.RowCount != expected)
            throw b0.ErrorAt(b0.RowCount - 1, 1, $"the model has {b0.RowCount} bins, expected {expected} (0–{WindowHighKeV} keV in {ModelBinWidthKeV}-keV bins): truncated or padded file");
        var eff = NumericTextTable.Read(Path.Combine(dir, "efficiency.txt"), 2);
        for (int r = 0; r < eff.RowCount; r++)
        {
            if (r > 0 && !(eff.Rows[r][0] > eff.Rows[r - 1][0])) throw eff.ErrorAt(r, 1, "energies must increase");
            if (eff.Rows[r][1] is < 0 or > 1) throw eff.ErrorAt(r, 2, $"efficiency {Fmt(eff.Rows[r][1])} is not in [0, 1]");
        }
        if (eff.Rows[^1][0] < WindowHighKeV - 0.2)
            throw eff.ErrorAt(eff.RowCount - 1, 1, $"the efficiency table ends at {Fmt(eff.Rows[^1][0])} keV, before the window's end (truncated file?)");
        return new XenonntRelease
        {
            EventEnergiesKeV = events.Column(0),
            BackgroundEnergiesKeV = b0.Column(0),
            BackgroundRate = b0.Column(1),
            EfficiencyEnergiesKeV = eff.Column(0),
            Efficiency = eff.Column(1),
        };
    }

    /// <summary>Efficiency at reconstructed energy <paramref name="energyKeV"/>: linear interpolation, the end values
    /// outside the table.</summary>
    /// <param name="energyKeV">Reconstructed energy (keV).</param>
    public double EfficiencyAt(double energyKeV)
    {
        var x = EfficiencyEnergiesKeV;
        if (energyKeV <= x[0]) return Efficiency[0];
        if (energyKeV >= x[^1]) return Efficiency[^1];
        int i = Array.BinarySearch(x, energyKeV);
        if (i >= 0) return Efficiency[i];
        i = ~i;
        double t = (energyKeV - x[i - 1]) / (x[i] - x[i - 1]);
        return Efficiency[i - 1] + t * (Efficiency[i] - Efficiency[i - 1]);
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
