using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The emitted code of every valid input compiles cleanly, and one input matches its reviewed baseline.</summary>
public class GeneratedCodeTests
{
    public static TheoryData<string> ValidInputs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(GeneratorHarness.InputsDirectory, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            if (!f!.EndsWith(".WithDiagnostics.cs", StringComparison.Ordinal)) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void ValidInput_GeneratedCode_CompilesWithoutDiagnostics(string input)
    {
        var run = GeneratorHarness.RunInput(input);
        Assert.NotEmpty(run.Result.GeneratedTrees);
        // Info NUMM0202 (per-lane scalar call) is allowed; nothing else.
        var problems = run.All.Where(d => d.Severity >= DiagnosticSeverity.Warning && !IsExpectedInInput(d)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
    }

    // Mixed.cs disables NUMM0104 with #pragma around one cut; the compiler hides it, the driver list still has it.
    private static bool IsExpectedInInput(Diagnostic d) => d.Id == "NUMM0104" && d.IsSuppressed;

    [Fact]
    public void Mixed_PragmaDisable_SuppressesNuMMWarning()
    {
        var run = GeneratorHarness.RunInput("Mixed.cs");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "NUMM0104");
        Assert.Contains(run.Numm, d => d.Id == "NUMM0202");
    }

    [Fact]
    public void NuOnE_EmittedSource_MatchesBaseline()
    {
        var run = GeneratorHarness.RunInput("NuOnE.cs");
        var text = "// ===== Inputs.NuOnE.NuOnEEvent.NuMM.g.cs\n" + run.Generated("NuOnEEvent.NuMM.g.cs")
                 + "// ===== Inputs.NuOnE.NuOnESelection.NuMM.g.cs\n" + run.Generated("NuOnESelection.NuMM.g.cs");
        text = text.Replace("\r\n", "\n");
        var baselineInOutput = Path.Combine(AppContext.BaseDirectory, "Baselines", "NuOnE.g.cs.txt");
        if (Environment.GetEnvironmentVariable("NUMM_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(Path.Combine(GeneratorHarness.ProjectDirectory(), "Baselines", "NuOnE.g.cs.txt"), text);
            return;
        }
        Assert.True(File.Exists(baselineInOutput), "Missing baseline; run with NUMM_UPDATE_BASELINES=1 and review it.");
        var expected = File.ReadAllText(baselineInOutput).Replace("\r\n", "\n");
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Generator_TwoRuns_ByteIdenticalOutput()
    {
        var a = GeneratorHarness.RunGenerator(GeneratorHarness.ReadInput("Mixed.cs"));
        var b = GeneratorHarness.RunGenerator(GeneratorHarness.ReadInput("Mixed.cs"));
        Assert.Equal(a.Generated("MixedSelection.NuMM.g.cs"), b.Generated("MixedSelection.NuMM.g.cs"));
    }

    [Fact]
    public void KnownNames_EqualAttributeTypeNames()
    {
        Assert.Equal(KnownNames.EventSchemaAttribute, typeof(NuMM.Dsl.EventSchemaAttribute).FullName);
        Assert.Equal(KnownNames.ColumnAttribute, typeof(NuMM.Dsl.ColumnAttribute).FullName);
        Assert.Equal(KnownNames.AnalysisAttribute, typeof(NuMM.Dsl.AnalysisAttribute).FullName);
        Assert.Equal(KnownNames.CutAttribute, typeof(NuMM.Dsl.CutAttribute).FullName);
        Assert.Equal(KnownNames.VariableAttribute, typeof(NuMM.Dsl.VariableAttribute).FullName);
        Assert.Equal(KnownNames.WeightAttribute, typeof(NuMM.Dsl.WeightAttribute).FullName);
        Assert.Equal(KnownNames.PureAttribute, typeof(NuMM.Dsl.PureAttribute).FullName);
        Assert.Equal(KnownNames.HistogramAttribute, typeof(NuMM.Dsl.HistogramAttribute).FullName);
        Assert.Equal(KnownNames.Histogram2DAttribute, typeof(NuMM.Dsl.Histogram2DAttribute).FullName);
        Assert.Equal(KnownNames.ContractsPureAttribute, typeof(System.Diagnostics.Contracts.PureAttribute).FullName);
        Assert.Equal(KnownNames.ColumnBatchInterface, typeof(NuMM.Runtime.Data.IColumnBatch).FullName);
        Assert.Equal(KnownNames.AnalysisResult, typeof(NuMM.Runtime.Selection.AnalysisResult).FullName);
    }
}
