using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Runtime.Physics.Nuclei;

/// <summary>One nuclide used as a scattering target: charge, mass number and mass.</summary>
public sealed class Nucleus
{
    /// <summary>Creates a nuclide.</summary>
    /// <param name="element">Element symbol, e.g. "Ge".</param>
    /// <param name="protonNumber">Z, 1 ≤ Z ≤ 118.</param>
    /// <param name="massNumber">A ≥ Z.</param>
    /// <param name="atomicMassU">Mass of the neutral atom in unified atomic mass units u (AME2020); finite, &gt; 0.</param>
    public Nucleus(string element, int protonNumber, int massNumber, double atomicMassU)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(element);
        if (protonNumber < 1 || protonNumber > 118)
            throw new ArgumentOutOfRangeException(nameof(protonNumber), protonNumber, "Z must be between 1 and 118.");
        if (massNumber < protonNumber)
            throw new ArgumentOutOfRangeException(nameof(massNumber), massNumber, $"A must be ≥ Z = {protonNumber}.");
        if (!double.IsFinite(atomicMassU) || atomicMassU <= 0)
            throw new ArgumentOutOfRangeException(nameof(atomicMassU), atomicMassU, "The atomic mass must be finite and > 0 (in u).");
        Element = element;
        ProtonNumber = protonNumber;
        MassNumber = massNumber;
        AtomicMassU = atomicMassU;
        NuclearMassMeV = atomicMassU * PhysicalConstants.AtomicMassUnitMeV
            - protonNumber * PhysicalConstants.ElectronMassMeV
            + ElectronBindingEnergyMeV(protonNumber);
    }

    /// <summary>Element symbol, e.g. "Ge".</summary>
    public string Element { get; }

    /// <summary>Name of the nuclide, element then mass number, e.g. "Ge74".</summary>
    public string Name => Element + MassNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Proton number Z.</summary>
    public int ProtonNumber { get; }

    /// <summary>Mass number A.</summary>
    public int MassNumber { get; }

    /// <summary>Neutron number N = A − Z.</summary>
    public int NeutronNumber => MassNumber - ProtonNumber;

    /// <summary>Mass of the neutral atom in u (AME2020).</summary>
    public double AtomicMassU { get; }

    /// <summary>Mass of the bare nucleus in MeV: M_atom − Z m_e + B_e(Z).</summary>
    public double NuclearMassMeV { get; }

    /// <summary>Total binding energy of the Z atomic electrons in MeV, from the fit
    /// B_e = 14.4381 Z^2.39 + 1.55468×10⁻⁶ Z^5.35 eV (Lunney, Pearson &amp; Thibault, Rev. Mod. Phys. 75, 1021 (2003), eq. A4).</summary>
    /// <param name="protonNumber">Z.</param>
    public static double ElectronBindingEnergyMeV(int protonNumber)
        => 1e-6 * (14.4381 * Math.Pow(protonNumber, 2.39) + 1.55468e-6 * Math.Pow(protonNumber, 5.35));

    /// <inheritdoc/>
    public override string ToString() => $"{Name} (Z={ProtonNumber}, N={NeutronNumber}, M={NumericTable.Format(NuclearMassMeV)} MeV)";
}
