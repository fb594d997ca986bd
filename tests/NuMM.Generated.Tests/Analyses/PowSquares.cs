using NuMM.Dsl;

namespace NuMM.Generated.Tests.Analyses;

/// <summary>Math.Pow(x, 2) of an int and of a float: the float's square is exact, so the kernel multiplies; the int's
/// may fall halfway between two doubles, where the platform's pow and x·x can round apart, so the kernel calls pow.</summary>
[Analysis(typeof(SystEvent))]
public static partial class PowSquares
{
    [Cut(1, "Hits² > 15419606208949848")] public static bool IntSquare(in SystEvent e) => Math.Pow((double)e.Hits, 2) > 15419606208949848.0;
    [Cut(2, "E² > 0.25")] public static bool FloatSquare(in SystEvent e) => Math.Pow(e.E, 2) > 0.25;
}
