using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>Solar neutrino sources of the pp chain and CNO cycle.</summary>
public enum SolarNeutrinoSource
{
    /// <summary>p + p → d + e⁺ + ν (continuum to 0.423 MeV).</summary>
    Pp,
    /// <summary>p + e⁻ + p → d + ν (line at 1.442 MeV).</summary>
    Pep,
    /// <summary>³He + p → ⁴He + e⁺ + ν (continuum to 18.78 MeV).</summary>
    Hep,
    /// <summary>⁷Be + e⁻ → ⁷Li + ν (lines at 0.8618 MeV, 89.7 %, and 0.3843 MeV, 10.3 %).</summary>
    Be7,
    /// <summary>⁸B → ⁸Be* + e⁺ + ν (continuum to ~16.5 MeV).</summary>
    B8,
    /// <summary>¹³N β⁺ decay (continuum to 1.199 MeV).</summary>
    N13,
    /// <summary>¹⁵O β⁺ decay (continuum to 1.732 MeV).</summary>
    O15,
    /// <summary>¹⁷F β⁺ decay (continuum to 1.740 MeV).</summary>
    F17,
}

/// <summary>Solar neutrino fluxes at Earth (1 AU, no oscillations) of the BS05(OP) standard solar model
/// (Bahcall, Serenelli &amp; Basu, ApJ 621, L85 (2005), Table 1), with the published spectral shapes (Bahcall 1997 for pp
/// and hep, Bahcall &amp; Ulrich 1988 for CNO, Winter et al. 2006 for ⁸B) as embedded tables; see
/// <c>Physics/Data/Solar/PROVENANCE.md</c>. Densities in cm⁻² s⁻¹ MeV⁻¹, line fluxes in cm⁻² s⁻¹.</summary>
public static class SolarFluxes
{
    /// <summary>⁷Be ground-state line energy in MeV (Bahcall, Phys. Rev. D 49, 3923 (1994)).</summary>
    public const double Be7GroundLineMeV = 0.8618;

    /// <summary>⁷Be excited-state (⁷Li* 478 keV) line energy in MeV.</summary>
    public const double Be7ExcitedLineMeV = 0.3843;

    /// <summary>Fraction of ⁷Be electron captures to the ⁷Li ground state (89.7 %); the rest (10.3 %) feed the excited line.</summary>
    public const double Be7GroundBranching = 0.897;

    /// <summary>pep line energy in MeV.</summary>
    public const double PepLineMeV = 1.442;

    private static readonly Lazy<double[]> Totals = new(LoadTotals);
    private static readonly Lazy<Dictionary<SolarNeutrinoSource, TabulatedSpectrum>> Shapes = new(LoadShapes);

    /// <summary>BS05(OP) total flux of <paramref name="source"/> in cm⁻² s⁻¹ (for ⁷Be the sum of both lines).</summary>
    /// <param name="source">Source.</param>
    public static double TotalFluxBS05OP(SolarNeutrinoSource source)
    {
        int i = (int)source;
        if (i < 0 || i >= 8) throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown solar neutrino source.");
        return Totals.Value[i];
    }

    /// <summary>The tabulated spectral shape of a continuum source (pdf in MeV⁻¹ as tabulated; ⁸B rescaled from per-mille).</summary>
    /// <param name="source">pp, hep, ⁸B, ¹³N, ¹⁵O or ¹⁷F.</param>
    /// <exception cref="ArgumentException">A line source (pep, ⁷Be).</exception>
    public static TabulatedSpectrum Shape(SolarNeutrinoSource source)
    {
        if (Shapes.Value.TryGetValue(source, out var shape)) return shape;
        throw new ArgumentException($"Solar source {source} is a line source and has no continuous shape.", nameof(source));
    }

    /// <summary>The BS05(OP) flux of one source: a normalised continuum, or the pep line, or the two ⁷Be lines.</summary>
    /// <param name="source">Source.</param>
    public static NeutrinoFlux BS05OP(SolarNeutrinoSource source)
    {
        double total = TotalFluxBS05OP(source);
        return source switch
        {
            SolarNeutrinoSource.Pep => NeutrinoFlux.FromLines("pep (BS05(OP))", new SpectralLine(PepLineMeV, total, "pep 1.442 MeV")),
            SolarNeutrinoSource.Be7 => NeutrinoFlux.FromLines("7Be (BS05(OP))",
                new SpectralLine(Be7GroundLineMeV, total * Be7GroundBranching, "7Be 0.8618 MeV"),
                new SpectralLine(Be7ExcitedLineMeV, total * (1 - Be7GroundBranching), "7Be 0.3843 MeV")),
            _ => NeutrinoFlux.Normalised($"{source} (BS05(OP))", Shape(source), total),
        };
    }

    /// <summary>The sum of all eight BS05(OP) sources.</summary>
    public static NeutrinoFlux BS05OPTotal()
    {
        var all = Enum.GetValues<SolarNeutrinoSource>().Select(BS05OP).ToArray();
        var sum = all[0];
        for (int i = 1; i < all.Length; i++) sum = sum.Plus(all[i]);
        return new NeutrinoFlux("BS05(OP) total", sum.Continua, sum.Lines);
    }

    private static double[] LoadTotals()
    {
        const string path = "Solar/bs2005opflux_header.txt";
        string text = NumericTable.ReadEmbedded(path);
        // The file is prose plus one row of eight numbers (units 10¹⁰ cm⁻² s⁻¹); take the row with eight numeric cells.
        foreach (string line in text.Split('\n'))
        {
            string[] cells = line.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 8) continue;
            var values = new double[8];
            bool ok = true;
            for (int i = 0; i < 8 && ok; i++)
                ok = double.TryParse(cells[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i]);
            if (!ok) continue;
            for (int i = 0; i < 8; i++)
            {
                if (!double.IsFinite(values[i]) || values[i] <= 0)
                    throw new FormatException($"Table '{path}': flux {i + 1} ({(SolarNeutrinoSource)i}) is {cells[i]}; must be finite and > 0.");
                values[i] *= 1e10;
            }
            return values;
        }
        throw new FormatException($"Table '{path}': no row of eight fluxes found.");
    }

    private static Dictionary<SolarNeutrinoSource, TabulatedSpectrum> LoadShapes()
    {
        TabulatedSpectrum Load(string file, double scale = 1.0)
            => TabulatedSpectrum.Parse("Solar/" + file, NumericTable.ReadEmbedded("Solar/" + file), 0, 1, scale);
        return new Dictionary<SolarNeutrinoSource, TabulatedSpectrum>
        {
            [SolarNeutrinoSource.Pp] = Load("pp_shape.csv"),
            [SolarNeutrinoSource.Hep] = Load("hep_shape.csv"),
            [SolarNeutrinoSource.B8] = Load("8B_shape_Winter_et_al.csv", 1e-3),   // tabulated in 10⁻³ MeV⁻¹
            [SolarNeutrinoSource.N13] = Load("n13_shape.csv"),
            [SolarNeutrinoSource.O15] = Load("o15_shape.csv"),
            [SolarNeutrinoSource.F17] = Load("f17_shape.csv"),
        };
    }
}
