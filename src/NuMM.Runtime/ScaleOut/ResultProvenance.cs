using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.ScaleOut;

/// <summary>Where a result file's numbers come from: the analysis and its kernel, the dataset and the part of it that
/// was read, and the NuMM version. Merging compares these before it adds anything.</summary>
public sealed record ResultProvenance
{
    /// <summary>The analysis name.</summary>
    public required string Analysis { get; init; }
    /// <summary>The kernel's type name.</summary>
    public required string KernelType { get; init; }
    /// <summary>SHA-256 (hex) of the kernel: its type, the identity of the compiled assembly holding the generated code
    /// (deterministic builds give the same identity for the same source) and its public parameter values.</summary>
    public required string KernelHash { get; init; }
    /// <summary>SHA-256 (hex) of the result's shape: cut names, histogram names and bin edges, variations.</summary>
    public required string BinningHash { get; init; }
    /// <summary>The NuMM runtime version that wrote the file.</summary>
    public required string NuMMVersion { get; init; }
    /// <summary>The widest hardware vector the kernel could use, in bits (the kernel's lane grouping follows it).</summary>
    public required int VectorBits { get; init; }
    /// <summary>Shard index, 0-based (0 for a single or merged result).</summary>
    public required int Shard { get; init; }
    /// <summary>Number of shards the dataset was split into (1 for a single or merged result).</summary>
    public required int Shards { get; init; }
    /// <summary>Events per batch; shard boundaries fall on batch boundaries.</summary>
    public required int BatchSize { get; init; }
    /// <summary>SHA-256 (hex) of the dataset description (<see cref="Dataset.Fingerprint"/>).</summary>
    public required string DatasetHash { get; init; }
    /// <summary>The dataset's files.</summary>
    public required IReadOnlyList<DatasetFile> Files { get; init; }
    /// <summary>The entry ranges this result holds, in order.</summary>
    public required IReadOnlyList<DatasetRange> Ranges { get; init; }
    /// <summary>Events read.</summary>
    public required long Events { get; init; }
    /// <summary>The host that wrote the file (information only).</summary>
    public string Host { get; init; } = "";
    /// <summary>When the file was written, UTC ISO 8601 (information only).</summary>
    public string Created { get; init; } = "";

    /// <summary>The NuMM runtime version.</summary>
    public static string CurrentVersion =>
        typeof(ResultProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ResultProvenance).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The widest hardware-accelerated vector, in bits.</summary>
    public static int HardwareVectorBits =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 512 : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>SHA-256 (hex) of a kernel: type name, module version id of its assembly, and every public readable
    /// instance property of a simple type (number, bool, string, enum) as name=value.</summary>
    /// <param name="kernel">The kernel object.</param>
    public static string HashKernel(object kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var t = kernel.GetType();
        var sb = new StringBuilder();
        sb.Append(t.FullName).Append('\n').Append(t.Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!p.CanRead || p.GetIndexParameters().Length != 0) continue;
            var type = p.PropertyType;
            if (!(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))) continue;
            object? v = p.GetValue(kernel);
            string text = v switch
            {
                double d => BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture),
                float f => BitConverter.SingleToInt32Bits(f).ToString(CultureInfo.InvariantCulture),
                IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
                null => "null",
                _ => v.ToString() ?? "",
            };
            sb.Append(p.Name).Append('=').Append(text).Append('\n');
        }
        return Sha256(sb.ToString());
    }

    /// <summary>The empty shape of <paramref name="result"/> as JSON (cuts, histogram names and edges, variations) and its SHA-256.</summary>
    /// <param name="result">A result of the analysis (the kernel's CreateResult, so the exposure kind is the same everywhere).</param>
    public static (byte[] ShapeJson, string Hash) HashShape(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = Encoding.UTF8.GetBytes(AnalysisResultJson.ToJson(result.CloneEmpty()));
        return (json, Convert.ToHexStringLower(SHA256.HashData(json)));
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("analysis", Analysis);
        w.WriteString("kernelType", KernelType);
        w.WriteString("kernelHash", KernelHash);
        w.WriteString("binningHash", BinningHash);
        w.WriteString("nummVersion", NuMMVersion);
        w.WriteNumber("vectorBits", VectorBits);
        w.WriteNumber("shard", Shard);
        w.WriteNumber("shards", Shards);
        w.WriteNumber("batchSize", BatchSize);
        w.WriteString("datasetHash", DatasetHash);
        w.WriteNumber("events", Events);
        w.WriteString("host", Host);
        w.WriteString("created", Created);
        w.WriteStartArray("files");
        foreach (var f in Files)
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            if (f.Tree != null) w.WriteString("tree", f.Tree);
            w.WriteNumber("first", f.FirstEntry);
            w.WriteNumber("stop", f.StopEntry);
            w.WriteNumber("exposureKind", (int)f.Exposure.Kind);
            w.WriteNumber("exposure", f.Exposure.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ranges");
        foreach (var r in Ranges)
        {
            w.WriteStartArray();
            w.WriteNumberValue(r.File);
            w.WriteNumberValue(r.FirstEntry);
            w.WriteNumberValue(r.StopEntry);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static ResultProvenance Read(JsonElement e, string file)
    {
        string S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Bad(name);
        long L(string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out long x) ? x : throw Bad(name);
        FormatException Bad(string name) => new($"{file}: provenance field $.{name} is missing or malformed.");
        var files = new List<DatasetFile>();
        if (!e.TryGetProperty("files", out var fa) || fa.ValueKind != JsonValueKind.Array) throw Bad("files");
        foreach (var f in fa.EnumerateArray())
        {
            var kind = (ExposureKind)f.GetProperty("exposureKind").GetInt32();
            files.Add(new DatasetFile(f.GetProperty("path").GetString()!, f.TryGetProperty("tree", out var t) ? t.GetString() : null,
                f.GetProperty("first").GetInt64(), f.GetProperty("stop").GetInt64(), new Exposure(f.GetProperty("exposure").GetDouble(), kind)));
        }
        var ranges = new List<DatasetRange>();
        if (!e.TryGetProperty("ranges", out var ra) || ra.ValueKind != JsonValueKind.Array) throw Bad("ranges");
        foreach (var r in ra.EnumerateArray()) ranges.Add(new DatasetRange(r[0].GetInt32(), r[1].GetInt64(), r[2].GetInt64()));
        return new ResultProvenance
        {
            Analysis = S("analysis"), KernelType = S("kernelType"), KernelHash = S("kernelHash"), BinningHash = S("binningHash"),
            NuMMVersion = S("nummVersion"), VectorBits = (int)L("vectorBits"), Shard = (int)L("shard"), Shards = (int)L("shards"),
            BatchSize = (int)L("batchSize"), DatasetHash = S("datasetHash"), Events = L("events"), Host = S("host"), Created = S("created"),
            Files = files, Ranges = ranges,
        };
    }
}
