using System;
using System.Collections.Generic;
using System.Globalization;

namespace NuMM.Runtime.ScaleOut;

/// <summary>A parsed command line: <c>--name value</c> options (a repeated option keeps every value), <c>--flag</c>
/// switches, and positional arguments.</summary>
public sealed class ScaleOutArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownFlags;

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="flags"/> take no value.</summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="flags">Switch names (without dashes).</param>
    /// <exception cref="ArgumentException">An option lacks its value.</exception>
    public ScaleOutArguments(IReadOnlyList<string> args, IEnumerable<string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        _knownFlags = new HashSet<string>(flags, StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                string name = a[2..];
                int eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) { Add(name[..eq], name[(eq + 1)..]); continue; }
                if (_knownFlags.Contains(name)) { _flags.Add(name); continue; }
                if (i + 1 >= args.Count) throw new ArgumentException($"Option --{name} needs a value.");
                Add(name, args[++i]);
            }
            else Positional.Add(a);
        }
    }

    /// <summary>Builds arguments from stored options (the work folder's manifest) plus extra ones.</summary>
    /// <param name="stored">Options stored at submission.</param>
    public ScaleOutArguments WithStored(IReadOnlyDictionary<string, string> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var (k, v) in stored) if (!_options.ContainsKey(k)) Add(k, v);
        return this;
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var list)) _options[name] = list = new List<string>();
        list.Add(value);
    }

    /// <summary>The positional arguments.</summary>
    public List<string> Positional { get; } = new();

    /// <summary>True when the switch was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The last value of an option, or null.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out var l) ? l[^1] : null;

    /// <summary>Every value of a repeated option.</summary>
    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var l) ? l : [];

    /// <summary>An integer option.</summary>
    /// <exception cref="ArgumentException">Not an integer within [min, max].</exception>
    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        string? s = Get(name);
        if (s == null) return fallback;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
            throw new ArgumentException($"--{name} must be an integer in [{min}, {max}]; got '{s}'.");
        return v;
    }

    /// <summary>A number option.</summary>
    /// <exception cref="ArgumentException">Not a finite number.</exception>
    public double? Double(string name)
    {
        string? s = Get(name);
        if (s == null) return null;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new ArgumentException($"--{name} must be a finite number; got '{s}'.");
        return v;
    }

    /// <summary>Parses "i/N" (a piece of a split).</summary>
    /// <exception cref="ArgumentException">Malformed, or i outside [0, N).</exception>
    public static (int Index, int Count) ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1 || i < 0 || i >= n)
            throw new ArgumentException($"--shard must be i/N with 0 ≤ i < N; got '{text}'.");
        return (i, n);
    }
}
