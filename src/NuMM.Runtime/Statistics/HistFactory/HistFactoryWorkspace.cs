using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NuMM.Runtime.Statistics.HistFactory;

/// <summary>A HistFactory modifier of one sample (pyhf workspace schema 1.0.0).</summary>
/// <param name="Name">Parameter name the modifier is driven by (shared by name across samples and channels).</param>
/// <param name="Type">normfactor, normsys, histosys, shapesys, staterror, lumi or shapefactor.</param>
/// <param name="Hi">normsys: factor at α = +1 (dimensionless); NaN otherwise.</param>
/// <param name="Lo">normsys: factor at α = −1; NaN otherwise.</param>
/// <param name="HiData">histosys: expected events per bin at α = +1; null otherwise.</param>
/// <param name="LoData">histosys: expected events per bin at α = −1; null otherwise.</param>
/// <param name="Values">shapesys, staterror: absolute uncertainty per bin (events); null otherwise.</param>
public sealed record HistFactoryModifier(string Name, string Type, double Hi = double.NaN, double Lo = double.NaN,
    double[]? HiData = null, double[]? LoData = null, double[]? Values = null);

/// <summary>A sample: nominal expected events per bin and its modifiers.</summary>
/// <param name="Name">Sample name.</param>
/// <param name="Data">Nominal expected events per bin.</param>
/// <param name="Modifiers">Modifiers, in file order.</param>
public sealed record HistFactorySample(string Name, double[] Data, IReadOnlyList<HistFactoryModifier> Modifiers);

/// <summary>A channel (region): its samples, all with the same number of bins.</summary>
/// <param name="Name">Channel name.</param>
/// <param name="Samples">Samples in file order.</param>
public sealed record HistFactoryChannel(string Name, IReadOnlyList<HistFactorySample> Samples)
{
    /// <summary>Number of bins.</summary>
    public int Bins => Samples.Count == 0 ? 0 : Samples[0].Data.Length;
}

/// <summary>Observed counts of one channel.</summary>
/// <param name="Name">Channel name.</param>
/// <param name="Data">Observed events per bin.</param>
public sealed record HistFactoryObservation(string Name, double[] Data);

/// <summary>A parameter setting of a measurement (pyhf "parameters" entry); null members are not set.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Bounds">[lower, upper] per element.</param>
/// <param name="Inits">Initial value per element.</param>
/// <param name="Fixed">Held constant at its initial value.</param>
/// <param name="AuxData">Auxiliary measurement per element (the Gaussian centre, e.g. 1 for lumi).</param>
/// <param name="Sigmas">Gaussian constraint width per element (e.g. the luminosity uncertainty).</param>
public sealed record HistFactoryParameterConfig(string Name, (double Lower, double Upper)[]? Bounds = null, double[]? Inits = null,
    bool? Fixed = null, double[]? AuxData = null, double[]? Sigmas = null);

/// <summary>A measurement: the parameter of interest and parameter settings.</summary>
/// <param name="Name">Measurement name.</param>
/// <param name="Poi">Parameter of interest.</param>
/// <param name="Parameters">Parameter settings.</param>
public sealed record HistFactoryMeasurement(string Name, string Poi, IReadOnlyList<HistFactoryParameterConfig> Parameters);

