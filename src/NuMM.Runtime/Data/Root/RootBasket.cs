using System;
using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using NuMM.Runtime.Data.Root.Compression;

namespace NuMM.Runtime.Data.Root;

/// <summary>Where one basket of a branch lives and which entries it holds.</summary>
/// <param name="EntryStart">First entry (tree entry number).</param>
/// <param name="EntryStop">One past the last entry.</param>
/// <param name="Seek">File position of the basket's key, or 0 for a basket embedded in the TTree object.</param>
/// <param name="Bytes">Bytes on disk (key plus compressed data).</param>
/// <param name="Embedded">Index into the branch's embedded baskets, or −1.</param>
internal readonly record struct BasketInfo(long EntryStart, long EntryStop, long Seek, int Bytes, int Embedded)
{
    public int Entries => (int)(EntryStop - EntryStart);
}

/// <summary>A basket's uncompressed payload: entry data from <see cref="Start"/> for <see cref="Border"/> bytes, and
/// for variable-size entries the byte offset of each entry relative to <see cref="Start"/> (entries + 1 values).</summary>
internal sealed class DecodedBasket
{
    public required byte[] Data { get; init; }
    public required int Start { get; init; }
    public required int Border { get; init; }
    public required int Entries { get; init; }
    public int[]? Offsets { get; init; }
    /// <summary>Set when <see cref="Data"/> was rented from a pool: the caller returns it there once done with the basket.</summary>
    public byte[]? Rented { get; init; }
    public ReadOnlySpan<byte> Payload => Data.AsSpan(Start, Border);
}

/// <summary>Reads and decompresses baskets, and runs per-basket work in parallel with results placed by index.</summary>
internal static class BasketReader
{
    /// <summary>Loads basket <paramref name="info"/> of <paramref name="branch"/>; with a <paramref name="pool"/>, the file bytes and
    /// the decompressed data live in rented arrays (the data's is <see cref="DecodedBasket.Rented"/>), so reading many
    /// baskets allocates nothing for the collector to chase.</summary>
    public static DecodedBasket Load(RootFile file, BranchModel branch, string branchPath, BasketInfo info, int index, ArrayPool<byte>? pool = null)
    {
        if (info.Embedded >= 0)
        {
            var eb = branch.EmbeddedBaskets[info.Embedded];
            if (eb.NevBuf != info.Entries)
                throw new DataFormatException($"Embedded basket {index} holds {eb.NevBuf} entries; the branch's basket table expects {info.Entries}",
                    file.Path, branchPath, info.EntryStart, null);
            if (eb.OffsetsLeftOut && branch.EntryOffsetLen > 0 && eb.NevBuf > 0)
                throw new DataFormatException($"Embedded basket {index} has variable-size entries but ROOT left their offsets out (basket flag ≥ 80); NuMM does not regenerate them",
                    file.Path, branchPath, info.EntryStart, null);
            CheckOffsets(eb.Offsets, eb.Data.Length, file, branchPath, info, null);
            if (eb.Offsets is null && eb.NevBuf > eb.Data.Length)
                throw new DataFormatException($"Embedded basket {index} claims {eb.NevBuf} fixed-size entries in only {eb.Data.Length} data bytes", file.Path, branchPath, info.EntryStart, null);
            return new DecodedBasket { Data = eb.Data, Start = 0, Border = eb.Data.Length, Entries = eb.NevBuf, Offsets = eb.Offsets };
        }

        if (info.Bytes < 40)
            throw new DataFormatException($"Basket {index} is {info.Bytes} bytes on disk; expected at least a key header", file.Path, branchPath, info.EntryStart, info.Seek);
        var raw = pool is null ? file.ReadBytes(info.Seek, info.Bytes, branchPath) : file.ReadRented(info.Seek, info.Bytes, branchPath, pool);
        var b = new RootBuffer(raw, 0, info.Bytes, file.Path, branchPath, info.Seek, 0);
        int nbytes = b.I32();
        int keyVersion = b.I16();
        int objlen = b.I32();
        b.U32();
        int keylen = b.I16();
        b.I16();
        b.Skip(keyVersion > 1000 ? 16 : 8);
        string cls = b.TString();
        b.TString(); b.TString();
        b.I16();                        // TBasket version
        b.I32();                        // fBufferSize
        b.I32();                        // fNevBufSize
        int nevBuf = b.I32();
        int last = b.I32();
        b.U8();
        if (cls != "TBasket")
            throw new DataFormatException($"Key at basket {index} is a '{cls}'; expected 'TBasket'", file.Path, branchPath, info.EntryStart, info.Seek);
        if (nbytes != info.Bytes)
            throw new DataFormatException($"Basket {index} key says {nbytes} bytes; the branch's fBasketBytes says {info.Bytes}", file.Path, branchPath, info.EntryStart, info.Seek);
        if (b.Position != keylen)
            throw new DataFormatException($"Basket {index} key header is {b.Position} bytes; its fKeylen says {keylen}", file.Path, branchPath, info.EntryStart, info.Seek);
        if (nevBuf != info.Entries)
            throw new DataFormatException($"Basket {index} holds {nevBuf} entries; the branch's basket table expects {info.Entries} (entries {info.EntryStart}–{info.EntryStop - 1})",
                file.Path, branchPath, info.EntryStart, info.Seek);
        int border = last - keylen;
        if (objlen < 0 || border < 0 || border > objlen)
            throw new DataFormatException($"Basket {index} has fLast {last}, fKeylen {keylen}, fObjlen {objlen}; expected fKeylen ≤ fLast ≤ fKeylen + fObjlen",
                file.Path, branchPath, info.EntryStart, info.Seek);

        byte[] data;
        int start;
        int stored = nbytes - keylen;
        if (stored == objlen) { data = raw; start = keylen; }
        else if (pool is null) { data = RootDecompressor.Decompress(raw.AsSpan(keylen, stored), objlen, file.Path, branchPath, info.Seek + keylen); start = 0; }
        else
        {
            data = pool.Rent(objlen);
            RootDecompressor.DecompressInto(raw.AsSpan(keylen, stored), data.AsSpan(0, objlen), file.Path, branchPath, info.Seek + keylen);
            pool.Return(raw);
            start = 0;
        }

        int[]? offsets = null;
        if (border < objlen)
        {
            // Variable-size entries: after the data, an int32 count and one int32 start offset per entry
            // (measured from the start of the key, so fKeylen is subtracted).
            var ob = new RootBuffer(data, start + border, start + objlen, file.Path, branchPath, stored == objlen ? info.Seek + keylen + border : -1, 0);
            int n = ob.Count(4, "Basket entry offset");
            if (n < nevBuf)
                throw new DataFormatException($"Basket {index} offset array has {n} values; expected at least fNevBuf = {nevBuf}", file.Path, branchPath, info.EntryStart, info.Seek);
            offsets = new int[nevBuf + 1];
            for (int i = 0; i < nevBuf; i++) offsets[i] = ob.I32() - keylen;
            offsets[nevBuf] = border;
            CheckOffsets(offsets, border, file, branchPath, info, info.Seek);
        }
        if (offsets is null && nevBuf > border)
            throw new DataFormatException($"Basket {index} claims {nevBuf} fixed-size entries in only {border} data bytes", file.Path, branchPath, info.EntryStart, info.Seek);
        return new DecodedBasket { Data = data, Start = start, Border = border, Entries = nevBuf, Offsets = offsets, Rented = pool is null ? null : data };
    }

