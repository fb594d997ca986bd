using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NuMM.Generators.Model;

namespace NuMM.Generators.Feasibility;

/// <summary>The values of one C# type in numeric order, as doubles: every int, every float, every double (NaN apart;
/// −0 and +0 are one point, as every comparison treats them). A value's <em>key</em> is its position in that order
/// (a long), so "the next float after x" is key + 1 and a monotone function can be searched by bisection.</summary>
internal static class Domain
{
    public static bool HasNaN(ValType t) => t is ValType.Float or ValType.Double;

    public static double Min(ValType t) => t switch
    {
        ValType.Int => int.MinValue,
        ValType.Bool => 0,
        _ => double.NegativeInfinity,
    };

    public static double Max(ValType t) => t switch
    {
        ValType.Int => int.MaxValue,
        ValType.Bool => 1,
        _ => double.PositiveInfinity,
    };

    /// <summary>The key of domain value <paramref name="x"/> (not NaN; −0 and +0 share key 0).</summary>
    public static long Key(ValType t, double x)
    {
        switch (t)
        {
            case ValType.Double:
                return x >= 0 ? BitConverter.DoubleToInt64Bits(x == 0 ? 0.0 : x) : -BitConverter.DoubleToInt64Bits(-x);
            case ValType.Float:
                return x >= 0 ? FloatBits((float)(x == 0 ? 0.0 : x)) : -(long)FloatBits((float)-x);
            default:
                return (long)x;
        }
    }

    /// <summary>The domain value with key <paramref name="k"/>.</summary>
    public static double FromKey(ValType t, long k)
    {
        switch (t)
        {
            case ValType.Double:
                return k >= 0 ? BitConverter.Int64BitsToDouble(k) : -BitConverter.Int64BitsToDouble(-k);
            case ValType.Float:
                return k >= 0 ? BitsFloat((int)k) : -(double)BitsFloat((int)-k);
            default:
                return k;
        }
    }

    public static long MinKey(ValType t) => Key(t, Min(t));

    public static long MaxKey(ValType t) => Key(t, Max(t));

    /// <summary>The smallest domain value ≥ <paramref name="x"/> (x not NaN), or null when there is none.</summary>
    public static double? Up(ValType t, double x)
    {
        switch (t)
        {
            case ValType.Double:
                return x;
            case ValType.Float:
            {
                double f = (float)x;
                if (f < x) f = FromKey(t, Key(t, f) + 1);
                return f;
            }
            default:
            {
                double c = Math.Ceiling(x);
                if (c > Max(t)) return null;
                return Math.Max(c, Min(t));
            }
        }
    }

    /// <summary>The largest domain value ≤ <paramref name="x"/> (x not NaN), or null when there is none.</summary>
    public static double? Down(ValType t, double x)
    {
        switch (t)
        {
            case ValType.Double:
                return x;
            case ValType.Float:
            {
                double f = (float)x;
                if (f > x) f = FromKey(t, Key(t, f) - 1);
                return f;
            }
            default:
            {
                double c = Math.Floor(x);
                if (c < Min(t)) return null;
                return Math.Min(c, Max(t));
            }
        }
    }

    /// <summary>The smallest domain value &gt; <paramref name="x"/>, or null.</summary>
    public static double? Above(ValType t, double x)
    {
        if (Up(t, x) is not { } u) return null;
        if (u > x) return u;
        return u >= Max(t) ? null : FromKey(t, Key(t, u) + 1);
    }

    /// <summary>The largest domain value &lt; <paramref name="x"/>, or null.</summary>
    public static double? Below(ValType t, double x)
    {
        if (Down(t, x) is not { } d) return null;
        if (d < x) return d;
        return d <= Min(t) ? null : FromKey(t, Key(t, d) - 1);
    }

    private static int FloatBits(float f) => new FloatIntUnion { F = f }.I;

    private static float BitsFloat(int i) => new FloatIntUnion { I = i }.F;

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)]
    private struct FloatIntUnion
    {
        [System.Runtime.InteropServices.FieldOffset(0)] public float F;
        [System.Runtime.InteropServices.FieldOffset(0)] public int I;
    }
}

/// <summary>A set of values of one type: disjoint closed ranges of domain values in increasing order, and NaN or not.
/// Complements are exact (the complement of "x &lt; 1" holds NaN), so negations can be pushed down to comparisons.</summary>
internal sealed class ValueSet
{
    private ValueSet(ValType type, List<(double Lo, double Hi)> ranges, bool nan)
    {
        Type = type;
        Ranges = ranges;
        NaN = nan && Domain.HasNaN(type);
    }

    public ValType Type { get; }
    public IReadOnlyList<(double Lo, double Hi)> Ranges { get; }
    public bool NaN { get; }

    public bool IsEmpty => Ranges.Count == 0 && !NaN;

    public bool IsFull => !(NaN != Domain.HasNaN(Type)) && Ranges.Count == 1 && Ranges[0].Lo <= Domain.Min(Type) && Ranges[0].Hi >= Domain.Max(Type);

    public static ValueSet Empty(ValType t) => new(t, new List<(double, double)>(), false);

