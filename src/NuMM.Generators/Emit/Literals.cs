using System.Globalization;
using System.Text;

namespace NuMM.Generators.Emit;

/// <summary>Culture-invariant C# literals (a fi-FI machine would otherwise write U+2212 for minus).</summary>
internal static class Literals
{
    public static string Float(float v)
    {
        if (float.IsNaN(v)) return "float.NaN";
        if (float.IsPositiveInfinity(v)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(v)) return "float.NegativeInfinity";
        var s = v.ToString("R", CultureInfo.InvariantCulture) + "f";
        return v < 0 ? "(" + s + ")" : s;
    }

    public static string Double(double v)
    {
        if (double.IsNaN(v)) return "double.NaN";
        if (double.IsPositiveInfinity(v)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(v)) return "double.NegativeInfinity";
        var s = v.ToString("R", CultureInfo.InvariantCulture) + "d";
        return v < 0 ? "(" + s + ")" : s;
    }

    public static string Int(int v) => v < 0 ? "(" + v.ToString(CultureInfo.InvariantCulture) + ")" : v.ToString(CultureInfo.InvariantCulture);

    public static string String(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    // Control characters and the other C# line terminators (U+0085, U+2028, U+2029) as escapes.
                    if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029') b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else b.Append(c);
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    /// <summary>Text safe inside an interpolated string literal (quotes excluded).</summary>
    public static string Interp(string s)
    {
        var q = String(s);
        return q.Substring(1, q.Length - 2).Replace("{", "{{").Replace("}", "}}");
    }

    /// <summary>A user's name as a C# identifier: keywords get '@' (<c>@event</c> is a common ROOT branch name).</summary>
    public static string Identifier(string name)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>Text safe inside a /// XML doc comment: markup escaped, on one line.</summary>
    public static string Doc(string s) => Comment(System.Security.SecurityElement.Escape(s) ?? s);

    /// <summary>Text safe inside a // comment.</summary>
    public static string Comment(string s) => s.Replace("\r", " ").Replace("\n", " ").Replace("\u0085", " ").Replace("\u2028", " ").Replace("\u2029", " ");
}
