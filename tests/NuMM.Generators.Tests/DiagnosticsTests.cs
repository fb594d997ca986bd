using System.Globalization;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>One test (or more) per diagnostic id: id, the exact source text it points at, and its message arguments.</summary>
public class DiagnosticsTests
{
    private const string Schema = """
        using System;
        using NuMM.Dsl;
        [EventSchema]
        public partial struct Ev
        {
            [Column(Unit = "GeV")] public float E;
            [Column(Unit = "rad")] public float Theta;
            [Column(Unit = "GeV")] public float E2;
            public int N;
            public double D;
            public bool Flag;
        }

        """;

    internal static string Analysis(string members, string attributes = "")
        => Schema + attributes + "\n[Analysis(typeof(Ev))]\npublic static partial class Sel\n{\n" + members + "\n}\n";

    /// <summary>Asserts exactly one diagnostic <paramref name="id"/>, located on <paramref name="at"/>, whose message
    /// contains every one of <paramref name="args"/>.</summary>
    internal static Diagnostic Expect(string source, string id, string at, params string[] args)
    {
        var run = GeneratorHarness.RunGenerator(source);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var matches = run.Numm.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got: {string.Join("\n", run.Numm)}");
        var d = matches[0];
        Assert.True(d.Location.IsInSource, $"{id} has no source location");
        var text = d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
        Assert.Equal(at, text);
        var message = d.GetMessage(CultureInfo.InvariantCulture);
        foreach (var a in args) Assert.Contains(a, message);
        return d;
    }

    [Fact]
    public void NUMM0001_CutReturnsInt_WrongSignature()
        => Expect(Analysis("""[Cut(1, "a")] public static int Bad(in Ev e) => 1;"""), "NUMM0001", "Bad", "'Bad'", "static bool Bad(in Ev e)");

    [Fact]
    public void NUMM0001_CutNotStatic_WrongSignature()
        => Expect(Schema + """
            [Analysis(typeof(Ev))]
            public partial class Sel { [Cut(1, "a")] public bool Inst(in Ev e) => true; }
            """, "NUMM0001", "Inst", "'Inst'");

    [Fact]
    public void NUMM0002_VariableReturnsBool_WrongSignature()
        => Expect(Analysis("""[Variable("v")] public static bool V(in Ev e) => true;"""), "NUMM0002", "V", "'V'", "Ev");

    [Fact]
    public void NUMM0003_TwoCutsSameOrder_PointsAtSecondOrder()
        => Expect(Analysis("""
            [Cut(1, "first")] public static bool A(in Ev e) => e.E > 1f;
            [Cut(1, "second")] public static bool B(in Ev e) => e.N > 1;
            """), "NUMM0003", "1", "order 1", "'A'", "'B'");

    [Fact]
    public void NUMM0004_TwoCutsSameName_PointsAtSecondName()
        => Expect(Analysis("""
            [Cut(1, "same")] public static bool A(in Ev e) => e.E > 1f;
            [Cut(2, "same")] public static bool B(in Ev e) => e.N > 1;
            """), "NUMM0004", "\"same\"", "'same'", "'A'", "'B'");

    [Fact]
    public void NUMM0005_AnalysisNotPartial()
        => Expect(Schema + "[Analysis(typeof(Ev))] public static class NotPartial { }", "NUMM0005", "NotPartial", "'NotPartial'");

    [Fact]
    public void NUMM0006_NestedAnalysis()
        => Expect(Schema + "public static partial class Outer { [Analysis(typeof(Ev))] public static partial class Inner { } }", "NUMM0006", "Inner", "'Inner'");

    [Fact]
    public void NUMM0006_GenericSchema()
        => Expect("using NuMM.Dsl; [EventSchema] public partial struct G<T> { public float A; }", "NUMM0006", "G", "'G'");

