using NuMM.Generated.Tests.Analyses;
using NuMM.Generated.Tests.Support;

namespace NuMM.Generated.Tests;

/// <summary>The vector kernel against direct calls of the user's own methods for constructs once translated wrongly.</summary>
public class ExactnessTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void NamedArgumentsAndCollidingStatics_MatchTheUsersMethods(int bits)
    {
        var rng = new Random(17);
        var batch = new ExactEvent.Batch(5000);
        for (int i = 0; i < 5000; i++) batch.Set(i, new ExactEvent { A = RandomEvents.Value(rng, -3, 3, 1.5f, -0.5f), B = RandomEvents.Value(rng, -3, 3, 1.5f, -0.5f) });
        batch.Length = 5000;
        var kernel = new ExactSelection.Kernel { MaxVectorBits = bits };
        var result = kernel.CreateResult();
        kernel.Process(batch, result);

        var passed = new long[4];
        var hist = kernel.CreateResult().Histogram1D("Angle");
        for (int i = 0; i < batch.Length; i++)
        {
            var e = batch[i];
            passed[0]++;
            if (!ExactSelection.ACut(e)) continue;
            passed[1]++;
            if (!ExactSelection.BCut(e)) continue;
            passed[2]++;
            if (!ExactSelection.AngleCut(e)) continue;
            passed[3]++;
            hist.Fill(ExactSelection.Angle(e));
        }
        Assert.Equal(passed, result.CutFlow.Passed);
        Assert.Equal(hist.SumW.ToArray(), result.Histogram1D("Angle").SumW.ToArray());
        // Atan2(y: B, x: A) = atan2(B, A): the angle cut keeps events with B > 0, so a swap would show.
        Assert.True(passed[3] > 100);
    }
}
