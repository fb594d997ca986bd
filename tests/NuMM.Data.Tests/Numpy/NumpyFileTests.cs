using System.Runtime.InteropServices;
using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Mapping;
using NuMM.Runtime.Data.Numpy;

namespace NuMM.Data.Tests.Numpy;

public class NumpyFileTests
{
    internal static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "npz", name);

    // The closed forms of make_npz.py (exact in binary floating point).
    internal static float E(int i) => (float)(0.5 + 0.25 * i);
    internal static double Theta(int i) => i / 64.0;
    internal static int Pdg(int i) => i % 3 == 0 ? -11 : 11;
    internal static long Run(int i) => 1_000_000_000_000 + i;
    internal static bool IsCC(int i) => i % 2 == 0;
    internal static byte Hits(int i) => (byte)(i % 256);
    internal static float W(int i) => (float)(0.125 * (i % 5));

    internal static readonly ColumnInfo[] SampleSchema =
    [
        new("E", ColumnType.Single, "GeV", "E", true),
        new("theta", ColumnType.Double, "rad", "theta_be", false),
        new("pdg", ColumnType.Int32, "", "pdg", false),
        new("run", ColumnType.Int64, "", "run", false),
        new("isCC", ColumnType.Boolean, "", "isCC", false),
        new("hits", ColumnType.Byte, "", "hits", false),
        new("w", ColumnType.Single, "", "w", false),
    ];

    private static void AssertSample(IBatchSource<IColumnBatch> source, int batchSize)
    {
        var batch = new DynamicColumnBatch(SampleSchema, batchSize);
        int i = 0;
        while (source.ReadNext(batch))
        {
            for (int k = 0; k < batch.Length; k++, i++)
            {
                Assert.Equal(E(i), batch.Column<float>(0)[k]);
                Assert.Equal(Theta(i), batch.Column<double>(1)[k]);
                Assert.Equal(Pdg(i), batch.Column<int>(2)[k]);
                Assert.Equal(Run(i), batch.Column<long>(3)[k]);
                Assert.Equal(IsCC(i), batch.Column<bool>(4)[k]);
                Assert.Equal(Hits(i), batch.Column<byte>(5)[k]);
                Assert.Equal(W(i), batch.Column<float>(6)[k]);
            }
        }
        Assert.Equal(1000, i);
    }

    [Theory]
    [InlineData("sample.npz", 1000)]
    [InlineData("sample.npz", 333)]
    [InlineData("sample_compressed.npz", 64)]
    [InlineData("sample_compressed.npz", 4096)]
    public void OpenSource_NumpySavez_ReadsEveryColumnExactly(string file, int batchSize)
    {
        using var npz = NumpyFile.Open(TestFile(file));
        Assert.True(npz.IsArchive);
        Assert.Equal(1000, npz.EntryCount);
        Assert.Equal(["E", "theta_be", "pdg", "run", "isCC", "hits", "w"], npz.Columns.Select(c => c.Name));
        Assert.Equal(">f8", npz.Arrays[1].Descr);
        Assert.True(npz.Arrays[1].BigEndian);
        using var source = npz.OpenSource(SampleSchema);
        AssertSample(source, batchSize);
    }

    [Theory]
    [InlineData("E_v1.npy")]
    [InlineData("E_v2.npy")]
    [InlineData("E_v3.npy")]
    public void Open_NpyVersions1To3_ReadsOneColumnNamedByStem(string file)
    {
        using var npy = NumpyFile.Open(TestFile(file));
        Assert.False(npy.IsArchive);
        var col = Assert.Single(npy.Columns);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), col.Name);
        ColumnInfo[] schema = [new("E", ColumnType.Single, "GeV", col.Name, false)];
        using var source = npy.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, 300);
        int i = 0;
        while (source.ReadNext(batch))
            for (int k = 0; k < batch.Length; k++, i++) Assert.Equal(E(i), batch.Column<float>(0)[k]);
        Assert.Equal(1000, i);
    }

    [Fact]
    public void OpenSource_LosslessConversion_WidensFloatAndInt()
    {
        using var npz = NumpyFile.Open(TestFile("sample_compressed.npz"));
        ColumnInfo[] schema = [new("E", ColumnType.Double, "", "E", false), new("pdg", ColumnType.Int64, "", "pdg", false), new("hits", ColumnType.Single, "", "hits", false)];
        using var source = npz.OpenSource(schema, conversion: ColumnConversion.Lossless);
        var batch = new DynamicColumnBatch(schema, 256);
        int i = 0;
        while (source.ReadNext(batch))
            for (int k = 0; k < batch.Length; k++, i++)
            {
                Assert.Equal((double)E(i), batch.Column<double>(0)[k]);
                Assert.Equal(Pdg(i), batch.Column<long>(1)[k]);
                Assert.Equal(Hits(i), batch.Column<float>(2)[k]);
            }
        Assert.Equal(1000, i);
    }

    [Fact]
    public void OpenSource_NaNInColumnDeclaredFinite_ThrowsNamingEntry517()
    {
        using var npz = NumpyFile.Open(TestFile("nan.npz"));
        ColumnInfo[] schema = [new("E", ColumnType.Single, "GeV", "E", RequireFinite: true)];
        using var source = npz.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, 100);
        var e = Assert.Throws<DataFormatException>(() => { while (source.ReadNext(batch)) { } });
        Assert.Equal(517, e.Entry);
        Assert.Equal("E", e.ObjectName);
        Assert.Contains("nan.npz", e.Message);
    }

    [Theory]
    [InlineData("unequal_lengths.npz", "The arrays differ in length", "pdg")]
    [InlineData("fortran_order.npz", "has shape (1000, 2) stored in Fortran order; NuMM reads C-ordered arrays", "m")]
    [InlineData("zero_width.npz", "has shape (1000, 0): 0 values per entry; an array column holds 1 to 10000", "empty")]
    [InlineData("unicode.npz", "has dtype '<U3'", "name")]
    public void Open_UnsupportedArrays_ThrowsNamingArray(string file, string message, string array)
    {
        var e = Assert.Throws<DataFormatException>(() => NumpyFile.Open(TestFile(file)));
        Assert.Contains(message, e.Message);
        Assert.Equal(array, e.ObjectName);
        Assert.Equal(TestFile(file), e.File);
    }

    [Fact]
    public void OpenSource_MissingAndMistypedColumns_OneErrorListingBoth()
    {
        using var npz = NumpyFile.Open(TestFile("sample.npz"));
        ColumnInfo[] schema = [new("Ereco", ColumnType.Single, "", "Ereco", false), new("pdg", ColumnType.Int16, "", "pdg", false)];
        var e = Assert.Throws<DataFormatException>(() => npz.OpenSource(schema));
        Assert.Contains("column 'Ereco': not in the file", e.Message);
        Assert.Contains("column 'pdg': stored as int32, the schema expects int16", e.Message);
    }

    [Fact]
    public void ReadNext_CorruptStoredMember_FailsCrcCheck()
    {
        using var dir = new TempDirectory();
        string path = dir.File("corrupt.npz");
        byte[] bytes = File.ReadAllBytes(TestFile("sample.npz"));
        // Find the data of the first member (E.npy): after the .npy magic and its 128-byte header block.
        int npy = bytes.AsSpan().IndexOf("\x93NUMPY"u8.ToArray());
        bytes[npy + 128 + 400] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        using var npz = NumpyFile.Open(path);
        ColumnInfo[] schema = [new("E", ColumnType.Single, "", "E", false)];
        using var source = npz.OpenSource(schema);
        var batch = new DynamicColumnBatch(schema, 128);
        var e = Assert.Throws<DataFormatException>(() => { while (source.ReadNext(batch)) { } });
        Assert.Contains("CRC", e.Message);
        Assert.Equal("E", e.ObjectName);
    }

    [Fact]
    public void ParseDict_HeaderVariants_ParsesDescrOrderAndShape()
    {
        var (descr, fortran, shape) = NpyHeader.ParseDict("{\"descr\": \"<i8\", \"shape\": (12,), \"fortran_order\": False}  \n", "f", "a", 10);
        Assert.Equal("<i8", descr);
        Assert.False(fortran);
        Assert.Equal([12L], shape);
        Assert.Throws<DataFormatException>(() => NpyHeader.ParseDict("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (3,), }", "f", "a", 10));
        Assert.Throws<DataFormatException>(() => NpyHeader.ParseDict("{'descr': '<f4', 'fortran_order': False}", "f", "a", 10));
    }
}
