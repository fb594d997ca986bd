using NuMM.Data.Tests.Columnar;
using NuMM.Runtime.Data.Numpy;

namespace NuMM.Data.Tests.Numpy;

public class NumpyFuzzTests
{
    [Theory]
    [InlineData("sample.npz")]
    [InlineData("sample_compressed.npz")]
    public void Read_FlippedAndTruncatedBytes_CorrectDataOrDataFormatException(string file)
    {
        byte[] original = File.ReadAllBytes(NumpyFileTests.TestFile(file));
        var (rejected, _) = FuzzHarness.Run(original, ".npz", p =>
        {
            // The schema is fixed: a corrupted member name then shows up as a missing column.
            using var npz = NumpyFile.Open(p);
            var schema = NumpyFileTests.SampleSchema;
            using var source = npz.OpenSource(schema);
            return ColumnarTestData.ReadAll(source, schema, 300);
        }, cases: 600);
        Assert.True(rejected > 400, $"only {rejected} of 600 corruptions were detected");
    }
}
