using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>User names in generated code (issue 8): keywords are escaped, and names that would collide with generated
/// members get NUMM0011 instead of compiler errors inside a generated file.</summary>
public class NamingTests
{
    private static List<Diagnostic> Problems(GeneratorHarness.Run run)
        => run.All.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "NUMM0104").ToList();

    [Fact]
    public void KeywordNames_GeneratedCodeCompiles()
    {
        var run = GeneratorHarness.RunGenerator("""
            using System;
            using NuMM.Dsl;
            namespace N;
            [EventSchema] public partial struct Ev { public float @event, @class; public int @int; public bool @bool; public double index, e, capacity, i; }
            public static class @static { public static readonly float @readonly = 0.5f; [Pure] public static float @in(float @out) => @out * 2; }
            [Analysis(typeof(Ev))]
            [Histogram("event", nameof(Ev.@event), Bins = 4, Min = 0, Max = 1)]
            [Histogram("float", nameof(@float), Bins = 4, Min = 0, Max = 1)]
            public static partial class S
            {
                [Cut(1, "if")] public static bool @if(in Ev e) => e.@event > @static.@readonly && e.@int > 1 && e.@bool && e.index + e.e + e.capacity + e.i > 0;
                [Variable("float")] public static float @float(in Ev e) => @static.@in(e.@class) * 2;
                [Weight("double")] public static double @double(in Ev e, double @base = 1.0, int @checked = 2) => @base * @checked * e.@class;
            }
            """);
        var problems = Problems(run);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("S.NuMM.g.cs", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> Collisions() => new()
    {
        { "column Length", "[EventSchema] public partial struct Ev { public float Length; public float A; } [Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool C(in Ev e) => e.A > 1; }", "'Length'" },
        { "column Capacity", "[EventSchema] public partial struct Ev { public int Capacity; public float A; } [Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool C(in Ev e) => e.A > 1; }", "'Capacity'" },
        { "variable Kernel", "[EventSchema] public partial struct Ev { public float A; } [Analysis(typeof(Ev))] public static partial class S { [Variable(\"k\")] public static float Kernel(in Ev e) => e.A; [Cut(1, \"a\")] public static bool C(in Ev e) => Kernel(e) > 1; }", "'Kernel'" },
        { "parameters differing in case", "[EventSchema] public partial struct Ev { public float A; } [Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool C(in Ev e) => e.A > 1; [Weight(\"w\")] public static double W(in Ev e, double mu = 1) => mu; [Weight(\"v\")] public static double V(in Ev e, double Mu = 1) => Mu; }", "'Mu'" },
        { "parameter named like a kernel property", "[EventSchema] public partial struct Ev { public float A; } [Analysis(typeof(Ev))] public static partial class S { [Cut(1, \"a\")] public static bool C(in Ev e) => e.A > 1; [Weight(\"w\")] public static double W(in Ev e, int maxVectorBits = 1) => maxVectorBits; }", "'maxVectorBits'" },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public void CollidingName_ReportsNumm0011_NotCompilerErrors(string name, string declarations, string quoted)
    {
        var run = GeneratorHarness.RunGenerator("using System; using NuMM.Dsl; namespace N; " + declarations);
        var numm = run.Numm.Where(d => d.Id == "NUMM0011").ToList();
        Assert.True(numm.Count > 0, $"{name}: no NUMM0011 among {string.Join("\n", run.All)}");
        Assert.Contains(quoted, numm[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var generatedErrors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && (d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) ?? false)).ToList();
        Assert.True(generatedErrors.Count == 0, $"{name}: {string.Join("\n", generatedErrors)}");
    }

    public static TheoryData<string, string> AcceptedShapes() => new()
    {
        { "generic [Pure] helper with explicit type arguments", """
            using System; using NuMM.Dsl; namespace N;
            [EventSchema] public partial struct Ev { public float E; }
            public static class H { [Pure] public static T Zero<T>() where T : struct => default; [Pure] public static T Id<T>(T x) => x; }
            [Analysis(typeof(Ev))] public static partial class S { [Cut(1, "a")] public static bool A(in Ev e) => H.Id<double>(e.E) > H.Zero<double>(); }
            """ },
        { "internal schema read by a public analysis", """
            using System; using NuMM.Dsl; namespace N;
            [EventSchema] internal partial struct Ev { public float E; }
            [Analysis(typeof(Ev))] public static partial class S { [Cut(1, "a")] internal static bool A(in Ev e) => e.E > 1; }
            """ },
        { "units, sources and names with quotes, newlines and markup", """
            using System; using NuMM.Dsl; namespace N;
            [EventSchema] public partial struct Ev { [Column(Unit = "a\"b\n<c>&", Source = "x\"y\nz", Finite = true)] public float E; [Column(Unit = "*/ //\u2028x")] public double D; [Column(Unit = "m\"\n<x>")] public double F; }
            [Analysis(typeof(Ev))] [Histogram("h\n\"<i>", "E", Bins = 2, Min = 0, Max = 4)]
            public static partial class S { [Cut(1, "a\"\n<b>&")] public static bool A(in Ev e) => e.E > 1; [Variable("v\n", Unit = "m\"\n<x>")] public static double V(in Ev e) => e.F; }
            """ },
    };

    [Theory]
    [MemberData(nameof(AcceptedShapes))]
    public void AcceptedDeclaration_GeneratedCodeCompiles(string name, string source)
    {
        var run = GeneratorHarness.RunGenerator(source);
        var problems = Problems(run);
        Assert.True(problems.Count == 0, $"{name}:\n{string.Join("\n", problems)}");
        Assert.Contains(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("S.NuMM.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void FileLocalAnalysis_ReportsNumm0013()
    {
        var run = GeneratorHarness.RunGenerator("""
            using System; using NuMM.Dsl; namespace N;
            [EventSchema] public partial struct Ev { public float E; }
            [Analysis(typeof(Ev))] file static partial class S { [Cut(1, "a")] public static bool A(in Ev e) => e.E > 1; }
            """);
        Assert.Contains(run.Numm, d => d.Id == "NUMM0013");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && (d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) ?? false));
    }
}
