using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Interchange;
using NuMM.Runtime.Data.Parquet;
using Parquet;
using Parquet.Schema;

namespace NuMM.Data.Tests.Parquet;

/// <summary>Parquet list columns of one fixed length are NuMM array columns (as a ROOT branch w[N] is); other lists are
/// skipped with the reason.</summary>
public sealed class ParquetListTests
{
    private static readonly ColumnInfo W = new("w", ColumnType.Single, "", "w", false, 4);

    // Entry i holds w = [i, i + 0.5, i + 0.25, −i]: every value differs, so a transposition or shift shows.
    private static float Value(int i, int k) => k switch { 0 => i, 1 => i + 0.5f, 2 => i + 0.25f, _ => -i };

    [Fact]
    public void ArrayColumn_WrittenAsListAndReadBack_KeepsEveryValueAndItsLength()
    {
        using var dir = new TempDirectory();
        string path = dir.File("w.parquet");
        const int n = 1003;
        var w = new float[n * 4];
        var e = new double[n];
        for (int i = 0; i < n; i++) { e[i] = 2.0 * i; for (int k = 0; k < 4; k++) w[i * 4 + k] = Value(i, k); }
        ParquetTableWriter.Write(path, [new TableColumn(new ColumnInfo("E", ColumnType.Double, "GeV", "E", false), e), new TableColumn(W, w)], Exposure.None);

        using var f = ParquetFile.Open(path);
        Assert.Equal(n, f.EntryCount);
        Assert.Equal(W, f.Columns.Single(c => c.Name == "w"));
        Assert.Empty(f.SkippedFields);
        Assert.Equal(w, f.ReadColumn("w").Values);

        // Through a batch source in batches that do not divide the file: value k of entry i at k × capacity + i.
        var schema = new[] { W, new ColumnInfo("E", ColumnType.Double, "GeV", "E", false) };
        var src = f.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, 100);
        int seen = 0;
        while (src.ReadNext(batch))
        {
            var col = batch.Column<float>(0);
            var ecol = batch.Column<double>(1);
            for (int j = 0; j < batch.Length; j++)
            {
                for (int k = 0; k < 4; k++) Assert.Equal(Value(seen + j, k), col[k * batch.Capacity + j]);
                Assert.Equal(2.0 * (seen + j), ecol[j]);
            }
            seen += batch.Length;
        }
        Assert.Equal(n, seen);
    }

    /// <summary>Writes a list column the way pyarrow does by default (optional list, optional elements) with Parquet.Net,
    /// without NuMM's metadata, in two row groups; <paramref name="lengthOf"/> gives each entry's number of values.</summary>
    private static void WriteForeignList(string path, int rowsPerGroup, Func<int, int> lengthOf)
    {
        var item = new DataField<float?>("element");
        var schema = new ParquetSchema(new ListField("w", item));
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        for (int g = 0; g < 2; g++)
        {
            var values = new List<float?>();
            var rep = new List<int>();
            for (int r = 0; r < rowsPerGroup; r++)
            {
                int i = g * rowsPerGroup + r;
                for (int k = 0; k < lengthOf(i); k++) { values.Add(Value(i, k)); rep.Add(k == 0 ? 0 : 1); }
            }
            using var rg = writer.CreateRowGroup();
            rg.WriteAsync<float>(item, values.ToArray().AsMemory(), rep.ToArray().AsMemory()).GetAwaiter().GetResult();
        }
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void ForeignFixedLengthList_LengthFromTheFirstRowGroup_ReadsBothRowGroups()
    {
        using var dir = new TempDirectory();
        string path = dir.File("foreign.parquet");
        WriteForeignList(path, 50, _ => 4);
        using var f = ParquetFile.Open(path);
        Assert.Equal(4, f.Columns.Single().Length);
        var values = (float[])f.ReadColumn("w").Values;
        Assert.Equal(400, values.Length);
        for (int i = 0; i < 100; i++) for (int k = 0; k < 4; k++) Assert.Equal(Value(i, k), values[i * 4 + k]);
    }

    [Fact]
    public void ForeignList_ShorterEntryInALaterRowGroup_ErrorNamesColumnAndEntry()
    {
        using var dir = new TempDirectory();
        string path = dir.File("short.parquet");
        WriteForeignList(path, 50, i => i == 73 ? 3 : 4);
        using var f = ParquetFile.Open(path);
        Assert.Equal(4, f.Columns.Single().Length); // the first row group says 4
        var e = Assert.Throws<DataFormatException>(() => f.ReadColumn("w"));
        Assert.Contains("'w'", e.Message);
        Assert.Contains("holds 3 values", e.Message);
        Assert.Equal(73, e.Entry);
    }

    [Fact]
    public void VariableLengthList_IsSkippedWithTheReason()
    {
        using var dir = new TempDirectory();
        string path = dir.File("jagged.parquet");
        WriteForeignList(path, 20, i => 1 + i % 3);
        using var f = ParquetFile.Open(path);
        Assert.Empty(f.Columns);
        Assert.Equal("w (list of Single: variable-length list (entry 0 holds 1 values, entry 1 holds 2))", Assert.Single(f.SkippedFields));
    }

    [Fact]
    public void JaggedColumns_WrittenAndReadBack_EveryEntryIncludingEmptyOnes()
    {
        using var dir = new TempDirectory();
        string path = dir.File("jagged.parquet");
        // Entries 0, 3 and 6 (the first, a middle and the last) are empty; the others hold 1 to 3 values.
        long[] offsets = [0, 0, 2, 3, 3, 6, 7, 7];
        var hits = new[] { 5, -1, 7, 100, 200, 300, int.MinValue };
        var energy = hits.Select(h => h * 0.5 + 0.125).ToArray();
        var flags = hits.Select(h => h > 0).ToArray();
        var e = new[] { 1.0, 2, 3, 4, 5, 6, 7 };
        ParquetTableWriter.Write(path,
        [
            new TableColumn(new ColumnInfo("E", ColumnType.Double, "GeV", "E", false), e),
            new TableColumn(new ColumnInfo("hits", ColumnType.Int32, "", "hits", false), hits, offsets),
            new TableColumn(new ColumnInfo("energy", ColumnType.Double, "MeV", "energy", false), energy, offsets),
            new TableColumn(new ColumnInfo("flag", ColumnType.Boolean, "", "flag", false), flags, offsets),
        ], Exposure.Pot(1e20));

        using var f = ParquetFile.Open(path);
        Assert.Equal(7, f.EntryCount);
        Assert.Equal(["E"], f.Columns.Select(c => c.Name));
        Assert.Equal("hits (list of Int32: variable-length list (entry 0 holds 0 values, entry 1 holds 2))", f.SkippedFields[0]);
        var h = f.ReadListColumn("hits");
        Assert.Equal(offsets, h.Offsets);
        Assert.Equal(hits, (int[])h.Values);
        var en = f.ReadListColumn("energy");
        Assert.Equal(offsets, en.Offsets);
        Assert.Equal(energy, (double[])en.Values);
        Assert.Equal("MeV", en.Info.Unit);
        var fl = f.ReadListColumn("flag");
        Assert.Equal(offsets, fl.Offsets);
        Assert.Equal(flags, (bool[])fl.Values);
        Assert.Equal(e, f.ReadColumn("E").Values);
        var ex = Assert.Throws<DataFormatException>(() => f.ReadListColumn("E"));
        Assert.Contains("No list column 'E'", ex.Message);
    }

    [Fact]
    public void JaggedColumn_AllEntriesEmpty_ReadsBackAsEmptyEntries()
    {
        using var dir = new TempDirectory();
        string path = dir.File("empty.parquet");
        ParquetTableWriter.Write(path, [new TableColumn(new ColumnInfo("x", ColumnType.Single, "", "x", false), Array.Empty<float>(), [0, 0, 0, 0])], Exposure.None);
        using var f = ParquetFile.Open(path);
        Assert.Equal(3, f.EntryCount);
        var x = f.ReadListColumn("x");
        Assert.Equal([0L, 0, 0, 0], x.Offsets!);
        Assert.Empty((float[])x.Values);
    }

    [Fact]
    public void ReadListColumn_ForeignVariableLengthList_TwoRowGroups()
    {
        // Written by Parquet.Net's own list API (as other tools write lists), not by NuMM's writer.
        using var dir = new TempDirectory();
        string path = dir.File("foreign-jagged.parquet");
        WriteForeignList(path, 20, i => 1 + i % 3);
        using var f = ParquetFile.Open(path);
        var w = f.ReadListColumn("w");
        var values = (float[])w.Values;
        Assert.Equal(41, w.Offsets!.Length);
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(1 + i % 3, w.Offsets[i + 1] - w.Offsets[i]);
            for (int k = 0; k < 1 + i % 3; k++) Assert.Equal(Value(i, k), values[w.Offsets[i] + k]);
        }
    }

    [Fact]
    public void JaggedColumn_SpanningTwoRowGroups_KeepsEveryEntry()
    {
        // One entry more than a row group holds: the second row group starts mid-way through the values.
        using var dir = new TempDirectory();
        string path = dir.File("two-groups.parquet");
        int n = ParquetTableWriter.RowGroupEntries + 1;
        var offsets = new long[n + 1];
        for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + i % 3; // lengths 0, 1, 2, 0, 1, 2, …
        var values = new int[offsets[n]];
        for (int j = 0; j < values.Length; j++) values[j] = j * 7 - 3;
        ParquetTableWriter.Write(path, [new TableColumn(new ColumnInfo("k", ColumnType.Int32, "", "k", false), values, offsets)], Exposure.None);
        using var f = ParquetFile.Open(path);
        Assert.Equal(2, f.RowGroupCount);
        var k = f.ReadListColumn("k");
        Assert.Equal(offsets, k.Offsets);
        Assert.Equal(values, (int[])k.Values);
    }
}
