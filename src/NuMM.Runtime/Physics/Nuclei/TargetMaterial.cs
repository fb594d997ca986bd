using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
namespace NuMM.Runtime.Physics.Nuclei;

/// <summary>One nuclide in a target material and how many of its atoms a formula unit holds
/// (stoichiometry × isotopic abundance; e.g. 0.365 for ⁷⁴Ge in natural germanium, 1 for ¹³³Cs in CsI).</summary>
/// <param name="Nucleus">The nuclide.</param>
/// <param name="AtomsPerFormulaUnit">Atoms of this nuclide per formula unit; &gt; 0.</param>
public sealed record TargetComponent(Nucleus Nucleus, double AtomsPerFormulaUnit);

/// <summary>A detector target: an element with its natural isotopic mixture, a single isotope, or a compound
/// such as CsI. Provides the number of target nuclei (and electrons) per kilogram.</summary>
public sealed class TargetMaterial
{
    /// <summary>Avogadro constant in mol⁻¹ (exact in the 2019 SI; PDG 2024 "Physical constants").
    /// Not in <see cref="PhysicalConstants"/>, so defined here.</summary>
    public const double AvogadroPerMol = 6.02214076e23;

    /// <summary>Creates a material from its components.</summary>
    /// <param name="name">Name used in messages, e.g. "CsI".</param>
    /// <param name="components">At least one component, each with AtomsPerFormulaUnit finite and &gt; 0.</param>
    public TargetMaterial(string name, IReadOnlyList<TargetComponent> components)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0) throw new ArgumentException($"Target '{name}' has no components.", nameof(components));
        double molar = 0, electrons = 0;
        foreach (var c in components)
        {
            if (!double.IsFinite(c.AtomsPerFormulaUnit) || c.AtomsPerFormulaUnit <= 0)
                throw new ArgumentException($"Target '{name}': component {c.Nucleus.Name} has atoms per formula unit {c.AtomsPerFormulaUnit}; it must be finite and > 0.", nameof(components));
            molar += c.AtomsPerFormulaUnit * c.Nucleus.AtomicMassU;
            electrons += c.AtomsPerFormulaUnit * c.Nucleus.ProtonNumber;
        }
        Name = name;
        Components = components.ToArray();
        MolarMassGramPerMol = molar;
        ElectronsPerFormulaUnit = electrons;
    }

    /// <summary>Name of the material.</summary>
    public string Name { get; }

    /// <summary>The nuclides and their atoms per formula unit.</summary>
    public IReadOnlyList<TargetComponent> Components { get; }

    /// <summary>Molar mass of one formula unit in g/mol (numerically the mean mass in u).</summary>
    public double MolarMassGramPerMol { get; }

    /// <summary>Electrons per formula unit (Σ Z × atoms).</summary>
    public double ElectronsPerFormulaUnit { get; }

    /// <summary>Formula units per kilogram of material.</summary>
    public double FormulaUnitsPerKg => AvogadroPerMol * 1000.0 / MolarMassGramPerMol;

    /// <summary>Nuclei of <paramref name="component"/> per kilogram of material.</summary>
    /// <param name="component">One of <see cref="Components"/>.</param>
    public double NucleiPerKg(TargetComponent component) => component.AtomsPerFormulaUnit * FormulaUnitsPerKg;

    /// <summary>Electrons per kilogram of material (all atomic electrons, no binding threshold).</summary>
    public double ElectronsPerKg => ElectronsPerFormulaUnit * FormulaUnitsPerKg;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
