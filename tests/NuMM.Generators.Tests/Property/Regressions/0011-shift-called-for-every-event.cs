// Found by DifferentialTests (seed 8), shrunk: the C# twin calls a shift method for every event at every σ point, but
// the kernel inlined the shift body only where the column is read (nowhere here), so Strict(NaN) never threw.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class UnreadShift
{
    [Cut(4, "C4")] public static bool C4(in Ev e) => e.B0;
    [Shift("s0", "D1", -1.0, 2.0)] public static double Sh0(in Ev e, double sigma) => PropertyHelpers.Strict(e.D0);
}
