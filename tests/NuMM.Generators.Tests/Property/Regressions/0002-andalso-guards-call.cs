// Issue 8: && did not guard per-lane calls. Strict throws for NaN and Math.Sign throws for NaN; the C# never calls
// them for NaN here.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class AndAlso
{
    [Cut(1, "strict")] public static bool Strict(in Ev e) => !double.IsNaN(e.D0) && PropertyHelpers.Strict(e.D0) > 1.0;
    [Cut(2, "sign")] public static bool Sign(in Ev e) => !double.IsNaN(e.D1) && Math.Sign(e.D1) >= 0;
}
