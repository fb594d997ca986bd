using System.Buffers.Binary;
using System.Diagnostics;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>Flips, overwrites and truncates bytes of the real files with fixed seeds: the reader must return data or throw
/// <see cref="DataFormatException"/> — never another exception type, a hang or an out-of-memory failure.</summary>
public sealed class RootFuzzTests
{
    private const int MutationsPerFile = 300;

    public static IEnumerable<object[]> Files() => new[]
    {
        "uproot-sample-6.20.04-uncompressed.root", "uproot-sample-6.20.04-zlib.root", "uproot-sample-6.20.04-lz4.root",
        "uproot-sample-6.20.04-lzma.root", "uproot-HZZ-zstd.root", "uproot-HZZ.root", "uproot-simple.root", "uproot-small-flat-tree.root",
    }.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Mutations_OfRealFile_GiveDataOrDataFormatException(string file)
    {
        var original = File.ReadAllBytes(RootTestFiles.Get(file));
        var (metaStart, metaLength) = MetadataRegion(original);
        var failures = new List<string>();
        var sw = Stopwatch.StartNew();
        // Run on a worker so a hang fails the test instead of blocking the run.
        var work = Task.Run(() =>
        {
            for (int seed = 0; seed < MutationsPerFile; seed++)
            {
                var (bytes, what) = Mutate(original, seed, metaStart, metaLength);
                try
                {
                    ReadEverything(bytes, file, seed);
                }
                catch (DataFormatException)
                {
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add($"seed {seed} ({what}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }
        });
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(finished == work, $"{file}: fuzzing did not finish within 120 s (a hang?)");
        await work;
        Assert.True(failures.Count == 0, $"{file}: {failures.Count} mutation(s) escaped as other exceptions:\n" + string.Join("\n", failures.Take(5)));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(120));
    }

    /// <summary>The bytes holding the first tree's key and streamed metadata: most structure lives there, so a third of the
    /// mutations aim at it (random positions over the whole file mostly hit basket payloads).</summary>
    private static (int Start, int Length) MetadataRegion(byte[] bytes)
    {
        using var f = RootFile.Open(bytes, "original");
        var t = f.GetTree(f.TreePaths()[0]);
        return ((int)t.Key.SeekKey, t.Key.TotalBytes);
    }

    private static (byte[] Bytes, string What) Mutate(byte[] original, int seed, int metaStart, int metaLength)
    {
        var rng = new Random(seed * 7919 + original.Length);
        var b = (byte[])original.Clone();
        switch (seed % 5)
        {
            case 0:
            {
                int n = rng.Next(1, 5);
                for (int k = 0; k < n; k++) b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                return (b, $"{n} bit flip(s)");
            }
            case 1:
            {
                int len = rng.Next(0, b.Length);
                return (b[..len], $"truncated to {len}");
            }
            case 2:
            {
                int pos = rng.Next(metaStart, metaStart + metaLength - 4);
                int[] nasty = [0, -1, int.MaxValue, int.MinValue, 0x40000000, 0x7FFFFFF0, rng.Next(), 255];
                int v = nasty[rng.Next(nasty.Length)];
                BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(pos), v);
                return (b, $"int32 {v} written at {pos} (metadata)");
            }
            case 3:
            {
                int n = rng.Next(1, 4);
                for (int k = 0; k < n; k++) b[rng.Next(metaStart, metaStart + metaLength)] = (byte)rng.Next(256);
                return (b, $"{n} random byte(s) in metadata");
            }
            default:
            {
                int pos = rng.Next(0, Math.Max(1, Math.Min(b.Length, 512)));
                b[pos] = (byte)rng.Next(256);
                return (b, $"random byte at {pos} (header/directory)");
            }
        }
    }

    private static void ReadEverything(byte[] bytes, string name, int seed)
    {
        using var f = RootFile.Open(bytes, name);
        if (seed % 2 == 0) f.MinParallelBytes = 0; // half the mutations go through the parallel path
        foreach (var path in f.TreePaths())
        {
            var t = f.GetTree(path);
            var scalars = new List<ColumnInfo>();
            // Large trees: each mutation reads every third branch (rotating with the seed) to keep the run short.
            int stride = t.Branches.Count > 40 ? 3 : 1;
            for (int i = seed % stride; i < t.Branches.Count; i += stride)
            {
                var br = t.Branches[i];
                _ = br.Describe();
                if (!br.IsReadable) continue;
                bool isBool = br.LeafType == RootLeafType.Boolean;
                switch (br.Kind)
                {
                    case RootArrayKind.String: br.ReadStrings(); break;
                    case RootArrayKind.Counted: if (isBool) br.ReadJagged<bool>(); else br.ReadJagged<double>(); break;
                    default:
                        if (isBool) br.Read<bool>(); else br.Read<double>();
                        if (br.Kind == RootArrayKind.Scalar && br.Entries == t.Entries && scalars.All(c => c.Name != br.Name))
                            scalars.Add(new ColumnInfo(br.Name, isBool ? ColumnType.Boolean : ColumnType.Double, "", br.Name, false));
                        break;
                }
            }
            if (scalars.Count == 0) continue;
            var src = t.OpenBatches<DynamicColumnBatch>(scalars);
            var batch = new DynamicColumnBatch(scalars, 1000);
            int guard = 0;
            while (src.ReadNext(batch)) if (++guard > 100000) throw new InvalidOperationException("batch loop does not end");
        }
    }
}
