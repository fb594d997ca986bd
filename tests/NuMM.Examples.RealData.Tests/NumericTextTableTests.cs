using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Text;

namespace NuMM.Examples.RealData.Tests;

/// <summary>The plain-text table reader used for the data releases.</summary>
public class NumericTextTableTests
{
    private static NumericTextTable Parse(string text, int columns, bool header = false) =>
        NumericTextTable.Parse(new StringReader(text), "t.txt", columns, header);

    [Fact]
    public void ReadsCommaAndWhitespaceSeparated_SkipsCommentsAndBlankLines()
    {
        var t = Parse("# comment\n\n1.0, 2.5\n3e-1 4\n", 2);
        Assert.Equal(2, t.RowCount);
        Assert.Equal([1.0, 0.3], t.Column(0));
        Assert.Equal([2.5, 4.0], t.Column(1));
        Assert.Equal([3, 4], t.LineNumbers);
    }

    [Fact]
    public void HeaderLine_IsAcceptedOnlyWhenAllowed()
    {
        Assert.Equal("a,b", Parse("a,b\n1,2\n", 2, header: true).Header);
        var e = Assert.Throws<DataFormatException>(() => Parse("a,b\n1,2\n", 2));
        Assert.Contains("Line 1, column 1", e.Message);
    }

    [Theory]
    [InlineData("1,2\n3\n", "Line 2, column 2")]
    [InlineData("1,2\n3,4,5\n", "Line 2, column 3")]
    [InlineData("1,2\n3,nan\n", "Line 2, column 2")]
    [InlineData("1,2\n3,1e999\n", "Line 2, column 2")]
    public void BadRows_NameLineAndColumn(string text, string where)
    {
        var e = Assert.Throws<DataFormatException>(() => Parse(text, 2));
        Assert.Contains(where, e.Message);
        Assert.Contains("t.txt", e.Message);
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        var e = Assert.Throws<DataFormatException>(() => Parse("# only a comment\n", 2));
        Assert.Contains("no data rows", e.Message);
    }
}
