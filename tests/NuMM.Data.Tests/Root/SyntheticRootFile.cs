using System.Buffers.Binary;
using System.Text;

namespace NuMM.Data.Tests.Root;

/// <summary>Writes a minimal ROOT file byte by byte, following ROOT's on-disk layout, for cases none of the real test
/// files contain: directories nested two deep, 64-bit seek pointers (large-file header, key version > 1000) and baskets
/// embedded in the TTree object (TBranch.fBaskets). The tree "dir/sub/t" has 5 entries in two branches:
/// <c>x/I</c> = 10, 20, 30 (disk basket) + 40, 50 (embedded) and <c>s/C</c> = "p", "qq", "" (disk, with an entry-offset
/// table) + "ab", "c" (embedded, with its offset array, basket flag 11, or 51 with a displacement array when asked); the
/// embedded basket of x has flag 12 (no offsets); a leaf-list branch <c>p</c> = "x/D:y/I:z/B" (entry e: 1.5·e, −7·e, e − 2)
/// with three entries on disk and two embedded; a fixed-size array branch <c>w[4]/F</c> holds <see cref="WValue"/>(i, k) =
/// 10 i + k (entries 0–2 on disk, 3–4 embedded) except value 2 of entry 3, which is NaN; a fifth branch "obj" is a
/// split-object TBranchElement. Because this writer encodes the same understanding of the format
/// as the reader, it checks structure and code paths; the real files check the understanding itself.</summary>
internal static class SyntheticRootFile
{
    private sealed class W
    {
        public readonly List<byte> B = new();
        public int Pos => B.Count;
        public void U8(int v) => B.Add((byte)v);
        public void I16(int v) { Span<byte> s = stackalloc byte[2]; BinaryPrimitives.WriteInt16BigEndian(s, (short)v); B.AddRange(s.ToArray()); }
        public void I32(long v) { Span<byte> s = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(s, (int)v); B.AddRange(s.ToArray()); }
        public void I64(long v) { Span<byte> s = stackalloc byte[8]; BinaryPrimitives.WriteInt64BigEndian(s, v); B.AddRange(s.ToArray()); }
        public void F64(double v) => I64(BitConverter.DoubleToInt64Bits(v));
        public void Str(string s) { U8(s.Length); B.AddRange(Encoding.ASCII.GetBytes(s)); }
        public void Raw(byte[] b) => B.AddRange(b);
        public void Seek(long v, bool large) { if (large) I64(v); else I32(v); }
        public void PatchI32(int at, int v) { var s = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(s, v); for (int i = 0; i < 4; i++) B[at + i] = s[i]; }
        public int Begin(int version) { int at = Pos; I32(0); I16(version); return at; }
        public void End(int at) => PatchI32(at, (Pos - at - 4) | 0x40000000);
    }

    private static int KeyLen(string cls, string name, string title, bool large, int extra = 0) =>
        18 + (large ? 16 : 8) + 3 + cls.Length + name.Length + title.Length + extra;

    private static void Key(W w, int nbytes, int objlen, int keylen, long seekKey, long seekPdir, string cls, string name, string title, bool large)
    {
        w.I32(nbytes); w.I16(large ? 1004 : 4); w.I32(objlen); w.I32(0x6A000000); w.I16(keylen); w.I16(1);
        w.Seek(seekKey, large); w.Seek(seekPdir, large);
        w.Str(cls); w.Str(name); w.Str(title);
    }

    private static byte[] DirectoryRecord(long seekDir, long seekParent, long seekKeys, int nbytesKeys, bool large)
    {
        var w = new W();
        w.I16(large ? 1005 : 5); w.I32(0); w.I32(0); w.I32(nbytesKeys); w.I32(0);
        w.Seek(seekDir, large); w.Seek(seekParent, large); w.Seek(seekKeys, large);
        w.I16(1); w.Raw(new byte[16]); // UUID
        if (!large) w.Raw(new byte[12]);
        return w.B.ToArray();
    }

    private record KeyInfo(string Cls, string Name, string Title, int Nbytes, int Objlen, int Keylen, long Seek);

