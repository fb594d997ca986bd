using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NuMM.Runtime.Physics.Fluxes;

/// <summary>Fissioning isotopes of a reactor core.</summary>
public enum FissionIsotope
{
    /// <summary>²³⁵U.</summary>
    U235,
    /// <summary>²³⁸U.</summary>
    U238,
    /// <summary>²³⁹Pu.</summary>
    Pu239,
    /// <summary>²⁴¹Pu.</summary>
    Pu241,
}

/// <summary>Fission fractions of the four isotopes (each finite, ≥ 0, summing to 1 within 10⁻³).</summary>
/// <param name="U235">²³⁵U fraction.</param>
/// <param name="U238">²³⁸U fraction.</param>
/// <param name="Pu239">²³⁹Pu fraction.</param>
/// <param name="Pu241">²⁴¹Pu fraction.</param>
public readonly record struct FissionFractions(double U235, double U238, double Pu239, double Pu241)
{
    /// <summary>A typical pressurised-water-reactor mid-cycle mix: 0.58, 0.07, 0.30, 0.05.</summary>
    public static FissionFractions TypicalPwr => new(0.58, 0.07, 0.30, 0.05);

    /// <summary>Fraction of <paramref name="isotope"/>.</summary>
    /// <param name="isotope">Isotope.</param>
    public double Of(FissionIsotope isotope) => isotope switch
    {
        FissionIsotope.U235 => U235,
        FissionIsotope.U238 => U238,
        FissionIsotope.Pu239 => Pu239,
        FissionIsotope.Pu241 => Pu241,
        _ => throw new ArgumentOutOfRangeException(nameof(isotope), isotope, "Unknown isotope."),
    };
}

/// <summary>Reactor antineutrino spectrum from the Huber–Mueller exponential-polynomial fits
/// S_k(E) = exp(Σ_{p=1}^{6} α_{kp} E^{p−1}) ν̄ MeV⁻¹ fission⁻¹ (Huber, Phys. Rev. C 84, 024617 (2011) for ²³⁵U, ²³⁹Pu,
/// ²⁴¹Pu; Mueller et al., Phys. Rev. C 83, 054615 (2011) for ²³⁸U) with energies per fission of Ma et al.,
/// Phys. Rev. C 88, 014605 (2013); tables in <c>Physics/Data/Reactor/</c>. The fits are valid on 2–8 MeV; outside
/// that window the formula is an extrapolation and the default range stops at its edges.</summary>
public sealed class ReactorSpectrum
{
    private static readonly Lazy<Dictionary<FissionIsotope, double[]>> Coefficients = new(LoadCoefficients);
    private static readonly Lazy<Dictionary<FissionIsotope, double>> EnergiesPerFission = new(LoadEnergies);

    /// <summary>Lower end of the fitted range, 2 MeV.</summary>
    public const double FitMinEnergyMeV = 2.0;

    /// <summary>Upper end of the fitted range, 8 MeV.</summary>
    public const double FitMaxEnergyMeV = 8.0;

    /// <summary>Creates the spectrum of a core burning with <paramref name="fractions"/>.</summary>
    /// <param name="fractions">Fission fractions.</param>
    /// <param name="minEnergyMeV">Lower end of the spectrum in MeV (default 2; lower values extrapolate the fit).</param>
    /// <param name="maxEnergyMeV">Upper end in MeV (default 8).</param>
    public ReactorSpectrum(FissionFractions fractions, double minEnergyMeV = FitMinEnergyMeV, double maxEnergyMeV = FitMaxEnergyMeV)
    {
        double sum = 0;
        foreach (var iso in Enum.GetValues<FissionIsotope>())
        {
            double f = fractions.Of(iso);
            if (!double.IsFinite(f) || f < 0)
                throw new ArgumentOutOfRangeException(nameof(fractions), f, $"Fission fraction of {iso} must be finite and ≥ 0; got {NumericTable.Format(f)}.");
            sum += f;
        }
        if (Math.Abs(sum - 1) > 1e-3)
            throw new ArgumentException($"Fission fractions sum to {NumericTable.Format(sum)}; they must sum to 1.", nameof(fractions));
        if (!double.IsFinite(minEnergyMeV) || minEnergyMeV < 0)
            throw new ArgumentOutOfRangeException(nameof(minEnergyMeV), minEnergyMeV, "The lower end must be finite and ≥ 0 MeV.");
        if (!double.IsFinite(maxEnergyMeV) || maxEnergyMeV <= minEnergyMeV)
            throw new ArgumentOutOfRangeException(nameof(maxEnergyMeV), maxEnergyMeV, "The upper end must be finite and above the lower end.");
        Fractions = fractions;
        MinEnergyMeV = minEnergyMeV;
        MaxEnergyMeV = maxEnergyMeV;
        MeanEnergyPerFissionMeV = Enum.GetValues<FissionIsotope>().Sum(i => fractions.Of(i) * EnergyPerFissionMeV(i));
    }

