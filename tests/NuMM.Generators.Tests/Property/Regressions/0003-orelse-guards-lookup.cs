// Issue 8: || did not guard per-lane calls: a [Pure] table lookup behind an index-range check.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class OrElse
{
    [Cut(1, "lookup")] public static bool InTable(in Ev e) => e.I0 < 0 || e.I0 > 7 || PropertyHelpers.Lookup(e.I0) < 1f;
}
