using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Statistics.Tests;

/// <summary>Issue 9, item 8: Feldman–Cousins split into (point, toy block) pieces, and the fast toy fits.</summary>
public class FeldmanCousinsPiecesTests
{
    /// <summary>A 12-bin model shaped like the technote's: μ² signal, a free ν-on-e normalisation, cubic shape systematics
    /// and normalisation systematics of every interpolation (the benchmark model, smaller).</summary>
    internal static BinnedLikelihood ShapeModel(int bins = 12, ConstraintKind extraKind = ConstraintKind.Gaussian)
    {
        var x = Enumerable.Range(0, bins).Select(i => (i + 0.5) / bins).ToArray();
        double[] signal = x.Select(v => 30 * Math.Exp(-4 * v)).ToArray();
        double[] nue = x.Select(v => 80 + 20 * v).ToArray();
        double[] mec = x.Select(v => 25 * Math.Exp(-Math.Pow((v - 0.6) / 0.2, 2))).ToArray();
        var components = new[]
        {
            new PredictionComponent("numm", signal, ComponentScale.Square("mu")),
            new PredictionComponent("nu-on-e", nue, ComponentScale.Linear("norm_nue")),
            new PredictionComponent("mec", mec, ComponentScale.Linear("mec_factor")),
        };
        var templates = new List<TemplateSystematic>();
        string[] targets = ["nu-on-e", "mec", "numm"];
        for (int s = 0; s < targets.Length; s++)
        {
            var nominal = components.First(c => c.Name == targets[s]).Contents;
            double tilt = 0.03 + 0.02 * s;
            var syst = new TemplateSystematic($"shape{s}", s == 1 ? TemplateInterpolation.Linear : TemplateInterpolation.Cubic);
            foreach (double sigma in new[] { -2.0, -1.0, 1.0, 2.0 })
                syst.AddShift(targets[s], sigma, nominal.Select((v, i) => v * (1 + sigma * tilt * (x[i] - 0.5) + 0.002 * sigma * sigma)).ToArray());
            templates.Add(syst);
        }
        var norms = new[]
        {
            new NormalizationSystematic("flux", ["nu-on-e", "mec", "numm"], 0.10),
            new NormalizationSystematic("mec_xsec", ["mec"], 0.20, 0.15, NormalizationInterpolation.PolynomialExponential),
            new NormalizationSystematic("detector", ["nu-on-e", "mec", "numm"], 0.05, interpolation: NormalizationInterpolation.Exponential),
        };
        var mecFactor = extraKind == ConstraintKind.Gaussian
            ? new FitParameter("mec_factor", 1, 0, 5, new GaussianConstraint(1, 0.3), 0.3)
            : new FitParameter("mec_factor", 1, 0, 5, new GaussianConstraint(1, 0.3), 0.3, "", extraKind);
        var model = new PredictionModel(components, [new FitParameter("mu", 0.5, 0, 5), new FitParameter("norm_nue", 1, 0, 3), mecFactor], templates, norms);
        var truth = model.InitialValues();
        truth[0] = 0.3;
        var data = new double[bins];
        model.Predict(truth, data);
        for (int i = 0; i < bins; i++) data[i] = Math.Round(data[i] + 0.7 * Math.Sqrt(data[i]) * Math.Sin(3.1 * i));
        return new BinnedLikelihood(model, data, TestStatistic.Poisson());
    }

    [Theory]
    [InlineData(ConstraintKind.Gaussian)]
    [InlineData(ConstraintKind.Poisson)]
    [InlineData(ConstraintKind.LogNormal)]
    public void FastToyFits_AgreeWithGeneralMinimizer_ToyByToy(ConstraintKind kind)
    {
        var lik = ShapeModel(extraKind: kind);
        double[] points = [0.0, 0.3, 0.6];
        var fast = FeldmanCousins.Plan(lik, "mu", points, new FeldmanCousinsOptions { Toys = 30, Seed = 4 });
        var slow = FeldmanCousins.Plan(lik, "mu", points, new FeldmanCousinsOptions { Toys = 30, Seed = 4, FastToyFits = false });
        for (int p = 0; p < points.Length; p++)
        {
            var a = FeldmanCousins.ComputePiece(fast, p, 0);
            var b = FeldmanCousins.ComputePiece(slow, p, 0);
            Assert.Equal(0, a.FailedFits);
            for (int t = 0; t < a.DeltaChi2.Length; t++)
                Assert.True(Math.Abs(a.DeltaChi2[t] - b.DeltaChi2[t]) < 2e-5 * (1 + b.DeltaChi2[t]),
                    $"{kind}, point {points[p]}, toy {t}: fast {a.DeltaChi2[t]:R} vs minimiser {b.DeltaChi2[t]:R}");
        }
    }

