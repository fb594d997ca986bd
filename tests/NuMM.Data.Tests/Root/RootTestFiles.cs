using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>Paths of the ROOT test files copied into TestData/root (see PROVENANCE.md there).</summary>
internal static class RootTestFiles
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "TestData", "root");

    public static string Get(string name) => Path.Combine(Dir, name);

    public static readonly string[] HzzVariants =
        ["uproot-HZZ.root", "uproot-HZZ-uncompressed.root", "uproot-HZZ-zlib.root", "uproot-HZZ-lz4.root", "uproot-HZZ-lzma.root", "uproot-HZZ-zstd.root"];

    public static readonly string[] SampleVariants =
        ["uproot-sample-6.20.04-uncompressed.root", "uproot-sample-6.20.04-zlib.root", "uproot-sample-6.20.04-lz4.root", "uproot-sample-6.20.04-lzma.root"];

    public static IEnumerable<object[]> Hzz() => HzzVariants.Select(f => new object[] { f });

    public static IEnumerable<object[]> Sample() => SampleVariants.Select(f => new object[] { f });

    /// <summary>The longest run of consecutive entries whose count is <paramref name="value"/> (the first one on ties):
    /// a range over which a counted branch fills a fixed-length array column.</summary>
    public static (int Start, int Length) LongestRun(int[] counts, int value)
    {
        int bestStart = 0, bestLength = 0;
        for (int i = 0; i < counts.Length;)
        {
            int j = i;
            while (j < counts.Length && counts[j] == value) j++;
            if (j - i > bestLength) (bestStart, bestLength) = (i, j - i);
            i = j + 1;
        }
        return (bestStart, bestLength);
    }

    public static RootTree OpenTree(string file, string tree, out RootFile handle)
    {
        handle = RootFile.Open(Get(file));
        return handle.GetTree(tree);
    }
}
