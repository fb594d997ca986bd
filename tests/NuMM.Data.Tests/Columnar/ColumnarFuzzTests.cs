using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using static NuMM.Data.Tests.Columnar.ColumnarTestData;

namespace NuMM.Data.Tests.Columnar;

public class ColumnarFuzzTests
{
    [Fact]
    public void Read_FlippedAndTruncatedBytes_CorrectDataOrDataFormatException()
    {
        using var dir = new TempDirectory();
        string path = dir.File("fuzz.numm");
        var data = Make(AllTypes, 200, 99);
        Write(path, AllTypes, data, 200, new ColumnarWriteOptions
        {
            RowGroupEntries = 64,
            Exposure = Exposure.Pot(6e20),
            Provenance = [new("producer", "fuzz"), new("input", "fuzz.npz")],
        });
        byte[] original = File.ReadAllBytes(path);

        var (rejected, _) = FuzzHarness.Run(original, ".numm", p =>
        {
            using var reader = ColumnarFileReader.Open(p);
            return ReadAll(reader.OpenSource(AllTypes), AllTypes, 50);
        }, cases: 1500);

        // Nearly every byte is under a checksum; the rest is padding (a flip there leaves the data intact).
        Assert.True(rejected > 1400, $"only {rejected} of 1500 corruptions were detected");
    }
}
