using Inputs.Mixed;
using Inputs.NuOnE;
using NuMM.Generated.Tests.Support;
using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>The generated vector kernel against its scalar twin and against loops written by hand here, on random
/// batches with NaN and ±∞, for every length 0…100 (every remainder of every width) and a large batch, at every
/// vector width (MaxVectorBits 512, 256, 128 and 0 = scalar only).</summary>
public class KernelAgreementTests
{
    public static TheoryData<int> Widths => new() { 512, 256, 128, 0 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void NuOnE_EveryLength0To100_VectorMatchesScalarTwinAndHandLoop(int bits)
    {
        var kernel = new NuOnESelection.Kernel { MaxVectorBits = bits };
        for (int n = 0; n <= 100; n++)
        {
            var batch = RandomEvents.NuOnE(n, seed: 1000 + n);
            var vector = kernel.CreateResult();
            kernel.Process(batch, vector);
            var scalar = kernel.CreateResult();
            kernel.ProcessScalar(batch, scalar);
            ResultAssert.Identical(scalar, vector, $"n={n} bits={bits} twin");
            ResultAssert.Same(HandLoopNuOnE(batch, kernel.CreateResult()), vector, $"n={n} bits={bits} hand");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NuOnE_LargeBatch_VectorMatchesScalarTwinAndHandLoop(int bits)
    {
        var kernel = new NuOnESelection.Kernel { MaxVectorBits = bits };
        var batch = RandomEvents.NuOnE(100_003, seed: 7);
        var vector = kernel.CreateResult();
        kernel.Process(batch, vector);
        var scalar = kernel.CreateResult();
        kernel.ProcessScalar(batch, scalar);
        ResultAssert.Identical(scalar, vector, $"bits={bits} twin");
        ResultAssert.Same(HandLoopNuOnE(batch, kernel.CreateResult()), vector, $"bits={bits} hand");
        Assert.True(vector.CutFlow.Passed[5] > 100, "the random sample should leave events after every cut");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Mixed_EveryLength0To100_VectorMatchesScalarTwinAndHandLoop(int bits)
    {
        var kernel = new MixedSelection.Kernel { MaxVectorBits = bits };
        for (int n = 0; n <= 100; n++)
        {
            var batch = RandomEvents.Mixed(n, seed: 5000 + n);
            var vector = kernel.CreateResult();
            kernel.Process(batch, vector);
            var scalar = kernel.CreateResult();
            kernel.ProcessScalar(batch, scalar);
            ResultAssert.Identical(scalar, vector, $"n={n} bits={bits} twin");
            ResultAssert.Same(HandLoopMixed(batch, kernel.CreateResult(), kernel.Mu), vector, $"n={n} bits={bits} hand");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Mixed_LargeBatch_VectorMatchesScalarTwinAndHandLoop(int bits)
    {
        var kernel = new MixedSelection.Kernel(mu: 0.7) { MaxVectorBits = bits };
        var batch = RandomEvents.Mixed(100_003, seed: 11);
        var vector = kernel.CreateResult();
        kernel.Process(batch, vector);
        var scalar = kernel.CreateResult();
        kernel.ProcessScalar(batch, scalar);
        ResultAssert.Identical(scalar, vector, $"bits={bits} twin");
        ResultAssert.Same(HandLoopMixed(batch, kernel.CreateResult(), 0.7), vector, $"bits={bits} hand");
        for (int k = 1; k <= 7; k++) Assert.True(vector.CutFlow.Passed[k] > 0, $"cut {k} should leave events");
    }

    [Fact]
    public void Process_SeveralBatches_AccumulatesLikeOneBatch()
    {
        var kernel = new NuOnESelection.Kernel();
        var all = RandomEvents.NuOnE(3000, seed: 3);
        var once = kernel.CreateResult();
        kernel.Process(all, once);
        var parts = kernel.CreateResult();
        var piece = new NuOnEEvent.Batch(1000);
        for (int start = 0; start < 3000; start += 1000)
        {
            for (int i = 0; i < 1000; i++) piece.Set(i, all[start + i]);
            piece.Length = 1000;
            kernel.Process(piece, parts);
        }
        ResultAssert.Same(once, parts, "three batches");
    }

    /// <summary>The NuOnE selection written out by hand: cut expressions copied from the technote-style analysis,
    /// histogram cells from the axes' own Index.</summary>
    private static AnalysisResult HandLoopNuOnE(NuOnEEvent.Batch b, AnalysisResult r)
    {
        var flow = r.CutFlow;
        for (int i = 0; i < b.Length; i++)
        {
            double w = b.FluxWeight[i];
            float x = b.VtxX[i], y = b.VtxY[i], z = b.VtxZ[i], en = b.ShowerEnergy[i], th = b.ShowerAngle[i];
            bool[] c =
            {
                x > -185f && x < 175f && y > -175f && y < 175f && z > 95f && z < 1095f,
                en >= 0.5f && en < 5f,
                b.NuoneId[i] > 0.73f,
                b.Epi0Id[i] < 0.92f,
                en * th * th < 0.005f,
            };
            Count(flow, c, w);
            if (Array.TrueForAll(c, v => v))
            {
                r.Histograms1D[0].Fill(en * th * th, w);
                r.Histograms1D[1].Fill(en, w);
                r.Histograms2D[0].Fill(en, th, w);
            }
        }
        return r;
    }

    /// <summary>The Mixed selection by hand: the user's declared methods called on events rebuilt from the columns.</summary>
    private static AnalysisResult HandLoopMixed(MixedEvent.Batch b, AnalysisResult r, double mu)
    {
        var flow = r.CutFlow;
        for (int i = 0; i < b.Length; i++)
        {
            var e = new MixedEvent { A = b.A[i], B = b.B[i], D = b.D[i], N = b.N[i], Flag = b.Flag[i], W = b.W[i], W2 = b.W2[i] };
            double w = (double)MixedSelection.ColumnWeight(e) * MixedSelection.Signal(e, mu);
            bool[] c =
            {
                MixedSelection.AWindow(e), MixedSelection.DOrFlag(e), MixedSelection.Multiplicity(e), MixedSelection.AbsMax(e),
                MixedSelection.RadiusCut(e), MixedSelection.ShapeCut(e), MixedSelection.Select(e),
            };
            Count(flow, c, w);
            if (Array.TrueForAll(c, v => v))
            {
                r.Histogram1D("Radius").Fill(MixedSelection.Radius(e), w);
                r.Histogram1D("D").Fill(e.D, w);
                r.Histogram1D("Count").Fill(e.N, w);
                r.Histogram2D("AB").Fill(e.A, e.B, w);
                r.Histogram2D("RadiusShape").Fill(MixedSelection.Radius(e), MixedSelection.Shape(e), w);
            }
        }
        return r;
    }

    private static void Count(CutFlow flow, bool[] c, double w)
    {
        flow.Passed[0]++;
        flow.SumW[0] += w;
        flow.SumW2[0] += w * w;
        bool all = true;
        int failed = 0;
        for (int k = 0; k < c.Length; k++)
        {
            all &= c[k];
            if (!c[k]) failed++;
            if (all)
            {
                flow.Passed[k + 1]++;
                flow.SumW[k + 1] += w;
                flow.SumW2[k + 1] += w * w;
            }
        }
        for (int k = 0; k < c.Length; k++)
        {
            if (failed == 0 || (failed == 1 && !c[k]))
            {
                flow.PassedAllOthers[k]++;
                flow.SumWAllOthers[k] += w;
                flow.SumW2AllOthers[k] += w * w;
            }
        }
    }
}
