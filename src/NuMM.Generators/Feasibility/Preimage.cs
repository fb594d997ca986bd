using System;
using System.Collections.Generic;
using NuMM.Generators.Model;
using Convert = NuMM.Generators.Model.Convert;

namespace NuMM.Generators.Feasibility;

/// <summary>Turns "expression ∈ set" into "quantity ∈ set'" for the quantity the expression is computed from, through
/// steps whose inverse is known: conversions, negation, +, −, ×, ÷ by a constant, <c>Abs</c>, squares, <c>Sqrt</c>,
/// rounding, <c>Min</c>/<c>Max</c> with a constant and the monotone library functions (<c>Exp</c>, <c>Log</c>, …).
/// Every result is a superset of the exact preimage (exact where the step is computed exactly, as IEEE arithmetic,
/// conversions, <c>Sqrt</c> and rounding are; widened by a tolerance for library functions whose last bit is not
/// specified), so a set found empty really is empty. Anything else is "unknown".</summary>
internal static class Preimage
{
    /// <summary>The quantities sets are kept for: columns, array elements with a constant index, static readonly fields
    /// and weight parameters. The same quantity read twice in one event has the same value.</summary>
    public static bool IsQuantity(Expr e) => e switch
    {
        ColumnRef or StaticRef or ParamRef => true,
        ArrayElemRef a => a.Index is Const,
        _ => false,
    };

    /// <summary>Reduces <c>e ∈ s</c> to <c>quantity ∈ set</c>; false when some step has no known inverse.</summary>
    public static bool Reduce(Expr e, ValueSet s, out Expr quantity, out ValueSet set)
    {
        quantity = e;
        set = s;
        for (int depth = 0; depth < 64; depth++)
        {
            if (IsQuantity(quantity)) return true;
            if (set.IsEmpty || set.IsFull) return true; // the caller decides without a quantity
            if (Step(quantity) is not { } step) return false;
            set = step.Inverse(set);
            quantity = step.Operand;
        }
        return false;
    }

    private sealed record InverseStep(Expr Operand, Func<ValueSet, ValueSet> Inverse);

