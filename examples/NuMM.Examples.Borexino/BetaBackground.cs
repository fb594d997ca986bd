namespace NuMM.Examples.Borexino;

/// <summary>A β⁻ background of the scintillator with the allowed spectral shape
/// N(T) ∝ F(Z, W) p W (Q − T)² (W = T + m_e, p = √(W² − m_e²)) and the non-relativistic Fermi function
/// F = 2πη/(1 − e^{−2πη}), η = αZW/p (Z of the daughter). ⁸⁵Kr (first-forbidden unique) and ²¹⁰Bi (first-forbidden
/// non-unique) are approximated as allowed: their exact shape factors change the spectrum at the 10 % level, which a
/// sensitivity study with free normalisations tolerates.</summary>
/// <param name="Name">Name.</param>
/// <param name="QValueMeV">Endpoint kinetic energy Q (MeV).</param>
/// <param name="DaughterZ">Atomic number of the daughter nucleus.</param>
/// <param name="RatePer100TonneDay">Total decay rate in counts day⁻¹ (100 t)⁻¹.</param>
public sealed record BetaBackground(string Name, double QValueMeV, int DaughterZ, double RatePer100TonneDay)
{
    private const double Me = 0.51099895069;          // MeV, PDG 2024
    private const double Alpha = 1 / 137.035999177;   // PDG 2024

    /// <summary>⁸⁵Kr → ⁸⁵Rb, Q = 0.687 MeV; rate 6.8 cpd/100 t, the size of the Phase-II
    /// fitted rate (Borexino, Nature 562, 505 (2018); quoted from memory, not re-checked here: it only sets the Asimov background
    /// level, the fit leaves the normalisation free).</summary>
    public static BetaBackground Kr85 => new("85Kr", 0.687, 37, 6.8);

    /// <summary>²¹⁰Bi → ²¹⁰Po, Q = 1.162 MeV; rate 17.5 cpd/100 t, the size of the Phase-II
    /// fitted rate (same source and caveat as <see cref="Kr85"/>).</summary>
    public static BetaBackground Bi210 => new("210Bi", 1.162, 84, 17.5);

    /// <summary>Unnormalised spectral shape at kinetic energy T (MeV); zero outside (0, Q).</summary>
    public double Shape(double kineticMeV)
    {
        if (!(kineticMeV > 0 && kineticMeV < QValueMeV)) return 0;
        double w = kineticMeV + Me, p = Math.Sqrt(w * w - Me * Me);
        double eta = Alpha * DaughterZ * w / p, fermi = 2 * Math.PI * eta / (1 - Math.Exp(-2 * Math.PI * eta));
        double q = QValueMeV - kineticMeV;
        return fermi * p * w * q * q;
    }

    /// <summary>Expected events in kinetic-energy bins (edges in MeV) for <paramref name="exposure100TonneDay"/>
    /// (100 t·day): rate × exposure × the normalised shape integrated over each bin (Simpson, 64 intervals per bin).</summary>
    public double[] Events(double[] edgesMeV, double exposure100TonneDay)
    {
        double norm = Integrate(0, QValueMeV, 4096);
        var events = new double[edgesMeV.Length - 1];
        for (int b = 0; b < events.Length; b++)
        {
            double lo = Math.Min(edgesMeV[b], QValueMeV), hi = Math.Min(edgesMeV[b + 1], QValueMeV);
            events[b] = hi > lo ? RatePer100TonneDay * exposure100TonneDay * Integrate(lo, hi, 64) / norm : 0;
        }
        return events;
    }

    private double Integrate(double a, double b, int intervals)
    {
        double h = (b - a) / intervals, sum = Shape(a) + Shape(b);
        for (int i = 1; i < intervals; i++) sum += (i % 2 == 1 ? 4 : 2) * Shape(a + i * h);
        return sum * h / 3;
    }
}
