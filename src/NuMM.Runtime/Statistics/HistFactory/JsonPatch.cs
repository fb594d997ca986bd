using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace NuMM.Runtime.Statistics.HistFactory;

/// <summary>JSON Patch (RFC 6902: add, remove, replace, move, copy, test) with JSON Pointers (RFC 6901), as pyhf's signal
/// patches use. Patches apply to a copy; a failing operation throws <see cref="HistFactoryFormatException"/> naming the
/// operation's index and path, and the input is left untouched.</summary>
public static class JsonPatch
{
    /// <summary>Applies a list of operations to a copy of <paramref name="document"/>.</summary>
    /// <param name="document">The document (not modified).</param>
    /// <param name="operations">A JSON array of operations.</param>
    /// <param name="source">Name of the patch in error messages.</param>
    /// <returns>The patched copy.</returns>
    public static JsonNode? Apply(JsonNode? document, JsonArray operations, string source = "patch")
    {
        ArgumentNullException.ThrowIfNull(operations);
        var doc = document?.DeepClone();
        for (int i = 0; i < operations.Count; i++)
        {
            string at = $"$[{i}]";
            if (operations[i] is not JsonObject op) throw Fail(source, $"{at}: expected an operation object");
            string kind = Get(op, "op", at, source), path = Get(op, "path", at, source);
            try
            {
                switch (kind)
                {
                    case "add": doc = Add(doc, path, Value(op, at, source)); break;
                    case "remove": doc = Remove(doc, path, out _); break;
                    case "replace": doc = Remove(doc, path, out _); doc = Add(doc, path, Value(op, at, source)); break;
                    case "move":
                        {
                            string from = Get(op, "from", at, source);
                            doc = Remove(doc, from, out var moved);
                            doc = Add(doc, path, moved);
                            break;
                        }
                    case "copy": doc = Add(doc, path, Resolve(doc, Get(op, "from", at, source))?.DeepClone()); break;
                    case "test":
                        if (!JsonNode.DeepEquals(Resolve(doc, path), Value(op, at, source)))
                            throw new InvalidOperationException($"value at '{path}' differs from the tested value");
                        break;
                    default: throw Fail(source, $"{at}.op: unknown operation '{kind}' (expected add, remove, replace, move, copy or test)");
                }
            }
            catch (InvalidOperationException e) { throw Fail(source, $"{at} ({kind} {path}): {e.Message}"); }
        }
        return doc;
    }

    /// <summary>The operations of a patch file: the file itself when it is a list of operations, or one patch of a pyhf
    /// patchset (an object with "patches", each with metadata.name and "patch").</summary>
    /// <param name="patchFile">Parsed patch file.</param>
    /// <param name="source">File name for messages.</param>
    /// <param name="name">Patch name within a patchset (may be null when the set holds one patch).</param>
    public static JsonArray Select(JsonNode? patchFile, string source, string? name)
    {
        if (patchFile is JsonArray ops) return ops;
        if (patchFile is JsonObject o && o["patches"] is JsonArray patches)
        {
            var names = patches.Select(x => x?["metadata"]?["name"]?.GetValue<string>() ?? "").ToArray();
            int k = name is null ? (patches.Count == 1 ? 0 : -1) : Array.IndexOf(names, name);
            if (k < 0)
                throw Fail(source, name is null ? $"$.patches: the patchset holds {patches.Count} patches ({string.Join(", ", names)}); name the one to apply"
                    : $"$.patches: no patch named '{name}'; patches are: {string.Join(", ", names)}");
            if (patches[k]?["patch"] is JsonArray chosen) return chosen;
            throw Fail(source, $"$.patches[{k}].patch: expected a list of operations");
        }
        throw Fail(source, "$: expected a list of JSON-Patch operations or a pyhf patchset");
    }

    private static JsonNode? Value(JsonObject op, string at, string source) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw Fail(source, $"{at}.value: missing");

    private static string Get(JsonObject op, string key, string at, string source) =>
        op[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Fail(source, $"{at}.{key}: missing or not a string");

    private static HistFactoryFormatException Fail(string source, string problem) => new(source, [problem]);

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (pointer[0] != '/') throw new InvalidOperationException($"'{pointer}' is not a JSON pointer (must start with '/')");
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    private static JsonNode? Resolve(JsonNode? doc, string pointer)
    {
        var node = doc;
        foreach (var t in Tokens(pointer))
            node = node switch
            {
                JsonObject o when o.ContainsKey(t) => o[t],
                JsonArray a when int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < a.Count => a[i],
                _ => throw new InvalidOperationException($"'{pointer}' does not exist (at '{t}')"),
            };
        return node;
    }

    private static JsonNode? Parent(JsonNode? doc, string[] tokens)
    {
        var node = doc;
        foreach (var t in tokens[..^1])
            node = node switch
            {
                JsonObject o when o.ContainsKey(t) => o[t],
                JsonArray a when int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < a.Count => a[i],
                _ => throw new InvalidOperationException($"'{t}' does not exist"),
            };
        return node;
    }

    private static JsonNode? Add(JsonNode? doc, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) return value;
        var parent = Parent(doc, tokens);
        string last = tokens[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a:
                if (last == "-") a.Add(value);
                else if (int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i <= a.Count) a.Insert(i, value);
                else throw new InvalidOperationException($"index '{last}' is outside the list of {a.Count}");
                break;
            default: throw new InvalidOperationException("the parent is not an object or a list");
        }
        return doc;
    }

    private static JsonNode? Remove(JsonNode? doc, string pointer, out JsonNode? removed)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) throw new InvalidOperationException("cannot remove the whole document");
        var parent = Parent(doc, tokens);
        string last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last): removed = o[last]; o.Remove(last); break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < a.Count: removed = a[i]; a.RemoveAt(i); break;
            default: throw new InvalidOperationException($"'{pointer}' does not exist");
        }
        return doc;
    }
}
