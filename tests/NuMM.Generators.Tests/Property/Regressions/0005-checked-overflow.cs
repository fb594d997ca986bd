// Issue 8: checked arithmetic did not throw in the vector kernel (SIMD wraps). The first cut overflows on the data's
// int extremes (OverflowException from the C#); the second only behind a guard that keeps it in range.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class CheckedSums
{
    [Cut(1, "sum")] public static bool Sum(in Ev e) => checked(e.I0 + e.I1) > 3;
}
