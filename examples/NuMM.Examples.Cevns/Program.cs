// Solar-neutrino CEvNS on a germanium detector and the neutrino magnetic moment: the study of the CEvNS talk (seed 001,
// M. Demirci, O. Başlı, M. F. Mustamin, BSM-2023) on a CDEX-10-like detector, top to bottom:
//   1. the assumed detector (exposure, threshold, quenching, resolution, background),
//   2. the SM recoil spectrum dR/dT_nr of eq. 14 from the BS05(OP) flux, source by source,
//   3. the same with an active magnetic moment (eq. 10) and with a sterile transition moment for a few m₄ (eqs. 11–13),
//   4. the minimum neutrino energy E_min(T) of eq. 13,
//   5. the counts in the 20 electron-equivalent analysis bins and the expected 90 % CL sensitivity from the pull χ² of
//      eq. 15 on Asimov data, compared with the talk's published limits.
//
//   dotnet run -c Release --project examples/NuMM.Examples.Cevns [-- output-folder]
using System.Diagnostics;
using System.Globalization;
using NuMM.Examples.Cevns;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Nuclei;
using NuMM.Runtime.Reporting.Plots;
using NuMM.Runtime.Statistics.Inference;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outputFolder = args.Length > 0 ? args[0] : Path.Combine("numm-output", "cevns");
Directory.CreateDirectory(outputFolder);
var clock = Stopwatch.StartNew();

// 1. Detector. The talk names CDEX-10 (Geng et al. 2023) but prints none of these numbers; see GermaniumDetector.cs.
var detector = GermaniumDetector.CdexLike;
var study = new SolarCevnsStudy(detector);
Console.WriteLine("# Solar-neutrino CEvNS on germanium: SM and neutrino magnetic moments (CEvNS talk, eqs. 1–15)");
Console.WriteLine();
Console.WriteLine("## 1. Assumed CDEX-10-like detector");
Console.WriteLine($"- target: natural Ge ({string.Join(", ", study.Target.Components.Select(c => $"{c.Nucleus.Name} {c.AtomsPerFormulaUnit:P2}"))})");
Console.WriteLine($"- exposure {detector.ExposureKgDay} kg·day (CDEX-10 data set of Geng et al., PRD 107, 112002 (2023))");
Console.WriteLine($"- threshold {detector.ThresholdKeVee} keV_ee; {detector.BinCount} bins of {detector.BinWidthKeVee} keV_ee up to {detector.AnalysisEdgesKeVee()[^1]:0.00} keV_ee (the talk's 20 points)");
Console.WriteLine($"- quenching: Lindhard, k = {detector.LindhardK} (talk: T_nr from T_ee via a quenching factor); " +
    $"threshold ↔ {study.Quenching.NuclearRecoilMeV(detector.ThresholdKeVee * 1e-3) * 1e3:0.000} keV_nr (Q = {detector.ThresholdKeVee / (study.Quenching.NuclearRecoilMeV(detector.ThresholdKeVee * 1e-3) * 1e3):0.000})");
Console.WriteLine($"- resolution σ(E) = √(σ₀² + F ε E), σ₀ = {detector.PedestalSigmaKeVee * 1e3:0} eV, F = {detector.FanoFactor}, ε = {detector.PairEnergyKeV * 1e3} eV: " +
    $"σ = {detector.SigmaKeVee(0.16) * 1e3:0.0} eV at 0.16 keV_ee, {detector.SigmaKeVee(2.0) * 1e3:0.0} eV at 2 keV_ee (assumed)");
Console.WriteLine($"- background B = {detector.BackgroundPerKgDayKeVee} counts kg⁻¹ day⁻¹ keV_ee⁻¹, flat (assumed order of CDEX-10's level)");
Console.WriteLine($"- flux nuisances (eq. 15 c_j): {string.Join(", ", detector.FluxUncertaintyBySource.Select(kv => $"{kv.Key} {kv.Value:P0}"))} (BS05(OP))");
Console.WriteLine($"- sin²θ_W = {SolarCevnsStudy.TalkSinSqThetaW} (talk eq. 6), Helm form factor (eq. 4)");
Console.WriteLine();

