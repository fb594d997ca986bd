using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Runtime.Physics.Nuclei;

/// <summary>The built-in table of target nuclides (AME2020 masses, IUPAC 2013 natural abundances; see
/// <c>Physics/Data/Nuclei/PROVENANCE.md</c>) and target materials: the natural elements Na, Ar, Ge, I, Xe, Cs,
/// each of their tabulated isotopes alone (e.g. "Ge74"), and the compounds CsI and NaI.</summary>
public static class NuclearTable
{
    private static readonly Lazy<(Dictionary<string, Nucleus> Nuclei, Dictionary<string, List<(Nucleus, double)>> Elements)> Table = new(Load);

    private static readonly Dictionary<string, (string Element, int Count)[]> Compounds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CsI"] = [("Cs", 1), ("I", 1)],
        ["NaI"] = [("Na", 1), ("I", 1)],
    };

    /// <summary>Names of all nuclides in the table, e.g. "Ge74".</summary>
    public static IReadOnlyCollection<string> NucleusNames => Table.Value.Nuclei.Keys;

    /// <summary>Names of all materials <see cref="GetTarget"/> accepts besides single nuclides.</summary>
    public static IReadOnlyCollection<string> MaterialNames => [.. Table.Value.Elements.Keys, .. Compounds.Keys];

    /// <summary>The nuclide called <paramref name="name"/> ("Ge74" or "74Ge", case-insensitive).</summary>
    /// <param name="name">Nuclide name.</param>
    /// <exception cref="ArgumentException">The nuclide is not in the table; the message lists those that are.</exception>
    public static Nucleus GetNucleus(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Table.Value.Nuclei.TryGetValue(Canonical(name), out var nucleus)) return nucleus;
        throw new ArgumentException(
            $"Unknown nucleus '{name}'. Known nuclei: {string.Join(", ", Table.Value.Nuclei.Keys.Order(StringComparer.Ordinal))}.", nameof(name));
    }

    /// <summary>The target material called <paramref name="name"/>: a natural element ("Ge", "Xe", "Ar", "Na", "I",
    /// "Cs"), a compound ("CsI", "NaI") or a single nuclide ("Ge76").</summary>
    /// <param name="name">Material name, case-insensitive.</param>
    /// <exception cref="ArgumentException">Unknown material; the message lists the known ones.</exception>
    public static TargetMaterial GetTarget(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (nuclei, elements) = Table.Value;
        if (elements.TryGetValue(name.Trim(), out var isotopes))
            return new TargetMaterial(isotopes[0].Item1.Element, isotopes.Select(i => new TargetComponent(i.Item1, i.Item2)).ToArray());
        if (Compounds.TryGetValue(name.Trim(), out var parts))
        {
            var components = new List<TargetComponent>();
            foreach (var (element, count) in parts)
                components.AddRange(elements[element].Select(i => new TargetComponent(i.Item1, count * i.Item2)));
            return new TargetMaterial(Compounds.Keys.First(k => string.Equals(k, name.Trim(), StringComparison.OrdinalIgnoreCase)), components);
        }
        if (nuclei.TryGetValue(Canonical(name), out var nucleus))
            return new TargetMaterial(nucleus.Name, [new TargetComponent(nucleus, 1.0)]);
        throw new ArgumentException(
            $"Unknown target '{name}'. Known materials: {string.Join(", ", MaterialNames.Order(StringComparer.Ordinal))}; or a nuclide: {string.Join(", ", nuclei.Keys.Order(StringComparer.Ordinal))}.",
            nameof(name));
    }

    private static string Canonical(string name)
    {
        string s = name.Trim();
        // Accept "74Ge" as well as "Ge74"; normalise the symbol's case ("ge74" → "Ge74").
        int digitsFirst = 0;
        while (digitsFirst < s.Length && char.IsDigit(s[digitsFirst])) digitsFirst++;
        if (digitsFirst > 0 && digitsFirst < s.Length) s = s[digitsFirst..] + s[..digitsFirst];
        int split = 0;
        while (split < s.Length && char.IsLetter(s[split])) split++;
        if (split == 0) return s;
        string symbol = char.ToUpperInvariant(s[0]) + s[1..split].ToLowerInvariant();
        return symbol + s[split..];
    }

    private static (Dictionary<string, Nucleus>, Dictionary<string, List<(Nucleus, double)>>) Load()
    {
        const string path = "Nuclei/isotopes.csv";
        string text = NumericTable.ReadEmbedded(path);
        var nuclei = new Dictionary<string, Nucleus>(StringComparer.Ordinal);
        var elements = new Dictionary<string, List<(Nucleus, double)>>(StringComparer.OrdinalIgnoreCase);
        int lineNo = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string[] c = line.Split(',');
            if (c.Length != 5) throw new FormatException($"Table '{path}', line {lineNo}: expected 5 columns, found {c.Length}.");
            if (!int.TryParse(c[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int z)
                || !int.TryParse(c[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int a)
                || !double.TryParse(c[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double mass)
                || !double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double abundance))
                throw new FormatException($"Table '{path}', line {lineNo}: a cell is not a number ('{line}').");
            Nucleus nucleus;
            try
            {
                nucleus = new Nucleus(c[0], z, a, mass);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"Table '{path}', line {lineNo}: {ex.Message}", ex);
            }
            if (!(abundance > 0 && abundance <= 1))
                throw new FormatException($"Table '{path}', line {lineNo}: abundance {c[4]} is not in (0, 1].");
            nuclei.Add(nucleus.Name, nucleus);
            if (!elements.TryGetValue(nucleus.Element, out var list)) elements[nucleus.Element] = list = [];
            list.Add((nucleus, abundance));
        }
        return (nuclei, elements);
    }
}
