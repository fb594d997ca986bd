using System.Text.Json;

namespace NuMM.Runtime.Tests.Support;

/// <summary>The universes of Reference/universe_spread.py, evaluated with the same formula, and the numbers numpy
/// computed from them (Reference/universe_spread.json).</summary>
internal static class UniverseReference
{
    public static double[] Universe(IReadOnlyList<double> nominal, int u, double phase)
    {
        var v = new double[nominal.Count];
        for (int b = 0; b < v.Length; b++)
            v[b] = nominal[b] * (1 + 0.08 * Math.Sin(1.3 * u + 0.7 * b + phase) + 0.03 * Math.Cos(2.1 * u * (b + 1)));
        return v;
    }

    public static JsonElement Case(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "universe_spread.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty(name).Clone();
    }

    public static double[] Vector(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double[][] Matrix(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();

    /// <summary>|a − b| ≤ tol · scale for every entry.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol, double scale, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * scale, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
