// Found by DifferentialTests (seed 8), shrunk. The vector kernel called Lookup(8) on every lane although the ?: takes
// the other branch: IndexOutOfRangeException from Process only.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class A2
{
    public static readonly int K0 = 8;
    [Cut(2, "C2")] public static bool C2(in Ev e) => ((K0 is >= 0 and < 8 ? PropertyHelpers.Lookup(K0) : 2.5f) >= e.F1);
}
