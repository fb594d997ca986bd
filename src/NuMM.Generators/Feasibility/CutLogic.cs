using System;
using System.Collections.Generic;
using NuMM.Generators.Model;

namespace NuMM.Generators.Feasibility;

/// <summary>One alternative of a condition: every listed quantity lies in its set (and the reasons that say why).</summary>
internal sealed class Alternative
{
    public static readonly Alternative True = new(new Dictionary<Expr, (ValueSet, string[])>());

    public Alternative(Dictionary<Expr, (ValueSet Set, string[] Reasons)> sets) => Sets = sets;

    public IReadOnlyDictionary<Expr, (ValueSet Set, string[] Reasons)> Sets { get; }
}

/// <summary>Over-approximates when a boolean <see cref="Expr"/> (a cut body) can be true: as a disjunction of
/// <see cref="Alternative"/>s, each a conjunction of "quantity ∈ set". Negations are pushed down to comparisons, whose
/// sets are complemented exactly (NaN included). A comparison it cannot read, a call it does not know or anything
/// else unknown counts as "may be true either way", so an empty result (no alternative left) is a proof that the
/// condition is never true. Too many alternatives: it gives up (null), which callers treat as "may be true".</summary>
internal sealed class CutLogic
{
    private const int MaxAlternatives = 256;
    private readonly List<string> _contradictions = new();

    private sealed class GiveUp : Exception
    {
    }

    /// <summary>Why alternatives were found empty (the first few), for messages.</summary>
    public IReadOnlyList<string> Contradictions => _contradictions;

    public static List<Alternative> TrueCondition() => new() { Alternative.True };

    /// <summary>The alternatives under which <paramref name="condition"/> may be true, or null when it gives up.</summary>
    public List<Alternative>? WhenTrue(Expr condition)
    {
        try
        {
            return Build(condition, true);
        }
        catch (GiveUp)
        {
            return null;
        }
    }

    /// <summary>Both conditions (null = unknown, treated as true when <paramref name="a"/> or <paramref name="b"/> is).</summary>
    public List<Alternative>? Both(List<Alternative>? a, List<Alternative>? b)
    {
        if (a is null) return b is null ? null : b;
        if (b is null) return a;
        try
        {
            return And(a, b);
        }
        catch (GiveUp)
        {
            return null;
        }
    }

    /// <summary>The alternatives in which the value of <paramref name="e"/> lies in <paramref name="s"/>.</summary>
    public List<Alternative> InSet(Expr e, ValueSet s, string reason)
    {
        try
        {
            return Atom(e, s, reason);
        }
        catch (GiveUp)
        {
            return TrueCondition();
        }
    }

    private List<Alternative> Build(Expr e, bool positive)
    {
        switch (e)
        {
            case Const { Type: ValType.Bool } k:
                if ((k.Value != 0) == positive) return TrueCondition();
                Note(positive ? "the constant false" : "the constant true");
                return new List<Alternative>();
            case Unary { Op: UnOp.Not } u:
                return Build(u.Operand, !positive);
            case Let l:
                return Build(l.Body, positive);
            case Binary { Type: ValType.Bool } b:
                switch (b.Op)
                {
                    case BinOp.And:
                        return positive ? And(Build(b.Left, true), Build(b.Right, true)) : Or(Build(b.Left, false), Build(b.Right, false));
                    case BinOp.Or:
                        return positive ? Or(Build(b.Left, true), Build(b.Right, true)) : And(Build(b.Left, false), Build(b.Right, false));
                    case BinOp.Xor:
                        return positive
                            ? Or(And(Build(b.Left, true), Build(b.Right, false)), And(Build(b.Left, false), Build(b.Right, true)))
                            : Or(And(Build(b.Left, true), Build(b.Right, true)), And(Build(b.Left, false), Build(b.Right, false)));
                }
                return TrueCondition();
            case Ternary { Type: ValType.Bool } t:
                return Or(And(Build(t.Condition, true), Build(t.WhenTrue, positive)), And(Build(t.Condition, false), Build(t.WhenFalse, positive)));
            case Compare c:
                return Comparison(c.Op, c.Left, c.Right, positive);
            default:
                if (e.Type == ValType.Bool && Preimage.IsQuantity(e))
                    return Atom(e, ValueSet.Range(ValType.Bool, positive ? 1 : 0, positive ? 1 : 0), positive ? ExprText.Of(e) : "!" + ExprText.Of(e));
                return TrueCondition();
        }
    }

