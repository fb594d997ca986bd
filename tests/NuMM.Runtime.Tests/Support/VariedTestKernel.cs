using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Support;

/// <summary>The <see cref="TestKernel"/> analysis with in-kernel variations filled the way a generated kernel fills them:
/// a shifted x scale "xScale" (x·(1 + 0.05σ), σ = −1, +1, +2), a weight knob "wKnob" (w·(1 + 0.2σ·y), σ = ±1) and
/// <see cref="UniverseCount"/> universes "flux" (<see cref="UniverseWeight"/>).</summary>
internal sealed class VariedTestKernel : IAnalysisKernel<DynamicColumnBatch>
{
    public const int UniverseCount = 6;
    public static readonly double[] ShiftSigmas = [-1, 1, 2];
    public static readonly double[] KnobSigmas = [-1, 1];

    public static double ShiftX(double x, double sigma) => x * (1 + 0.05 * sigma);
    public static double KnobWeight(double w, float y, double sigma) => w * (1 + 0.2 * sigma * y);
    /// <summary>A common ±10 % normalisation per universe (correlated across bins, like a flux) and ±5 % per event.</summary>
    public static double UniverseWeight(double w, long id, int u) =>
        w * (1 + 0.1 * (2 * TestData.Uniform(u, 99) - 1) + 0.05 * (2 * TestData.Uniform(id, 100 + u) - 1));

    private readonly TestKernel _nominal = new();

    public AnalysisResult CreateResult()
    {
        var variations = new List<VariationResult>();
        foreach (double s in ShiftSigmas) variations.Add(VariationResult.AtSigma("xScale", VariationKind.Shift, s, _nominal.CreateResult()));
        foreach (double s in KnobSigmas) variations.Add(VariationResult.AtSigma("wKnob", VariationKind.Knob, s, _nominal.CreateResult()));
        for (int u = 0; u < UniverseCount; u++) variations.Add(VariationResult.InUniverse("flux", u, _nominal.CreateResult()));
        var n = _nominal.CreateResult();
        return new AnalysisResult(n.AnalysisName, n.CutFlow, n.Histograms1D, n.Histograms2D, variations);
    }

    public void Process(DynamicColumnBatch batch, AnalysisResult into)
    {
        var x = batch.Column<double>(0);
        var y = batch.Column<float>(1);
        var w = batch.Column<double>(2);
        var ids = batch.Column<long>(3);
        var v = into.Variations;
        for (int i = 0; i < batch.Length; i++)
        {
            TestKernel.FillEvent(into, x[i], y[i], w[i]);
            int k = 0;
            foreach (double s in ShiftSigmas) TestKernel.FillEvent(v[k++].Result, ShiftX(x[i], s), y[i], w[i]);
            foreach (double s in KnobSigmas) TestKernel.FillEvent(v[k++].Result, x[i], y[i], KnobWeight(w[i], y[i], s));
            for (int u = 0; u < UniverseCount; u++) TestKernel.FillEvent(v[k++].Result, x[i], y[i], UniverseWeight(w[i], ids[i], u));
        }
    }
}
