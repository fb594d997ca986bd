using System.Diagnostics;

namespace NuMM.Benchmarks.Selection;

/// <summary>The variation workload's ratios measured in one process, the cases interleaved and each timed as the minimum
/// over <c>reps</c> passes: read ceiling, nominal, final-only universes and 6 shifts over the 153 batches, and the nominal
/// and final-only kernels over the first batch 153 times (in cache). On the shared development machine the speed of the
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
        double ceiling = double.MaxValue, nom = double.MaxValue, fin = double.MaxValue, shi = double.MaxValue, nomCache = double.MaxValue, finCache = double.MaxValue;
        float sink = 0;
        var sw = new Stopwatch();
        for (int rep = 0; rep < reps; rep++)
        {
            ceiling = Math.Min(ceiling, Time(sw, () => sink += VariationBenchmarks.ReadColumns(batches)));
            nom = Math.Min(nom, Time(sw, () => { rn.Reset(); foreach (var b in batches) nominal.Process(b, rn); }));
            fin = Math.Min(fin, Time(sw, () => { rf.Reset(); foreach (var b in batches) final.Process(b, rf); }));
            shi = Math.Min(shi, Time(sw, () => { rs.Reset(); foreach (var b in batches) shifts.Process(b, rs); }));
            nomCache = Math.Min(nomCache, Time(sw, () => { rn.Reset(); for (int k = 0; k < batches.Length; k++) nominal.Process(batches[0], rn); }));
            finCache = Math.Min(finCache, Time(sw, () => { rf.Reset(); for (int k = 0; k < batches.Length; k++) final.Process(batches[0], rf); }));
        }
        Console.WriteLine($"{batches.Length} batches, minimum of {reps} interleaved passes (checksum {sink:G3}):");
        Console.WriteLine($"  read ceiling (18 columns)       {ceiling,8:F1} ms  {ceiling / nom,5:F2} × nominal");
        Console.WriteLine($"  nominal                         {nom,8:F1} ms  1.00");
        Console.WriteLine($"  + 100 universes, final only     {fin,8:F1} ms  {fin / nom,5:F2} × nominal");
        Console.WriteLine($"  + 6 shifts                      {shi,8:F1} ms  {shi / nom,5:F2} × nominal");
        Console.WriteLine($"  nominal in cache                {nomCache,8:F1} ms  {nomCache / nom,5:F2} × nominal");
        Console.WriteLine($"  final-only universes in cache   {finCache,8:F1} ms  {finCache / nomCache,5:F2} × nominal in cache");
        return 0;
    }

    private static double Time(Stopwatch sw, Action run)
    {
        sw.Restart();
        run();
        return sw.Elapsed.TotalMilliseconds;
    }
}
