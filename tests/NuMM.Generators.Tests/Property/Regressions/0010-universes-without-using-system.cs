// Found by DifferentialTests (seed 8), shrunk: with universes (the tiled weight-variation sweep) the generated file
// called array.AsSpan(...), an extension method that only binds where 'using System;' is in effect for the generated
// file (ImplicitUsings); without it the generated code did not compile (CS1061).
using NuMM.Dsl;
using NuMM.Generators.Tests.Property;

namespace Prop;

[Analysis(typeof(Ev))]
public static partial class Universes
{
    [Cut(2, "C2")] public static bool C2(in Ev e) => e.B1;
    [Universes("u0", 3)] public static double Un0(in Ev e, int universe) => e.D0 - e.D0 == 0.0 ? 1.0 + universe * 0.25 : 1.0;
}
