using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NuMM.Dsl;
using NuMM.Runtime.Data;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.Selection;

/// <summary>Systematic variations inside the generated kernel (issue 14, part 6): 10⁷ events with 18 float columns and a
/// 100-value universe-weight column (plus one scratch column only the old way reads), 11 cuts, 3 weights, 3 histograms, processed from memory as batches of 65,536 events
/// on one thread. Every case is one call per batch into a generated kernel; the ratios are to the nominal-only kernel.
/// The "old way" cases re-run the nominal kernel once per universe (the universe a kernel parameter) or once per shifted
/// copy of the energy column (copied into the batch before each pass, as a re-simulated sample would be).
/// Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --filter *VariationBenchmarks*</c>.
/// The Python peers (benchmarks/peers/variations_peer.py) read the same events, written by
/// <c>-- --write-variation-data DIR</c> (see <see cref="VariationPeerData"/>).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class VariationBenchmarks
{
    private VarEvent.Batch[] _batches = null!;
    private VariationNominal.Kernel _nominal = null!;
    private VariationUniverses.Kernel _universes = null!;
    private VariationUniversesFinal.Kernel _universesFinal = null!;
    private VariationShifts.Kernel _shifts = null!;
    private VariationUniverseParameter.Kernel _perUniverse = null!;
    private AnalysisResult _nominalResult = null!, _universesResult = null!, _universesFinalResult = null!, _shiftsResult = null!, _perUniverseResult = null!;
    private float[][][] _shiftedEnergy = null!; // [σ point][batch][event]
    private float[][] _nominalEnergy = null!;

    // The events, made once per process and shared by every case. BenchmarkDotNet runs the global setup once per case;
    // with --inProcess all cases share one process, and each case used to re-make the 5 GB workload, leaving the
    // previous copy to the garbage collector. The in-process nominal case measured 38.7 and 39.0 ms in two runs that
    // way and 32.2 and 31.9 ms in two runs with the shared events (2026-12-06 02:43–03:23 UTC; minimum of
    // --same-process-ratios at the time 29.1–29.4 ms). The cases do not change the events: the old ways write only the
    // scratch column UniverseW and restore Energy.
    private static VarEvent.Batch[]? s_batches;
    private static float[][][]? s_shiftedEnergy;

    [GlobalSetup]
    public void Setup()
    {
        _batches = s_batches ??= VariationWorkload.Create();
        _nominal = new VariationNominal.Kernel();
        _universes = new VariationUniverses.Kernel();
        _universesFinal = new VariationUniversesFinal.Kernel();
        _shifts = new VariationShifts.Kernel();
        _perUniverse = new VariationUniverseParameter.Kernel();
        _nominalResult = _nominal.CreateResult();
        _universesResult = _universes.CreateResult();
        _universesFinalResult = _universesFinal.CreateResult();
        _shiftsResult = _shifts.CreateResult();
        _perUniverseResult = _perUniverse.CreateResult();

        // The shifted copies the "old way" runs over: the energy column as the shift declares it, per σ point.
        _nominalEnergy = new float[_batches.Length][];
        for (int b = 0; b < _batches.Length; b++) _nominalEnergy[b] = _batches[b].Energy[.._batches[b].Length];
        if (s_shiftedEnergy is { } made) { _shiftedEnergy = made; return; }
        _shiftedEnergy = s_shiftedEnergy = new float[VariationWorkload.ShiftSigmas.Length][][];
        for (int s = 0; s < _shiftedEnergy.Length; s++)
        {
            float scale = 1f + 0.05f * (float)VariationWorkload.ShiftSigmas[s];
            _shiftedEnergy[s] = new float[_batches.Length][];
            for (int b = 0; b < _batches.Length; b++)
            {
                var e = _nominalEnergy[b];
                var shifted = new float[e.Length];
                for (int i = 0; i < e.Length; i++) shifted[i] = e[i] * scale;
                _shiftedEnergy[s][b] = shifted;
            }
        }
    }

    /// <summary>(a) The nominal selection only.</summary>
    [Benchmark(Baseline = true)]
    public double Nominal()
    {
        _nominalResult.Reset();
        foreach (var b in _batches) _nominal.Process(b, _nominalResult);
        return _nominalResult.CutFlow.SumW[^1];
    }

    /// <summary>(a′) The nominal selection over the first batch only, once per batch of the workload: the same number of
    /// events as (a), but 65,536 of them, 4.7 MB of columns, stay in cache (issue 13's in-cache case).</summary>
    [Benchmark]
    public double NominalInCache()
    {
        _nominalResult.Reset();
        var first = _batches[0];
        for (int b = 0; b < _batches.Length; b++) _nominal.Process(first, _nominalResult);
        return _nominalResult.CutFlow.SumW[^1];
    }

    /// <summary>(a″) The read ceiling: the 18 float columns the nominal selection reads (72 B per event), summed one
    /// column after the other with the widest accelerated vectors, over every batch. Nothing can select the events
    /// faster than it can read them; (a) ÷ this is the fraction of the memory speed the kernel reaches.</summary>
    [Benchmark]
    public float StreamingReadCeiling() => ReadColumns(_batches);

    /// <summary>Sums the 18 float columns the nominal selection reads, one column after the other, over every batch.</summary>
    internal static float ReadColumns(VarEvent.Batch[] batches)
    {
        float total = 0;
        foreach (var b in batches)
        {
            int n = b.Length;
            foreach (var column in new[] { b.VtxX, b.VtxY, b.VtxZ, b.Energy, b.Angle, b.NuoneId, b.Epi0Id, b.Dedx, b.Gap,
                         b.ShowerLength, b.ShowerWidth, b.TrackLength, b.Hits, b.Time, b.TrueE, b.FluxW, b.XsecW, b.PotW })
                total += ReadSum(column.AsSpan(0, n));
        }
        return total;
    }

    /// <summary>The 2-thread streaming ceiling: a helper thread sums items [0, count / 2) with <paramref name="sumRange"/>
    /// while the calling thread sums the rest.</summary>
    internal static float OnTwoThreads(int count, Func<int, int, float> sumRange)
    {
        int half = count / 2;
        float first = 0;
        var helper = new Thread(() => first = sumRange(0, half));
        helper.Start();
        float second = sumRange(half, count);
        helper.Join();
        return first + second;
    }

    /// <summary>Σ x with 4 × 16 float lanes (or 2 × 8), every vector load aligned to 64 bytes: the elements before the
    /// first 64-byte boundary are added one by one. A managed array's data start 16 or 24 bytes past a cache line, and
    /// 512-bit loads from there each straddle two lines: measured on the 10⁷-event workload, that made this ceiling
    /// 1.35× slower (23.5–23.7 ms against 17.3–17.5 ms with aligned loads, 2026-12-05 11:20 UTC).</summary>
    internal static unsafe float ReadSum(ReadOnlySpan<float> x)
    {
        int i = 0;
        float tail = 0;
        int head = (int)((64 - ((nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x)) & 63)) & 63) / sizeof(float);
        for (; i < head && i < x.Length; i++) tail += x[i];
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var s0 = System.Runtime.Intrinsics.Vector512<float>.Zero; var s1 = s0; var s2 = s0; var s3 = s0;
            ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            for (; i <= x.Length - 64; i += 64)
            {
                s0 += System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref r, (nuint)i);
                s1 += System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref r, (nuint)(i + 16));
                s2 += System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref r, (nuint)(i + 32));
                s3 += System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref r, (nuint)(i + 48));
            }
            tail += System.Runtime.Intrinsics.Vector512.Sum(s0 + s1 + s2 + s3);
        }
        else
        {
            var s0 = System.Runtime.Intrinsics.Vector256<float>.Zero; var s1 = s0;
            ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            for (; i <= x.Length - 16; i += 16)
            {
                s0 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)i);
                s1 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)(i + 8));
            }
            tail += System.Runtime.Intrinsics.Vector256.Sum(s0 + s1);
        }
        for (; i < x.Length; i++) tail += x[i];
        return tail;
    }

    /// <summary>(b) Nominal + 100 flux universes read from the array column, one pass.</summary>
    [Benchmark]
    public double Universes100()
    {
        _universesResult.Reset();
        foreach (var b in _batches) _universes.Process(b, _universesResult);
        return _universesResult.CutFlow.SumW[^1];
    }

    /// <summary>(b′) Nominal + 100 flux universes with <c>CutFlow = VariationCutFlow.FinalOnly</c>: the universe factors
    /// are read only for events passing every cut (final-level Σw, Σw² and histograms per universe).</summary>
    [Benchmark]
    public double Universes100FinalOnly()
    {
        _universesFinalResult.Reset();
        foreach (var b in _batches) _universesFinal.Process(b, _universesFinalResult);
        return _universesFinalResult.CutFlow.SumW[^1];
    }

    /// <summary>(c) Nominal + 6 σ points of the energy scale (the energy feeds two cuts and one histogram), one pass.</summary>
    [Benchmark]
    public double Shifts6()
    {
        _shiftsResult.Reset();
        foreach (var b in _batches) _shifts.Process(b, _shiftsResult);
        return _shiftsResult.CutFlow.SumW[^1];
    }

    /// <summary>(d) The old way for universes: 100 passes of the nominal kernel with a fourth weight read from a scalar
    /// column, into which each pass first copies its universe's factors (64 K floats per batch).</summary>
    [Benchmark]
    public double OldWay100Passes()
    {
        double sum = 0;
        for (int u = 0; u < VariationWorkload.UniverseCount; u++)
        {
            _perUniverseResult.Reset();
            foreach (var b in _batches)
            {
                b.Flux.AsSpan(u * b.Capacity, b.Length).CopyTo(b.UniverseW);
                _perUniverse.Process(b, _perUniverseResult);
            }
            sum += _perUniverseResult.CutFlow.SumW[^1];
        }
        return sum;
    }

    /// <summary>(d) The old way for shifts: the nominal kernel once per shifted copy of the energy column (6 passes;
    /// the copy into the batch is part of the cost, as it would be for a re-simulated sample).</summary>
    [Benchmark]
    public double OldWay6ShiftedCopies()
    {
        double sum = 0;
        for (int s = 0; s < _shiftedEnergy.Length; s++)
        {
            _nominalResult.Reset();
            for (int b = 0; b < _batches.Length; b++)
            {
                _shiftedEnergy[s][b].CopyTo(_batches[b].Energy, 0);
                _nominal.Process(_batches[b], _nominalResult);
            }
            sum += _nominalResult.CutFlow.SumW[^1];
        }
        for (int b = 0; b < _batches.Length; b++) _nominalEnergy[b].CopyTo(_batches[b].Energy, 0);
        return sum;
    }
}

