using System.Globalization;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>Issue 8 class 5: the "can never pass" analysis (NUMM0102), cuts that remove every event the earlier cuts
/// leave (NUMM0105) and histogram axes outside the cuts' window (NUMM0408). Each shape has a case that must be
/// reported and a near miss that some event passes (NaN, ±∞, a touching bound, one integer, one float's rounding),
/// which must not be.</summary>
public class FeasibilityTests
{
    private const string Schema = """
        using System;
        using NuMM.Dsl;
        [EventSchema]
        public partial struct Ev
        {
            [Column(Unit = "GeV")] public float E;
            public double D;
            public int N;
            public bool Flag;
        }

        """;

    private static string Analysis(string members, string attributes = "")
        => Schema + attributes + "\n[Analysis(typeof(Ev))]\npublic static partial class Sel\n{\n" + members + "\n}\n";

    private static string Cut(string body) => Analysis($"[Cut(1, \"c\")] public static bool C(in Ev e) => {body};");

    private static List<Diagnostic> Run(string source, string id)
    {
        var run = GeneratorHarness.RunGenerator(source);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        // The inputs are valid C#: only the generator may complain.
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("NUMM", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Numm, d => d.Id == "NUMM0903");
        return run.Numm.Where(d => d.Id == id).ToList();
    }

    /// <summary>Exactly one <paramref name="id"/>, whose message contains every fragment.</summary>
    private static Diagnostic Reported(string source, string id, params string[] fragments)
    {
        var found = Run(source, id);
        Assert.True(found.Count == 1, $"expected one {id}, got {found.Count}: {string.Join("\n", found)}");
        var message = found[0].GetMessage(CultureInfo.InvariantCulture);
        foreach (var f in fragments) Assert.Contains(f, message);
        Assert.True(found[0].Location.IsInSource);
        return found[0];
    }

    private static void NotReported(string source, string id)
    {
        var found = Run(source, id);
        Assert.True(found.Count == 0, $"expected no {id}, got: {string.Join("\n", found)}");
    }

