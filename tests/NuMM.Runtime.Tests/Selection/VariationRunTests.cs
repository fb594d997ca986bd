using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class VariationRunTests
{
    private const long Events = 20_000;

    /// <summary>The test sample with x scaled by (1 + <paramref name="scale"/>): a "calibration-shifted simulation".</summary>
    private static DelegateBatchSource<DynamicColumnBatch> ShiftedSource(double scale, long events = Events) =>
        new(events, (b, row, i) =>
        {
            TestKernel.Write(b, row, i);
            b.Column<double>(0)[row] *= 1 + scale;
        });

    private static SampleVariation<DynamicColumnBatch>[] Samples() =>
    [
        new("calib", -1, ShiftedSource(-0.03).WithExposure(Exposure.Pot(1e20))),
        new("calib", 1, ShiftedSource(0.03).WithExposure(Exposure.Pot(1e20))),
        new("calib", 2, ShiftedSource(0.06, Events / 2).WithExposure(Exposure.Pot(5e19))),
    ];

    private static AnalysisResult RunWithSamples(int threads, int capacity = 700) =>
        AnalysisRunner.Run(new VariedTestKernel(), TestKernel.Source(Events).WithExposure(Exposure.Pot(1e20)), Samples(),
            () => TestKernel.NewBatch(capacity), new RunOptions { MaxThreads = threads });

    [Fact]
    public void Run_SourceWithExposure_ResultAndInKernelVariationsCarryIt()
    {
        var r = AnalysisRunner.Run(new VariedTestKernel(), TestKernel.Source(Events).WithExposure(Exposure.Pot(3e20)), () => TestKernel.NewBatch(1000),
            new RunOptions { MaxThreads = 2 });
        Assert.Equal(Exposure.Pot(3e20), r.Exposure);
        Assert.All(r.Variations, v => Assert.Equal(Exposure.Pot(3e20), v.Exposure));
        var plain = AnalysisRunner.Run(new TestKernel(), TestKernel.Source(100), () => TestKernel.NewBatch(64));
        Assert.Equal(Exposure.None, plain.Exposure);
    }

    [Fact]
    public void Run_InKernelShift_CountsMatchAHandLoopOverTheShiftedSample()
    {
        var r = AnalysisRunner.Run(new VariedTestKernel(), TestKernel.Source(Events), () => TestKernel.NewBatch(1000), new RunOptions { MaxThreads = 3 });
        var batch = TestKernel.NewBatch(1);
        foreach (double sigma in VariedTestKernel.ShiftSigmas)
        {
            long selected = 0;
            double sumW = 0;
            for (long i = 0; i < Events; i++)
            {
                TestKernel.Write(batch, 0, i);
                double x = batch.Column<double>(0)[0] * (1 + 0.05 * sigma);
                float y = batch.Column<float>(1)[0];
                if (x > 0.1 && y < 0.8f && x < 0.9) { selected++; sumW += batch.Column<double>(2)[0]; }
            }
            var flow = r.Variation("xScale", sigma).CutFlow;
            Assert.Equal(selected, flow.Passed[3]);
            Assert.Equal(sumW, flow.SumW[3], 1e-12 * sumW);
            Assert.Equal(sumW, r.Variation("xScale", sigma).Histogram1D("y").Integral(true), 1e-12 * sumW);
        }
        Assert.NotEqual(r.Variation("xScale", 2).CutFlow.Passed[3], r.CutFlow.Passed[3]);
    }

    [Fact]
    public void Run_SampleVariations_LandTaggedWithTheirOwnExposure_AndEqualSeparateRuns()
    {
        var r = RunWithSamples(threads: 2);
        Assert.Equal(["xScale", "wKnob", "flux", "calib"], r.Systematics);
        var calib = r.VariationsOf("calib");
        Assert.Equal([-1.0, 1.0, 2.0], calib.Select(v => v.Sigma));
        Assert.All(calib, v => Assert.Equal(VariationKind.Sample, v.Kind));
        Assert.Equal(Exposure.Pot(1e20), r.Exposure);
        Assert.Equal(Exposure.Pot(5e19), r.Variation("calib", 2).Exposure);
        Assert.All(calib, v => Assert.Empty(v.Result.Variations));

        // Each sample variation is what a plain run of the nominal analysis over the shifted sample gives.
        var samples = Samples();
        for (int i = 0; i < samples.Length; i++)
        {
            var alone = AnalysisRunner.Run(new TestKernel(), samples[i].Source, () => TestKernel.NewBatch(700), new RunOptions { MaxThreads = 1 });
            ResultAssert.BitwiseEqual(alone, r.Variation("calib", samples[i].Sigma), $"calib {samples[i].Sigma}");
        }
    }

    [Fact]
    public void Run_SampleVariations_BitwiseIndependentOfThreadCount()
    {
        var one = RunWithSamples(1);
        for (int threads = 2; threads <= 6; threads++) ResultAssert.BitwiseEqual(one, RunWithSamples(threads), $"{threads} threads");
        // The summation order depends on the batch size (documented), so small batches are compared among themselves.
        ResultAssert.BitwiseEqual(RunWithSamples(1, capacity: 97), RunWithSamples(5, capacity: 97), "5 threads, small batches");
    }

    [Fact]
    public void Run_SampleVariations_BadInput_NamesTheSample()
    {
        Func<DynamicColumnBatch> nb = () => TestKernel.NewBatch(100);
        var dup = new SampleVariation<DynamicColumnBatch>[] { new("calib", 1, ShiftedSource(0.1, 10)), new("calib", 1, ShiftedSource(0.1, 10)) };
        Assert.Contains("both 'calib' at σ = 1", Assert.Throws<ArgumentException>(() => AnalysisRunner.Run(new TestKernel(), TestKernel.Source(10), dup, nb)).Message);
        var clash = new SampleVariation<DynamicColumnBatch>[] { new("flux", 1, ShiftedSource(0.1, 10)) };
        Assert.Contains("already filled by the kernel", Assert.Throws<ArgumentException>(() => AnalysisRunner.Run(new VariedTestKernel(), TestKernel.Source(10), clash, nb)).Message);
        var nan = new SampleVariation<DynamicColumnBatch>[] { new("calib", double.NaN, ShiftedSource(0.1, 10)) };
        Assert.Throws<ArgumentException>(() => AnalysisRunner.Run(new TestKernel(), TestKernel.Source(10), nan, nb));
        var mixed = new SampleVariation<DynamicColumnBatch>[] { new("calib", 1, ShiftedSource(0.1, 10).WithExposure(Exposure.LivetimeSeconds(5))) };
        Assert.Contains("do not mix", Assert.Throws<ArgumentException>(() =>
            AnalysisRunner.Run(new TestKernel(), TestKernel.Source(10).WithExposure(Exposure.Pot(1)), mixed, nb)).Message);
        var failing = new SampleVariation<DynamicColumnBatch>[] { new("calib", -2, ShiftedSource(0.1, 1000)) };
        var e = Assert.Throws<AnalysisRunException>(() => AnalysisRunner.Run(new TestKernel { ThrowAtEvent = 500 }, TestKernel.Source(10), failing, nb));
        Assert.Contains("sample variation 'calib' σ = -2", e.Message);
        Assert.Equal(5, e.BatchIndex);
    }

    [Fact]
    public void Run_ColumnarFile_ResultCarriesTheExposureTheFileRecords()
    {
        string dir = Path.Combine(Path.GetTempPath(), "numm-varrt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "sample.numm");
            using (var writer = new ColumnarFileWriter(path, TestKernel.Columns, new ColumnarWriteOptions { Exposure = Exposure.Pot(7.5e20), RowGroupEntries = 256 }))
            {
                var b = TestKernel.NewBatch(1000);
                var src = TestKernel.Source(3000);
                while (src.ReadNext(b)) writer.Write(b);
                writer.Commit();
            }
            using var file = ColumnarFileReader.Open(path);
            var r = AnalysisRunner.Run(new TestKernel(), file.OpenSource(TestKernel.Columns), () => TestKernel.NewBatch(512), new RunOptions { MaxThreads = 2 });
            Assert.Equal(Exposure.Pot(7.5e20), r.Exposure);
            Assert.Equal(3000, r.CutFlow.Passed[0]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
