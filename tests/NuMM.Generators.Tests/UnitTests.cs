using System.Globalization;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Parsing;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The unit algebra (docs/dsl.md, "Units"): products and quotients carry units, literals are pure numbers,
/// <c>Unit = ""</c> is dimensionless, and every place two values must share a unit is checked (NUMM0501), as is a
/// variable's declared unit against its body (NUMM0502).</summary>
public class UnitTests
{
    private const string Schema = """
        using System;
        using NuMM.Dsl;
        [EventSchema]
        public partial struct Ev
        {
            [Column(Unit = "GeV")] public float E;
            [Column(Unit = "GeV")] public float E2;
            [Column(Unit = "rad")] public float Theta;
            [Column(Unit = "cm")] public float X;
            [Column(Unit = "")] public float Score;
            public float Ratio;
            public int N;
        }

        """;

    private static string Analysis(string members, string attributes = "")
        => Schema + attributes + "\n[Analysis(typeof(Ev))]\npublic static partial class Sel\n{\n" + members + "\n}\n";

    private static Diagnostic Expect(string source, string id, string at, params string[] args)
        => DiagnosticsTests.Expect(source, id, at, args);

    private static void NoDiagnostics(string members)
    {
        var run = GeneratorHarness.RunGenerator(Analysis(members));
        Assert.True(!run.Numm.Any(), string.Join("\n", run.Numm));
    }

    // ---- Unit.Parse and the algebra itself.

    [Theory]
    [InlineData("GeV rad²", "GeV·rad^2")]
    [InlineData("GeV rad²", "rad*GeV*rad")]
    [InlineData("GeV rad²", "GeV rad rad")]
    [InlineData("GeV/cm", "GeV cm^-1")]
    [InlineData("GeV/cm", "GeV cm⁻¹")]
    [InlineData("GeV/cm", " GeV / cm ")]
    [InlineData("1/(cm s)", "cm^-1 s^-1")]
    [InlineData("MeV/cm s", "MeV s/cm")]
    [InlineData("", "1")]
    [InlineData("10^-11 μB", "10^-11 μB")]
    public void Parse_SameUnit(string a, string b) => Assert.Equal(Unit.Parse(a), Unit.Parse(b));

    [Theory]
    [InlineData("GeV", "MeV")]
    [InlineData("GeV", "")]
    [InlineData("GeV rad", "GeV rad²")]
    [InlineData("GeV/cm", "cm/GeV")]
    [InlineData("10^-11 μB", "μB")]
    [InlineData("cm2", "cm²")]
    public void Parse_DifferentUnits(string a, string b) => Assert.NotEqual(Unit.Parse(a), Unit.Parse(b));

    [Fact]
    public void Algebra_ProductsQuotientsRoots()
    {
        var gev = Unit.Parse("GeV");
        var rad = Unit.Parse("rad");
        var cm = Unit.Parse("cm");
        Assert.Equal("GeV·rad²", gev.Times(rad).Times(rad).Text);
        Assert.Equal(Unit.Parse("GeV rad²"), gev.Times(rad).Times(rad));
        Assert.Equal("GeV/cm", gev.Over(cm).Text);
        Assert.Equal("1/cm", Unit.Dimensionless.Over(cm).Text);
        Assert.Equal("GeV/(cm·rad)", gev.Over(cm).Over(rad).Text);
        Assert.True(gev.Over(gev).IsDimensionless);
        Assert.Equal("", gev.Over(gev).Text);
        Assert.Equal(gev, gev.Times(gev).SquareRoot());
        Assert.Null(gev.SquareRoot());
        Assert.Equal("dimensionless", Unit.Parse("").Phrase);
        Assert.Equal("in GeV/cm", Unit.Parse("GeV/cm").Phrase);
    }

    // ---- Products and quotients carry units.

