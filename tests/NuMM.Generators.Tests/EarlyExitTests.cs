using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>Where the block loop tests whether it can skip the remaining cuts: only where they cost more than a
/// mispredicted branch (64 vector operations, AnalysisEmitter.ExitMinOps).</summary>
public class EarlyExitTests
{
    private const string Schema = """
        using NuMM.Dsl;
        [EventSchema]
        public partial struct Ev
        {
            public float E;
            public float Theta;
            public float X;
        }

        """;

    private static int Exits(string cuts)
    {
        var run = GeneratorHarness.RunGenerator(Schema + "[Analysis(typeof(Ev))]\npublic static partial class Sel\n{\n" + cuts + "\n}\n");
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        string code = run.Generated("Sel.NuMM.g.cs");
        return code.Split("goto tally;").Length - 1;
    }

    // Eleven cheap cuts: nine comparisons after cut 2, about 40 operations, less than a misprediction costs.
    private static readonly string CheapCuts = string.Join("\n", Enumerable.Range(1, 11).Select(k => $"""[Cut({k}, "c{k}")] public static bool C{k}(in Ev e) => e.{(k % 2 == 0 ? "E" : "X")} > {k}f && e.Theta < {k}f;"""));

    // Two cheap cuts, then two polynomials of degree 13 (about 40 operations each).
    private static string CostlyCuts()
    {
        static string Poly(string v) => string.Concat(Enumerable.Repeat("(", 12)) + $"0.5f * e.{v} + 1f)" + string.Concat(Enumerable.Range(0, 11).Select(_ => $" * e.{v} + 1f)")) + $" * e.{v}";
        return $$"""
            [Cut(1, "a")] public static bool A(in Ev e) => e.X > 0f;
            [Cut(2, "b")] public static bool B(in Ev e) => e.E > 1f;
            [Cut(3, "c")] public static bool C(in Ev e) => {{Poly("E")}} > 2f;
            [Cut(4, "d")] public static bool D(in Ev e) => {{Poly("Theta")}} < 1f;
            """;
    }

    private const string ShiftE = "\n[Shift(\"scale\", nameof(Ev.E), -3, -2, -1, 1, 2, 3)] public static float Scale(in Ev e, double sigma) => e.E * (1f + 0.05f * (float)sigma);";

    [Fact]
    public void CheapCuts_NoExitTest() => Assert.Equal(0, Exits(CheapCuts));

    [Fact]
    public void CheapCutsWithShifts_NominalCutsCount_NoExitTest()
    {
        // E shifted at 6 σ points: 7 copies of every E cut. Summed over the selections the cuts after cut 2 would pass the
        // bound; the nominal selection's alone stay below it.
        Assert.Equal(0, Exits(CheapCuts + ShiftE));
    }

    // Before cut 3 (two polynomials left, about 80 operations) at each of the three widths; not before cut 4 (one left),
    // and never before cut 2 (no event can have failed two cuts).
    [Fact]
    public void CostlyCuts_ExitWhereTheRestCostsEnough() => Assert.Equal(3, Exits(CostlyCuts()));

    [Fact]
    public void CostlyShiftedCut_ExitWhereTheRestCostsEnough()
    {
        // A costly cut of the shifted quantity still earns the test before it (the nominal selection's cuts count).
        Assert.Equal(3, Exits(CostlyCuts() + ShiftE));
    }
}