// 2.–3. Recoil spectra, eq. 14, per kg·day·keV_nr.
var sm = new StandardModelCevns();
var active = new ActiveMomentCevns(1e-9);
double[] sterileMasses = [0.1, 1.0, 5.0, 10.0];
var sterile = sterileMasses.Select(m => new SterileMomentCevns(1e-9, m)).ToArray();
double[] tTable = [0.2, 0.5, 1, 2, 3, 4, 5, 6, 7];
Console.WriteLine("## 2. SM dR/dT_nr (events kg⁻¹ day⁻¹ keV_nr⁻¹, eq. 14) by BS05(OP) source");
Console.WriteLine("T_nr is the nuclear recoil; T_max ≈ 2E²/M, so only ⁸B and hep reach ≳ 1 keV_nr (⁷Be: 0.02 keV_nr, pep: 0.06 keV_nr).");
Console.WriteLine();
Console.WriteLine("| T_nr [keV] | " + string.Join(" | ", SolarCevnsStudy.Sources) + " | total |");
Console.WriteLine("|---:|" + string.Concat(Enumerable.Repeat("---:|", SolarCevnsStudy.Sources.Count + 1)));
foreach (double t in tTable)
{
    var bySource = SolarCevnsStudy.Sources.Select(s => study.RatePerKgDayKeV(s, sm, t)).ToArray();
    Console.WriteLine($"| {t:0.0} | " + string.Join(" | ", bySource.Select(F)) + $" | {F(bySource.Sum())} |");
}
Console.WriteLine();
Console.WriteLine("## 3. Magnetic-moment terms (added incoherently to the SM), μ = 1e-9 μ_B, events kg⁻¹ day⁻¹ keV_nr⁻¹");
Console.WriteLine();
Console.WriteLine("| T_nr [keV] | SM | ν_a MM (eq. 10) | " + string.Join(" | ", sterileMasses.Select(m => $"ν_s MM m₄={m} MeV (eq. 11)")) + " |");
Console.WriteLine("|---:|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", sterileMasses.Length)));
foreach (double t in tTable)
    Console.WriteLine($"| {t:0.0} | {F(study.RatePerKgDayKeV(sm, t))} | {F(study.RatePerKgDayKeV(active, t))} | " +
        string.Join(" | ", sterile.Select(p => F(study.RatePerKgDayKeV(p, t)))) + " |");
Console.WriteLine();
var ge74 = NuclearTable.GetNucleus("Ge74");
double maxE = SolarCevnsStudy.HepEndPointMeV;
Console.WriteLine($"Kinematic window of the sterile transition on {ge74.Name} for E_ν ≤ {maxE} MeV (hep end-point; exact form of eq. 12):");
foreach (double m in sterileMasses)
{
    var w = SolarCevnsStudy.SterileRecoilWindowKeV(ge74, m, maxE);
    Console.WriteLine(w is { } window
        ? $"- m₄ = {m,5} MeV: {window.LowKeV:0.####E+0} keV_nr ≤ T_nr ≤ {window.HighKeV:0.000} keV_nr (the ν_s spectrum is exactly 0 outside)"
        : $"- m₄ = {m,5} MeV: closed (E_th = m₄ + m₄²/2M > E_max)");
}
Console.WriteLine();

// 4. E_min(T), eq. 13 (m₄ = 0 is the elastic E_min = (T + √(T² + 2MT))/2).
Console.WriteLine($"## 4. Minimum neutrino energy E_min(T_nr) on {ge74.Name} (MeV, eq. 13)");
Console.WriteLine();
double[] tMin = [0.1, 0.5, 1, 2, 5, 10];
Console.WriteLine("| T_nr [keV] | active (m₄ = 0) | " + string.Join(" | ", sterileMasses.Select(m => $"m₄ = {m} MeV")) + " |");
Console.WriteLine("|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", sterileMasses.Length)));
foreach (double t in tMin)
    Console.WriteLine($"| {t:0.0} | {CevnsKinematics.MinNeutrinoEnergyMeV(t * 1e-3, ge74.NuclearMassMeV):0.000} | " +
        string.Join(" | ", sterileMasses.Select(m => $"{CevnsKinematics.SterileMinNeutrinoEnergyMeV(t * 1e-3, ge74.NuclearMassMeV, m):0.000}")) + " |");