/// <summary>The benchmark's events: 18 float columns and 100 flux-universe weights per event.</summary>
[EventSchema]
public partial struct VarEvent
{
    /// <summary>Vertex, cm.</summary>
    [Column(Unit = "cm")] public float VtxX, VtxY, VtxZ;
    /// <summary>Reconstructed shower energy, GeV (the shifted quantity).</summary>
    [Column(Unit = "GeV")] public float Energy;
    /// <summary>Shower angle to the beam, rad.</summary>
    [Column(Unit = "rad")] public float Angle;
    /// <summary>PID scores.</summary>
    public float NuoneId, Epi0Id;
    /// <summary>dE/dx at the shower start, MeV/cm.</summary>
    [Column(Unit = "MeV/cm")] public float Dedx;
    /// <summary>Gap between vertex and shower start, cm.</summary>
    [Column(Unit = "cm")] public float Gap;
    /// <summary>Shower length and width, cm.</summary>
    [Column(Unit = "cm")] public float ShowerLength, ShowerWidth;
    /// <summary>Longest track, cm.</summary>
    [Column(Unit = "cm")] public float TrackLength;
    /// <summary>Hit count (stored as float).</summary>
    public float Hits;
    /// <summary>Time in the spill, µs.</summary>
    [Column(Unit = "us")] public float Time;
    /// <summary>True neutrino energy, GeV.</summary>
    [Column(Unit = "GeV")] public float TrueE;
    /// <summary>Weights: flux, cross section, exposure.</summary>
    public float FluxW, XsecW, PotW;
    /// <summary>Scratch for the old way only: one universe's factor, copied here before each of its 100 passes.</summary>
    public float UniverseW;
    /// <summary>100 flux-universe weight factors, element-major in the batch (value k of all events contiguous): the layout
    /// for the full-cut-flow universes, which read universe k of every event of a block as one vector.</summary>
    [Column(Length = 100)] public FixedArray<float> Flux;
    /// <summary>The same 100 factors event-major (the 100 values of one event contiguous, as a ROOT <c>w[100]</c> branch and
    /// the peers' NumPy (N, 100) array store them): the layout for final-only universes, read only for selected events.</summary>
    [Column(Length = 100, Layout = ArrayLayout.EventMajor)] public FixedArray<float> FluxEv;
}

