using System;
using NuMM.Generators.Model;

namespace NuMM.Generators.Feasibility;

/// <summary>A one-argument <c>Math</c>/<c>MathF</c> function without a vector form that is monotone where it is not
/// NaN. IEEE 754 does not fix the last bits of these functions (they differ between C libraries), so the preimage is
/// taken with a tolerance far above any real library's error (2⁻⁴⁰ relative for double, 2⁻¹⁸ for float); what is
/// exact is where they are NaN, which the C standard (Annex F) fixes: <c>Log(x &lt; 0)</c>, <c>Asin(|x| &gt; 1)</c>, NaN.</summary>
internal sealed class LibraryFunction
{
    private readonly Func<double, double> _f;
    private readonly bool _increasing;
    private readonly double _lo, _hi, _min, _max;

    private LibraryFunction(Func<double, double> f, bool increasing, double lo, double hi, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        _f = f;
        _increasing = increasing;
        _lo = lo;
        _hi = hi;
        _min = min;
        _max = max;
    }

    private static LibraryFunction All(Func<double, double> f, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        => new(f, true, double.NegativeInfinity, double.PositiveInfinity, min, max);

    /// <summary>The function <paramref name="method"/> (as the translator names a per-lane call) of one
    /// <paramref name="type"/> argument, or null when it is not one of the known monotone functions.</summary>
    public static LibraryFunction? Find(string method, ValType type)
    {
        const string math = "global::System.Math.", mathF = "global::System.MathF.";
        string name;
        if (type == ValType.Double && method.StartsWith(math, StringComparison.Ordinal)) name = method.Substring(math.Length);
        else if (type == ValType.Float && method.StartsWith(mathF, StringComparison.Ordinal)) name = method.Substring(mathF.Length);
        else return null;
        return name switch
        {
            // Bounds every C library keeps exactly: exp ≥ +0 (+0 on underflow), |tanh| ≤ 1, acos ≥ +0.
            "Exp" => All(Math.Exp, min: 0),
            "Log" => new(Math.Log, true, 0, double.PositiveInfinity),
            "Log10" => new(Math.Log10, true, 0, double.PositiveInfinity),
            "Log2" => new(x => Math.Log(x) / Math.Log(2), true, 0, double.PositiveInfinity),
            "Cbrt" => All(x => x < 0 ? -Math.Pow(-x, 1.0 / 3) : Math.Pow(x, 1.0 / 3)),
            "Atan" => All(Math.Atan),
            "Tanh" => All(Math.Tanh, min: -1, max: 1),
            "Sinh" => All(Math.Sinh),
            "Asin" => new(Math.Asin, true, -1, 1),
            "Acos" => new(Math.Acos, false, -1, 1, min: 0),
            _ => null,
        };
    }

    /// <summary>A superset of {x : f(x) ∈ s}.</summary>
    public ValueSet Preimage(ValueSet s)
    {
        var t = s.Type;
        // Results outside the function's range never occur (NaN results are kept).
        s = s.Intersect(ValueSet.Range(t, _min, _max, nan: true));
        bool everywhere = double.IsNegativeInfinity(_lo) && double.IsPositiveInfinity(_hi);
        return t == ValType.Float
            ? Feasibility.Preimage.Monotone(t, s, _f, _increasing, _lo, _hi, everywhere, widenKeys: 1 << 7, relTolerance: 1.0 / (1 << 18), absTolerance: 1e-37)
            : Feasibility.Preimage.Monotone(t, s, _f, _increasing, _lo, _hi, everywhere, widenKeys: 1 << 13, relTolerance: 1.0 / (1L << 40), absTolerance: 1e-300);
    }
}
