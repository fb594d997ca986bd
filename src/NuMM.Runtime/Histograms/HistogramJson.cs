using System;
using System.Collections.Generic;
using System.Text.Json;
using NuMM.Runtime.Data;

namespace NuMM.Runtime.Histograms;

/// <summary>Lossless JSON for axes, histograms and spectra, so partial results from separate processes or machines can
/// be saved, merged and reloaded (CAFAna's <c>SaveTo</c>/<c>LoadFrom</c>). Doubles are written in shortest round-trip
/// form, so a reloaded histogram is bitwise identical to the saved one.</summary>
public static class HistogramJson
{
    /// <summary>Writes <paramref name="axis"/> as an object: a regular axis as bins/min/max, any other as its edges.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="axis">The axis.</param>
    public static void WriteAxis(Utf8JsonWriter w, IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(axis);
        w.WriteStartObject();
        if (axis is RegularAxis r)
        {
            w.WriteString("type", "regular");
            w.WriteNumber("bins", r.Count);
            w.WriteNumber("min", r.Min);
            w.WriteNumber("max", r.Max);
        }
        else
        {
            w.WriteString("type", "variable");
            w.WriteStartArray("edges");
            for (int i = 0; i < axis.Count; i++) w.WriteNumberValue(axis.Lower(i));
            w.WriteNumberValue(axis.Upper(axis.Count - 1));
            w.WriteEndArray();
        }
        w.WriteString("label", axis.Label);
        w.WriteString("unit", axis.Unit);
        w.WriteEndObject();
    }

    /// <summary>Reads an axis written by <see cref="WriteAxis"/>.</summary>
    /// <param name="e">The JSON object.</param>
    /// <param name="where">Where the object is, for error messages.</param>
    public static IAxis ReadAxis(JsonElement e, string where = "axis")
    {
        string type = Str(e, "type", where);
        string label = Str(e, "label", where), unit = Str(e, "unit", where);
        return type switch
        {
            "regular" => new RegularAxis(Prop(e, "bins", where).GetInt32(), Prop(e, "min", where).GetDouble(), Prop(e, "max", where).GetDouble(), label, unit),
            "variable" => new VariableAxis(Doubles(Prop(e, "edges", where)), label, unit),
            _ => throw new FormatException($"{where}: unknown axis type '{type}' (expected 'regular' or 'variable')."),
        };
    }

    /// <summary>Writes a 1-D histogram: name, axis, sumw and sumw2 (all cells, flow included).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="h">The histogram.</param>
    public static void Write(Utf8JsonWriter w, Histogram1D h)
    {
        ArgumentNullException.ThrowIfNull(h);
        w.WriteStartObject();
        w.WriteString("name", h.Name);
        w.WritePropertyName("axis");
        WriteAxis(w, h.Axis);
        WriteCells(w, h.SumW, h.SumW2);
        w.WriteEndObject();
    }

    /// <summary>Writes a 2-D histogram: name, both axes, sumw and sumw2 (all cells, flow included).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="h">The histogram.</param>
    public static void Write(Utf8JsonWriter w, Histogram2D h)
    {
        ArgumentNullException.ThrowIfNull(h);
        w.WriteStartObject();
        w.WriteString("name", h.Name);
        w.WritePropertyName("x");
        WriteAxis(w, h.X);
        w.WritePropertyName("y");
        WriteAxis(w, h.Y);
        WriteCells(w, h.SumW, h.SumW2);
        w.WriteEndObject();
    }

    /// <summary>Reads a 1-D histogram written by <see cref="Write(Utf8JsonWriter, Histogram1D)"/>.</summary>
    /// <param name="e">The JSON object.</param>
    /// <param name="where">Where the object is, for error messages.</param>
    public static Histogram1D Read1D(JsonElement e, string where = "histogram")
    {
        string name = Str(e, "name", where);
        var h = new Histogram1D(ReadAxis(Prop(e, "axis", where), $"{where} '{name}' axis"), name);
        ReadCells(e, h.SumW, h.SumW2, $"{where} '{name}'");
        return h;
    }

