using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The three lists of diagnostics agree: the descriptors in code, the table in docs/diagnostics.md and the
/// analyzer release files (AnalyzerReleases.Shipped.md / Unshipped.md) name the same ids with the same severity, and
/// the release notes carry each descriptor's title and category.</summary>
public class DiagnosticCatalogTests
{
    private static string Root => Path.GetFullPath(Path.Combine(GeneratorHarness.ProjectDirectory(), "..", ".."));

    private sealed record Row(string Id, string Severity, string Text, string Category = "");

    /// <summary>Rows of the docs table: <c>| NUMMxxxx | Severity | Meaning |</c>.</summary>
    private static List<Row> DocRows()
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadAllLines(Path.Combine(Root, "docs", "diagnostics.md")))
        {
            var m = Regex.Match(line, @"^\|\s*(NUMM\d{4})\s*\|\s*([A-Za-z]+)\s*\|(.*)\|\s*$");
            if (m.Success) rows.Add(new Row(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Trim()));
        }
        return rows;
    }

    /// <summary>Rows of both release files: <c>NUMMxxxx | Category | Severity | Notes</c>.</summary>
    private static List<Row> ReleaseRows()
    {
        var rows = new List<Row>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            foreach (var line in File.ReadAllLines(Path.Combine(Root, "src", "NuMM.Generators", file)))
            {
                var cells = line.Split('|');
                if (cells.Length == 4 && Regex.IsMatch(cells[0].Trim(), @"^NUMM\d{4}$"))
                    rows.Add(new Row(cells[0].Trim(), cells[2].Trim(), cells[3].Trim(), cells[1].Trim()));
            }
        return rows;
    }

    private static bool Retired(Row docRow) => docRow.Text.Contains("*retired*", StringComparison.Ordinal);

    [Fact]
    public void EveryDescriptor_InDocsWithSameSeverity()
    {
        var docs = DocRows();
        foreach (var d in DiagnosticDescriptors.All)
        {
            var rows = docs.Where(r => r.Id == d.Id).ToList();
            Assert.True(rows.Count == 1, $"{d.Id} has {rows.Count} rows in docs/diagnostics.md");
            Assert.True(d.DefaultSeverity.ToString() == rows[0].Severity, $"{d.Id}: code says {d.DefaultSeverity}, docs say {rows[0].Severity}");
            Assert.False(Retired(rows[0]), $"{d.Id} is marked retired in the docs but still in code");
        }
    }

    [Fact]
    public void EveryDocumentedId_ExistsInCode_UnlessRetired()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var rows = DocRows();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
            Assert.True(Retired(r) || ids.Contains(r.Id), $"docs/diagnostics.md lists {r.Id}, which no descriptor has");
    }

    [Fact]
    public void EveryDescriptor_InReleasesWithSameCategorySeverityAndTitle()
    {
        var releases = ReleaseRows();
        foreach (var d in DiagnosticDescriptors.All)
        {
            var rows = releases.Where(r => r.Id == d.Id).ToList();
            Assert.True(rows.Count == 1, $"{d.Id} has {rows.Count} rows in the AnalyzerReleases files");
            Assert.Equal((d.Id, d.Category, d.DefaultSeverity.ToString(), d.Title.ToString()), (rows[0].Id, rows[0].Category, rows[0].Severity, rows[0].Text));
        }
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in releases) Assert.True(ids.Contains(r.Id), $"the AnalyzerReleases files list {r.Id}, which no descriptor has");
    }

    [Fact]
    public void Descriptors_HaveDistinctIds_AndById_FindsEach()
    {
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        foreach (var d in DiagnosticDescriptors.All) Assert.Same(d, DiagnosticDescriptors.ById(d.Id));
        // Every public static descriptor field is in All (a descriptor missing there would be reported as NUMM0203).
        var fields = typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        foreach (var d in fields) Assert.Contains(d, DiagnosticDescriptors.All);
    }
}
