using NuMM.Runtime.Physics;
using NuMM.Runtime.Physics.Cevns;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;
using NuMM.Runtime.Physics.Nuclei;

namespace NuMM.Examples.CoherentCsI;

/// <summary>CEvNS expectations for the COHERENT CsI[Na] 2017 exposure from NuMM's physics: the SNS π-DAR flux
/// (<see cref="StoppedPionSource"/>), the Standard-Model cross section with the Lewin–Smith Helm form factor
/// (<see cref="CevnsStandardModel"/>) and the magnetic-moment term (<see cref="CevnsActiveMagneticMoment"/>) on the
/// ¹³³Cs and ¹²⁷I of CsI, folded by <see cref="RecoilSpectrumFolder"/>. Recoils map to photoelectrons linearly,
/// PE = QF × LY × T_nr (no photostatistics smearing: the release gives no resolution model), the counts are integrated
/// over 1-PE bins and the release's acceptance is applied at the 1-PE bin centres.</summary>
public sealed class Csi2017Prediction
{
    /// <summary>CsI[Na] mass (kg): 14.57 kg, D. Akimov et al. (COHERENT), Science 357, 1123 (2017) ("14.6-kg").</summary>
    public const double DetectorMassKg = 14.57;

    /// <summary>Protons on target of the data set: 1.76 × 10²³, Akimov et al., Science 357, 1123 (2017), supplementary
    /// material (7.48 GWhr). The release gives only the exposure in GWhr; 7.47594 GWhr / 1.76e23 ≈ 0.955 GeV per proton.</summary>
    public const double ProtonsOnTarget = 1.76e23;

    private readonly TargetMaterial _csi = NuclearTable.GetTarget("CsI");

    /// <summary>Creates the prediction for the release's parameters.</summary>
    /// <param name="parameters">Distance, neutrinos per proton, quenching factor, light yield, acceptance.</param>
    public Csi2017Prediction(Csi2017Parameters parameters)
    {
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        double distanceCm = parameters.DistanceMeters * 100;
        FluencePerFlavourCm2 = ProtonsOnTarget * parameters.NeutrinosPerProton / (4 * Math.PI * distanceCm * distanceCm);
    }

    /// <summary>The release's parameters.</summary>
    public Csi2017Parameters Parameters { get; }

    /// <summary>Time-integrated neutrinos of each flavour per cm² at the detector.</summary>
    public double FluencePerFlavourCm2 { get; }

    /// <summary>The fluence (cm⁻², or cm⁻² MeV⁻¹ for the continua) of one flavour.</summary>
    /// <param name="flavour">Beam component.</param>
    public NeutrinoFlux Flux(SnsFlavour flavour) => SnsBeam.Flux(flavour, FluencePerFlavourCm2);

    /// <summary>Standard-Model CEvNS counts per 1-PE bin (50 bins, 0–50 PE), before the acceptance.</summary>
    /// <param name="flavour">Beam component.</param>
    public double[] StandardModelPerPe(SnsFlavour flavour) => CountsPerPe(flavour, n => new CevnsStandardModel(n), fromPe: 0);

    /// <summary>Magnetic-moment CEvNS counts per 1-PE bin for a moment <paramref name="momentBohr"/> of this flavour, before
    /// the acceptance. Bins below 5 PE, where the acceptance is zero, are left at 0 (the 1/T pole makes them divergent).</summary>
    /// <param name="flavour">Beam component.</param>
    /// <param name="momentBohr">|μ_ν| in Bohr magnetons.</param>
    public double[] MagneticPerPe(SnsFlavour flavour, double momentBohr) =>
        CountsPerPe(flavour, n => new CevnsActiveMagneticMoment(n, momentBohr), fromPe: 5);

    /// <summary>Counts per 1-PE bin times the acceptance at the bin centre.</summary>
    /// <param name="perPe">Counts per 1-PE bin (50).</param>
    public double[] WithAcceptance(IReadOnlyList<double> perPe) =>
        perPe.Select((n, k) => n * Parameters.Acceptance(k + 0.5)).ToArray();

    /// <summary>Merges 50 1-PE bins into the release's 25 2-PE bins.</summary>
    /// <param name="perPe">Counts per 1-PE bin.</param>
    public static double[] ToReleaseBins(IReadOnlyList<double> perPe)
    {
        if (perPe.Count != Csi2017Release.SinglePeBins) throw new ArgumentException($"Expected {Csi2017Release.SinglePeBins} 1-PE bins, got {perPe.Count}.", nameof(perPe));
        return Enumerable.Range(0, Csi2017Release.PeBins).Select(i => perPe[2 * i] + perPe[2 * i + 1]).ToArray();
    }

    /// <summary>A PE × time template, flattened PE-major: counts per 2-PE bin times the probability of each time bin.</summary>
    /// <param name="perReleasePeBin">Counts per 2-PE bin (25).</param>
    /// <param name="timePdf">Probability per time bin (24).</param>
    public static double[] Template(IReadOnlyList<double> perReleasePeBin, IReadOnlyList<double> timePdf)
    {
        var t = new double[perReleasePeBin.Count * timePdf.Count];
        for (int i = 0; i < perReleasePeBin.Count; i++)
            for (int j = 0; j < timePdf.Count; j++) t[i * timePdf.Count + j] = perReleasePeBin[i] * timePdf[j];
        return t;
    }

    private double[] CountsPerPe(SnsFlavour flavour, Func<Nucleus, IDifferentialCrossSection> crossSection, int fromPe)
    {
        var terms = _csi.Components.Select(c => new FoldingTerm(crossSection(c.Nucleus), _csi.NucleiPerKg(c))).ToArray();
        // Order-8 Gauss–Legendre on ≤ 1 MeV panels: the Michel polynomials times a CEvNS term (quadratic in 1/E) are smooth.
        var folder = new RecoilSpectrumFolder(Flux(flavour), terms, gaussLegendreOrder: 8, maxPanelWidthMeV: 1.0);
        double mevPerPe = 1e-3 / Parameters.PePerKeVnr;
        var counts = new double[Csi2017Release.SinglePeBins];
        for (int k = fromPe; k < counts.Length; k++)
            // 16 panels per bin: the prompt line's spectrum ends with a kink at T_max inside one bin.
            counts[k] = DetectorMassKg * EnergyQuadrature.Integrate(folder.FoldedPerKgPerMeV, k * mevPerPe, (k + 1) * mevPerPe, panels: 16, order: 8);
        return counts;
    }
}
