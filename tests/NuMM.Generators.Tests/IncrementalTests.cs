using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The pipeline caches: an unrelated edit leaves the specs Cached/Unchanged, a real edit Modifies them, and
/// no step output holds a symbol, syntax node, compilation or location.</summary>
public class IncrementalTests
{
    private static readonly string[] Steps = { TrackingNames.SchemaParse, TrackingNames.SchemaSpec, TrackingNames.Parse, TrackingNames.Spec };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) First()
    {
        var compilation = GeneratorHarness.Compile(new[] { GeneratorHarness.ReadInput("NuOnE.cs") });
        var driver = GeneratorHarness.Driver(track: true).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
        => driver.GetRunResult().Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void UnrelatedEdit_SpecsCachedOrUnchanged()
    {
        var (driver, compilation) = First();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        foreach (var step in new[] { TrackingNames.Spec, TrackingNames.SchemaSpec })
        {
            var reasons = Reasons(driver, step).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
        var outputs = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Cached, outputs);
    }

    [Fact]
    public void RealEdit_SpecModified()
    {
        var (driver, compilation) = First();
        var tree = compilation.SyntaxTrees.Single();
        var text = tree.GetText().ToString().Replace("e.NuoneId > 0.73f", "e.NuoneId > 0.75f");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        driver = driver.RunGenerators(edited);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.Spec));
    }

    [Fact]
    public void StepOutputs_HoldNoSymbolsNodesCompilationsOrLocations()
    {
        var (driver, _) = First();
        var result = driver.GetRunResult().Results[0];
        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} not tracked");
            foreach (var run in result.TrackedSteps[step])
                foreach (var (value, _) in run.Outputs)
                    Walk(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or Compilation or Location or SemanticModel or SyntaxTree, $"{path} holds a {type.Name}");
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal) return;
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                Walk(f.GetValue(value), $"{path}.{f.Name}", seen);
    }
}