/// <summary>(a) The nominal selection: 11 cuts, 3 weights, 3 histograms. The cases below are the same selection with
/// variations added; the Python peer repeats it.</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
[Histogram("TrueE", nameof(VarEvent.TrueE), Bins = 16, Min = 0, Max = 8)]
[Histogram2D("VtxZAngle", nameof(VarEvent.VtxZ), nameof(VarEvent.Angle), XBins = 10, XMin = 0, XMax = 1200, YBins = 8, YMin = 0, YMax = 0.12)]
public static partial class VariationNominal
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>In time with the spill.</summary>
    [Cut(3, "Timing")] public static bool Timing(in VarEvent e) => e.Time > 1f && e.Time < 19f;
    /// <summary>Enough hits.</summary>
    [Cut(4, "Hits")] public static bool Hits(in VarEvent e) => e.Hits > 20f;
    /// <summary>ν–e identification.</summary>
    [Cut(5, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.5f;
    /// <summary>π0 veto.</summary>
    [Cut(6, "π0 veto")] public static bool Pi0Veto(in VarEvent e) => e.Epi0Id < 0.9f;
    /// <summary>Electron-like dE/dx.</summary>
    [Cut(7, "dE/dx")] public static bool Dedx(in VarEvent e) => e.Dedx < 4f;
    /// <summary>No gap (not a photon).</summary>
    [Cut(8, "Gap")] public static bool Gap(in VarEvent e) => e.Gap < 8f;
    /// <summary>Shower shape.</summary>
    [Cut(9, "Shape")] public static bool Shape(in VarEvent e) => e.ShowerLength > 20f && e.ShowerLength < 250f && e.ShowerWidth < 8f;
    /// <summary>No long track.</summary>
    [Cut(10, "Track")] public static bool Track(in VarEvent e) => e.TrackLength < 80f;
    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")] public static float ETheta2(in VarEvent e) => e.Energy * e.Angle * e.Angle;
    /// <summary>Forward-peaked showers.</summary>
    [Cut(11, "Eθ²")] public static bool SmallETheta2(in VarEvent e) => ETheta2(e) < 0.005f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in VarEvent e) => e.FluxW;
    /// <summary>Cross-section weight.</summary>
    [Weight("xsec")] public static float Xsec(in VarEvent e) => e.XsecW;
    /// <summary>Exposure weight.</summary>
    [Weight("pot")] public static float Pot(in VarEvent e) => e.PotW;
}

