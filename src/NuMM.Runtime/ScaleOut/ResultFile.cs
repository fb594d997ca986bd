using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Selection.Exact;

namespace NuMM.Runtime.ScaleOut;

/// <summary>A result file (<c>.nummr</c>) of a sharded or single run: provenance, the result's shape as NuMM result JSON,
/// and the exact sums (every expansion component, not rounded doubles), so merged files round to the same bits as one
/// run. Layout (little-endian): magic "NUMMRSLT", u32 version, u64 file length, u32 + provenance JSON, u32 + shape JSON (Brotli),
/// the body (counts, exposure sums, value sums), and an XxHash64 of everything before it. A truncated or damaged file is
/// refused with its name.</summary>
public sealed class ResultFile
{
    private static ReadOnlySpan<byte> Magic => "NUMMRSLT"u8;
    private const uint Version = 1;
    private const byte SpecialMarker = 255;

    private ResultFile(string path, ResultProvenance provenance, byte[] shapeJson, ExactResult sums)
    {
        Path = path;
        Provenance = provenance;
        ShapeJson = shapeJson;
        Sums = sums;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>Where the numbers come from.</summary>
    public ResultProvenance Provenance { get; }

    /// <summary>The result's shape (an empty result) as NuMM result JSON.</summary>
    public byte[] ShapeJson { get; }

    /// <summary>The exact sums.</summary>
    public ExactResult Sums { get; }

    /// <summary>The result, every quantity correctly rounded from its exact sum.</summary>
    public AnalysisResult Result() => Sums.Round();

    /// <summary>Writes a result file atomically (temporary file, then rename).</summary>
    /// <param name="path">The target file.</param>
    /// <param name="provenance">The provenance.</param>
    /// <param name="shapeJson">The shape JSON (<see cref="ResultProvenance.HashShape"/>).</param>
    /// <param name="sums">The exact sums.</param>
    public static void Write(string path, ResultProvenance provenance, byte[] shapeJson, ExactResult sums)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(shapeJson);
        ArgumentNullException.ThrowIfNull(sums);
        var buffer = new MemoryStream();
        var w = new BinaryWriter(buffer);
        w.Write(Magic);
        w.Write(Version);
        w.Write(0L); // file length, filled in below
        var header = new MemoryStream();
        using (var jw = new Utf8JsonWriter(header)) provenance.Write(jw);
        w.Write(checked((int)header.Length));
        w.Write(header.GetBuffer(), 0, (int)header.Length);
        var shape = Compress(shapeJson);
        w.Write(shape.Length);
        w.Write(shape);
        w.Write(sums.Counts.Length);
        foreach (var c in sums.Counts) w.Write(c);
        var components = new List<double>();
        w.Write(sums.Exposures.Count);
        for (int i = 0; i < sums.Exposures.Count; i++)
        {
            w.Write((byte)sums.ExposureKinds[i]);
            WriteSum(w, sums.Exposures, i, components);
        }
        w.Write(sums.Sums.Count);
        for (int i = 0; i < sums.Sums.Count; i++) WriteSum(w, sums.Sums, i, components);
        w.Flush();
        long length = buffer.Length + 8;
        var bytes = buffer.GetBuffer();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12, 8), length);
        ulong hash = XxHash64.HashToUInt64(bytes.AsSpan(0, (int)buffer.Length));
        w.Write(hash);
        w.Flush();
        AtomicFile.Write(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    // The shape block is Brotli-compressed: an empty result's JSON is mostly zeros (a few hundred kB for an analysis with a
    // hundred universes) and every shard carries it.
    private static byte[] Compress(byte[] data)
    {
        var o = new MemoryStream();
        using (var b = new System.IO.Compression.BrotliStream(o, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) b.Write(data);
        return o.ToArray();
    }

    private static byte[] Decompress(ReadOnlySpan<byte> data)
    {
        using var b = new System.IO.Compression.BrotliStream(new MemoryStream(data.ToArray()), System.IO.Compression.CompressionMode.Decompress);
        var o = new MemoryStream();
        b.CopyTo(o);
        return o.ToArray();
    }

    private static void WriteSum(BinaryWriter w, ExactSumArray sums, int i, List<double> components)
    {
        double special = sums.GetComponents(i, components);
        if (special != 0 || double.IsNaN(special)) { w.Write(SpecialMarker); w.Write(special); }
        if (components.Count >= SpecialMarker) throw new InvalidOperationException($"Sum {i} has {components.Count} components; at most {SpecialMarker - 1} are stored.");
        w.Write((byte)components.Count);
        foreach (var c in components) w.Write(c);
    }

    /// <summary>Reads a result file completely.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is not a result file, is truncated or damaged; the message names it.</exception>
    public static ResultFile Read(string path)
    {
        var bytes = ReadChecked(path, out var provenance, out int shapeStart, out int shapeLength, out int body);
        byte[] shapeJson;
        AnalysisResult shape;
        try
        {
            shapeJson = Decompress(bytes.AsSpan(shapeStart, shapeLength));
            shape = AnalysisResultJson.FromJson(Encoding.UTF8.GetString(shapeJson));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidDataException)
        {
            throw new DataFormatException($"{path}: the result shape is malformed: {e.Message}", inner: e);
        }
        var sums = new ExactResult(shape);
        AddBody(bytes, body, sums, path);
        return new ResultFile(path, provenance, shapeJson, sums);
    }

    /// <summary>Reads only the provenance of a result file, checking its magic, version and length (so a truncated file
    /// is reported), not its checksum (checked when the body is read).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is not a result file or is truncated; the message names it.</exception>
    public static ResultProvenance ReadProvenance(string path)
    {
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            var head = new byte[24];
            int got = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (got < 24 || !head.AsSpan(0, 8).SequenceEqual(Magic))
                throw new DataFormatException($"{path}: not a NuMM result file (no NUMMRSLT header){(got < 24 ? $"; it has only {got} bytes" : "")}.");
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(8));
            if (version != Version) throw new DataFormatException($"{path}: result file version {version}; this NuMM reads version {Version}.");
            long length = BinaryPrimitives.ReadInt64LittleEndian(head.AsSpan(12));
            if (length != s.Length)
                throw new DataFormatException(length > s.Length
                    ? $"{path}: truncated: {s.Length} bytes of {length} (the job writing it may have died, or the copy is incomplete)."
                    : $"{path}: {s.Length} bytes but the header says {length}; the file is damaged.");
            int headerLength = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(20));
            if (headerLength < 0 || 24L + headerLength > length - 8) throw new DataFormatException($"{path}: the provenance length {headerLength} does not fit the file.");
            var header = new byte[headerLength];
            s.ReadExactly(header);
            using var doc = JsonDocument.Parse(header);
            return ResultProvenance.Read(doc.RootElement, path);
        }
        catch (JsonException e) { throw new DataFormatException($"{path}: the provenance is not valid JSON: {e.Message}", inner: e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFormatException($"{path}: cannot be read: {e.Message}", inner: e); }
    }

    /// <summary>Reads and checks a file: magic, version, length (truncation) and checksum; returns the bytes and where
    /// the shape JSON and the body start.</summary>
    internal static byte[] ReadChecked(string path, out ResultProvenance provenance, out int shapeStart, out int shapeLength, out int body)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFormatException($"{path}: cannot be read: {e.Message}", inner: e); }
        if (bytes.Length < 28 || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new DataFormatException($"{path}: not a NuMM result file (no NUMMRSLT header){(bytes.Length < 28 ? $"; it has only {bytes.Length} bytes" : "")}.");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (version != Version) throw new DataFormatException($"{path}: result file version {version}; this NuMM reads version {Version}.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (length != bytes.Length)
            throw new DataFormatException(length > bytes.Length
                ? $"{path}: truncated: {bytes.Length} bytes of {length} (the job writing it may have died, or the copy is incomplete)."
                : $"{path}: {bytes.Length} bytes but the header says {length}; the file is damaged.");
        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8));
        if (XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)) != stored)
            throw new DataFormatException($"{path}: checksum mismatch; the file is damaged.");
        int pos = 20;
        int headerLength = Int(bytes, ref pos, path);
        try
        {
            using var doc = JsonDocument.Parse(bytes.AsMemory(pos, headerLength));
            provenance = ResultProvenance.Read(doc.RootElement, path);
        }
        catch (JsonException e) { throw new DataFormatException($"{path}: the provenance is not valid JSON: {e.Message}", inner: e); }
        pos += headerLength;
        shapeLength = Int(bytes, ref pos, path);
        shapeStart = pos;
        body = pos + shapeLength;
        if (body > bytes.Length - 8) throw new DataFormatException($"{path}: the shape runs past the end of the file.");
        return bytes;
    }

    /// <summary>Adds the exact sums stored in a checked file's body to <paramref name="into"/> (which must have the shape
    /// the file was written with).</summary>
    internal static void AddBody(byte[] bytes, int pos, ExactResult into, string path)
    {
        int end = bytes.Length - 8;
        int counts = Int(bytes, ref pos, path);
        if (counts != into.Counts.Length) throw new DataFormatException($"{path}: {counts} counts stored, the analysis has {into.Counts.Length}.");
        Need(pos, 8L * counts, end, path);
        var cs = into.Counts;
        for (int i = 0; i < counts; i++, pos += 8) cs[i] += BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(pos));
        int exposures = Int(bytes, ref pos, path);
        if (exposures != into.Exposures.Count) throw new DataFormatException($"{path}: {exposures} exposures stored, the analysis has {into.Exposures.Count}.");
        for (int i = 0; i < exposures; i++)
        {
            Need(pos, 1, end, path);
            var kind = (ExposureKind)bytes[pos++];
            if (!Enum.IsDefined(kind)) throw new DataFormatException($"{path}: exposure {i} has unknown kind {(int)kind}.");
            into.AddExposureComponent(i, kind, 0); // the kind, also of a shard without exposure of its own
            pos = ReadSum(bytes, pos, end, path, (c) => into.AddExposureComponent(i, kind, c));
        }
        int n = Int(bytes, ref pos, path);
        var sums = into.Sums;
        if (n != sums.Count) throw new DataFormatException($"{path}: {n} sums stored, the analysis has {sums.Count}.");
        for (int i = 0; i < n; i++)
        {
            Need(pos, 1, end, path);
            int c = bytes[pos++];
            if (c == SpecialMarker)
            {
                Need(pos, 9, end, path);
                sums.Add(i, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(pos)));
                pos += 8;
                c = bytes[pos++];
            }
            Need(pos, 8L * c, end, path);
            for (int j = 0; j < c; j++, pos += 8) sums.Add(i, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(pos)));
        }
        if (pos != end) throw new DataFormatException($"{path}: {end - pos} unexpected bytes after the sums.");
    }

    /// <summary>A checked file's body, decoded (for a merge that adds many files' sums in parallel stripes).</summary>
    internal sealed class DecodedBody
    {
        public required long[] Counts { get; init; }
        public required List<(int Slot, ExposureKind Kind, double Component)> Exposures { get; init; }
        /// <summary>Value index of every stored component, ascending.</summary>
        public required int[] Index { get; init; }
        /// <summary>The components (non-finite parts included as ordinary terms).</summary>
        public required double[] Component { get; init; }
    }

    /// <summary>Decodes the body of a checked file for a result with <paramref name="counts"/> counts,
    /// <paramref name="exposures"/> exposure slots and <paramref name="sums"/> sums.</summary>
    internal static DecodedBody Decode(byte[] bytes, int pos, int counts, int exposures, int sums, string path)
    {
        int end = bytes.Length - 8;
        if (Int(bytes, ref pos, path) != counts) throw new DataFormatException($"{path}: the stored counts do not fit the analysis ({counts} expected).");
        Need(pos, 8L * counts, end, path);
        var cs = new long[counts];
        for (int i = 0; i < counts; i++, pos += 8) cs[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(pos));
        if (Int(bytes, ref pos, path) != exposures) throw new DataFormatException($"{path}: the stored exposures do not fit the analysis ({exposures} expected).");
        var ex = new List<(int, ExposureKind, double)>();
        for (int i = 0; i < exposures; i++)
        {
            Need(pos, 1, end, path);
            var kind = (ExposureKind)bytes[pos++];
            if (!Enum.IsDefined(kind)) throw new DataFormatException($"{path}: exposure {i} has unknown kind {(int)kind}.");
            ex.Add((i, kind, 0));
            int slot = i;
            pos = ReadSum(bytes, pos, end, path, c => ex.Add((slot, kind, c)));
        }
        if (Int(bytes, ref pos, path) != sums) throw new DataFormatException($"{path}: the stored sums do not fit the analysis ({sums} expected).");
        var index = new List<int>(sums);
        var comp = new List<double>(sums);
        for (int i = 0; i < sums; i++)
        {
            Need(pos, 1, end, path);
            int c = bytes[pos++];
            if (c == 0) continue;
            if (c == SpecialMarker)
            {
                Need(pos, 9, end, path);
                index.Add(i); comp.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(pos)));
                pos += 8;
                c = bytes[pos++];
            }
            Need(pos, 8L * c, end, path);
            for (int j = 0; j < c; j++, pos += 8) { index.Add(i); comp.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(pos))); }
        }
        if (pos != end) throw new DataFormatException($"{path}: {end - pos} unexpected bytes after the sums.");
        return new DecodedBody { Counts = cs, Exposures = ex, Index = index.ToArray(), Component = comp.ToArray() };
    }

    private static int ReadSum(byte[] bytes, int pos, int end, string path, Action<double> add)
    {
        Need(pos, 1, end, path);
        int c = bytes[pos++];
        if (c == SpecialMarker)
        {
            Need(pos, 9, end, path);
            add(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(pos)));
            pos += 8;
            c = bytes[pos++];
        }
        Need(pos, 8L * c, end, path);
        for (int j = 0; j < c; j++, pos += 8) add(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(pos)));
        return pos;
    }

    private static int Int(byte[] bytes, ref int pos, string path)
    {
        Need(pos, 4, bytes.Length - 8, path);
        int v = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos));
        pos += 4;
        if (v < 0) throw new DataFormatException($"{path}: negative length {v} at byte {pos - 4}.");
        return v;
    }

    private static void Need(int pos, long bytes, int end, string path)
    {
        if (pos + bytes > end) throw new DataFormatException($"{path}: the body ends early (byte {pos} needs {bytes} more of {end}).");
    }
}