    private static byte[] KeysList(IReadOnlyList<KeyInfo> keys, long at, long parent, bool large)
    {
        int keylen = KeyLen("TDirectory", "keys", "", large);
        var body = new W();
        body.I32(keys.Count);
        foreach (var k in keys) Key(body, k.Nbytes, k.Objlen, k.Keylen, k.Seek, parent, k.Cls, k.Name, k.Title, large);
        var w = new W();
        Key(w, keylen + body.Pos, body.Pos, keylen, at, parent, "TDirectory", "keys", "", large);
        w.Raw(body.B.ToArray());
        return w.B.ToArray();
    }

    private const int BasketTail = 2 + 4 + 4 + 4 + 4 + 1;

    /// <summary>Value k of entry i of branch "w".</summary>
    public static float WValue(int i, int k) => i == 3 && k == 2 ? float.NaN : 10 * i + k;

    private static byte[] WValues(int from, int to)
    {
        var d = new W();
        for (int i = from; i < to; i++) for (int k = 0; k < 4; k++) d.I32(BitConverter.SingleToInt32Bits(WValue(i, k)));
        return d.B.ToArray();
    }

    /// <summary>Entry e of the leaf list p: x = 1.5·e (double), y = −7·e (int32), z = e − 2 (int8).</summary>
    private static void LeafListEntry(W w, int e) { w.F64(1.5 * e); w.I32(-7 * e); w.U8((byte)(sbyte)(e - 2)); }