/// <summary>(b) The nominal selection + 100 flux universes from the array column.</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
[Histogram("TrueE", nameof(VarEvent.TrueE), Bins = 16, Min = 0, Max = 8)]
[Histogram2D("VtxZAngle", nameof(VarEvent.VtxZ), nameof(VarEvent.Angle), XBins = 10, XMin = 0, XMax = 1200, YBins = 8, YMin = 0, YMax = 0.12)]
public static partial class VariationUniverses
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>In time with the spill.</summary>
    [Cut(3, "Timing")] public static bool Timing(in VarEvent e) => e.Time > 1f && e.Time < 19f;
    /// <summary>Enough hits.</summary>
    [Cut(4, "Hits")] public static bool Hits(in VarEvent e) => e.Hits > 20f;
    /// <summary>ν–e identification.</summary>
    [Cut(5, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.5f;
    /// <summary>π0 veto.</summary>
    [Cut(6, "π0 veto")] public static bool Pi0Veto(in VarEvent e) => e.Epi0Id < 0.9f;
    /// <summary>Electron-like dE/dx.</summary>
    [Cut(7, "dE/dx")] public static bool Dedx(in VarEvent e) => e.Dedx < 4f;
    /// <summary>No gap (not a photon).</summary>
    [Cut(8, "Gap")] public static bool Gap(in VarEvent e) => e.Gap < 8f;
    /// <summary>Shower shape.</summary>
    [Cut(9, "Shape")] public static bool Shape(in VarEvent e) => e.ShowerLength > 20f && e.ShowerLength < 250f && e.ShowerWidth < 8f;
    /// <summary>No long track.</summary>
    [Cut(10, "Track")] public static bool Track(in VarEvent e) => e.TrackLength < 80f;
    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")] public static float ETheta2(in VarEvent e) => e.Energy * e.Angle * e.Angle;
    /// <summary>Forward-peaked showers.</summary>
    [Cut(11, "Eθ²")] public static bool SmallETheta2(in VarEvent e) => ETheta2(e) < 0.005f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in VarEvent e) => e.FluxW;
    /// <summary>Cross-section weight.</summary>
    [Weight("xsec")] public static float Xsec(in VarEvent e) => e.XsecW;
    /// <summary>Exposure weight.</summary>
    [Weight("pot")] public static float Pot(in VarEvent e) => e.PotW;

    /// <summary>Flux universe factor, from the array column.</summary>
    [Universes("flux", VariationWorkload.UniverseCount)]
    public static float FluxUniverse(in VarEvent e, int universe) => e.Flux[universe];
}

