using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Data.Tests.Mapping;

public class SchemaMappingTests
{
    [Fact]
    public void Parse_TextWithCommentsUnitsAndTypes_ReadsEveryEntry()
    {
        var m = SchemaMapping.Parse("""
            # NOvA CAF → analysis schema
            E      = rec.slc.calE [GeV] : float32
            vtxZ   = rec.vtx.z [cm]
              isCC = mc.nu.iscc     # trailing comment

            pdg=mc.nu.pdg:int
            """, "map.txt");
        Assert.Equal(4, m.Entries.Count);
        Assert.Equal(new MappingEntry("E", "rec.slc.calE", "GeV", ColumnType.Single, 2), m.Entries[0]);
        Assert.Equal(new MappingEntry("vtxZ", "rec.vtx.z", "cm", null, 3), m.Entries[1]);
        Assert.Equal(new MappingEntry("isCC", "mc.nu.iscc", null, null, 4), m.Entries[2]);
        Assert.Equal(new MappingEntry("pdg", "mc.nu.pdg", null, ColumnType.Int32, 6), m.Entries[3]);
        Assert.Equal("rec.vtx.z", m.SourceOf(new ColumnInfo("vtxZ", ColumnType.Single, "cm", "vtxZ", false)));
        Assert.Equal("theta", m.SourceOf(new ColumnInfo("th", ColumnType.Single, "rad", "theta", false)));
    }

    [Fact]
    public void Parse_Json_ReadsStringAndObjectValues()
    {
        var m = SchemaMapping.Parse("""{ "E": "trueE", "w": { "source": "weight", "unit": "", "type": "double" } }""");
        Assert.Equal("trueE", m.Find("E")!.Source);
        Assert.Equal(ColumnType.Double, m.Find("w")!.Type);
        Assert.Equal("weight", m.Find("w")!.Source);
    }

    [Theory]
    [InlineData("E trueE", "Mapping line 1: expected 'column = source', found 'E trueE'.")]
    [InlineData("E = trueE : quad", "Mapping line 1: unknown type 'quad'")]
    [InlineData("E = a\nE = b", "Column 'E' is mapped twice (lines 1 and 2).")]
    [InlineData("E = a b", "Mapping line 1: expected 'column = source'")]
    [InlineData("{ \"E\": 3 }", "The value for column 'E' must be a string")]
    [InlineData("{ \"E\": ", "The mapping is not valid JSON")]
    public void Parse_Malformed_ClearErrorNamingFileAndLine(string text, string message)
    {
        var e = Assert.Throws<DataFormatException>(() => SchemaMapping.Parse(text, "map.txt"));
        Assert.Contains(message, e.Message);
        Assert.Equal("map.txt", e.File);
    }

    [Theory]
    [InlineData(ColumnType.Single, ColumnType.Double, true)]
    [InlineData(ColumnType.Double, ColumnType.Single, false)]
    [InlineData(ColumnType.Int32, ColumnType.Double, true)]
    [InlineData(ColumnType.Int32, ColumnType.Single, false)]   // 2^24 + 1 is not a float32
    [InlineData(ColumnType.Int16, ColumnType.Single, true)]
    [InlineData(ColumnType.Int64, ColumnType.Double, false)]   // 2^53 + 1 is not a float64
    [InlineData(ColumnType.UInt32, ColumnType.Int64, true)]
    [InlineData(ColumnType.UInt32, ColumnType.Int32, false)]
    [InlineData(ColumnType.Int32, ColumnType.UInt64, false)]   // negative values
    [InlineData(ColumnType.Byte, ColumnType.Int16, true)]
    [InlineData(ColumnType.Boolean, ColumnType.Int32, false)]
    public void IsLossless_TypePairs_MatchesRepresentability(ColumnType from, ColumnType to, bool expected) =>
        Assert.Equal(expected, ColumnTypes.IsLossless(from, to));

    [Fact]
    public void Convert_OutOfRangeAndNaN_ReportFirstBadIndex()
    {
        double[] src = [1, 2, double.NaN, 4];
        var dst = new int[4];
        Assert.Equal(2, ValueConverter.Convert(System.Runtime.InteropServices.MemoryMarshal.AsBytes(src.AsSpan()), ColumnType.Double,
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(dst.AsSpan()), ColumnType.Int32, 4));
        long[] big = [1, 0, 1, 2];
        var flags = new bool[4];
        Assert.Equal(3, ValueConverter.Convert(System.Runtime.InteropServices.MemoryMarshal.AsBytes(big.AsSpan()), ColumnType.Int64,
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(flags.AsSpan()), ColumnType.Boolean, 4));
        Assert.Equal([true, false, true], flags[..3]);
    }

    [Fact]
    public void FirstNonFinite_EveryPositionAndLength_FindsFirstBadValue()
    {
        for (int n = 0; n <= 70; n++)
            for (int bad = -1; bad < n; bad++)
            {
                var f = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
                if (bad >= 0) f[bad] = bad % 2 == 0 ? float.NaN : float.NegativeInfinity;
                if (bad >= 0 && bad + 3 < n) f[bad + 3] = float.PositiveInfinity;
                Assert.Equal(bad, ValueChecks.FirstNonFinite(System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.AsSpan()), ColumnType.Single, n));
            }
    }
}
