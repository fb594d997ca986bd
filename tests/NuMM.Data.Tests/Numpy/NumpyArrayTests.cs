using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Numpy;
using static NuMM.Data.Tests.Numpy.NumpyFileTests;

namespace NuMM.Data.Tests.Numpy;

/// <summary>2-D (and higher) numpy arrays as array columns: shape (entries, n) gives n values per entry, transposed into
/// the batch's element-major layout (value k of entry i at k × capacity + i).</summary>
public class NumpyArrayTests
{
    // The closed forms of make_npz.py for arrays.npz (exact in binary floating point).
    private static float Flux(int i, int k) => (float)(1 + ((7 * i + 13 * k) % 101) / 128.0);
    private static double Vtx(int i, int k) => i - 0.5 * k;
    private static short Grid(int i, int a, int b) => (short)(100 * a + 10 * b - i % 7);

    [Fact]
    public void Open_MultiDimensionalArrays_AreArrayColumns()
    {
        using var npz = NumpyFile.Open(TestFile("arrays.npz"));
        Assert.Equal(1000, npz.EntryCount);
        var byName = npz.Columns.ToDictionary(c => c.Name);
        Assert.Equal(1, byName["E"].Length);
        Assert.Equal(100, byName["flux"].Length);
        Assert.Equal(3, byName["vtx_be"].Length);
        Assert.Equal(6, byName["grid"].Length); // (N, 2, 3) flattened in C order
        Assert.Equal(ColumnType.Int16, byName["grid"].Type);
        using var two = NumpyFile.Open(TestFile("two_dimensional.npz"));
        Assert.Equal(3, two.Columns.Single(c => c.Name == "xyz").Length);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(64)]
    [InlineData(7)]
    public void Read_ArrayColumns_TransposedIntoBatches(int capacity)
    {
        using var npz = NumpyFile.Open(TestFile("arrays.npz"));
        ColumnInfo[] schema =
        [
            new("E", ColumnType.Single, "GeV", "E", true),
            new("flux", ColumnType.Single, "", "flux", true, 100),
            new("vtx", ColumnType.Double, "cm", "vtx_be", false, 3),
            new("grid", ColumnType.Int16, "", "grid", false, 6),
        ];
        using var source = npz.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, capacity);
        int i0 = 0;
        while (source.ReadNext(batch))
        {
            for (int j = 0; j < batch.Length; j++)
            {
                int i = i0 + j;
                Assert.Equal(E(i), batch.Column<float>(0)[j]);
                for (int k = 0; k < 100; k++) Assert.Equal(Flux(i, k), batch.Column<float>(1)[k * capacity + j]);
                for (int k = 0; k < 3; k++) Assert.Equal(Vtx(i, k), batch.Column<double>(2)[k * capacity + j]);
                for (int a = 0; a < 2; a++)
                    for (int b = 0; b < 3; b++) Assert.Equal(Grid(i, a, b), batch.Column<short>(3)[(3 * a + b) * capacity + j]);
            }
            i0 += batch.Length;
        }
        Assert.Equal(1000, i0);
    }

    [Fact]
    public void Read_ArrayColumnWithConversion_Widens()
    {
        using var npz = NumpyFile.Open(TestFile("arrays.npz"));
        ColumnInfo[] schema = [new("grid", ColumnType.Double, "", "grid", false, 6)];
        using var source = npz.OpenSource(schema, conversion: ColumnConversion.Lossless);
        var batch = new DynamicColumnBatch(schema, 300);
        Assert.True(source.ReadNext(batch));
        for (int j = 0; j < 300; j++)
            for (int k = 0; k < 6; k++) Assert.Equal(Grid(j, k / 3, k % 3), batch.Column<double>(0)[k * 300 + j]);
    }

    [Fact]
    public void Read_NaNInFiniteArrayColumn_NamesEntryAndValue()
    {
        using var npz = NumpyFile.Open(TestFile("arrays.npz"));
        ColumnInfo[] schema = [new("flux", ColumnType.Single, "", "bad_nan", true, 100)];
        using var source = npz.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, 200);
        var e = Assert.Throws<DataFormatException>(() => { while (source.ReadNext(batch)) { } });
        Assert.Equal(517, e.Entry);
        Assert.Equal("flux", e.ObjectName);
        Assert.Contains("Column 'flux' is declared finite but holds NaN (value 42 of 100 per entry).", e.Message);
    }

    [Fact]
    public void Bind_ScalarSchemaOnArray_AndArraySchemaOnScalar_OneErrorNamingBoth()
    {
        using var npz = NumpyFile.Open(TestFile("arrays.npz"));
        ColumnInfo[] schema = [new("flux", ColumnType.Single, "", "flux", false), new("E", ColumnType.Single, "", "E", false, 100)];
        var e = Assert.Throws<DataFormatException>(() => npz.OpenSource(schema));
        Assert.Contains("column 'flux': an array of 100 values per event in the file, the schema expects one value per event", e.Message);
        Assert.Contains("column 'E': one value per event in the file, the schema expects an array of 100 values per event", e.Message);
        Assert.Equal("flux, E", e.ObjectName);
    }
}
