namespace NuMM.Examples.Tests;

/// <summary>The technote's published cut flows, copied by hand from the NOvA NuMM technote (the project's seed
/// document, section 3.3 Table 7 "Event selection cutflow table" and section 3.5 Table 8 "Event selection cutflow
/// table for background components"). Efficiencies are fractions; rows follow the selection order.</summary>
public static class TechnoteCutFlows
{
    /// <summary>The ten cuts (Table 7 rows 2–11) in order.</summary>
    public static readonly string[] Cuts =
    [
        "DeCAF cuts", "Closest Slice Time", "Preselection", "Fiducial", "Containment", "Single Particle Req.",
        "Energy Cut", "NuoneID", "Epi0ID", "etheta2",
    ];

    /// <summary>One column: the step efficiencies ε^(N−1) of the ten cuts, the final efficiency and the efficiency of
    /// all cuts but the energy cut (the "No Energy Cut" row), all relative to No Cut.</summary>
    public sealed record Column(string Name, double[] Steps, double Final, double NoEnergyCut);

    /// <summary>Table 7, ν Mag. Moment signal column (ε^(N−1) and ε printed in %; No Energy Cut 29.03 of 263.39).</summary>
    public static readonly Column Signal = new("signal",
        [0.2792, 0.9734, 1.0000, 0.9901, 0.9665, 0.8537, 0.6043, 0.7949, 0.7639, 0.8780], 0.0715, 29.03 / 263.39);

    /// <summary>Table 7, ν-on-e background column (No Energy Cut 726.66 of 3,352.43).</summary>
    public static readonly Column NuOnE = new("nu-on-e",
        [0.6958, 0.9756, 0.9980, 0.9900, 0.9297, 0.8391, 0.7303, 0.6938, 0.7978, 0.9005], 0.1904, 726.66 / 3352.43);

    /// <summary>Table 7, Other background column (final 65.92 and No Energy Cut 112.03 of 9.19E+6).</summary>
    public static readonly Column OtherBackground = new("other background",
        [1.0000, 0.9572, 0.9442, 0.8192, 0.8313, 0.1031, 0.7697, 0.0388, 0.6178, 0.0061], 65.92 / 9.19e6, 112.03 / 9.19e6);

    /// <summary>Table 8 yields (No Cut, then after each of the ten cuts) and its No Energy Cut row.</summary>
    public static readonly (string Name, double[] Yields, double NoEnergyCut)[] Table8 =
    [
        ("nue CC", [2.41e5, 2.41e5, 2.31e5, 2.30e5, 1.88e5, 1.70e5, 2.26e4, 1.43e4, 3.92e3, 3.08e3, 50.81], 72.46),
        ("numu CC", [6.29e6, 6.29e6, 6.03e6, 5.55e6, 4.50e6, 3.46e6, 3.93e5, 3.21e5, 7.20e3, 4.45e3, 1.90], 9.85),
        ("NC", [2.66e6, 2.66e6, 2.53e6, 2.52e6, 2.12e6, 2.02e6, 1.67e5, 1.13e5, 6.26e3, 3.21e3, 13.20], 29.72),
    ];

    /// <summary>A Table 8 category as a column: steps N_k / N_(k−1), final N_10 / N_0, No Energy Cut / N_0.</summary>
    public static Column Table8Column(string name)
    {
        var (_, y, noEnergy) = Table8.Single(c => c.Name == name);
        return new Column(name, Enumerable.Range(1, 10).Select(k => y[k] / y[k - 1]).ToArray(), y[10] / y[0], noEnergy / y[0]);
    }
}
