using NuMM.Examples.CoherentCsI;
using NuMM.Runtime.Data;

namespace NuMM.Examples.RealData.Tests;

/// <summary>One analysis of the release shared by the tests (building the templates folds the flux ~150 times).</summary>
public sealed class Csi2017Fixture
{
    public Csi2017Analysis Analysis { get; } = new(Csi2017Release.Load());
}

/// <summary>The COHERENT CsI 2017 example against independent numbers. The SM counts come from
/// Reference/csi2017_reference.py (scipy adaptive quadrature of the same formulas, written without NuMM); the fit
/// results are pinned to what this code produced when the example was written, within the minimiser's precision, and
/// must stay within the acceptance of 25 % of the published values (Akimov et al., Science 357, 1123 (2017)).</summary>
public class CoherentCsI2017Tests(Csi2017Fixture fixture) : IClassFixture<Csi2017Fixture>
{
    private readonly Csi2017Analysis _analysis = fixture.Analysis;

    // Printed by Reference/csi2017_reference.py (0–50 PE; "after" = with the release's acceptance at 1-PE bin centres).
    [Theory]
    [InlineData(SnsFlavour.PromptNuMu, 329.654027, 28.808054)]
    [InlineData(SnsFlavour.DelayedNuMuBar, 448.427655, 94.416181)]
    [InlineData(SnsFlavour.DelayedNuE, 364.877257, 61.017151)]
    public void StandardModelCounts_MatchIndependentQuadrature(SnsFlavour flavour, double before, double after)
    {
        // Tolerance: the reference integrates to 1e-10 relative; the example's fixed Gauss–Legendre rules (8 nodes on
        // 16 panels per 1-PE bin, order 8 on ≤ 1 MeV flux panels) and the table's atomic masses agree to ~1e-6; 1e-5 leaves margin.
        Assert.Equal(before, _analysis.SmPerPe[flavour].Sum(), before * 1e-5);
        Assert.Equal(after, _analysis.SmAccepted[flavour].Sum(), after * 1e-5);
    }

    [Fact]
    public void Fluence_IsProtonsTimesYieldOverSphere()
    {
        // 0.08 ν/flavour/proton × 1.76e23 POT / (4π (1930 cm)²), by hand.
        Assert.Equal(3.008002e14, _analysis.Prediction.FluencePerFlavourCm2, 1e8);
    }

    [Fact]
    public void SmExpectation_WithinAcceptanceOfPublished()
    {
        double n = _analysis.SmExpectedEvents;
        Assert.Equal(28.808054 + 94.416181 + 61.017151, n, 1e-3);
        Assert.InRange(n / Csi2017Published.SmExpectation, 0.75, 1.25);
    }

    [Fact]
    public void CountFit_ReproducesPinnedValue_AndPublishedWithinAcceptance()
    {
        var (count, error, fit) = _analysis.FitCount();
        Assert.True(fit.Converged, fit.Status);
        // Pinned from the run that wrote the README (146.2 ± 24.5). The minimiser stops at an estimated distance
        // 1e-7 in −2lnL, i.e. ≲ 5e-4 σ in the strength; 0.05 events is ~100× that.
        Assert.Equal(146.2, count, 0.05 + 0.05);
        Assert.Equal(24.5, error, 0.1);
        Assert.InRange(count / Csi2017Published.FittedCount, 0.75, 1.25);
        Assert.InRange(error / Csi2017Published.FittedCountError, 0.75, 1.25);
    }

    [Fact]
    public void NullSignificance_ReproducesPublishedSigma()
    {
        var (delta, sigma) = _analysis.NullSignificance();
        // Pinned from the README run (44.9); both fits stop within ~1e-6 in −2lnL, the value is rounded to 0.1.
        Assert.Equal(44.9, delta, 0.06);
        // Published: "6.7-sigma confidence level" (Akimov et al., Science 357, 1123 (2017), abstract); √44.9 = 6.70.
        Assert.Equal(Csi2017Published.ObservationSigma, sigma, 0.05);
    }