    /// <summary>Fission fractions.</summary>
    public FissionFractions Fractions { get; }

    /// <summary>Lower end of the spectrum in MeV.</summary>
    public double MinEnergyMeV { get; }

    /// <summary>Upper end of the spectrum in MeV.</summary>
    public double MaxEnergyMeV { get; }

    /// <summary>Mean thermal energy per fission Σ f_k e_k in MeV.</summary>
    public double MeanEnergyPerFissionMeV { get; }

    /// <summary>Thermal energy released per fission of <paramref name="isotope"/> in MeV (Ma et al. 2013).</summary>
    /// <param name="isotope">Isotope.</param>
    public static double EnergyPerFissionMeV(FissionIsotope isotope) => EnergiesPerFission.Value[isotope];

    /// <summary>Huber–Mueller spectrum of one isotope, ν̄ MeV⁻¹ fission⁻¹, at <paramref name="energyMeV"/> (no range cut).</summary>
    /// <param name="isotope">Isotope.</param>
    /// <param name="energyMeV">E in MeV, finite and ≥ 0.</param>
    public static double IsotopeSpectrum(FissionIsotope isotope, double energyMeV)
    {
        if (!double.IsFinite(energyMeV) || energyMeV < 0)
            throw new ArgumentOutOfRangeException(nameof(energyMeV), energyMeV, $"Antineutrino energy must be finite and ≥ 0 MeV; got {NumericTable.Format(energyMeV)}.");
        double[] a = Coefficients.Value[isotope];
        double poly = a[5];
        for (int p = 4; p >= 0; p--) poly = poly * energyMeV + a[p];
        return Math.Exp(poly);
    }

    /// <summary>Σ_k f_k S_k(E): antineutrinos per fission per MeV at <paramref name="energyMeV"/>; zero outside the range.</summary>
    /// <param name="energyMeV">E in MeV.</param>
    public double PerFissionDensity(double energyMeV)
    {
        if (!(energyMeV >= MinEnergyMeV) || energyMeV > MaxEnergyMeV) return 0;
        double sum = 0;
        foreach (var iso in Enum.GetValues<FissionIsotope>())
        {
            double f = Fractions.Of(iso);
            if (f > 0) sum += f * IsotopeSpectrum(iso, energyMeV);
        }
        return sum;
    }

    /// <summary>The per-fission spectrum as a continuous shape (ν̄ fission⁻¹ MeV⁻¹).</summary>
    public IContinuousSpectrum PerFission() => new AnalyticSpectrum("reactor ν̄ per fission (Huber–Mueller)", PerFissionDensity, MinEnergyMeV, MaxEnergyMeV);

