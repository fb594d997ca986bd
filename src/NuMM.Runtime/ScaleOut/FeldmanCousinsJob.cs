using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NuMM.Runtime.Data;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;

namespace NuMM.Runtime.ScaleOut;

/// <summary>A Feldman–Cousins construction split over array tasks: the plan's (point, toy block) pieces
/// (<see cref="FeldmanCousins.Plan"/>, blocks of <see cref="FeldmanCousinsOptions.ToysPerBlock"/> toys) numbered
/// point-major, and task i of N computes pieces [⌊iP/N⌋, ⌊(i+1)P/N⌋) with <see cref="FeldmanCousins.ComputePiece"/>.
/// Every toy's random stream depends only on (seed, point, toy), so <see cref="FeldmanCousins.Combine"/> of all pieces
/// gives the belt of <see cref="FeldmanCousins.Run"/>. Task files (<c>.nummfc</c>: length, plan fingerprint, the pieces
/// as NuMM piece JSON, XxHash64) are refused when they do not fit together.</summary>
/// <param name="likelihood">Creates the measurement on the observed data.</param>
/// <param name="parameter">Parameter of interest.</param>
/// <param name="points">Scan points, increasing.</param>
/// <param name="options">Settings (toys, seed, confidence level).</param>
public sealed class FeldmanCousinsJob(Func<IGenerativeObjective> likelihood, string parameter, IReadOnlyList<double> points, FeldmanCousinsOptions options) : IScaleOutJob
{
    private static ReadOnlySpan<byte> Magic => "NUMMFCPC"u8;

    /// <inheritdoc/>
    public string Name { get; init; } = "fc";

    /// <inheritdoc/>
    public string FileExtension => ".nummfc";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Configure(ScaleOutArguments args, string workFolder, int pieces)
    {
        var stored = new Dictionary<string, string>();
        if (args.Get("threads") is { } t) stored["threads"] = t;
        return stored;
    }

    /// <summary>The plan's piece indices that array task <paramref name="task"/> of <paramref name="tasks"/> computes.</summary>
    public static (int First, int Stop) Units(FeldmanCousinsPlan plan, int task, int tasks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long total = plan.PieceCount;
        return ((int)(total * task / tasks), (int)(total * (task + 1) / tasks));
    }

    private FeldmanCousinsPlan Plan() => FeldmanCousins.Plan(likelihood(), parameter, points, options);

