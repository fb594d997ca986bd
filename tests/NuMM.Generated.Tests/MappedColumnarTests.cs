using System.Buffers.Binary;
using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Columnar;
using NuMM.Runtime.Selection;

namespace NuMM.Generated.Tests;

/// <summary>Generated batches that view a memory-mapped NuMM columnar file in place
/// (<see cref="ColumnarFileReader.OpenMapped{TBatch}"/>): every kernel result equals that of the same row groups copied
/// into ordinary batches (bit-identical, every vector width, the scalar twin, 1…3 runner threads), the event indexer and
/// <c>Column&lt;T&gt;</c> see the file's values, and a bad or misused file gets a clear error instead of wrong numbers
/// or a crash.</summary>
public sealed class MappedColumnarTests : IDisposable
{
    private const int Entries = 5000, RowGroup = 1024; // four full row groups and one of 904
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "numm-mapped-" + Guid.NewGuid().ToString("N"));

    public MappedColumnarTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Random events (NaN and ±∞ among the energies) written through batches of 700 into row groups of 1024.</summary>
    private string Write(string name = "events.numm", int seed = 11)
    {
        string path = Path.Combine(_dir, name);
        var rng = new Random(seed);
        using var writer = new ColumnarFileWriter(path, ArrayEventElem.Batch.Schema, new ColumnarWriteOptions { RowGroupEntries = RowGroup });
        var b = new ArrayEventElem.Batch(700);
        for (int start = 0; start < Entries; start += 700)
        {
            int n = Math.Min(700, Entries - start);
            for (int i = 0; i < n; i++)
            {
                int u = rng.Next(100);
                b.E[i] = u == 0 ? float.NaN : u == 1 ? float.PositiveInfinity : u == 2 ? float.NegativeInfinity : (float)(9 * rng.NextDouble() - 0.5);
                b.W[i] = 0.2f + 1.8f * (float)rng.NextDouble();
                for (int k = 0; k < 12; k++) b.Flux[k * 700 + i] = 0.8f + 0.4f * (float)rng.NextDouble();
                for (int k = 0; k < 3; k++) b.Response[k * 700 + i] = rng.NextDouble();
                for (int k = 0; k < 5; k++) b.Flags[k * 700 + i] = rng.Next(2) == 1;
                for (int k = 0; k < 4; k++) b.Checked[k * 700 + i] = (float)rng.NextDouble();
            }
            b.Length = n;
            writer.Write(b);
        }
        writer.Commit();
        return path;
    }

    /// <summary>The row groups copied into ordinary batches by the copying reader (one batch per row group).</summary>
    private static List<ArrayEventElem.Batch> Copies(ColumnarFileReader file)
    {
        var list = new List<ArrayEventElem.Batch>();
        var source = file.OpenSource(ArrayEventElem.Batch.Schema);
        while (true)
        {
            var b = new ArrayEventElem.Batch(RowGroup);
            if (!source.ReadNext(b)) return list;
            list.Add(b);
        }
    }

    [Fact]
    public void Views_SeeTheFilesValues_ThroughIndexerAndColumns()
    {
        using var file = ColumnarFileReader.Open(Write());
        var copies = Copies(file);
        using var mapped = file.OpenMapped<ArrayEventElem.Batch>();
        Assert.Equal(5, mapped.BatchCount);
        for (int g = 0; g < mapped.BatchCount; g++)
        {
            var view = mapped.View(g);
            var copy = copies[g];
            Assert.True(view.IsView);
            Assert.False(copy.IsView);
            Assert.Equal(g < 4 ? RowGroup : Entries - 4 * RowGroup, view.Length);
            Assert.Equal(view.Length, view.Capacity); // a view's runs are spaced by its row group's entry count
            Assert.True(copy.E.AsSpan(0, copy.Length).SequenceEqual(view.Column<float>(0)));
            for (int i = 0; i < view.Length; i++)
            {
                ArrayEventElem a = view[i], b = copy[i];
                Assert.Equal(b.E, a.E);
                Assert.Equal(b.W, a.W);
                for (int k = 0; k < 12; k++) Assert.Equal(b.Flux[k], a.Flux[k]);
                for (int k = 0; k < 3; k++) Assert.Equal(b.Response[k], a.Response[k]);
                for (int k = 0; k < 5; k++) Assert.Equal(b.Flags[k], a.Flags[k]);
                for (int k = 0; k < 4; k++) Assert.Equal(b.Checked[k], a.Checked[k]);
            }
            var flags = view.Column<bool>(4);
            for (int k = 0; k < 5; k++)
                for (int i = 0; i < view.Length; i++)
                    Assert.Equal(copy.Flags[k * copy.Capacity + i], flags[k * view.Capacity + i]);
            view.ValidateFinite();
        }
        // A view has no arrays: the array property says so and names the column and the file.
        var e = Assert.Throws<InvalidOperationException>(() => mapped.View(1).Flux);
        Assert.Contains("'Flux'", e.Message);
        Assert.Contains("events.numm, row group 1", e.Message);
        Assert.Contains("Column<T>(2)", e.Message);
        Assert.Throws<InvalidOperationException>(() => mapped.View(0).Column<double>(0)); // E is float
    }

    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)] // the scalar twin
    public void EveryKernel_OnViews_EqualsOnCopies(int bits)
    {
        using var file = ColumnarFileReader.Open(Write());
        var copies = Copies(file);
        using var mapped = file.OpenMapped<ArrayEventElem.Batch>();
        void Run<TKernel>(Func<TKernel> make) where TKernel : IAnalysisKernel<ArrayEventElem.Batch>
        {
            var onViews = make();
            var onCopies = make();
            var a = onViews.CreateResult();
            var b = onCopies.CreateResult();
            for (int g = 0; g < mapped.BatchCount; g++)
            {
                if (bits == 0)
                {
                    Scalar(onViews, mapped.View(g), a);
                    Scalar(onCopies, copies[g], b);
                }
                else
                {
                    onViews.Process(mapped.View(g), a);
                    onCopies.Process(copies[g], b);
                }
            }
            VariationTests.AllIdentical(b, a, $"{typeof(TKernel).DeclaringType!.Name} at {bits} bits");
            Assert.Equal(Entries, a.CutFlow.Passed[0]);
        }
        Run(() => new ElementMajorSelection.Kernel { MaxVectorBits = Math.Max(bits, 128) });
        Run(() => new ElementMajorFinalOnly.Kernel { MaxVectorBits = Math.Max(bits, 128) });
    }

    private static void Scalar<TKernel>(TKernel kernel, ArrayEventElem.Batch batch, AnalysisResult into) where TKernel : IAnalysisKernel<ArrayEventElem.Batch>
    {
        switch (kernel)
        {
            case ElementMajorSelection.Kernel k: k.ProcessScalar(batch, into); break;
            case ElementMajorFinalOnly.Kernel k: k.ProcessScalar(batch, into); break;
            default: throw new InvalidOperationException(typeof(TKernel).Name);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Runner_OverTheMappedFile_EqualsTheCopyingReader_AndMakesNoBatch(int threads)
    {
        using var file = ColumnarFileReader.Open(Write());
        var options = new RunOptions { MaxThreads = threads };
        using var mapped = file.OpenMapped<ArrayEventElem.Batch>();
        var views = AnalysisRunner.Run(new ElementMajorFinalOnly.Kernel(), mapped,
            () => throw new InvalidOperationException("a zero-copy run must not make batches"), options);
        var copied = AnalysisRunner.Run(new ElementMajorFinalOnly.Kernel(), file.OpenSource(ArrayEventElem.Batch.Schema),
            () => new ArrayEventElem.Batch(RowGroup), options);
        VariationTests.AllIdentical(copied, views, $"threads={threads}");
        Assert.Equal(Entries, views.CutFlow.Passed[0]);
        // A second run after Reset sees the file again.
        mapped.Reset();
        var again = AnalysisRunner.Run(new ElementMajorFinalOnly.Kernel(), mapped, () => new ArrayEventElem.Batch(RowGroup), options);
        VariationTests.AllIdentical(copied, again, $"threads={threads}, after Reset");
    }

    [Fact]
    public void SubsetSchema_MapsOnlyItsColumns()
    {
        // ArrayEvent holds E, W, Flux and Response: four of the file's six columns, with the file's types.
        using var file = ColumnarFileReader.Open(Write());
        var copies = Copies(file);
        using var mapped = file.OpenMapped<ArrayEvent.Batch>();
        for (int g = 0; g < mapped.BatchCount; g++)
        {
            var view = mapped.View(g);
            for (int i = 0; i < view.Length; i++)
            {
                ArrayEvent a = view[i];
                ArrayEventElem b = copies[g][i];
                Assert.Equal(b.E, a.E);
                for (int k = 0; k < 12; k++) Assert.Equal(b.Flux[k], a.Flux[k]);
                for (int k = 0; k < 3; k++) Assert.Equal(b.Response[k], a.Response[k]);
            }
        }
    }

    [Fact]
    public void EventMajorSchema_IsRefused_NamingTheColumns()
    {
        string path = Write();
        using var file = ColumnarFileReader.Open(path);
        var e = Assert.Throws<DataFormatException>(() => file.OpenMapped<ArrayEventEm.Batch>());
        Assert.Contains("event-major", e.Message);
        Assert.Contains("'Flux'", e.Message);
        Assert.Contains("'Checked'", e.Message);
        Assert.Contains("OpenSource", e.Message);
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void CorruptPayload_FailsItsRowGroupOnly_NamingFileColumnAndEntry()
    {
        string path = Write();
        long at;
        using (var file = ColumnarFileReader.Open(path)) at = file.GetChunk(2, 1).PayloadOffset + 4 * 17; // W of entry 2048 + 17
        using (var f = File.Open(path, FileMode.Open, FileAccess.ReadWrite))
        {
            f.Position = at;
            int b = f.ReadByte();
            f.Position = at;
            f.WriteByte((byte)(b ^ 0x01));
        }
        using (var file = ColumnarFileReader.Open(path))
        using (var mapped = file.OpenMapped<ArrayEventElem.Batch>())
        {
            mapped.View(0);
            mapped.View(4);
            var e = Assert.Throws<DataFormatException>(() => mapped.View(2));
            Assert.Contains("checksum mismatch", e.Message);
            Assert.Equal(path, e.File);
            Assert.Equal("W", e.ObjectName);
            Assert.Equal(2 * RowGroup, e.Entry);
            // Handed out in order, a row group is checked at its first read, on the reading thread.
            Assert.True(mapped.TryNextView(out _));
            Assert.True(mapped.TryNextView(out _));
            Assert.True(mapped.TryNextView(out var third));
            var lazy = Assert.Throws<DataFormatException>(() => third.Column<float>(0));
            Assert.Equal(e.Message, lazy.Message);
            Assert.Throws<DataFormatException>(() => third[0]);
            // The copying reader rejects the same chunk with the same message.
            var copying = Assert.Throws<DataFormatException>(() => Copies(file));
            Assert.Equal(e.Message, copying.Message);
            // The runner reports it too (and loses nothing silently).
            using var again = file.OpenMapped<ArrayEventElem.Batch>();
            var run = Assert.ThrowsAny<Exception>(() => AnalysisRunner.Run(new ElementMajorFinalOnly.Kernel(), again, () => new ArrayEventElem.Batch(RowGroup)));
            Assert.Contains("checksum mismatch", run.ToString());
        }
        // Without checksums the flipped bit goes unnoticed (it is a valid float): the choice is the caller's.
        using (var file = ColumnarFileReader.Open(path))
        using (var mapped = file.OpenMapped<ArrayEventElem.Batch>(verifyChecksums: false))
            Assert.Equal(RowGroup, mapped.View(2).Length);
    }

    [Fact]
    public void NonFiniteValueInAFiniteColumn_IsRefused_EvenWithoutChecksums()
    {
        string path = Write();
        long at;
        using (var file = ColumnarFileReader.Open(path))
        {
            // Checked (file column 5) is declared finite: value k = 2 of entry 3 · 1024 + 40.
            var chunk = file.GetChunk(3, 5);
            at = chunk.PayloadOffset + 4L * (2 * chunk.Entries + 40);
        }
        using (var f = File.Open(path, FileMode.Open, FileAccess.ReadWrite))
        {
            Span<byte> nan = stackalloc byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(nan, float.NaN);
            f.Position = at;
            f.Write(nan);
        }
        using var file2 = ColumnarFileReader.Open(path);
        using var mapped = file2.OpenMapped<ArrayEventElem.Batch>(verifyChecksums: false);
        var e = Assert.Throws<DataFormatException>(() => mapped.View(3));
        Assert.Contains("declared finite", e.Message);
        Assert.Contains("value 2 of 4", e.Message);
        Assert.Equal("Checked", e.ObjectName);
        Assert.Equal(3 * RowGroup + 40, e.Entry);
    }

    [Fact]
    public void AfterDispose_BatchesThrow_InsteadOfReadingUnmappedMemory()
    {
        using var file = ColumnarFileReader.Open(Write());
        var mapped = file.OpenMapped<ArrayEventElem.Batch>();
        var view = mapped.View(0);
        var kernel = new ElementMajorSelection.Kernel();
        kernel.Process(view, kernel.CreateResult());
        ArrayEventElem ev = view[5];
        mapped.Dispose();
        Assert.Throws<ObjectDisposedException>(() => view[5]);
        Assert.Throws<ObjectDisposedException>(() => ev.Flux[0]);
        Assert.Throws<ObjectDisposedException>(() => kernel.Process(view, kernel.CreateResult()));
        Assert.Throws<ObjectDisposedException>(() => view.Column<float>(0).Length);
        Assert.Throws<ObjectDisposedException>(() => mapped.View(1));
    }

    [Fact]
    public void WritingIntoAView_NeverChangesTheFile()
    {
        string path = Write();
        byte[] before = File.ReadAllBytes(path);
        using (var file = ColumnarFileReader.Open(path))
        using (var mapped = file.OpenMapped<ArrayEventElem.Batch>())
        {
            var view = mapped.View(1);
            view.Column<float>(0)[3] = 42f;
            Assert.Equal(42f, view[3].E); // copy-on-write: this process sees its write
        }
        Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(path)));
    }

    [Fact]
    public void ReadNext_CopiesRowGroupsIntoCallerBatches()
    {
        using var file = ColumnarFileReader.Open(Write());
        var copies = Copies(file);
        using var mapped = file.OpenMapped<ArrayEventElem.Batch>();
        var batch = new ArrayEventElem.Batch(RowGroup + 7);
        for (int g = 0; g < copies.Count; g++)
        {
            Assert.True(mapped.ReadNext(batch));
            Assert.Equal(copies[g].Length, batch.Length);
            for (int i = 0; i < batch.Length; i++)
                for (int k = 0; k < 12; k++) Assert.Equal(copies[g][i].Flux[k], batch[i].Flux[k]);
        }
        Assert.False(mapped.ReadNext(batch));
        Assert.Equal(0, batch.Length);
        Assert.Throws<ArgumentException>(() => { mapped.Reset(); mapped.ReadNext(new ArrayEventElem.Batch(100)); });
    }

    [Fact]
    public void EmptyFile_HasNoBatches_AndTheRunnerSeesNoEvents()
    {
        string path = Path.Combine(_dir, "empty.numm");
        using (var writer = new ColumnarFileWriter(path, ArrayEventElem.Batch.Schema)) writer.Commit();
        using var file = ColumnarFileReader.Open(path);
        using var mapped = file.OpenMapped<ArrayEventElem.Batch>();
        Assert.Equal(0, mapped.BatchCount);
        Assert.False(mapped.TryNextView(out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => mapped.View(0));
        mapped.Reset();
        var r = AnalysisRunner.Run(new ElementMajorSelection.Kernel(), mapped, () => new ArrayEventElem.Batch(16));
        Assert.Equal(0, r.CutFlow.Passed[0]);
    }
}