    /// <summary>Reads a 2-D histogram written by <see cref="Write(Utf8JsonWriter, Histogram2D)"/>.</summary>
    /// <param name="e">The JSON object.</param>
    /// <param name="where">Where the object is, for error messages.</param>
    public static Histogram2D Read2D(JsonElement e, string where = "histogram")
    {
        string name = Str(e, "name", where);
        var h = new Histogram2D(ReadAxis(Prop(e, "x", where), $"{where} '{name}' x axis"), ReadAxis(Prop(e, "y", where), $"{where} '{name}' y axis"), name);
        ReadCells(e, h.SumW, h.SumW2, $"{where} '{name}'");
        return h;
    }

    /// <summary>A spectrum as a JSON document: its histogram plus exposure value and kind.</summary>
    /// <param name="s">The spectrum.</param>
    public static string ToJson(Spectrum s)
    {
        ArgumentNullException.ThrowIfNull(s);
        using var buffer = new System.IO.MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", "numm-spectrum-1");
            w.WriteNumber("exposure", s.Exposure.Value);
            w.WriteString("exposureKind", s.Exposure.Kind.ToString());
            w.WritePropertyName("histogram");
            Write(w, s.Histogram);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a spectrum written by <see cref="ToJson(Spectrum)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="FormatException">The document is not a NuMM spectrum; the message says what is wrong.</exception>
    public static Spectrum SpectrumFromJson(string json)
    {
        using var doc = Parse(json, "spectrum");
        var root = doc.RootElement;
        string format = Str(root, "format", "spectrum");
        if (format != "numm-spectrum-1") throw new FormatException($"spectrum: format is '{format}', expected 'numm-spectrum-1'.");
        string kind = Str(root, "exposureKind", "spectrum");
        if (!Enum.TryParse<ExposureKind>(kind, out var k) || !Enum.IsDefined(k))
            throw new FormatException($"spectrum: unknown exposure kind '{kind}'.");
        return new Spectrum(Read1D(Prop(root, "histogram", "spectrum")), new Exposure(Prop(root, "exposure", "spectrum").GetDouble(), k));
    }

    internal static JsonDocument Parse(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try { return JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"{what}: not valid JSON ({e.Message}).", e); }
    }

    private static void WriteCells(Utf8JsonWriter w, ReadOnlySpan<double> sumW, ReadOnlySpan<double> sumW2)
    {
        w.WriteStartArray("sumw");
        foreach (double v in sumW) w.WriteNumberValue(v);
        w.WriteEndArray();
        w.WriteStartArray("sumw2");
        foreach (double v in sumW2) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void ReadCells(JsonElement e, Span<double> sumW, Span<double> sumW2, string where)
    {
        var a = Doubles(Prop(e, "sumw", where));
        var b = Doubles(Prop(e, "sumw2", where));
        if (a.Length != sumW.Length || b.Length != sumW2.Length)
            throw new FormatException($"{where}: expected {sumW.Length} cells, found {a.Length} sumw and {b.Length} sumw2 values.");
        a.CopyTo(sumW);
        b.CopyTo(sumW2);
    }

    internal static JsonElement Prop(JsonElement e, string name, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: expected a JSON object, found {e.ValueKind}.");
        return e.TryGetProperty(name, out var v) ? v : throw new FormatException($"{where}: missing property '{name}'.");
    }

    internal static string Str(JsonElement e, string name, string where)
    {
        var v = Prop(e, name, where);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"{where}: property '{name}' must be a string.");
    }

    internal static double[] Doubles(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new FormatException($"Expected a JSON array of numbers, found {e.ValueKind}.");
        var list = new List<double>(e.GetArrayLength());
        foreach (var v in e.EnumerateArray()) list.Add(v.GetDouble());
        return list.ToArray();
    }
}