/// <summary>(b′) As (b), the universes filled at the final level only.</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
[Histogram("TrueE", nameof(VarEvent.TrueE), Bins = 16, Min = 0, Max = 8)]
[Histogram2D("VtxZAngle", nameof(VarEvent.VtxZ), nameof(VarEvent.Angle), XBins = 10, XMin = 0, XMax = 1200, YBins = 8, YMin = 0, YMax = 0.12)]
public static partial class VariationUniversesFinal
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>In time with the spill.</summary>
    [Cut(3, "Timing")] public static bool Timing(in VarEvent e) => e.Time > 1f && e.Time < 19f;
    /// <summary>Enough hits.</summary>
    [Cut(4, "Hits")] public static bool Hits(in VarEvent e) => e.Hits > 20f;
    /// <summary>ν–e identification.</summary>
    [Cut(5, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.5f;
    /// <summary>π0 veto.</summary>
    [Cut(6, "π0 veto")] public static bool Pi0Veto(in VarEvent e) => e.Epi0Id < 0.9f;
    /// <summary>Electron-like dE/dx.</summary>
    [Cut(7, "dE/dx")] public static bool Dedx(in VarEvent e) => e.Dedx < 4f;
    /// <summary>No gap (not a photon).</summary>
    [Cut(8, "Gap")] public static bool Gap(in VarEvent e) => e.Gap < 8f;
    /// <summary>Shower shape.</summary>
    [Cut(9, "Shape")] public static bool Shape(in VarEvent e) => e.ShowerLength > 20f && e.ShowerLength < 250f && e.ShowerWidth < 8f;
    /// <summary>No long track.</summary>
    [Cut(10, "Track")] public static bool Track(in VarEvent e) => e.TrackLength < 80f;
    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")] public static float ETheta2(in VarEvent e) => e.Energy * e.Angle * e.Angle;
    /// <summary>Forward-peaked showers.</summary>
    [Cut(11, "Eθ²")] public static bool SmallETheta2(in VarEvent e) => ETheta2(e) < 0.005f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in VarEvent e) => e.FluxW;
    /// <summary>Cross-section weight.</summary>
    [Weight("xsec")] public static float Xsec(in VarEvent e) => e.XsecW;
    /// <summary>Exposure weight.</summary>
    [Weight("pot")] public static float Pot(in VarEvent e) => e.PotW;

    /// <summary>Flux universe factor, from the array column.</summary>
    [Universes("flux", VariationWorkload.UniverseCount, CutFlow = VariationCutFlow.FinalOnly)]
    public static float FluxUniverse(in VarEvent e, int universe) => e.FluxEv[universe];
}

