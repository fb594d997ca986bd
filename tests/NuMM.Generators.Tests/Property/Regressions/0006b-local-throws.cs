// Issue 8: a local is evaluated where it is declared, even when the result uses it only behind && (or not at all).
// The kernel inlined locals, so it skipped these calls (and the exceptions they raise).
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class LocalThrows
{
    [Cut(1, "lookup")] public static bool Lookup(in Ev e) { float t = PropertyHelpers.Lookup(e.I0); return e.I0 is >= 0 and < 8 && t > 0f; }
}
