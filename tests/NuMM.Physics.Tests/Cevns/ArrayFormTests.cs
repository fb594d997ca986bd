using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Cevns;

/// <summary>Array (TensorPrimitives / Vector) forms against their scalar twins for every length 0..70, which hits every
/// remainder of 128-, 256- and 512-bit vectors of doubles.</summary>
public class ArrayFormTests
{
    // Relative 1e-13, or 1e-13 of the spectrum's scale at an end-point where rounding decides between 0 and a residue.
    private static void AssertClose(double expected, double actual, string what, double scale = 0)
        => Assert.True(Math.Abs(expected - actual) <= 1e-13 * Math.Max(Math.Abs(expected), scale), $"{what}: {actual} vs {expected}");

    [Fact]
    public void HelmArray_EveryLength_EqualsScalar()
    {
        var ff = HelmFormFactor.LewinSmith(127);
        for (int n = 0; n <= 70; n++)
        {
            // q from 0 (series branch) up to 300 MeV (past the first zero).
            var q = Enumerable.Range(0, n).Select(i => i * i * 0.07).ToArray();
            var dest = new double[n];
            ff.Evaluate(q, dest);
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(dest[i] - ff.Evaluate(q[i])) <= 1e-13, $"n={n} q={q[i]}: {dest[i]} vs {ff.Evaluate(q[i])}");
        }
    }

    [Fact]
    public void CrossSectionArrays_EveryLength_EqualScalar()
    {
        var cs = NuclearTable.GetNucleus("Cs133");
        var sm = new CevnsStandardModel(cs);
        var mm = new CevnsActiveMagneticMoment(cs, 1e-10);
        var st = new CevnsSterileDipole(cs, 1e-10, 4.0);
        double tMax = sm.MaxRecoilEnergyMeV(30);
        for (int n = 0; n <= 70; n++)
        {
            var e = Enumerable.Range(0, n).Select(i => 0.5 * i).ToArray();                    // 0 .. 34.5 MeV
            var t = Enumerable.Range(0, n).Select(i => tMax * 1.2 * i / Math.Max(1, n - 1)).ToArray();
            var d = new double[n];
            sm.DSigmaDTOverRecoilEnergies(30, t, d);
            for (int i = 0; i < n; i++) AssertClose(sm.DSigmaDT(30, t[i]), d[i], $"SM over T, n={n}, T={t[i]}", sm.DSigmaDT(30, 0));
            foreach (var xs in new NuMM.Runtime.Physics.Folding.IBatchDifferentialCrossSection[] { sm, mm, st })
            {
                xs.DSigmaDTOverNeutrinoEnergies(2e-3, e, d);
                for (int i = 0; i < n; i++) AssertClose(xs.DSigmaDT(e[i], 2e-3), d[i], $"{xs.GetType().Name} over E, n={n}, E={e[i]}");
            }
        }
    }
}
