using System.Globalization;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The systematic-variation diagnostics NUMM0701–NUMM0710, and NUMM0601 in a variation body: id, the exact
/// source text each points at, and the message arguments.</summary>
public class SystematicsDiagnosticsTests
{
    private const string Schema = """
        using System;
        using NuMM.Dsl;
        [EventSchema]
        public partial struct Ev
        {
            [Column(Unit = "GeV")] public float E;
            [Column(Unit = "cm")] public float X;
            public int N;
            public bool Flag;
            public readonly float Frozen;
        }

        """;

    private const string Cuts = """
        [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E > 1f;
        [Cut(2, "vertex")] public static bool Vertex(in Ev e) => e.X < 100f && e.N > 2;
        [Variable("E²", Unit = "GeV²")] public static float E2(in Ev e) => e.E * e.E;
        """;

    private static string Analysis(string members) => Schema + "\n[Analysis(typeof(Ev))]\npublic static partial class Sel\n{\n" + Cuts + "\n" + members + "\n}\n";

    private static Diagnostic Expect(string source, string id, string at, params string[] args)
    {
        var run = GeneratorHarness.RunGenerator(source);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var matches = run.Numm.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got: {string.Join("\n", run.Numm)}");
        var d = matches[0];
        Assert.True(d.Location.IsInSource, $"{id} has no source location");
        Assert.Equal(at, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        var message = d.GetMessage(CultureInfo.InvariantCulture);
        foreach (var a in args) Assert.Contains(a, message);
        return d;
    }

    [Fact]
    public void ValidDeclarations_NoDiagnostics_AndAKernel()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""
            [Shift("energy scale", nameof(Ev.E), -2, -1, 1, 2)] public static float Scale(in Ev e, double sigma) => e.E * (1f + 0.05f * (float)sigma);
            [Shift("energy scale", nameof(Ev.X), -2, -1, 1, 2)] public static float Move(in Ev e, double sigma) => e.X + (float)sigma;
            [Knob("xsec", -3, -2, -1, 1, 2, 3)] public static double Knob(in Ev e, double sigma) => 1.0 + 0.1 * sigma;
            [Universes("flux", 100)] public static float Flux(in Ev e, int universe) => 1f + 0.001f * universe;
            """));
        Assert.DoesNotContain(run.Numm, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(run.Result.GeneratedTrees, t => t.ToString().Contains("class Kernel"));
    }

    [Fact]
    public void NUMM0701_ShiftReturnsDouble_ForFloatColumn()
        => Expect(Analysis("""[Shift("s", nameof(Ev.E), 1)] public static double Bad(in Ev e, double sigma) => e.E;"""),
            "NUMM0701", "Bad", "'Bad'", "static float Bad(in Ev e, double sigma)");

    [Fact]
    public void NUMM0701_UniversesWithDoubleIndex()
        => Expect(Analysis("""[Universes("u", 10)] public static float Bad(in Ev e, double universe) => 1f;"""),
            "NUMM0701", "Bad", "static float|double Bad(in Ev e, int universe)");

    [Fact]
    public void NUMM0701_KnobReturnsBool()
        => Expect(Analysis("""[Knob("k", 1)] public static bool Bad(in Ev e, double sigma) => true;"""),
            "NUMM0701", "Bad", "static float|double Bad(in Ev e, double sigma)");

    [Fact]
    public void NUMM0702_UnknownColumn()
        => Expect(Analysis("""[Shift("s", "Energy", 1)] public static float S(in Ev e, double sigma) => e.E;"""),
            "NUMM0702", "\"Energy\"", "'s'", "'Energy'", "'Ev'");

    [Fact]
    public void NUMM0702_VariableCannotBeShifted_SaysWhatToDo()
        => Expect(Analysis("""[Shift("s", nameof(E2), 1)] public static float S(in Ev e, double sigma) => e.E;"""),
            "NUMM0702", "nameof(E2)", "'E2' is a [Variable]: shift the columns it reads instead");

    [Fact]
    public void NUMM0703_ShiftedColumnReadByNothing_Warning()
    {
        var d = Expect(Analysis("""[Shift("unused", nameof(Ev.Flag), 1)] public static bool S(in Ev e, double sigma) => e.Flag;"""),
            "NUMM0708", "nameof(Ev.Flag)", "only int, float and double columns");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var schema = Schema.Replace("public bool Flag;", "public float Unread;");
        var w = Expect(schema + "\n[Analysis(typeof(Ev))]\npublic static partial class Sel\n{\n" + Cuts + """
            [Shift("unused", nameof(Ev.Unread), -1, 1)] public static float S(in Ev e, double sigma) => e.Unread + (float)sigma;
            }
            """, "NUMM0703", "S", "'unused'", "'Unread'");
        Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
    }

    [Fact]
    public void NUMM0703_ColumnReadThroughVariableInHistogram_IsUsed()
    {
        var source = Schema.Replace("public bool Flag;", "public float Y;") + """
            [Analysis(typeof(Ev))]
            [Histogram("y2", nameof(Y2), Bins = 10, Min = 0, Max = 1)]
            public static partial class Sel
            {
                [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E > 1f;
                [Variable("y²")] public static float Y2(in Ev e) => e.Y * e.Y;
                [Shift("y", nameof(Ev.Y), -1, 1)] public static float S(in Ev e, double sigma) => e.Y + (float)sigma;
            }
            """;
        var run = GeneratorHarness.RunGenerator(source);
        Assert.DoesNotContain(run.Numm, d => d.Id == "NUMM0703");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    public void NUMM0704_UniverseCountOutOfRange(string count)
        => Expect(Analysis($$"""[Universes("flux", {{count}})] public static float U(in Ev e, int universe) => 1f;"""),
            "NUMM0704", count, "'flux'", count, "1 to 10000");

    [Theory]
    [InlineData("1, -1", "not in increasing order")]
    [InlineData("-1, 1, 1", "repeat 1")]
    [InlineData("-1, 0, 1", "contain 0")]
    [InlineData("double.NaN", "contain NaN")]
    public void NUMM0705_BadSigmaPoints(string sigmas, string problem)
        => Expect(Analysis($$"""[Knob("k", {{sigmas}})] public static double K(in Ev e, double sigma) => 1.0 + sigma;"""),
            "NUMM0705", sigmas.Split(',')[0], "'k'", problem);

    [Fact]
    public void NUMM0705_NoSigmaPoints()
        => Expect(Analysis("""[Knob("k")] public static double K(in Ev e, double sigma) => 1.0 + sigma;"""),
            "NUMM0705", "Knob(\"k\")", "'k'", "are missing");

    [Fact]
    public void NUMM0705_GroupedShiftsWithDifferentPoints()
        => Expect(Analysis("""
            [Shift("scale", nameof(Ev.E), -1, 1)] public static float A(in Ev e, double sigma) => e.E + (float)sigma;
            [Shift("scale", nameof(Ev.X), -2, 2)] public static float B(in Ev e, double sigma) => e.X + (float)sigma;
            """), "NUMM0705", "-2", "differ from", "shifts moved together share their σ points");

    [Fact]
    public void NUMM0706_KnobAndUniversesShareAName()
        => Expect(Analysis("""
            [Knob("flux", -1, 1)] public static double K(in Ev e, double sigma) => 1.0 + sigma;
            [Universes("flux", 10)] public static double U(in Ev e, int universe) => 1.0;
            """), "NUMM0706", "\"flux\"", "'flux'", "'K'", "'U'");

    [Fact]
    public void NUMM0706_OneShiftMovesAColumnTwice()
        => Expect(Analysis("""
            [Shift("scale", nameof(Ev.E), -1, 1)] public static float A(in Ev e, double sigma) => e.E + (float)sigma;
            [Shift("scale", nameof(Ev.E), -1, 1)] public static float B(in Ev e, double sigma) => e.E - (float)sigma;
            """), "NUMM0706", "\"scale\"", "'A'", "'B'");

    [Fact]
    public void NUMM0707_ShiftReturnsAnotherUnit()
        => Expect(Analysis("""[Shift("s", nameof(Ev.E), -1, 1)] public static float S(in Ev e, double sigma) => e.X;"""),
            "NUMM0707", "S", "'s'", "'cm'", "'E'", "'GeV'");

    [Fact]
    public void NUMM0708_ReadonlyField()
        => Expect(Analysis("""[Shift("s", nameof(Ev.Frozen), -1, 1)] public static float S(in Ev e, double sigma) => e.Frozen;"""),
            "NUMM0708", "nameof(Ev.Frozen)", "readonly");

    [Fact]
    public void NUMM0601_SideEffectInKnobBody()
        => Expect(Schema + """
            [Analysis(typeof(Ev))]
            public static partial class Sel
            {
                private static double s_calls;
                [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E > 1f;
                [Knob("k", -1, 1)] public static double K(in Ev e, double sigma) => s_calls++ + sigma;
            }
            """, "NUMM0601", "s_calls++", "'K'");

    [Fact]
    public void Universes_IndexInArithmetic_Translates()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""[Universes("u", 10)] public static double U(in Ev e, int universe) => 1.0 + 0.01 * universe * e.E;"""));
        Assert.DoesNotContain(run.Numm, d => d.Severity == DiagnosticSeverity.Error);
    }

    private const string ArraySchema = """
        using System;
        using NuMM.Dsl;
        using NuMM.Runtime.Data;
        [EventSchema]
        public partial struct Ev
        {
            [Column(Unit = "GeV")] public float E;
            [Column(Length = 50)] public FixedArray<float> Flux;
        }
        [Analysis(typeof(Ev))]
        public static partial class Sel
        {
            [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E > 1f;

        """;

    [Fact]
    public void NUMM0709_MoreUniversesThanTheArrayHolds()
        => Expect(ArraySchema + """
                [Universes("flux", 100)] public static float U(in Ev e, int universe) => e.Flux[universe];
            }
            """, "NUMM0709", "U", "'flux'", "100 universes", "'Flux'", "holds 50");

    [Fact]
    public void NUMM0710_CutFlowModeNotAMember()
        => Expect(Analysis("""[Universes("flux", 10, CutFlow = (VariationCutFlow)7)] public static float Flux(in Ev e, int universe) => 1f;"""),
            "NUMM0710", "Flux", "'flux'", "CutFlow = 7", "VariationCutFlow.FinalOnly");

    [Fact]
    public void FinalOnlyVariations_NoDiagnostics_AndTheirKernelHelpers()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""
            [Knob("xsec", -1, 1, CutFlow = VariationCutFlow.FinalOnly)] public static double Knob(in Ev e, double sigma) => 1.0 + 0.1 * sigma;
            [Universes("flux", 100, CutFlow = VariationCutFlow.FinalOnly)] public static float Flux(in Ev e, int universe) => 1f + 0.001f * universe;
            """));
        Assert.DoesNotContain(run.Numm, d => d.Severity >= DiagnosticSeverity.Warning);
        var code = string.Join("\n", run.Result.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("private static void Final0(", code);
        Assert.Contains("private static void Final1(", code);
        Assert.Contains("FlushFinal(", code);
    }

    [Fact]
    public void NUMM0708_ArrayColumnCannotBeShifted()
        => Expect(ArraySchema + """
                [Shift("s", nameof(Ev.Flux), -1, 1)] public static FixedArray<float> S(in Ev e, double sigma) => e.Flux;
            }
            """, "NUMM0708", "nameof(Ev.Flux)", "array columns cannot be shifted");

    [Fact]
    public void NUMM0203_ArrayIndexedByAnEventValue_SaysWhy()
        => Expect(ArraySchema + """
                [Universes("flux", 10)] public static float U(in Ev e, int universe) => e.Flux[universe + 1];
            }
            """, "NUMM0203", "universe + 1", "a constant or by the universe parameter");

    [Fact]
    public void UniversesMatchingTheArray_NoDiagnostics()
    {
        var run = GeneratorHarness.RunGenerator(ArraySchema + """
                [Universes("flux", 50)] public static float U(in Ev e, int universe) => e.Flux[universe];
            }
            """);
        Assert.DoesNotContain(run.Numm, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void NUMM0404_HistogramOfAnArrayColumn()
        => Expect("""
            using System;
            using NuMM.Dsl;
            using NuMM.Runtime.Data;
            [EventSchema]
            public partial struct Ev
            {
                [Column(Unit = "GeV")] public float E;
                [Column(Length = 50)] public FixedArray<float> Flux;
            }
            [Analysis(typeof(Ev))]
            [Histogram("flux", nameof(Ev.Flux), Bins = 10, Min = 0, Max = 2)]
            public static partial class Sel
            {
                [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E > 1f;
            }
            """, "NUMM0404", "nameof(Ev.Flux)", "'Flux'");
}
