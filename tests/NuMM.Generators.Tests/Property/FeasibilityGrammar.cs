using System.Globalization;
using System.Text;

namespace NuMM.Generators.Tests.Property;

/// <summary>Random analyses for the soundness test of the "never passes" analysis: two cuts and a histogram over two
/// of the columns F (float), D (double), N (int) and the bool B, built from a small pool of nearby constants (a value,
/// its neighbours one ulp away in float and double, NaN, ±∞, ±0, int extremes) so that contradictions, touching bounds
/// and near misses are frequent. Each analysis carries a probe class that evaluates its own cuts over a grid of values.</summary>
internal sealed class FeasibilityGrammar
{
    private static readonly double[] Bases = { 0, 1, 2.5, 0.1, -3, 3, 1e38, 3e38, 16777216, 16777217, 2147483647, -2147483648, 1e-45, 5e-324, 100, 0.5, 7 };
    private static readonly double[] Steps = { 1, 2, 0.5, -1, 3, 0.1 };

    private readonly Random _rng;
    private List<double> _pool = new();
    private readonly List<string> _pairs = new();
    private string[] _columns = Array.Empty<string>();

    public FeasibilityGrammar(int seed) => _rng = new Random(seed);

    public sealed record Case(string ClassName, string Source, string[] Columns, double[] Constants, string HistColumn, double HistMin, double HistMax);

    public Case Next(string className)
    {
        _pool = new List<double>();
        _pairs.Clear();
        int bases = 1 + _rng.Next(2);
        for (int i = 0; i < bases; i++)
        {
            double v = Bases[_rng.Next(Bases.Length)];
            _pool.Add(v);
            _pool.Add(Math.BitIncrement(v));
            _pool.Add(Math.BitDecrement(v));
            _pool.Add((float)v);
            _pool.Add(MathF.BitIncrement((float)v));
            _pool.Add(MathF.BitDecrement((float)v));
            _pool.Add(-v);
            _pool.Add(v + 1);
        }
        var all = new[] { "F", "D", "N" };
        var first = all[_rng.Next(3)];
        var second = all[_rng.Next(3)];
        _columns = first == second ? new[] { first } : new[] { first, second };
        string c1 = Bool(3), c2 = Bool(3);
        var hist = _columns[_rng.Next(_columns.Length)];
        var finite = _pool.Where(double.IsFinite).Select(v => Math.Clamp(v, -1e300, 1e300)).Distinct().Order().ToList();
        double lo = finite[_rng.Next(finite.Count)], hi = finite[_rng.Next(finite.Count)];
        if (!(lo < hi)) (lo, hi) = (Math.Min(lo, hi) - 1, Math.Max(lo, hi) + 1);
        if (!(lo < hi)) (lo, hi) = (-1, 1);
        var b = new StringBuilder();
        b.AppendLine("using System;");
        b.AppendLine("using NuMM.Dsl;");
        b.AppendLine("namespace Feas;");
        b.AppendLine($"[Analysis(typeof(Ev))] [Histogram(\"h\", \"{hist}\", Bins = 3, Min = {D(lo)}, Max = {D(hi)})]");
        b.AppendLine($"public static partial class {className}");
        b.AppendLine("{");
        b.AppendLine($"    [Cut(1, \"c1\")] public static bool C1(in Ev e) => {c1};");
        b.AppendLine($"    [Cut(2, \"c2\")] public static bool C2(in Ev e) => {c2};");
        b.AppendLine("}");
        b.AppendLine($"public static class Probe{className}");
        b.AppendLine("{");
        b.AppendLine("    /// mode 1: c1, 2: c2, 3: c1 and c2, 4: both and the histogram value in [min, max). Returns a passing event or null.");
        b.AppendLine("    public static string? Find(float[] fs, double[] ds, int[] ns, int mode)");
        b.AppendLine("    {");
        b.AppendLine("        var e = default(Ev);");
        b.AppendLine("        foreach (var f in fs) { e.F = f; foreach (var d in ds) { e.D = d; foreach (var n in ns) { e.N = n; for (int k = 0; k < 2; k++) { e.B = k == 1;");
        b.AppendLine($"            bool pass = mode switch {{ 1 => {className}.C1(in e), 2 => {className}.C2(in e), 3 => {className}.C1(in e) && {className}.C2(in e),");
        b.AppendLine($"                _ => {className}.C1(in e) && {className}.C2(in e) && (double)e.{hist} >= {D(lo)} && (double)e.{hist} < {D(hi)} }};");
        b.AppendLine("            if (pass) return FormattableString.Invariant($\"F = {e.F:R}, D = {e.D:R}, N = {e.N}, B = {e.B}\");");
        b.AppendLine("        } } } }");
        b.AppendLine("        return null;");
        b.AppendLine("    }");
        b.AppendLine("}");
        return new Case(className, b.ToString(), _columns, _pool.ToArray(), hist, lo, hi);
    }

