namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>The parametric near-detector response to a single ν-on-e electron: shower reconstruction, energy and
/// angular resolution, and the probability of passing each cut that electron kinematics alone do not decide.
/// Energies in GeV, angles in rad, efficiencies as fractions.</summary>
/// <remarks>
/// <para>The technote does not describe the detector response, so every parameter here is <b>tuned</b>: fitted
/// (tuning script <c>Simulation/Tuning/tune_table7.py</c>, which reimplements the simulation as expected
/// efficiencies and least-squares fits them) to the technote's Table 7 magnetic-moment-signal and ν-on-e columns —
/// all ten step efficiencies ε^(N−1) of each, the final efficiencies (7.15 %, 19.04 %) and the No Energy Cut row
/// (11.02 %, 21.68 %) — together with the generator threshold <see cref="NearDetectorSimulation.MinimumElectronEnergyGeV"/>
/// and the kaon tail of <see cref="NumiFlux"/>. The two columns are the same events with different weights (the
/// signal is ν-on-e reweighted by technote eq. 41, ∝ 1/T), so an efficiency that differs between them must depend
/// on the electron energy: that is what the energy dependence of each curve below encodes.</para>
/// <list type="bullet">
/// <item>DeCAF: the slice gets a reconstructed shower with probability 0.81 (1 − e^(−T/0.35 GeV)), a turn-on
/// that with the 0.2 GeV shower-energy requirement gives 27.9 % (signal, mostly low T) and 69.6 % (ν-on-e).</item>
/// <item>Shower energy: stochastic 6 %/√T ⊕ 3 % constant Gaussian resolution (assumed, not fitted).</item>
/// <item>Shower angle: Gaussian per projection with σ_θ = 0.0272/√T ⊕ 0.0100/T rad (multiple scattering
/// dominates at low T), which sets the E θ² step (87.8 % signal, 90.05 % ν-on-e).</item>
/// <item>Closest slice time, preselection and fiducial volume: constant 97.45 %, 99.9 %, 99.0 %.</item>
/// <item>Containment, single particle, NuoneID and Epi0ID: functions of x = ln(E_shower / 1 GeV) given below;
/// NuoneID peaks near 1 GeV and falls steeply above 5 GeV (the classifier keeps low-energy signal better than the
/// harder ν-on-e spectrum and rejects the events the energy cut would remove).</item>
/// </list>
/// </remarks>
public static class NuOnEDetectorResponse
{
    /// <summary>Constant efficiency of the closest-slice-time cut (cut 2).</summary>
    public const double ClosestSliceEfficiency = 0.9745;

    /// <summary>Constant efficiency of the preselection (cut 3).</summary>
    public const double PreselectionEfficiency = 0.999;

    /// <summary>Constant efficiency of the fiducial-volume cut (cut 4).</summary>
    public const double FiducialEfficiency = 0.990;

    /// <summary>Probability that a slice with an electron of kinetic energy <paramref name="kineticEnergyGeV"/>
    /// (GeV) has a reconstructed shower (the DeCAF skim's shower requirement).</summary>
    public static double ShowerReconstructionProbability(double kineticEnergyGeV) => 0.81 * (1.0 - Math.Exp(-kineticEnergyGeV / 0.35));

    /// <summary>Fractional Gaussian resolution of the calorimetric shower energy at kinetic energy T (GeV).</summary>
    public static double EnergyResolution(double kineticEnergyGeV) => Math.Sqrt(0.06 * 0.06 / kineticEnergyGeV + 0.03 * 0.03);

    /// <summary>Gaussian angular resolution per projection (rad) at kinetic energy T (GeV).</summary>
    public static double AngularResolutionRad(double kineticEnergyGeV)
    {
        double stochastic = 0.0272 * 0.0272 / kineticEnergyGeV, scattering = 0.0100 / kineticEnergyGeV;
        return Math.Sqrt(stochastic + scattering * scattering);
    }

    /// <summary>Containment efficiency (cut 5) at reconstructed shower energy E (GeV): longer showers leak more.</summary>
    public static double ContainmentEfficiency(double showerEnergyGeV) => Clamp(0.956 - 0.036 * X(showerEnergyGeV));

    /// <summary>Single-particle efficiency (cut 6) at reconstructed shower energy E (GeV).</summary>
    public static double SingleParticleEfficiency(double showerEnergyGeV) => Clamp(0.849 - 0.014 * X(showerEnergyGeV));

    /// <summary>NuoneID &gt; 0.73 efficiency (cut 8) at reconstructed shower energy E (GeV).</summary>
    public static double NuoneIdEfficiency(double showerEnergyGeV)
    {
        double x = X(showerEnergyGeV);
        return Clamp(0.845 - 0.134 * x - 0.144 * x * x);
    }

    /// <summary>Epi0ID &gt; 0.92 efficiency (cut 9) at reconstructed shower energy E (GeV).</summary>
    public static double Epi0IdEfficiency(double showerEnergyGeV)
    {
        double x = X(showerEnergyGeV);
        return Clamp(0.759 + 0.080 * x + 0.024 * x * x);
    }

    // ln(E / 1 GeV), floored so that a shower smeared to zero energy (removed by the DeCAF cut anyway) stays finite.
    private static double X(double showerEnergyGeV) => Math.Log(Math.Max(showerEnergyGeV, 1e-3));

    private static double Clamp(double p) => Math.Clamp(p, 0.0, 1.0);
}
