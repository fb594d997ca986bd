using System;
using NuMM.Runtime.Data.Root.Compression;

namespace NuMM.Runtime.Data.Root.Writing;

/// <summary>How <see cref="RootTreeWriter"/> lays out and compresses a tree.</summary>
public sealed class RootWriteOptions
{
    private int _entriesPerBasket = 32_768;
    private int _level = -1;

    /// <summary>The compression algorithm of every basket and metadata record; default zlib (ROOT's default).</summary>
    public RootCompressionAlgorithm Compression { get; set; } = RootCompressionAlgorithm.Zlib;

    /// <summary>The compression level, 1–9 (0 stores uncompressed); −1 (the default) picks ROOT's recommended setting for
    /// the algorithm: zlib 1, LZ4 4, ZSTD 5 (ROOT's 101, 404 and 505).</summary>
    public int CompressionLevel
    {
        get => _level;
        set
        {
            if (value < -1 || value > 9) throw new ArgumentOutOfRangeException(nameof(value), value, "The compression level is 1–9, 0 for none or −1 for the algorithm's default.");
            _level = value;
        }
    }

    /// <summary>Entries (events) per basket; every branch starts a new basket at the same entries, so each cluster
    /// (ROOT's fAutoFlush) holds exactly this many entries (the last one the rest). Default 32,768.</summary>
    public int EntriesPerBasket
    {
        get => _entriesPerBasket;
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), value, "A basket holds at least one entry.");
            _entriesPerBasket = value;
        }
    }

    /// <summary>The tree's title (ROOT's TNamed title); default empty.</summary>
    public string TreeTitle { get; set; } = "";

    /// <summary>The level actually used: <see cref="CompressionLevel"/>, or the algorithm's default when it is −1.</summary>
    internal int EffectiveLevel => Compression == RootCompressionAlgorithm.None ? 0 : _level >= 0 ? _level : Compression switch
    {
        RootCompressionAlgorithm.Lz4 => 4,
        RootCompressionAlgorithm.Zstd => 5,
        _ => 1,
    };
}
