using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Detector;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Physics.Tests.Folding;

public class DetectorResponseTests
{
    [Fact]
    public void Lindhard_QuenchingFactor_MatchesLewinSmithFormula()
    {
        // Lewin & Smith (1996) eq. for Ge: ε = 11.5 Z^{-7/3} E[keV], g = 3ε^0.15 + 0.7ε^0.6 + ε, Q = kg/(1+kg), k = 0.133 Z^{2/3} A^{-1/2}.
        var model = new LindhardQuenching(32, 73);
        double k = 0.133 * Math.Pow(32, 2.0 / 3.0) / Math.Sqrt(73), tKeV = 5;
        double eps = 11.5 * Math.Pow(32, -7.0 / 3.0) * tKeV;
        double g = 3 * Math.Pow(eps, 0.15) + 0.7 * Math.Pow(eps, 0.6) + eps;
        Assert.Equal(k * g / (1 + k * g), model.QuenchingFactor(tKeV * 1e-3), 13);
        Assert.InRange(model.QuenchingFactor(5e-3), 0.18, 0.25);   // the familiar ~0.2 of Ge at 5 keVnr
        Assert.Equal(0.2, new LindhardQuenching(32, 73, 0.2).K);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-3)]
    [InlineData(2e-2)]
    public void Lindhard_Jacobian_MatchesFiniteDifference(double tee)
    {
        var model = new LindhardQuenching(32, 73, 0.162);
        double tnr = model.NuclearRecoilMeV(tee);
        Assert.Equal(tee, model.ElectronEquivalentMeV(tnr), tee * 1e-12);
        double h = tee * 1e-5;
        double fd = (model.NuclearRecoilMeV(tee + h) - model.NuclearRecoilMeV(tee - h)) / (2 * h);
        Assert.Equal(1.0, model.NuclearRecoilPerElectronEquivalent(tee) / fd, 7);
    }

    [Fact]
    public void Tabulated_Jacobian_MatchesFiniteDifferenceAndValidates()
    {
        // COHERENT CsI-like table (keVnr → QF).
        var qf = new TabulatedQuenching("csi-qf", [5e-3, 10e-3, 20e-3, 40e-3], [0.06, 0.08, 0.09, 0.085]);
        foreach (double tee in new[] { 0.6e-3, 1.2e-3, 2.5e-3 })
        {
            double h = tee * 1e-6;
            double fd = (qf.NuclearRecoilMeV(tee + h) - qf.NuclearRecoilMeV(tee - h)) / (2 * h);
            Assert.Equal(1.0, qf.NuclearRecoilPerElectronEquivalent(tee) / fd, 5);
        }
        var unsorted = Assert.Throws<ArgumentException>(() => new TabulatedQuenching("bad", [2e-3, 1e-3], [0.1, 0.1]));
        Assert.Contains("row 2", unsorted.Message);
        Assert.Throws<ArgumentException>(() => new TabulatedQuenching("bad", [1e-3, 2e-3], [0.1, 1.5]));
    }

    [Fact]
    public void ElectronEquivalentRate_ConservesEventCount()
    {
        // ∫ dR/dT_ee dT_ee over [Tee(a), Tee(b)] = ∫ dR/dT_nr dT_nr over [a, b] (change of variables).
        var model = new LindhardQuenching(32, 73);
        Func<double, double> rateNr = t => Math.Exp(-t / 2e-3);
        double a = 1e-3, b = 8e-3;
        double lo = model.ElectronEquivalentMeV(a), hi = model.ElectronEquivalentMeV(b);
        int n = 2000;
        var tee = Enumerable.Range(0, n + 1).Select(i => lo + (hi - lo) * i / n).ToArray();
        var rateEe = new double[n + 1];
        model.ToElectronEquivalentRate(tee, rateNr, rateEe);
        double h = (hi - lo) / n, sEe = 0, sNr = 0, hNr = (b - a) / n;
        for (int i = 0; i <= n; i++)
        {
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sEe += w * rateEe[i];
            sNr += w * rateNr(a + i * hNr);
        }
        Assert.Equal(1.0, (sEe * h / 3) / (sNr * hNr / 3), 7);
    }

    [Fact]
    public void GaussianSmearing_ConservesIntegralInsideWindow()
    {
        // A spectrum on [2, 8] keV smeared with σ(E) = 0.1 + 0.05 E (keV) into a [0, 12] keV window: the Gaussian
        // tails beyond the window are < 1e-12, so the total must be conserved to that level.
        var res = new GaussianResolution(e => 1e-4 + 0.05 * e);
        var trueEdges = Enumerable.Range(0, 61).Select(i => 2e-3 + i * 1e-4).ToArray();
        var contents = Enumerable.Range(0, 60).Select(i => Math.Exp(-i / 20.0)).ToArray();
        var recoEdges = Enumerable.Range(0, 121).Select(i => i * 1e-4).ToArray();
        var reco = new double[120];
        res.Smear(trueEdges, contents, recoEdges, reco);
        Assert.Equal(contents.Sum(), reco.Sum(), 10);
        // The mean is preserved too (symmetric kernel, uniform within true bins).
        double meanTrue = contents.Select((c, i) => c * (trueEdges[i] + trueEdges[i + 1]) / 2).Sum() / contents.Sum();
        double meanReco = reco.Select((c, i) => c * (recoEdges[i] + recoEdges[i + 1]) / 2).Sum() / reco.Sum();
        Assert.Equal(meanTrue, meanReco, 9);
        // A narrow window loses events.
        var narrow = new double[10];
        res.Smear(trueEdges, contents, recoEdges.AsSpan(40, 11), narrow);
        Assert.True(narrow.Sum() < contents.Sum());
        Assert.Throws<InvalidOperationException>(() => new GaussianResolution(_ => -1).Smear(trueEdges, contents, recoEdges, reco));
    }

    [Fact]
    public void Efficiency_TableAndFunction_ApplyAndValidate()
    {
        // COHERENT 2017 acceptance a/(1 + exp(−k(x − x0))) (coherent_parameters.yaml) as a function of PE, here on "MeV".
        var f = DetectionEfficiency.FromFunction("coherent", x => 0.6655 / (1 + Math.Exp(-0.4942 * (x - 10.8507))));
        Assert.Equal(0.6655 / 2, f.At(10.8507), 12);
        var t = DetectionEfficiency.FromTable("eff", [1.0, 2.0, 3.0], [0.0, 0.5, 1.0]);
        var values = new[] { 2.0, 2.0, 2.0, 2.0 };
        t.Apply([0.5, 1.5, 2.5, 4.0], values);
        Assert.Equal([0.0, 0.5, 1.5, 2.0], values);
        var bad = Assert.Throws<ArgumentException>(() => DetectionEfficiency.FromTable("eff2", [1.0, 2.0], [0.5, 1.2]));
        Assert.Contains("row 2", bad.Message);
        Assert.Throws<InvalidOperationException>(() => DetectionEfficiency.FromFunction("bad", _ => double.NaN).At(1));
    }

    [Fact]
    public void Folder_ElectronEquivalentRate_EqualsJacobianTimesNuclearRecoilRate()
    {
        // The talk's set-up: solar ⁸B on natural Ge, spectrum in keV_ee through Lindhard quenching.
        var folder = RecoilSpectrumFolder.ForTarget(SolarFluxes.BS05OP(SolarNeutrinoSource.B8), NuclearTable.GetTarget("Ge"), n => new CevnsStandardModel(n));
        var q = new LindhardQuenching(32, 73, 0.162);
        double[] tee = [5e-5, 1e-4, 2e-4, 4e-4];
        var got = new double[tee.Length];
        folder.ElectronEquivalentRatePerKgDayKeV(tee, q, got);
        for (int i = 0; i < tee.Length; i++)
        {
            double tnr = q.NuclearRecoilMeV(tee[i]);
            double h = tee[i] * 1e-6;
            double jacobian = (q.NuclearRecoilMeV(tee[i] + h) - q.NuclearRecoilMeV(tee[i] - h)) / (2 * h);
            Assert.Equal(1.0, got[i] / (folder.RatePerKgDayKeV(tnr) * jacobian), 6);
        }
    }
}
