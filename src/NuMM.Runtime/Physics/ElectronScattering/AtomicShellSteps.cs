using System;
using System.Collections.Generic;
using System.Linq;

namespace NuMM.Runtime.Physics.ElectronScattering;

/// <summary>One atomic subshell: its name, electron occupancy and binding energy.</summary>
/// <param name="Name">Subshell, e.g. "L3" (2p3/2).</param>
/// <param name="Electrons">Electrons in the subshell.</param>
/// <param name="BindingEnergyKeV">Binding energy in keV.</param>
public readonly record struct AtomicShell(string Name, int Electrons, double BindingEnergyKeV);

/// <summary>The stepping approximation for neutrino scattering on atomic electrons: an electron of a subshell with
/// binding energy B scatters like a free electron at rest when the energy transfer T exceeds B and not at all below, so
/// dσ_atom/dT = Z_eff(T) · dσ_free/dT with Z_eff(T) = Σ_shells n_i θ(T − B_i). This is the approximation commonly used
/// for solar-neutrino scattering on xenon in dark-matter detectors. It neglects the bound electrons' momentum
/// distribution and final-state effects; ab-initio (relativistic random-phase) calculations differ from it mostly just
/// above each edge and at energy transfers of a few hundred eV and below.</summary>
public sealed class AtomicShellSteps
{
    private readonly AtomicShell[] _shells;

    /// <summary>Creates the step function of an atom from its subshells.</summary>
    /// <param name="element">Element symbol, for messages.</param>
    /// <param name="shells">Subshells, each with electrons ≥ 1 and a finite binding energy ≥ 0 keV.</param>
    public AtomicShellSteps(string element, IEnumerable<AtomicShell> shells)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(element);
        ArgumentNullException.ThrowIfNull(shells);
        _shells = shells.OrderByDescending(s => s.BindingEnergyKeV).ToArray();
        if (_shells.Length == 0) throw new ArgumentException($"Atom '{element}' has no shells.", nameof(shells));
        foreach (var s in _shells)
            if (s.Electrons < 1 || !double.IsFinite(s.BindingEnergyKeV) || s.BindingEnergyKeV < 0)
                throw new ArgumentException($"Atom '{element}', shell {s.Name}: needs ≥ 1 electron and a finite binding energy ≥ 0 keV.", nameof(shells));
        Element = element;
    }

    /// <summary>Element symbol.</summary>
    public string Element { get; }

    /// <summary>Subshells, most bound first.</summary>
    public IReadOnlyList<AtomicShell> Shells => _shells;

    /// <summary>All electrons of the atom (Z for a neutral atom).</summary>
    public int TotalElectrons => _shells.Sum(s => s.Electrons);

    /// <summary>Z_eff(T): electrons whose binding energy is below the energy transfer.</summary>
    /// <param name="recoilEnergyKeV">Energy transfer T in keV.</param>
    public int ActiveElectrons(double recoilEnergyKeV)
    {
        int n = 0;
        foreach (var s in _shells) if (recoilEnergyKeV > s.BindingEnergyKeV) n += s.Electrons;
        return n;
    }

    /// <summary>Xenon (Z = 54): electron binding energies of the X-ray Data Booklet (A. C. Thompson et al., LBNL,
    /// 3rd ed. 2009, Table 1-1, from J. A. Bearden &amp; A. F. Burr, Rev. Mod. Phys. 39, 125 (1967)), in keV:
    /// K 34.561, L1 5.453, L2 5.107, L3 4.786, M1 1.1487, M2 1.0021, M3 0.9406, M4 0.6890, M5 0.6764, N1 0.2132,
    /// N2 0.1467, N3 0.1455, N4 0.0695, N5 0.0675, O1 0.0233, O2 0.0134, O3 0.0121.</summary>
    public static AtomicShellSteps Xenon { get; } = new("Xe",
    [
        new("K", 2, 34.561), new("L1", 2, 5.453), new("L2", 2, 5.107), new("L3", 4, 4.786),
        new("M1", 2, 1.1487), new("M2", 2, 1.0021), new("M3", 4, 0.9406), new("M4", 4, 0.6890), new("M5", 6, 0.6764),
        new("N1", 2, 0.2132), new("N2", 2, 0.1467), new("N3", 4, 0.1455), new("N4", 4, 0.0695), new("N5", 6, 0.0675),
        new("O1", 2, 0.0233), new("O2", 2, 0.0134), new("O3", 4, 0.0121),
    ]);
}
