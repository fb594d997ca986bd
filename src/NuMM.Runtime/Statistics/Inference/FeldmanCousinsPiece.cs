using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using NuMM.Runtime.Statistics.Likelihood;

namespace NuMM.Runtime.Statistics.Inference;

/// <summary>A Feldman–Cousins run split into (point, toy block) pieces: the data profiled at every point and the
/// settings. Made by <see cref="FeldmanCousins.Plan"/>; immutable.</summary>
public sealed class FeldmanCousinsPlan
{
    internal FeldmanCousinsPlan(IGenerativeObjective likelihood, string parameter, int parameterIndex, double[] points, ProfileScan scan, FeldmanCousinsOptions options)
    {
        Likelihood = likelihood; Parameter = parameter; ParameterIndex = parameterIndex; _points = points; Scan = scan; Options = options;
        BlocksPerPoint = (options.Toys + options.ToysPerBlock - 1) / options.ToysPerBlock;
        Fingerprint = ComputeFingerprint();
    }

    private readonly double[] _points;

    /// <summary>The measurement on the observed data.</summary>
    public IGenerativeObjective Likelihood { get; }
    /// <summary>Parameter of interest.</summary>
    public string Parameter { get; }
    internal int ParameterIndex { get; }
    /// <summary>Scan points (parameter units), increasing.</summary>
    public IReadOnlyList<double> Points => _points;
    /// <summary>The profile scan of the data (its per-point parameters generate the toys).</summary>
    public ProfileScan Scan { get; }
    /// <summary>Settings.</summary>
    public FeldmanCousinsOptions Options { get; }
    /// <summary>Toy blocks per point: ⌈toys / toys per block⌉.</summary>
    public int BlocksPerPoint { get; }
    /// <summary>Number of pieces: points × blocks per point.</summary>
    public int PieceCount => _points.Length * BlocksPerPoint;
    /// <summary>A 64-bit hash of the points, settings that change toys, and the profiled data (Δχ² and parameters, bit for bit);
    /// pieces carry it so that <see cref="FeldmanCousins.Combine"/> refuses pieces of another plan.</summary>
    public ulong Fingerprint { get; }

    /// <summary>The (point, block) of piece number <paramref name="index"/> (point-major: index = point × blocks + block).</summary>
    /// <param name="index">0 … <see cref="PieceCount"/> − 1 (for example a Slurm array task id).</param>
    public (int Point, int Block) PieceAt(int index)
    {
        if (index < 0 || index >= PieceCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"The plan has {PieceCount} pieces.");
        return (index / BlocksPerPoint, index % BlocksPerPoint);
    }

    /// <summary>First toy index and toy count of block <paramref name="block"/>.</summary>
    /// <param name="block">Block index.</param>
    public (int First, int Count) ToyRange(int block)
    {
        int first = block * Options.ToysPerBlock;
        return (first, Math.Min(Options.ToysPerBlock, Options.Toys - first));
    }

    internal List<(int Point, int Block)> Pieces()
    {
        var list = new List<(int, int)>(PieceCount);
        for (int i = 0; i < PieceCount; i++) list.Add(PieceAt(i));
        return list;
    }

    private ulong ComputeFingerprint()
    {
        ulong h = 14695981039346656037UL;
        void Add(ulong v) { for (int i = 0; i < 8; i++) { h ^= (v >> (8 * i)) & 0xFF; h *= 1099511628211UL; } }
        void AddD(double v) => Add((ulong)BitConverter.DoubleToInt64Bits(v));
        foreach (char c in Parameter) Add(c);
        Add((ulong)Options.Toys); Add((ulong)Options.ToysPerBlock); Add(Options.Seed); AddD(Options.ConfidenceLevel); AddD(Options.TieTolerance);
        Add(Options.FastToyFits ? 1UL : 0UL);
        foreach (double p in _points) AddD(p);
        foreach (var p in Scan.Points) { AddD(p.DeltaChi2); foreach (double v in p.Parameters) AddD(v); }
        return h;
    }
}

/// <summary>The toys of one (point, block) piece: Δχ² of every toy in toy order, and how many toy fits did not converge.</summary>
/// <param name="PlanFingerprint">The <see cref="FeldmanCousinsPlan.Fingerprint"/> of the plan it was computed from.</param>
/// <param name="Point">Scan-point index.</param>
/// <param name="Block">Toy-block index.</param>
/// <param name="DeltaChi2">Δχ² of the toys of the block, in toy order (χ² units).</param>
/// <param name="FailedFits">Toys whose fits did not converge (still counted, with the value reached).</param>
public sealed record FeldmanCousinsPiece(ulong PlanFingerprint, int Point, int Block, double[] DeltaChi2, int FailedFits)
{
    /// <summary>Writes the piece as JSON (doubles in round-trip form, so <see cref="Read"/> restores every bit).</summary>
    /// <param name="stream">Destination.</param>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("format", "numm-fc-piece/1");
        w.WriteString("plan", PlanFingerprint.ToString("X16", CultureInfo.InvariantCulture));
        w.WriteNumber("point", Point);
        w.WriteNumber("block", Block);
        w.WriteNumber("failedFits", FailedFits);
        w.WriteStartArray("deltaChi2");
        foreach (double v in DeltaChi2) w.WriteNumberValue(v);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a piece written by <see cref="Write"/>.</summary>
    /// <param name="stream">Source.</param>
    /// <param name="source">Name used in error messages (for example the file path).</param>
    /// <exception cref="FormatException">Names the source and the JSON path of the problem.</exception>
    public static FeldmanCousinsPiece Read(Stream stream, string source = "piece")
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(stream); }
        catch (JsonException e) { throw new FormatException($"{source}: not JSON ({e.Message}).", e); }
        using (doc)
        {
            var root = doc.RootElement;
            JsonElement Get(string name, JsonValueKind kind)
            {
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var e))
                    throw new FormatException($"{source}: $.{name}: missing.");
                if (e.ValueKind != kind) throw new FormatException($"{source}: $.{name}: expected {kind}, found {e.ValueKind}.");
                return e;
            }
            if (Get("format", JsonValueKind.String).GetString() != "numm-fc-piece/1")
                throw new FormatException($"{source}: $.format: expected \"numm-fc-piece/1\".");
            if (!ulong.TryParse(Get("plan", JsonValueKind.String).GetString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong plan))
                throw new FormatException($"{source}: $.plan: not a 16-digit hexadecimal fingerprint.");
            int Int(string name) => Get(name, JsonValueKind.Number).TryGetInt32(out int v) && v >= 0 ? v
                : throw new FormatException($"{source}: $.{name}: expected an integer ≥ 0.");
            var arr = Get("deltaChi2", JsonValueKind.Array);
            var values = new double[arr.GetArrayLength()];
            int i = 0;
            foreach (var e in arr.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
                    throw new FormatException($"{source}: $.deltaChi2[{i}]: expected a finite number.");
                i++;
            }
            return new FeldmanCousinsPiece(plan, Int("point"), Int("block"), values, Int("failedFits"));
        }
    }
}
