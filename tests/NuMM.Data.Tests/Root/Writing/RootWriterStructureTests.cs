using System.Buffers.Binary;
using System.Text;
using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Root;
using NuMM.Runtime.Data.Root.Compression;
using NuMM.Runtime.Data.Root.Writing;
using static NuMM.Data.Tests.Root.Writing.WriterTestData;

namespace NuMM.Data.Tests.Root.Writing;

/// <summary>The writer's files against what ROOT 6.20/04 itself wrote in uproot-sample-6.20.04-uncompressed.root: the
/// header, the order and form of the top-level keys, the class versions of the streamed tree, branch and leaf records,
/// the record skeleton of a float branch (every nested byte-counted record in the same order with the same version), and
/// the StreamerInfo bytes.</summary>
public sealed class RootWriterStructureTests
{
    private const string Fixture = "uproot-sample-6.20.04-uncompressed.root";

    private sealed record Key(int Nbytes, int Version, int Objlen, int Keylen, int Cycle, long Seek, long Pdir, string Cls, string Name, string Title);

    private static Key ReadKey(byte[] f, long at)
    {
        var s = f.AsMemory((int)at).Span;
        int version = BinaryPrimitives.ReadInt16BigEndian(s[4..]);
        int p = 18;
        long seek, pdir;
        if (version > 1000) { seek = BinaryPrimitives.ReadInt64BigEndian(s[p..]); pdir = BinaryPrimitives.ReadInt64BigEndian(s[(p + 8)..]); p += 16; }
        else { seek = BinaryPrimitives.ReadInt32BigEndian(s[p..]); pdir = BinaryPrimitives.ReadInt32BigEndian(s[(p + 4)..]); p += 8; }
        int o = (int)at;
        string Str() { int n = f[o + p]; var r = Encoding.ASCII.GetString(f, o + p + 1, n); p += 1 + n; return r; }
        string cls = Str(), name = Str(), title = Str();
        return new Key(BinaryPrimitives.ReadInt32BigEndian(s), version, BinaryPrimitives.ReadInt32BigEndian(s[6..]),
            BinaryPrimitives.ReadInt16BigEndian(s[14..]), BinaryPrimitives.ReadInt16BigEndian(s[16..]), seek, pdir, cls, name, title);
    }

    /// <summary>Every key from fBEGIN to fEND, in file order.</summary>
    private static List<Key> Keys(byte[] f)
    {
        int begin = BinaryPrimitives.ReadInt32BigEndian(f.AsSpan(8));
        int end = BinaryPrimitives.ReadInt32BigEndian(f.AsSpan(12));
        var keys = new List<Key>();
        for (long at = begin; at < end;)
        {
            var k = ReadKey(f, at);
            Assert.Equal(at, k.Seek);
            keys.Add(k);
            at += k.Nbytes;
        }
        return keys;
    }

    private static byte[] WriteSample(RootCompressionAlgorithm algorithm = RootCompressionAlgorithm.None)
    {
        using var dir = new TempDirectory();
        var cols = new[] { Column("f4", ColumnType.Single), Column("af4", ColumnType.Single, 3), Column("i8", ColumnType.Int64) };
        return File.ReadAllBytes(Write(dir.Path, cols, 30, new RootWriteOptions { Compression = algorithm, EntriesPerBasket = 7 }, name: "sample.root"));
    }

