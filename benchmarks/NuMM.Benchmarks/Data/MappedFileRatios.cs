using System.Diagnostics;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Sources;
using NuMM.Runtime.Selection;

namespace NuMM.Benchmarks.Data;

/// <summary>Issue 13's zero-copy file case, timed in one process with the cases interleaved (minimum over <c>reps</c>
/// passes): the 11-cut nominal selection (<see cref="ThreadScalingSelection"/>, 18 float columns) through
/// <see cref="AnalysisRunner"/> over 10⁷ events held three ways — as arrays in memory (<see cref="ArrayBatchSource{TBatch}"/>,
/// zero-copy), as a NuMM columnar file in the page cache read by copying into batches (<see cref="ColumnarBatchSource"/>),
/// and as the same file memory-mapped and read in place (<see cref="MappedColumnarSource{TBatch}"/>: freshly opened, so
/// the pass pays the page faults and the CRC-32C check; and reopened with checksums off; and kept open, every row group
/// already checked) — on 1 and 2 threads, against the streaming-read ceiling of the arrays and of the mapping on 1 and 2
/// threads. Every run's result is first checked bit-identical to the array run's (same batch boundaries: row group =
/// batch). Run: <c>dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --mapped-file-ratios 5</c>.
/// Writes a 0.73 GB file to the temp folder and deletes it.</summary>
public static class MappedFileRatios
{
    private const int Events = 10_000_000, RowGroup = 65_536;

