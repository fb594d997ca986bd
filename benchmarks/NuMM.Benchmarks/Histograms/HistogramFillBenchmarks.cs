using BenchmarkDotNet.Attributes;
using NuMM.Runtime.Histograms;

namespace NuMM.Benchmarks.Histograms;

/// <summary>Per-event <see cref="Histogram1D.Fill(double, double)"/> against the span fill (SIMD bin indices, scalar
/// add pass) on 1 M weighted events, 20 bins of a regular axis; values include 1 % out of range and NaN.</summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(12)]
public class HistogramFillBenchmarks
{
    private const int N = 1 << 20;
    private float[] _xf = [];
    private float[] _wf = [];
    private double[] _xd = [];
    private double[] _wd = [];
    private Histogram1D _h = null!;
    private int[] _rows = [];

    /// <summary>Bins of the regular axis.</summary>
    [Params(20, 1000)]
    public int Bins { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(12345);
        _xf = new float[N]; _wf = new float[N]; _xd = new double[N]; _wd = new double[N];
        for (int i = 0; i < N; i++)
        {
            double x = i % 100 == 0 ? (i % 200 == 0 ? double.NaN : 7.0) : rng.NextDouble() * 0.006;
            _xd[i] = x; _xf[i] = (float)x;
            _wd[i] = 0.5 + rng.NextDouble(); _wf[i] = (float)_wd[i];
        }
        _rows = Enumerable.Range(0, N).Where(i => (i * 2654435761u) % 10 < 6).ToArray();   // ~60 % of events selected
        _h = new Histogram1D(new RegularAxis(Bins, 0, 0.005, "E θ²", "GeV rad²"));
    }

    [Benchmark(Baseline = true, Description = "per-event Fill(float→double)")]
    public double PerEventFloat()
    {
        _h.Reset();
        var x = _xf; var w = _wf;
        for (int i = 0; i < x.Length; i++) _h.Fill(x[i], w[i]);
        return _h.SumW[1];
    }

    [Benchmark(Description = "span Fill(float, float), auto SIMD")]
    public double SpanFloat()
    {
        _h.Reset();
        _h.Fill(_xf, _wf);
        return _h.SumW[1];
    }

    [Benchmark(Description = "span Fill(float, float), scalar index")]
    public double SpanFloatScalarIndex()
    {
        _h.Reset();
        _h.FillCore<float, float>(_xf, _wf, true, SimdWidth.Scalar);
        return _h.SumW[1];
    }

    [Benchmark(Description = "span Fill(float, float), Vector256")]
    public double SpanFloat256()
    {
        _h.Reset();
        _h.FillCore<float, float>(_xf, _wf, true, SimdWidth.V256);
        return _h.SumW[1];
    }

    [Benchmark(Description = "per-event Fill of selected rows (float)")]
    public double PerEventSelected()
    {
        _h.Reset();
        var x = _xf; var w = _wf;
        foreach (int r in _rows) _h.Fill(x[r], w[r]);
        return _h.SumW[1];
    }

    [Benchmark(Description = "FillRows(float, float, rows)")]
    public double FillRowsFloat()
    {
        _h.Reset();
        _h.FillRows(_xf, _wf, _rows);
        return _h.SumW[1];
    }

    [Benchmark(Description = "per-event Fill(double)")]
    public double PerEventDouble()
    {
        _h.Reset();
        var x = _xd; var w = _wd;
        for (int i = 0; i < x.Length; i++) _h.Fill(x[i], w[i]);
        return _h.SumW[1];
    }

    [Benchmark(Description = "span Fill(double, double), auto SIMD")]
    public double SpanDouble()
    {
        _h.Reset();
        _h.Fill(_xd, _wd);
        return _h.SumW[1];
    }
}
