using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NuMM.Generators.Parsing;

/// <summary>A physical unit as a product of symbols with integer powers: <c>"GeV rad²"</c> is GeV¹·rad², <c>"GeV/cm"</c>
/// is GeV¹·cm⁻¹, no symbol is dimensionless. Two units are the same when their symbols and powers are (the order and
/// spelling of the product do not matter: <c>"GeV rad²"</c>, <c>"GeV·rad^2"</c> and <c>"rad*rad*GeV"</c> agree). Symbols
/// are compared as written: there are no conversions, so GeV and MeV are different units.</summary>
internal sealed class Unit : IEquatable<Unit>
{
    private readonly KeyValuePair<string, int>[] _factors; // sorted by symbol (ordinal), no zero powers

    private Unit(SortedDictionary<string, int> factors, string? text)
    {
        var list = new List<KeyValuePair<string, int>>();
        foreach (var f in factors) if (f.Value != 0) list.Add(f);
        _factors = list.ToArray();
        Text = text ?? Render(_factors);
    }

    /// <summary>No unit: a pure number (a count, a ratio, a score).</summary>
    public static readonly Unit Dimensionless = new(new SortedDictionary<string, int>(StringComparer.Ordinal), "");

    /// <summary>The unit as declared (trimmed), or rendered as <c>GeV·rad²</c>, <c>GeV/cm</c> for a computed unit;
    /// empty when dimensionless.</summary>
    public string Text { get; }

    public bool IsDimensionless => _factors.Length == 0;

    /// <summary>For messages: "in GeV" or "dimensionless".</summary>
    public string Phrase => IsDimensionless ? "dimensionless" : "in " + Text;

    /// <summary>For messages that quote the unit: "in 'GeV'" or "dimensionless".</summary>
    public string QuotedPhrase => IsDimensionless ? "dimensionless" : "in '" + Text + "'";

