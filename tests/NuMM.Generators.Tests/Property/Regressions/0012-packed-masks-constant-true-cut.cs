// Found by DifferentialTests (seed 19), shrunk: with shifts the kernel packs the pass masks of four selections into one
// ulong and replicates an unshifted cut's mask with a multiply; a constant-true cut's mask is ~0u, whose bits above the
// 16 lanes carried into the neighbouring selection (a shifted selection lost one event per block).
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class PackedConstantCut
{
    [Cut(1, "C1")] public static bool C1(in Ev e) => true;
    [Shift("s0", "D1", -1.0, 2.0)] public static double Sh0(in Ev e, double sigma) => e.D0;
}
