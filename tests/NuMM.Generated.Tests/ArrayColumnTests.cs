using Inputs.ArrayColumns;
using NuMM.Runtime.Data;

namespace NuMM.Generated.Tests;

/// <summary>Generated batches with fixed-length array columns: element-major storage, the per-event view, Set,
/// finiteness checks, and a kernel over such a schema that reads only its scalar columns.</summary>
public class ArrayColumnTests
{
    private static UniverseEvent.Batch Filled(int capacity, int length)
    {
        var b = new UniverseEvent.Batch(capacity) { Length = length };
        for (int i = 0; i < capacity; i++)
        {
            b.E[i] = 0.25f * i;
            b.N[i] = i % 3;
            for (int k = 0; k < 100; k++) b.Flux[k * capacity + i] = 1000 * i + k;
            for (int k = 0; k < 3; k++) b.Vertex[k * capacity + i] = -(10.0 * i + k);
            b.Single[i] = 7 * i;
        }
        return b;
    }

    [Fact]
    public void Schema_ArrayColumns_DeclareTheirLength()
    {
        var s = UniverseEvent.Batch.Schema;
        Assert.Equal(["E", "Flux", "Vertex", "Single", "N"], s.Select(c => c.Name));
        Assert.Equal([1, 100, 3, 1, 1], s.Select(c => c.Length));
        Assert.Equal("FluxUniverse", s[1].Source);
        Assert.True(s[1].IsArray);
        Assert.False(s[3].IsArray); // Length 1 is stored exactly like a scalar
    }

    [Fact]
    public void Batch_ArrayStorage_IsCapacityTimesLength_ElementMajor()
    {
        var b = Filled(37, 37);
        Assert.Equal(37 * 100, b.Flux.Length);
        Assert.Equal(37 * 100, b.Column<float>(1).Length);
        Assert.Equal(37 * 3, b.Column<double>(2).Length);
        Assert.Equal(37, b.Column<float>(0).Length);
        // Element k of consecutive events is one contiguous run.
        Assert.Equal(Enumerable.Range(0, 37).Select(i => 1000f * i + 42), b.Column<float>(1).Slice(42 * 37, 37).ToArray());
    }

    [Fact]
    public void Event_ArrayColumn_IsAViewOfTheBatch()
    {
        var b = Filled(37, 20);
        var e = b[19];
        Assert.Equal(100, e.Flux.Length);
        Assert.Equal(19000f, e.Flux[0]);
        Assert.Equal(19099f, e.Flux[99]);
        Assert.Equal([-190.0, -191.0, -192.0], [e.Vertex[0], e.Vertex[1], e.Vertex[2]]);
        Assert.Equal(133, e.Single[0]);
        Assert.Throws<IndexOutOfRangeException>(() => e.Flux[100]);
        Assert.Throws<IndexOutOfRangeException>(() => e.Vertex[-1]);
        b.Flux[5 * 37 + 19] = -1f; // a view, not a copy
        Assert.Equal(-1f, e.Flux[5]);
    }

    [Fact]
    public void Set_CopiesEveryElement_AndRefusesAWrongLength()
    {
        var from = Filled(37, 37);
        var to = new UniverseEvent.Batch(8);
        to.Set(3, from[11]);
        for (int k = 0; k < 100; k++) Assert.Equal(11000f + k, to.Flux[k * 8 + 3]);
        for (int k = 0; k < 3; k++) Assert.Equal(-(110.0 + k), to.Vertex[k * 8 + 3]);
        Assert.Equal(2.75f, to.E[3]);

        var plain = new float[100];
        var ev = new UniverseEvent { E = 1f, Flux = new FixedArray<float>(plain, 0, 1, 99), Vertex = new FixedArray<double>(new double[3], 0, 1, 3), Single = new FixedArray<int>(new int[1], 0, 1, 1) };
        var ex = Assert.Throws<ArgumentException>(() => to.Set(0, ev));
        Assert.Contains("Column 'Flux' holds 100 values per event; the event's array has 99", ex.Message);
        Assert.Throws<ArgumentException>(() => to.Set(0, default)); // default arrays have length 0
    }

    [Fact]
    public void ValidateFinite_ArrayColumn_NamesValueAndRow()
    {
        var b = Filled(37, 30);
        b.ValidateFinite();
        b.Vertex[2 * 37 + 5] = double.NaN; // not declared finite
        b.ValidateFinite();
        b.Flux[99 * 37 + 31] = float.PositiveInfinity; // outside the valid rows
        b.ValidateFinite();
        b.Flux[64 * 37 + 29] = float.NaN;
        var ex = Assert.Throws<InvalidDataException>(b.ValidateFinite);
        Assert.Contains("Column 'Flux' (source 'FluxUniverse') of UniverseEvent is declared Finite but value 64 of row 29 of the batch holds NaN", ex.Message);
    }

    [Fact]
    public void Batch_TooLargeForOneArray_ClearError()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new UniverseEvent.Batch(int.MaxValue / 50));
        Assert.Contains("widest array column", ex.Message);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)]
    public void Kernel_SchemaWithArrays_MatchesHandCount(int bits)
    {
        var b = Filled(1000, 997);
        var kernel = new UniverseSelection.Kernel { MaxVectorBits = bits };
        var r = kernel.CreateResult();
        kernel.Process(b, r);
        var s = kernel.CreateResult();
        kernel.ProcessScalar(b, s);
        // By hand: E = i/4 > 1 ⇔ i ≥ 5; N ≥ 0 always; weight 0.5 + E.
        long pass = Enumerable.Range(0, 997).Count(i => 0.25f * i > 1f);
        double sumW = Enumerable.Range(0, 997).Where(i => 0.25f * i > 1f).Sum(i => 0.5 + 0.25f * i);
        Assert.Equal([997L, pass], r.CutFlow.Passed);
        Assert.Equal(r.CutFlow.Passed, s.CutFlow.Passed);
        Assert.Equal(sumW, r.CutFlow.SumW[1], 1e-9);
        Assert.Equal(sumW, s.CutFlow.SumW[1], 1e-9);
    }
}
