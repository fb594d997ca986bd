using NuMM.Runtime.Data;
using NuMM.Runtime.Data.Batches;
using NuMM.Runtime.Data.Sources;

namespace NuMM.Data.Tests.Sources;

/// <summary>Copying batches whose capacities differ moves each value's run of an array column to its own stride.</summary>
public class BatchCopyArrayTests
{
    private static readonly ColumnInfo[] Schema = [new("E", ColumnType.Single, "", "E", false), new("w", ColumnType.Int32, "", "w", false, 4)];

    [Fact]
    public void Copy_ArrayColumn_BetweenCapacities_KeepsEveryValue()
    {
        var from = new DynamicColumnBatch(Schema, 10) { Length = 6 };
        for (int i = 0; i < 10; i++)
        {
            from.Column<float>(0)[i] = i;
            for (int k = 0; k < 4; k++) from.Column<int>(1)[k * 10 + i] = 100 * k + i;
        }
        var to = new DynamicColumnBatch(Schema, 7);
        BatchCopy.Copy(from, to);
        Assert.Equal(6, to.Length);
        for (int i = 0; i < 6; i++)
            for (int k = 0; k < 4; k++) Assert.Equal(100 * k + i, to.Column<int>(1)[k * 7 + i]);
    }

    [Fact]
    public void Copy_LengthsDiffer_ErrorNamesColumn()
    {
        var from = new DynamicColumnBatch(Schema, 4) { Length = 1 };
        var to = new DynamicColumnBatch([Schema[0], Schema[1] with { Length = 3 }], 4);
        var e = Assert.Throws<ArgumentException>(() => BatchCopy.Copy(from, to));
        Assert.Contains("Column 'w' holds 4 values per event in the source batch but 3 in the destination", e.Message);
    }

    [Fact]
    public void DynamicBatch_ArrayColumn_StorageAndLimits()
    {
        var b = new DynamicColumnBatch(Schema, 9);
        Assert.Equal(36, b.Column<int>(1).Length);
        Assert.Equal(36 * 4, b.ColumnBytes(1).Length);
        Assert.Throws<ArgumentException>(() => new DynamicColumnBatch([Schema[1] with { Length = 0 }], 9));
        Assert.Throws<ArgumentException>(() => new DynamicColumnBatch([Schema[1] with { Length = ColumnInfo.MaxLength + 1 }], 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DynamicColumnBatch([Schema[1] with { Length = ColumnInfo.MaxLength }], int.MaxValue / 1000));
    }
}
