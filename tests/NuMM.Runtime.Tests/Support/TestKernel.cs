using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Support;

/// <summary>A hand-written analysis kernel over a <see cref="DynamicColumnBatch"/> with columns x (double, GeV),
/// y (float, rad) and w (double weight): three cuts, a regular and a variable 1-D histogram and a 2-D histogram,
/// filled the way a generated kernel would (cut flow with N−1 yields, then histograms of passing events).</summary>
internal sealed class TestKernel : IAnalysisKernel<DynamicColumnBatch>
{
    public static readonly ColumnInfo[] Columns =
    [
        new("x", ColumnType.Double, "GeV", "x", false),
        new("y", ColumnType.Single, "rad", "y", false),
        new("w", ColumnType.Double, "", "w", true),
        new("id", ColumnType.Int64, "", "id", false),
    ];

    public static readonly string[] CutNames = ["xLow", "yHigh", "xHigh"];

    private static readonly RegularAxis XAxis = new(20, 0, 1, "x", "GeV");
    private static readonly VariableAxis YAxis = new([0, 0.1, 0.25, 0.5, 0.9, 1.0], "y", "rad");

    /// <summary>When ≥ 0, Process throws on the batch holding this event.</summary>
    public long ThrowAtEvent { get; init; } = -1;

    public static DynamicColumnBatch NewBatch(int capacity) => new(Columns, capacity);

    public static DelegateBatchSource<DynamicColumnBatch> Source(long events, int maxBatch = 0) =>
        new(events, Write, maxBatch);

    /// <summary>Event i: x and y uniform-ish (with a few NaN and out-of-range values), weight in [0.1, 2.4).</summary>
    public static void Write(DynamicColumnBatch b, int row, long i)
    {
        double u = TestData.Uniform(i, 1);
        b.Column<double>(0)[row] = i % 97 == 0 ? double.NaN : -0.05 + 1.1 * u;
        b.Column<float>(1)[row] = (float)TestData.Uniform(i, 2);
        b.Column<double>(2)[row] = 0.1 + 2.3 * TestData.Uniform(i, 3);
        b.Column<long>(3)[row] = i;
    }

    public AnalysisResult CreateResult() => new("TestAnalysis", new CutFlow(CutNames),
        [new Histogram1D(XAxis, "x"), new Histogram1D(YAxis, "y")],
        [new Histogram2D(XAxis, YAxis, "xy")]);

    public static bool Pass(int cut, double x, float y) => cut switch
    {
        1 => x > 0.1,
        2 => y < 0.8f,
        _ => x < 0.9,
    };

    public void Process(DynamicColumnBatch batch, AnalysisResult into)
    {
        var x = batch.Column<double>(0);
        var y = batch.Column<float>(1);
        var w = batch.Column<double>(2);
        var ids = batch.Column<long>(3);
        for (int i = 0; i < batch.Length; i++)
        {
            if (ids[i] == ThrowAtEvent) throw new InvalidOperationException($"test failure at event {ids[i]}");
            FillEvent(into, x[i], y[i], w[i]);
        }
    }

    /// <summary>One event's contribution to the cut flow and, when it passes, to the histograms of <paramref name="into"/>.</summary>
    public static void FillEvent(AnalysisResult into, double x, float y, double wi)
    {
        var flow = into.CutFlow;
        flow.Passed[0]++; flow.SumW[0] += wi; flow.SumW2[0] += wi * wi;
        bool p1 = Pass(1, x, y), p2 = Pass(2, x, y), p3 = Pass(3, x, y);
        if (p1) { flow.Passed[1]++; flow.SumW[1] += wi; flow.SumW2[1] += wi * wi; }
        if (p1 && p2) { flow.Passed[2]++; flow.SumW[2] += wi; flow.SumW2[2] += wi * wi; }
        if (p1 && p2 && p3) { flow.Passed[3]++; flow.SumW[3] += wi; flow.SumW2[3] += wi * wi; }
        if (p2 && p3) { flow.PassedAllOthers[0]++; flow.SumWAllOthers[0] += wi; flow.SumW2AllOthers[0] += wi * wi; }
        if (p1 && p3) { flow.PassedAllOthers[1]++; flow.SumWAllOthers[1] += wi; flow.SumW2AllOthers[1] += wi * wi; }
        if (p1 && p2) { flow.PassedAllOthers[2]++; flow.SumWAllOthers[2] += wi; flow.SumW2AllOthers[2] += wi * wi; }
        if (p1 && p2 && p3)
        {
            into.Histograms1D[0].Fill(x, wi);
            into.Histograms1D[1].Fill(y, wi);
            into.Histograms2D[0].Fill(x, y, wi);
        }
    }
}
