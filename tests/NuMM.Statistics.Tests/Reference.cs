using System.Text.Json;

namespace NuMM.Statistics.Tests;

/// <summary>Numbers computed by Reference/reference_fits.py with numpy/scipy/iminuit and stored beside it.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "reference_fits.json"))));

    private static readonly Lazy<JsonDocument> Issue9Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "issue9_reference.json"))));

    public static JsonElement Case(string name) => Doc.Value.RootElement.GetProperty(name);

    /// <summary>A case of Reference/issue9_reference.py (scipy).</summary>
    public static JsonElement Issue9(string name) => Issue9Doc.Value.RootElement.GetProperty(name);

    public static double[] Array(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();
    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();
    public static double[,] Matrix(this JsonElement e, string name)
    {
        var rows = e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++) for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }
}
