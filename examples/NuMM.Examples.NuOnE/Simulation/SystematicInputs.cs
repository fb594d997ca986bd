using NuMM.Examples.NuOnE.Analysis;
using NuMM.Runtime.Physics.ElectronScattering;

namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>The simulated per-event systematic inputs of one batch of <see cref="NdSingleElectronEvent"/>s, as plain
/// arrays parallel to the batch (event i of the batch is entry i here): the flux-universe weights and the
/// cross-section knob responses. Everything here is <b>simulated</b> by the stand-in (see
/// <see cref="FluxUniverses"/> and <see cref="CrossSectionKnobs"/>), not taken from NOvA.</summary>
/// <remarks>
/// <para>Layout: the arrays are sized by the batch's capacity, like the batch's own columns.
/// <see cref="FluxUniverseWeights"/> is element-major, the layout of a generated batch's fixed-length array column
/// (<c>[Column(Length = 100)] FixedArray&lt;float&gt;</c>): the weight of event i in universe u is at
/// u · <see cref="Capacity"/> + i, so universe u of consecutive events is one contiguous run and the array can be
/// copied as is into such a column of a batch of the same capacity. Each knob response is one float per event. The
/// true neutrino energy, species and category stay in the batch (<c>TrueNuEnergy</c>, <c>Species</c>,
/// <c>Category</c>).</para>
/// <para>Memory: 413 bytes per event of capacity (400 of them universe weights), about 3.4 MB per 8192-event batch.</para>
/// </remarks>
public sealed class SystematicInputs
{
    /// <summary>Flux universes per event.</summary>
    public const int FluxUniverseCount = 100;

    /// <summary>Creates zeroed inputs for up to <paramref name="capacity"/> events.</summary>
    /// <param name="capacity">Events the arrays hold (the batch's capacity).</param>
    public SystematicInputs(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        FluxUniverseWeights = new float[capacity * FluxUniverseCount];
        MaCcqeResponse = new float[capacity];
        MaResResponse = new float[capacity];
        DisNormalisationResponse = new float[capacity];
        Mode = new InteractionMode[capacity];
    }

    /// <summary>Events the arrays hold (the batch's capacity): the stride of <see cref="FluxUniverseWeights"/>.</summary>
    public int Capacity { get; }

    /// <summary>Events in use (the batch's length).</summary>
    public int Length { get; internal set; }

    /// <summary>Flux-universe weights (dimensionless, multiplying the central-value weight), element-major:
    /// [u · <see cref="Capacity"/> + i].</summary>
    public float[] FluxUniverseWeights { get; }

    /// <summary>δ per +1σ of MaCCQE per event (weight 1 + σ·δ).</summary>
    public float[] MaCcqeResponse { get; }

    /// <summary>δ per +1σ of MaRES per event (weight 1 + σ·δ).</summary>
    public float[] MaResResponse { get; }

    /// <summary>δ per +1σ of the DIS normalisation per event (weight 1 + σ·δ).</summary>
    public float[] DisNormalisationResponse { get; }

    /// <summary>The simulated true interaction mode per event.</summary>
    public InteractionMode[] Mode { get; }

    /// <summary>The weight of event <paramref name="eventIndex"/> in universe <paramref name="universe"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index outside the batch or the universes.</exception>
    public float UniverseWeight(int eventIndex, int universe)
    {
        if ((uint)eventIndex >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(eventIndex), eventIndex, $"The batch holds {Length} events.");
        if ((uint)universe >= FluxUniverseCount)
            throw new ArgumentOutOfRangeException(nameof(universe), universe, $"Universes are 0..{FluxUniverseCount - 1}.");
        return FluxUniverseWeights[universe * Capacity + eventIndex];
    }

    /// <summary>The per-event responses δ of <paramref name="knob"/>.</summary>
    public float[] KnobResponse(CrossSectionKnob knob) => knob switch
    {
        CrossSectionKnob.MaCcqe => MaCcqeResponse,
        CrossSectionKnob.MaRes => MaResResponse,
        CrossSectionKnob.DisNormalisation => DisNormalisationResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(knob), knob, "Unknown cross-section knob."),
    };

    /// <summary>Simulates the systematic inputs of every batch of <paramref name="sample"/> (one entry per batch, same
    /// order). Deterministic: a function of <paramref name="settings"/>.Seed, each event's truth columns
    /// (<c>TrueNuEnergy</c>, <c>Species</c>, <c>Category</c>) and its position in the sample, so a shifted copy of a
    /// sample (same truth) gets the same inputs. The sample's own random sequence is untouched.</summary>
    /// <param name="sample">A sample from <see cref="NearDetectorSimulation"/>.</param>
    /// <param name="settings">The settings it was simulated with (the seed is used).</param>
    /// <exception cref="ArgumentException">An event with a category or species outside its enum, or a non-positive
    /// neutrino energy; the message names batch and event.</exception>
    public static List<SystematicInputs> Simulate(IReadOnlyList<NdSingleElectronEvent.Batch> sample, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(settings);
        var coefficients = FluxUniverses.Coefficients(settings.Seed, FluxUniverseCount);
        var result = new List<SystematicInputs>(sample.Count);
        Span<float> weights = stackalloc float[FluxUniverseCount];
        long position = 0;
        for (int b = 0; b < sample.Count; b++)
        {
            var batch = sample[b];
            var inputs = new SystematicInputs(batch.Capacity) { Length = batch.Length };
            for (int i = 0; i < batch.Length; i++, position++)
            {
                int category = batch.Category[i], species = batch.Species[i];
                double eNu = batch.TrueNuEnergy[i];
                if (!Enum.IsDefined((SampleCategory)category) || !Enum.IsDefined((NeutrinoSpecies)species) || !(eNu > 0) || !double.IsFinite(eNu))
                    throw new ArgumentException($"Batch {b}, event {i}: Category = {category}, Species = {species}, TrueNuEnergy = {eNu} GeV is not a simulated event.", nameof(sample));
                FluxUniverses.Weights(eNu, (NeutrinoSpecies)species, coefficients, weights);
                for (int u = 0; u < FluxUniverseCount; u++) inputs.FluxUniverseWeights[u * inputs.Capacity + i] = weights[u];

                // Two counter-based draws per event (mode, Q²), keyed by seed and category: independent of visiting order.
                var key = CounterRandom.Key(settings.Seed, 0x6B00 + category);
                var mode = CrossSectionKnobs.Mode((SampleCategory)category, eNu, CounterRandom.Uniform(key, position, 0));
                double q2 = CrossSectionKnobs.Q2(mode, eNu, CounterRandom.Uniform(key, position, 1));
                inputs.Mode[i] = mode;
                inputs.MaCcqeResponse[i] = (float)CrossSectionKnobs.Response(CrossSectionKnob.MaCcqe, mode, q2);
                inputs.MaResResponse[i] = (float)CrossSectionKnobs.Response(CrossSectionKnob.MaRes, mode, q2);
                inputs.DisNormalisationResponse[i] = (float)CrossSectionKnobs.Response(CrossSectionKnob.DisNormalisation, mode, q2);
            }
            result.Add(inputs);
        }
        return result;
    }
}
