using System.Collections.Generic;

namespace NuMM.Runtime.Data.Root;

/// <summary>A TLeaf as streamed in the tree metadata (only what reading needs).</summary>
internal sealed class LeafModel
{
    public required string ClassName { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    /// <summary>Elements per entry (or per counted item): the product of fixed dimensions.</summary>
    public int Len { get; init; }
    /// <summary>Bytes per element.</summary>
    public int LenType { get; init; }
    public bool IsUnsigned { get; init; }
    /// <summary>The leaf holding the per-entry count of a jagged array, or null.</summary>
    public LeafModel? LeafCount { get; init; }
    public int Version { get; init; }
}

/// <summary>A basket stored inside the TTree object (TBranch.fBaskets) rather than as its own key.</summary>
internal sealed class EmbeddedBasket
{
    public required int Keylen { get; init; }
    public required int NevBuf { get; init; }
    public required int NevBufSize { get; init; }
    public required int Last { get; init; }
    /// <summary>The data bytes (border = fLast − fKeylen of them).</summary>
    public required byte[] Data { get; init; }
    /// <summary>Entry start offsets into <see cref="Data"/> (NevBuf + 1 values), or null for fixed-size entries.</summary>
    public int[]? Offsets { get; init; }
    /// <summary>True when ROOT left the entry offsets out for the reader to regenerate (basket flag ≥ 80).</summary>
    public bool OffsetsLeftOut { get; init; }
}

/// <summary>A TBranch (or subclass) as streamed in the tree metadata.</summary>
internal sealed class BranchModel
{
    public required string ClassName { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public int Version { get; init; }
    public int EntryOffsetLen { get; init; }
    public int WriteBasket { get; init; }
    public long Entries { get; init; }
    public List<BranchModel> Branches { get; } = new();
    public List<LeafModel> Leaves { get; } = new();
    public List<EmbeddedBasket> EmbeddedBaskets { get; } = new();
    public int[] BasketBytes { get; init; } = [];
    public long[] BasketEntry { get; init; } = [];
    public long[] BasketSeek { get; init; } = [];
    public string FileName { get; init; } = "";
    /// <summary>Set for split-object branches (TBranchElement, TBranchObject): the streamed class name.</summary>
    public string? ObjectClassName { get; init; }
}

/// <summary>A TTree as streamed.</summary>
internal sealed class TreeModel
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required int Version { get; init; }
    public required long Entries { get; init; }
    public List<BranchModel> Branches { get; } = new();
}

/// <summary>An object of a class the reader skips (named for messages).</summary>
internal sealed record SkippedObject(string ClassName);
