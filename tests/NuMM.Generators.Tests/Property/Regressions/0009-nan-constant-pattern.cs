// Found by DifferentialTests (seed 1), shrunk: 'x is float.NaN' matches NaN in C# (an IsNaN test), but the kernel
// compared with ==, which NaN never satisfies.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class NaNPattern
{
    [Cut(1, "C1")] public static bool C1(in Ev e) => e.D0 is not double.NaN;
    [Cut(2, "C2")] public static bool C2(in Ev e) => (e.F1 is float.NaN);
}