    public static byte[] Build(bool large, bool displacement = false)
    {
        var file = new W();
        const int begin = 100;
        // Layout: header | TFile key+name | top dir record | baskets | subdir keys | tree key | key lists.
        file.Raw(new byte[begin]);
        int fileKeylen = KeyLen("TFile", "synthetic.root", "", large);
        var fk = new W();
        Key(fk, 0, 0, fileKeylen, begin, 0, "TFile", "synthetic.root", "", large);
        fk.Str("synthetic.root"); fk.Str("");
        int nbytesName = fk.Pos;
        file.Raw(fk.B.ToArray());
        int topDirAt = file.Pos;
        int topDirLen = DirectoryRecord(0, 0, 0, 0, large).Length;
        file.Raw(new byte[topDirLen]); // patched at the end

        // Disk baskets: x = 10, 20, 30 (fixed size, no offsets); s = "p", "qq", "" (offset table after the data).
        int xKeylen = KeyLen("TBasket", "x", "t", large, BasketTail);
        long xSeek = file.Pos;
        var xd = new W(); xd.I32(10); xd.I32(20); xd.I32(30);
        var xb = new W();
        Key(xb, xKeylen + xd.Pos, xd.Pos, xKeylen, xSeek, begin, "TBasket", "x", "t", large);
        xb.I16(3); xb.I32(32000); xb.I32(4); xb.I32(3); xb.I32(xKeylen + xd.Pos); xb.U8(0);
        xb.Raw(xd.B.ToArray());
        file.Raw(xb.B.ToArray());
        int xBytes = xb.Pos;

        int sKeylen = KeyLen("TBasket", "s", "t", large, BasketTail);
        long sSeek = file.Pos;
        var sd = new W(); sd.Str("p"); sd.Str("qq"); sd.Str("");
        int sBorder = sd.Pos;
        sd.I32(4); sd.I32(sKeylen + 0); sd.I32(sKeylen + 2); sd.I32(sKeylen + 5); sd.I32(0);
        var sb = new W();
        Key(sb, sKeylen + sd.Pos, sd.Pos, sKeylen, sSeek, begin, "TBasket", "s", "t", large);
        sb.I16(3); sb.I32(32000); sb.I32(0); sb.I32(3); sb.I32(sKeylen + sBorder); sb.U8(0);
        sb.Raw(sd.B.ToArray());
        file.Raw(sb.B.ToArray());
        int sBytes = sb.Pos;

        // Leaf list p = "x/D:y/I:z/B": 13 bytes per entry, entries 0–2 on disk, 3–4 embedded.
        int pKeylen = KeyLen("TBasket", "p", "t", large, BasketTail);
        long pSeek = file.Pos;
        var pd = new W();
        for (int e = 0; e < 3; e++) LeafListEntry(pd, e);
        var pb = new W();
        Key(pb, pKeylen + pd.Pos, pd.Pos, pKeylen, pSeek, begin, "TBasket", "p", "t", large);
        pb.I16(3); pb.I32(32000); pb.I32(0); pb.I32(3); pb.I32(pKeylen + pd.Pos); pb.U8(0);
        pb.Raw(pd.B.ToArray());
        file.Raw(pb.B.ToArray());
        int pBytes = pb.Pos;

        int wKeylen = KeyLen("TBasket", "w", "t", large, BasketTail);
        long wSeek = file.Pos;
        var wd = WValues(0, 3);
        var wb = new W();
        Key(wb, wKeylen + wd.Length, wd.Length, wKeylen, wSeek, begin, "TBasket", "w", "t", large);
        wb.I16(3); wb.I32(32000); wb.I32(16); wb.I32(3); wb.I32(wKeylen + wd.Length); wb.U8(0);
        wb.Raw(wd);
        file.Raw(wb.B.ToArray());
        int wBytes = wb.Pos;

        // Directory records for "dir" and "sub" are written as the data of their keys; their key lists come later.
        int dirKeylen = KeyLen("TDirectoryFile", "dir", "dir", large);
        int subKeylen = KeyLen("TDirectoryFile", "sub", "sub", large);
        long dirKeyAt = file.Pos;
        file.Raw(new byte[dirKeylen + topDirLen]);
        long subKeyAt = file.Pos;
        file.Raw(new byte[subKeylen + topDirLen]);

        // The TTree object, uncompressed.
        int treeKeylen = KeyLen("TTree", "t", "synthetic", large);
        long treeKeyAt = file.Pos;
        var tree = TreeObject(treeKeylen, large, xSeek, xBytes, sSeek, sBytes, pSeek, pBytes, wSeek, wBytes, displacement);
        var tk = new W();
        Key(tk, treeKeylen + tree.Length, tree.Length, treeKeylen, treeKeyAt, subKeyAt, "TTree", "t", "synthetic", large);
        tk.Raw(tree);
        file.Raw(tk.B.ToArray());

        // Key lists: sub holds t; dir holds sub; top holds dir.
        long subKeysAt = file.Pos;
        var subKeys = KeysList([new KeyInfo("TTree", "t", "synthetic", treeKeylen + tree.Length, tree.Length, treeKeylen, treeKeyAt)], subKeysAt, subKeyAt, large);
        file.Raw(subKeys);
        long dirKeysAt = file.Pos;
        var dirKeys = KeysList([new KeyInfo("TDirectoryFile", "sub", "sub", subKeylen + topDirLen, topDirLen, subKeylen, subKeyAt)], dirKeysAt, dirKeyAt, large);
        file.Raw(dirKeys);
        long topKeysAt = file.Pos;
        var topKeys = KeysList([new KeyInfo("TDirectoryFile", "dir", "dir", dirKeylen + topDirLen, topDirLen, dirKeylen, dirKeyAt)], topKeysAt, begin, large);
        file.Raw(topKeys);
        long end = file.Pos;

        var bytes = file.B.ToArray();
        void Put(long at, byte[] data) => data.CopyTo(bytes, at);
        var dk = new W();
        Key(dk, dirKeylen + topDirLen, topDirLen, dirKeylen, dirKeyAt, begin, "TDirectoryFile", "dir", "dir", large);
        dk.Raw(DirectoryRecord(dirKeyAt, begin, dirKeysAt, dirKeys.Length, large));
        Put(dirKeyAt, dk.B.ToArray());
        var sk = new W();
        Key(sk, subKeylen + topDirLen, topDirLen, subKeylen, subKeyAt, dirKeyAt, "TDirectoryFile", "sub", "sub", large);
        sk.Raw(DirectoryRecord(subKeyAt, dirKeyAt, subKeysAt, subKeys.Length, large));
        Put(subKeyAt, sk.B.ToArray());
        Put(topDirAt, DirectoryRecord(begin, 0, topKeysAt, topKeys.Length, large));

        var h = new W();
        h.Raw("root"u8.ToArray());
        h.I32(large ? 1062206 : 62206); h.I32(begin);
        if (large) { h.I64(end); h.I64(0); h.I32(0); h.I32(0); h.I32(nbytesName); h.U8(8); h.I32(0); h.I64(0); h.I32(0); }
        else { h.I32(end); h.I32(0); h.I32(0); h.I32(0); h.I32(nbytesName); h.U8(4); h.I32(0); h.I32(0); h.I32(0); }
        Put(0, h.B.ToArray());
        return bytes;
    }

