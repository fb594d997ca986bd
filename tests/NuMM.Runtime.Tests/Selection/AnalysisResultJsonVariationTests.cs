using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class AnalysisResultJsonVariationTests
{
    /// <summary>A result with shift, knob and universe variations at 2.5e20 POT plus a sample variation at 1.25e20 POT.</summary>
    private static AnalysisResult Varied()
    {
        var shifted = new DelegateBatchSource<DynamicColumnBatch>(2000, (b, row, i) =>
        {
            TestKernel.Write(b, row, i);
            b.Column<double>(0)[row] *= 1.04;
        }).WithExposure(Exposure.Pot(1.25e20));
        return AnalysisRunner.Run(new VariedTestKernel(), TestKernel.Source(4000).WithExposure(Exposure.Pot(2.5e20)),
            [new SampleVariation<DynamicColumnBatch>("calib", 1, shifted)], () => TestKernel.NewBatch(512), new RunOptions { MaxThreads = 2 });
    }

    [Fact]
    public void RoundTrip_WithVariationsAndExposures_IsBitwiseIdentical()
    {
        var a = Varied();
        Assert.Equal(2 + 3 + 2 + VariedTestKernel.UniverseCount - 2 + 1, a.Variations.Count);
        string json = AnalysisResultJson.ToJson(a);
        var b = AnalysisResultJson.FromJson(json);
        ResultAssert.BitwiseEqual(a, b, "reloaded");
        Assert.Equal(Exposure.Pot(1.25e20), b.Variation("calib", 1).Exposure);
        Assert.Equal(VariationKind.Universe, b.VariationsOf("flux")[3].Kind);
        Assert.Equal(3, b.VariationsOf("flux")[3].Universe);
        Assert.Equal(json, AnalysisResultJson.ToJson(b));
        // A reloaded result merges with a live one: counts and exposures add, variation by variation.
        a.Add(b);
        Assert.Equal(5e20, a.Exposure.Value, 1.0);
        Assert.Equal(2.5e20, a.Variation("calib", 1).Exposure.Value, 1.0);
        Assert.Equal(2 * b.Universe("flux", 5).CutFlow.Passed[3], a.Universe("flux", 5).CutFlow.Passed[3]);
    }

    [Fact]
    public void FromJson_FormatOne_ReadsWithoutExposureOrVariations()
    {
        var plain = AnalysisRunner.Run(new TestKernel(), TestKernel.Source(500), () => TestKernel.NewBatch(128));
        string v2 = AnalysisResultJson.ToJson(plain);
        // The format-1 document is the same minus the exposure and variations members.
        using var doc = System.Text.Json.JsonDocument.Parse(v2);
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name is "exposure" or "variations") continue;
                if (p.Name == "format") w.WriteString("format", "numm-analysis-result-1");
                else p.WriteTo(w);
            }
            w.WriteEndObject();
        }
        var r = AnalysisResultJson.FromJson(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        ResultAssert.BitwiseEqual(plain, r, "format 1");
        Assert.Empty(r.Variations);
    }

    [Theory]
    [InlineData("\"kind\": \"Universe\"", "\"kind\": \"Wobble\"", "$.variations[7].kind")]
    [InlineData("\"universe\": 2", "\"universe\": \"two\"", "$.variations[7].universe")]
    [InlineData("\"kind\": \"ProtonsOnTarget\"", "\"kind\": \"Furlongs\"", "$.exposure.kind")]
    public void FromJson_BadVariation_NamesTheJsonPath(string find, string replace, string path)
    {
        string json = AnalysisResultJson.ToJson(Varied());
        int at = json.IndexOf(find, StringComparison.Ordinal);
        if (find.StartsWith("\"kind\": \"Universe\"", StringComparison.Ordinal))
            at = json.IndexOf(find, json.IndexOf("\"universe\": 2", StringComparison.Ordinal) - 40, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        string bad = json[..at] + replace + json[(at + find.Length)..];
        Assert.Contains(path, Assert.Throws<FormatException>(() => AnalysisResultJson.FromJson(bad)).Message);
    }

    [Fact]
    public void FromJson_MissingCutFlowOfAVariation_NamesIt()
    {
        string json = AnalysisResultJson.ToJson(Varied());
        int v = json.IndexOf("\"systematic\": \"wKnob\"", StringComparison.Ordinal);
        int at = json.IndexOf("\"sumwAllOthers\"", v, StringComparison.Ordinal);
        string bad = json[..at] + "\"renamed\"" + json[(at + "\"sumwAllOthers\"".Length)..];
        var e = Assert.Throws<FormatException>(() => AnalysisResultJson.FromJson(bad));
        Assert.Contains("$.variations[3].cutFlow", e.Message);
        Assert.Contains("sumwAllOthers", e.Message);
    }

    [Fact]
    public void FromJson_DuplicateVariation_Throws()
    {
        string json = AnalysisResultJson.ToJson(Varied());
        string bad = json.Replace("\"universe\": 4", "\"universe\": 3");
        Assert.Contains("appears twice", Assert.Throws<FormatException>(() => AnalysisResultJson.FromJson(bad)).Message);
    }
}