    private List<Alternative> Comparison(CmpOp op, Expr l, Expr r, bool positive)
    {
        // A ternary operand: one alternative per branch.
        if (l is Ternary lt)
            return Or(And(Build(lt.Condition, true), Comparison(op, lt.WhenTrue, r, positive)), And(Build(lt.Condition, false), Comparison(op, lt.WhenFalse, r, positive)));
        if (r is Ternary rt)
            return Or(And(Build(rt.Condition, true), Comparison(op, l, rt.WhenTrue, positive)), And(Build(rt.Condition, false), Comparison(op, l, rt.WhenFalse, positive)));
        var t = l.Type;
        if (t != r.Type) return TrueCondition();
        if (t == ValType.Bool)
        {
            // b == true, b != false, …
            if (op is not (CmpOp.Eq or CmpOp.Ne)) return TrueCondition();
            var (x, k) = r is Const rk ? (l, rk) : l is Const lk ? (r, lk) : (null, null);
            if (x is null || k is null) return TrueCondition();
            bool same = (k.Value != 0) == (op == CmpOp.Eq);
            return Build(x, same ? positive : !positive);
        }
        string text = ExprText.Of(l) + " " + ExprText.Op(op) + " " + ExprText.Of(r);
        string reason = positive ? text : "!(" + text + ")";
        ValueSet set;
        Expr quantity;
        if (r is Const c && l is not Const)
        {
            quantity = l;
            set = ValueSet.Compare(t, op, c.Value);
        }
        else if (l is Const c2 && r is not Const)
        {
            quantity = r;
            set = ValueSet.Compare(t, Flip(op), c2.Value);
        }
        else if (l.Equals(r) && !ExprWalk.CallsPerLane(l))
        {
            // x op x: only NaN tells; x < x never holds.
            quantity = l;
            var notNaN = ValueSet.Full(t).Intersect(ValueSet.OnlyNaN(t).Complement());
            set = op switch
            {
                CmpOp.Lt or CmpOp.Gt => ValueSet.Empty(t),
                CmpOp.Ne => ValueSet.OnlyNaN(t),
                _ => notNaN,
            };
        }
        else
        {
            // Two quantities compared: the comparison itself is a yes/no quantity, the same wherever it is written
            // (without per-lane calls, which need not be deterministic), so "a < b && !(a < b)" is still seen.
            if (ExprWalk.CallsPerLane(l) || ExprWalk.CallsPerLane(r)) return TrueCondition();
            var same = new Compare(op, l, r);
            var value = positive ? 1 : 0;
            return new List<Alternative> { new(new Dictionary<Expr, (ValueSet, string[])> { [same] = (ValueSet.Range(ValType.Bool, value, value), new[] { reason }) }) };
        }
        return Atom(quantity, positive ? set : set.Complement(), reason);
    }

    private List<Alternative> Atom(Expr e, ValueSet s, string reason)
    {
        if (!Preimage.Reduce(e, s, out var quantity, out var set)) return TrueCondition();
        if (set.IsEmpty)
        {
            Note($"{reason} is never true");
            return new List<Alternative>();
        }
        if (set.IsFull || !Preimage.IsQuantity(quantity)) return TrueCondition();
        return new List<Alternative> { new(new Dictionary<Expr, (ValueSet, string[])> { [quantity] = (set, new[] { reason }) }) };
    }

    private List<Alternative> Or(List<Alternative> a, List<Alternative> b)
    {
        if (a.Count + b.Count > MaxAlternatives) throw new GiveUp();
        var r = new List<Alternative>(a);
        r.AddRange(b);
        return r;
    }

    private List<Alternative> And(List<Alternative> a, List<Alternative> b)
    {
        if ((long)a.Count * b.Count > MaxAlternatives * 4L) throw new GiveUp();
        var r = new List<Alternative>();
        foreach (var x in a)
            foreach (var y in b)
                if (Merge(x, y) is { } m)
                {
                    r.Add(m);
                    if (r.Count > MaxAlternatives) throw new GiveUp();
                }
        return r;
    }

    private Alternative? Merge(Alternative x, Alternative y)
    {
        if (y.Sets.Count == 0) return x;
        if (x.Sets.Count == 0) return y;
        var sets = new Dictionary<Expr, (ValueSet Set, string[] Reasons)>(x.Sets.Count + y.Sets.Count);
        foreach (var kv in x.Sets) sets[kv.Key] = kv.Value;
        foreach (var kv in y.Sets)
        {
            if (!sets.TryGetValue(kv.Key, out var have))
            {
                sets[kv.Key] = kv.Value;
                continue;
            }
            var both = have.Set.Intersect(kv.Value.Set);
            var reasons = new List<string>(have.Reasons);
            foreach (var why in kv.Value.Reasons) if (!reasons.Contains(why)) reasons.Add(why);
            if (both.IsEmpty)
            {
                Note($"'{ExprText.Of(kv.Key)}' would have to satisfy {string.Join(" and ", reasons)}");
                return null;
            }
            sets[kv.Key] = (both, reasons.ToArray());
        }
        return new Alternative(sets);
    }

    private void Note(string why)
    {
        if (_contradictions.Count < 8 && !_contradictions.Contains(why)) _contradictions.Add(why);
    }

    private static CmpOp Flip(CmpOp op) => op switch
    {
        CmpOp.Lt => CmpOp.Gt,
        CmpOp.Le => CmpOp.Ge,
        CmpOp.Gt => CmpOp.Lt,
        CmpOp.Ge => CmpOp.Le,
        _ => op,
    };
}