    [Theory]
    [InlineData(Csi2017Analysis.MuE, OtherMoment.AtZero, 48.1)]
    [InlineData(Csi2017Analysis.MuMu, OtherMoment.AtZero, 32.0)]
    [InlineData(Csi2017Analysis.MuE, OtherMoment.Profiled, 49.0)]
    [InlineData(Csi2017Analysis.MuMu, OtherMoment.Profiled, 32.0)]
    [InlineData(Csi2017Analysis.MuE, OtherMoment.JointRegion, 65.1)]
    [InlineData(Csi2017Analysis.MuMu, OtherMoment.JointRegion, 40.2)]
    public void MomentLimits_ReproducePinnedValues(string moment, OtherMoment other, double pinned)
    {
        var limit = _analysis.MomentLimit(moment, other);
        Assert.Equal(other == OtherMoment.JointRegion ? -2 * Math.Log(0.1) : 2.70554, limit.CriticalDeltaChi2, 1e-5);
        Assert.True(limit.AllFitsConverged);
        // Brent stops at 1e-9 relative; each profiled fit is good to ~1e-6 in Δχ², i.e. ~1e-5 in μ at the slope
        // dΔχ²/dμ ≈ 0.15 per 10⁻¹⁰ μ_B; the pinned values are rounded to 0.1, hence 0.06.
        Assert.Equal(pinned, limit.Limit, 0.06);
    }

    [Fact]
    public void MomentTemplates_ScaleWithMuSquared_AndFollowFlavour()
    {
        // The magnetic CEvNS term is ∝ μ²: doubling the moment quadruples every bin.
        var p = _analysis.Prediction;
        var one = p.MagneticPerPe(SnsFlavour.DelayedNuE, 1e-10);
        var two = p.MagneticPerPe(SnsFlavour.DelayedNuE, 2e-10);
        for (int k = 0; k < one.Length; k++) Assert.Equal(4 * one[k], two[k], 1e-12 * Math.Max(1, two[k]));
        // Below 5 PE the acceptance is 0 and the 1/T pole is not integrated.
        Assert.All(one.Take(5), v => Assert.Equal(0.0, v));
    }
}

/// <summary>Bad or truncated release files give errors naming the file, the line and the column.</summary>
public class Csi2017BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("numm-csi-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CopyWith(string file, Func<string[], string[]> edit)
    {
        var lines = File.ReadAllLines(Path.Combine(Csi2017Release.DefaultDirectory, file));
        string path = Path.Combine(_dir, file);
        File.WriteAllLines(path, edit(lines));
        return path;
    }

    [Fact]
    public void TruncatedLastRow_NamesFileLineAndMissingColumn()
    {
        // Cut the last line after its second cell: "49.0, 11.75, 0" → "49.0, 11.75".
        string path = CopyWith("data_coincidence_beamOn.txt", l => [.. l[..^1], l[^1][..l[^1].LastIndexOf(',')]]);
        var e = Assert.Throws<DataFormatException>(() => Csi2017Release.ReadGrid(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("Line 600, column 3", e.Message);
    }

    [Fact]
    public void MissingRows_NamesFileAndLastLine()
    {
        string path = CopyWith("data_anticoincidence_beamOff.txt", l => l[..^30]);
        var e = Assert.Throws<DataFormatException>(() => Csi2017Release.ReadGrid(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("Line 571, column 1", e.Message);   // header + 570 rows
        Assert.Contains("570 rows, expected 600", e.Message);
    }

    [Fact]
    public void NonNumericCount_NamesLineAndColumn()
    {
        string path = CopyWith("data_coincidence_beamOn.txt", l => { l[9] = "1.0, 4.75, x7"; return l; });
        var e = Assert.Throws<DataFormatException>(() => Csi2017Release.ReadGrid(path));
        Assert.Contains("Line 10, column 3", e.Message);
        Assert.Contains("'x7'", e.Message);
    }

    [Fact]
    public void BinCentreOffGrid_NamesLineAndColumn()
    {
        string path = CopyWith("data_coincidence_beamOn.txt", l => { l[24] = "3.0, 0.30, 1"; return l; });
        var e = Assert.Throws<DataFormatException>(() => Csi2017Release.ReadGrid(path));
        Assert.Contains("Line 25, column 2", e.Message);
    }

    [Fact]
    public void BadYamlValue_NamesKeyLineAndColumn()
    {
        string path = CopyWith("coherent_parameters.yaml", l => l.Select(s => s == "  value: 0.0878" ? "  value: 0.08x78" : s).ToArray());
        var e = Assert.Throws<DataFormatException>(() => Csi2017Parameters.Read(path));
        Assert.Contains("csiQF.value", e.Message);
        Assert.Contains("column 10", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void WholeRelease_FromAFolderWithATruncatedFile_Fails()
    {
        foreach (var f in Directory.GetFiles(Csi2017Release.DefaultDirectory)) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
        CopyWith("arrivalTimePDF_delayedNeutrinos.txt", l => l[..^1]);
        var e = Assert.Throws<DataFormatException>(() => Csi2017Release.Load(_dir));
        Assert.Contains("arrivalTimePDF_delayedNeutrinos.txt", e.Message);
        Assert.Contains("Line 23, column 1", e.Message);
    }
}
