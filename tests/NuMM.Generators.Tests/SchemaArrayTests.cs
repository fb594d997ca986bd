using Microsoft.CodeAnalysis;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The batch code emitted for fixed-length array columns (<c>FixedArray&lt;T&gt;</c> with <c>[Column(Length = N)]</c>).</summary>
public class SchemaArrayTests
{
    private static string Schema => GeneratorHarness.RunInput("ArrayColumns.cs").Generated("UniverseEvent.NuMM.g.cs");

    [Fact]
    public void ArrayColumn_ColumnInfo_CarriesLength()
    {
        var code = Schema;
        Assert.Contains("new global::NuMM.Runtime.Data.ColumnInfo(\"Flux\", global::NuMM.Runtime.Data.ColumnType.Single, \"\", \"FluxUniverse\", true, 100),", code);
        Assert.Contains("new global::NuMM.Runtime.Data.ColumnInfo(\"Vertex\", global::NuMM.Runtime.Data.ColumnType.Double, \"cm\", \"Vertex\", false, 3),", code);
        Assert.Contains("new global::NuMM.Runtime.Data.ColumnInfo(\"Single\", global::NuMM.Runtime.Data.ColumnType.Int32, \"\", \"Single\", false, 1),", code);
        // Scalar columns keep the short form (Length defaults to 1).
        Assert.Contains("new global::NuMM.Runtime.Data.ColumnInfo(\"E\", global::NuMM.Runtime.Data.ColumnType.Single, \"GeV\", \"E\", true),", code);
    }

    [Fact]
    public void ArrayColumn_Storage_IsCapacityTimesLength()
    {
        var code = Schema;
        Assert.Contains("this.__numm_a1 = new float[capacity * 100];", code);
        Assert.Contains("this.__numm_a2 = new double[capacity * 3];", code);
        Assert.Contains("this.__numm_a0 = new float[capacity];", code);
        Assert.Contains("public float[] Flux => this.__numm_a1 ?? throw NoArray(1);", code);
        Assert.Contains("(long)capacity * 100 > global::System.Array.MaxLength", code);
    }

    [Fact]
    public void ArrayColumn_EventConstructor_BuildsStridedView()
    {
        var code = Schema;
        Assert.Contains("this.Flux = batch.__numm_a1 is { } a1 ? new global::NuMM.Runtime.Data.FixedArray<float>(a1, index, batch.Capacity, 100) : new global::NuMM.Runtime.Data.FixedArray<float>(batch.__numm_memory!, 1, index, batch.Capacity, 100);", code);
        Assert.Contains("this.E = batch.__numm_a0 is { } a0 ? a0[index] : batch.__numm_memory!.Read<float>(0, index);", code);
    }

    [Fact]
    public void ArrayColumn_FiniteValidation_ScansEveryElement()
    {
        var code = Schema;
        Assert.Contains("for (int k = 0; k < 100; k++)", code);
        Assert.Contains("if (!float.IsFinite(this.__numm_s1[k * Capacity + i]))", code);
        // Vertex is not declared finite: no scan.
        Assert.DoesNotContain("double.IsFinite(Vertex", code);
    }

    [Fact]
    public void AnalysisOverArraySchema_BodyIgnoresArrays_KernelNeverLoadsThem()
    {
        var run = GeneratorHarness.RunInput("ArrayColumns.cs");
        Assert.DoesNotContain(run.All, d => d.Severity >= DiagnosticSeverity.Warning);
        var kernel = run.Generated("UniverseSelection.NuMM.g.cs");
        Assert.DoesNotContain("batch.Column<float>(1)", kernel);
        Assert.DoesNotContain("batch.Column<double>(2)", kernel);
        Assert.Contains("batch.Column<float>(0)", kernel);
    }
}