    private string Bool(int depth)
    {
        int r = _rng.Next(depth <= 0 ? 6 : 11);
        switch (r)
        {
            case 0: case 1: return Comparison();
            case 2: return _rng.Next(2) == 0 ? Comparison() : TwoSided();
            case 3: return Pattern();
            case 4: return _rng.Next(2) == 0 ? "e.B" : "!e.B";
            case 5: return NaNTest();
            case 6: case 7: return $"({Bool(depth - 1)} && {Bool(depth - 1)})";
            case 8: return $"({Bool(depth - 1)} || {Bool(depth - 1)})";
            case 9: return $"!({Bool(depth - 1)})";
            default: return _rng.Next(2) == 0 ? $"(e.B ? {Bool(depth - 1)} : {Bool(depth - 1)})" : $"({Bool(depth - 1)} ^ {Bool(depth - 1)})";
        }
    }

    private string Column() => _columns[_rng.Next(_columns.Length)];

    private string NaNTest()
    {
        var c = Column();
        return c switch
        {
            "F" => _rng.Next(2) == 0 ? "float.IsNaN(e.F)" : "e.F != e.F",
            "D" => _rng.Next(2) == 0 ? "double.IsNaN(e.D)" : "e.D == e.D",
            _ => "e.N == e.N",
        };
    }

    private static readonly string[] Ops = { "<", "<=", ">", ">=", "==", "!=" };

    private string Comparison()
    {
        var (text, type) = Numeric(Column(), 2);
        string op = Ops[_rng.Next(Ops.Length)];
        // A float expression may meet a double constant (widened), an int expression a double one.
        string k = type switch
        {
            "float" => _rng.Next(2) == 0 ? F(Pick()) : D(Pick()),
            "int" => _rng.Next(2) == 0 ? I(Pick()) : D(Pick()),
            _ => _rng.Next(3) == 0 ? F(Pick()) : D(Pick()),
        };
        return _rng.Next(4) == 0 ? $"{k} {Flip(op)} {text}" : $"{text} {op} {k}";
    }

    /// <summary>Two expressions compared (often one written before in the same analysis, so that "a &lt; b" and
    /// "!(a &lt; b)" meet).</summary>
    private string TwoSided()
    {
        if (_pairs.Count > 0 && _rng.Next(2) == 0) return _pairs[_rng.Next(_pairs.Count)];
        var (a, _) = Numeric(Column(), 1);
        var (b, _) = Numeric(Column(), 1);
        var text = $"{a} {Ops[_rng.Next(4)]} {b}";
        _pairs.Add(text);
        return text;
    }