    public static ValueSet Full(ValType t) => new(t, new List<(double, double)> { (Domain.Min(t), Domain.Max(t)) }, true);

    public static ValueSet OnlyNaN(ValType t) => new(t, new List<(double, double)>(), true);

    /// <summary>The domain values in [lo, hi] (bounds need not be domain values), with NaN when <paramref name="nan"/>.</summary>
    public static ValueSet Range(ValType t, double lo, double hi, bool nan = false) => Build(t, new List<(double, double)> { (lo, hi) }, nan);

    /// <summary>Normalises ranges: snaps bounds inward to domain values, drops empty ones, sorts and merges.</summary>
    public static ValueSet Build(ValType t, List<(double Lo, double Hi)> raw, bool nan)
    {
        var snapped = new List<(double Lo, double Hi)>();
        foreach (var (lo0, hi0) in raw)
        {
            if (double.IsNaN(lo0) || double.IsNaN(hi0)) throw new ArgumentException("NaN range bound");
            if (Domain.Up(t, lo0) is not { } lo || Domain.Down(t, hi0) is not { } hi || lo > hi) continue;
            snapped.Add((lo, hi));
        }
        snapped.Sort((a, b) => a.Lo.CompareTo(b.Lo));
        var merged = new List<(double Lo, double Hi)>();
        foreach (var r in snapped)
        {
            if (merged.Count > 0)
            {
                var last = merged[merged.Count - 1];
                // Overlapping or adjacent (no domain value between them): one range.
                if (r.Lo <= last.Hi || Domain.Key(t, r.Lo) <= Domain.Key(t, last.Hi) + 1)
                {
                    merged[merged.Count - 1] = (last.Lo, Math.Max(last.Hi, r.Hi));
                    continue;
                }
            }
            merged.Add(r);
        }
        return new ValueSet(t, merged, nan);
    }

    /// <summary>The values <c>x</c> of type <paramref name="t"/> for which <c>x op c</c> is true in C#
    /// (comparisons with NaN are false, except <c>!=</c>, which is true).</summary>
    public static ValueSet Compare(ValType t, CmpOp op, double c)
    {
        if (double.IsNaN(c)) return op == CmpOp.Ne ? Full(t) : Empty(t);
        double min = Domain.Min(t), max = Domain.Max(t);
        switch (op)
        {
            case CmpOp.Lt: return Domain.Below(t, c) is { } b ? Range(t, min, b) : Empty(t);
            case CmpOp.Le: return Range(t, min, c);
            case CmpOp.Gt: return Domain.Above(t, c) is { } a ? Range(t, a, max) : Empty(t);
            case CmpOp.Ge: return Range(t, c, max);
            case CmpOp.Eq: return Range(t, c, c);
            default: return Range(t, c, c).Complement();
        }
    }

    public bool Contains(double x)
    {
        if (double.IsNaN(x)) return NaN;
        foreach (var (lo, hi) in Ranges) if (lo <= x && x <= hi) return true;
        return false;
    }

    public ValueSet Complement()
    {
        var t = Type;
        var result = new List<(double, double)>();
        double? cur = Domain.Min(t);
        foreach (var (lo, hi) in Ranges)
        {
            if (cur is { } c && lo > c && Domain.Below(t, lo) is { } b) result.Add((c, b));
            cur = Domain.Above(t, hi);
            if (cur is null) break;
        }
        if (cur is { } last) result.Add((last, Domain.Max(t)));
        return Build(t, result, !NaN);
    }

    public ValueSet Intersect(ValueSet o)
    {
        Check(o);
        var result = new List<(double, double)>();
        foreach (var (a, b) in Ranges)
            foreach (var (c, d) in o.Ranges)
            {
                double lo = Math.Max(a, c), hi = Math.Min(b, d);
                if (lo <= hi) result.Add((lo, hi));
            }
        return Build(Type, result, NaN && o.NaN);
    }

    public ValueSet Union(ValueSet o)
    {
        Check(o);
        var result = new List<(double, double)>(Ranges);
        result.AddRange(o.Ranges);
        return Build(Type, result, NaN || o.NaN);
    }

    /// <summary>{−x : x in this set} (exact for float and double).</summary>
    public ValueSet Reflect()
    {
        var result = new List<(double, double)>();
        foreach (var (lo, hi) in Ranges) result.Add((-hi, -lo));
        return Build(Type, result, NaN);
    }

    private void Check(ValueSet o)
    {
        if (o.Type != Type) throw new ArgumentException($"value sets of {Type} and {o.Type}");
    }

    public override string ToString()
    {
        if (IsEmpty) return "no value";
        var parts = new List<string>();
        foreach (var (lo, hi) in Ranges)
        {
            if (lo == hi) parts.Add(Text(lo));
            else if (lo <= Domain.Min(Type)) parts.Add("≤ " + Text(hi));
            else if (hi >= Domain.Max(Type)) parts.Add("≥ " + Text(lo));
            else parts.Add($"[{Text(lo)}, {Text(hi)}]");
        }
        if (NaN) parts.Add("NaN");
        return string.Join(" or ", parts);
    }

    private string Text(double v) => Type switch
    {
        ValType.Float => ((float)v).ToString("R", CultureInfo.InvariantCulture),
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };
}