    [Fact]
    public void Product_CarriesUnit_ComparedWithAnotherUnit_Warns()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E * e.Theta * e.Theta < e.E2;"""),
            "NUMM0501", "e.E * e.Theta * e.Theta < e.E2", "'e.E * e.Theta * e.Theta' is in GeV·rad²", "'e.E2' is in GeV", "comparing");

    [Fact]
    public void Quotient_CarriesUnit()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E / e.X > e.E;"""),
            "NUMM0501", "e.E / e.X > e.E", "'e.E / e.X' is in GeV/cm", "'e.E' is in GeV");

    [Fact]
    public void Quotient_OfOneUnit_IsDimensionless()
    {
        NoDiagnostics("""[Cut(1, "a")] public static bool A(in Ev e) => e.E / e.E2 > e.Score;""");
        Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => e.E / e.E2 + e.E > 1f;"""),
            "NUMM0501", "e.E / e.E2 + e.E", "'e.E / e.E2' is dimensionless", "'e.E' is in GeV", "adding");
    }

    [Fact]
    public void Literal_IsAPureNumber_InProductsAndAdoptsTheUnit_InSums()
    {
        NoDiagnostics("""[Cut(1, "a")] public static bool A(in Ev e) => 2f * e.E + 0.5f > e.E2 / 3f && e.E - 1f < 4f;""");
        Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => 2f * e.Theta > e.E;"""), "NUMM0501", "2f * e.Theta > e.E", "in rad", "in GeV");
    }

    [Fact]
    public void UnknownUnits_AreNeverReported()
        => NoDiagnostics("""
            static readonly float s_scale = 1.5f;
            [Weight("w")] public static double W(in Ev e, double mu = 1) => mu * e.E + e.Theta + s_scale * e.X;
            [Cut(1, "a")] public static bool A(in Ev e) => s_scale * e.E > e.X;
            """);

    [Fact]
    public void Sqrt_HalvesEvenPowers()
    {
        NoDiagnostics("""[Cut(1, "a")] public static bool A(in Ev e) => MathF.Sqrt(e.E * e.E + e.E2 * e.E2) > e.E;""");
        Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => MathF.Sqrt(e.E * e.E) > e.X;"""), "NUMM0501", "MathF.Sqrt(e.E * e.E) > e.X", "in GeV", "in cm");
    }

    [Fact]
    public void Pow2_SquaresTheUnit_AlsoWhenCalledPerLane()
    {
        // Math.Pow of a float is x·x in the kernel; MathF.Pow is called per lane (its square may be a rounding tie),
        // reported as such (NUMM0202), and its value is still in the square of x's unit.
        NoDiagnostics("""[Cut(1, "a")] public static bool A(in Ev e) => Math.Pow(e.E, 2) > e.E * e.E2;""");
        Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => Math.Pow(e.E, 2) > e.X;"""), "NUMM0501", "Math.Pow(e.E, 2) > e.X", "in cm");
        var run = GeneratorHarness.RunGenerator(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => MathF.Pow(e.E, 2f) > e.E * e.E2;"""));
        Assert.Equal(new[] { "NUMM0202" }, run.Numm.Select(d => d.Id));
        Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => MathF.Pow(e.E, 2f) > e.X;"""), "NUMM0501", "MathF.Pow(e.E, 2f) > e.X", "in cm");
    }

    [Fact]
    public void MinMax_NeedOneUnit()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => Math.Max(e.E, e.X) > 1f;"""),
            "NUMM0501", "Math.Max(e.E, e.X)", "'e.E' is in GeV", "'e.X' is in cm", "larger");

    [Fact]
    public void FusedMultiplyAdd_AddendNeedsTheProductsUnit()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => MathF.FusedMultiplyAdd(e.E, e.Theta, e.E2) > 1f;"""),
            "NUMM0501", "MathF.FusedMultiplyAdd(e.E, e.Theta, e.E2)", "is in GeV·rad", "'e.E2' is in GeV");

    // ---- Ternary branches.

    [Fact]
    public void Ternary_BranchesInDifferentUnits_Warns()
    {
        var d = Expect(Analysis("""[Variable("v")] public static float V(in Ev e) => e.N > 1 ? e.E : e.Theta;"""),
            "NUMM0501", "e.N > 1 ? e.E : e.Theta", "'e.E' is in GeV", "'e.Theta' is in rad", "branches of '?:'");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Ternary_OneUnitOrALiteral_NoWarning()
        => NoDiagnostics("""
            [Variable("v", Unit = "GeV")] public static float V(in Ev e) => e.N > 1 ? e.E : e.N > 2 ? e.E2 * 2f : 0f;
            [Cut(1, "a")] public static bool A(in Ev e) => V(e) > e.E2;
            """);

    [Fact]
    public void Ternary_UnitFlowsOn()
        => Expect(Analysis("""[Cut(1, "a")] public static bool A(in Ev e) => (e.N > 1 ? e.E : e.E2) > e.X;"""), "NUMM0501", "(e.N > 1 ? e.E : e.E2) > e.X", "in GeV", "in cm");

    // ---- A variable's declared unit against its body.

    [Fact]
    public void DeclaredUnit_DiffersFromBody_Warns_AtTheDeclaration()
    {
        var d = Expect(Analysis("""[Variable("x", Unit = "cm")] public static float V(in Ev e) => e.E * 2f;"""),
            "NUMM0502", "Unit = \"cm\"", "'V'", "declared in cm", "in GeV", "e.E * 2f");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("GeV rad²")]
    [InlineData("GeV·rad^2")]
    [InlineData("rad² GeV")]
    public void DeclaredUnit_SameProductSpelledAnyWay_NoWarning(string unit)
        => NoDiagnostics("[Variable(\"E θ²\", Unit = \"" + unit + "\")] public static float V(in Ev e) => e.E * e.Theta * e.Theta;");

    [Fact]
    public void DeclaredUnit_IsWhatCallersSee()
        // The declared unit (cm) wins for the caller (so one mistake gives one NUMM0502, not a cascade of NUMM0501).
        => Expect(Analysis("""
            [Variable("x", Unit = "cm")] public static float V(in Ev e) => e.E;
            [Cut(1, "a")] public static bool A(in Ev e) => V(e) < e.X;
            """), "NUMM0502", "Unit = \"cm\"", "'V'");

    [Fact]
    public void DeclaredUnit_UnknownBody_NoWarning()
        => NoDiagnostics("""
            static readonly float s_k = 2f;
            [Variable("x", Unit = "cm")] public static float V(in Ev e) => s_k * e.E;
            """);

    [Fact]
    public void EmptyUnit_OnVariable_DeclaresDimensionless()
    {
        NoDiagnostics("""[Variable("ratio", Unit = "")] public static float V(in Ev e) => e.E / e.E2;""");
        Expect(Analysis("""[Variable("ratio", Unit = "")] public static float V(in Ev e) => e.E;"""),
            "NUMM0502", "Unit = \"\"", "'V' is declared dimensionless", "in GeV");
    }

    [Fact]
    public void NoUnit_OnVariable_TakesTheBodysUnit()
    {
        // Not declared: the computed unit flows to callers and to the histogram axis.
        Expect(Analysis("""
            [Variable("p")] public static float P(in Ev e) => e.E / e.X;
            [Cut(1, "a")] public static bool A(in Ev e) => P(e) > e.E;
            """), "NUMM0501", "P(e) > e.E", "'P(e)' is in GeV/cm");
        var run = GeneratorHarness.RunGenerator(Analysis("""[Variable("E θ²")] public static float P(in Ev e) => e.E * e.Theta * e.Theta;""",
            """[Histogram("h", "P", Bins = 2, Min = 0, Max = 1)]"""));
        Assert.Empty(run.Numm);
        Assert.Contains("\"GeV·rad²\")", run.Generated("Sel.NuMM.g.cs"));
    }

    [Fact]
    public void DeclaredUnit_IsTheHistogramAxisUnit_AsWritten()
    {
        var run = GeneratorHarness.RunGenerator(Analysis("""[Variable("E θ²", Unit = "GeV rad²")] public static float P(in Ev e) => e.E * e.Theta * e.Theta;""",
            """[Histogram("h", "P", Bins = 2, Min = 0, Max = 1)]"""));
        Assert.Empty(run.Numm);
        Assert.Contains("\"GeV rad²\")", run.Generated("Sel.NuMM.g.cs"));
    }

    // ---- Unit = "" on a column: dimensionless, and checked.

    [Theory]
    [InlineData("e.Score", "'e.Score' is dimensionless")]
    [InlineData("e.Ratio", "'e.Ratio' is dimensionless")]
    [InlineData("e.N", "'e.N' is dimensionless")]
    public void EmptyOrMissingColumnUnit_IsDimensionless_AndChecked(string column, string phrase)
        => Expect(Analysis("[Cut(1, \"a\")] public static bool A(in Ev e) => e.E > " + column + ";"), "NUMM0501", "e.E > " + column, "'e.E' is in GeV", phrase);

    [Fact]
    public void DimensionlessColumns_CombineFreely_AndScaleUnits()
        => NoDiagnostics("""[Cut(1, "a")] public static bool A(in Ev e) => e.Score * e.Ratio > e.N && e.Score * e.E > e.E2;""");

    [Fact]
    public void ProjectTemplate_HasNoUnitWarning()
    {
        // The analysis every new user starts from (dotnet new numm-analysis): MET from GeV components, a GeV shift.
        var root = Path.GetFullPath(Path.Combine(GeneratorHarness.ProjectDirectory(), "..", ".."));
        var dir = Path.Combine(root, "templates", "NuMM.Templates", "content", "numm-analysis");
        var run = GeneratorHarness.RunGenerator("global using System;", File.ReadAllText(Path.Combine(dir, "EventSchema.cs")), File.ReadAllText(Path.Combine(dir, "Selection.cs")));
        Assert.NotEmpty(run.Result.GeneratedTrees);
        Assert.True(!run.Numm.Any(d => d.Severity >= DiagnosticSeverity.Warning), string.Join("\n", run.Numm));
    }

    [Fact]
    public void NUMM0707_ShiftOfDimensionlessColumn_ReturningGeV()
        => Expect(Analysis("""
            [Cut(1, "a")] public static bool A(in Ev e) => e.Score > 0.5f;
            [Shift("s", nameof(Ev.Score), -1, 1)] public static float S(in Ev e, double sigma) => e.E;
            """), "NUMM0707", "S", "'s'", "in 'GeV'", "'Score'", "dimensionless");
}
