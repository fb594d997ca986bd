using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;
using Xunit.Abstractions;

namespace NuMM.Generators.Tests.Property;

/// <summary>Soundness of NUMM0102 (cut never passes), NUMM0105 (cut removes every event the earlier cuts leave) and
/// NUMM0408 (histogram axis outside the cuts' window), issue 8 class 5: random cuts over float, double, int and bool
/// columns with edge constants go through the real generator; for every such claim the compiled C# cuts are evaluated
/// on a grid of values (every constant of the analysis and values derived from it by the operations the grammar uses,
/// each with its neighbours one ulp away in float and double, NaN, ±∞, ±0, ±ε, the extremes of each type, and random
/// values), and an event that passes refutes the claim and fails the test.</summary>
/// <remarks>CI runs a fixed seed and <see cref="DefaultAnalyses"/> analyses. Run more with, for example,
/// <c>NUMM_FEASIBILITY_ANALYSES=5000 NUMM_FEASIBILITY_SEED=3 dotnet test tests/NuMM.Generators.Tests -c Release --filter "FullyQualifiedName~FeasibilitySoundness"</c>.</remarks>
public class FeasibilitySoundnessTests
{
    private const int DefaultAnalyses = 120;
    private const int GroupSize = 60;
    private readonly ITestOutputHelper _out;

    public FeasibilitySoundnessTests(ITestOutputHelper output) => _out = output;

    private const string Schema = """
        using NuMM.Dsl;
        namespace Feas;
        [EventSchema]
        public partial struct Ev
        {
            public float F;
            public double D;
            public int N;
            public bool B;
        }
        """;

    private static int Env(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    [Fact]
    public void Claims_NoEventRefutesThem()
    {
        int seed = Env("NUMM_FEASIBILITY_SEED", 5);
        int count = Env("NUMM_FEASIBILITY_ANALYSES", DefaultAnalyses);
        var grammar = new FeasibilityGrammar(seed);
        int checkedAnalyses = 0, invalid = 0;
        var claims = new Dictionary<string, int>(StringComparer.Ordinal) { ["NUMM0102"] = 0, ["NUMM0105"] = 0, ["NUMM0408"] = 0 };
        long evaluations = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int g = 0; g * GroupSize < count; g++)
        {
            var group = new List<FeasibilityGrammar.Case>();
            for (int i = 0; i < GroupSize && g * GroupSize + i < count; i++) group.Add(grammar.Next($"A{g * GroupSize + i}"));
            var (kept, dropped, e) = CheckGroup(group, claims);
            checkedAnalyses += kept;
            invalid += dropped;
            evaluations += e;
        }
        _out.WriteLine($"seed {seed}: {count} analyses ({checkedAnalyses} valid C#, {invalid} rejected by the C# compiler); claims checked: "
            + string.Join(", ", claims.Select(kv => $"{kv.Key} ×{kv.Value}")) + $"; {evaluations} cut evaluations; {clock.Elapsed.TotalSeconds:F1} s");
        // The grammar is meant to produce many claims; if it stops doing so the test checks little.
        Assert.True(checkedAnalyses >= count * 3 / 4, $"only {checkedAnalyses} of {count} random analyses were valid C#");
        Assert.True(claims["NUMM0102"] >= count / 20, $"only {claims["NUMM0102"]} NUMM0102 claims in {count} analyses");
        Assert.True(claims["NUMM0105"] + claims["NUMM0408"] >= count / 40, "too few NUMM0105/NUMM0408 claims");
    }

