using System.Diagnostics;

namespace NuMM.Benchmarks.Selection;

/// <summary>The variation workload's ratios measured in one process, the cases interleaved and each timed as the minimum
/// over <c>reps</c> passes (and, for the variation cases, the median of each pass's ratio to the nominal pass timed just
/// before it): read ceiling, nominal, final-only universes and 6 shifts over the 153 batches, and the nominal
/// and final-only kernels over the first batch 153 times (in cache), and the memory-bound thread case of issue 13: the
/// nominal kernel through <see cref="NuMM.Runtime.Selection.AnalysisRunner"/> over the same 10⁷ events (zero-copy
/// batches, 720 MB of read columns, far more than the L3) on 1 and 2 threads, against the read ceiling on 2 threads
/// (each thread summing half of the batches), and the final-only kernel through the runner on 1 and 2 threads (each batch into
/// its own partial result, merged error-free); then issue 13's memory-bound thread case, <see cref="DataSelection"/> (an
/// unweighted 3-cut selection on 5 columns: kernel and runner on 1 and 2 threads against the read ceiling of those
/// columns on 1 and 2 threads), and the same selection with one weight (<see cref="WeightedSelection"/>). On the shared development machine the speed of the
/// whole host drifts by up to 1.4× over minutes, so BenchmarkDotNet cases run one after the other in separate processes
/// can land in different spells; interleaving in one process cancels that. A diagnostic next to BenchmarkDotNet, not a
/// replacement for it. Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --same-process-ratios 10</c>.</summary>
public static class SameProcessRatios
{
    /// <summary>Runs the comparison and prints one line per case.</summary>
    /// <param name="reps">Interleaved passes per case; the minimum counts.</param>
    public static int Run(int reps)
    {
        var batches = VariationWorkload.Create();
        var nominal = new VariationNominal.Kernel();
        var final = new VariationUniversesFinal.Kernel();
        var shifts = new VariationShifts.Kernel();
        var rn = nominal.CreateResult();
        var rf = final.CreateResult();
        var rs = shifts.CreateResult();
        var source = () => new NuMM.Runtime.Data.Sources.ArrayBatchSource<VarEvent.Batch>(batches);
        var one = new NuMM.Runtime.Selection.RunOptions { MaxThreads = 1 };
        var two = new NuMM.Runtime.Selection.RunOptions { MaxThreads = 2 };
        // The runner adds per-batch partial results in batch order, so its sums may differ from one kernel result
        // accumulated over all batches in the last bits; 1 and 2 threads must agree bit for bit (checked before timing).
        rn.Reset();
        foreach (var b in batches) nominal.Process(b, rn);
        var r1 = NuMM.Runtime.Selection.AnalysisRunner.Run(nominal, source(), () => new VarEvent.Batch(1), one);
        var r2 = NuMM.Runtime.Selection.AnalysisRunner.Run(nominal, source(), () => new VarEvent.Batch(1), two);
        if (r1.CutFlow.Passed[^1] != rn.CutFlow.Passed[^1] || Math.Abs(r1.CutFlow.SumW[^1] / rn.CutFlow.SumW[^1] - 1) > 1e-12
            || r2.CutFlow.Passed[^1] != r1.CutFlow.Passed[^1] || BitConverter.DoubleToInt64Bits(r2.CutFlow.SumW[^1]) != BitConverter.DoubleToInt64Bits(r1.CutFlow.SumW[^1]))
            throw new InvalidOperationException($"runner results differ: kernel {rn.CutFlow.SumW[^1]:R}, 1 thread {r1.CutFlow.SumW[^1]:R}, 2 threads {r2.CutFlow.SumW[^1]:R}");
        var light = new[]
        {
            new ColumnCase("memory-bound case: unweighted data selection, 3 cuts on 5 columns (20 B per event)", "5 columns",
                new DataSelection.Kernel(), batches, (from, to) => DataSelection.ReadColumns(batches.AsSpan(from, to - from))),
            new ColumnCase("the same selection weighted (one weight column; 6 columns, 24 B per event)", "6 columns",
                new WeightedSelection.Kernel(), batches, (from, to) => WeightedSelection.ReadColumns(batches.AsSpan(from, to - from))),
        };
        foreach (var c in light) c.Check(source, one, two);
        double run1 = double.MaxValue, run2 = double.MaxValue, ceiling2 = double.MaxValue, runFin1 = double.MaxValue, runFin2 = double.MaxValue;
        double ceiling = double.MaxValue, nom = double.MaxValue, fin = double.MaxValue, shi = double.MaxValue, nomCache = double.MaxValue, finCache = double.MaxValue;
        float sink = 0;
        var sw = new Stopwatch();
        var finPaired = new double[reps]; var shiPaired = new double[reps]; // each pass ÷ the nominal pass just before it
        for (int rep = 0; rep < reps; rep++)
        {
            ceiling = Math.Min(ceiling, Time(sw, () => sink += VariationBenchmarks.ReadColumns(batches)));
            double tn = Time(sw, () => { rn.Reset(); foreach (var b in batches) nominal.Process(b, rn); });
            double tf = Time(sw, () => { rf.Reset(); foreach (var b in batches) final.Process(b, rf); });
            double ts = Time(sw, () => { rs.Reset(); foreach (var b in batches) shifts.Process(b, rs); });
            (nom, fin, shi) = (Math.Min(nom, tn), Math.Min(fin, tf), Math.Min(shi, ts));
            finPaired[rep] = tf / tn;
            shiPaired[rep] = ts / tn;
            nomCache = Math.Min(nomCache, Time(sw, () => { rn.Reset(); for (int k = 0; k < batches.Length; k++) nominal.Process(batches[0], rn); }));
            finCache = Math.Min(finCache, Time(sw, () => { rf.Reset(); for (int k = 0; k < batches.Length; k++) final.Process(batches[0], rf); }));
            run1 = Math.Min(run1, Time(sw, () => NuMM.Runtime.Selection.AnalysisRunner.Run(nominal, source(), () => new VarEvent.Batch(1), one)));
            run2 = Math.Min(run2, Time(sw, () => NuMM.Runtime.Selection.AnalysisRunner.Run(nominal, source(), () => new VarEvent.Batch(1), two)));
            ceiling2 = Math.Min(ceiling2, Time(sw, () => sink += VariationBenchmarks.OnTwoThreads(batches.Length, (from, to) => VariationBenchmarks.ReadColumns(batches[from..to]))));
            runFin1 = Math.Min(runFin1, Time(sw, () => NuMM.Runtime.Selection.AnalysisRunner.Run(final, source(), () => new VarEvent.Batch(1), one)));
            runFin2 = Math.Min(runFin2, Time(sw, () => NuMM.Runtime.Selection.AnalysisRunner.Run(final, source(), () => new VarEvent.Batch(1), two)));
            foreach (var c in light) sink += c.Measure(sw, source, one, two);
        }
        Console.WriteLine($"{batches.Length} batches, minimum of {reps} interleaved passes (checksum {sink:G3}):");
        Console.WriteLine($"  read ceiling (18 columns)       {ceiling,8:F1} ms  {ceiling / nom,5:F2} × nominal");
        Console.WriteLine($"  nominal                         {nom,8:F1} ms  1.00");
        Console.WriteLine($"  + 100 universes, final only     {fin,8:F1} ms  {fin / nom,5:F2} × nominal");
        Console.WriteLine($"  + 6 shifts                      {shi,8:F1} ms  {shi / nom,5:F2} × nominal");
        Console.WriteLine($"  paired ratios (each pass ÷ the nominal pass timed just before it; median [min, max] of {reps}):");
        Console.WriteLine($"    + 100 universes, final only   {Paired(finPaired)}");
        Console.WriteLine($"    + 6 shifts                    {Paired(shiPaired)}");
        Console.WriteLine($"  nominal in cache                {nomCache,8:F1} ms  {nomCache / nom,5:F2} × nominal");
        Console.WriteLine($"  final-only universes in cache   {finCache,8:F1} ms  {finCache / nomCache,5:F2} × nominal in cache");
        Console.WriteLine($"  read ceiling, 2 threads         {ceiling2,8:F1} ms  {ceiling / ceiling2,5:F2} × faster than 1 thread");
        Console.WriteLine($"  runner, nominal, 1 thread       {run1,8:F1} ms  {ceiling / run1,5:F2} of the 1-thread ceiling");
        Console.WriteLine($"  runner, final-only universes, 1 thread {runFin1,3:F1} ms  {runFin1 / run1,5:F2} × the runner's nominal (per-batch partial results merged exactly)");
        Console.WriteLine($"  runner, final-only universes, 2 threads {runFin2,3:F1} ms  {runFin2 / run2,5:F2} × the runner's nominal on 2 threads ({runFin1 / runFin2:F2}× faster than 1 thread)");
        Console.WriteLine($"  runner, nominal, 2 threads      {run2,8:F1} ms  {ceiling2 / run2,5:F2} of the 2-thread ceiling ({run1 / run2:F2}× faster than 1 thread)");
        foreach (var c in light) c.Print();
        return 0;
    }

