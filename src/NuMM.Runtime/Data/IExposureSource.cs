namespace NuMM.Runtime.Data;

/// <summary>Something that knows the exposure of the events it delivers (a batch source over a NuMM columnar file, or
/// any source wrapped by <see cref="Sources.ExposedBatchSource{TBatch}"/>). The analysis runner attaches it to the
/// result once every event has been read.</summary>
public interface IExposureSource
{
    /// <summary>The exposure of all the events the source delivers (POT, or livetime in s); <see cref="Exposure.None"/>
    /// when unknown.</summary>
    Exposure Exposure { get; }
}