/// <summary>Raised for an invalid HistFactory workspace or patch; <see cref="Problems"/> lists every problem with its JSON path.</summary>
public sealed class HistFactoryFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">File name or description of the document.</param>
    /// <param name="problems">Problems, each starting with a JSON path ($.channels[0].samples[1]...).</param>
    public HistFactoryFormatException(string source, IReadOnlyList<string> problems)
        : base($"{source}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the HistFactory workspace:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, each with its JSON path.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>A HistFactory workspace in the pyhf JSON schema (version 1.0.0): channels with samples and modifiers,
/// observations, measurements. Reading validates the whole document and reports every problem with its JSON path in one
/// <see cref="HistFactoryFormatException"/>. <see cref="ToJson"/> writes the same schema back.</summary>
public sealed class HistFactoryWorkspace
{
    /// <summary>The modifier types of the schema.</summary>
    public static readonly IReadOnlyList<string> ModifierTypes = ["normfactor", "normsys", "histosys", "shapesys", "staterror", "lumi", "shapefactor"];

    /// <summary>Creates a workspace from its parts (validated as a document would be).</summary>
    /// <param name="channels">Channels.</param>
    /// <param name="observations">Observations, one per channel.</param>
    /// <param name="measurements">Measurements (at least one).</param>
    /// <param name="version">Schema version ("1.0.0").</param>
    public HistFactoryWorkspace(IReadOnlyList<HistFactoryChannel> channels, IReadOnlyList<HistFactoryObservation> observations,
        IReadOnlyList<HistFactoryMeasurement> measurements, string version = "1.0.0")
    {
        Channels = channels; Observations = observations; Measurements = measurements; Version = version;
        var problems = new List<string>();
        CheckConsistency(problems);
        if (problems.Count > 0) throw new HistFactoryFormatException("workspace", problems);
    }

    /// <summary>Channels in file order.</summary>
    public IReadOnlyList<HistFactoryChannel> Channels { get; }
    /// <summary>Observations.</summary>
    public IReadOnlyList<HistFactoryObservation> Observations { get; }
    /// <summary>Measurements.</summary>
    public IReadOnlyList<HistFactoryMeasurement> Measurements { get; }
    /// <summary>Schema version.</summary>
    public string Version { get; }

    /// <summary>Reads a workspace file, optionally applying JSON-Patch (RFC 6902) documents first (pyhf signal patches:
    /// a list of operations, or a pyhf patchset with <paramref name="patchName"/> selecting one patch).</summary>
    /// <param name="path">Workspace JSON file.</param>
    /// <param name="patchPaths">Patch files applied in order.</param>
    /// <param name="patchName">For patchset files: the patch to apply (metadata.name); required when a patchset holds several.</param>
    /// <exception cref="HistFactoryFormatException">Lists every problem with its JSON path.</exception>
    public static HistFactoryWorkspace Load(string path, IEnumerable<string>? patchPaths = null, string? patchName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = ParseFile(path);
        foreach (var patchPath in patchPaths ?? [])
            node = JsonPatch.Apply(node, JsonPatch.Select(ParseFile(patchPath), patchPath, patchName), patchPath);
        return FromJson(node, path);
    }

    /// <summary>Parses a workspace from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">Name used in error messages.</param>
    public static HistFactoryWorkspace Parse(string json, string source = "workspace")
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e) { throw new HistFactoryFormatException(source, [$"$: not valid JSON ({e.Message})"]); }
        return FromJson(node, source);
    }

    private static JsonNode? ParseFile(string path)
    {
        try { return JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new HistFactoryFormatException(path, [$"$: not valid JSON ({e.Message})"]); }
    }

    /// <summary>Builds the workspace from a parsed document.</summary>
    /// <param name="node">Root node.</param>
    /// <param name="source">Name used in error messages.</param>
    public static HistFactoryWorkspace FromJson(JsonNode? node, string source = "workspace")
    {
        var p = new List<string>();
        var root = node as JsonObject;
        if (root is null) throw new HistFactoryFormatException(source, ["$: expected an object with channels, observations, measurements, version"]);
        var channels = new List<HistFactoryChannel>();
        foreach (var (ch, path) in Array(root, "channels", "$", p))
        {
            string name = Str(ch, "name", path, p);
            var samples = new List<HistFactorySample>();
            foreach (var (s, sp) in Array(ch, "samples", path, p))
            {
                string sname = Str(s, "name", sp, p);
                var data = Numbers(s, "data", sp, p);
                var mods = new List<HistFactoryModifier>();
                foreach (var (m, mp) in Array(s, "modifiers", sp, p))
                {
                    string mname = Str(m, "name", mp, p), type = Str(m, "type", mp, p);
                    if (!ModifierTypes.Contains(type)) { p.Add($"{mp}.type: unknown modifier type '{type}' (expected one of {string.Join(", ", ModifierTypes)})"); continue; }
                    var md = m is JsonObject mo ? mo["data"] : null;
                    string dp = mp + ".data";
                    switch (type)
                    {
                        case "normsys":
                            {
                                double hi = Num(md, "hi", dp, p), lo = Num(md, "lo", dp, p);
                                if (hi <= 0) p.Add($"{dp}.hi: must be > 0 (a factor); got {F(hi)}");
                                if (lo <= 0) p.Add($"{dp}.lo: must be > 0 (a factor); got {F(lo)}");
                                mods.Add(new(mname, type, Hi: hi, Lo: lo));
                                break;
                            }
                        case "histosys":
                            {
                                var hd = Numbers(md, "hi_data", dp, p); var ld = Numbers(md, "lo_data", dp, p);
                                if (hd.Length != data.Length) p.Add($"{dp}.hi_data: has {hd.Length} bins but the sample has {data.Length}");
                                if (ld.Length != data.Length) p.Add($"{dp}.lo_data: has {ld.Length} bins but the sample has {data.Length}");
                                mods.Add(new(mname, type, HiData: hd, LoData: ld));
                                break;
                            }
                        case "shapesys":
                        case "staterror":
                            {
                                var v = NumberArray(md, dp, p);
                                if (v.Length != data.Length) p.Add($"{dp}: has {v.Length} bins but the sample has {data.Length}");
                                for (int i = 0; i < v.Length; i++) if (v[i] < 0) p.Add($"{dp}[{i}]: uncertainty must be ≥ 0; got {F(v[i])}");
                                mods.Add(new(mname, type, Values: v));
                                break;
                            }
                        default:
                            if (md is not null && md.GetValueKind() != JsonValueKind.Null) p.Add($"{dp}: must be null for a {type} modifier");
                            mods.Add(new(mname, type));
                            break;
                    }
                }
                for (int i = 0; i < data.Length; i++) if (data[i] < 0) p.Add($"{sp}.data[{i}]: expected events must be ≥ 0; got {F(data[i])}");
                samples.Add(new HistFactorySample(sname, data, mods));
            }
            channels.Add(new HistFactoryChannel(name, samples));
        }
        var observations = new List<HistFactoryObservation>();
        foreach (var (o, op) in Array(root, "observations", "$", p))
        {
            var d = Numbers(o, "data", op, p);
            for (int i = 0; i < d.Length; i++) if (d[i] < 0) p.Add($"{op}.data[{i}]: observed counts must be ≥ 0; got {F(d[i])}");
            observations.Add(new HistFactoryObservation(Str(o, "name", op, p), d));
        }
        var measurements = new List<HistFactoryMeasurement>();
        foreach (var (m, mp) in Array(root, "measurements", "$", p))
        {
            string name = Str(m, "name", mp, p);
            var config = m is JsonObject mo && mo["config"] is JsonObject c ? c : null;
            if (config is null) { p.Add($"{mp}.config: missing (an object with poi and parameters)"); continue; }
            string poi = Str(config, "poi", mp + ".config", p);
            var pars = new List<HistFactoryParameterConfig>();
            if (config["parameters"] is not null)
                foreach (var (pc, pp) in Array(config, "parameters", mp + ".config", p))
                {
                    var o = (JsonObject)pc!;
                    (double, double)[]? bounds = null;
                    if (o["bounds"] is JsonArray ba)
                    {
                        bounds = new (double, double)[ba.Count];
                        for (int i = 0; i < ba.Count; i++)
                        {
                            var pair = NumberArray(ba[i], $"{pp}.bounds[{i}]", p);
                            if (pair.Length != 2) { p.Add($"{pp}.bounds[{i}]: expected [lower, upper]"); continue; }
                            if (!(pair[1] > pair[0])) p.Add($"{pp}.bounds[{i}]: lower {F(pair[0])} must be below upper {F(pair[1])}");
                            bounds[i] = (pair[0], pair[1]);
                        }
                    }
                    else if (o["bounds"] is not null) p.Add($"{pp}.bounds: expected a list of [lower, upper] pairs");
                    bool? fixedFlag = null;
                    if (o["fixed"] is JsonNode fx)
                    {
                        if (fx.GetValueKind() is JsonValueKind.True or JsonValueKind.False) fixedFlag = fx.GetValue<bool>();
                        else p.Add($"{pp}.fixed: expected true or false");
                    }
                    double[]? Opt(string key) => o[key] is null ? null : NumberArray(o[key], $"{pp}.{key}", p);
                    var sig = Opt("sigmas");
                    if (sig is not null) for (int i = 0; i < sig.Length; i++) if (!(sig[i] > 0)) p.Add($"{pp}.sigmas[{i}]: must be > 0; got {F(sig[i])}");
                    pars.Add(new HistFactoryParameterConfig(Str(o, "name", pp, p), bounds, Opt("inits"), fixedFlag, Opt("auxdata"), sig));
                }
            measurements.Add(new HistFactoryMeasurement(name, poi, pars));
        }
        string version = root["version"] is JsonValue vv && vv.TryGetValue<string>(out var vs) ? vs : "";
        if (version != "1.0.0") p.Add($"$.version: expected \"1.0.0\"; got {(root["version"] is null ? "nothing" : root["version"]!.ToJsonString())}");
        // The cross-checks (bins, observations, POI) run on whatever parsed, so one message lists every problem.
        var ws = new HistFactoryWorkspace(channels, observations, measurements, version, p);
        if (p.Count == 0) return ws;
        throw new HistFactoryFormatException(source, p);
    }

    private HistFactoryWorkspace(IReadOnlyList<HistFactoryChannel> channels, IReadOnlyList<HistFactoryObservation> observations,
        IReadOnlyList<HistFactoryMeasurement> measurements, string version, List<string> problems)
    {
        Channels = channels; Observations = observations; Measurements = measurements; Version = version;
        CheckConsistency(problems);
    }

    private void CheckConsistency(List<string> p)
    {
        var names = new HashSet<string>();
        for (int c = 0; c < Channels.Count; c++)
        {
            var ch = Channels[c];
            if (!names.Add(ch.Name)) p.Add($"$.channels[{c}].name: channel '{ch.Name}' is defined twice");
            if (ch.Samples.Count == 0) p.Add($"$.channels[{c}].samples: channel '{ch.Name}' has no sample");
            var sn = new HashSet<string>();
            for (int s = 0; s < ch.Samples.Count; s++)
            {
                if (!sn.Add(ch.Samples[s].Name)) p.Add($"$.channels[{c}].samples[{s}].name: sample '{ch.Samples[s].Name}' appears twice in channel '{ch.Name}'");
                if (ch.Samples[s].Data.Length != ch.Bins) p.Add($"$.channels[{c}].samples[{s}].data: has {ch.Samples[s].Data.Length} bins but sample '{ch.Samples[0].Name}' has {ch.Bins}");
            }
            int o = Observations.ToList().FindIndex(x => x.Name == ch.Name);
            if (o < 0) p.Add($"$.observations: no observation for channel '{ch.Name}'");
            else if (Observations[o].Data.Length != ch.Bins) p.Add($"$.observations[{o}].data: has {Observations[o].Data.Length} bins but channel '{ch.Name}' has {ch.Bins}");
        }
        if (Channels.Count == 0) p.Add("$.channels: no channel");
        if (Measurements.Count == 0) p.Add("$.measurements: no measurement");
        // A parameter name must keep one modifier type (pyhf allows no mixing, except lumi which is its own type).
        var typeOf = new Dictionary<string, (string Type, string Path)>();
        for (int c = 0; c < Channels.Count; c++)
            for (int s = 0; s < Channels[c].Samples.Count; s++)
                for (int m = 0; m < Channels[c].Samples[s].Modifiers.Count; m++)
                {
                    var mod = Channels[c].Samples[s].Modifiers[m];
                    string path = $"$.channels[{c}].samples[{s}].modifiers[{m}]";
                    if (typeOf.TryGetValue(mod.Name, out var seen) && seen.Type != mod.Type)
                        p.Add($"{path}: parameter '{mod.Name}' is a {mod.Type} here but a {seen.Type} at {seen.Path}");
                    else typeOf.TryAdd(mod.Name, (mod.Type, path));
                }
        for (int m = 0; m < Measurements.Count; m++)
            if (!typeOf.ContainsKey(Measurements[m].Poi))
                p.Add($"$.measurements[{m}].config.poi: '{Measurements[m].Poi}' is not a modifier of any sample");
    }

    /// <summary>Writes the workspace in the pyhf schema (version 1.0.0).</summary>
    public JsonObject ToJson()
    {
        static JsonArray Arr(IEnumerable<double> v) => new(v.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
        var channels = new JsonArray();
        foreach (var ch in Channels)
        {
            var samples = new JsonArray();
            foreach (var s in ch.Samples)
            {
                var mods = new JsonArray();
                foreach (var m in s.Modifiers)
                {
                    JsonNode? data = m.Type switch
                    {
                        "normsys" => new JsonObject { ["hi"] = m.Hi, ["lo"] = m.Lo },
                        "histosys" => new JsonObject { ["hi_data"] = Arr(m.HiData!), ["lo_data"] = Arr(m.LoData!) },
                        "shapesys" or "staterror" => Arr(m.Values!),
                        _ => null,
                    };
                    mods.Add(new JsonObject { ["name"] = m.Name, ["type"] = m.Type, ["data"] = data });
                }
                samples.Add(new JsonObject { ["name"] = s.Name, ["data"] = Arr(s.Data), ["modifiers"] = mods });
            }
            channels.Add(new JsonObject { ["name"] = ch.Name, ["samples"] = samples });
        }
        var measurements = new JsonArray();
        foreach (var m in Measurements)
        {
            var pars = new JsonArray();
            foreach (var pc in m.Parameters)
            {
                var o = new JsonObject { ["name"] = pc.Name };
                if (pc.Bounds is not null) o["bounds"] = new JsonArray(pc.Bounds.Select(b => (JsonNode)Arr([b.Lower, b.Upper])).ToArray());
                if (pc.Inits is not null) o["inits"] = Arr(pc.Inits);
                if (pc.Fixed is not null) o["fixed"] = pc.Fixed.Value;
                if (pc.AuxData is not null) o["auxdata"] = Arr(pc.AuxData);
                if (pc.Sigmas is not null) o["sigmas"] = Arr(pc.Sigmas);
                pars.Add(o);
            }
            measurements.Add(new JsonObject { ["name"] = m.Name, ["config"] = new JsonObject { ["poi"] = m.Poi, ["parameters"] = pars } });
        }
        return new JsonObject
        {
            ["channels"] = channels,
            ["observations"] = new JsonArray(Observations.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["data"] = Arr(o.Data) }).ToArray()),
            ["measurements"] = measurements,
            ["version"] = "1.0.0",
        };
    }

    /// <summary>The measurement of that name, or the first one if null.</summary>
    /// <param name="name">Measurement name or null.</param>
    public HistFactoryMeasurement Measurement(string? name = null) =>
        name is null ? Measurements[0] : Measurements.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException($"No measurement '{name}'; measurements are: {string.Join(", ", Measurements.Select(m => m.Name))}.", nameof(name));

    // ---- JSON helpers: every failure adds a problem with its path and returns a harmless default.
    private static IEnumerable<(JsonNode? Node, string Path)> Array(JsonNode? parent, string key, string path, List<string> p)
    {
        var v = parent is JsonObject o ? o[key] : null;
        if (v is not JsonArray a) { p.Add($"{path}.{key}: {(v is null ? "missing" : "expected a list")}"); return []; }
        return a.Select((x, i) => (x, $"{path}.{key}[{i}]")).Where(t =>
        {
            if (t.x is JsonObject) return true;
            p.Add($"{t.Item2}: expected an object");
            return false;
        }).ToArray();
    }

    private static string Str(JsonNode? parent, string key, string path, List<string> p)
    {
        var v = parent is JsonObject o ? o[key] : null;
        if (v is JsonValue jv && jv.TryGetValue<string>(out var s) && s.Length > 0) return s;
        p.Add($"{path}.{key}: {(v is null ? "missing" : "expected a non-empty string")}");
        return "";
    }

    private static double Num(JsonNode? parent, string key, string path, List<string> p)
    {
        var v = parent is JsonObject o ? o[key] : null;
        if (v is JsonValue jv && jv.GetValueKind() == JsonValueKind.Number && double.IsFinite(jv.GetValue<double>())) return jv.GetValue<double>();
        p.Add($"{path}.{key}: {(v is null ? "missing" : "expected a finite number")}");
        return double.NaN;
    }

    private static double[] Numbers(JsonNode? parent, string key, string path, List<string> p)
    {
        var v = parent is JsonObject o ? o[key] : null;
        if (v is null) { p.Add($"{path}.{key}: missing"); return []; }
        return NumberArray(v, $"{path}.{key}", p);
    }

    private static double[] NumberArray(JsonNode? v, string path, List<string> p)
    {
        if (v is not JsonArray a) { p.Add($"{path}: expected a list of numbers"); return []; }
        var r = new double[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] is JsonValue jv && jv.GetValueKind() == JsonValueKind.Number && double.IsFinite(jv.GetValue<double>())) r[i] = jv.GetValue<double>();
            else p.Add($"{path}[{i}]: expected a finite number");
        }
        return r;
    }

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
