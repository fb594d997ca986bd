using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Selection;

public class CutFlowTests
{
    private static CutFlow Filled(double scale = 1)
    {
        var f = new CutFlow(["A", "B", "C"]);
        long[] passed = [100, 50, 40, 10];
        for (int i = 0; i < passed.Length; i++) { f.Passed[i] = passed[i]; f.SumW[i] = scale * passed[i] / 2.0; f.SumW2[i] = scale * scale * passed[i] / 4.0; }
        long[] allButOne = [20, 12, 25];
        for (int i = 0; i < 3; i++) { f.PassedAllOthers[i] = allButOne[i]; f.SumWAllOthers[i] = scale * allButOne[i] / 2.0; f.SumW2AllOthers[i] = allButOne[i] / 4.0; }
        return f;
    }

    [Fact]
    public void Layout_HasCutCountPlusOneStepsAndCutCountAllOthers()
    {
        var f = new CutFlow(["A", "B"]);
        Assert.Equal(2, f.CutCount);
        Assert.Equal(3, f.Passed.Length);
        Assert.Equal(3, f.SumW.Length);
        Assert.Equal(3, f.SumW2.Length);
        Assert.Equal(2, f.PassedAllOthers.Length);
        Assert.Equal(2, f.SumWAllOthers.Length);
        Assert.Equal(2, f.SumW2AllOthers.Length);
        Assert.Equal(["A", "B"], f.CutNames);
    }

    [Fact]
    public void Efficiencies_FollowDefinitions()
    {
        var f = Filled();
        Assert.Equal(0.4, f.CumulativeEfficiency(2), 15);
        Assert.Equal(0.8, f.StepEfficiency(2), 15);             // 40 / 50
        Assert.Equal(10.0 / 12, f.NMinusOneEfficiency(2), 15);  // N_all / N_(all but B)
        Assert.Equal(0.5, f.StepEfficiency(1, weighted: false), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => f.StepEfficiency(0));
        Assert.True(double.IsNaN(new CutFlow(["A"]).CumulativeEfficiency(1)));
    }

    [Fact]
    public void AddAndReset_Work()
    {
        var a = Filled();
        a.Add(Filled(3));
        Assert.Equal(200, a.Passed[0]);
        Assert.Equal(200.0, a.SumW[0]);
        Assert.Equal(24, a.PassedAllOthers[1]);
        Assert.Equal(24.0, a.SumWAllOthers[1]);
        a.Reset();
        Assert.All(a.Passed, v => Assert.Equal(0, v));
        Assert.All(a.SumWAllOthers, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Add_DifferentCuts_ThrowsListingBoth()
    {
        var a = new CutFlow(["Fiducial", "Containment"]);
        var b = new CutFlow(["Fiducial", "EnergyCut"]);
        var e = Assert.Throws<ArgumentException>(() => a.Add(b));
        Assert.Contains("EnergyCut", e.Message);
        Assert.Contains("Containment", e.Message);
    }

    [Fact]
    public void Constructor_DuplicateOrEmptyName_Throws()
    {
        Assert.Contains("'A' appears twice", Assert.Throws<ArgumentException>(() => new CutFlow(["A", "A"])).Message);
        Assert.Throws<ArgumentException>(() => new CutFlow(["A", " "]));
    }

    [Fact]
    public void ToMarkdown_RendersEveryStep()
    {
        var md = Filled().ToMarkdown();
        Assert.Contains("| No Cut | 50.00 | 100 | 100 |", md);
        Assert.Contains("| B | 20.00 | 80.00 | 40.00 |", md);
    }
}