    [Fact]
    public void NUMM0007_AnalysisOfPlainType_PointsAtTypeof()
        => Expect(Schema + "[Analysis(typeof(string))] public static partial class Sel { }", "NUMM0007", "typeof(string)", "'Sel'", "'string'");

    [Fact]
    public void NUMM0008_SchemaNotPartial()
        => Expect("using NuMM.Dsl; [EventSchema] public struct Plain { public float A; }", "NUMM0008", "Plain", "'Plain'");

    [Fact]
    public void NUMM0008_RecordStructSchema()
        => Expect("using NuMM.Dsl; [EventSchema] public partial record struct R { public float A; }", "NUMM0008", "R", "'R'");

    [Fact]
    public void NUMM0009_SchemaWithoutFields()
        => Expect("using NuMM.Dsl; [EventSchema] public partial struct Empty { }", "NUMM0009", "Empty", "'Empty'");

    [Fact]
    public void NUMM0010_BlankCutName_PointsAtName()
        => Expect(Analysis("""[Cut(1, " ")] public static bool A(in Ev e) => e.E > 1f;"""), "NUMM0010", "\" \"", "'A'");

    [Fact]
    public void NUMM0101_UnknownColumn_PointsAtMemberName()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.Energy > 1f;"""), "NUMM0101", "Energy", "'Energy'", "'Ev'");

    [Fact]
    public void NUMM0101_HelperNotMarkedVariable_PointsAtCall()
        => Expect(Analysis("""
            static float Helper(in Ev e) => e.E;
            [Cut(1, "a")] public static bool A(in Ev e) => Helper(e) > 1f;
            """), "NUMM0101", "Helper(e)", "'Helper'");

    [Fact]
    public void NUMM0102_EmptyRange_PointsAtContradictingComparison()
        => Expect(Analysis("""[Cut(1, "window")] public static bool A(in Ev e) => e.E > 5f && e.E < 3f;"""), "NUMM0102", "e.E < 3f", "'window'", "'e.E'", "> 5f and < 3f");

    [Fact]
    public void NUMM0102_EmptyIsPattern_PointsAtPattern()
        => Expect(Analysis("""[Cut(1, "window")] public static bool A(in Ev e) => e.N > 0 && e.E is >= 2f and <= 1.5f;"""), "NUMM0102", "<= 1.5f", "'window'", ">= 2f and <= 1.5f");

    [Fact]
    public void NUMM0102_ThroughVariable()
        => Expect(Analysis("""
            [Variable("e2", Unit = "GeV")] public static float Twice(in Ev e) => 2 * e.E;
            [Cut(1, "v")] public static bool A(in Ev e) => Twice(e) < 1f && 3f < Twice(e);
            """), "NUMM0102", "3f < Twice(e)", "'Twice(e)'");

    [Fact]
    public void NUMM0103_LooserCutAfterTighter_Warns()
    {
        var d = Expect(Analysis("""
            [Cut(1, "E > 2")] public static bool A(in Ev e) => e.E > 2f;
            [Cut(2, "E > 1")] public static bool B(in Ev e) => e.E > 1f;
            """), "NUMM0103", "e.E > 1f", "'E > 1'", "'E > 2'", "e.E > 1f");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void NUMM0103_TighterCutAfterLooser_NoWarning()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""
            [Cut(1, "E > 1")] public static bool A(in Ev e) => e.E > 1f;
            [Cut(2, "E > 2")] public static bool B(in Ev e) => e.E is > 2f and < 9f;
            """));
        Assert.Empty(run.Numm);
    }

    [Fact]
    public void NUMM0104_FloatEquality_Warns()
    {
        var d = Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E == 1f;"""), "NUMM0104", "e.E == 1f", "'e.E == 1f'");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("e.E - e.E == 0f")]
    [InlineData("e.D - e.D != 0.0")]
    [InlineData("0f == e.E - e.E")]
    [InlineData("(e.E - e.E) is 0f")]
    public void NUMM0104_FinitenessIdiom_NoWarning(string test)
        => Assert.Empty(GeneratorHarness.RunGenerator(Analysis("[Cut(1, \"finite\")] public static bool A(in Ev e) => " + test + ";")).Numm);

    [Fact]
    public void NUMM0104_DifferenceOfTwoColumns_StillWarns()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E - e.E2 == 0f;"""), "NUMM0104", "e.E - e.E2 == 0f");

    [Fact]
    public void NUMM0104_IntEquality_NoWarning()
        => Assert.Empty(GeneratorHarness.RunGenerator(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.N == 1;""")).Numm);

    [Fact]
    public void NUMM0201_StringColumn_PointsAtField()
        => Expect("using NuMM.Dsl; [EventSchema] public partial struct S { public float A; public string Name; }", "NUMM0201", "Name", "'Name'", "'string'");

    private const string ArrayUsings = "using NuMM.Dsl; using NuMM.Runtime.Data; ";

    [Fact]
    public void NUMM0205_FixedArrayWithoutLength_PointsAtField()
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { public float A; [Column(Unit = \"GeV\")] public FixedArray<float> W; }",
            "NUMM0205", "W", "'W'", "FixedArray<float>", "[Column(Length = N)]", "10000");

    [Fact]
    public void NUMM0205_FixedArrayWithoutColumnAttribute_PointsAtField()
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { public FixedArray<double> W; }", "NUMM0205", "W", "'W'");

    [Fact]
    public void NUMM0206_LengthOnScalar_PointsAtLengthArgument()
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { [Column(Unit = \"GeV\", Length = 100)] public float W; }",
            "NUMM0206", "Length = 100", "'W'", "'float'", "Length = 100", "FixedArray<float>");

    [Fact]
    public void NUMM0206_LengthZeroOnScalar_IsTheDefaultAndAllowed()
    {
        var run = GeneratorHarness.RunGenerator(ArrayUsings + "[EventSchema] public partial struct S { [Column(Length = 0)] public float W; }");
        Assert.Empty(run.Numm);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("10001")]
    public void NUMM0207_LengthOutOfRange_PointsAtLengthArgument(string length)
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { [Column(Length = " + length + ")] public FixedArray<float> W; }",
            "NUMM0207", "Length = " + length, "'W'", "Length = " + length, "1 to 10000");

    [Fact]
    public void NUMM0207_LengthAtLimit_Accepted()
    {
        var run = GeneratorHarness.RunGenerator(ArrayUsings + "[EventSchema] public partial struct S { [Column(Length = 10000)] public FixedArray<float> W; }");
        Assert.Empty(run.Numm);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("char")]
    [InlineData("decimal")]
    [InlineData("System.Numerics.Vector2")]
    public void NUMM0208_UnsupportedElementType_PointsAtField(string element)
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { public float A; [Column(Length = 3)] public FixedArray<" + element + "> W; }",
            "NUMM0208", "W", "'W'", "'" + element + "'");

    [Fact]
    public void NUMM0209_EventMajorLayoutOnScalar_PointsAtLayoutArgument()
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { [Column(Layout = ArrayLayout.EventMajor)] public float W; }",
            "NUMM0209", "Layout = ArrayLayout.EventMajor", "'W'", "only FixedArray<T> columns have a layout");

    [Fact]
    public void NUMM0209_LayoutNotAMember_PointsAtLayoutArgument()
        => Expect(ArrayUsings + "[EventSchema] public partial struct S { [Column(Length = 4, Layout = (ArrayLayout)7)] public FixedArray<float> W; }",
            "NUMM0209", "Layout = (ArrayLayout)7", "'W'", "Layout = 7", "not a member");

    [Fact]
    public void NUMM0209_ElementMajorOnScalar_IsTheDefaultAndAllowed()
    {
        var run = GeneratorHarness.RunGenerator(ArrayUsings + "[EventSchema] public partial struct S { [Column(Layout = ArrayLayout.ElementMajor)] public float W; }");
        Assert.Empty(run.Numm);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void EventMajorArrayColumn_EmitsContiguousViewAndLayoutInColumnInfo()
    {
        var run = GeneratorHarness.RunGenerator(ArrayUsings + "[EventSchema] public partial struct S { public float A; [Column(Length = 7, Layout = ArrayLayout.EventMajor)] public FixedArray<float> W; }");
        Assert.Empty(run.Numm);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        var code = run.Generated("S.NuMM.g.cs");
        Assert.Contains("this.W = batch.__numm_a1 is { } a1 ? new global::NuMM.Runtime.Data.FixedArray<float>(a1, index * 7, 1, 7) : new global::NuMM.Runtime.Data.FixedArray<float>(batch.__numm_memory!, 1, index * 7, 1, 7);", code);
        Assert.Contains("false, 7, global::NuMM.Dsl.ArrayLayout.EventMajor),", code);
        Assert.Contains("s1[index * 7 + k] = e.W[k];", code);
    }

    [Fact]
    public void ArrayColumn_Limit_EqualsRuntimeMaxLength()
        => Assert.Equal(NuMM.Runtime.Data.ColumnInfo.MaxLength, Parsing.SchemaParser.MaxArrayLength);

    [Fact]
    public void NUMM0202_MathExp_InfoOnAnalysis()
    {
        var d = Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => Math.Exp(e.D) > 2.0;"""), "NUMM0202", "Sel", "1 per-event scalar call ", "Math.Exp in 'A'");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void NUMM0202_OncePerAnalysis_ListsEveryCallAsAdditionalLocations()
    {
        var d = Expect(Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) => Math.Exp(e.D) > 2.0;
            [Weight("w")] public static double W(in Ev e) => Math.Log(e.D + 2.0) + checked(e.N * 2);
            """), "NUMM0202", "Sel", "'Sel'", "3 per-event scalar calls", "Math.Exp in 'A'", "Math.Log in 'W'", "checked integer arithmetic 'e.N * 2' in 'W'");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        var also = d.AdditionalLocations.Select(l => l.SourceTree!.GetText().ToString(l.SourceSpan)).ToArray();
        Assert.Equal(new[] { "Math.Exp(e.D)", "Math.Log(e.D + 2.0)", "e.N * 2" }, also);
    }

    [Fact]
    public void NUMM0202_HeadlineAnalysis_OneInfoForItsOneCall()
    {
        // The headline NuOnE selection as shipped in examples/: its signal weight is its only per-lane call.
        var root = Path.GetFullPath(Path.Combine(GeneratorHarness.ProjectDirectory(), "..", ".."));
        var source = File.ReadAllText(Path.Combine(root, "examples", "NuMM.Examples.NuOnE", "Analysis", "NdSingleElectronSelection.cs"));
        var run = GeneratorHarness.RunGenerator(source);
        var d = Assert.Single(run.Numm);
        Assert.Equal("NUMM0202", d.Id);
        Assert.Equal("NdSingleElectronSelection", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        var call = Assert.Single(d.AdditionalLocations);
        Assert.StartsWith("SignalWeight(", call.SourceTree!.GetText().ToString(call.SourceSpan));
        Assert.Contains("NdSingleElectronSelection.SignalWeight in 'MagneticMoment'", d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NUMM0203_Loop_IsNotReportedAsSideEffect()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) { float s = 0f; for (int i = 0; i < 3; i++) s += e.E; return s > 1f; }
            """));
        var d = Assert.Single(run.Numm);
        Assert.Equal("NUMM0203", d.Id);
        Assert.StartsWith("for (int i = 0;", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Contains("a loop", d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NUMM0601_ImpureCallAsStatement_NotNUMM0203()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) { Log.Write(e.E); return e.E > 1f; }""") + """
            static class Log { public static void Write(float x) { Count++; } public static int Count; }
            """, "NUMM0601", "Log.Write(e.E)", "'A'", "'Write'", "[Pure]");

    [Fact]
    public void NUMM0601_PropertyGetter_NotNUMM0203()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E > State.Threshold;""") + """
            static class State { public static float Threshold { get; set; } = 1f; }
            """, "NUMM0601", "State.Threshold", "'A'", "'Threshold'", "getter");

    [Fact]
    public void NUMM0601_ArrayElement_NotNUMM0203()
        => Expect(Analysis("""
            static readonly float[] s_limits = { 1f, 2f };
            [Cut(1, "a")] public static bool A(in Ev e) => e.E > s_limits[0];
            """), "NUMM0601", "s_limits[0]", "'A'", "array");

    [Fact]
    public void NUMM0601_MutableFieldOfAnotherObject_NotNUMM0203()
        => Expect(Analysis("""
            static readonly Box s_box = new();
            [Cut(1, "a")] public static bool A(in Ev e) => e.E > s_box.Limit;
            """) + "sealed class Box { public float Limit = 1f; }", "NUMM0601", "s_box.Limit", "'A'", "mutable field");

    [Fact]
    public void NUMM0203_Remainder_SaysWhichConstructAndWhy()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.N % 2 == 0;"""), "NUMM0203", "e.N % 2", "'%' on int", "'A'", "no vector form");

    [Fact]
    public void NUMM0203_IntegerDivision_SaysWhy()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.N / 2 > 1;"""), "NUMM0203", "e.N / 2", "integer division", "(float)");

    [Fact]
    public void NUMM0203_IfStatement()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) { if (e.N > 1) return true; return false; }"""), "NUMM0203", "if (e.N > 1) return true;", "an 'if' statement");

    [Fact]
    public void NUMM0204_LongConversion_PointsAtExpression()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => (long)e.N > 2L;"""), "NUMM0204", "(long)e.N", "'long'");

    [Fact]
    public void NUMM0301_WeightReturnsInt()
        => Expect(Analysis("""[Weight("w")] public static int W(in Ev e) => 1;"""), "NUMM0301", "W", "'W'");

    [Fact]
    public void NUMM0302_WeightStringParameter_PointsAtParameter()
        => Expect(Analysis("""[Weight("w")] public static float W(in Ev e, string s) => 1f;"""), "NUMM0302", "s", "'s'", "'W'", "'string'");

    [Fact]
    public void NUMM0302_InDoubleParameter_MessageSaysIn()
        => Expect(Analysis("""[Weight("w")] public static double W(in Ev e, in double mu) => mu;"""), "NUMM0302", "mu", "'mu'", "'W'", "'in double'");

    [Fact]
    public void NUMM0203_Recursion_NamesTheMethodHoldingTheCallAndTheCycle()
        => Expect(Analysis("""
            [Variable("a")] public static float V1(in Ev e) => V2(e) + 1f;
            [Variable("b")] public static float V2(in Ev e) => V1(e) * 2f;
            """), "NUMM0203", "V1(e)", "in 'V2'", "V1 → V2 → V1");

    [Fact]
    public void NUMM0203_DirectRecursion_NamesTheMethod()
        => Expect(Analysis("""[Variable("a")] public static float V(in Ev e) => e.E > 1f ? V(e) : e.E;"""), "NUMM0203", "V(e)", "in 'V'", "V → V");

    [Fact]
    public void NUMM0303_ConflictingParameterDefaults()
        => Expect(Analysis("""
            [Weight("a")] public static double A(in Ev e, double mu = 1) => mu;
            [Weight("b")] public static double B(in Ev e, double mu = 2) => mu;
            """), "NUMM0303", "mu", "'mu'", "double = 1d", "double = 2d");

    [Fact]
    public void NUMM0401_ZeroBins_PointsAtBins()
        => Expect(Analysis("", """[Histogram("h", "E", Bins = 0, Min = 0, Max = 1)]"""), "NUMM0401", "Bins = 0", "'h'", "got 0");

    [Fact]
    public void NUMM0402_MinAboveMax_PointsAtMax()
        => Expect(Analysis("", """[Histogram("h", "E", Bins = 4, Min = 2, Max = 1)]"""), "NUMM0402", "Max = 1", "'h'", "min 2", "max 1");

    [Fact]
    public void NUMM0403_UnsortedEdges_PointsAtEdges()
        => Expect(Analysis("", """[Histogram("h", "E", Edges = new[] { 0.0, 2.0, 1.0 })]"""), "NUMM0403", "Edges = new[] { 0.0, 2.0, 1.0 }", "'h'", "edge 2 (1) does not exceed edge 1 (2)");

    [Fact]
    public void NUMM0403_Unsorted2DYEdges()
        => Expect(Analysis("", """[Histogram2D("h", "E", "N", XBins = 2, XMin = 0, XMax = 1, YEdges = new[] { 1.0, 1.0 })]"""), "NUMM0403", "YEdges = new[] { 1.0, 1.0 }", "'h'", "y-axis");

    [Fact]
    public void NUMM0404_UnknownVariable_PointsAtName()
        => Expect(Analysis("", """[Histogram("h", "Nope", Bins = 1, Min = 0, Max = 1)]"""), "NUMM0404", "\"Nope\"", "'h'", "'Nope'", "'Ev'");

    [Fact]
    public void NUMM0405_DuplicateHistogramName()
        => Expect(Analysis("", """
            [Histogram("h", "E", Bins = 1, Min = 0, Max = 1)]
            [Histogram("h", "N", Bins = 1, Min = 0, Max = 1)]
            """), "NUMM0405", "\"h\"", "'h'");

    [Fact]
    public void NUMM0406_EdgesAndBins()
        => Expect(Analysis("", """[Histogram("h", "E", Bins = 3, Edges = new[] { 0.0, 1.0 })]"""), "NUMM0406", "Edges = new[] { 0.0, 1.0 }", "'h'");

    [Fact]
    public void NUMM0501_GeVComparedWithRad_Warns()
    {
        var d = Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E > e.Theta;"""), "NUMM0501", "e.E > e.Theta", "'e.E' is in GeV", "'e.Theta' is in rad");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void NUMM0501_SameUnits_NoWarning()
        => Assert.Empty(GeneratorHarness.RunGenerator(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E + e.E2 > 2f * e.E;""")).Numm);

    [Fact]
    public void NUMM0601_IncrementOfStatic_PointsAtIncrement()
        => Expect(Analysis("""
            static int s_count;
            [Cut(1, "a")] public static bool A(in Ev e) => s_count++ > 0;
            """), "NUMM0601", "s_count++", "'A'", "++");

    [Fact]
    public void NUMM0601_ImpureCall_PointsAtCall()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => Log.Noisy(e.E) > 0f;""") + """
            static class Log { public static float Noisy(float x) { Log.Count++; return x; } public static int Count; }
            """, "NUMM0601", "Log.Noisy(e.E)", "'Noisy'", "[Pure]");

    [Fact]
    public void NUMM0601_Allocation()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => new float[] { e.E }.Length > 0;"""), "NUMM0601", "new float[] { e.E }", "allocates");

    [Fact]
    public void NUMM0902_NoRuntimeReference()
    {
        var run = GeneratorHarness.RunGenerator(new[] { Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E > 1f;""") }, withRuntime: false);
        var ids = run.Numm.Where(d => d.Id == "NUMM0902").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Ev", "Sel" }, ids);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void PureAttribute_AllowsCall_WithInfo()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""
            [NuMM.Dsl.Pure] public static double Shape(double x) => x * x;
            [Weight("w")] public static double W(in Ev e, double mu = 1) => 1 + mu * Shape(e.D);
            """));
        Assert.Equal(new[] { "NUMM0202" }, run.Numm.Select(d => d.Id));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