    private static void CheckOffsets(int[]? offsets, int border, RootFile file, string branchPath, BasketInfo info, long? seek)
    {
        if (offsets is null) return;
        int prev = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            int o = offsets[i];
            if (o < prev || o > border || (i == 0 && o != 0))
                throw new DataFormatException($"Entry offset {o} of entry {i} in the basket is out of order or outside its {border} data bytes",
                    file.Path, branchPath, info.EntryStart + Math.Min(i, info.Entries), seek);
            prev = o;
        }
    }

    /// <summary>Below this many stored (compressed) bytes of work, baskets are decoded on the calling thread: handing ~10 kB
    /// baskets to pool threads cost more than it saved in the measurements of docs/root-reader.md. The choice depends only
    /// on the file's layout, never on timing.</summary>
    public const long DefaultMinParallelBytes = 64 * 1024;

    /// <summary>The bytes a basket occupies on disk (or in the tree object, when embedded).</summary>
    public static long StoredBytes(BranchModel branch, BasketInfo info) =>
        info.Embedded >= 0 ? branch.EmbeddedBaskets[info.Embedded].Data.Length : info.Bytes;

    /// <summary>Runs <paramref name="body"/> for 0..count−1, in parallel when there are at least two items and
    /// <paramref name="workBytes"/> ≥ <paramref name="minParallelBytes"/>; if any fail, rethrows the failure of the lowest index
    /// (so the error reported does not depend on thread timing).</summary>
    public static void ForEach(int count, int maxDegreeOfParallelism, long workBytes, long minParallelBytes, Action<int> body)
    {
        if (count == 0) return;
        if (count == 1 || maxDegreeOfParallelism == 1 || workBytes < minParallelBytes)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        var errors = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            try { body(i); }
            catch (Exception e) { errors[i] = e; }
        });
        foreach (var e in errors) if (e is not null) ExceptionDispatchInfo.Capture(e).Throw();
    }
}
