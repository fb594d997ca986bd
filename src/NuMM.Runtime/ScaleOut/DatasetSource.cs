using System;
using System.Collections.Generic;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Arrow;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Data.Root;

namespace NuMM.Runtime.ScaleOut;

/// <summary>Reads entry ranges of a dataset's files in order, one file open at a time, in batches that never span two
/// ranges: each range is read in batches of the batch capacity from its first entry. It deliberately reports no
/// exposure of its own: <see cref="Exposures"/> lists the exposure of every file whose range starts in these ranges,
/// so a shard adds them one by one to its exact sums.</summary>
/// <typeparam name="TBatch">The columnar batch type (for example a generated batch).</typeparam>
public sealed class DatasetSource<TBatch> : IBatchSource<TBatch>, IDisposable where TBatch : IColumnBatch
{
    private readonly Dataset _dataset;
    private readonly IReadOnlyList<DatasetRange> _ranges;
    private readonly IReadOnlyList<ColumnInfo> _schema;
    private readonly int _decompressionThreads;
    private int _next;
    private IDisposable? _file;
    private IBatchSource<TBatch>? _current;
    private IBatchSource<IColumnBatch>? _columnar;
    private long _position, _stop;

    /// <summary>Creates the source.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="ranges">The ranges to read, in order (for example <see cref="Dataset.Shard"/>).</param>
    /// <param name="schema">The batch type's columns (a generated batch's <c>Schema</c>).</param>
    /// <param name="decompressionThreads">Threads for ROOT basket decompression; −1 for all cores.</param>
    public DatasetSource(Dataset dataset, IReadOnlyList<DatasetRange> ranges, IReadOnlyList<ColumnInfo> schema, int decompressionThreads = -1)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _ranges = ranges ?? throw new ArgumentNullException(nameof(ranges));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _decompressionThreads = decompressionThreads;
        Exposures = ExposuresOf(dataset, ranges);
    }

    /// <summary>Checks the ranges against the dataset and lists the exposures of the files whose first entry they hold.</summary>
    internal static IReadOnlyList<Exposure> ExposuresOf(Dataset dataset, IReadOnlyList<DatasetRange> ranges)
    {
        var exposures = new List<Exposure>();
        foreach (var r in ranges)
        {
            if (r.File < 0 || r.File >= dataset.Files.Count) throw new ArgumentException($"Range of file {r.File}: the dataset has {dataset.Files.Count} files.", nameof(ranges));
            var f = dataset.Files[r.File];
            if (r.FirstEntry < f.FirstEntry || r.StopEntry > f.StopEntry || r.StopEntry < r.FirstEntry)
                throw new ArgumentException($"{f.Path}: range [{r.FirstEntry}, {r.StopEntry}) is outside the dataset's [{f.FirstEntry}, {f.StopEntry}).", nameof(ranges));
            // A file's exposure goes with the shard that reads its first entry, so the shards' exposures add up to the dataset's.
            if (r.FirstEntry == f.FirstEntry && f.Exposure.Kind != ExposureKind.None) exposures.Add(f.Exposure);
        }
        return exposures;
    }

    /// <summary>The exposures of the files whose first entry lies in these ranges (POT or s).</summary>
    public IReadOnlyList<Exposure> Exposures { get; }

    /// <inheritdoc/>
    public bool ReadNext(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (true)
        {
            if (_current == null && _columnar == null)
            {
                if (_next >= _ranges.Count) { batch.Length = 0; return false; }
                Open(_ranges[_next++]);
            }
            if (_position < _stop && (_current != null ? _current.ReadNext(batch) : _columnar!.ReadNext(batch)))
            {
                // A NuMM file's source reads whole batches; the range may end inside one.
                long left = _stop - _position;
                if (batch.Length > left) batch.Length = (int)left;
                _position += batch.Length;
                return true;
            }
            Close();
        }
    }

    private void Open(DatasetRange r)
    {
        var f = _dataset.Files[r.File];
        try
        {
            if (f.IsRoot)
            {
                var root = RootFile.Open(f.Path);
                _file = root;
                _current = root.GetTree(f.Tree!).OpenBatches<TBatch>(_schema, _decompressionThreads, r.FirstEntry, r.StopEntry);
            }
            else if (f.IsArrow)
            {
                var arrow = ArrowIpcFile.Open(f.Path);
                _file = arrow;
                var source = arrow.OpenSource(_schema);
                // Arrow IPC has no seek: the entries before the range are read into a scratch batch and dropped.
                long skip = r.FirstEntry;
                if (skip > 0)
                {
                    var scratch = new DynamicColumnBatch(_schema, (int)Math.Min(skip, 65536));
                    while (skip > 0)
                    {
                        var step = skip >= scratch.Capacity ? scratch : new DynamicColumnBatch(_schema, (int)skip);
                        if (!source.ReadNext(step)) throw new DataFormatException($"{f.Path}: ends before entry {r.FirstEntry}.");
                        skip -= step.Length;
                    }
                }
                _columnar = source;
            }
            else
            {
                var numm = ColumnarFileReader.Open(f.Path);
                _file = numm;
                var source = numm.OpenSource(_schema);
                source.Seek(r.FirstEntry);
                _columnar = source;
            }
        }
        catch
        {
            Close();
            throw;
        }
        _position = r.FirstEntry;
        _stop = r.StopEntry;
    }

    private void Close()
    {
        _current = null;
        _columnar = null;
        _file?.Dispose();
        _file = null;
    }

    /// <summary>Closes the open file.</summary>
    public void Dispose() => Close();
}