    private static string At(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    // ---- variables, locals, called cuts ----

    [Fact]
    public void Never_VariableAndColumn()
    {
        var d = Reported(Analysis("""
            [Variable("v")] public static float V(in Ev e) => e.E;
            [Cut(1, "c")] public static bool C(in Ev e) => V(e) > 5f && e.E < 3f;
            """), "NUMM0102", "'c'", "'e.E' would have to satisfy");
        Assert.Equal("V(e) > 5f && e.E < 3f", At(d));
    }

    [Fact]
    public void Never_ThroughLocal()
        => Reported(Analysis("""
            [Cut(1, "c")] public static bool C(in Ev e) { var twice = e.E * 2f; return twice > 10f && e.E < 4f; }
            """), "NUMM0102", "'c'");

    [Fact]
    public void Never_CalledCut()
    {
        var found = Run(Analysis("""
            [Cut(1, "hard")] public static bool Hard(in Ev e) => e.E > 5f;
            [Cut(2, "soft")] public static bool Soft(in Ev e) => Hard(e) && e.E < 3f;
            """), "NUMM0102");
        Assert.Single(found);
        Assert.Contains("'soft'", found[0].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Passes_LocalWithTouchingBound()
        => NotReported(Analysis("""
            [Cut(1, "c")] public static bool C(in Ev e) { var twice = e.E * 2f; return twice >= 8f && e.E <= 4f; }
            """), "NUMM0102");

    [Fact]
    public void Silent_PureHelperIsOpaque()
        // A [Pure] helper is the user's word, not a proof of determinism: nothing is claimed through it.
        => NotReported(Analysis("""
            [NuMM.Dsl.Pure] public static float Same(float x) => x;
            [Cut(1, "c")] public static bool C(in Ev e) => Same(e.E) > 5f && Same(e.E) < 3f;
            """), "NUMM0102");

    [Fact]
    public void Never_StaticReadonlyThreshold()
        // A static readonly field is one value for the whole run, whatever it is (NaN included).
        => Reported(Analysis("""
            static readonly float s_cut = 2f;
            [Cut(1, "c")] public static bool C(in Ev e) => e.E > s_cut && !(e.E > s_cut);
            """), "NUMM0102");

    [Fact]
    public void Passes_TwoStaticReadonlyThresholds()
        => NotReported(Analysis("""
            static readonly float s_lo = 2f, s_hi = 3f;
            [Cut(1, "c")] public static bool C(in Ev e) => e.E > s_lo && e.E < s_hi;
            """), "NUMM0102");

    // ---- integer columns ----

    [Fact]
    public void Never_IntOpenIntervalWithoutInteger() => Reported(Cut("e.N > 2 && e.N < 3"), "NUMM0102", "'e.N'");

    [Fact]
    public void Never_IntAgainstDoubleConstants() => Reported(Cut("e.N > 2.5 && e.N < 3"), "NUMM0102");

    [Fact]
    public void Never_IntMinValue() => Reported(Cut("e.N < int.MinValue"), "NUMM0102");

    [Fact]
    public void Passes_IntIntervalHoldingOneInteger() => NotReported(Cut("e.N > 2 && e.N <= 3"), "NUMM0102");

    [Fact]
    public void Passes_IntPlusOneWraps() => NotReported(Cut("e.N + 1 < 0 && e.N > 0"), "NUMM0102");

    [Fact]
    public void Never_IntPlusOneWithoutWrap() => Reported(Cut("e.N + 1 < 0 && e.N > 0 && e.N < 100"), "NUMM0102");

    [Fact]
    public void Passes_IntNegationOfMinValue() => NotReported(Cut("-e.N < 0 && e.N < 0"), "NUMM0102");

    [Fact]
    public void Never_IntNegation() => Reported(Cut("-e.N > 5 && e.N > 0"), "NUMM0102");

    // ---- float and double ----

    [Fact]
    public void Never_FloatColumnAgainstDoubleAndFloatConstant()
        // (double)E > 0.1 means E ≥ 0.1f (0.1f is above 0.1); E < 0.1f then leaves nothing.
        => Reported(Cut("e.E > 0.1 && e.E < 0.1f"), "NUMM0102");

    [Fact]
    public void Passes_FloatConstantRoundsToTheSameFloat() => NotReported(Cut("e.E >= 0.1 && e.E <= 0.1f"), "NUMM0102");

    [Fact]
    public void Never_FloatCastOfDouble() => Reported(Cut("(float)e.D > 1f && e.D < 0.99999"), "NUMM0102");

    [Fact]
    public void Passes_FloatCastRoundsUp()
        // 1 − 2⁻³⁰ rounds to 1f: the cast makes the double pass.
        => NotReported(Cut("(float)e.D >= 1f && e.D < 1.0"), "NUMM0102");

    [Fact]
    public void Never_FloatOverflowOnlyAtInfinity() => Reported(Cut("e.E * 2f > float.MaxValue && e.E < 1e38f"), "NUMM0102");

    [Fact]
    public void Passes_FloatProductOverflows() => NotReported(Cut("e.E * 2f > float.MaxValue && e.E < 3e38f"), "NUMM0102");

    // ---- Abs and monotone functions ----

    [Fact]
    public void Never_AbsBelowWhileAbove() => Reported(Cut("Math.Abs(e.E) < 1f && e.E > 2f"), "NUMM0102");

    [Fact]
    public void Passes_AbsTouching() => NotReported(Cut("Math.Abs(e.E) <= 2f && e.E >= 2f"), "NUMM0102");

    [Fact]
    public void Never_AbsOfNegativeRange() => Reported(Cut("Math.Abs(e.D) < -0.5"), "NUMM0102");

    [Fact]
    public void Never_SqrtBelowZero() => Reported(Cut("Math.Sqrt(e.D) < 0"), "NUMM0102");

    [Fact]
    public void Passes_SqrtOfMinusZero()
        // Math.Sqrt(-0.0) is -0.0, which is ≤ 0.
        => NotReported(Cut("Math.Sqrt(e.D) <= 0 && e.D <= 0"), "NUMM0102");

    [Fact]
    public void Never_SqrtOfNegativeIsNaN() => Reported(Cut("Math.Sqrt(e.D) >= 0 && e.D < 0"), "NUMM0102");

    [Fact]
    public void Passes_SqrtNaNOfNegative() => NotReported(Cut("!(Math.Sqrt(e.D) >= 0) && e.D < 0"), "NUMM0102");

    [Fact]
    public void Never_LogAboveOneBelowE() => Reported(Cut("Math.Log(e.D) > 1 && e.D < 2.7"), "NUMM0102");

    [Fact]
    public void Passes_LogAboveOneJustAboveE() => NotReported(Cut("Math.Log(e.D) > 1 && e.D < 2.7183"), "NUMM0102");

    [Fact]
    public void Never_ExpNegative() => Reported(Cut("Math.Exp(e.D) < 0"), "NUMM0102");

    [Fact]
    public void Passes_ExpUnderflowsToZero() => NotReported(Cut("Math.Exp(e.D) <= 0"), "NUMM0102");

    [Fact]
    public void Never_SquareNegative() => Reported(Cut("e.D * e.D < 0"), "NUMM0102");

    [Fact]
    public void Never_FloorAboveWhileBelow() => Reported(Cut("Math.Floor(e.D) >= 3 && e.D < 3"), "NUMM0102");

    [Fact]
    public void Never_MaxWithConstant() => Reported(Cut("Math.Max(e.D, 5.0) < 4"), "NUMM0102");

    [Fact]
    public void Passes_MaxWithNaNConstantIsNaN() => NotReported(Cut("!(Math.Max(e.D, double.NaN) < 4)"), "NUMM0102");

    [Fact]
    public void Never_AtanBeyondHalfPi() => Reported(Cut("Math.Atan(e.D) > 1.6"), "NUMM0102");

    [Fact]
    public void Passes_AtanNearHalfPi() => NotReported(Cut("Math.Atan(e.D) > 1.57"), "NUMM0102");

    [Fact]
    public void Never_FloatExp() => Reported(Cut("MathF.Exp(e.E) < 0f"), "NUMM0102");

    // ---- NaN ----

    [Fact]
    public void Never_LessThanNaN() => Reported(Cut("e.D < double.NaN"), "NUMM0102", "never true");

    [Fact]
    public void Passes_NotEqualNaN() => NotReported(Cut("e.D != double.NaN"), "NUMM0102");

    [Fact]
    public void Never_NegatedComparisonAndBelow() => Reported(Cut("!(e.D < 1) && e.D < 0"), "NUMM0102");

    [Fact]
    public void Passes_NegationsAdmitNaN() => NotReported(Cut("!(e.D < 1) && !(e.D >= 2)"), "NUMM0102");

    [Fact]
    public void Never_NaNTestAndComparison() => Reported(Cut("double.IsNaN(e.D) && e.D > 0"), "NUMM0102");

    [Fact]
    public void Passes_NaNTestOrComparison() => NotReported(Cut("e.D != e.D || e.D > 0"), "NUMM0102");

    // ---- patterns ----

    [Fact]
    public void Never_NegatedPatternAndInsidePattern() => Reported(Cut("e.E is not (> 1f and < 5f) && e.E is > 2f and < 4f"), "NUMM0102");

    [Fact]
    public void Passes_NegatedPatternsAdmitNaN() => NotReported(Cut("e.E is not (>= 1f) && e.E is not (< 1f)"), "NUMM0102");

    [Fact]
    public void Never_OrPatternOutsideWindow() => Reported(Cut("e.E is < 1f or > 5f && e.E is > 2f and < 4f"), "NUMM0102");

    [Fact]
    public void Passes_OrPatternTouchingWindow() => NotReported(Cut("e.E is < 1f or >= 4f && e.E is > 2f and <= 4f"), "NUMM0102");

    [Fact]
    public void Never_NaNConstantPatternAndRange() => Reported(Cut("e.D is double.NaN && e.D is >= 0"), "NUMM0102");

    // ---- both branches of || ----

    [Fact]
    public void Never_BothBranchesOfOr() => Reported(Cut("(e.E > 5f && e.E < 3f) || (e.N > 2 && e.N < 3)"), "NUMM0102");

    [Fact]
    public void Passes_OneBranchOfOr() => NotReported(Cut("(e.E > 5f && e.E < 3f) || e.N == 3"), "NUMM0102");

    [Fact]
    public void Never_TernaryBothBranches() => Reported(Cut("(e.Flag ? e.E : -e.E) > 5f && Math.Abs(e.E) < 1f"), "NUMM0102");

    [Fact]
    public void Never_BoolColumnAndItsNegation() => Reported(Cut("e.Flag && !e.Flag"), "NUMM0102");

    [Fact]
    public void Passes_TwoColumnsCompared() => NotReported(Cut("e.E > e.D && e.D > 1 && e.E < 3f"), "NUMM0102");

    // ---- NUMM0105: a cut removes every event the earlier cuts leave ----

    [Fact]
    public void RemovesEverything_AfterEarlierCut()
    {
        var d = Reported(Analysis("""
            [Cut(1, "high")] public static bool High(in Ev e) => e.E > 5f;
            [Cut(2, "any N")] public static bool AnyN(in Ev e) => e.N > 0;
            [Cut(3, "low")] public static bool Low(in Ev e) => e.E < 3f;
            """), "NUMM0105", "'low'", "'high'");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("e.E < 3f", At(d));
        Assert.DoesNotContain("'any N'", d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RemovesEverything_IntegersBetweenCuts()
        => Reported(Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) => e.N > 2;
            [Cut(2, "b")] public static bool B(in Ev e) => e.N < 3 || e.D < double.NaN;
            """), "NUMM0105", "'b'", "'a'");

    [Fact]
    public void RemovesEverything_NotForTouchingCuts()
        => NotReported(Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) => e.E >= 5f;
            [Cut(2, "b")] public static bool B(in Ev e) => e.E <= 5f;
            """), "NUMM0105");

    [Fact]
    public void RemovesEverything_NotWhenNaNSurvives()
        => NotReported(Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) => !(e.D < 1);
            [Cut(2, "b")] public static bool B(in Ev e) => !(e.D >= 2);
            """), "NUMM0105");

    [Fact]
    public void RemovesEverything_NotReportedTwiceWithNeverPasses()
    {
        var source = Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) => e.E > 5f && e.E < 3f;
            [Cut(2, "b")] public static bool B(in Ev e) => e.E < 3f;
            """);
        Assert.Single(Run(source, "NUMM0102"));
        Assert.Empty(Run(source, "NUMM0105"));
    }

    // ---- NUMM0408: a histogram axis outside the cuts' window ----

    [Fact]
    public void HistogramOutside_AxisAboveCut()
    {
        var d = Reported(Analysis("""[Cut(1, "low")] public static bool Low(in Ev e) => e.E < 1f;""",
            """[Histogram("energy", "E", Bins = 8, Min = 2, Max = 10)]"""), "NUMM0408", "'energy'", "'E'", "[2, 10)");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.StartsWith("Histogram(\"energy\"", At(d));
    }

    [Fact]
    public void HistogramOutside_UpperEdgeIsExclusive()
        => Reported(Analysis("""[Cut(1, "c")] public static bool C(in Ev e) => e.E >= 10f;""",
            """[Histogram("energy", "E", Bins = 8, Min = 0, Max = 10)]"""), "NUMM0408");

    [Fact]
    public void HistogramOutside_NotWhenOneValueReachesTheLastBin()
        => NotReported(Analysis("""[Cut(1, "c")] public static bool C(in Ev e) => e.E > 9.99f;""",
            """[Histogram("energy", "E", Bins = 8, Min = 0, Max = 10)]"""), "NUMM0408");

    [Fact]
    public void HistogramOutside_VariableThroughAbs()
        => Reported(Analysis("""
            [Variable("|E|")] public static float AbsE(in Ev e) => MathF.Abs(e.E);
            [Cut(1, "far")] public static bool Far(in Ev e) => e.E > 3f || e.E < -3f;
            """, """[Histogram("h", "AbsE", Edges = new[] { 0.0, 1.0, 3.0 })]"""), "NUMM0408", "'AbsE'");

    [Fact]
    public void HistogramOutside_NaNGoesToOverflow()
        => Reported(Analysis("""[Cut(1, "c")] public static bool C(in Ev e) => !(e.D <= 100);""",
            """[Histogram("h", "D", Bins = 4, Min = 0, Max = 100)]"""), "NUMM0408");

    [Fact]
    public void HistogramOutside_Histogram2DChecksEachAxis()
        => Reported(Analysis("""[Cut(1, "c")] public static bool C(in Ev e) => e.N > 5;""",
            """[Histogram2D("h", "E", "N", XBins = 2, XMin = 0, XMax = 1, YBins = 5, YMin = 0, YMax = 5)]"""), "NUMM0408", "y-axis");

    [Fact]
    public void HistogramOutside_NotForUnknownQuantity()
        => NotReported(Analysis("""
            [Variable("s")] public static double Sum(in Ev e) => e.E + e.D;
            [Cut(1, "c")] public static bool C(in Ev e) => e.E < -100f;
            """, """[Histogram("h", "Sum", Bins = 4, Min = 0, Max = 100)]"""), "NUMM0408");
}
