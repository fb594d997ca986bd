using System.Numerics;
using NuMM.Runtime.Physics.Mixing;

namespace NuMM.Physics.Tests.Mixing;

public class EffectiveMagneticMomentTests
{
    private static readonly double[] NoMasses = { 0, 0, 0 };

    // PDG-style inputs with CP violation so that complex phases matter.
    private static ComplexMatrix3 U => PmnsMatrix.FromSinSquared(0.307, 0.0219, 0.545, 1.36 * Math.PI);

    private static ComplexMatrix3 RandomHermitian(Random rng, double scale)
    {
        var m = new Complex[3, 3];
        for (int i = 0; i < 3; i++)
        {
            m[i, i] = scale * (rng.NextDouble() - 0.5);
            for (int j = i + 1; j < 3; j++)
            {
                m[i, j] = new Complex(scale * (rng.NextDouble() - 0.5), scale * (rng.NextDouble() - 0.5));
                m[j, i] = Complex.Conjugate(m[i, j]);
            }
        }
        return new ComplexMatrix3(m);
    }

    [Fact]
    public void Pmns_IsUnitary_AndMatchesStandardParametrisationEntries()
    {
        double s12 = Math.Sqrt(0.307), s13 = Math.Sqrt(0.0219), s23 = Math.Sqrt(0.545), d = 1.36 * Math.PI;
        double c12 = Math.Sqrt(1 - 0.307), c13 = Math.Sqrt(1 - 0.0219), c23 = Math.Sqrt(1 - 0.545);
        var u = U;
        Assert.True(u.IsUnitary(1e-13));
        Assert.Equal(c12 * c13, u[0, 0].Real, 14);
        Assert.Equal(s13 * Math.Cos(d), u[0, 2].Real, 14);
        Assert.Equal(-s13 * Math.Sin(d), u[0, 2].Imaginary, 14);
        Assert.Equal(s23 * c13, u[1, 2].Real, 14);
        var ud = new Complex(Math.Cos(d), Math.Sin(d));
        var expected = -s12 * c23 - c12 * s23 * s13 * ud;
        Assert.True(Complex.Abs(expected - u[1, 0]) < 1e-14);
    }

    [Fact]
    public void DiagonalDiracMoments_AnyBaseline_GiveProbabilityWeightedSum()
    {
        // μ = diag(μ1, μ2, μ3), ε = 0: μ²_l = Σ_k |U_lk|² μ_kk², independent of L and E (G&S 2015).
        var mu = ComplexMatrix3.Diagonal(1.0, 2.0, 3.0);
        var u = U;
        double expected = 0;
        for (int k = 0; k < 3; k++) expected += Complex.Abs(u[1, k]) * Complex.Abs(u[1, k]) * (k + 1) * (k + 1);
        foreach (double l in new[] { 0.0, 1.0, 810.0, 12000.0 })
            Assert.Equal(expected, EffectiveMagneticMoment.Squared(LeptonFlavour.Muon, false, u, mu, ComplexMatrix3.Zero, new[] { 0, 7.5e-5, 2.5e-3 }, l, 2.0), 12);
    }

    [Fact]
    public void TwoStateInterference_FollowsOscillationPhase()
    {
        // U = rotation by θ in the 1–2 block, μ11 = a, μ12 = μ21 = b, others 0, ε = 0. By hand (eq. 17):
        // μ²_e = c²a² + b² + 2 c s a b cos(Δm²₂₁ L / 2E), with Δm² L/(4E) = 1.26693 Δm²[eV²] L[km]/E[GeV].
        double th = 0.6, c = Math.Cos(th), s = Math.Sin(th), a = 1.3, b = 0.7, dm2 = 7.5e-5, e = 0.01;
        var u = ComplexMatrix3.FromReal(new double[,] { { c, s, 0 }, { -s, c, 0 }, { 0, 0, 1 } });
        var mu = ComplexMatrix3.FromReal(new double[,] { { a, b, 0 }, { b, 0, 0 }, { 0, 0, 0 } });
        foreach (double l in new[] { 0.0, 10.0, 60.0, 133.0 })
        {
            double phase = 2 * 1.26693 * dm2 * l / e;
            double expected = c * c * a * a + b * b + 2 * c * s * a * b * Math.Cos(phase);
            double actual = EffectiveMagneticMoment.Squared(LeptonFlavour.Electron, false, u, mu, ComplexMatrix3.Zero, new[] { 0, dm2, 0 }, l, e);
            Assert.Equal(expected, actual, 4);
        }
    }