    private static InverseStep? Step(Expr e)
    {
        var t = e.Type;
        switch (e)
        {
            case Convert c:
                return ConvertStep(c.Operand, c.Operand.Type, c.To);
            case Unary { Op: UnOp.Neg } u when t is ValType.Float or ValType.Double:
                return new(u.Operand, s => s.Reflect());
            case Unary { Op: UnOp.Neg } u when t == ValType.Int:
                // −int.MinValue wraps to int.MinValue.
                return new(u.Operand, s =>
                {
                    var r = s.Intersect(ValueSet.Range(ValType.Int, int.MinValue + 1.0, int.MaxValue)).Reflect();
                    return s.Contains(int.MinValue) ? r.Union(ValueSet.Range(ValType.Int, int.MinValue, int.MinValue)) : r;
                });
            case Binary { Op: BinOp.Mul } b when t is ValType.Float or ValType.Double && b.Left.Equals(b.Right) && !ExprWalk.CallsPerLane(b.Left):
                return new(b.Left, s => Even(t, Monotone(t, s, x => Round(t, x * x), true, 0, double.PositiveInfinity, onlyNaN: true)));
            case Binary b when b.Op is BinOp.Add or BinOp.Sub or BinOp.Mul or BinOp.Div:
                if (b.Right is Const rc && !(b.Left is Const)) return ArithConst(b.Op, b.Left, rc.Value, constOnLeft: false, t);
                if (b.Left is Const lc && !(b.Right is Const)) return ArithConst(b.Op, b.Right, lc.Value, constOnLeft: true, t);
                return null;
            case MathCall m when m.Args.Count == 1 && t is ValType.Float or ValType.Double:
            {
                var x = m.Args[0];
                switch (m.Fn)
                {
                    case MathFn.Abs:
                        return new(x, s => Even(t, s));
                    case MathFn.Sqrt:
                        // NaN for x < 0 (and NaN); Sqrt(−0) = −0.
                        return new(x, s => Monotone(t, s, v => Round(t, Math.Sqrt(v)), true, 0, double.PositiveInfinity, onlyNaN: false));
                    case MathFn.Floor: return new(x, s => Monotone(t, s, Math.Floor, true, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
                    case MathFn.Ceiling: return new(x, s => Monotone(t, s, Math.Ceiling, true, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
                    case MathFn.Truncate: return new(x, s => Monotone(t, s, Math.Truncate, true, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
                    case MathFn.Round: return new(x, s => Monotone(t, s, v => Math.Round(v, MidpointRounding.ToEven), true, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
                }
                return null;
            }
            case MathCall { Fn: MathFn.Min or MathFn.Max } m when m.Args.Count == 2:
            {
                bool max = m.Fn == MathFn.Max;
                Expr x;
                double c;
                if (m.Args[1] is Const k1 && m.Args[0] is not Const) (x, c) = (m.Args[0], k1.Value);
                else if (m.Args[0] is Const k0 && m.Args[1] is not Const) (x, c) = (m.Args[1], k0.Value);
                else return null;
                // Math.Min/Max return NaN when either argument is NaN.
                if (double.IsNaN(c)) return new(x, s => s.NaN ? ValueSet.Full(t) : ValueSet.Empty(t));
                return new(x, s => Monotone(t, s, v => max ? (v > c ? v : c) : (v < c ? v : c), true, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
            }
            case ScalarCall call when call.Args.Count == 1 && LibraryFunction.Find(call.Method, t) is { } fn && call.Args[0].Type == t:
                return new(call.Args[0], s => fn.Preimage(s));
        }
        return null;
    }

    private static InverseStep? ConvertStep(Expr operand, ValType from, ValType to)
    {
        switch (from, to)
        {
            case (ValType.Int, ValType.Double):
            case (ValType.Float, ValType.Double):
                // Exact: the preimage is the set's values of the narrower type (NaN stays NaN; an int is never NaN).
                return new(operand, s => Narrow(s, from));
            case (ValType.Int, ValType.Float):
                // Rounds to nearest (monotone): bisect on the ints.
                return new(operand, s => Monotone(ValType.Int, s, v => (float)v, true, int.MinValue, int.MaxValue, onlyNaN: true));
            case (ValType.Double, ValType.Float):
                return new(operand, s => Monotone(ValType.Double, s, v => (float)v, true, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
        }
        return null;
    }

    /// <summary>The same values seen as a set of <paramref name="t"/> (bounds snapped inward).</summary>
    private static ValueSet Narrow(ValueSet s, ValType t) => ValueSet.Build(t, new List<(double, double)>(s.Ranges), s.NaN);

    /// <summary>x op c or c op x with a constant c, for float, double and (without wrap-around) int.</summary>
    private static InverseStep? ArithConst(BinOp op, Expr x, double c, bool constOnLeft, ValType t)
    {
        if (t == ValType.Int)
        {
            // Unchecked int + and − wrap modulo 2³²: the preimage of [lo, hi] is [lo − c, hi − c] (or c − hi …) wrapped.
            if (op == BinOp.Add) return new(x, s => IntShift(s, -c, negate: false));
            if (op == BinOp.Sub && !constOnLeft) return new(x, s => IntShift(s, c, negate: false));
            if (op == BinOp.Sub && constOnLeft) return new(x, s => IntShift(s, c, negate: true));
            return null;
        }
        if (double.IsNaN(c) || double.IsInfinity(c)) return null;
        Func<double, double> f;
        bool increasing;
        switch (op)
        {
            case BinOp.Add: f = v => Round(t, v + c); increasing = true; break;
            case BinOp.Sub when !constOnLeft: f = v => Round(t, v - c); increasing = true; break;
            case BinOp.Sub: f = v => Round(t, c - v); increasing = false; break;
            case BinOp.Mul when c != 0: f = v => Round(t, v * c); increasing = c > 0; break;
            case BinOp.Div when !constOnLeft && c != 0: f = v => Round(t, v / c); increasing = c > 0; break;
            default: return null;
        }
        return new(x, s => Monotone(t, s, f, increasing, double.NegativeInfinity, double.PositiveInfinity, onlyNaN: true));
    }

    /// <summary>{x : x + shift wrapped into int ∈ s} for <c>negate</c> false; {x : shift − x wrapped ∈ s} otherwise.</summary>
    private static ValueSet IntShift(ValueSet s, double shift, bool negate)
    {
        var ranges = new List<(double, double)>();
        foreach (var (lo, hi) in s.Ranges)
        {
            double a = negate ? shift - hi : lo + shift, b = negate ? shift - lo : hi + shift;
            // a..b spans less than 2³² values: at most three wrapped pieces.
            for (int k = -1; k <= 1; k++)
            {
                double off = k * 4294967296.0;
                double pa = Math.Max(a + off, int.MinValue), pb = Math.Min(b + off, int.MaxValue);
                if (pa <= pb) ranges.Add((pa, pb));
            }
        }
        return ValueSet.Build(ValType.Int, ranges, false);
    }

    /// <summary>{x : |x| ∈ s} given s over |x|'s type: the non-negative part and its mirror; NaN stays NaN.</summary>
    private static ValueSet Even(ValType t, ValueSet s)
    {
        var nonNegative = s.Intersect(ValueSet.Range(t, 0, double.PositiveInfinity, nan: true));
        return nonNegative.Union(nonNegative.Reflect());
    }

    /// <summary>The value of type <paramref name="t"/> that IEEE arithmetic in <paramref name="t"/> gives for
    /// <paramref name="exact"/> computed in double (for float +, −, ×, ÷ and √ of floats, rounding the double result
    /// to float gives the correctly rounded float result: double has more than 2·24 + 2 bits).</summary>
    private static double Round(ValType t, double exact) => t == ValType.Float ? (float)exact : exact;

    /// <summary>{x : f(x) ∈ s} for f non-decreasing (or non-increasing) on the domain values of
    /// <paramref name="argType"/> in [<paramref name="lo"/>, <paramref name="hi"/>], NaN outside that interval and
    /// for NaN (only for NaN when <paramref name="onlyNaN"/>). f must not return NaN inside the interval. <paramref name="s"/>
    /// is a set of f's results (of any type). With a tolerance (library functions), f's results are trusted only to
    /// <paramref name="relTolerance"/>·|y| + <paramref name="absTolerance"/>, and the found arguments are widened by
    /// <paramref name="widenKeys"/> domain steps on each side.</summary>
    internal static ValueSet Monotone(ValType argType, ValueSet s, Func<double, double> f, bool increasing, double lo, double hi, bool onlyNaN,
        long widenKeys = 0, double relTolerance = 0, double absTolerance = 0)
    {
        var ranges = new List<(double, double)>();
        long kLo = Domain.Key(argType, Domain.Up(argType, lo) ?? Domain.Max(argType)), kHi = Domain.Key(argType, Domain.Down(argType, hi) ?? Domain.Min(argType));
        if (kLo <= kHi)
            foreach (var (a0, b0) in s.Ranges)
            {
                // With a tolerance the function's last bits are unknown: look for f within the widened window.
                double a = a0, b = b0;
                if (relTolerance > 0 || absTolerance > 0)
                {
                    // An overflowed result (±∞) only says the exact value is near the largest double.
                    if (double.IsPositiveInfinity(a)) a = double.MaxValue;
                    if (double.IsNegativeInfinity(b)) b = -double.MaxValue;
                    a -= Math.Abs(a) * relTolerance + absTolerance;
                    b += Math.Abs(b) * relTolerance + absTolerance;
                }
                // First key where f ≥ a (increasing) or f ≤ b (decreasing), last key where f ≤ b (or f ≥ a).
                long first = increasing ? FirstKey(argType, kLo, kHi, v => f(v) >= a) : FirstKey(argType, kLo, kHi, v => f(v) <= b);
                long last = increasing ? LastKey(argType, kLo, kHi, v => f(v) <= b) : LastKey(argType, kLo, kHi, v => f(v) >= a);
                if (first > kHi || last < kLo) continue; // f never reaches the window
                first = Math.Max(kLo, first - widenKeys);
                last = Math.Min(kHi, last + widenKeys);
                if (first <= last) ranges.Add((Domain.FromKey(argType, first), Domain.FromKey(argType, last)));
            }
        bool nan = s.NaN;
        var result = ValueSet.Build(argType, ranges, nan);
        if (nan && !onlyNaN)
        {
            // Outside [lo, hi] the function is NaN.
            var outside = ValueSet.Range(argType, lo, hi).Complement();
            result = result.Union(outside);
        }
        return result;
    }

    /// <summary>The first key in [lo, hi] where the monotone predicate holds (hi + 1 when none).</summary>
    private static long FirstKey(ValType t, long lo, long hi, Func<double, bool> p)
    {
        long a = lo, b = hi + 1;
        while (a < b)
        {
            long m = (a & b) + ((a ^ b) >> 1); // floor of the mean, without overflow (keys span almost 2⁶⁴)
            if (p(Domain.FromKey(t, m))) b = m;
            else a = m + 1;
        }
        return a;
    }

    /// <summary>The last key in [lo, hi] where the predicate (true then false) holds (lo − 1 when none).</summary>
    private static long LastKey(ValType t, long lo, long hi, Func<double, bool> p)
    {
        long a = lo - 1, b = hi;
        while (a < b)
        {
            long m = (a | b) - ((a ^ b) >> 1); // ceiling of the mean
            if (p(Domain.FromKey(t, m))) a = m;
            else b = m - 1;
        }
        return a;
    }
}
