using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Feasibility;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>One comparison of a quantity with a constant that a cut requires: <c>Key Op Bound</c>.</summary>
internal sealed record Atom(string Key, string Display, CmpOp Op, double Bound, string BoundText, LocationInfo? Where)
{
    public string Text => $"{Display} {OpText(Op)} {BoundText}";

    public static string OpText(CmpOp op) => op switch
    {
        CmpOp.Lt => "<",
        CmpOp.Le => "<=",
        CmpOp.Gt => ">",
        CmpOp.Ge => ">=",
        CmpOp.Eq => "==",
        _ => "!=",
    };
}

/// <summary>The conjunctive comparisons of a cut body, and whether they are all of it; <see cref="Body"/> is the
/// translated body (variables, called cuts and locals inlined) that the feasibility analysis reads.</summary>
internal sealed record CutConditions(string CutName, List<Atom> Atoms, bool Complete, LocationInfo? BodyWhere, Expr? Body = null);

/// <summary>A histogram axis to check against the window the cuts leave: its quantity, binned range and where it is booked.</summary>
internal sealed record AxisWindow(string Histogram, string AxisName, AxisSpec Axis, LocationInfo? Where);

/// <summary>Interval analysis of cut bodies: finds cuts that can never pass (NUMM0102), cuts that remove every event
/// the earlier cuts leave (NUMM0105), cuts that earlier cuts make redundant (NUMM0103) and histogram axes outside the
/// window the cuts allow (NUMM0408). The decisions come from <see cref="CutLogic"/> on the translated bodies, which
/// over-approximates where a cut can pass, so "never" is never claimed wrongly; the syntactic atoms only give the
/// classic single-chain case its precise location and message.</summary>
internal static class IntervalChecker
{
    private sealed class Interval
    {
        public double Lo = double.NegativeInfinity, Hi = double.PositiveInfinity;
        public bool LoStrict, HiStrict;
        public readonly List<Atom> Atoms = new();

        public void Apply(Atom a)
        {
            Atoms.Add(a);
            double c = a.Bound;
            switch (a.Op)
            {
                case CmpOp.Gt: if (c > Lo || (c == Lo && !LoStrict)) { Lo = c; LoStrict = true; } break;
                case CmpOp.Ge: if (c > Lo) { Lo = c; LoStrict = false; } break;
                case CmpOp.Lt: if (c < Hi || (c == Hi && !HiStrict)) { Hi = c; HiStrict = true; } break;
                case CmpOp.Le: if (c < Hi) { Hi = c; HiStrict = false; } break;
                case CmpOp.Eq:
                    Apply(a with { Op = CmpOp.Ge });
                    Apply(a with { Op = CmpOp.Le });
                    Atoms.RemoveRange(Atoms.Count - 2, 2);
                    break;
            }
        }

        public bool IsEmpty => Lo > Hi || (Lo == Hi && (LoStrict || HiStrict));

        public bool Implies(Atom a) => a.Op switch
        {
            CmpOp.Gt => Lo > a.Bound || (Lo == a.Bound && LoStrict),
            CmpOp.Ge => Lo >= a.Bound,
            CmpOp.Lt => Hi < a.Bound || (Hi == a.Bound && HiStrict),
            CmpOp.Le => Hi <= a.Bound,
            CmpOp.Eq => Lo == a.Bound && Hi == a.Bound && !LoStrict && !HiStrict,
            _ => false,
        };
    }

