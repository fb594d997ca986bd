using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>End to end: a real ROOT file (uproot's HZZ test file, see TestData/root/PROVENANCE.md in NuMM.Data.Tests)
/// read by the native reader into the generated batch type and selected by the generated kernel on all cores.</summary>
public class RootToKernelTests
{
    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "root", name);

    [Theory]
    [InlineData("uproot-HZZ-uncompressed.root")]
    [InlineData("uproot-HZZ-zlib.root")]
    [InlineData("uproot-HZZ-lz4.root")]
    [InlineData("uproot-HZZ-zstd.root")]
    [InlineData("uproot-HZZ-lzma.root")]
    public void Run_HzzFile_MatchesHandCountOverRawBranches(string name)
    {
        using var file = RootFile.Open(File(name));
        var tree = file.GetTree("events");
        Assert.Equal(2421, tree.Entries); // uproot5 tests/test_0043_iterate_function.py

        var kernel = new HzzMissingEnergy.Kernel();
        var result = AnalysisRunner.Run(kernel, tree.OpenBatches<HzzEvent.Batch>(HzzEvent.Batch.Schema), () => new HzzEvent.Batch(500),
            new RunOptions { MaxThreads = 2 });

        // Independent: the raw branches, counted by hand.
        var px = tree.GetBranch("MET_px").Read<float>();
        var py = tree.GetBranch("MET_py").Read<float>();
        var nMuon = tree.GetBranch("NMuon").Read<int>();
        long all = px.Length, oneMuon = 0, both = 0;
        var met = new double[21];
        for (int i = 0; i < px.Length; i++)
        {
            if (nMuon[i] < 1) continue;
            oneMuon++;
            float m = MathF.Sqrt(px[i] * px[i] + py[i] * py[i]);
            if (!(m > 10f)) continue;
            both++;
            met[Math.Min((int)(m / 5f), 20)] += 1;
        }
        Assert.Equal(new[] { all, oneMuon, both }, result.CutFlow.Passed);
        var h = HzzMissingEnergy.Kernel.Met(result);
        for (int b = 0; b < 20; b++) Assert.Equal(met[b], h.SumW[b + 1]);
        Assert.Equal(met[20], h.SumW[21]);
        Assert.True(both > 100, $"only {both} events selected; the test would not be telling");
    }
}