    /// <summary>Runs the comparison and prints one line per case.</summary>
    /// <param name="reps">Interleaved passes per case; the minimum counts.</param>
    public static int Run(int reps)
    {
        var batches = RootThreadScalingBenchmarks.CreateEvents(Events, RowGroup);
        string path = Path.Combine(Path.GetTempPath(), $"numm-mapped-{Environment.ProcessId}.numm");
        try
        {
            using (var writer = new ColumnarFileWriter(path, ThreadScalingEvent.Batch.Schema, new ColumnarWriteOptions { RowGroupEntries = RowGroup }))
            {
                foreach (var b in batches) writer.Write(b);
                writer.Commit();
            }
            using var file = ColumnarFileReader.Open(path);
            var kernel = new ThreadScalingSelection.Kernel();
            Func<ThreadScalingEvent.Batch> noBatch = () => throw new InvalidOperationException("a zero-copy run must not make batches");
            AnalysisResult Arrays(RunOptions o) => AnalysisRunner.Run(kernel, new ArrayBatchSource<ThreadScalingEvent.Batch>(batches), noBatch, o);
            AnalysisResult Copying(RunOptions o) => AnalysisRunner.Run(kernel, file.OpenSource(ThreadScalingEvent.Batch.Schema), () => new ThreadScalingEvent.Batch(RowGroup), o);
            AnalysisResult Fresh(RunOptions o, bool crc)
            {
                using var m = file.OpenMapped<ThreadScalingEvent.Batch>(verifyChecksums: crc);
                return AnalysisRunner.Run(kernel, m, noBatch, o);
            }
            var dataset = NuMM.Runtime.ScaleOut.Dataset.FromFiles([path], null);
            var ranges = dataset.Shard(0, 1, RowGroup);
            AnalysisResult Sequential(RunOptions o)
            {
                using var d = new NuMM.Runtime.ScaleOut.DatasetSource<ThreadScalingEvent.Batch>(dataset, ranges, ThreadScalingEvent.Batch.Schema);
                return AnalysisRunner.Run(kernel, d, () => new ThreadScalingEvent.Batch(RowGroup), o);
            }
            AnalysisResult Indexed(RunOptions o)
            {
                using var d = new NuMM.Runtime.ScaleOut.IndexedDatasetSource<ThreadScalingEvent.Batch>(dataset, ranges, ThreadScalingEvent.Batch.Schema);
                return AnalysisRunner.Run(kernel, d, () => new ThreadScalingEvent.Batch(RowGroup), o);
            }
            using var kept = file.OpenMapped<ThreadScalingEvent.Batch>();
            AnalysisResult Kept(RunOptions o)
            {
                kept.Reset();
                return AnalysisRunner.Run(kernel, kept, noBatch, o);
            }
            var views = new ThreadScalingEvent.Batch[kept.BatchCount];
            for (int g = 0; g < views.Length; g++) views[g] = kept.View(g);

            var one = new RunOptions { MaxThreads = 1 };
            var two = new RunOptions { MaxThreads = 2 };
            var reference = Arrays(one);
            foreach (var (name, r) in new[] { ("arrays, 2 threads", Arrays(two)), ("copying", Copying(two)), ("mapped", Fresh(two, true)),
                         ("mapped, no CRC", Fresh(one, false)), ("mapped, kept open", Kept(two)),
                         ("dataset, in order", Sequential(two)), ("dataset, by index", Indexed(two)) })
                if (!SameBits(reference, r)) throw new InvalidOperationException($"{name}: the result differs from the array run's.");

            var t = new Dictionary<string, double>();
            float sink = 0;
            var sw = new Stopwatch();
            void Time(string name, Action run)
            {
                sw.Restart();
                run();
                double ms = sw.Elapsed.TotalMilliseconds;
                t[name] = t.TryGetValue(name, out double old) ? Math.Min(old, ms) : ms;
            }
            // Two phases: unmapping a fresh 0.7 GB mapping slows the next passes over the kept one (measured), so the
            // steady cases are timed among themselves, the fresh ones against their own array reference.
            for (int rep = 0; rep < reps; rep++)
            {
                Time("ceiling 1", () => sink += Sum(batches, 0, batches.Length));
                Time("ceiling 2", () => sink += Selection.VariationBenchmarks.OnTwoThreads(batches.Length, (from, to) => Sum(batches, from, to)));
                Time("mapped ceiling 1", () => sink += Sum(views, 0, views.Length));
                Time("mapped ceiling 2", () => sink += Selection.VariationBenchmarks.OnTwoThreads(views.Length, (from, to) => Sum(views, from, to)));
                foreach (var (threads, o) in new[] { (1, one), (2, two) })
                {
                    Time($"arrays {threads}", () => Arrays(o));
                    Time($"copying {threads}", () => Copying(o));
                    Time($"mapped kept {threads}", () => Kept(o));
                    Time($"dataset in order {threads}", () => Sequential(o));
                    Time($"dataset by index {threads}", () => Indexed(o));
                }
            }
            for (int rep = 0; rep < reps; rep++)
                foreach (var (threads, o) in new[] { (1, one), (2, two) })
                {
                    Time($"arrays, phase 2 {threads}", () => Arrays(o));
                    Time($"mapped fresh {threads}", () => Fresh(o, true));
                    Time($"mapped fresh no CRC {threads}", () => Fresh(o, false));
                }
            Console.WriteLine($"{Events:N0} events × 18 float32 columns ({new FileInfo(path).Length / 1e6:F0} MB file, row groups of {RowGroup}), minimum of {reps} interleaved passes (checksum {sink:G3}):");
            Console.WriteLine($"  read ceiling, arrays              {t["ceiling 1"],8:F1} ms (1 thread)  {t["ceiling 2"],8:F1} ms (2 threads)");
            Console.WriteLine($"  read ceiling, mapping kept open   {t["mapped ceiling 1"],8:F1} ms           {t["mapped ceiling 2"],8:F1} ms");
            void Line(string label, string key, string reference) =>
                Console.WriteLine($"  {label,-32}  {t[key + " 1"],8:F1} ms  {t[key + " 2"],8:F1} ms  2 threads ÷ 1: {t[key + " 1"] / t[key + " 2"],4:F2}  " +
                                  $"÷ arrays: {t[key + " 1"] / t[reference + " 1"],4:F2} / {t[key + " 2"] / t[reference + " 2"],4:F2}  of the 2-thread ceiling: {t["ceiling 2"] / t[key + " 2"],4:F2}");
            Line("arrays (zero-copy)", "arrays", "arrays");
            Line("file, copied into batches", "copying", "arrays");
            Line("file mapped, kept open", "mapped kept", "arrays");
            Line("dataset shard, DatasetSource", "dataset in order", "arrays");
            Line("dataset shard, IndexedDatasetSource", "dataset by index", "arrays");
            Console.WriteLine("  second phase, fresh mappings against arrays:");
            Line("arrays (zero-copy)", "arrays, phase 2", "arrays, phase 2");
            Line("file mapped, fresh, CRC", "mapped fresh", "arrays, phase 2");
            Line("file mapped, fresh, no CRC", "mapped fresh no CRC", "arrays, phase 2");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool SameBits(AnalysisResult a, AnalysisResult b)
    {
        for (int k = 0; k < a.CutFlow.Passed.Length; k++)
            if (a.CutFlow.Passed[k] != b.CutFlow.Passed[k] || BitConverter.DoubleToInt64Bits(a.CutFlow.SumW[k]) != BitConverter.DoubleToInt64Bits(b.CutFlow.SumW[k])) return false;
        for (int h = 0; h < a.Histograms1D.Count; h++)
            if (!a.Histograms1D[h].SumW.SequenceEqual(b.Histograms1D[h].SumW)) return false;
        return true;
    }

    /// <summary>Sums the 18 columns of batches [from, to), one column after the other (the streaming-read ceiling).</summary>
    private static float Sum(ThreadScalingEvent.Batch[] batches, int from, int to)
    {
        float total = 0;
        for (int b = from; b < to; b++)
            for (int c = 0; c < 18; c++)
                total += Selection.VariationBenchmarks.ReadSum(batches[b].Column<float>(c)[..batches[b].Length]);
        return total;
    }
}