    [Fact]
    public void FastToyFits_CountingExperiment_AgreeWithGeneralMinimizer()
    {
        var lik = new CountingExperiment(25, 23.78, 0.109).Likelihood;
        double[] points = [0.0, 4.0, 10.0, 16.0];
        var fast = FeldmanCousins.Plan(lik, CountingExperiment.SignalParameter, points, new FeldmanCousinsOptions { Toys = 200, Seed = 8 });
        var slow = FeldmanCousins.Plan(lik, CountingExperiment.SignalParameter, points, new FeldmanCousinsOptions { Toys = 200, Seed = 8, FastToyFits = false });
        for (int p = 0; p < points.Length; p++)
        {
            var a = FeldmanCousins.ComputePiece(fast, p, 0).DeltaChi2;
            var b = FeldmanCousins.ComputePiece(slow, p, 0).DeltaChi2;
            for (int t = 0; t < a.Length; t++)
                Assert.True(Math.Abs(a[t] - b[t]) < 1e-6 * (1 + b[t]), $"point {points[p]}, toy {t}: fast {a[t]:R} vs minimiser {b[t]:R}");
        }
    }

    [Fact]
    public void Pieces_CombinedInAnyOrder_AreBitIdenticalToRun_WhateverTheBlockSize()
    {
        var lik = ShapeModel();
        double[] points = [0.0, 0.2, 0.4, 0.6, 0.8];
        var run = FeldmanCousins.Run(lik, "mu", points, new FeldmanCousinsOptions { Toys = 50, Seed = 21, KeepToyStatistics = true });

        var plan = FeldmanCousins.Plan(lik, "mu", points, new FeldmanCousinsOptions { Toys = 50, ToysPerBlock = 7, Seed = 21, KeepToyStatistics = true });
        Assert.Equal(8, plan.BlocksPerPoint); // 7 × 7 + 1
        Assert.Equal((49, 1), plan.ToyRange(7));
        // As separate processes would: each piece written to a file and read back, in reverse order.
        var pieces = new List<FeldmanCousinsPiece>();
        for (int i = plan.PieceCount - 1; i >= 0; i--)
        {
            var (point, block) = plan.PieceAt(i);
            using var stream = new MemoryStream();
            FeldmanCousins.ComputePiece(plan, point, block).Write(stream);
            stream.Position = 0;
            pieces.Add(FeldmanCousinsPiece.Read(stream, $"piece {i}"));
        }
        var combined = FeldmanCousins.Combine(plan, pieces);
        Assert.Equal(run.Lower, combined.Lower);
        Assert.Equal(run.Upper, combined.Upper);
        for (int p = 0; p < points.Length; p++)
        {
            Assert.Equal(run.Points[p].ToyDeltaChi2, combined.Points[p].ToyDeltaChi2);
            Assert.Equal(run.Points[p].CriticalDeltaChi2, combined.Points[p].CriticalDeltaChi2);
            Assert.Equal(run.Points[p].Accepted, combined.Points[p].Accepted);
        }
    }

    [Fact]
    public void Combine_RefusesMissingDuplicateAndForeignPieces()
    {
        var lik = new CountingExperiment(3, 1.0, 0.0).Likelihood;
        var plan = FeldmanCousins.Plan(lik, CountingExperiment.SignalParameter, [1.0, 3.0], new FeldmanCousinsOptions { Toys = 10, ToysPerBlock = 5 });
        var all = Enumerable.Range(0, plan.PieceCount).Select(i => { var (p, b) = plan.PieceAt(i); return FeldmanCousins.ComputePiece(plan, p, b); }).ToList();
        Assert.Contains("point 1, block 1) is missing", Assert.Throws<ArgumentException>(() => FeldmanCousins.Combine(plan, all.Take(3))).Message);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => FeldmanCousins.Combine(plan, all.Append(all[0]))).Message);
        var other = FeldmanCousins.Plan(lik, CountingExperiment.SignalParameter, [1.0, 3.0], new FeldmanCousinsOptions { Toys = 10, ToysPerBlock = 5, Seed = 2 });
        Assert.Contains("another plan", Assert.Throws<ArgumentException>(() => FeldmanCousins.Combine(other, all)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeldmanCousins.ComputePiece(plan, 2, 0));
        var bad = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"format\":\"numm-fc-piece/1\",\"plan\":\"00\",\"point\":0,\"block\":0,\"failedFits\":0,\"deltaChi2\":[1,\"x\"]}"));
        Assert.Contains("$.deltaChi2[1]", Assert.Throws<FormatException>(() => FeldmanCousinsPiece.Read(bad, "p.json")).Message);
    }
}

public class FeldmanCousinsAllocationTests
{
    [Fact]
    public void FastToyFits_AllocateNothingPerToy()
    {
        var lik = FeldmanCousinsPiecesTests.ShapeModel();
        var plan = FeldmanCousins.Plan(lik, "mu", [0.0, 0.4], new FeldmanCousinsOptions { Toys = 1010, ToysPerBlock = 1000, Seed = 3 });
        FeldmanCousins.ComputePiece(plan, 1, 1); // warm up (JIT)
        FeldmanCousins.ComputePiece(plan, 1, 0);
        long Allocated(int block)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            FeldmanCousins.ComputePiece(plan, 1, block);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long ten = Allocated(1), thousand = Allocated(0);
        // The 990 extra toys may cost only their 8-byte slots in the piece's array (7920 B); one 24-byte object per toy
        // would add 23760 B. Slack 4 kB for a tiered-JIT promotion.
        Assert.True(thousand - ten < 990 * 8 + 4096, $"10 toys: {ten} B, 1000 toys: {thousand} B");
    }
}
