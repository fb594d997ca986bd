// Issue 8: a local is evaluated where it is declared, even when the result uses it only behind && (or not at all).
// The kernel inlined locals, so it skipped these calls (and the exceptions they raise).
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class Locals
{
    [Cut(1, "soft")] public static bool SoftCut(in Ev e) { float t = PropertyHelpers.Soft(e.F0); return e.B0 && t > 0f; }
    [Cut(2, "unused")] public static bool Unused(in Ev e) { bool odd = PropertyHelpers.Odd(e.I1); return e.F1 > 0f; }
}