    /// <summary>Fissions per second of a core of thermal power <paramref name="thermalPowerMW"/>: P / ⟨e_f⟩.</summary>
    /// <param name="thermalPowerMW">Thermal power in MW, finite and ≥ 0.</param>
    public double FissionsPerSecond(double thermalPowerMW)
    {
        if (!double.IsFinite(thermalPowerMW) || thermalPowerMW < 0)
            throw new ArgumentOutOfRangeException(nameof(thermalPowerMW), thermalPowerMW, "Thermal power must be finite and ≥ 0 MW.");
        const double mevPerJoule = 1.0 / 1.602176634e-13;   // e = 1.602176634×10⁻¹⁹ C exactly (SI 2019)
        return thermalPowerMW * 1e6 * mevPerJoule / MeanEnergyPerFissionMeV;
    }

    /// <summary>Isotropic flux dΦ/dE in cm⁻² s⁻¹ MeV⁻¹ at distance <paramref name="distanceM"/> from a core of thermal
    /// power <paramref name="thermalPowerMW"/>: (P/⟨e_f⟩) S(E) / (4π L²). No oscillations.</summary>
    /// <param name="thermalPowerMW">Thermal power in MW.</param>
    /// <param name="distanceM">Distance in metres, finite and &gt; 0.</param>
    public NeutrinoFlux FluxAt(double thermalPowerMW, double distanceM)
    {
        if (!double.IsFinite(distanceM) || distanceM <= 0)
            throw new ArgumentOutOfRangeException(nameof(distanceM), distanceM, "Distance must be finite and > 0 m.");
        double distanceCm = distanceM * 100;
        double scale = FissionsPerSecond(thermalPowerMW) / (4 * Math.PI * distanceCm * distanceCm);
        return new NeutrinoFlux($"reactor {NumericTable.Format(thermalPowerMW)} MW_th at {NumericTable.Format(distanceM)} m", [(PerFission(), scale)], []);
    }

    private static FissionIsotope ParseIsotope(string s, string table, int line) => s.Trim() switch
    {
        "U235" => FissionIsotope.U235,
        "U238" => FissionIsotope.U238,
        "Pu239" => FissionIsotope.Pu239,
        "Pu241" => FissionIsotope.Pu241,
        _ => throw new FormatException($"Table '{table}', line {line}: unknown isotope '{s}'."),
    };

    private static Dictionary<FissionIsotope, double[]> LoadCoefficients()
    {
        const string path = "Reactor/huber_mueller_coefficients.csv";
        var result = new Dictionary<FissionIsotope, double[]>();
        int lineNo = 0;
        foreach (string raw in NumericTable.ReadEmbedded(path).Split('\n'))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string[] c = line.Split(',');
            if (c.Length < 8) throw new FormatException($"Table '{path}', line {lineNo}: expected 9 columns, found {c.Length}.");
            if (c[0] != "HuberMueller") continue;
            var alpha = new double[6];
            for (int p = 0; p < 6; p++)
                if (!double.TryParse(c[2 + p], NumberStyles.Float, CultureInfo.InvariantCulture, out alpha[p]) || !double.IsFinite(alpha[p]))
                    throw new FormatException($"Table '{path}', line {lineNo}, column {3 + p}: '{c[2 + p]}' is not a finite number.");
            result[ParseIsotope(c[1], path, lineNo)] = alpha;
        }
        if (result.Count != 4) throw new FormatException($"Table '{path}' must give HuberMueller coefficients for 4 isotopes; found {result.Count}.");
        return result;
    }

    private static Dictionary<FissionIsotope, double> LoadEnergies()
    {
        const string path = "Reactor/energy_per_fission.csv";
        var result = new Dictionary<FissionIsotope, double>();
        int lineNo = 0;
        foreach (string raw in NumericTable.ReadEmbedded(path).Split('\n'))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string[] c = line.Split(',');
            if (!double.TryParse(c.ElementAtOrDefault(1), NumberStyles.Float, CultureInfo.InvariantCulture, out double e) || !(e > 0))
                throw new FormatException($"Table '{path}', line {lineNo}: energy per fission '{c.ElementAtOrDefault(1)}' is not a positive number.");
            result[ParseIsotope(c[0], path, lineNo)] = e;
        }
        if (result.Count != 4) throw new FormatException($"Table '{path}' must list 4 isotopes; found {result.Count}.");
        return result;
    }
}
