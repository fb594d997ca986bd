using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NuMM.Runtime.ScaleOut;

/// <summary>The folder of one submitted split job: <c>scaleout.json</c> (what runs, how many pieces, the options each
/// piece gets, the batch-system job ids), the generated batch script, <c>logs/</c>, <c>pieces/</c> and the merged result.</summary>
public sealed class WorkFolder
{
    private const string Format = "numm-scaleout-1";

    /// <summary>The folder (absolute).</summary>
    public required string Path { get; init; }
    /// <summary>The job's name.</summary>
    public required string Job { get; init; }
    /// <summary>Number of pieces (array tasks).</summary>
    public required int Pieces { get; init; }
    /// <summary>The command that runs the analysis program (executable and leading arguments).</summary>
    public required IReadOnlyList<string> Program { get; init; }
    /// <summary>Options every piece runs with.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }
    /// <summary>The piece files' extension.</summary>
    public required string Extension { get; init; }
    /// <summary>"slurm" or "condor".</summary>
    public required string Scheduler { get; init; }
    /// <summary>Batch-system job ids, oldest first (a resubmission adds one).</summary>
    public List<string> JobIds { get; init; } = new();

    /// <summary>The manifest file.</summary>
    public string ManifestPath => System.IO.Path.Combine(Path, "scaleout.json");

    /// <summary>Piece <paramref name="i"/>'s result file.</summary>
    public string PieceFile(int i) => System.IO.Path.Combine(Path, "pieces", string.Create(CultureInfo.InvariantCulture, $"piece-{i:D5}-of-{Pieces:D5}{Extension}"));

    /// <summary>The merged result file.</summary>
    public string MergedFile => System.IO.Path.Combine(Path, "merged" + Extension);

    /// <summary>The folder of the batch jobs' logs.</summary>
    public string LogFolder => System.IO.Path.Combine(Path, "logs");

    /// <summary>Writes the manifest (atomically).</summary>
    public void Save()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("job", Job);
            w.WriteNumber("pieces", Pieces);
            w.WriteString("extension", Extension);
            w.WriteString("scheduler", Scheduler);
            w.WriteStartArray("program");
            foreach (var p in Program) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteStartObject("options");
            foreach (var (k, v) in Options) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteStartArray("jobIds");
            foreach (var j in JobIds) w.WriteStringValue(j);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        AtomicFile.Write(ManifestPath, buffer.ToArray());
    }

    /// <summary>Reads the manifest of <paramref name="folder"/>.</summary>
    /// <exception cref="FormatException">Missing or malformed; the message names the file.</exception>
    public static WorkFolder Load(string folder)
    {
        string full = System.IO.Path.GetFullPath(folder);
        string manifest = System.IO.Path.Combine(full, "scaleout.json");
        if (!File.Exists(manifest)) throw new FormatException($"{manifest} does not exist; is {full} a work folder made by 'submit'?");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var r = doc.RootElement;
            if (r.GetProperty("format").GetString() != Format) throw new FormatException($"{manifest}: $.format is not {Format}.");
            return new WorkFolder
            {
                Path = full,
                Job = r.GetProperty("job").GetString()!,
                Pieces = r.GetProperty("pieces").GetInt32(),
                Extension = r.GetProperty("extension").GetString()!,
                Scheduler = r.GetProperty("scheduler").GetString()!,
                Program = r.GetProperty("program").EnumerateArray().Select(e => e.GetString()!).ToList(),
                Options = r.GetProperty("options").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                JobIds = r.GetProperty("jobIds").EnumerateArray().Select(e => e.GetString()!).ToList(),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{manifest}: malformed manifest: {e.Message}", e);
        }
    }

    /// <summary>Quotes an argument for a POSIX shell.</summary>
    public static string ShellQuote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The program command, quoted for a shell.</summary>
    public string ProgramCommand() => string.Join(' ', Program.Select(ShellQuote));

    /// <summary>"0-3,7" for the array option of sbatch.</summary>
    public static string ArrayList(IReadOnlyList<int> indices) => ResultMerger.Describe(indices);

    internal static string Text(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }
}
