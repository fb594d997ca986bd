using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Minimization;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>Issue 9, item 3: per-bin parameter vectors and full Barlow–Beeston beside the lite version, checked against
/// closed-form solutions written here (R. Barlow and C. Beeston, Comput. Phys. Commun. 77 (1993) 219, section 3; the
/// Barlow–Beeston-lite per-bin quadratic).</summary>
public class BarlowBeestonTests
{
    // Two sources with unweighted MC: a_ji events per bin, scaled by p_j to the data (as in Barlow–Beeston's paper).
    private static readonly double[] A1 = [12, 30, 7, 20], A2 = [50, 40, 25, 5], Data = [9, 15, 4, 0];
    private const double P1 = 0.4, P2 = 0.2;

    private static double Poisson2(double d, double m) => 2 * (m - d + (d > 0 ? d * Math.Log(d / m) : 0));

    private static PredictionModel FullModel(ComponentScale? signalScale = null, IEnumerable<FitParameter>? pars = null) => new(
        [new PredictionComponent("s", A1, signalScale ?? ComponentScale.Constant(P1), sumW2: A1),
         new PredictionComponent("b", A2, ComponentScale.Constant(P2), sumW2: A2)],
        pars ?? [], null, null, default, [BinFactors.BarlowBeeston("s"), BinFactors.BarlowBeeston("b")]);

    [Fact]
    public void FullBarlowBeeston_MatchesThePaperSolution()
    {
        // Barlow–Beeston (1993): with the strengths p_j fixed, the fitted MC means are A_ji = a_ji/(1 + p_j t_i), where t_i
        // solves d_i/(1 − t_i) = Σ_j p_j a_ji/(1 + p_j t_i) (t_i = 1 for d_i = 0). Solved here by bisection.
        var model = FullModel();
        Assert.Equal(8, model.Parameters.Count);
        var fit = new Minimizer().Minimize(new BinnedLikelihood(model, Data));
        var gs = model.BinFactorValues("gamma_s", fit.Values);
        var gb = model.BinFactorValues("gamma_b", fit.Values);
        double total = 0;
        for (int i = 0; i < Data.Length; i++)
        {
            double t;
            if (Data[i] == 0) t = 1;
            else
            {
                double lo = -1 / Math.Max(P1, P2) + 1e-12, hi = 1 - 1e-12;
                for (int k = 0; k < 200; k++)
                {
                    double mid = 0.5 * (lo + hi);
                    double h = Data[i] / (1 - mid) - P1 * A1[i] / (1 + P1 * mid) - P2 * A2[i] / (1 + P2 * mid);
                    if (h > 0) hi = mid; else lo = mid;
                }
                t = 0.5 * (lo + hi);
            }
            double s = A1[i] / (1 + P1 * t), b = A2[i] / (1 + P2 * t);
            total += Poisson2(Data[i], P1 * s + P2 * b) + Poisson2(A1[i], s) + Poisson2(A2[i], b);
            Assert.Equal(s / A1[i], gs[i], 5);
            Assert.Equal(b / A2[i], gb[i], 5);
        }
        Assert.Equal(total, fit.Minimum, 7);
        Assert.True(fit.Converged, fit.Status);
    }

    [Fact]
    public void BarlowBeestonLite_ExplicitFactors_MatchThePerBinQuadraticAndTheAnalyticOption()
    {
        double[] s = [3.2, 6.0, 2.1, 0.8], sw2 = [0.9, 1.5, 0.6, 0.3], b = [10.5, 8.0, 5.0, 1.0], bw2 = [2.0, 1.2, 1.1, 0.4];
        double[] d = [17, 12, 9, 1];
        PredictionComponent[] comps = [new("s", s, sumW2: sw2), new("b", b, sumW2: bw2)];
        var model = new PredictionModel(comps, [], null, null, default, [BinFactors.BarlowBeestonLite("gamma", ["s", "b"])]);
        var fit = new Minimizer().Minimize(new BinnedLikelihood(model, d));
        var gamma = model.BinFactorValues("gamma", fit.Values);
        // Per bin: minimise 2[γm − d + d ln(d/(γm))] + ((γ − 1)/σ)², σ = √(Σ w²)/Σ content:
        // γ² + (mσ² − 1)γ − dσ² = 0.
        double total = 0;
        for (int i = 0; i < d.Length; i++)
        {
            double m = s[i] + b[i], sig2 = (sw2[i] + bw2[i]) / (m * m), q = m * sig2 - 1;
            double g = 0.5 * (-q + Math.Sqrt(q * q + 4 * d[i] * sig2));
            Assert.Equal(g, gamma[i], 5);
            total += Poisson2(d[i], g * m) + (g - 1) * (g - 1) / sig2;
        }
        Assert.Equal(total, fit.Minimum, 8);
        // The same likelihood, profiled in closed form inside every evaluation (BinnedLikelihood's mcStatistics option).
        var analytic = new BinnedLikelihood(new PredictionModel(comps, []), d, mcStatistics: true);
        Assert.Equal(total, analytic.Evaluate([]), 9);
    }

