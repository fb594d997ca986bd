// Issue 8: checked arithmetic did not throw in the vector kernel (SIMD wraps). The first cut overflows on the data's
// int extremes (OverflowException from the C#); the second only behind a guard that keeps it in range.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class CheckedGuarded
{
    [Cut(1, "square")] public static bool Square(in Ev e) => e.I0 is > -1000 and < 1000 && checked(e.I0 * e.I0 - e.I1) > 10;
    [Cut(2, "negate")] public static bool Negate(in Ev e) => e.I1 != int.MinValue && checked(-e.I1) < 0;
}
