using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>Issue 8, class 1: every attributed declaration is in the kernel or gets a diagnostic — never dropped in silence.</summary>
public class DroppedDeclarationTests
{
    private const string Schema = "using System; using NuMM.Dsl; namespace N; [EventSchema] public partial struct Ev { public float E; public int N; }\n";

    [Fact]
    public void PartialCutWithBodyInAnotherPart_IsInTheKernel()
    {
        var run = GeneratorHarness.RunGenerator(Schema + """
            [Analysis(typeof(Ev))]
            public static partial class S
            {
                [Cut(1, "energy")] public static partial bool Energy(in Ev e);
                [Weight("w")] public static partial double W(in Ev e, double scale = 2.0);
            }
            public static partial class S
            {
                public static partial bool Energy(in Ev e) => e.E > 1f;
                public static partial double W(in Ev e, double scale) => scale * e.N;
            }
            """);
        var problems = run.All.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var kernel = run.Generated("S.NuMM.g.cs");
        Assert.Contains("\"energy\"", kernel);
        Assert.Contains("global::N.S.W(in e, Scale)", kernel);
    }

    public static TheoryData<string, string, string> Reported() => new()
    {
        { "null cut name", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, null)] public static bool A(in Ev e) => e.E > 1; }", "NUMM0010" },
        { "null histogram name", Schema + "[Analysis(typeof(Ev))] [Histogram(null, \"E\", Bins = 2, Min = 0, Max = 1)] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; }", "NUMM0407" },
        { "null histogram variable", Schema + "[Analysis(typeof(Ev))] [Histogram(\"h\", null, Bins = 2, Min = 0, Max = 1)] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; }", "NUMM0407" },
        { "cut in a class without [Analysis]", Schema + "public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; }", "NUMM0012" },
        { "weight in a class nested in an analysis", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; public static class Inner { [Weight(\"w\")] public static double W(in Ev e) => 2.0; } }", "NUMM0012" },
        { "histogram on a class without [Analysis]", Schema + "[Histogram(\"h\", \"E\", Bins = 2, Min = 0, Max = 1)] public static partial class S { }", "NUMM0012" },
        { "analysis declared as a struct", Schema + "[Analysis(typeof(Ev))] public partial struct S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; }", "NUMM0013" },
        { "schema given as an array type", Schema + "[Analysis(typeof(Ev[]))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; }", "NUMM0007" },
        { "extern cut", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static extern bool A(in Ev e); [Cut(2, \"b\")] public static bool B(in Ev e) => e.E > 1; }", "NUMM0203" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void DeclarationThatCannotWork_IsReported(string name, string source, string id)
    {
        var run = GeneratorHarness.RunGenerator(source);
        Assert.True(run.Numm.Any(d => d.Id == id), $"{name}: expected {id}, got\n{string.Join("\n", run.All)}");
        Assert.DoesNotContain(run.Numm, d => d.Id == "NUMM0903");
    }

    [Fact]
    public void RecordAnalysis_GetsAKernel()
    {
        var run = GeneratorHarness.RunGenerator(Schema + """
            [Analysis(typeof(Ev))]
            public partial record R
            {
                [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E > 1f;
            }
            """);
        var problems = run.All.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("partial record R", run.Generated("R.NuMM.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void TypingAMemberAccess_NoNuMMDiagnosticOnAnEmptySpan()
    {
        var run = GeneratorHarness.RunGenerator(Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e. > 1; }");
        Assert.DoesNotContain(run.Numm, d => d.Location.SourceSpan.Length == 0);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS1001"); // the compiler's own "identifier expected"
    }
}