    /// <summary>Reads a declared unit. Empty (or "1") is dimensionless. A product of symbols separated by spaces,
    /// <c>·</c>, <c>*</c> or <c>/</c> (which divides by the next factor or parenthesised group), each with an optional power
    /// <c>^n</c>, <c>^-n</c> or superscript (<c>²</c>, <c>⁻¹</c>). Text that does not read as such a product (for example
    /// <c>"10^-11 μB"</c>) is one opaque symbol, equal only to the same text.</summary>
    public static Unit Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return Dimensionless;
        var factors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var reader = new Reader(text);
        if (!reader.Product(factors, 1) || !reader.AtEnd)
        {
            factors.Clear();
            factors[text] = 1;
        }
        return new Unit(factors, text);
    }

    public Unit Times(Unit other) => Combine(other, 1);

    public Unit Over(Unit other) => Combine(other, -1);

    /// <summary>The square root when every power is even (GeV² → GeV), else null (not a unit this algebra has).</summary>
    public Unit? SquareRoot()
    {
        var f = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var kv in _factors)
        {
            if (kv.Value % 2 != 0) return null;
            f[kv.Key] = kv.Value / 2;
        }
        return new Unit(f, null);
    }

    private Unit Combine(Unit other, int sign)
    {
        if (other.IsDimensionless) return this;
        if (IsDimensionless && sign > 0) return other;
        var f = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var kv in _factors) f[kv.Key] = kv.Value;
        foreach (var kv in other._factors) f[kv.Key] = (f.TryGetValue(kv.Key, out var p) ? p : 0) + sign * kv.Value;
        return new Unit(f, null);
    }

    public bool Equals(Unit? other)
    {
        if (other is null || other._factors.Length != _factors.Length) return false;
        for (int i = 0; i < _factors.Length; i++)
            if (!string.Equals(_factors[i].Key, other._factors[i].Key, StringComparison.Ordinal) || _factors[i].Value != other._factors[i].Value) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is Unit u && Equals(u);

    public override int GetHashCode()
    {
        int h = 17;
        foreach (var kv in _factors) h = unchecked(h * 31 + StringComparer.Ordinal.GetHashCode(kv.Key) * 7 + kv.Value);
        return h;
    }

    public override string ToString() => Text;

    /// <summary>Numerator factors joined by '·', then '/' and the denominator (parenthesised when it has several).</summary>
    private static string Render(KeyValuePair<string, int>[] factors)
    {
        var num = new List<string>();
        var den = new List<string>();
        foreach (var kv in factors)
            (kv.Value > 0 ? num : den).Add(Symbol(kv.Key) + Superscript(Math.Abs(kv.Value)));
        if (num.Count == 0 && den.Count == 0) return "";
        var s = num.Count == 0 ? "1" : string.Join("·", num);
        if (den.Count == 1) s += "/" + den[0];
        else if (den.Count > 1) s += "/(" + string.Join("·", den) + ")";
        return s;
    }

    private static string Symbol(string s)
    {
        foreach (var c in s)
            if (char.IsWhiteSpace(c) || c is '/' or '*' or '·' or '^') return "(" + s + ")";
        return s;
    }

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private static string Superscript(int power)
    {
        if (power == 1) return "";
        var sb = new StringBuilder();
        foreach (var c in power.ToString(CultureInfo.InvariantCulture)) sb.Append(Superscripts[c - '0']);
        return sb.ToString();
    }

    /// <summary>A recursive-descent reader of "GeV rad²", "GeV/cm", "cm^-2 s^-1", "1/(cm·s)".</summary>
    private sealed class Reader
    {
        private readonly string _s;
        private int _i;

        public Reader(string s) => _s = s;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _i >= _s.Length;
            }
        }

        /// <summary>factor ((separator | '/') factor)*, stopping before ')' or the end.</summary>
        public bool Product(SortedDictionary<string, int> into, int sign)
        {
            if (!Factor(into, sign)) return false;
            while (true)
            {
                SkipSpace();
                if (_i >= _s.Length || _s[_i] == ')') return true;
                int next = sign;
                if (_s[_i] is '*' or '·' or '⋅') _i++;
                else if (_s[_i] == '/')
                {
                    _i++;
                    next = -sign;
                    SkipSpace();
                    // '/' divides by one factor (or one parenthesised group); what follows multiplies again.
                    if (!Factor(into, next)) return false;
                    continue;
                }
                if (!Factor(into, next)) return false;
            }
        }

        private bool Factor(SortedDictionary<string, int> into, int sign)
        {
            SkipSpace();
            if (_i >= _s.Length) return false;
            var inner = new SortedDictionary<string, int>(StringComparer.Ordinal);
            if (_s[_i] == '(')
            {
                _i++;
                if (!Product(inner, 1)) return false;
                SkipSpace();
                if (_i >= _s.Length || _s[_i] != ')') return false;
                _i++;
            }
            else if (_s[_i] == '1' && (_i + 1 >= _s.Length || !char.IsDigit(_s[_i + 1])))
            {
                _i++; // "1/cm"
            }
            else
            {
                int start = _i;
                while (_i < _s.Length && IsSymbolChar(_s[_i])) _i++;
                if (_i == start) return false;
                inner[_s.Substring(start, _i - start)] = 1;
            }
            if (!Power(out int power)) return false;
            foreach (var kv in inner) into[kv.Key] = (into.TryGetValue(kv.Key, out var p) ? p : 0) + sign * power * kv.Value;
            return true;
        }

        private bool Power(out int power)
        {
            power = 1;
            if (_i < _s.Length && _s[_i] == '^')
            {
                _i++;
                int sign = 1;
                if (_i < _s.Length && _s[_i] is '-' or '−') { sign = -1; _i++; }
                int start = _i;
                while (_i < _s.Length && _s[_i] is >= '0' and <= '9') _i++;
                if (_i == start || !int.TryParse(_s.Substring(start, _i - start), NumberStyles.None, CultureInfo.InvariantCulture, out power)) return false;
                power *= sign;
                return true;
            }
            if (_i < _s.Length && (_s[_i] == '⁻' || Superscripts.IndexOf(_s[_i]) >= 0))
            {
                int sign = 1;
                if (_s[_i] == '⁻') { sign = -1; _i++; }
                int value = 0, digits = 0;
                while (_i < _s.Length && Superscripts.IndexOf(_s[_i]) is var d and >= 0)
                {
                    value = value * 10 + d;
                    digits++;
                    _i++;
                }
                if (digits == 0) return false;
                power = sign * value;
            }
            return true;
        }

        /// <summary>Letters (μ, Å, Ω included), °, % and ' — not digits: "cm2" is not read as cm².</summary>
        private static bool IsSymbolChar(char c) => char.IsLetter(c) || c is '°' or '%' or '\'' or '_';

        private void SkipSpace()
        {
            while (_i < _s.Length && char.IsWhiteSpace(_s[_i])) _i++;
        }
    }
}