/// <summary>(c) The nominal selection + a 5 % energy scale at σ = −3…+3 (energy feeds the energy cut, E θ² and the
/// "Energy" histogram).</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
[Histogram("TrueE", nameof(VarEvent.TrueE), Bins = 16, Min = 0, Max = 8)]
[Histogram2D("VtxZAngle", nameof(VarEvent.VtxZ), nameof(VarEvent.Angle), XBins = 10, XMin = 0, XMax = 1200, YBins = 8, YMin = 0, YMax = 0.12)]
public static partial class VariationShifts
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>In time with the spill.</summary>
    [Cut(3, "Timing")] public static bool Timing(in VarEvent e) => e.Time > 1f && e.Time < 19f;
    /// <summary>Enough hits.</summary>
    [Cut(4, "Hits")] public static bool Hits(in VarEvent e) => e.Hits > 20f;
    /// <summary>ν–e identification.</summary>
    [Cut(5, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.5f;
    /// <summary>π0 veto.</summary>
    [Cut(6, "π0 veto")] public static bool Pi0Veto(in VarEvent e) => e.Epi0Id < 0.9f;
    /// <summary>Electron-like dE/dx.</summary>
    [Cut(7, "dE/dx")] public static bool Dedx(in VarEvent e) => e.Dedx < 4f;
    /// <summary>No gap (not a photon).</summary>
    [Cut(8, "Gap")] public static bool Gap(in VarEvent e) => e.Gap < 8f;
    /// <summary>Shower shape.</summary>
    [Cut(9, "Shape")] public static bool Shape(in VarEvent e) => e.ShowerLength > 20f && e.ShowerLength < 250f && e.ShowerWidth < 8f;
    /// <summary>No long track.</summary>
    [Cut(10, "Track")] public static bool Track(in VarEvent e) => e.TrackLength < 80f;
    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")] public static float ETheta2(in VarEvent e) => e.Energy * e.Angle * e.Angle;
    /// <summary>Forward-peaked showers.</summary>
    [Cut(11, "Eθ²")] public static bool SmallETheta2(in VarEvent e) => ETheta2(e) < 0.005f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in VarEvent e) => e.FluxW;
    /// <summary>Cross-section weight.</summary>
    [Weight("xsec")] public static float Xsec(in VarEvent e) => e.XsecW;
    /// <summary>Exposure weight.</summary>
    [Weight("pot")] public static float Pot(in VarEvent e) => e.PotW;

    /// <summary>5 % energy scale per σ.</summary>
    [Shift("energy scale", nameof(VarEvent.Energy), -3, -2, -1, 1, 2, 3)]
    public static float EnergyScale(in VarEvent e, double sigma) => e.Energy * (1f + 0.05f * (float)sigma);
}

