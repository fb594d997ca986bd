using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>Malformed sources never crash the generator: no CS8785 (generator threw), no AD0001, no driver exception.</summary>
public class RobustnessTests
{
    private const string Schema = "using System; using NuMM.Dsl;\n[EventSchema] public partial struct Ev { [Column(Unit = \"GeV\")] public float E; public int N; public double D; public bool F; }\n";

    public static TheoryData<string, string> Corpus() => new()
    {
        { "half-typed cut", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > }" },
        { "half-typed attribute", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, ] public static bool A(in Ev e) => true; }" },
        { "missing schema type", "using NuMM.Dsl; [Analysis(typeof(Missing))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Missing e) => e.X > 1; }" },
        { "typeof missing", Schema + "[Analysis()] public static partial class S { }" },
        { "null schema", Schema + "[Analysis(null)] public static partial class S { }" },
        { "wrong attribute argument types", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(\"one\", 2)] public static bool A(in Ev e) => true; }" },
        { "cut attribute on a field", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static int Field; }" },
        { "cut attribute on a class", Schema + "[Cut(1, \"a\")] public static partial class S { }" },
        { "schema attribute on a class", "using NuMM.Dsl; [EventSchema] public partial class C { public float A; }" },
        { "schema attribute on an enum", "using NuMM.Dsl; [EventSchema] public enum E { A }" },
        { "analysis attribute on a struct", Schema + "[Analysis(typeof(Ev))] public partial struct S { }" },
        { "generic analysis", Schema + "[Analysis(typeof(Ev))] public static partial class S<T> { [Cut(1, \"a\")] public static bool A(in Ev e) => true; }" },
        { "nested schema", "using NuMM.Dsl; public partial class O { [EventSchema] public partial struct Ev { public float A; } }" },
        { "non-partial everything", "using NuMM.Dsl; [EventSchema] public struct Ev { public float A; } [Analysis(typeof(Ev))] public static class S { }" },
        { "cut without body", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static partial bool A(in Ev e); }" },
        { "abstract-like extern cut", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static extern bool A(in Ev e); }" },
        { "histogram with null edges", Schema + "[Analysis(typeof(Ev))] [Histogram(\"h\", \"E\", Edges = null)] public static partial class S { }" },
        { "histogram with null name", Schema + "[Analysis(typeof(Ev))] [Histogram(null, null)] public static partial class S { }" },
        { "histogram edges wrong type", Schema + "[Analysis(typeof(Ev))] [Histogram(\"h\", \"E\", Edges = new[] { 1, 2 })] public static partial class S { }" },
        { "recursive variable", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Variable(\"v\")] public static float V(in Ev e) => V(e) + 1; [Cut(1, \"a\")] public static bool A(in Ev e) => V(e) > 1; }" },
        { "mutually recursive variables", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Variable(\"a\")] public static float A(in Ev e) => B(e); [Variable(\"b\")] public static float B(in Ev e) => A(e); }" },
        { "variable called with other event", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Variable(\"v\")] public static float V(in Ev e) => e.E; [Cut(1, \"a\")] public static bool A(in Ev e) => V(default) > 1; }" },
        { "lambda in cut", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => ((Func<bool>)(() => true))(); }" },
        { "switch expression", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.N switch { 1 => true, _ => false }; }" },
        { "string comparison", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E.ToString() == \"1\"; }" },
        { "nullable float", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => (float?)e.E > 1f; }" },
        { "throw expression", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 0 ? true : throw new Exception(); }" },
        { "cut order overflow", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(2147483648, \"a\")] public static bool A(in Ev e) => true; }" },
        { "duplicate analysis attribute", Schema + "[Analysis(typeof(Ev))][Analysis(typeof(Ev))] public static partial class S { }" },
        { "two partial parts", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1f; } public static partial class S { [Cut(2, \"b\")] public static bool B(in Ev e) => e.N > 1; }" },
        { "unclosed everything", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => (e.E > 1f && " },
        { "schema of itself", "using NuMM.Dsl; [EventSchema] public partial struct Ev { public Ev Self; }" },
        { "is type pattern", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E is float f && f > 1; }" },
        { "pattern with non-constant", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E is > e.E; }" },
        { "weight with ref parameter", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Weight(\"w\")] public static float W(in Ev e, ref float x) => x; }" },
        { "empty file", "" },
        // Half-typed code, as the IDE runs the generator on every keystroke (issue 8): never NUMM0903.
        { "weight parameter without a name", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Weight(\"w\")] public static double W(in Ev e, double ) => 1.0; }" },
        { "weight parameter default missing", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Weight(\"w\")] public static double W(in Ev e, double x = ) => x; }" },
        { "event parameter without a name", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev ) => true; }" },
        { "event parameter without a type", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in ) => true; }" },
        { "member access being typed", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e. > 1; }" },
        { "math call being typed", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => Math.(e.E) > 1; }" },
        { "pattern being typed", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E is > and < 2; }" },
        { "histogram arguments being typed", Schema + "[Analysis(typeof(Ev))] [Histogram(\"h\", )] public static partial class S { }" },
        { "variable without a return type", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Variable(\"v\")] public static V(in Ev e) => e.E; }" },
        { "local being typed", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) { var x = ; return x > 1; } }" },
        { "cut call being typed", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; [Cut(2, \"b\")] public static bool B(in Ev e) => A( ; }" },
        { "shift being typed", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; [Shift(\"s\", \"E\", )] public static float Sh(in Ev e, double sigma) => e.E; }" },
        { "universe parameter without a name", Schema + "[Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool A(in Ev e) => e.E > 1; [Weight(\"w\")] public static double W(in Ev e) => 1.0; [Universes(\"u\", 3)] public static double U(in Ev e, int ) => 1.0; }" },
        { "schema field without a name", "using NuMM.Dsl; [EventSchema] public partial struct Ev { public float ; public float A; } [Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool C(in Ev e) => e.A > 1; }" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void BrokenInput_Generator_ReportsInsteadOfThrowing(string name, string source)
    {
        var run = GeneratorHarness.RunGenerator(source);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        // NUMM0903 is the safety net catching a generator exception: still a bug to fix.
        var crashes = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()).Where(d => d.Id is "CS8785" or "AD0001" or "NUMM0903").ToList();
        Assert.True(crashes.Count == 0, $"{name}: {string.Join("\n", crashes)}");
    }

    [Fact]
    public void Corpus_HasAtLeast25Inputs() => Assert.True(Corpus().Count() >= 25);
}

/// <summary>The safety net behind "the generator never throws": a parser exception becomes a fallback result
/// (which carries NUMM0903), while cancellation still propagates.</summary>
public class GuardTests
{
    [Fact]
    public void Guard_ParserThrows_ReturnsFallbackWithException()
    {
        var result = Guard.Run<string>(() => throw new InvalidOperationException("boom"), e => "fallback: " + e.Message, CancellationToken.None);
        Assert.Equal("fallback: boom", result);
        Assert.Equal("NUMM0903", Diagnostics.DiagnosticDescriptors.InternalError.Id);
    }

    [Fact]
    public void Guard_Cancelled_Rethrows()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Guard.Run<string>(() => { cts.Token.ThrowIfCancellationRequested(); return ""; }, _ => "fallback", cts.Token));
    }
}