    /// <inheritdoc/>
    public void RunPiece(ScaleOutArguments args, int piece, int pieces, string output, TextWriter log)
    {
        int threads = args.Int("threads", -1, -1);
        var plan = Plan();
        var (first, stop) = Units(plan, piece, pieces);
        var computed = new FeldmanCousinsPiece[stop - first];
        Parallel.For(first, stop, new ParallelOptions { MaxDegreeOfParallelism = threads == 0 ? -1 : threads }, u =>
        {
            var (point, block) = plan.PieceAt(u);
            computed[u - first] = FeldmanCousins.ComputePiece(plan, point, block);
        });
        var header = new MemoryStream();
        using (var w = new Utf8JsonWriter(header))
        {
            w.WriteStartObject();
            w.WriteString("plan", plan.Fingerprint.ToString("X16", CultureInfo.InvariantCulture));
            w.WriteString("nummVersion", ResultProvenance.CurrentVersion);
            w.WriteNumber("task", piece);
            w.WriteNumber("tasks", pieces);
            w.WriteNumber("first", first);
            w.WriteNumber("stop", stop);
            w.WriteEndObject();
        }
        var body = new MemoryStream();
        var bw = new BinaryWriter(body);
        bw.Write(Magic);
        bw.Write(0L); // length
        bw.Write((int)header.Length);
        bw.Write(header.GetBuffer(), 0, (int)header.Length);
        foreach (var c in computed)
        {
            var one = new MemoryStream();
            c.Write(one);
            bw.Write((int)one.Length);
            bw.Write(one.GetBuffer(), 0, (int)one.Length);
        }
        bw.Flush();
        var bytes = body.GetBuffer();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), body.Length + 8);
        bw.Write(XxHash64.HashToUInt64(bytes.AsSpan(0, (int)body.Length)));
        bw.Flush();
        AtomicFile.Write(output, body.GetBuffer().AsSpan(0, (int)body.Length));
        log.WriteLine($"Feldman–Cousins task {piece}/{pieces}: pieces {first}..{stop - 1} of {plan.PieceCount} ({computed.Sum(c => c.DeltaChi2.Length)} toys) -> {output}");
    }

    private sealed record TaskFile(string Path, string Plan, int Index, int Tasks, int First, int Stop, byte[] Bytes, int Body);

    private static TaskFile ReadTask(string path, bool headerOnly)
    {
        byte[] bytes;
        try { bytes = headerOnly ? ReadPrefix(path) : File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFormatException($"{path}: cannot be read: {e.Message}", inner: e); }
        if (bytes.Length < 20 || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) throw new DataFormatException($"{path}: not a NuMM Feldman–Cousins task file.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        long actual = headerOnly ? new FileInfo(path).Length : bytes.Length;
        if (length != actual)
            throw new DataFormatException(length > actual ? $"{path}: truncated: {actual} bytes of {length}." : $"{path}: {actual} bytes but the header says {length}; the file is damaged.");
        if (!headerOnly && XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8)))
            throw new DataFormatException($"{path}: checksum mismatch; the file is damaged.");
        int hl = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16));
        if (hl < 0 || 20L + hl > bytes.Length) throw new DataFormatException($"{path}: the header length {hl} does not fit the file.");
        try
        {
            using var doc = JsonDocument.Parse(bytes.AsMemory(20, hl));
            var r = doc.RootElement;
            return new TaskFile(path, r.GetProperty("plan").GetString()!, r.GetProperty("task").GetInt32(), r.GetProperty("tasks").GetInt32(),
                r.GetProperty("first").GetInt32(), r.GetProperty("stop").GetInt32(), bytes, 20 + hl);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException($"{path}: malformed header: {e.Message}", inner: e);
        }
    }

    private static byte[] ReadPrefix(string path)
    {
        using var s = File.OpenRead(path);
        var head = new byte[20];
        int got = s.ReadAtLeast(head, 20, throwOnEndOfStream: false);
        if (got < 20) return head[..got];
        int hl = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(16));
        if (hl < 0 || hl > s.Length - 20) return head;
        var all = new byte[20 + hl];
        head.CopyTo(all, 0);
        s.ReadExactly(all.AsSpan(20));
        return all;
    }

    /// <summary>Merges task files into the belt (refusing files of another plan, duplicated, missing or damaged ones).</summary>
    /// <param name="files">The task files.</param>
    public FeldmanCousinsResult MergeBelt(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new MergeException("Nothing to merge: no task files given.");
        var plan = Plan();
        string fingerprint = plan.Fingerprint.ToString("X16", CultureInfo.InvariantCulture);
        var tasks = files.Select(f => ReadTask(f, headerOnly: true)).ToList();
        foreach (var t in tasks)
            if (t.Plan != fingerprint) throw new MergeException($"{t.Path}: computed from another plan ({t.Plan}, this construction is {fingerprint}): points, settings or data differ.");
        int n = tasks[0].Tasks;
        var byIndex = new TaskFile?[n];
        foreach (var t in tasks)
        {
            if (t.Tasks != n) throw new MergeException($"{t.Path}: one of {t.Tasks} tasks, but {tasks[0].Path} is one of {n}.");
            if (t.Index < 0 || t.Index >= n) throw new MergeException($"{t.Path}: task {t.Index} is outside [0, {n}).");
            if (byIndex[t.Index] is { } other) throw new MergeException($"{t.Path}: duplicated task {t.Index}/{n}; {other.Path} is the same task.");
            byIndex[t.Index] = t;
        }
        var missing = Enumerable.Range(0, n).Where(i => byIndex[i] == null).ToList();
        if (missing.Count > 0) throw new MergeException($"Missing task{(missing.Count > 1 ? "s" : "")} {ResultMerger.Describe(missing)} of {n}.");
        var all = new List<FeldmanCousinsPiece>();
        for (int i = 0; i < n; i++)
        {
            var t = ReadTask(byIndex[i]!.Path, headerOnly: false);
            if ((t.First, t.Stop) != Units(plan, i, n)) throw new MergeException($"{t.Path}: holds pieces {t.First}..{t.Stop - 1}, but task {i}/{n} of this plan is {Units(plan, i, n)}.");
            int pos = t.Body, end = t.Bytes.Length - 8;
            for (int u = t.First; u < t.Stop; u++)
            {
                if (pos + 4 > end) throw new DataFormatException($"{t.Path}: piece {u} is missing from the file.");
                int len = BinaryPrimitives.ReadInt32LittleEndian(t.Bytes.AsSpan(pos));
                if (len < 0 || pos + 4L + len > end) throw new DataFormatException($"{t.Path}: piece {u} runs past the end of the file.");
                FeldmanCousinsPiece piece;
                try { piece = FeldmanCousinsPiece.Read(new MemoryStream(t.Bytes, pos + 4, len), $"{t.Path} piece {u}"); }
                catch (FormatException e) { throw new DataFormatException(e.Message, inner: e); }
                if ((piece.Point, piece.Block) != plan.PieceAt(u)) throw new MergeException($"{t.Path}: piece {u} is (point {piece.Point}, block {piece.Block}), expected {plan.PieceAt(u)}.");
                all.Add(piece);
                pos += 4 + len;
            }
        }
        return FeldmanCousins.Combine(plan, all);
    }

    /// <inheritdoc/>
    public string Merge(IReadOnlyList<string> files, string output)
    {
        var belt = MergeBelt(files);
        AtomicFile.Write(output, Encoding.UTF8.GetBytes(BeltJson(belt)));
        return $"Feldman–Cousins: merged {files.Count} piece(s): {belt.Parameter} ∈ [{belt.Lower.ToString("R", CultureInfo.InvariantCulture)}, {belt.Upper.ToString("R", CultureInfo.InvariantCulture)}] at {belt.ConfidenceLevel:P0} CL -> {output}";
    }

    /// <summary>The belt as JSON (every number round-trips exactly): per point the value, data Δχ², critical Δχ², acceptance
    /// and failed toy fits; the interval.</summary>
    /// <param name="belt">A construction's result.</param>
    public static string BeltJson(FeldmanCousinsResult belt)
    {
        ArgumentNullException.ThrowIfNull(belt);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", "numm-feldman-cousins-belt-1");
            w.WriteString("parameter", belt.Parameter);
            w.WriteNumber("confidenceLevel", belt.ConfidenceLevel);
            Number(w, "lower", belt.Lower);
            Number(w, "upper", belt.Upper);
            w.WriteStartArray("points");
            foreach (var p in belt.Points)
            {
                w.WriteStartObject();
                w.WriteNumber("value", p.Value);
                Number(w, "dataDeltaChi2", p.DataDeltaChi2);
                Number(w, "criticalDeltaChi2", p.CriticalDeltaChi2);
                w.WriteBoolean("accepted", p.Accepted);
                w.WriteNumber("failedToyFits", p.FailedToyFits);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteString(name, v.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public bool IsComplete(string file, int piece, int pieces)
    {
        if (!File.Exists(file)) return false;
        try
        {
            var t = ReadTask(file, headerOnly: true);
            return t.Index == piece && t.Tasks == pieces;
        }
        catch (DataFormatException) { return false; }
    }
}
