using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Selection;

/// <summary>Lossless JSON for an <see cref="AnalysisResult"/> (cut flow with N−1 yields and every histogram), so results
/// of separate jobs can be saved, reloaded and merged with <see cref="AnalysisResult.Add"/>. A reloaded result is
/// bitwise identical to the saved one.</summary>
public static class AnalysisResultJson
{
    private const string Format = "numm-analysis-result-1";

    /// <summary>The result as an indented JSON document.</summary>
    /// <param name="result">The result.</param>
    public static string ToJson(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("analysis", result.AnalysisName);
            var f = result.CutFlow;
            w.WriteStartObject("cutFlow");
            w.WriteStartArray("cuts");
            foreach (var n in f.CutNames) w.WriteStringValue(n);
            w.WriteEndArray();
            Longs(w, "passed", f.Passed);
            Doubles(w, "sumw", f.SumW);
            Doubles(w, "sumw2", f.SumW2);
            Longs(w, "passedAllOthers", f.PassedAllOthers);
            Doubles(w, "sumwAllOthers", f.SumWAllOthers);
            Doubles(w, "sumw2AllOthers", f.SumW2AllOthers);
            w.WriteEndObject();
            w.WriteStartArray("histograms1D");
            foreach (var h in result.Histograms1D) HistogramJson.Write(w, h);
            w.WriteEndArray();
            w.WriteStartArray("histograms2D");
            foreach (var h in result.Histograms2D) HistogramJson.Write(w, h);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a result written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="FormatException">The document is malformed; the message names the part.</exception>
    public static AnalysisResult FromJson(string json)
    {
        using var doc = HistogramJson.Parse(json, "analysis result");
        var root = doc.RootElement;
        string format = HistogramJson.Str(root, "format", "analysis result");
        if (format != Format) throw new FormatException($"analysis result: format is '{format}', expected '{Format}'.");
        string name = HistogramJson.Str(root, "analysis", "analysis result");
        var fe = HistogramJson.Prop(root, "cutFlow", "analysis result");
        var cuts = new List<string>();
        foreach (var c in HistogramJson.Prop(fe, "cuts", "cutFlow").EnumerateArray()) cuts.Add(c.GetString() ?? "");
        var flow = new CutFlow(cuts);
        ReadLongs(fe, "passed", flow.Passed);
        ReadDoubles(fe, "sumw", flow.SumW);
        ReadDoubles(fe, "sumw2", flow.SumW2);
        ReadLongs(fe, "passedAllOthers", flow.PassedAllOthers);
        ReadDoubles(fe, "sumwAllOthers", flow.SumWAllOthers);
        ReadDoubles(fe, "sumw2AllOthers", flow.SumW2AllOthers);
        var h1 = new List<Histograms.Histogram1D>();
        int i = 0;
        foreach (var h in HistogramJson.Prop(root, "histograms1D", "analysis result").EnumerateArray()) h1.Add(HistogramJson.Read1D(h, $"histograms1D[{i++}]"));
        var h2 = new List<Histograms.Histogram2D>();
        i = 0;
        foreach (var h in HistogramJson.Prop(root, "histograms2D", "analysis result").EnumerateArray()) h2.Add(HistogramJson.Read2D(h, $"histograms2D[{i++}]"));
        return new AnalysisResult(name, flow, h1, h2);
    }

    private static void Longs(Utf8JsonWriter w, string name, long[] v)
    {
        w.WriteStartArray(name);
        foreach (long x in v) w.WriteNumberValue(x);
        w.WriteEndArray();
    }

    private static void Doubles(Utf8JsonWriter w, string name, double[] v)
    {
        w.WriteStartArray(name);
        foreach (double x in v) w.WriteNumberValue(x);
        w.WriteEndArray();
    }

    private static void ReadLongs(JsonElement e, string name, long[] into)
    {
        var a = HistogramJson.Prop(e, name, "cutFlow");
        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != into.Length)
            throw new FormatException($"cutFlow: '{name}' must be an array of {into.Length} integers.");
        int i = 0;
        foreach (var v in a.EnumerateArray()) into[i++] = v.GetInt64();
    }

    private static void ReadDoubles(JsonElement e, string name, double[] into)
    {
        var a = HistogramJson.Doubles(HistogramJson.Prop(e, name, "cutFlow"));
        if (a.Length != into.Length) throw new FormatException($"cutFlow: '{name}' must have {into.Length} values; found {a.Length}.");
        a.CopyTo(into, 0);
    }
}
