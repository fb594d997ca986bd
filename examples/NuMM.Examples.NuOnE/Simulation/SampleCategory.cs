namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>The true interaction class of a simulated slice (technote Table 6 and Table 8).</summary>
public enum SampleCategory
{
    /// <summary>ν-on-e elastic scattering (GENIE mode 10005 with an electron in the final state).</summary>
    NuOnE = 0,
    /// <summary>ν_e charged current, including MEC.</summary>
    NueCC = 1,
    /// <summary>ν_μ charged current.</summary>
    NumuCC = 2,
    /// <summary>Neutral current.</summary>
    NC = 3,
}
