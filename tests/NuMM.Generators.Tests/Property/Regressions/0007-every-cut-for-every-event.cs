// The C# twin evaluates every cut for every event; the vector kernel skipped the remaining cuts of a block once all its
// events had failed two cuts, so a per-lane call in a later cut was not made for those events.
using System;
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class LaterCuts
{
    [Cut(1, "rare a")] public static bool RareA(in Ev e) => e.F0 > 3.5f;
    [Cut(2, "rare b")] public static bool RareB(in Ev e) => e.F1 > 3.5f;
    [Cut(3, "odd")] public static bool IsOdd(in Ev e) => PropertyHelpers.Odd(e.I0);
}