    [Fact]
    public void Header_And_KeyLayout_FollowRoot6()
    {
        var ours = WriteSample();
        var root = File.ReadAllBytes(RootTestFiles.Get(Fixture));
        foreach (var f in new[] { ours, root })
        {
            Assert.Equal("root", Encoding.ASCII.GetString(f, 0, 4));
            Assert.Equal(100, BinaryPrimitives.ReadInt32BigEndian(f.AsSpan(8)));   // fBEGIN
            Assert.Equal(f.Length, BinaryPrimitives.ReadInt32BigEndian(f.AsSpan(12))); // fEND
            Assert.Equal(4, f[32]);                                                 // fUnits: 4-byte pointers
        }
        // Key sequence: TFile, baskets, TTree, StreamerInfo, key list, free segments — classes, versions and parent
        // directory as ROOT wrote them.
        static IEnumerable<(string, int, long)> Shape(List<Key> keys) =>
            keys.Select(k => (k.Cls == "TBasket" ? "TBasket" : $"{k.Cls}:{(k.Cls == "TFile" ? "" : k.Name)}:{(k.Cls == "TFile" ? "" : k.Title)}", k.Version, k.Pdir)).Distinct();
        var ourKeys = Keys(ours);
        var rootKeys = Keys(root);
        Assert.Equal(
            Shape(rootKeys).Select(s => s.Item1 == "TTree:sample:" ? ("TTree:events:", s.Item2, s.Item3) : s),
            Shape(ourKeys));
        Assert.All(ourKeys.Where(k => k.Cls == "TBasket"), k => Assert.Equal(RootKeyWriter.BasketKeyVersion, k.Version));
        // The StreamerInfo key has the fixture's key length, so references inside its copied bytes still resolve.
        var ourInfo = ourKeys.Single(k => k.Name == "StreamerInfo");
        var rootInfo = rootKeys.Single(k => k.Name == "StreamerInfo");
        Assert.Equal(rootInfo.Keylen, ourInfo.Keylen);
        Assert.Equal(root.AsSpan((int)rootInfo.Seek + rootInfo.Keylen, rootInfo.Objlen).ToArray(), ours.AsSpan((int)ourInfo.Seek + ourInfo.Keylen, ourInfo.Objlen).ToArray());
        // fSeekInfo and fSeekFree point at those keys.
        Assert.Equal(ourInfo.Seek, BinaryPrimitives.ReadInt32BigEndian(ours.AsSpan(37)));
        Assert.Equal(ourKeys[^1].Seek, BinaryPrimitives.ReadInt32BigEndian(ours.AsSpan(16)));
    }

    [Fact]
    public void StreamedClassVersions_MatchRoot620()
    {
        using var dir = new TempDirectory();
        var ours = WriteSample();
        string path = dir.File("s.root");
        File.WriteAllBytes(path, ours);
        using var mine = RootFile.Open(path);
        using var root = RootFile.Open(RootTestFiles.Get(Fixture));
        var a = mine.GetTree("events");
        var b = root.GetTree("sample");
        Assert.Equal(b.ClassVersion, a.ClassVersion);
        Assert.Equal(b.GetBranch("f4").Model.Version, a.GetBranch("f4").Model.Version);
        Assert.Equal(b.GetBranch("f4").Model.Leaves[0].Version, a.GetBranch("f4").Model.Leaves[0].Version);
        Assert.Equal(b.GetBranch("af4").Model.Title, a.GetBranch("af4").Model.Title);
        Assert.Equal(b.GetBranch("af4").Model.Leaves[0].Title, a.GetBranch("af4").Model.Leaves[0].Title);
        Assert.Equal(b.GetBranch("af4").FixedLength, a.GetBranch("af4").FixedLength);
        Assert.Equal(b.GetBranch("i8").LeafType, a.GetBranch("i8").LeafType);
        Assert.Equal(b.GetBranch("f4").Model.EntryOffsetLen, a.GetBranch("f4").Model.EntryOffsetLen);
        Assert.Equal(a.GetBranch("f4").Model.BasketEntry.Take(5), new long[] { 0, 7, 14, 21, 28 });
    }

    [Theory]
    [InlineData("i8", 8)]
    [InlineData("af4", 12)]
    public void BasketHeaders_MatchRoots(string branch, int bytesPerEntry)
    {
        // TBasket v3 after the key: version, fBufferSize, fNevBufSize (bytes per entry), fNevBuf, fLast, flag 0.
        static (short Version, int NevBufSize, int NevBuf, int Last, byte Flag, int Keylen, int Objlen) Header(byte[] f, Key k)
        {
            var s = f.AsSpan((int)k.Seek + k.Keylen - RootKeyWriter.BasketHeaderBytes);
            return (BinaryPrimitives.ReadInt16BigEndian(s), BinaryPrimitives.ReadInt32BigEndian(s[6..]), BinaryPrimitives.ReadInt32BigEndian(s[10..]),
                BinaryPrimitives.ReadInt32BigEndian(s[14..]), s[18], k.Keylen, k.Objlen);
        }
        var root = File.ReadAllBytes(RootTestFiles.Get(Fixture));
        var ours = WriteSample();
        var r = Header(root, Keys(root).First(k => k.Cls == "TBasket" && k.Name == branch));
        var o = Header(ours, Keys(ours).First(k => k.Cls == "TBasket" && k.Name == branch));
        Assert.Equal(r.Version, o.Version);
        Assert.Equal(bytesPerEntry, r.NevBufSize);
        Assert.Equal(r.NevBufSize, o.NevBufSize);
        Assert.Equal(r.Flag, o.Flag);
        Assert.Equal(r.Keylen + r.Objlen, r.Last);   // fLast = key length + data bytes in both
        Assert.Equal(o.Keylen + o.Objlen, o.Last);
        Assert.Equal(7, o.NevBuf);
    }