foreach (double m in sterileMasses)
{
    // At the threshold E_th = m₄ + m₄²/2M the allowed recoil window shrinks to one point T*: the minimum of E_min(T).
    double eTh = CevnsKinematics.SterileThresholdEnergyMeV(ge74.NuclearMassMeV, m);
    CevnsKinematics.SterileRecoilRange(eTh * (1 + 1e-9), ge74.NuclearMassMeV, m, out double lo, out double hi);
    Console.WriteLine($"- m₄ = {m} MeV: E_min(T) falls to its minimum m₄ + m₄²/2M = {eTh:0.000000} MeV at T* = {0.5 * (lo + hi) * 1e3:0.0000E+0} keV_nr (≈ m₄²/2M) and rises again above it.");
}
Console.WriteLine("The talk's slide describes the falling branch (T < T*); for every m₄ E_min lies above the active value at the same T.");
Console.WriteLine();

// 5. Analysis bins and the eq. 15 sensitivity.
var edges = detector.AnalysisEdgesKeVee();
var smCounts = study.ExpectedCounts(sm);
var mmCounts = study.ExpectedCounts(active);
var background = study.BackgroundCounts();
Console.WriteLine($"## 5. Expected counts in the analysis bins ({detector.ExposureKgDay} kg·day, after quenching and resolution)");
Console.WriteLine();
Console.WriteLine("| T_ee [keV] | SM CEvNS | ν_a MM (μ = 1e-9 μ_B) | background B |");
Console.WriteLine("|---|---:|---:|---:|");
for (int b = 0; b < smCounts.Length; b++)
    Console.WriteLine($"| {edges[b]:0.00}–{edges[b + 1]:0.00} | {F(smCounts[b])} | {F(mmCounts[b])} | {background[b]:0.00} |");
Console.WriteLine($"| total | {F(smCounts.Sum())} | {F(mmCounts.Sum())} | {background.Sum():0.0} |");
Console.WriteLine();

