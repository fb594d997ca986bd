using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace NuMM.Runtime.Selection;

/// <summary>Cache-line prefetch hints for generated kernels. The block loop asks for the lines of every column it reads
/// a few hundred events ahead (<see cref="Line{T}"/>: many column streams at once are more than the hardware
/// prefetchers follow); the final-only weight variations queue each event that passes every cut and ask for its
/// per-event values (for example 100 universe weights, <see cref="Run{T}(T[], int, int)"/>, <see cref="Strided{T}(T[], int, int, int)"/>) while the
/// selection goes on, so their memory latency overlaps other work instead of stalling every passing event. A hint never
/// changes a result and never faults; where the CPU has no prefetch instruction exposed to .NET it does nothing.
/// <see cref="Touch{T}"/> is the one real load here (bounds-checked): the final-only drain uses it to start page walks that
/// prefetches did not start.</summary>
public static class Prefetch
{
    private const int LineBytes = 64; // bytes per cache line on x64 and ARM64 cores NuMM targets

    /// <summary>Hints that the cache line holding <paramref name="value"/> will be read soon.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="value">A reference into a batch column (it is never read or written here).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Line<T>(ref T value)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref value));
    }

    /// <summary>Hints that <paramref name="array"/>[<paramref name="start"/> … start + count − 1] will be read soon.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The storage (a batch column).</param>
    /// <param name="start">The first element.</param>
    /// <param name="count">Elements (values) to cover.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<T>(T[] array, int start, int count) where T : unmanaged => Run((ReadOnlySpan<T>)array, start, count);

    /// <summary>Hints that <paramref name="count"/> elements <paramref name="stride"/> apart, starting at
    /// <paramref name="array"/>[<paramref name="start"/>], will be read soon (one element-major event's array values).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The storage (a batch column).</param>
    /// <param name="start">The first element.</param>
    /// <param name="stride">Elements between consecutive values.</param>
    /// <param name="count">Values to cover.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Strided<T>(T[] array, int start, int stride, int count) where T : unmanaged => Strided((ReadOnlySpan<T>)array, start, stride, count);

    /// <summary>Hints that <paramref name="values"/>[<paramref name="start"/> … start + count − 1] will be read soon (a
    /// batch column that may live outside the managed heap).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The storage (a batch column).</param>
    /// <param name="start">The first element.</param>
    /// <param name="count">Elements (values) to cover.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Run<T>(ReadOnlySpan<T> values, int start, int count) where T : unmanaged
    {
        if (!Sse.IsSupported || (uint)start >= (uint)values.Length) return;
        count = Math.Min(count, values.Length - start);
        // A stale address after a GC moves an array is harmless: a prefetch is a hint and never faults.
        byte* p = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetReference(values), start));
        byte* end = p + (long)count * sizeof(T);
        for (byte* q = p; q < end; q += LineBytes) Sse.Prefetch0(q);
        Sse.Prefetch0(end - 1); // the last line when the run does not start on a line boundary
    }

    /// <summary>Hints that <paramref name="count"/> elements <paramref name="stride"/> apart, starting at
    /// <paramref name="values"/>[<paramref name="start"/>], will be read soon.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The storage (a batch column).</param>
    /// <param name="start">The first element.</param>
    /// <param name="stride">Elements between consecutive values.</param>
    /// <param name="count">Values to cover.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Strided<T>(ReadOnlySpan<T> values, int start, int stride, int count) where T : unmanaged
    {
        if (!Sse.IsSupported || start < 0 || stride < 1 || count < 1 || (long)start + (long)(count - 1) * stride >= values.Length) return;
        byte* p = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetReference(values), start));
        long step = (long)stride * sizeof(T);
        for (int k = 0; k < count; k++, p += step) Sse.Prefetch0(p);
    }

    /// <summary>Reads the first and the last of <paramref name="count"/> elements <paramref name="stride"/> apart,
    /// starting at <paramref name="values"/>[<paramref name="start"/>], and returns a value derived from both (0 when the
    /// range is out of bounds). Unlike a prefetch hint this is a real load: on the development machine (a virtual
    /// machine) prefetches of lines whose page was not in the TLB went unserved, so the final-only queue first touches
    /// every queued event's values with such loads (independent, so their page walks and misses overlap) and then asks for
    /// the lines. Pass the sum of the returned values to <see cref="Keep"/> so the loads are not optimised away.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The storage (a batch column).</param>
    /// <param name="start">The first element.</param>
    /// <param name="stride">Elements between consecutive values: 1 for an event-major run.</param>
    /// <param name="count">Values the event will read.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Touch<T>(ReadOnlySpan<T> values, int start, int stride, int count) where T : unmanaged
    {
        long last = (long)start + (long)(count - 1) * stride;
        if (start < 0 || stride < 1 || count < 1 || last >= values.Length) return 0;
        ref byte b = ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(values));
        return Unsafe.AddByteOffset(ref b, (nint)start * Unsafe.SizeOf<T>())
            + Unsafe.AddByteOffset(ref b, (nint)last * Unsafe.SizeOf<T>());
    }

    /// <summary>Consumes the result of <see cref="Touch{T}"/> loads so the compiler keeps them; does nothing else.</summary>
    /// <param name="touched">The sum of the touched values.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Keep(int touched) { _ = touched; }
}
