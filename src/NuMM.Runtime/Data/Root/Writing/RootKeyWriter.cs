using System;

namespace NuMM.Runtime.Data.Root.Writing;

/// <summary>TKey headers, TDirectory records and dates as ROOT 6 writes them in a file under 2 GiB (32-bit seek
/// pointers, key version 4; baskets use the 64-bit key version 1004 as ROOT 6 writes them too).</summary>
internal static class RootKeyWriter
{
    public const int SmallKeyVersion = 4, BasketKeyVersion = 1004;

    /// <summary>Bytes of the TBasket part that follows a basket's key header: version, fBufferSize, fNevBufSize, fNevBuf, fLast, flag.</summary>
    public const int BasketHeaderBytes = 2 + 4 + 4 + 4 + 4 + 1;

    /// <summary>The size of a TDirectory record (version 5 with room for 64-bit pointers, as ROOT reserves it).</summary>
    public const int DirectoryRecordBytes = 60;

    /// <summary>The key header length for the given class, name and title.</summary>
    public static int KeyLength(int version, string cls, string name, string title) =>
        18 + (version > 1000 ? 16 : 8) + RootWriteBuffer.TStringSize(cls) + RootWriteBuffer.TStringSize(name) + RootWriteBuffer.TStringSize(title);

    public static void Key(RootWriteBuffer w, int nbytes, int version, int objlen, uint datime, int keylen, int cycle,
        long seekKey, long seekPdir, string cls, string name, string title)
    {
        w.I32(nbytes);
        w.I16(version);
        w.I32(objlen);
        w.U32(datime);
        w.I16(keylen);
        w.I16(cycle);
        if (version > 1000) { w.I64(seekKey); w.I64(seekPdir); }
        else { w.I32(checked((int)seekKey)); w.I32(checked((int)seekPdir)); }
        w.TString(cls);
        w.TString(name);
        w.TString(title);
    }

    /// <summary>A TDirectory record (version 5): dates, the key list's and the name's sizes, the directory's own, its
    /// parent's and its key list's positions, a UUID and 12 spare bytes.</summary>
    public static void Directory(RootWriteBuffer w, uint datime, int nbytesKeys, int nbytesName, long seekDir, long seekParent, long seekKeys, ReadOnlySpan<byte> uuid)
    {
        w.I16(5);
        w.U32(datime);
        w.U32(datime);
        w.I32(nbytesKeys);
        w.I32(nbytesName);
        w.I32(checked((int)seekDir));
        w.I32(checked((int)seekParent));
        w.I32(checked((int)seekKeys));
        w.I16(1);                       // UUID version
        w.Bytes(uuid);
        w.Zeros(12);
    }

    /// <summary>ROOT's TDatime packing: (year − 1995) &lt;&lt; 26 | month &lt;&lt; 22 | day &lt;&lt; 17 | hour &lt;&lt; 12 | minute &lt;&lt; 6 | second.</summary>
    public static uint Datime(DateTime t) =>
        (uint)(Math.Max(0, t.Year - 1995) << 26 | t.Month << 22 | t.Day << 17 | t.Hour << 12 | t.Minute << 6 | t.Second);
}