    /// <summary>The nested byte-counted records of one branch, as (depth, version, class name if a new-class tag starts
    /// it) in stream order. Walking by byte counts needs no knowledge of the members, so it compares two writers' layouts
    /// record by record.</summary>
    private static List<string> Skeleton(byte[] rec, int from, int to, int depth = 0)
    {
        var list = new List<string>();
        int p = from;
        while (p + 6 <= to)
        {
            uint bc = BinaryPrimitives.ReadUInt32BigEndian(rec.AsSpan(p));
            if ((bc & 0x40000000) == 0 || (bc & ~0x40000000u) < 2 || p + 4 + (bc & ~0x40000000u) > to) { p++; continue; }
            int end = p + 4 + (int)(bc & ~0x40000000u);
            uint tag = BinaryPrimitives.ReadUInt32BigEndian(rec.AsSpan(p + 4));
            if (tag == 0xFFFFFFFF)
            {
                int z = Array.IndexOf(rec, (byte)0, p + 8);
                list.Add($"{depth}:class {Encoding.ASCII.GetString(rec, p + 8, z - p - 8)}");
                list.AddRange(Skeleton(rec, z + 1, end, depth + 1));
            }
            else if ((tag & 0x80000000) != 0)
            {
                list.Add($"{depth}:class (reference)");
                list.AddRange(Skeleton(rec, p + 8, end, depth + 1));
            }
            else
            {
                list.Add($"{depth}:v{BinaryPrimitives.ReadInt16BigEndian(rec.AsSpan(p + 4))}");
                list.AddRange(Skeleton(rec, p + 6, end, depth + 1));
            }
            p = end;
        }
        return list;
    }

    private static (byte[] Rec, int From, int To) BranchRecord(byte[] file, string treeName, string branch)
    {
        var key = Keys(file).Single(k => k.Cls == "TTree" && k.Name == treeName);
        Assert.Equal(key.Objlen, key.Nbytes - key.Keylen); // uncompressed
        var rec = file.AsSpan((int)key.Seek + key.Keylen, key.Objlen).ToArray();
        // The branch's TNamed: "name", then its title "name/F" or "name[3]/F".
        var needle = Encoding.ASCII.GetBytes(branch);
        for (int p = 0; p + 40 < rec.Length; p++)
        {
            if (rec[p] != needle.Length || !rec.AsSpan(p + 1, needle.Length).SequenceEqual(needle)) continue;
            int t = p + 1 + needle.Length;
            string title = Encoding.ASCII.GetString(rec, t + 1, rec[t]);
            if (!title.StartsWith(branch + "/", StringComparison.Ordinal) && !title.StartsWith(branch + "[", StringComparison.Ordinal)) continue;
            // The TBranch record starts 6 (TBranch bcnt+version) + 6 (TNamed) + 10 (TObject) bytes before the name.
            int start = p - 22;
            int end = start + 4 + (int)(BinaryPrimitives.ReadUInt32BigEndian(rec.AsSpan(start)) & ~0x40000000u);
            return (rec, start, end);
        }
        throw new Xunit.Sdk.XunitException($"branch {branch} not found");
    }

    [Theory]
    [InlineData("f4")]
    [InlineData("af4")]
    [InlineData("i8")]
    public void BranchRecord_HasRootsRecordSkeleton(string branch)
    {
        var ours = WriteSample();
        var root = File.ReadAllBytes(RootTestFiles.Get(Fixture));
        var (r1, f1, t1) = BranchRecord(root, "sample", branch);
        var (r2, f2, t2) = BranchRecord(ours, "events", branch);
        // The first object of a class carries its name, later ones a reference to it; which one comes first differs
        // between the two files, so both forms count as "an object pointer".
        static List<string> Norm(List<string> s) => s.Select(x => x.Contains(":class") ? x[..x.IndexOf(":class", StringComparison.Ordinal)] + ":pointer" : x).ToList();
        var expected = Norm(Skeleton(r1, f1, t1));
        Assert.Contains("0:v13", expected);
        Assert.Equal(expected, Norm(Skeleton(r2, f2, t2)));
    }
}
