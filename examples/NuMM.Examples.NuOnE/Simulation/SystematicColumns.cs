using NuMM.Examples.NuOnE.Analysis;

namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>Puts the simulated systematic inputs of <see cref="SystematicInputs"/> into the batch columns the analysis
/// declares (<c>FluxUniverse</c>, <c>MaCcqeResponse</c>, <c>MaResResponse</c>, <c>DisResponse</c>), as a reader would
/// fill them from a file that carries them.</summary>
public static class SystematicColumns
{
    /// <summary>Simulates the inputs of <paramref name="sample"/> and writes them into its batches.</summary>
    /// <param name="sample">A sample from <see cref="NearDetectorSimulation"/>.</param>
    /// <param name="settings">The settings it was simulated with.</param>
    /// <returns>The same sample, for chaining.</returns>
    public static List<NdSingleElectronEvent.Batch> Attach(List<NdSingleElectronEvent.Batch> sample, SimulationSettings settings)
    {
        var inputs = SystematicInputs.Simulate(sample, settings);
        for (int b = 0; b < sample.Count; b++)
        {
            var batch = sample[b];
            var input = inputs[b];
            if (input.Capacity != batch.Capacity)
                throw new InvalidOperationException($"Batch {b}: systematic inputs for {input.Capacity} events, batch of {batch.Capacity}.");
            // Both are element-major with the batch capacity as stride: universe u of event i at u · Capacity + i.
            Array.Copy(input.FluxUniverseWeights, batch.FluxUniverse, input.FluxUniverseWeights.Length);
            Array.Copy(input.MaCcqeResponse, batch.MaCcqeResponse, batch.Length);
            Array.Copy(input.MaResResponse, batch.MaResResponse, batch.Length);
            Array.Copy(input.DisNormalisationResponse, batch.DisResponse, batch.Length);
        }
        return sample;
    }
}
