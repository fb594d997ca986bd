using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.Histograms;

/// <summary><see cref="AnalysisRunner"/> on 1 vs 2 threads: 2 M events in batches of 8192 replayed from memory, a
/// hand-written kernel with four cuts, N−1 bookkeeping and three histograms (the shape of a generated kernel).</summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class RunnerBenchmarks
{
    private const int Events = 2_000_000;
    private const int BatchSize = 8192;
    private ArrayBatchSource<DynamicColumnBatch> _source = null!;
    private readonly BenchKernel _kernel = new();

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var batches = new List<DynamicColumnBatch>();
        for (int start = 0; start < Events; start += BatchSize)
        {
            var b = BenchKernel.NewBatch();
            int n = Math.Min(BatchSize, Events - start);
            var e = b.Column<float>(0); var th = b.Column<float>(1); var vz = b.Column<float>(2); var w = b.Column<float>(3);
            for (int i = 0; i < n; i++)
            {
                e[i] = (float)(rng.NextDouble() * 6);
                th[i] = (float)(rng.NextDouble() * 0.2);
                vz[i] = (float)(rng.NextDouble() * 1300);
                w[i] = (float)(0.5 + rng.NextDouble());
            }
            b.Length = n;
            batches.Add(b);
        }
        _source = new ArrayBatchSource<DynamicColumnBatch>(batches);
    }

    [Benchmark(Baseline = true, Description = "runner, 1 thread")]
    public double OneThread() => Run(1, copy: false);

    [Benchmark(Description = "runner, 2 threads")]
    public double TwoThreads() => Run(2, copy: false);

    [Benchmark(Description = "runner, 1 thread, batches copied")]
    public double OneThreadCopied() => Run(1, copy: true);

    [Benchmark(Description = "runner, 2 threads, batches copied")]
    public double TwoThreadsCopied() => Run(2, copy: true);

    // The array source hands the runner its batches (zero-copy); wrapped, it can only copy them (as before zero-copy sources).
    private double Run(int threads, bool copy)
    {
        _source.Rewind();
        IBatchSource<DynamicColumnBatch> source = copy ? new Copying(_source) : _source;
        var r = AnalysisRunner.Run(_kernel, source, BenchKernel.NewBatch, new RunOptions { MaxThreads = threads });
        return r.CutFlow.SumW[^1];
    }

    private sealed class Copying(ArrayBatchSource<DynamicColumnBatch> inner) : IBatchSource<DynamicColumnBatch>
    {
        public bool ReadNext(DynamicColumnBatch batch) => inner.ReadNext(batch);
    }

    private sealed class BenchKernel : IAnalysisKernel<DynamicColumnBatch>
    {
        private static readonly ColumnInfo[] Columns =
        [
            new("Ecal", ColumnType.Single, "GeV", "Ecal", true),
            new("theta", ColumnType.Single, "rad", "theta", true),
            new("vtxZ", ColumnType.Single, "cm", "vtxZ", true),
            new("w", ColumnType.Single, "", "w", true),
        ];
        private static readonly string[] Cuts = ["Fiducial", "EnergyLow", "EnergyHigh", "ETheta2"];
        private static readonly RegularAxis EAxis = new(50, 0, 5, "Ecal", "GeV");
        private static readonly RegularAxis ET2Axis = new(20, 0, 0.005, "E θ²", "GeV rad²");
        private static readonly RegularAxis ThAxis = new(40, 0, 0.2, "θ", "rad");

        public static DynamicColumnBatch NewBatch() => new(Columns, BatchSize);

        public AnalysisResult CreateResult() => new("Bench", new CutFlow(Cuts),
            [new Histogram1D(EAxis, "Ecal"), new Histogram1D(ET2Axis, "ETheta2")], [new Histogram2D(EAxis, ThAxis, "EvsTheta")]);

        public void Process(DynamicColumnBatch batch, AnalysisResult into)
        {
            var e = batch.Column<float>(0); var th = batch.Column<float>(1); var vz = batch.Column<float>(2); var w = batch.Column<float>(3);
            var f = into.CutFlow;
            var hE = into.Histograms1D[0]; var hET2 = into.Histograms1D[1]; var h2 = into.Histograms2D[0];
            Span<bool> pass = stackalloc bool[4];
            for (int i = 0; i < batch.Length; i++)
            {
                double wi = w[i];
                double et2 = e[i] * th[i] * th[i];
                pass[0] = vz[i] > 95 && vz[i] < 1095;
                pass[1] = e[i] > 0.5f;
                pass[2] = e[i] < 5f;
                pass[3] = et2 < 0.005;
                f.Passed[0]++; f.SumW[0] += wi; f.SumW2[0] += wi * wi;
                bool all = true;
                for (int k = 0; k < 4 && all; k++)
                {
                    all = pass[k];
                    if (all) { f.Passed[k + 1]++; f.SumW[k + 1] += wi; f.SumW2[k + 1] += wi * wi; }
                }
                for (int k = 0; k < 4; k++)
                {
                    bool others = true;
                    for (int j = 0; j < 4; j++) if (j != k) others &= pass[j];
                    if (others) { f.PassedAllOthers[k]++; f.SumWAllOthers[k] += wi; f.SumW2AllOthers[k] += wi * wi; }
                }
                if (all)
                {
                    hE.Fill(e[i], wi);
                    hET2.Fill(et2, wi);
                    h2.Fill(e[i], th[i], wi);
                }
            }
        }
    }
}
