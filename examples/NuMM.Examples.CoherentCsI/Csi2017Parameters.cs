using System.Globalization;
using NuMM.Runtime.Data;

namespace NuMM.Examples.CoherentCsI;

/// <summary>The scalar inputs of the release's <c>coherent_parameters.yaml</c>, with their units.</summary>
/// <param name="BeamExposureGWhr">SNS beam exposure of the data set (GW·h).</param>
/// <param name="DistanceMeters">Source–detector distance (m).</param>
/// <param name="QuenchingFactor">CsI[Na] quenching factor (keVee per keVnr).</param>
/// <param name="QuenchingFactorUncertainty">Its 1σ uncertainty (absolute).</param>
/// <param name="LightYieldPePerKeVee">Light yield (PE per keVee).</param>
/// <param name="NeutrinosPerProton">Neutrinos of each flavour per proton on target.</param>
/// <param name="NeutrinosPerProtonUncertainty">Its 1σ uncertainty (absolute).</param>
/// <param name="PromptNeutronNormUncertainty">Fractional 1σ uncertainty of the prompt-neutron normalisation.</param>
/// <param name="AcceptanceA">Acceptance plateau a.</param>
/// <param name="AcceptanceK">Acceptance slope k (PE⁻¹).</param>
/// <param name="AcceptanceX0">Acceptance midpoint x₀ (PE).</param>
public sealed record Csi2017Parameters(double BeamExposureGWhr, double DistanceMeters, double QuenchingFactor, double QuenchingFactorUncertainty,
    double LightYieldPePerKeVee, double NeutrinosPerProton, double NeutrinosPerProtonUncertainty, double PromptNeutronNormUncertainty,
    double AcceptanceA, double AcceptanceK, double AcceptanceX0)
{
    /// <summary>Photoelectrons per keV of nuclear recoil: QF × light yield.</summary>
    public double PePerKeVnr => QuenchingFactor * LightYieldPePerKeVee;

    /// <summary>The release's acceptance f(x) = a/(1 + exp(−k(x − x₀))) · H(x), H = 0 below 5 PE, ½ on [5, 6), 1 above;
    /// to be evaluated at 1-PE bin centres.</summary>
    /// <param name="pe">Photoelectrons.</param>
    public double Acceptance(double pe)
    {
        double f = AcceptanceA / (1 + Math.Exp(-AcceptanceK * (pe - AcceptanceX0)));
        return pe < 5 ? 0 : pe < 6 ? 0.5 * f : f;
    }

    /// <summary>Reads the keys this example needs from the YAML file. A deliberately small reader for this file's flat
    /// layout (top-level keys, <c>value</c>/<c>uncertainty</c> fields, and the acceptance's <c>- name:</c> list); a
    /// missing key or a value that is not a number names the file, the key and (for bad values) the line and column.</summary>
    /// <param name="path">The YAML file.</param>
    public static Csi2017Parameters Read(string path)
    {
        var values = new Dictionary<string, (double Value, int Line)>(StringComparer.Ordinal);
        string top = "", item = "";
        int lineNo = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNo++;
            string line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            int indent = line.Length - line.TrimStart().Length;
            string body = line.Trim();
            if (indent == 0 && body.EndsWith(':')) { top = body[..^1]; item = ""; continue; }
            if (body.StartsWith("- name:", StringComparison.Ordinal)) { item = body["- name:".Length..].Trim(); continue; }
            int colon = body.IndexOf(':');
            if (colon <= 0) continue;
            string key = body[..colon].Trim(), text = body[(colon + 1)..].Trim();
            if (key is not ("value" or "uncertainty")) continue;
            string fullKey = item.Length > 0 ? $"{top}.{item}.{key}" : $"{top}.{key}";
            if (text == "negligible") continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Line {lineNo}, column {raw.IndexOf(text, StringComparison.Ordinal) + 1}: '{fullKey}' is '{text}', not a number."), path, fullKey);
            values[fullKey] = (v, lineNo);
        }
        double Get(string key) => values.TryGetValue(key, out var v) ? v.Value
            : throw new DataFormatException($"The parameter '{key}' is missing.", path, key);
        return new Csi2017Parameters(
            Get("beamExposure.value"), Get("distanceToTarget.value"), Get("csiQF.value"), Get("csiQF.uncertainty"),
            Get("csiLightYield.value"), Get("neutrinosPerProton.value"), Get("neutrinosPerProton.uncertainty"),
            Get("promptNeutronNormalization.uncertainty"),
            Get("acceptanceEfficiency.a.value"), Get("acceptanceEfficiency.k.value"), Get("acceptanceEfficiency.x_0.value"));
    }
}
