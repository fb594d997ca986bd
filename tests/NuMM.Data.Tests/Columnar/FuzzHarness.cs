using NuMM.Runtime.Data;

namespace NuMM.Data.Tests.Columnar;

/// <summary>Corrupts a valid file in many seeded ways and checks that a reader either returns exactly the
/// original data or throws <see cref="DataFormatException"/> — never another exception type.</summary>
internal static class FuzzHarness
{
    /// <summary>Runs <paramref name="cases"/> seeded mutations of <paramref name="original"/>.</summary>
    /// <param name="original">The valid file.</param>
    /// <param name="extension">File extension the reader dispatches on.</param>
    /// <param name="readAll">Opens the file at the path and returns every column's bytes.</param>
    /// <param name="cases">Number of seeds.</param>
    /// <returns>How many mutations were rejected with <see cref="DataFormatException"/> and how many read correctly.</returns>
    public static (int Rejected, int Intact) Run(byte[] original, string extension, Func<string, byte[][]> readAll, int cases)
    {
        using var dir = new TempDirectory();
        byte[][] expected = readAll(WriteTo(dir.File("original" + extension), original));
        int rejected = 0, intact = 0;
        for (int seed = 0; seed < cases; seed++)
        {
            var rng = new Random(seed);
            byte[] bytes = Mutate(original, rng, out string what);
            string path = WriteTo(dir.File($"case{seed}{extension}"), bytes);
            try
            {
                byte[][] got = readAll(path);
                Assert.True(got.Length == expected.Length, $"seed {seed} ({what}): column count changed without an error");
                for (int c = 0; c < got.Length; c++)
                    Assert.True(got[c].AsSpan().SequenceEqual(expected[c]), $"seed {seed} ({what}): column {c} differs without an error");
                intact++;
            }
            catch (DataFormatException e)
            {
                Assert.Equal(path, e.File);
                rejected++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed} ({what}): {e.GetType().Name} instead of DataFormatException: {e}");
            }
            File.Delete(path);
        }
        return (rejected, intact);
    }

    private static string WriteTo(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Mutate(byte[] original, Random rng, out string what)
    {
        byte[] b = (byte[])original.Clone();
        int kind = rng.Next(4);
        var parts = new List<string>();
        if (kind is 0 or 2 or 3)
        {
            int flips = 1 + rng.Next(4);
            for (int k = 0; k < flips; k++)
            {
                // Half the flips hit the structure (first 512 bytes or last 1 KiB), half anywhere.
                int pos = rng.Next(3) switch
                {
                    0 => rng.Next(Math.Min(512, b.Length)),
                    1 => b.Length - 1 - rng.Next(Math.Min(1024, b.Length)),
                    _ => rng.Next(b.Length),
                };
                byte mask = (byte)(1 << rng.Next(8));
                if (rng.Next(4) == 0) mask = (byte)rng.Next(1, 256);
                b[pos] ^= mask;
                parts.Add($"flip 0x{mask:X2} at {pos}");
            }
        }
        if (kind is 1 or 3)
        {
            int keep = rng.Next(b.Length);
            Array.Resize(ref b, keep);
            parts.Add($"truncate to {keep}");
        }
        if (kind == 2 && b.Length > 8)
        {
            // Overwrite a 4- or 8-byte field with an extreme value (lengths, offsets, counts).
            int pos = rng.Next(b.Length - 8);
            long v = rng.Next(3) switch { 0 => -1, 1 => long.MaxValue, _ => int.MaxValue };
            BitConverter.TryWriteBytes(b.AsSpan(pos, 8), v);
            parts.Add($"extreme value at {pos}");
        }
        what = string.Join(", ", parts);
        return b;
    }
}
