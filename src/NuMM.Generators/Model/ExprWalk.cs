using System;
using System.Collections.Generic;

namespace NuMM.Generators.Model;

/// <summary>Walks and rewrites <see cref="Expr"/> trees (records, so an unchanged subtree compares equal to the
/// original and the emitter's common-subexpression cache shares it between the nominal and a variation).</summary>
internal static class ExprWalk
{
    /// <summary>True when <paramref name="e"/> or a subexpression satisfies <paramref name="test"/>.</summary>
    public static bool Any(Expr e, Func<Expr, bool> test)
    {
        if (test(e)) return true;
        foreach (var c in Children(e)) if (Any(c, test)) return true;
        return false;
    }

    /// <summary>True when <paramref name="e"/> calls a method lane by lane (a [Pure] helper, a Math function without a
    /// vector form, checked integer arithmetic): such a call may throw, so it must run for exactly the events the C#
    /// runs it for.</summary>
    public static bool CallsPerLane(Expr e) => Any(e, x => x is ScalarCall);

    /// <summary>True when <paramref name="e"/> reads column <paramref name="column"/> (as a scalar or an array column).</summary>
    public static bool ReadsColumn(Expr e, string column)
        => Any(e, x => x is ColumnRef c && c.Name == column || x is ArrayElemRef a && a.Column == column);

    /// <summary><paramref name="e"/> with every nominal read of a column in <paramref name="columns"/> replaced by its
    /// replacement. Replacements are inserted as they are (not rewritten again), so a shift body that reads the
    /// nominal value of its own column keeps doing so.</summary>
    public static Expr ReplaceColumns(Expr e, IReadOnlyDictionary<string, Expr> columns)
        => Rewrite(e, x => x is ColumnRef c && columns.TryGetValue(c.Name, out var r) ? r : null);

    /// <summary><paramref name="e"/> with every <see cref="VariationIndexRef"/> replaced by <paramref name="value"/>.</summary>
    public static Expr ReplaceVariationIndex(Expr e, Expr value)
        => Rewrite(e, x => x is VariationIndexRef ? value : null);

    /// <summary>Rebuilds <paramref name="e"/> bottom-up; where <paramref name="replace"/> returns a node it is used as is.</summary>
    public static Expr Rewrite(Expr e, Func<Expr, Expr?> replace)
    {
        if (replace(e) is { } r) return r;
        switch (e)
        {
            case Unary u: { var o = Rewrite(u.Operand, replace); return ReferenceEquals(o, u.Operand) ? e : u with { Operand = o }; }
            case Binary b:
            {
                var l = Rewrite(b.Left, replace);
                var rr = Rewrite(b.Right, replace);
                return ReferenceEquals(l, b.Left) && ReferenceEquals(rr, b.Right) ? e : b with { Left = l, Right = rr };
            }
            case Compare c:
            {
                var l = Rewrite(c.Left, replace);
                var rr = Rewrite(c.Right, replace);
                return ReferenceEquals(l, c.Left) && ReferenceEquals(rr, c.Right) ? e : new Compare(c.Op, l, rr);
            }
            case Convert cv: { var o = Rewrite(cv.Operand, replace); return ReferenceEquals(o, cv.Operand) ? e : new Convert(cv.To, o); }
            case MathCall m: return RewriteAll(m.Args, replace) is { } ma ? new MathCall(m.Fn, ma) : e;
            case ScalarCall s: return RewriteAll(s.Args, replace) is { } sa ? new ScalarCall(s.Method, s.ReturnType, sa) : e;
            case Ternary t:
            {
                var c = Rewrite(t.Condition, replace);
                var a = Rewrite(t.WhenTrue, replace);
                var b = Rewrite(t.WhenFalse, replace);
                return ReferenceEquals(c, t.Condition) && ReferenceEquals(a, t.WhenTrue) && ReferenceEquals(b, t.WhenFalse) ? e : new Ternary(c, a, b);
            }
            case ArrayElemRef ar: { var i = Rewrite(ar.Index, replace); return ReferenceEquals(i, ar.Index) ? e : ar with { Index = i }; }
            case Let let:
            {
                var locals = RewriteAll(let.Locals, replace);
                var body = Rewrite(let.Body, replace);
                return locals is null && ReferenceEquals(body, let.Body) ? e : new Let(locals ?? let.Locals, body);
            }
            default: return e;
        }
    }

    private static EquatableArray<Expr>? RewriteAll(EquatableArray<Expr> args, Func<Expr, Expr?> replace)
    {
        Expr[]? changed = null;
        for (int i = 0; i < args.Count; i++)
        {
            var r = Rewrite(args[i], replace);
            if (!ReferenceEquals(r, args[i]))
            {
                changed ??= ToArray(args);
                changed[i] = r;
            }
        }
        return changed is null ? null : new EquatableArray<Expr>(changed);
    }

    private static Expr[] ToArray(EquatableArray<Expr> args)
    {
        var a = new Expr[args.Count];
        for (int i = 0; i < a.Length; i++) a[i] = args[i];
        return a;
    }

    private static IEnumerable<Expr> Children(Expr e)
    {
        switch (e)
        {
            case Unary u: yield return u.Operand; break;
            case Binary b: yield return b.Left; yield return b.Right; break;
            case Compare c: yield return c.Left; yield return c.Right; break;
            case Convert cv: yield return cv.Operand; break;
            case MathCall m: foreach (var a in m.Args) yield return a; break;
            case ScalarCall s: foreach (var a in s.Args) yield return a; break;
            case Ternary t: yield return t.Condition; yield return t.WhenTrue; yield return t.WhenFalse; break;
            case ArrayElemRef ar: yield return ar.Index; break;
            case Let let: foreach (var l in let.Locals) yield return l; yield return let.Body; break;
        }
    }
}
