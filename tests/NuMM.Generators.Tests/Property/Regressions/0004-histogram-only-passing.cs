// Issue 8: histogram quantities were computed for lanes that did not pass; here the quantity throws for them.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
[Histogram("table", nameof(Table), Bins = 8, Min = -2, Max = 8)]
public static partial class PassingOnly
{
    [Cut(1, "in table")] public static bool InTable(in Ev e) => e.I0 is >= 0 and < 8;
    [Variable("table value")] public static float Table(in Ev e) => PropertyHelpers.Lookup(e.I0);
}
