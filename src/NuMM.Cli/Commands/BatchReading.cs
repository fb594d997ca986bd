using System;
using NuMM.Runtime.Data;
using NuMM.Runtime.Reporting.Terminal;
using NuMM.Runtime.Selection;

namespace NuMM.Cli.Commands;

/// <summary>Reads a batch source to its end, with a progress bar when standard output is a terminal and a few plain lines on standard error otherwise.</summary>
internal static class BatchReading
{
    /// <summary>Fills <paramref name="batch"/> from <paramref name="source"/> until it is exhausted, calling
    /// <paramref name="each"/> after every fill; returns the entries read.</summary>
    /// <param name="description">The bar's label.</param>
    /// <param name="totalEntries">The entries the source holds (the bar's 100 %).</param>
    /// <param name="source">The source.</param>
    /// <param name="batch">The batch to fill, reused.</param>
    /// <param name="each">What to do with each filled batch.</param>
    /// <param name="quiet">True for no progress output at all (no bar, no plain lines).</param>
    public static long ReadAll<TBatch>(string description, long totalEntries, IBatchSource<TBatch> source, TBatch batch, Action<TBatch> each, bool quiet = false)
        where TBatch : IColumnBatch =>
        TerminalProgress.Run(description, Math.Max(0, totalEntries), progress =>
        {
            long entries = 0, batches = 0;
            while (source.ReadNext(batch))
            {
                each(batch);
                entries += batch.Length;
                progress.Report(new RunProgress(entries, ++batches));
            }
            return entries;
        }, quiet);
}
