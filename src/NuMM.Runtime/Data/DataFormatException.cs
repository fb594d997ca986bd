using System;
using System.Globalization;
using System.Text;

namespace NuMM.Runtime.Data;

/// <summary>Thrown when an input file (ROOT, NuMM columnar, .npz, CSV) is malformed, truncated, or does not
/// match what the schema asks for. The message names the file, the object (tree, branch or column), the
/// entry or byte offset where the problem was found, and what was expected.</summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception; the full message is composed from every location given.</summary>
    /// <param name="message">What is wrong and what was expected (for example "expected magic 'root', found 'abcd'").</param>
    /// <param name="file">The path of the file being read, when known.</param>
    /// <param name="objectName">The tree, branch or column concerned, when known.</param>
    /// <param name="entry">The entry (event, row) index concerned, when known.</param>
    /// <param name="byteOffset">The byte offset in the file where the problem was found, when known.</param>
    /// <param name="inner">The underlying exception, when there is one.</param>
    public DataFormatException(string message, string? file = null, string? objectName = null, long? entry = null,
        long? byteOffset = null, Exception? inner = null)
        : base(Compose(message, file, objectName, entry, byteOffset), inner)
    {
        File = file;
        ObjectName = objectName;
        Entry = entry;
        ByteOffset = byteOffset;
    }

    /// <summary>The path of the file being read, or null when unknown.</summary>
    public string? File { get; }

    /// <summary>The tree, branch or column concerned, or null when unknown.</summary>
    public string? ObjectName { get; }

    /// <summary>The entry (event, row) index concerned, or null when unknown.</summary>
    public long? Entry { get; }

    /// <summary>The byte offset in the file where the problem was found, or null when unknown.</summary>
    public long? ByteOffset { get; }

    private static string Compose(string message, string? file, string? objectName, long? entry, long? byteOffset)
    {
        var sb = new StringBuilder(message ?? "Malformed input.");
        var parts = new StringBuilder();
        if (file is not null) parts.Append(CultureInfo.InvariantCulture, $"file '{file}'");
        if (objectName is not null) Append(parts, $"object '{objectName}'");
        if (entry is not null) Append(parts, string.Create(CultureInfo.InvariantCulture, $"entry {entry.Value}"));
        if (byteOffset is not null) Append(parts, string.Create(CultureInfo.InvariantCulture, $"byte offset {byteOffset.Value}"));
        if (parts.Length > 0) sb.Append(" (").Append(parts).Append(')');
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string s)
    {
        if (sb.Length > 0) sb.Append(", ");
        sb.Append(s);
    }
}
