using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Csv;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Data.Tests.Csv;

public class CsvFileTests
{
    private static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "csv", name);

    [Fact]
    public void Open_Sample_InfersTypesUnitsAndValues()
    {
        using var csv = CsvFile.Open(TestFile("sample.csv"));
        Assert.Equal(4, csv.EntryCount);
        Assert.Equal(
            [("run", ColumnType.Int32, ""), ("E", ColumnType.Double, "GeV"), ("cosTheta", ColumnType.Double, ""), ("isCC", ColumnType.Boolean, ""), ("pdg", ColumnType.Int32, ""), ("evtId", ColumnType.Int64, "")],
            csv.Columns.Select(c => (c.Name, c.Type, c.Unit)));
        var schema = csv.Columns.ToArray();
        var batch = new DynamicColumnBatch(schema, 3);
        var source = csv.OpenSource(schema);
        Assert.True(source.ReadNext(batch));
        Assert.Equal(3, batch.Length);
        Assert.Equal([7, 7, 8], batch.Column<int>(0).ToArray());
        Assert.Equal([0.5, 1.25, 2e-3], batch.Column<double>(1).ToArray());
        Assert.Equal([true, false, true], batch.Column<bool>(3).ToArray());
        Assert.Equal([4294967296L, 4294967297L, 4294967298L], batch.Column<long>(5).ToArray());
        Assert.True(source.ReadNext(batch));
        Assert.Equal(1, batch.Length);
        Assert.True(double.IsNaN(batch.Column<double>(1)[0]));
        Assert.False(source.ReadNext(batch));
    }

    [Fact]
    public void Open_DeclaredFloat32_ParsesAsDeclared()
    {
        using var csv = CsvFile.Open(TestFile("sample.csv"), new Dictionary<string, ColumnType> { ["E"] = ColumnType.Single, ["run"] = ColumnType.Int64 });
        Assert.Equal(ColumnType.Single, csv.Columns[1].Type);
        Assert.Equal(ColumnType.Int64, csv.Columns[0].Type);
        ColumnInfo[] schema = [new("E", ColumnType.Single, "GeV", "E", false)];
        var batch = new DynamicColumnBatch(schema, 10);
        Assert.True(csv.OpenSource(schema).ReadNext(batch));
        Assert.Equal(2e-3f, batch.Column<float>(0)[2]);
    }

    [Fact]
    public void Open_BadValue_NamesRowLineAndColumn()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFile.Open(TestFile("bad_value.csv")));
        // Inference falls back to float64 for 'E'; 'abc' is the third data row, on line 5 (a blank line is skipped).
        Assert.Contains("Row 3 (line 5), column 'E': cannot read 'abc' as float64.", e.Message);
        Assert.Equal("E", e.ObjectName);
        Assert.Equal(2, e.Entry);
        Assert.Equal(TestFile("bad_value.csv"), e.File);
    }

    [Fact]
    public void Parse_DeclaredIntegerOutOfRange_NamesValueAndType()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFile.Parse(new StringReader("a,b\n1,2\n300,4\n"), "t.csv", new Dictionary<string, ColumnType> { ["a"] = ColumnType.Byte }));
        Assert.Contains("Row 2 (line 3), column 'a': cannot read '300' as uint8.", e.Message);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "Row 2 (line 3) has 1 fields; the header has 2.")]
    [InlineData("a,a\n1,2\n", "The header names column 'a' twice.")]
    [InlineData("", "The CSV file is empty")]
    [InlineData("a,,c\n1,2,3\n", "Header field 2 is empty")]
    public void Parse_MalformedTable_ClearError(string text, string message)
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFile.Parse(new StringReader(text), "t.csv"));
        Assert.Contains(message, e.Message);
        Assert.Contains("t.csv", e.Message);
    }

    [Fact]
    public void Parse_DeclaredTypeForUnknownColumn_Throws()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFile.Parse(new StringReader("a\n1\n"), "t.csv", new Dictionary<string, ColumnType> { ["Ee"] = ColumnType.Single }));
        Assert.Contains("Types were declared for columns the header does not have: Ee", e.Message);
    }

    [Fact]
    public void ReadNext_NaNInFiniteColumn_NamesRow()
    {
        using var csv = CsvFile.Open(TestFile("sample.csv"));
        ColumnInfo[] schema = [new("E", ColumnType.Double, "GeV", "E", RequireFinite: true)];
        var batch = new DynamicColumnBatch(schema, 2);
        var source = csv.OpenSource(schema);
        Assert.True(source.ReadNext(batch));
        var e = Assert.Throws<DataFormatException>(() => source.ReadNext(batch));
        Assert.Equal(3, e.Entry);
        Assert.Contains("row 4 holds NaN", e.Message);
    }

    [Fact]
    public void OpenSource_ConversionAnyInt64ToInt32_ReportsOverflowEntry()
    {
        using var csv = CsvFile.Open(TestFile("sample.csv"));
        ColumnInfo[] schema = [new("evtId", ColumnType.Int32, "", "evtId", false)];
        Assert.Throws<DataFormatException>(() => csv.OpenSource(schema, conversion: ColumnConversion.Lossless));
        var source = csv.OpenSource(schema, conversion: ColumnConversion.Any);
        var e = Assert.Throws<DataFormatException>(() => source.ReadNext(new DynamicColumnBatch(schema, 4)));
        Assert.Equal(0, e.Entry);
        Assert.Contains("does not fit int32", e.Message);
    }

    [Fact]
    public void OpenSource_ArrayColumns_ClearErrorNamingThem()
    {
        using var csv = CsvFile.Open(TestFile("sample.csv"));
        ColumnInfo[] schema = [new("E", ColumnType.Double, "GeV", "E", false), new("flux", ColumnType.Single, "", "flux", false, 100), new("run", ColumnType.Int32, "", "run", false, 2)];
        var e = Assert.Throws<DataFormatException>(() => csv.OpenSource(schema));
        Assert.Contains("cannot fill the schema's array columns 'flux' (100 values per event), 'run' (2 values per event)", e.Message);
        Assert.Contains(".npz (a 2-D array per column) or in the NuMM format", e.Message);
        Assert.Equal("flux, run", e.ObjectName);
        Assert.Equal(TestFile("sample.csv"), e.File);
    }
}