    private string Pattern()
    {
        var c = Column();
        // Pattern constants must convert implicitly to the column's type.
        string K() => c switch { "F" => F(Pick()), "N" => I(Pick()), _ => D(Pick()) };
        string Rel() => $"{new[] { "<", "<=", ">", ">=" }[_rng.Next(4)]} {K()}";
        switch (_rng.Next(5))
        {
            case 0: return $"e.{c} is {Rel()} and {Rel()}";
            case 1: return $"e.{c} is not ({Rel()} and {Rel()})";
            case 2: return $"e.{c} is {Rel()} or {Rel()}";
            case 3: return c == "N" ? $"e.N is not {Rel()}" : $"e.{c} is {(c == "F" ? "float" : "double")}.NaN";
            default: return $"e.{c} is not ({Rel()} or {Rel()})";
        }
    }

    /// <summary>A numeric expression over column <paramref name="c"/> and its C# type.</summary>
    private (string Text, string Type) Numeric(string c, int depth)
    {
        var type = c switch { "F" => "float", "D" => "double", _ => "int" };
        var x = $"e.{c}";
        if (depth <= 0 || _rng.Next(3) == 0) return (x, type);
        var (inner, t) = Numeric(c, depth - 1);
        double k = _rng.Next(2) == 0 ? Steps[_rng.Next(Steps.Length)] : Pick();
        if (t == "int")
        {
            int ik = (int)Math.Clamp(Math.Round(k), -5, 5);
            return _rng.Next(5) switch
            {
                0 => ($"({inner} + {I(ik)})", "int"),
                1 => ($"({inner} - {I(ik)})", "int"),
                2 => ($"(-{inner})", "int"),
                3 => ($"(float){inner}", "float"),
                _ => ($"Math.Max({inner}, {I(ik)})", "int"),
            };
        }
        string K() => t == "float" ? F(k) : D(k);
        string m = t == "float" ? "MathF" : "Math";
        return _rng.Next(16) switch
        {
            0 => ($"({inner} + {K()})", t),
            1 => ($"({inner} - {K()})", t),
            2 => ($"({K()} - {inner})", t),
            3 => ($"({inner} * {K()})", t),
            4 => ($"({inner} / {K()})", t),
            5 => ($"(-{inner})", t),
            6 => ($"{m}.Abs({inner})", t),
            7 => ($"{m}.Sqrt({inner})", t),
            8 => ($"{m}.Floor({inner})", t),
            9 => ($"{m}.Round({inner})", t),
            10 => ($"{m}.Max({inner}, {K()})", t),
            11 => ($"({inner} * {inner})", t),
            12 => ($"{m}.{new[] { "Exp", "Log", "Atan", "Tanh", "Log10", "Cbrt" }[_rng.Next(6)]}({inner})", t),
            13 => t == "float" ? ($"(double){inner}", "double") : ($"(float){inner}", "float"),
            14 => ($"(e.B ? {inner} : -{inner})", t),
            _ => ($"{m}.Min({inner}, {K()})", t),
        };
    }

    private double Pick() => _pool[_rng.Next(_pool.Count)];

    private static string Flip(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

    public static string D(double v)
    {
        if (double.IsNaN(v)) return "double.NaN";
        if (double.IsPositiveInfinity(v)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(v)) return "double.NegativeInfinity";
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        if (!s.Contains('.') && !s.Contains('E')) s += ".0";
        return v < 0 || (v == 0 && double.IsNegative(v)) ? $"({(v == 0 ? "-0.0" : s)})" : s;
    }

    public static string F(double v)
    {
        float f = (float)v;
        if (float.IsNaN(f)) return "float.NaN";
        if (float.IsPositiveInfinity(f)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(f)) return "float.NegativeInfinity";
        var s = f.ToString("R", CultureInfo.InvariantCulture) + "f";
        return f < 0 || (f == 0 && float.IsNegative(f)) ? $"({(f == 0 ? "-0f" : s)})" : s;
    }

    public static string I(double v)
    {
        if (double.IsNaN(v)) return "0";
        if (v >= int.MaxValue) return "int.MaxValue";
        if (v <= int.MinValue) return "int.MinValue";
        var i = (int)Math.Round(v);
        return i < 0 ? $"({i.ToString(CultureInfo.InvariantCulture)})" : i.ToString(CultureInfo.InvariantCulture);
    }
}
