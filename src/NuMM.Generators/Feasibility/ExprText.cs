using System.Collections.Generic;
using System.Globalization;
using NuMM.Generators.Model;
using Convert = NuMM.Generators.Model.Convert;

namespace NuMM.Generators.Feasibility;

/// <summary>C#-like text of a translated expression, for messages (variables and locals appear inlined).</summary>
internal static class ExprText
{
    public static string Of(Expr e) => e switch
    {
        Const { Type: ValType.Bool } k => k.Value != 0 ? "true" : "false",
        Const { Type: ValType.Float } k => Number(k.Value, "f"),
        Const { Type: ValType.Int } k => ((int)k.Value).ToString(CultureInfo.InvariantCulture),
        Const k => Number(k.Value, ""),
        ColumnRef c => "e." + c.Name,
        ArrayElemRef a => $"e.{a.Column}[{Of(a.Index)}]",
        StaticRef s => Short(s.Member),
        ParamRef p => p.Name,
        Unary { Op: UnOp.Neg } u => "-" + Of(u.Operand),
        Unary u => "!" + Of(u.Operand),
        Binary b => $"({Of(b.Left)} {BinText(b)} {Of(b.Right)})",
        Compare c => $"{Of(c.Left)} {Op(c.Op)} {Of(c.Right)}",
        Convert c => $"({TypeName(c.To)}){Of(c.Operand)}",
        MathCall m => $"{(m.Type == ValType.Float ? "MathF" : "Math")}.{m.Fn}({Args(m.Args)})",
        ScalarCall s => $"{Short(s.Method)}({Args(s.Args)})",
        Ternary t => $"({Of(t.Condition)} ? {Of(t.WhenTrue)} : {Of(t.WhenFalse)})",
        Let l => Of(l.Body),
        _ => "…",
    };

    public static string Op(CmpOp op) => op switch
    {
        CmpOp.Lt => "<",
        CmpOp.Le => "<=",
        CmpOp.Gt => ">",
        CmpOp.Ge => ">=",
        CmpOp.Eq => "==",
        _ => "!=",
    };

    private static string BinText(Binary b) => b.Op switch
    {
        BinOp.Add => "+",
        BinOp.Sub => "-",
        BinOp.Mul => "*",
        BinOp.Div => "/",
        BinOp.And => b.ShortCircuit ? "&&" : "&",
        BinOp.Or => b.ShortCircuit ? "||" : "|",
        _ => "^",
    };

    private static string Args(EquatableArray<Expr> args)
    {
        var parts = new List<string>();
        foreach (var a in args) parts.Add(Of(a));
        return string.Join(", ", parts);
    }

    private static string Number(double v, string suffix)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "∞";
        if (double.IsNegativeInfinity(v)) return "-∞";
        return (suffix == "f" ? ((float)v).ToString("R", CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture)) + suffix;
    }

    private static string TypeName(ValType t) => t switch
    {
        ValType.Int => "int",
        ValType.Float => "float",
        ValType.Double => "double",
        _ => "bool",
    };

    private static string Short(string name)
    {
        if (name.StartsWith("global::", System.StringComparison.Ordinal)) name = name.Substring(8);
        if (name.StartsWith("System.", System.StringComparison.Ordinal)) name = name.Substring(7);
        return name;
    }
}
