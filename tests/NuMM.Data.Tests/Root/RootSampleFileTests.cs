using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

/// <summary>The uproot "sample" tree written by ROOT 6.20/04 with four compression settings, checked against the truth
/// table of uproot5's tests/test_0023-ttree-versions.py (commit 67c0e6a8). That table follows closed patterns, which
/// these tests evaluate independently of the reader; each test names the table's lines it reproduces.</summary>
public sealed class RootSampleFileTests
{
    private const int N = 30;

    private static RootTree Open(string file, out RootFile f) => RootTestFiles.OpenTree(file, "sample", out f);

    [Theory]
    [MemberData(nameof(RootTestFiles.Sample), MemberType = typeof(RootTestFiles))]
    public void SampleTree_AnyCompression_Has30EntriesAnd35Branches(string file)
    {
        var t = Open(file, out var f);
        using (f)
        {
            Assert.Equal(30, t.Entries);
            // test_0023: `set(arrays.keys()) == set(truth.keys())` — the 35 keys n, b, ab, Ab, i1 … Af8, str.
            Assert.Equal(35, t.Branches.Count);
            Assert.All(t.Branches, b => Assert.True(b.IsReadable, b.Describe()));
            Assert.Equal(20, t.ClassVersion); // the test's comment for 6.20.04: "TTree version 20, TBranch version 13"
        }
    }

    [Theory]
    [MemberData(nameof(RootTestFiles.Sample), MemberType = typeof(RootTestFiles))]
    public void ScalarBranches_AnyCompression_MatchUprootTruth(string file)
    {
        var t = Open(file, out var f);
        using (f)
        {
            var idx = Enumerable.Range(0, N).ToArray();
            // truth["n"], lines 12–43: 0,1,2,3,4 repeated.
            Assert.Equal(idx.Select(i => i % 5), t.GetBranch("n").Read<int>());
            // truth["b"], lines 44–75: True, False alternating.
            Assert.Equal(idx.Select(i => i % 2 == 0), t.GetBranch("b").Read<bool>());
            // truth["i1"], ["i2"], ["i4"], ["i8"] (lines 140, 332, 524, 716 onward): -15 … 14.
            Assert.Equal(idx.Select(i => (sbyte)(i - 15)), t.GetBranch("i1").Read<sbyte>());
            Assert.Equal(idx.Select(i => (short)(i - 15)), t.GetBranch("i2").Read<short>());
            Assert.Equal(idx.Select(i => i - 15), t.GetBranch("i4").Read<int>());
            Assert.Equal(idx.Select(i => (long)(i - 15)), t.GetBranch("i8").Read<long>());
            // truth["u1"], ["u2"], ["u4"], ["u8"] (lines 236, 428, 620, 812 onward): 0 … 29.
            Assert.Equal(idx.Select(i => (byte)i), t.GetBranch("u1").Read<byte>());
            Assert.Equal(idx.Select(i => (ushort)i), t.GetBranch("u2").Read<ushort>());
            Assert.Equal(idx.Select(i => (uint)i), t.GetBranch("u4").Read<uint>());
            Assert.Equal(idx.Select(i => (ulong)i), t.GetBranch("u8").Read<ulong>());
            // truth["f8"], lines 1004–1035: i − 14.9 in double arithmetic (−14.9, …, −3.9000000000000004, …, 14.1).
            Assert.Equal(idx.Select(i => i - 14.9), t.GetBranch("f8").Read<double>());
            // truth["f4"], lines 908–939: the same values rounded to float32 (−14.899999618530273, …).
            Assert.Equal(idx.Select(i => (float)(i - 14.9)), t.GetBranch("f4").Read<float>());
            // truth["str"], lines 1100–1131: "hey-0" … "hey-29".
            Assert.Equal(idx.Select(i => $"hey-{i}"), t.GetBranch("str").ReadStrings());
        }
    }

