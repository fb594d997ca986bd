using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.Selection;

/// <summary>Writes the events of <see cref="VariationWorkload"/> for the Python peers (benchmarks/peers/variations_peer.py):
/// one little-endian float32 .npy per scalar column (shape N), <c>Flux.npy</c> (shape N × 100, event-major as a ROOT
/// <c>w[100]</c> branch or an uproot array would be) and <c>numm_reference.json</c>, NuMM's one-pass results the peers must
/// reproduce. Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --write-variation-data DIR</c>.</summary>
public static class VariationPeerData
{
    /// <summary>Writes the folder; returns the process exit code.</summary>
    /// <param name="folder">The output folder (created; existing files of the same names are replaced).</param>
    public static int Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Generating {VariationWorkload.Events:N0} events …");
        var batches = VariationWorkload.Create();

        foreach (var column in VarEvent.Batch.Schema)
        {
            if (column.IsArray || column.Name == "UniverseW") continue; // the old way's scratch column is not data
            string name = column.Name;
            WriteNpy(Path.Combine(folder, name + ".npy"), [VariationWorkload.Events], stream =>
            {
                foreach (var b in batches) stream.Write(MemoryMarshal.AsBytes(b.Column<float>(IndexOf(name)).Slice(0, b.Length)));
            });
        }
        WriteNpy(Path.Combine(folder, "Flux.npy"), [VariationWorkload.Events, VariationWorkload.UniverseCount], stream =>
        {
            // The event-major copy is already the (N, 100) C-order layout of the .npy file.
            foreach (var b in batches) stream.Write(MemoryMarshal.AsBytes(b.FluxEv.AsSpan(0, b.Length * VariationWorkload.UniverseCount)));
        });

        // NuMM's answers, from the one-pass kernels the benchmark times.
        var universes = new VariationUniverses.Kernel();
        var u = universes.CreateResult();
        foreach (var b in batches) universes.Process(b, u);
        var shifts = new VariationShifts.Kernel();
        var s = shifts.CreateResult();
        foreach (var b in batches) shifts.Process(b, s);

        int last = u.CutFlow.CutCount;
        var reference = new Dictionary<string, object>
        {
            ["events"] = VariationWorkload.Events,
            ["cuts"] = u.CutFlow.CutNames,
            ["nominal_passed"] = u.CutFlow.Passed,
            ["nominal_sumw"] = u.CutFlow.SumW,
            ["nominal_sumw2_final"] = u.CutFlow.SumW2[last],
            ["nominal_sumw2"] = u.CutFlow.SumW2,
            ["nominal_n1_passed"] = u.CutFlow.PassedAllOthers,
            ["nominal_n1_sumw"] = u.CutFlow.SumWAllOthers,
            ["nominal_n1_sumw2"] = u.CutFlow.SumW2AllOthers,
            ["nominal_energy_hist"] = Bins(u.Histogram1D("Energy")),
            ["nominal_truee_hist"] = Bins(u.Histogram1D("TrueE")),
            ["nominal_vtxzangle_integral"] = u.Histogram2D("VtxZAngle").Integral(),
            ["universe_sumw_final"] = Enumerable.Range(0, VariationWorkload.UniverseCount).Select(k => u.Universe("flux", k).CutFlow.SumW[last]).ToArray(),
            ["universe_truee_hist"] = Enumerable.Range(0, VariationWorkload.UniverseCount).Select(k => Bins(u.Universe("flux", k).Histogram1D("TrueE"))).ToArray(),
            ["shift_sigmas"] = VariationWorkload.ShiftSigmas,
            ["shift_passed_final"] = VariationWorkload.ShiftSigmas.Select(x => s.Variation("energy scale", x).CutFlow.Passed[last]).ToArray(),
            ["shift_sumw_final"] = VariationWorkload.ShiftSigmas.Select(x => s.Variation("energy scale", x).CutFlow.SumW[last]).ToArray(),
            ["shift_energy_hist"] = VariationWorkload.ShiftSigmas.Select(x => Bins(s.Variation("energy scale", x).Histogram1D("Energy"))).ToArray(),
        };
        File.WriteAllText(Path.Combine(folder, "numm_reference.json"), JsonSerializer.Serialize(reference, new JsonSerializerOptions { WriteIndented = true }));

        Console.WriteLine($"Wrote {folder}: cut flow (events passing each level) {string.Join(", ", u.CutFlow.Passed)}");
        return 0;
    }

    private static int IndexOf(string column)
    {
        var schema = VarEvent.Batch.Schema;
        for (int i = 0; i < schema.Count; i++) if (schema[i].Name == column) return i;
        throw new ArgumentException($"No column '{column}'.", nameof(column));
    }

    private static double[] Bins(NuMM.Runtime.Histograms.Histogram1D h)
    {
        int n = h.CellCount - 2;
        var bins = new double[n];
        for (int i = 0; i < n; i++) bins[i] = h.BinContent(i);
        return bins;
    }

    // .npy format 1.0: magic, version, little-endian header length, then a Python dict literal padded to 64 bytes.
    private static void WriteNpy(string path, long[] shape, Action<Stream> body)
    {
        string dims = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {dims}, }}";
        int total = 10 + dict.Length + 1;
        dict = dict.PadRight(dict.Length + (64 - total % 64) % 64) + "\n";
        string temp = path + ".partial";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            stream.WriteByte(0x93); // the magic's first byte is not ASCII ("\x93" in a u8 literal would be two bytes)
            stream.Write("NUMPY"u8);
            stream.WriteByte(1);
            stream.WriteByte(0);
            var header = Encoding.ASCII.GetBytes(dict);
            stream.WriteByte((byte)(header.Length & 0xFF));
            stream.WriteByte((byte)(header.Length >> 8));
            stream.Write(header);
            body(stream);
        }
        File.Move(temp, path, overwrite: true);
    }
}