    [Fact]
    public void FreeFactors_GiveTheSaturatedFit_AndEmptyBinsGetNoParameter()
    {
        var model = new PredictionModel([new PredictionComponent("b", [4.0, 0.0, 6.0])], [], null, null, default, [BinFactors.Free("shape", ["b"])]);
        Assert.Equal(["shape[0]", "shape[2]"], model.Parameters.Select(p => p.Name).ToArray());
        var fit = new Minimizer().Minimize(new BinnedLikelihood(model, [7, 0, 3]));
        var shape = model.BinFactorValues("shape", fit.Values);
        Assert.Equal(7 / 4.0, shape[0], 5);
        Assert.Equal(1.0, shape[1]);
        Assert.Equal(0.5, shape[2], 5);
        Assert.Equal(0, fit.Minimum, 8);
    }

    [Fact]
    public void BinFactors_BadInput_NamesTheComponent()
    {
        var e = Assert.Throws<ArgumentException>(() => new PredictionModel([new PredictionComponent("b", [4.0])], [], null, null, default, [BinFactors.BarlowBeeston("b")]));
        Assert.Contains("'b' has no sumW2", e.Message);
        e = Assert.Throws<ArgumentException>(() => new PredictionModel([new PredictionComponent("b", [4.0])], [], null, null, default, [BinFactors.Free("f", ["x"])]));
        Assert.Contains("unknown component 'x'", e.Message);
        e = Assert.Throws<ArgumentException>(() => new PredictionModel([new PredictionComponent("b", [4.0])], [], null, null, default,
            [BinFactors.Constrained("f", ["b"], ConstraintKind.Gaussian, [0.1, 0.2])]));
        Assert.Contains("2 relative errors but the model has 1 bins", e.Message);
    }

    [Fact]
    public void FullBarlowBeeston_FastToyFits_AgreeWithGeneralMinimizer_AndGradientIsExact()
    {
        var model = FullModel(ComponentScale.Linear("mu"), [new FitParameter("mu", 0.4, 0, 5)]);
        var lik = new BinnedLikelihood(model, Data);
        var kernel = BinnedToyKernel.TryCreate(lik)!;
        var x = new double[model.Parameters.Count];
        for (int i = 0; i < x.Length; i++) x[i] = 0.7 + 0.09 * i;
        var g = new double[x.Length]; var h = new double[x.Length * x.Length];
        kernel.ValueGradientHessian(x, g, h);
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i];
            x[i] = xi + 1e-6; double up = kernel.Value(x);
            x[i] = xi - 1e-6; double down = kernel.Value(x);
            x[i] = xi;
            Assert.True(Math.Abs((up - down) / 2e-6 - g[i]) < 1e-5 * (1 + Math.Abs(g[i])), $"{model.Parameters[i].Name}: FD {(up - down) / 2e-6} vs {g[i]}");
        }
        double[] points = [0.1, 0.6];
        var fast = FeldmanCousins.Plan(lik, "mu", points, new FeldmanCousinsOptions { Toys = 25, Seed = 12 });
        var slow = FeldmanCousins.Plan(lik, "mu", points, new FeldmanCousinsOptions { Toys = 25, Seed = 12, FastToyFits = false });
        for (int p = 0; p < points.Length; p++)
        {
            var a = FeldmanCousins.ComputePiece(fast, p, 0).DeltaChi2;
            var b = FeldmanCousins.ComputePiece(slow, p, 0).DeltaChi2;
            for (int t = 0; t < a.Length; t++)
                Assert.True(Math.Abs(a[t] - b[t]) < 2e-5 * (1 + b[t]), $"point {points[p]}, toy {t}: fast {a[t]:R} vs minimiser {b[t]:R}");
        }
    }
}
