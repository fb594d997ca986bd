using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using NuMM.Runtime.Data;
using NuMM.Runtime.Histograms;

namespace NuMM.Runtime.Selection;

/// <summary>Lossless JSON for an <see cref="AnalysisResult"/> (exposure, cut flow with N−1 yields, every histogram, and
/// every systematic variation with its own exposure, cut flow and histograms), so results of separate jobs can be saved,
/// reloaded and merged with <see cref="AnalysisResult.Add"/>. A reloaded result is bitwise identical to the saved one.
/// Documents of the earlier format <c>numm-analysis-result-1</c> (no exposure, no variations) are still read.</summary>
public static class AnalysisResultJson
{
    private const string Format = "numm-analysis-result-2";
    private const string FormatWithoutVariations = "numm-analysis-result-1";

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
            WriteBody(w, result);
            w.WriteStartArray("variations");
            foreach (var v in result.Variations)
            {
                w.WriteStartObject();
                w.WriteString("systematic", v.Systematic);
                w.WriteString("kind", v.Kind.ToString());
                if (v.Kind == VariationKind.Universe) w.WriteNumber("universe", v.Universe);
                else w.WriteNumber("sigma", v.Sigma);
                WriteBody(w, v.Result);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteBody(Utf8JsonWriter w, AnalysisResult result)
    {
        w.WriteStartObject("exposure");
        w.WriteString("kind", result.Exposure.Kind.ToString());
        w.WriteNumber("value", result.Exposure.Value);
        w.WriteEndObject();
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
    }

    /// <summary>Reads a result written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="FormatException">The document is malformed; the message gives the JSON path of the part.</exception>
    public static AnalysisResult FromJson(string json)
    {
        using var doc = HistogramJson.Parse(json, "analysis result");
        var root = doc.RootElement;
        string format = HistogramJson.Str(root, "format", "analysis result");
        if (format != Format && format != FormatWithoutVariations)
            throw new FormatException($"analysis result: format is '{format}', expected '{Format}' or '{FormatWithoutVariations}'.");
        string name = HistogramJson.Str(root, "analysis", "analysis result");
        bool current = format == Format;
        var (flow, h1, h2, exposure) = ReadBody(root, "$", current);
        var variations = new List<VariationResult>();
        if (current)
        {
            var array = HistogramJson.Prop(root, "variations", "$");
            if (array.ValueKind != JsonValueKind.Array) throw new FormatException($"$.variations: expected an array, found {array.ValueKind}.");
            int i = 0;
            foreach (var ve in array.EnumerateArray())
            {
                string path = $"$.variations[{i++}]";
                string systematic = HistogramJson.Str(ve, "systematic", path);
                string kindText = HistogramJson.Str(ve, "kind", path);
                if (!Enum.TryParse<VariationKind>(kindText, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
                    throw new FormatException($"{path}.kind: unknown variation kind '{kindText}'; expected one of {string.Join(", ", Enum.GetNames<VariationKind>())}.");
                var (vf, vh1, vh2, ve2) = ReadBody(ve, path, true);
                var result = new AnalysisResult(name, vf, vh1, vh2, Array.Empty<VariationResult>(), ve2);
                try
                {
                    variations.Add(kind == VariationKind.Universe
                        ? VariationResult.InUniverse(systematic, Int(ve, "universe", path), result)
                        : VariationResult.AtSigma(systematic, kind, Number(ve, "sigma", path), result));
                }
                catch (ArgumentException e) { throw new FormatException($"{path}: {e.Message}", e); }
            }
        }
        try
        {
            return new AnalysisResult(name, flow, h1, h2, variations, exposure);
        }
        catch (ArgumentException e) { throw new FormatException($"analysis result: {e.Message}", e); }
    }

    private static (CutFlow, List<Histograms.Histogram1D>, List<Histograms.Histogram2D>, Exposure) ReadBody(JsonElement e, string path, bool withExposure)
    {
        var exposure = Exposure.None;
        if (withExposure)
        {
            string where = path + ".exposure";
            var xe = HistogramJson.Prop(e, "exposure", path);
            string kindText = HistogramJson.Str(xe, "kind", where);
            if (!Enum.TryParse<ExposureKind>(kindText, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
                throw new FormatException($"{where}.kind: unknown exposure kind '{kindText}'; expected one of {string.Join(", ", Enum.GetNames<ExposureKind>())}.");
            exposure = new Exposure(Number(xe, "value", where), kind);
            try { exposure.Validate(where); }
            catch (ArgumentException x) { throw new FormatException(x.Message, x); }
        }
        string fp = path + ".cutFlow";
        var fe = HistogramJson.Prop(e, "cutFlow", path);
        var cutsElement = HistogramJson.Prop(fe, "cuts", fp);
        if (cutsElement.ValueKind != JsonValueKind.Array) throw new FormatException($"{fp}.cuts: expected an array of names, found {cutsElement.ValueKind}.");
        var cuts = new List<string>();
        foreach (var c in cutsElement.EnumerateArray()) cuts.Add(c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new FormatException($"{fp}.cuts[{cuts.Count}]: expected a string."));
        CutFlow flow;
        try { flow = new CutFlow(cuts); }
        catch (ArgumentException x) { throw new FormatException($"{fp}.cuts: {x.Message}", x); }
        ReadLongs(fe, "passed", flow.Passed, fp);
        ReadDoubles(fe, "sumw", flow.SumW, fp);
        ReadDoubles(fe, "sumw2", flow.SumW2, fp);
        ReadLongs(fe, "passedAllOthers", flow.PassedAllOthers, fp);
        ReadDoubles(fe, "sumwAllOthers", flow.SumWAllOthers, fp);
        ReadDoubles(fe, "sumw2AllOthers", flow.SumW2AllOthers, fp);
        var h1 = new List<Histograms.Histogram1D>();
        int i = 0;
        foreach (var h in Elements(e, "histograms1D", path)) h1.Add(HistogramJson.Read1D(h, $"{path}.histograms1D[{i++}]"));
        var h2 = new List<Histograms.Histogram2D>();
        i = 0;
        foreach (var h in Elements(e, "histograms2D", path)) h2.Add(HistogramJson.Read2D(h, $"{path}.histograms2D[{i++}]"));
        return (flow, h1, h2, exposure);
    }

    private static JsonElement.ArrayEnumerator Elements(JsonElement e, string name, string path)
    {
        var a = HistogramJson.Prop(e, name, path);
        return a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : throw new FormatException($"{path}.{name}: expected an array, found {a.ValueKind}.");
    }

    private static double Number(JsonElement e, string name, string path)
    {
        var v = HistogramJson.Prop(e, name, path);
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) ? d : throw new FormatException($"{path}.{name}: expected a number, found {v.ValueKind}.");
    }

    private static int Int(JsonElement e, string name, string path)
    {
        var v = HistogramJson.Prop(e, name, path);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int k) ? k : throw new FormatException($"{path}.{name}: expected an integer.");
    }

    private static void Longs(Utf8JsonWriter w, string name, long[] v)
    {
        w.WriteStartArray(name);
        foreach (long x in v) w.WriteNumberValue(x);
        w.WriteEndArray();
    }

    // Cut-flow sums: NaN (a level a final-only weight variation does not compute) is written as null.
    private static void Doubles(Utf8JsonWriter w, string name, double[] v)
    {
        w.WriteStartArray(name);
        foreach (double x in v)
        {
            if (double.IsNaN(x)) w.WriteNullValue();
            else w.WriteNumberValue(x);
        }
        w.WriteEndArray();
    }

    private static void ReadLongs(JsonElement e, string name, long[] into, string path)
    {
        var a = HistogramJson.Prop(e, name, path);
        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != into.Length)
            throw new FormatException($"{path}.{name}: must be an array of {into.Length} integers.");
        int i = 0;
        foreach (var v in a.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out into[i]))
                throw new FormatException($"{path}.{name}[{i.ToString(CultureInfo.InvariantCulture)}]: expected an integer.");
            i++;
        }
    }

    private static void ReadDoubles(JsonElement e, string name, double[] into, string path)
    {
        var element = HistogramJson.Prop(e, name, path);
        if (element.ValueKind != JsonValueKind.Array) throw new FormatException($"{path}.{name}: expected an array of numbers, found {element.ValueKind}.");
        if (element.GetArrayLength() != into.Length) throw new FormatException($"{path}.{name}: must have {into.Length} values; found {element.GetArrayLength()}.");
        int i = 0;
        foreach (var v in element.EnumerateArray())
        {
            if (v.ValueKind == JsonValueKind.Null) into[i] = double.NaN; // not computed (see Doubles)
            else if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out into[i]))
                throw new FormatException($"{path}.{name}[{i.ToString(CultureInfo.InvariantCulture)}]: expected a number or null, found {v.ValueKind}.");
            i++;
        }
    }
}
