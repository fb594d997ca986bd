using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NuMM.Generators.Diagnostics;
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

/// <summary>The conjunctive comparisons of a cut body, and whether they are all of it.</summary>
internal sealed record CutConditions(string CutName, List<Atom> Atoms, bool Complete, LocationInfo? BodyWhere);

/// <summary>Interval analysis of cut bodies: finds cuts that can never pass and cuts that earlier cuts make redundant.</summary>
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
    public static CutConditions Collect(string cutName, IMethodSymbol method, IOperation body)
    {
        var atoms = new List<Atom>();
        bool complete = true;
        var value = body;
        if (body is IBlockOperation block)
        {
            value = block.Operations.Length == 1 && block.Operations[0] is IReturnOperation { ReturnedValue: { } rv } ? rv : null!;
            if (value is null) return new CutConditions(cutName, atoms, false, LocationInfo.From(body.Syntax));
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
        return new CutConditions(cutName, atoms, complete, LocationInfo.From(value.Syntax));
    }

    /// <summary>Reports cuts that can never pass and cuts that earlier cuts make redundant.</summary>
    public static void Check(IReadOnlyList<CutConditions> cutsInOrder, DiagnosticBag bag)
    {
        var never = new HashSet<int>();
        for (int k = 0; k < cutsInOrder.Count; k++)
        {
            var intervals = new Dictionary<string, Interval>(StringComparer.Ordinal);
            foreach (var a in cutsInOrder[k].Atoms)
            {
                if (double.IsNaN(a.Bound)) continue;
                if (!intervals.TryGetValue(a.Key, out var iv)) intervals[a.Key] = iv = new Interval();
                bool wasEmpty = iv.IsEmpty;
                iv.Apply(a);
                if (!wasEmpty && iv.IsEmpty)
                {
                    var parts = new List<string>();
                    foreach (var x in iv.Atoms) parts.Add($"{Atom.OpText(x.Op)} {x.BoundText}");
                    bag.Add(DiagnosticDescriptors.CutNeverPasses, a.Where, cutsInOrder[k].CutName, $"'{a.Display}'", string.Join(" and ", parts));
                    never.Add(k);
                }
            }
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