    [Theory]
    [MemberData(nameof(RootTestFiles.Sample), MemberType = typeof(RootTestFiles))]
    public void FixedArrayBranches_AnyCompression_MatchUprootTruth(string file)
    {
        var t = Open(file, out var f);
        using (f)
        {
            var entries = Enumerable.Range(0, N);
            // truth["ai4"] lines 556–587: [i−14, i−13, i−12]; "au4" lines 652–683: [i+1, i+2, i+3]; likewise for 1, 2, 8 bytes.
            Assert.Equal(entries.SelectMany(i => new[] { i - 14, i - 13, i - 12 }), t.GetBranch("ai4").Read<int>());
            Assert.Equal(entries.SelectMany(i => new[] { (sbyte)(i - 14), (sbyte)(i - 13), (sbyte)(i - 12) }), t.GetBranch("ai1").Read<sbyte>());
            Assert.Equal(entries.SelectMany(i => new[] { (short)(i - 14), (short)(i - 13), (short)(i - 12) }), t.GetBranch("ai2").Read<short>());
            Assert.Equal(entries.SelectMany(i => new[] { (long)(i - 14), i - 13L, i - 12L }), t.GetBranch("ai8").Read<long>());
            Assert.Equal(entries.SelectMany(i => new[] { (byte)(i + 1), (byte)(i + 2), (byte)(i + 3) }), t.GetBranch("au1").Read<byte>());
            Assert.Equal(entries.SelectMany(i => new[] { (ushort)(i + 1), (ushort)(i + 2), (ushort)(i + 3) }), t.GetBranch("au2").Read<ushort>());
            Assert.Equal(entries.SelectMany(i => new[] { (uint)(i + 1), (uint)(i + 2), (uint)(i + 3) }), t.GetBranch("au4").Read<uint>());
            Assert.Equal(entries.SelectMany(i => new[] { (ulong)(i + 1), (ulong)(i + 2), (ulong)(i + 3) }), t.GetBranch("au8").Read<ulong>());
            // truth["ab"] lines 76–107: [F,T,F] on even entries, [T,F,T] on odd.
            Assert.Equal(entries.SelectMany(i => new[] { i % 2 == 1, i % 2 == 0, i % 2 == 1 }), t.GetBranch("ab").Read<bool>());
            // truth["af8"] lines 1036–1067: f8 of entries i+1, i+2, i+3; "af4" lines 940–971 the same in float32.
            Assert.Equal(entries.SelectMany(i => new[] { i + 1 - 14.9, i + 2 - 14.9, i + 3 - 14.9 }), t.GetBranch("af8").Read<double>());
            Assert.Equal(entries.SelectMany(i => new[] { (float)(i + 1 - 14.9), (float)(i + 2 - 14.9), (float)(i + 3 - 14.9) }), t.GetBranch("af4").Read<float>());

            var ai4 = t.GetBranch("ai4");
            Assert.Equal(RootArrayKind.Fixed, ai4.Kind);
            Assert.Equal(3, ai4.FixedLength);
            Assert.Equal([3], ai4.Dimensions);
        }
    }

    [Theory]
    [MemberData(nameof(RootTestFiles.Sample), MemberType = typeof(RootTestFiles))]
    public void CountedArrayBranches_AnyCompression_MatchUprootTruth(string file)
    {
        var t = Open(file, out var f);
        using (f)
        {
            // truth["Ai4"] lines 588–619: entry i has i%5 values; in block b = i/5 they are 5b−15, 5b−13, … (step 2).
            static IEnumerable<long> Ai(int i) => Enumerable.Range(0, i % 5).Select(k => (long)(5 * (i / 5) - 15 + 2 * k));
            // truth["Au4"] lines 684–715: 5b, 5b+2, … .
            static IEnumerable<long> Au(int i) => Enumerable.Range(0, i % 5).Select(k => (long)(5 * (i / 5) + 2 * k));
            foreach (var name in new[] { "Ai1", "Ai2", "Ai4", "Ai8" })
            {
                var br = t.GetBranch(name);
                Assert.Equal(RootArrayKind.Counted, br.Kind);
                Assert.Equal("n", br.CountBranch);
                var j = br.ReadJagged<long>();
                Assert.Equal(N, j.Entries);
                for (int i = 0; i < N; i++) Assert.Equal(Ai(i), j[i].ToArray());
            }
            foreach (var name in new[] { "Au1", "Au2", "Au4", "Au8" })
            {
                var j = t.GetBranch(name).ReadJagged<ulong>();
                for (int i = 0; i < N; i++) Assert.Equal(Au(i).Select(v => (ulong)v), j[i].ToArray());
            }
            // truth["Ab"] lines 108–139: i%5 values, all True in even blocks of five, all False in odd ones.
            var ab = t.GetBranch("Ab").ReadJagged<bool>();
            for (int i = 0; i < N; i++) Assert.Equal(Enumerable.Repeat(i / 5 % 2 == 0, i % 5), ab[i].ToArray());
            // truth["Af8"] lines 1068–1099: 5b−15 + 1.1k (−15.0, −13.9, −12.8, −11.7); "Af4" lines 972–1003 in float32.
            var af8 = t.GetBranch("Af8").ReadJagged<double>();
            var af4 = t.GetBranch("Af4").ReadJagged<float>();
            for (int i = 0; i < N; i++)
            {
                var expected = Enumerable.Range(0, i % 5).Select(k => 5 * (i / 5) - 15 + 1.1 * k).ToArray();
                Assert.Equal(expected.Length, af8[i].Length);
                for (int k = 0; k < expected.Length; k++)
                {
                    Assert.Equal(expected[k], af8[i][k], 1e-12);
                    Assert.Equal((float)expected[k], af4[i][k], 1e-5f);
                }
            }
        }
    }

    [Fact]
    public void AllCompressions_EveryBranch_GiveIdenticalBytes()
    {
        using var reference = RootFile.Open(RootTestFiles.Get(RootTestFiles.SampleVariants[0]));
        var rt = reference.GetTree("sample");
        foreach (var file in RootTestFiles.SampleVariants.Skip(1))
        {
            using var other = RootFile.Open(RootTestFiles.Get(file));
            var ot = other.GetTree("sample");
            Assert.Equal(rt.Branches.Select(b => b.Describe()), ot.Branches.Select(b => b.Describe()));
            foreach (var b in rt.Branches) RootAssert.SameValues(b, ot.GetBranch(b.Name), file);
        }
    }
}