var sensitivity = new MagneticMomentSensitivity(study);
double oneDof = CriticalValues.ChiSquare(0.9, 1), twoDof = CriticalValues.ChiSquare(0.9, 2);
var activeLimit = sensitivity.Run(active, oneDof, scanPoints: 33);
var sterileLimits = sterile.Select(p => sensitivity.Run(p, twoDof)).ToArray();
Console.WriteLine("## 6. Expected 90 % CL sensitivity (pull χ² of eq. 15 with Σ ξ_j², Asimov SM + B data, Δ^i = √N_i)");
Console.WriteLine();
Console.WriteLine("| signal | Δχ² | expected limit [μ_B] | statistics only [μ_B] | talk (CDEX-10 data) [μ_B] |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine($"| active μ_ν (eq. 10) | {oneDof:0.000} | {activeLimit.LimitBohr:0.000E+0} | {activeLimit.StatisticsOnlyLimitBohr:0.000E+0} | 1.874E-9 |");
for (int i = 0; i < sterileMasses.Length; i++)
    Console.WriteLine($"| sterile μ_ν4, m₄ = {sterileMasses[i]} MeV (eqs. 11–13) | {twoDof:0.000} | {sterileLimits[i].LimitBohr:0.000E+0} | {sterileLimits[i].StatisticsOnlyLimitBohr:0.000E+0} | {(i == 0 ? "2.79E-9 (2 dof, light m₄)" : "–")} |");
Console.WriteLine();
bool converged = activeLimit.AllFitsConverged && sterileLimits.All(s => s.AllFitsConverged);
Console.WriteLine($"All fits converged: {converged}.");
double ratio = activeLimit.LimitBohr / 1.874e-9;
Console.WriteLine($"Ratio expected/published (active): {ratio:0.00}. Since the signal is ∝ μ² and Δχ² ∝ μ⁴/Δ², matching 1.874e-9 " +
    $"with this signal model would need per-bin errors Δ^i about {ratio * ratio:0} times smaller than √(SM + B), i.e. a background " +
    $"far below CDEX-10's measured level.");
Console.WriteLine($"At the talk's 1.874e-9 μ_B this model expects {mmCounts.Sum() * 1.874 * 1.874:0.000} magnetic-moment events in the window " +
    $"(SM CEvNS {smCounts.Sum():0.000}), against {background.Sum():0} background events.");
Console.WriteLine("""
Why an Asimov sensitivity differs from the talk's limits:
- The talk fits the 20 measured CDEX-10 points (R_obs with their errors Δ^i); those points are not public and nothing was
  digitised, so here R_obs is the SM + B expectation itself (Asimov: no fluctuation, best fit at μ = 0). A real data set
  fluctuates, so its limit scatters around the median expected one (a downward fluctuation gives a stronger limit, an
  excess a weaker one), and a measured background with lines (Ge L-shell X rays near 1.1–1.3 keV_ee) and a rising
  near-threshold shape is not the flat B assumed here.
- Exposure, threshold, resolution, background level and quenching are CDEX-10-like assumptions (section 1); the talk
  prints none of them. The μ term ∝ 1/T_nr lives at the threshold, so the limit is most sensitive to the threshold,
  the quenching at ~1 keV_nr and the background there: the limit scales roughly as (B/exposure)^{1/4}.
- The talk's eq. 15 prints the pull term as +Σ ξ_j; here it is Σ ξ_j² (a linear term has no minimum).
- The sterile limits use Δχ² = 4.61 (2 dof) at fixed m₄, matching the talk's "90 % CL with 2 d.o.f."; the talk
  quotes the single value 2.79e-9 without its m₄, so it is set against the lightest m₄ here.
""");

// Plots.
double[] tGrid = Enumerable.Range(0, 120).Select(k => 0.1 * Math.Pow(80.0, k / 119.0)).ToArray();   // 0.1..8 keV_nr
var spectra = new Figure("Solar CEvNS on Ge: dR/dT_nr (eq. 14), μ = 1e-9 μ_B", "T_nr [keV]", "log10 dR/dT [kg⁻¹ day⁻¹ keV⁻¹]");
void AddLog(string label, Func<double, double> rate, bool dashed = false) =>
    spectra.AddLine(label, tGrid, tGrid.Select(t => { double r = rate(t); return r > 0 ? Math.Log10(r) : double.NaN; }).ToArray(), dashed: dashed);
AddLog("SM (all BS05(OP))", t => study.RatePerKgDayKeV(sm, t));
AddLog("SM 8B", t => study.RatePerKgDayKeV(SolarNeutrinoSource.B8, sm, t), dashed: true);
AddLog("SM hep", t => study.RatePerKgDayKeV(SolarNeutrinoSource.Hep, sm, t), dashed: true);
AddLog("ν_a MM", t => study.RatePerKgDayKeV(active, t));
foreach (var p in sterile) AddLog($"ν_s MM m4={p.SterileMassMeV} MeV", t => study.RatePerKgDayKeV(p, t));
spectra.YRange = (-8, 2);
spectra.SavePngAndSvg(Path.Combine(outputFolder, "recoil-spectra"));

var binned = new Figure($"Expected counts per 0.1 keV_ee bin, {detector.ExposureKgDay} kg·day", "T_ee [keV]", "log10 events / bin");
double[] Log(IEnumerable<double> v) => v.Select(x => x > 0 ? Math.Log10(x) : double.NaN).ToArray();
double limitScale = Math.Pow(activeLimit.LimitBohr / MagneticMomentSensitivity.ReferenceMomentBohr, 2);
binned.AddStep("background B (assumed flat)", edges, Log(background));
binned.AddStep("SM CEvNS", edges, Log(smCounts));
binned.AddStep("ν_a MM at the expected limit", edges, Log(mmCounts.Select(m => m * limitScale)));
binned.AddStep("ν_a MM at the talk's 1.874e-9", edges, Log(mmCounts.Select(m => m * 1.874 * 1.874)));
binned.SavePngAndSvg(Path.Combine(outputFolder, "analysis-bins"));

var curve = new Figure("Expected Δχ² (eq. 15, Asimov), active μ_ν", "|μ_ν| [1e-9 μ_B]", "Δχ²");
curve.AddLine("profile Δχ² (flux nuisances)", activeLimit.ScanMomentsBohr.Select(m => m / 1e-9).ToArray(), activeLimit.ScanDeltaChi2);
curve.AddHorizontalLine("90% CL (2.71)", oneDof);
curve.AddVerticalLine("expected limit", activeLimit.LimitBohr / 1e-9);
curve.AddVerticalLine("talk: 1.874", 1.874);
curve.SavePngAndSvg(Path.Combine(outputFolder, "delta-chi2-active"));

Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s; plots (recoil-spectra, analysis-bins, delta-chi2-active; .png and .svg each) are in {Path.GetFullPath(outputFolder)}.");

static string F(double v) => v == 0 ? "0" : v.ToString("0.000E+0", CultureInfo.InvariantCulture);