    private static byte[] TreeObject(int keylen, bool large, long xSeek, int xBytes, long sSeek, int sBytes, long pSeek, int pBytes, long wSeek, int wBytes, bool displacement)
    {
        var w = new W();
        var classTags = new Dictionary<string, long>();
        // Displacements are measured from the start of the key, so buffer position p has displacement keylen + p.
        void Pointer(string cls, Action body)
        {
            int beg = w.Pos;
            w.I32(0);
            if (classTags.TryGetValue(cls, out long tag)) w.I32((int)(0x80000000u | (uint)tag));
            else
            {
                classTags[cls] = keylen + w.Pos + 2;
                w.I32(-1);
                w.Raw(Encoding.ASCII.GetBytes(cls)); w.U8(0);
            }
            body();
            w.PatchI32(beg, (w.Pos - beg - 4) | 0x40000000);
        }
        void TObject() { w.I16(1); w.I32(0); w.I32(0x03000000); }
        void TNamed(string n, string t) { int a = w.Begin(1); TObject(); w.Str(n); w.Str(t); w.End(a); }
        void ObjArray(params Action?[] items)
        {
            int a = w.Begin(3); TObject(); w.Str(""); w.I32(items.Length); w.I32(0);
            foreach (var it in items) { if (it is null) w.I32(0); else it(); }
            w.End(a);
        }
        void Leaf(string cls, string name, string title, int lenType, int offset = 0, int len = 1)
        {
            int a = w.Begin(1);
            int l = w.Begin(2); TNamed(name, title); w.I32(len); w.I32(lenType); w.I32(offset); w.U8(0); w.U8(0); w.I32(0); w.End(l);
            w.I32(0); w.I32(0);
            w.End(a);
        }
        void EmbeddedBasket(string name, int nev, byte[] data, int[]? offsets)
        {
            int kl = KeyLen("TBasket", name, "t", large, BasketTail);
            w.I32(kl); w.I16(large ? 1004 : 4); w.I32(0); w.I32(0); w.I16(kl); w.I16(1); w.Seek(0, large); w.Seek(0, large);
            w.Str("TBasket"); w.Str(name); w.Str("t");
            // TBasket::Streamer's flag: 1 with an entry-offset array, 2 without; +10 because the buffer follows (the
            // basket lives in the tree); +40 when a displacement array follows the offsets.
            bool disp = displacement && offsets is not null;
            w.I16(3); w.I32(32000); w.I32(offsets is null ? 4 : 0); w.I32(nev); w.I32(kl + data.Length); w.U8((offsets is null ? 12 : 11) + (disp ? 40 : 0));
            if (offsets is not null) { w.I32(offsets.Length); foreach (var o in offsets) w.I32(kl + o); }
            if (disp) { w.I32(offsets!.Length); foreach (var o in offsets!) w.I32(kl + o); }
            w.Raw(new byte[kl]); // the buffer starts with a copy of the key
            w.Raw(data);
        }
        void Branch(string name, string title, long seek, int bytes, Action leaf, Action basket, params Action[] moreLeaves)
        {
            int a = w.Begin(13);
            TNamed(name, title);
            int f = w.Begin(2); w.I16(0); w.I16(1001); w.End(f);
            w.I32(0); w.I32(32000); w.I32(0); w.I32(1); w.I64(5);
            int io = w.Begin(1); w.U8(0); w.End(io);
            w.I32(0); w.I32(10); w.I32(0); w.I64(5); w.I64(0); w.I64(0); w.I64(0);
            ObjArray();
            ObjArray([leaf, .. moreLeaves]);
            ObjArray(null, basket);
            w.U8(1); w.I32(bytes); for (int i = 1; i < 10; i++) w.I32(0);
            w.U8(1); w.I64(0); w.I64(3); for (int i = 2; i < 10; i++) w.I64(0);
            w.U8(1); w.I64(seek); for (int i = 1; i < 10; i++) w.I64(0);
            w.Str("");
            w.End(a);
        }

        int t = w.Begin(20);
        TNamed("t", "synthetic");
        int al = w.Begin(2); w.I16(1); w.I16(1); w.I16(1); w.End(al);
        int af = w.Begin(2); w.I16(0); w.I16(1001); w.End(af);
        int am = w.Begin(2); w.I16(1); w.I16(1); w.I32(0x3F800000); w.End(am);
        w.I64(5); w.I64(0); w.I64(0); w.I64(0); w.I64(0); w.F64(1); w.I32(0); w.I32(25); w.I32(0); w.I32(1000); w.I32(0);
        w.I64(long.MaxValue); w.I64(long.MaxValue); w.I64(0); w.I64(-300000000); w.I64(-30000000); w.I64(1000000);
        w.U8(1); w.U8(1);
        int iof = w.Begin(1); w.U8(0); w.End(iof);
        ObjArray(
            () => Pointer("TBranch", () => Branch("x", "x/I", xSeek, xBytes,
                () => Pointer("TLeafI", () => Leaf("TLeafI", "x", "x", 4)),
                () => Pointer("TBasket", () => EmbeddedBasket("x", 2, [0, 0, 0, 40, 0, 0, 0, 50], null)))),
            () => Pointer("TBranch", () => Branch("s", "s/C", sSeek, sBytes,
                () => Pointer("TLeafC", () => Leaf("TLeafC", "s", "s", 1)),
                () => Pointer("TBasket", () => EmbeddedBasket("s", 2, [2, (byte)'a', (byte)'b', 1, (byte)'c'], [0, 3])))),
            () => Pointer("TBranch", () => Branch("p", "x/D:y/I:z/B", pSeek, pBytes,
                () => Pointer("TLeafD", () => Leaf("TLeafD", "x", "x", 8, 0)),
                () => Pointer("TBasket", () =>
                {
                    var ed = new W();
                    LeafListEntry(ed, 3); LeafListEntry(ed, 4);
                    EmbeddedBasket("p", 2, ed.B.ToArray(), null);
                }),
                () => Pointer("TLeafI", () => Leaf("TLeafI", "y", "y", 4, 8)),
                () => Pointer("TLeafB", () => Leaf("TLeafB", "z", "z", 1, 12)))),
            () => Pointer("TBranch", () => Branch("w", "w[4]/F", wSeek, wBytes,
                () => Pointer("TLeafF", () => Leaf("TLeafF", "w", "w[4]", 4, len: 4)),
                () => Pointer("TBasket", () => EmbeddedBasket("w", 2, WValues(3, 5), null)))),
            // A split-object branch, as ROOT writes for a class member: listed, refused on read.
            () => Pointer("TBranchElement", () =>
            {
                int e = w.Begin(10);
                Branch("obj", "obj", xSeek, xBytes, () => Pointer("TLeafI", () => Leaf("TLeafI", "obj", "obj", 4)),
                    () => Pointer("TBasket", () => EmbeddedBasket("obj", 2, [0, 0, 0, 1, 0, 0, 0, 2], null)));
                w.Str("MyEvent"); w.Str(""); w.Str(""); w.I32(0x12345678); w.I16(3); w.I32(-1); w.I32(0); w.I32(-1); w.I32(0);
                w.I32(0); w.I32(0);
                w.End(e);
            }));
        ObjArray();   // fLeaves (not read)
        w.I32(0);     // fAliases
        w.End(t);
        return w.B.ToArray();
    }
}