    /// <summary>A light selection next to the read ceiling of the columns it reads: the kernel in cache and from memory,
    /// the runner on 1 and 2 threads, the ceiling on 1 and 2 threads (each thread summing half of the batches).</summary>
    private sealed class ColumnCase(string title, string columns, NuMM.Runtime.Selection.IAnalysisKernel<VarEvent.Batch> kernel,
        VarEvent.Batch[] batches, Func<int, int, float> readColumns)
    {
        private readonly NuMM.Runtime.Selection.AnalysisResult _result = kernel.CreateResult();
        private double _ceil1 = double.MaxValue, _ceil2 = double.MaxValue, _kernel = double.MaxValue, _cache = double.MaxValue, _run1 = double.MaxValue, _run2 = double.MaxValue;
        private long _passed, _events;

        // The runner on 1 and 2 threads selects the events the kernel selects (checked before timing).
        public void Check(Func<NuMM.Runtime.Data.Sources.ArrayBatchSource<VarEvent.Batch>> source, NuMM.Runtime.Selection.RunOptions one, NuMM.Runtime.Selection.RunOptions two)
        {
            _result.Reset();
            foreach (var b in batches) kernel.Process(b, _result);
            var r1 = NuMM.Runtime.Selection.AnalysisRunner.Run(kernel, source(), () => new VarEvent.Batch(1), one);
            var r2 = NuMM.Runtime.Selection.AnalysisRunner.Run(kernel, source(), () => new VarEvent.Batch(1), two);
            (_passed, _events) = (_result.CutFlow.Passed[^1], _result.CutFlow.Passed[0]);
            if (r1.CutFlow.Passed[^1] != _passed || r2.CutFlow.Passed[^1] != _passed || _passed == 0)
                throw new InvalidOperationException($"{title}: kernel {_passed}, runner 1 thread {r1.CutFlow.Passed[^1]}, 2 threads {r2.CutFlow.Passed[^1]} events");
        }

        // One interleaved pass of every case; returns the ceilings' sums (kept by the caller so they are not optimised away).
        public float Measure(Stopwatch sw, Func<NuMM.Runtime.Data.Sources.ArrayBatchSource<VarEvent.Batch>> source, NuMM.Runtime.Selection.RunOptions one, NuMM.Runtime.Selection.RunOptions two)
        {
            float sink = 0;
            _ceil1 = Math.Min(_ceil1, Time(sw, () => sink += readColumns(0, batches.Length)));
            _kernel = Math.Min(_kernel, Time(sw, () => { _result.Reset(); foreach (var b in batches) kernel.Process(b, _result); }));
            _cache = Math.Min(_cache, Time(sw, () => { _result.Reset(); for (int k = 0; k < batches.Length; k++) kernel.Process(batches[0], _result); }));
            _run1 = Math.Min(_run1, Time(sw, () => NuMM.Runtime.Selection.AnalysisRunner.Run(kernel, source(), () => new VarEvent.Batch(1), one)));
            _ceil2 = Math.Min(_ceil2, Time(sw, () => sink += VariationBenchmarks.OnTwoThreads(batches.Length, readColumns)));
            _run2 = Math.Min(_run2, Time(sw, () => NuMM.Runtime.Selection.AnalysisRunner.Run(kernel, source(), () => new VarEvent.Batch(1), two)));
            return sink;
        }

        public void Print()
        {
            Console.WriteLine($"  {title}, {_passed} of {_events} events pass");
            Console.WriteLine($"    read ceiling ({columns}), 1 thread    {_ceil1,8:F1} ms");
            Console.WriteLine($"    kernel, in cache                      {_cache,8:F1} ms  {_cache / _ceil1,5:F2} × the 1-thread ceiling");
            Console.WriteLine($"    kernel, 1 thread, from memory         {_kernel,8:F1} ms  {_ceil1 / _kernel,5:F2} of the 1-thread ceiling");
            Console.WriteLine($"    runner, 1 thread                      {_run1,8:F1} ms  {_ceil1 / _run1,5:F2} of the 1-thread ceiling");
            Console.WriteLine($"    read ceiling ({columns}), 2 threads   {_ceil2,8:F1} ms  {_ceil1 / _ceil2,5:F2} × faster than 1 thread");
            Console.WriteLine($"    runner, 2 threads                     {_run2,8:F1} ms  {_ceil2 / _run2,5:F2} of the 2-thread ceiling ({_run1 / _run2:F2}× faster than 1 thread)");
        }
    }

    // Median [min, max] of per-pass ratios: a drift of the host's speed over minutes cancels in each ratio, which the
    // ratio of two minima (taken in different passes) does not guarantee.
    private static string Paired(double[] ratios)
    {
        var r = ratios.Order().ToArray();
        double median = r.Length % 2 == 1 ? r[r.Length / 2] : 0.5 * (r[r.Length / 2 - 1] + r[r.Length / 2]);
        return $"{median,5:F2} [{r[0]:F2}, {r[^1]:F2}]";
    }

    private static double Time(Stopwatch sw, Action run)
    {
        sw.Restart();
        run();
        return sw.Elapsed.TotalMilliseconds;
    }
}