    [Fact]
    public void ZeroBaseline_GeneralForm_EqualsEq19MatrixForm_ForNeutrinosAndAntineutrinos()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            var mu = RandomHermitian(rng, 2);
            var eps = RandomHermitian(rng, 2);
            foreach (var fl in new[] { LeptonFlavour.Electron, LeptonFlavour.Muon, LeptonFlavour.Tau })
                foreach (bool anti in new[] { false, true })
                {
                    double general = EffectiveMagneticMoment.Squared(fl, anti, U, mu, eps, NoMasses, 0, 1);
                    double matrix = EffectiveMagneticMoment.ShortBaselineSquared(fl, anti, U, mu, eps);
                    Assert.Equal(general, matrix, 11);
                }
        }
    }

    [Fact]
    public void ShortBaseline_Neutrino_EqualsTechnoteEq19WithImaginaryPart()
    {
        // Eq. 19: [U(μ² + ε²)U† + 2 Im(U μ ε U†)]_ll, evaluated here element by element.
        var rng = new Random(3);
        var mu = RandomHermitian(rng, 1);
        var eps = RandomHermitian(rng, 1);
        var u = U;
        var first = u * (mu * mu + eps * eps) * u.Adjoint();
        var second = u * (mu * eps) * u.Adjoint();
        for (int l = 0; l < 3; l++)
        {
            double expected = first[l, l].Real + 2 * second[l, l].Imaginary;
            Assert.Equal(expected, EffectiveMagneticMoment.ShortBaselineSquared((LeptonFlavour)l, false, u, mu, eps), 12);
        }
    }

    [Fact]
    public void Antineutrino_IsCpConjugateOfNeutrino()
    {
        // μ²_ν̄(U, μ, ε) = μ²_ν(U*, μ*, ε*) at every L/E (the derivation of the corrected eq. 18).
        var rng = new Random(8);
        var mu = RandomHermitian(rng, 1);
        var eps = RandomHermitian(rng, 1);
        var masses = new[] { 0, 7.5e-5, 2.5e-3 };
        foreach (double l in new[] { 0.0, 295.0, 810.0 })
        {
            double anti = EffectiveMagneticMoment.Squared(LeptonFlavour.Muon, true, U, mu, eps, masses, l, 1.7);
            double nuConj = EffectiveMagneticMoment.Squared(LeptonFlavour.Muon, false, U.Conjugate(), mu.Conjugate(), eps.Conjugate(), masses, l, 1.7);
            Assert.Equal(nuConj, anti, 12);
        }
        // and with CP violation in the moments the two differ at L = 0 (the seed's μ²_ν ≃ μ²_ν̄ needs [μ, ε] = 0):
        Assert.NotEqual(EffectiveMagneticMoment.ShortBaselineSquared(LeptonFlavour.Muon, false, U, mu, eps),
            EffectiveMagneticMoment.ShortBaselineSquared(LeptonFlavour.Muon, true, U, mu, eps), 6);
    }

    [Fact]
    public void NoElectricMoment_RealMixing_NeutrinoEqualsAntineutrino()
    {
        var u = PmnsMatrix.FromSinSquared(0.3, 0.02, 0.5, 0);
        var mu = ComplexMatrix3.FromReal(new double[,] { { 1, 0.4, 0.2 }, { 0.4, 2, -0.3 }, { 0.2, -0.3, 0.5 } });
        foreach (double l in new[] { 0.0, 500.0 })
            Assert.Equal(EffectiveMagneticMoment.Squared(LeptonFlavour.Electron, false, u, mu, ComplexMatrix3.Zero, new[] { 0, 7.5e-5, 2.5e-3 }, l, 0.003),
                EffectiveMagneticMoment.Squared(LeptonFlavour.Electron, true, u, mu, ComplexMatrix3.Zero, new[] { 0, 7.5e-5, 2.5e-3 }, l, 0.003), 12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var nonHermitian = new ComplexMatrix3(new Complex[,] { { 1, 2, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
        Assert.Equal("magneticMoments", Assert.Throws<ArgumentException>(() => EffectiveMagneticMoment.ShortBaselineSquared(LeptonFlavour.Electron, false, U, nonHermitian, ComplexMatrix3.Zero)).ParamName);
        Assert.Equal("mixing", Assert.Throws<ArgumentException>(() => EffectiveMagneticMoment.ShortBaselineSquared(LeptonFlavour.Electron, false, nonHermitian, ComplexMatrix3.Identity, ComplexMatrix3.Zero)).ParamName);
        Assert.Equal("flavour", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveMagneticMoment.ShortBaselineSquared((LeptonFlavour)3, false, U, ComplexMatrix3.Identity, ComplexMatrix3.Zero)).ParamName);
        Assert.Equal("baselineKm", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveMagneticMoment.Squared(LeptonFlavour.Electron, false, U, ComplexMatrix3.Identity, ComplexMatrix3.Zero, NoMasses, -1, 1)).ParamName);
        Assert.Equal("energyGeV", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveMagneticMoment.Squared(LeptonFlavour.Electron, false, U, ComplexMatrix3.Identity, ComplexMatrix3.Zero, NoMasses, 1, 0)).ParamName);
        Assert.Equal("massesSquaredEv2", Assert.Throws<ArgumentException>(() => EffectiveMagneticMoment.Squared(LeptonFlavour.Electron, false, U, ComplexMatrix3.Identity, ComplexMatrix3.Zero, new double[2], 1, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => new ComplexMatrix3(new Complex[,] { { double.NaN, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }));
        Assert.Equal("sinSqTheta12", Assert.Throws<ArgumentOutOfRangeException>(() => PmnsMatrix.FromSinSquared(1.2, 0.02, 0.5, 0)).ParamName);
    }
}
