using NuMM.Runtime.Data.Root;

namespace NuMM.Data.Tests.Root;

internal static class RootAssert
{
    /// <summary>Asserts two branches hold the same values (read in their natural type; floats compared bitwise).</summary>
    public static void SameValues(RootBranch a, RootBranch b, string context)
    {
        Assert.Equal(a.Kind, b.Kind);
        Assert.Equal(a.LeafType, b.LeafType);
        switch (a.Kind)
        {
            case RootArrayKind.String:
                Assert.Equal(a.ReadStrings(), b.ReadStrings());
                return;
            case RootArrayKind.Counted:
                var ja = ReadJaggedBits(a);
                var jb = ReadJaggedBits(b);
                Assert.True(ja.Offsets.SequenceEqual(jb.Offsets), $"{context}: offsets of {a.Name} differ");
                Assert.True(ja.Values.SequenceEqual(jb.Values), $"{context}: values of {a.Name} differ");
                return;
            default:
                Assert.True(ReadBits(a).SequenceEqual(ReadBits(b)), $"{context}: values of {a.Name} differ");
                return;
        }
    }

    /// <summary>The branch's values widened losslessly to 64-bit patterns (doubles as their bits).</summary>
    public static long[] ReadBits(RootBranch br) => br.LeafType switch
    {
        RootLeafType.Boolean => br.Read<bool>().Select(v => v ? 1L : 0L).ToArray(),
        RootLeafType.UInt64 => br.Read<ulong>().Select(v => (long)v).ToArray(),
        RootLeafType.Float32 or RootLeafType.Float64 => br.Read<double>().Select(BitConverter.DoubleToInt64Bits).ToArray(),
        _ => br.Read<long>(),
    };

    public static RootJagged<long> ReadJaggedBits(RootBranch br)
    {
        switch (br.LeafType)
        {
            case RootLeafType.Boolean:
                var jb = br.ReadJagged<bool>();
                return new RootJagged<long>(jb.Values.Select(v => v ? 1L : 0L).ToArray(), jb.Offsets);
            case RootLeafType.UInt64:
                var ju = br.ReadJagged<ulong>();
                return new RootJagged<long>(ju.Values.Select(v => (long)v).ToArray(), ju.Offsets);
            case RootLeafType.Float32 or RootLeafType.Float64:
                var jd = br.ReadJagged<double>();
                return new RootJagged<long>(jd.Values.Select(BitConverter.DoubleToInt64Bits).ToArray(), jd.Offsets);
            default:
                return br.ReadJagged<long>();
        }
    }
}
