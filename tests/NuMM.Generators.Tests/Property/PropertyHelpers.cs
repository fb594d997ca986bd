using NuMM.Dsl;

namespace NuMM.Generators.Tests.Property;

/// <summary>[Pure] helpers that random analyses call per lane. Some throw on part of their domain, so a kernel that
/// calls them for events the C# would not call them for shows; each records its arguments so the set of calls of the
/// kernel can be compared with the set of calls of the plain C#.</summary>
public static class PropertyHelpers
{
    private static readonly float[] s_table = { 0.5f, -1.25f, 3f, 0f, -0f, 7.5f, -2f, 1e-3f };

    [ThreadStatic] private static HashSet<string>? t_calls;

    /// <summary>Starts recording calls on this thread (clears earlier ones).</summary>
    public static void StartRecording() => t_calls = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Stops recording and returns the distinct calls made on this thread since <see cref="StartRecording"/>.</summary>
    public static HashSet<string> StopRecording()
    {
        var calls = t_calls ?? new HashSet<string>(StringComparer.Ordinal);
        t_calls = null;
        return calls;
    }

    private static void Record(string what) => t_calls?.Add(what);

    // An argument's bits, every NaN recorded as one value: which NaN an operation on two NaN operands returns
    // (x + y with both NaN) is not specified by IEEE 754 or .NET, and the JIT may commute the operands differently in
    // the user's C# and in the kernel (it did at seed 19), so only "a NaN" is the same in both.
    private static string Bits(double x) => double.IsNaN(x) ? "NaN" : BitConverter.DoubleToInt64Bits(x).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Bits(float x) => float.IsNaN(x) ? "NaN" : BitConverter.SingleToInt32Bits(x).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>x/2 + 1; throws <see cref="ArithmeticException"/> for NaN (a call the C# guards with <c>!double.IsNaN(x) &amp;&amp;</c>).</summary>
    [Pure]
    public static double Strict(double x)
    {
        Record("Strict " + Bits(x));
        if (double.IsNaN(x)) throw new ArithmeticException("Strict(NaN)");
        return x * 0.5 + 1;
    }

    /// <summary>A table lookup; throws <see cref="IndexOutOfRangeException"/> outside 0..7 (guarded by a range check).</summary>
    [Pure]
    public static float Lookup(int i)
    {
        Record("Lookup " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return s_table[i];
    }

    /// <summary>Never throws: x·0.75 − 0.5.</summary>
    [Pure]
    public static float Soft(float x)
    {
        Record("Soft " + Bits(x));
        return x * 0.75f - 0.5f;
    }

    /// <summary>Never throws: whether i is odd.</summary>
    [Pure]
    public static bool Odd(int i)
    {
        Record("Odd " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (i & 1) != 0;
    }
}