/// <summary>(d) The old way: the nominal selection with one universe's factor as a fourth weight; 100 passes, each after
/// copying that universe's factors into the scalar column <see cref="VarEvent.UniverseW"/>, give the 100 universes.</summary>
[Analysis(typeof(VarEvent))]
[Histogram("Energy", nameof(VarEvent.Energy), Bins = 20, Min = 0, Max = 5)]
[Histogram("TrueE", nameof(VarEvent.TrueE), Bins = 16, Min = 0, Max = 8)]
[Histogram2D("VtxZAngle", nameof(VarEvent.VtxZ), nameof(VarEvent.Angle), XBins = 10, XMin = 0, XMax = 1200, YBins = 8, YMin = 0, YMax = 0.12)]
public static partial class VariationUniverseParameter
{
    /// <summary>Fiducial volume.</summary>
    [Cut(1, "Fiducial")]
    public static bool Fiducial(in VarEvent e) => e.VtxX is > -185f and < 175f && e.VtxY is > -175f and < 175f && e.VtxZ is > 95f and < 1095f;
    /// <summary>Energy window.</summary>
    [Cut(2, "Energy")] public static bool EnergyWindow(in VarEvent e) => e.Energy >= 0.5f && e.Energy < 5f;
    /// <summary>In time with the spill.</summary>
    [Cut(3, "Timing")] public static bool Timing(in VarEvent e) => e.Time > 1f && e.Time < 19f;
    /// <summary>Enough hits.</summary>
    [Cut(4, "Hits")] public static bool Hits(in VarEvent e) => e.Hits > 20f;
    /// <summary>ν–e identification.</summary>
    [Cut(5, "ν–e ID")] public static bool NuOnEId(in VarEvent e) => e.NuoneId > 0.5f;
    /// <summary>π0 veto.</summary>
    [Cut(6, "π0 veto")] public static bool Pi0Veto(in VarEvent e) => e.Epi0Id < 0.9f;
    /// <summary>Electron-like dE/dx.</summary>
    [Cut(7, "dE/dx")] public static bool Dedx(in VarEvent e) => e.Dedx < 4f;
    /// <summary>No gap (not a photon).</summary>
    [Cut(8, "Gap")] public static bool Gap(in VarEvent e) => e.Gap < 8f;
    /// <summary>Shower shape.</summary>
    [Cut(9, "Shape")] public static bool Shape(in VarEvent e) => e.ShowerLength > 20f && e.ShowerLength < 250f && e.ShowerWidth < 8f;
    /// <summary>No long track.</summary>
    [Cut(10, "Track")] public static bool Track(in VarEvent e) => e.TrackLength < 80f;
    /// <summary>E θ², GeV rad².</summary>
    [Variable("E θ²", Unit = "GeV rad²")] public static float ETheta2(in VarEvent e) => e.Energy * e.Angle * e.Angle;
    /// <summary>Forward-peaked showers.</summary>
    [Cut(11, "Eθ²")] public static bool SmallETheta2(in VarEvent e) => ETheta2(e) < 0.005f;
    /// <summary>Flux weight.</summary>
    [Weight("flux")] public static float Flux(in VarEvent e) => e.FluxW;
    /// <summary>Cross-section weight.</summary>
    [Weight("xsec")] public static float Xsec(in VarEvent e) => e.XsecW;
    /// <summary>Exposure weight.</summary>
    [Weight("pot")] public static float Pot(in VarEvent e) => e.PotW;
    /// <summary>One universe's factor, copied into a scalar column before each pass (the generator does not index an
    /// array column by a run-time kernel parameter: NUMM0203).</summary>
    [Weight("universe")] public static float Universe(in VarEvent e) => e.UniverseW;
}
