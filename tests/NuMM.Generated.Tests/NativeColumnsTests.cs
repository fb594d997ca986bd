using NuMM.Generated.Tests.Analyses;
using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Mapping;

namespace NuMM.Generated.Tests;

/// <summary>Batches that view caller-owned native memory (<see cref="NativeColumns"/>): the kernels compute exactly what
/// they compute over the same values in arrays, and misuse gets a clear error.</summary>
public class NativeColumnsTests
{
    private static ArrayEventElem.Batch Arrays(int n, int seed)
    {
        var rng = new Random(seed);
        var b = new ArrayEventElem.Batch(n);
        for (int i = 0; i < n; i++)
        {
            b.E[i] = (float)(9 * rng.NextDouble() - 0.5);
            b.W[i] = 0.2f + 1.8f * (float)rng.NextDouble();
            for (int k = 0; k < 12; k++) b.Flux[k * n + i] = 0.8f + 0.4f * (float)rng.NextDouble();
            for (int k = 0; k < 3; k++) b.Response[k * n + i] = rng.NextDouble();
            for (int k = 0; k < 5; k++) b.Flags[k * n + i] = rng.Next(2) == 1;
            for (int k = 0; k < 4; k++) b.Checked[k * n + i] = (float)rng.NextDouble();
        }
        b.Length = n;
        return b;
    }

    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    public void Kernels_OverNativeMemory_EqualOverArrays(int bits)
    {
        var arrays = Arrays(3001, seed: 21);
        using var native = new NativeColumns(ArrayEventElem.Batch.Schema, arrays.Capacity);
        for (int c = 0; c < arrays.Columns.Length; c++)
            ColumnTypes.Bytes(arrays, c, arrays.Columns[c].Type).CopyTo(native.Bytes(c));
        var view = ArrayEventElem.Batch.View(native.Memory(arrays.Length));
        Assert.True(view.IsView);
        var a = new ElementMajorFinalOnly.Kernel { MaxVectorBits = bits };
        var ra = a.CreateResult();
        var rv = a.CreateResult();
        a.Process(arrays, ra);
        a.Process(view, rv);
        VariationTests.AllIdentical(ra, rv, $"{bits} bits");
        var s = new ElementMajorSelection.Kernel();
        var sa = s.CreateResult();
        var sv = s.CreateResult();
        s.ProcessScalar(arrays, sa);
        s.ProcessScalar(view, sv);
        VariationTests.Identical(sa, sv, "scalar twin");
    }

    [Fact]
    public void Misuse_IsRefusedClearly()
    {
        var e = Assert.Throws<ArgumentException>(() => new NativeColumns(ArrayEventEm.Batch.Schema, 10));
        Assert.Contains("'Flux'", e.Message);
        Assert.Contains("event-major", e.Message);
        var native = new NativeColumns(ArrayEventElem.Batch.Schema, 10);
        Assert.Throws<InvalidOperationException>(() => native.Span<double>(0)); // E is float
        Assert.Throws<ArgumentException>(() => ArrayEvent.Batch.View(native.Memory(10))); // another schema
        Assert.Throws<ArgumentOutOfRangeException>(() => native.Memory(11));
        var view = ArrayEventElem.Batch.View(native.Memory(4));
        native.Span<float>(0)[2] = 7.5f;
        Assert.Equal(7.5f, view[2].E);
        Assert.Throws<InvalidOperationException>(() => view.E); // no array behind a view
        native.Dispose();
        Assert.Throws<ObjectDisposedException>(() => view[2]);
        Assert.Throws<ObjectDisposedException>(() => native.Span<float>(0));
    }
}
