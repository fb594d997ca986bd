using NuMM.Runtime.Physics.ElectronScattering;
using NuMM.Runtime.Physics.Fluxes;
using NuMM.Runtime.Physics.Folding;

namespace NuMM.Examples.Borexino;

/// <summary>The solar-neutrino groups of the Borexino fit.</summary>
public enum SolarGroup
{
    /// <summary>pp continuum.</summary>
    Pp,
    /// <summary>⁷Be lines (0.862 and 0.384 MeV).</summary>
    Be7,
    /// <summary>pep line (1.442 MeV).</summary>
    Pep,
    /// <summary>CNO: ¹³N + ¹⁵O + ¹⁷F continua.</summary>
    Cno,
    /// <summary>⁸B continuum.</summary>
    B8,
}

/// <summary>Solar ν–e recoil spectra in a scintillator (BS05(OP) fluxes, MSW-LMA flavour composition at Earth):
/// dR/dT = N_e [∫ Φ_e dσ_{ν_e}/dT + ∫ Φ_{μτ} dσ_{ν_μ}/dT] for the weak term, and N_e μ²_eff ∫ Φ dσ_μ/dT for the
/// magnetic term, which by definition of μ_eff (talk: μ²_eff = Σ_α P_{eα} μ²_α) multiplies the total flux.</summary>
public sealed class SolarRecoilSpectrum
{
    /// <summary>Electrons per kg of pseudocumene C₉H₁₂: 66 e⁻ per molecule, M = 9·12.011 + 12·1.008 g/mol; gives
    /// 3.307×10³¹ per 100 t, Borexino's value.</summary>
    public const double ElectronsPerKg = 66.0 / (9 * 12.011 + 12 * 1.008) * 1000 * 6.02214076e23;

    /// <summary>Reference effective moment of the signal template, μ_B.</summary>
    public const double ReferenceMomentBohr = 1e-11;

    private readonly Dictionary<SolarGroup, RecoilSpectrumFolder[]> _standard = new();
    private readonly Dictionary<SolarGroup, RecoilSpectrumFolder> _magnetic = new();

    /// <summary>Builds the folders (fast inverse-energy path of <see cref="NeutrinoElectronScattering"/>).</summary>
    public SolarRecoilSpectrum()
    {
        foreach (var group in Enum.GetValues<SolarGroup>())
        {
            var flux = Flux(group);
            _standard[group] =
            [
                new RecoilSpectrumFolder(SolarOscillation.Arriving(flux, electronFlavour: true),
                    [new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, 0.0, terms: ElectronScatteringTerms.StandardModel), ElectronsPerKg)]),
                // ν_μ and ν_τ have the same (NC-only) cross section at tree level.
                new RecoilSpectrumFolder(SolarOscillation.Arriving(flux, electronFlavour: false),
                    [new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.MuonNeutrino, 0.0, terms: ElectronScatteringTerms.StandardModel), ElectronsPerKg)]),
            ];
            _magnetic[group] = new RecoilSpectrumFolder(flux,
                [new FoldingTerm(new NeutrinoElectronScattering(NeutrinoSpecies.ElectronNeutrino, ReferenceMomentBohr, terms: ElectronScatteringTerms.MagneticMoment), ElectronsPerKg)]);
        }
    }

    /// <summary>The unoscillated BS05(OP) flux of a group (cm⁻² s⁻¹ MeV⁻¹, lines in cm⁻² s⁻¹).</summary>
    /// <param name="group">Group.</param>
    public static NeutrinoFlux Flux(SolarGroup group) => group switch
    {
        SolarGroup.Pp => SolarFluxes.BS05OP(SolarNeutrinoSource.Pp),
        SolarGroup.Be7 => SolarFluxes.BS05OP(SolarNeutrinoSource.Be7),
        SolarGroup.Pep => SolarFluxes.BS05OP(SolarNeutrinoSource.Pep),
        SolarGroup.Cno => SolarFluxes.BS05OP(SolarNeutrinoSource.N13).Plus(SolarFluxes.BS05OP(SolarNeutrinoSource.O15))
            .Plus(SolarFluxes.BS05OP(SolarNeutrinoSource.F17), "CNO (BS05(OP))"),
        SolarGroup.B8 => SolarFluxes.BS05OP(SolarNeutrinoSource.B8),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown solar group."),
    };

    /// <summary>Weak (SM) dR/dT of <paramref name="group"/> in events day⁻¹ (100 t)⁻¹ MeV⁻¹ at recoil T (MeV).</summary>
    public double StandardModelRate(SolarGroup group, double recoilMeV)
        => _standard[group].Sum(f => f.RatePerKgDayKeV(recoilMeV)) * 1e5 * 1e3;

    /// <summary>Magnetic dR/dT of <paramref name="group"/> for μ_eff (μ_B), in events day⁻¹ (100 t)⁻¹ MeV⁻¹ at T (MeV, &gt; 0).</summary>
    public double MagneticRate(SolarGroup group, double recoilMeV, double muEffBohr)
        => _magnetic[group].RatePerKgDayKeV(recoilMeV) * 1e5 * 1e3 * (muEffBohr / ReferenceMomentBohr) * (muEffBohr / ReferenceMomentBohr);

    /// <summary>Expected weak-term events of <paramref name="group"/> in true-recoil bins for <paramref name="exposureKgDay"/>.</summary>
    public double[] StandardModelEvents(SolarGroup group, double[] edgesMeV, double exposureKgDay)
    {
        var sum = new double[edgesMeV.Length - 1];
        foreach (var f in _standard[group])
        {
            var part = f.ExpectedEvents(edgesMeV, exposureKgDay);
            for (int i = 0; i < sum.Length; i++) sum[i] += part[i];
        }
        return sum;
    }

    /// <summary>Expected magnetic-term events of <paramref name="group"/> at μ_eff = <see cref="ReferenceMomentBohr"/>.</summary>
    public double[] MagneticEvents(SolarGroup group, double[] edgesMeV, double exposureKgDay)
        => _magnetic[group].ExpectedEvents(edgesMeV, exposureKgDay);

    /// <summary>True-recoil bin edges (MeV): a uniform grid of <paramref name="stepMeV"/> from <paramref name="lowMeV"/>
    /// to <paramref name="highMeV"/> plus the Compton-like edges T_max(E_line) of the solar lines, so that dR/dT is smooth
    /// inside every bin and the bin integrals are accurate.</summary>
    public static double[] TrueEdges(double lowMeV, double highMeV, double stepMeV)
    {
        var edges = new SortedSet<double>();
        int n = (int)Math.Round((highMeV - lowMeV) / stepMeV);
        for (int i = 0; i <= n; i++) edges.Add(lowMeV + (highMeV - lowMeV) * i / n);
        foreach (double line in new[] { SolarFluxes.Be7GroundLineMeV, SolarFluxes.Be7ExcitedLineMeV, SolarFluxes.PepLineMeV })
        {
            double tMax = ElectronScatteringKinematics.MaxRecoilEnergyMeV(line);
            if (tMax > lowMeV && tMax < highMeV) edges.Add(tMax);
        }
        return edges.ToArray();
    }
}