    private static (int Kept, int Dropped, long Evaluations) CheckGroup(List<FeasibilityGrammar.Case> group, Dictionary<string, int> claims)
    {
        // Analyses the C# compiler rejects (a pattern that can never match, …) are the grammar's: drop them.
        var compilation = GeneratorHarness.Compile(new[] { Schema }.Concat(group.Select(c => c.Source)));
        var bad = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.SourceTree?.FilePath).ToHashSet(StringComparer.Ordinal);
        var kept = group.Where((c, i) => !bad.Contains($"Input{i + 1}.cs")).ToList();
        int dropped = group.Count - kept.Count;
        if (kept.Count == 0) return (0, dropped, 0);
        compilation = GeneratorHarness.Compile(new[] { Schema }.Concat(kept.Select(c => c.Source)));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Id is "NUMM0903" or "CS8785");
        // The cuts and probes need no generated code: emitting the input alone skips compiling the kernels.
        using var ms = new MemoryStream();
        var emit = compilation.Emit(ms);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        ms.Position = 0;
        var alc = new AssemblyLoadContext("NuMM.Feasibility", isCollectible: true);
        long evaluations = 0;
        try
        {
            var asm = alc.LoadFromStream(ms);
            foreach (var d in diagnostics.Where(d => d.Id is "NUMM0102" or "NUMM0105" or "NUMM0408"))
            {
                var path = d.Location.SourceTree?.FilePath ?? "";
                int index = int.Parse(path.Replace("Input", "").Replace(".cs", ""), CultureInfo.InvariantCulture) - 1;
                var c = kept[index];
                var message = d.GetMessage(CultureInfo.InvariantCulture);
                int mode = d.Id switch
                {
                    "NUMM0102" => message.StartsWith("Cut 'c1'", StringComparison.Ordinal) ? 1 : 2,
                    "NUMM0105" => 3,
                    _ => 4,
                };
                var find = asm.GetType("Feas.Probe" + c.ClassName, throwOnError: true)!.GetMethod("Find")!;
                var (fs, ds, ns) = Grid(c);
                evaluations += 2L * fs.Length * ds.Length * ns.Length;
                var witness = (string?)find.Invoke(null, new object[] { fs, ds, ns, mode });
                Assert.True(witness is null, $"false {d.Id}: {message}\nbut this event passes: {witness}\n\n{c.Source}");
                claims[d.Id]++;
            }
        }
        finally
        {
            alc.Unload();
        }
        return (kept.Count, dropped, evaluations);
    }

    /// <summary>The values tried per column: a column the analysis does not read gets one value.</summary>
    private static (float[] F, double[] D, int[] N) Grid(FeasibilityGrammar.Case c)
    {
        var rng = new Random(c.ClassName.GetHashCode(StringComparison.Ordinal));
        var core = new List<double> { 0, -0.0, 1, -1, 2, -2, 0.5, 3, 10, 100, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
            double.MaxValue, -double.MaxValue, float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, int.MaxValue, int.MinValue, Math.E, c.HistMin, c.HistMax };
        double[] steps = { 1, 2, 0.5, -1, 3, 0.1 };
        var seeds = new List<double>();
        foreach (var k in c.Constants)
        {
            core.Add(k);
            core.Add(-k);
            seeds.Add(k * k);
            seeds.Add(Math.Sqrt(Math.Abs(k)));
            seeds.Add(Math.Exp(k));
            seeds.Add(Math.Log(Math.Abs(k)));
            seeds.Add(Math.Pow(10, k));
            seeds.Add(Math.Tan(k));
            seeds.Add(Math.Atanh(k));
            seeds.Add(k * k * k);
            seeds.Add(Math.Floor(k));
            seeds.Add(Math.Ceiling(k));
            foreach (var s in steps.Concat(c.Constants))
            {
                seeds.Add(k + s);
                seeds.Add(k - s);
                seeds.Add(s - k);
                seeds.Add(k * s);
                seeds.Add(k / s);
            }
        }
        for (int i = 0; i < 40; i++) seeds.Add((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-5, 6)));
        // Two columns: every core value but only part of the derived ones, so the grid stays near 10⁶ events.
        if (c.Columns.Length > 1) seeds = seeds.OrderBy(_ => rng.Next()).Take(120).ToList();
        seeds.AddRange(core);
        var doubles = new HashSet<double>();
        var floats = new HashSet<float>();
        var ints = new HashSet<int> { int.MinValue, int.MinValue + 1, int.MaxValue, int.MaxValue - 1, -1, 0, 1 };
        foreach (var v in seeds)
        {
            foreach (var x in new[] { v, Math.BitIncrement(v), Math.BitDecrement(v) }) doubles.Add(x);
            float f = (float)v;
            foreach (var x in new[] { f, MathF.BitIncrement(f), MathF.BitDecrement(f) }) { floats.Add(x); doubles.Add(x); }
            if (double.IsFinite(v))
                foreach (var x in new[] { Math.Floor(v) - 1, Math.Floor(v), Math.Ceiling(v), Math.Ceiling(v) + 1 })
                    ints.Add((int)Math.Clamp(x, int.MinValue, int.MaxValue));
        }
        doubles.Add(-0.0);
        floats.Add(-0f);
        float[] fa = c.Columns.Contains("F") ? floats.ToArray() : new[] { 0f };
        double[] da = c.Columns.Contains("D") ? doubles.ToArray() : new[] { 0.0 };
        int[] na = c.Columns.Contains("N") ? ints.ToArray() : new[] { 0 };
        return (fa, da, na);
    }
}
