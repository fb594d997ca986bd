// Found by DifferentialTests (seed 1), shrunk: the constants 0.0 and -0.0 compared equal as records, so the kernel's
// common-subexpression cache used +0 for -0 (here Strict(-0.0) ran as Strict(0), and Atan2(-0.0, -1) gives +π for -π).
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class SignedZero
{
    public static readonly double K1 = double.NaN;
    [Cut(1, "C1")] public static bool C1(in Ev e) => double.IsNaN((double.IsNaN((-0.0)) ? K1 : PropertyHelpers.Strict((-0.0))));
    [Cut(2, "atan2")] public static bool Atan(in Ev e) => e.D0 + 0.0 > -100 && Math.Atan2(-0.0, -1.0) < 0;
    [Weight("w0")] public static double W0(in Ev e) => 0.0;
}