    /// <summary>Collects the top-level conjunction of comparisons with constants in a cut body.</summary>
    public static CutConditions Collect(string cutName, IMethodSymbol method, IOperation body, Expr? translated = null)
    {
        var atoms = new List<Atom>();
        bool complete = true;
        var value = body;
        if (body is IBlockOperation block)
        {
            value = block.Operations.Length == 1 && block.Operations[0] is IReturnOperation { ReturnedValue: { } rv } ? rv : null!;
            if (value is null) return new CutConditions(cutName, atoms, false, LocationInfo.From(body.Syntax), translated);
        }
        var eventParam = method.Parameters.Length > 0 ? method.Parameters[0] : null;

        void Walk(IOperation op)
        {
            switch (op)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } b when b.Type?.SpecialType == SpecialType.System_Boolean:
                    Walk(b.LeftOperand);
                    Walk(b.RightOperand);
                    return;
                case IBinaryOperation b when Relational(b.OperatorKind) is { } cmp:
                    if (Key(b.LeftOperand) is { } lk && Constant(b.RightOperand) is { } rc)
                        atoms.Add(new Atom(lk.Key, lk.Display, cmp, rc, b.RightOperand.Syntax.ToString(), LocationInfo.From(b.Syntax)));
                    else if (Key(b.RightOperand) is { } rk && Constant(b.LeftOperand) is { } lc)
                        atoms.Add(new Atom(rk.Key, rk.Display, Flip(cmp), lc, b.LeftOperand.Syntax.ToString(), LocationInfo.From(b.Syntax)));
                    else complete = false;
                    return;
                case IIsPatternOperation isp when Key(isp.Value) is { } k:
                    WalkPattern(k, isp.Pattern);
                    return;
                default:
                    complete = false;
                    return;
            }
        }

        void WalkPattern((string Key, string Display) k, IPatternOperation p)
        {
            switch (p)
            {
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } bp:
                    WalkPattern(k, bp.LeftPattern);
                    WalkPattern(k, bp.RightPattern);
                    return;
                case IRelationalPatternOperation rp when Relational(rp.OperatorKind) is { } cmp && Constant(rp.Value) is { } c:
                    atoms.Add(new Atom(k.Key, k.Display, cmp, c, rp.Value.Syntax.ToString(), LocationInfo.From(rp.Syntax)));
                    return;
                default:
                    complete = false;
                    return;
            }
        }

        (string Key, string Display)? Key(IOperation op)
        {
            var display = op.Syntax.ToString();
            while (op is IConversionOperation { OperatorMethod: null } c && IsWidening(c)) op = c.Operand;
            return op switch
            {
                IFieldReferenceOperation { Instance: IParameterReferenceOperation p } f when SymbolEqualityComparer.Default.Equals(p.Parameter, eventParam)
                    => ("column:" + f.Field.Name, display),
                IInvocationOperation inv when inv.TargetMethod.IsStatic && SymbolText.HasAttribute(inv.TargetMethod, KnownNames.VariableAttribute)
                    => ("variable:" + inv.TargetMethod.Name, display),
                _ => null,
            };
        }

        Walk(value);
        return new CutConditions(cutName, atoms, complete, LocationInfo.From(value.Syntax), translated);
    }

    /// <summary>Reports cuts that can never pass, cuts that remove every event the earlier ones leave, redundant cuts
    /// and histogram axes outside the cuts' window.</summary>
    public static void Check(IReadOnlyList<CutConditions> cutsInOrder, DiagnosticBag bag, IReadOnlyList<AxisWindow>? axes = null)
    {
        var never = new HashSet<int>();
        var alone = new List<List<Alternative>?>();
        for (int k = 0; k < cutsInOrder.Count; k++)
        {
            var cut = cutsInOrder[k];
            var logic = new CutLogic();
            var cases = cut.Body is null ? null : logic.WhenTrue(cut.Body);
            alone.Add(cases);
            if (cases is null || cases.Count > 0) continue;
            never.Add(k);
            if (ClassicEmptyInterval(cut) is { } classic)
                bag.Add(DiagnosticDescriptors.CutNeverPasses, classic.Where, cut.CutName, classic.Why);
            else
                bag.Add(DiagnosticDescriptors.CutNeverPasses, cut.BodyWhere, cut.CutName, Reasons(logic, cut.Body!));
        }

        // NUMM0105: the earlier cuts leave events, this one removes them all.
        var left = CutLogic.TrueCondition();
        var leftNames = new List<string>();
        for (int k = 0; k < cutsInOrder.Count && left is not null; k++)
        {
            if (never.Contains(k))
            {
                left = null;
                break;
            }
            var check = new CutLogic();
            var next = check.Both(left, alone[k]);
            if (next is { Count: 0 } && k > 0)
            {
                // The shortest run of earlier cuts that already leaves nothing for this one.
                var run = CutLogic.TrueCondition();
                var names = new List<string>();
                for (int j = 0; j < k && run is { Count: > 0 }; j++)
                {
                    run = check.Both(run, alone[j]);
                    names.Add($"'{cutsInOrder[j].CutName}'");
                    if (check.Both(run, alone[k]) is { Count: 0 }) break;
                }
                bag.Add(DiagnosticDescriptors.CutRemovesEverything, cutsInOrder[k].BodyWhere, cutsInOrder[k].CutName, string.Join(" and ", names), Reasons(check, null));
                left = null;
                break;
            }
            left = next;
            leftNames.Add(cutsInOrder[k].CutName);
        }

        // NUMM0408: histograms are filled for events passing every cut; an axis whose bins no such event reaches.
        if (left is { Count: > 0 } && axes is not null)
            foreach (var axis in axes)
            {
                var a = axis.Axis;
                double lo = a.IsVariable ? a.Edges[0] : a.Min, hi = a.IsVariable ? a.Edges[a.Edges.Count - 1] : a.Max;
                if (!(lo < hi)) continue;
                var value = a.Value.Type == ValType.Double ? a.Value : new Model.Convert(ValType.Double, a.Value);
                var check = new CutLogic();
                var inside = check.InSet(value, ValueSet.Range(ValType.Double, lo, Domain.Below(ValType.Double, hi) ?? lo), $"{a.Variable} in [{Format(lo)}, {Format(hi)})");
                if (check.Both(left, inside) is { Count: 0 })
                    bag.Add(DiagnosticDescriptors.HistogramOutsideCuts, axis.Where, axis.Histogram, axis.AxisName, a.Variable, Format(lo), Format(hi),
                        Window(left, a.Value) is { } w ? $" (they allow {w})" : "");
            }

        for (int k = 1; k < cutsInOrder.Count; k++)
        {
            var cut = cutsInOrder[k];
            if (!cut.Complete || cut.Atoms.Count == 0 || never.Contains(k)) continue;
            var prefix = new Dictionary<string, Interval>(StringComparer.Ordinal);
            for (int j = 0; j < k; j++)
            {
                if (never.Contains(j)) break;
                foreach (var a in cutsInOrder[j].Atoms)
                {
                    if (double.IsNaN(a.Bound)) continue;
                    if (!prefix.TryGetValue(a.Key, out var iv)) prefix[a.Key] = iv = new Interval();
                    iv.Apply(a);
                }
                bool all = true;
                foreach (var a in cut.Atoms)
                    if (double.IsNaN(a.Bound) || !prefix.TryGetValue(a.Key, out var iv) || !iv.Implies(a)) { all = false; break; }
                if (all)
                {
                    var texts = new List<string>();
                    foreach (var a in cut.Atoms) texts.Add(a.Text);
                    bag.Add(DiagnosticDescriptors.CutRedundant, cut.BodyWhere, cut.CutName, cutsInOrder[j].CutName, string.Join(" and ", texts));
                    break;
                }
            }
        }
    }

    /// <summary>The first comparison of the classic shape (one quantity, one &amp;&amp; chain) that empties its interval.</summary>
    private static (LocationInfo? Where, string Why)? ClassicEmptyInterval(CutConditions cut)
    {
        var intervals = new Dictionary<string, Interval>(StringComparer.Ordinal);
        foreach (var a in cut.Atoms)
        {
            if (double.IsNaN(a.Bound)) continue;
            if (!intervals.TryGetValue(a.Key, out var iv)) intervals[a.Key] = iv = new Interval();
            iv.Apply(a);
            if (iv.IsEmpty)
            {
                var parts = new List<string>();
                foreach (var x in iv.Atoms) parts.Add($"{Atom.OpText(x.Op)} {x.BoundText}");
                return (a.Where, $"'{a.Display}' would have to be {string.Join(" and ", parts)}");
            }
        }
        return null;
    }

    private static string Reasons(CutLogic logic, Expr? body)
    {
        var list = logic.Contradictions;
        if (list.Count == 0) return body is null ? "their conditions contradict each other" : $"'{ExprText.Of(body)}' is never true";
        var shown = new List<string>();
        for (int i = 0; i < list.Count && i < 3; i++) shown.Add(list[i]);
        return string.Join("; ", shown) + (list.Count > 3 ? "; …" : "");
    }

    /// <summary>The values the cuts allow for a histogram quantity, when it is a quantity the alternatives constrain.</summary>
    private static string? Window(List<Alternative> cases, Expr value)
    {
        var q = value;
        while (q is Model.Convert c) q = c.Operand;
        ValueSet? union = null;
        foreach (var alt in cases)
        {
            if (!alt.Sets.TryGetValue(q, out var s)) return null;
            union = union is null ? s.Set : union.Union(s.Set);
        }
        return union?.ToString();
    }

    private static bool IsWidening(IConversionOperation c)
    {
        var from = c.Operand.Type?.SpecialType;
        var to = c.Type?.SpecialType;
        return (from, to) switch
        {
            (SpecialType.System_Int32, SpecialType.System_Double) => true,
            (SpecialType.System_Single, SpecialType.System_Double) => true,
            _ => from == to,
        };
    }

    private static double? Constant(IOperation op)
    {
        if (!op.ConstantValue.HasValue || op.ConstantValue.Value is null or bool or string) return null;
        return BodyTranslator.ToDouble(op.ConstantValue.Value);
    }

    private static CmpOp? Relational(BinaryOperatorKind k) => k switch
    {
        BinaryOperatorKind.LessThan => CmpOp.Lt,
        BinaryOperatorKind.LessThanOrEqual => CmpOp.Le,
        BinaryOperatorKind.GreaterThan => CmpOp.Gt,
        BinaryOperatorKind.GreaterThanOrEqual => CmpOp.Ge,
        BinaryOperatorKind.Equals => CmpOp.Eq,
        _ => null,
    };

    private static CmpOp Flip(CmpOp op) => op switch
    {
        CmpOp.Lt => CmpOp.Gt,
        CmpOp.Le => CmpOp.Ge,
        CmpOp.Gt => CmpOp.Lt,
        CmpOp.Ge => CmpOp.Le,
        _ => op,
    };

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
