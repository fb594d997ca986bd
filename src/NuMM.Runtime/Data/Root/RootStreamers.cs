using System;
using System.Collections.Generic;

namespace NuMM.Runtime.Data.Root;

/// <summary>Reads the streamed TTree metadata (TTree, TBranch, TLeaf*, TObjArray, embedded TBasket) with the
/// member layouts of the class versions ROOT 5.2x–6.3x write (TTree 16–20, TBranch 10–13, TLeaf 2). Every
/// versioned record carries a byte count, so members added after the ones read here are skipped by it; object
/// pointers follow ROOT's ReadObjectAny protocol (new-class tags, class and object references by displacement).</summary>
internal sealed class RootStreamers
{
    private const uint ByteCountMask = 0x40000000;
    private const uint ClassMask = 0x80000000;
    private const uint NewClassTag = 0xFFFFFFFF;
    private const int MapOffset = 2;
    private const uint IsReferenced = 1u << 4;
    private const int MaxDepth = 64;

    private readonly RootBuffer _b;
    private readonly Dictionary<long, object> _refs = new();
    private int _depth;

    public RootStreamers(RootBuffer buffer) => _b = buffer;

    /// <summary>Reads a version header; returns the version and the array index where the record ends (−1 when the record has no byte count).</summary>
    private (int Version, int End) Header(string what)
    {
        int start = _b.Position;
        uint bcnt = _b.U32();
        if ((bcnt & ByteCountMask) != 0)
        {
            long count = bcnt & ~ByteCountMask;
            long end = (long)_b.Position + count;
            if (count < 2 || end > _b.End)
            {
                _b.Position = start;
                throw _b.Error($"{what}: byte count {count} runs past the end of the record ({_b.End - start - 4} bytes left)");
            }
            int v = _b.I16();
            return (v, (int)end);
        }
        _b.Position = start;
        return (_b.I16(), -1);
    }

    private void EndAt(int end, string what)
    {
        if (end < 0) return;
        if (_b.Position > end) throw _b.Error($"{what} read past its byte count (ends at {end}, cursor at {_b.Position})");
        _b.Seek(end);
    }

    private void SkipVersioned(string what)
    {
        var (_, end) = Header(what);
        if (end < 0) throw _b.Error($"{what} has no byte count, so it cannot be skipped");
        _b.Seek(end);
    }

    private void TObject()
    {
        var (_, end) = Header("TObject");
        _b.U32(); // fUniqueID
        uint bits = _b.U32();
        if ((bits & IsReferenced) != 0) _b.Skip(2);
        EndAt(end, "TObject");
    }

    private (string Name, string Title) TNamed()
    {
        var (_, end) = Header("TNamed");
        TObject();
        string name = _b.TString();
        string title = _b.TString();
        EndAt(end, "TNamed");
        return (name, title);
    }

    /// <summary>Reads a TObjArray member and returns its elements (null for null pointers).</summary>
    private List<object?> TObjArray()
    {
        var (v, end) = Header("TObjArray");
        if (v > 2) TObject();
        if (v > 1) _b.TString();
        int n = _b.Count(4, "TObjArray element");
        _b.I32(); // fLowerBound
        var list = new List<object?>(Math.Min(n, 1024));
        for (int i = 0; i < n; i++) list.Add(ReadObjectAny());
        EndAt(end, "TObjArray");
        return list;
    }

    /// <summary>ROOT's TBufferFile::ReadObjectAny: a pointer to an object that may be new, a reference, or null.</summary>
    private object? ReadObjectAny()
    {
        if (++_depth > MaxDepth) throw _b.Error($"Objects nest deeper than {MaxDepth} levels; expected a flat tree");
        try
        {
            long beg = _b.Displacement;
            int begPos = _b.Position;
            uint bcnt = _b.U32();
            uint tag;
            int end = -1;
            bool hasCount;
            long start;
            if ((bcnt & ByteCountMask) == 0 || bcnt == NewClassTag)
            {
                hasCount = false;
                tag = bcnt;
                start = 0;
            }
            else
            {
                hasCount = true;
                long count = bcnt & ~ByteCountMask;
                if (begPos + 4 + count > _b.End) throw _b.Error($"Object byte count {count} runs past the end of the record");
                end = (int)(begPos + 4 + count);
                start = _b.Displacement;
                tag = _b.U32();
            }

            if ((tag & ClassMask) == 0)
            {
                if (tag == 0) return null;
                if (_refs.TryGetValue(tag, out var obj) && obj is not ClassTag) return obj;
                // Unknown reference: skip the record when its length is known (as ROOT does), else fail.
                if (hasCount) { _b.Seek(end); return null; }
                throw _b.Error($"Object reference {tag} does not point to an object read earlier");
            }

            string className;
            if (tag == NewClassTag)
            {
                className = _b.CString();
                var ct = new ClassTag(className);
                _refs[hasCount ? start + MapOffset : _refs.Count + 1] = ct;
            }
            else
            {
                long r = tag & ~ClassMask;
                if (!_refs.TryGetValue(r, out var c) || c is not ClassTag ct)
                    throw _b.Error($"Class reference {r} does not point to a class name read earlier");
                className = ct.Name;
            }

            object result = ReadObject(className, end);
            _refs[hasCount ? beg + MapOffset : _refs.Count + 1] = result;
            if (end >= 0) EndAt(end, className);
            return result;
        }
        finally
        {
            _depth--;
        }
    }

    private sealed record ClassTag(string Name);

    private object ReadObject(string className, int end)
    {
        if (className == "TBranch") return Branch(className);
        if (className is "TBranchElement" or "TBranchObject" or "TBranchSTL" or "TBranchClones") return ObjectBranch(className);
        if (className.StartsWith("TLeaf", StringComparison.Ordinal)) return Leaf(className);
        if (className == "TBasket") return Basket(end);
        if (className is "TObjArray") { TObjArray(); return new SkippedObject(className); }
        if (end >= 0) { _b.Seek(end); return new SkippedObject(className); }
        SkipVersioned(className);
        return new SkippedObject(className);
    }

    /// <summary>Reads a TTree record (the object data of a TTree, TNtuple or TNtupleD key).</summary>
    public TreeModel Tree(string className)
    {
        if (className is "TNtuple" or "TNtupleD")
        {
            var (_, end) = Header(className);
            var inner = Tree("TTree");
            EndAt(end, className);
            return inner;
        }
        var (v, treeEnd) = Header("TTree");
        if (v < 16 || v > 20)
            throw _b.Error($"TTree class version {v} is not supported; expected 16–20 (written by ROOT 5.2x–6.3x)");
        var (name, title) = TNamed();
        _b.ObjectName = name;
        SkipVersioned("TAttLine");
        SkipVersioned("TAttFill");
        SkipVersioned("TAttMarker");
        long entries = _b.I64();
        if (entries < 0) throw _b.Error($"TTree fEntries is {entries}; expected ≥ 0");
        _b.Skip(8 * 3);                 // fTotBytes, fZipBytes, fSavedBytes
        if (v >= 18) _b.Skip(8);        // fFlushedBytes
        _b.Skip(8 + 4 * 3);             // fWeight, fTimerInterval, fScanField, fUpdate
        if (v >= 17) _b.Skip(4);        // fDefaultEntryOffsetLen
        int nClusterRange = 0;
        if (v >= 19) nClusterRange = _b.I32();
        _b.Skip(8 * 4);                 // fMaxEntries, fMaxEntryLoop, fMaxVirtualSize, fAutoSave
        if (v >= 18) _b.Skip(8);        // fAutoFlush
        _b.Skip(8);                     // fEstimate
        if (v >= 19)
        {
            _b.CheckCount(nClusterRange, 16, "fNClusterRange");
            for (int k = 0; k < 2; k++)  // fClusterRangeEnd, fClusterSize
            {
                if (_b.U8() != 0) _b.Skip(8 * nClusterRange);
            }
        }
        if (v >= 20) SkipVersioned("fIOFeatures");
        var tree = new TreeModel { Name = name, Title = title, Version = v, Entries = entries };
        foreach (var o in TObjArray())
        {
            if (o is BranchModel br) tree.Branches.Add(br);
            else if (o is not null) throw _b.Error($"TTree fBranches holds a {((o as SkippedObject)?.ClassName ?? o.GetType().Name)}; expected TBranch objects");
        }
        // fLeaves, fAliases, fIndexValues, fIndex, fTreeIndex, fFriends, fUserInfo, fBranchRef: not needed.
        if (treeEnd >= 0) _b.Seek(treeEnd);
        return tree;
    }

    private BranchModel Branch(string className, string? objectClass = null)
    {
        var (v, end) = Header(className);
        if (v < 10 || v > 13)
            throw _b.Error($"TBranch class version {v} is not supported; expected 10–13 (written by ROOT 5.2x–6.3x)");
        var (name, title) = TNamed();
        string outer = _b.ObjectName;
        _b.ObjectName = name;
        SkipVersioned("TAttFill");
        _b.I32();                       // fCompress
        _b.I32();                       // fBasketSize
        int entryOffsetLen = _b.I32();
        int writeBasket = _b.I32();
        _b.I64();                       // fEntryNumber
        if (v >= 13) SkipVersioned("fIOFeatures");
        _b.I32();                       // fOffset
        int maxBaskets = _b.I32();
        _b.I32();                       // fSplitLevel
        long entries = _b.I64();
        if (v >= 11) _b.I64();          // fFirstEntry
        _b.Skip(16);                    // fTotBytes, fZipBytes
        if (entries < 0) throw _b.Error($"Branch fEntries is {entries}; expected ≥ 0");
        if (writeBasket < 0 || writeBasket > maxBaskets)
            throw _b.Error($"Branch fWriteBasket {writeBasket} outside [0, fMaxBaskets = {maxBaskets}]");

        var sub = TObjArray();
        var leaves = TObjArray();
        var baskets = TObjArray();
        _b.CheckCount(maxBaskets, 20, "fMaxBaskets");
        var basketBytes = new int[maxBaskets];
        var basketEntry = new long[maxBaskets];
        var basketSeek = new long[maxBaskets];
        if (_b.U8() != 0) for (int i = 0; i < maxBaskets; i++) basketBytes[i] = _b.I32();
        if (_b.U8() != 0) for (int i = 0; i < maxBaskets; i++) basketEntry[i] = _b.I64();
        if (_b.U8() != 0) for (int i = 0; i < maxBaskets; i++) basketSeek[i] = _b.I64();
        string fileName = _b.Position < (end < 0 ? _b.End : end) ? _b.TString() : "";
        EndAt(end, "TBranch");

        var model = new BranchModel
        {
            ClassName = className, Name = name, Title = title, Version = v, EntryOffsetLen = entryOffsetLen,
            WriteBasket = writeBasket, Entries = entries, BasketBytes = basketBytes, BasketEntry = basketEntry,
            BasketSeek = basketSeek, FileName = fileName, ObjectClassName = objectClass,
        };
        foreach (var o in sub) if (o is BranchModel b) model.Branches.Add(b);
        foreach (var o in leaves) if (o is LeafModel l) model.Leaves.Add(l);
        foreach (var o in baskets) if (o is EmbeddedBasket eb) model.EmbeddedBaskets.Add(eb);
        _b.ObjectName = outer;
        return model;
    }

    /// <summary>TBranchElement and friends: read the TBranch base (name, sub-branches) and skip the rest.</summary>
    private BranchModel ObjectBranch(string className)
    {
        var (_, end) = Header(className);
        var b = Branch("TBranch", className);
        string cls = className;
        if (end >= 0 && _b.Position < end)
        {
            try { cls = $"{className} of class '{_b.TString()}'"; } catch (DataFormatException) { }
        }
        if (end < 0) throw _b.Error($"{className} has no byte count, so it cannot be skipped");
        _b.Seek(end);
        var model = new BranchModel
        {
            ClassName = className, Name = b.Name, Title = b.Title, Version = b.Version, EntryOffsetLen = b.EntryOffsetLen,
            WriteBasket = b.WriteBasket, Entries = b.Entries, BasketBytes = b.BasketBytes, BasketEntry = b.BasketEntry,
            BasketSeek = b.BasketSeek, FileName = b.FileName, ObjectClassName = cls,
        };
        model.Branches.AddRange(b.Branches);
        model.Leaves.AddRange(b.Leaves);
        return model;
    }

    private LeafModel Leaf(string className)
    {
        var (_, end) = Header(className);
        var (lv, leafEnd) = Header("TLeaf");
        var (name, title) = TNamed();
        int len = _b.I32();
        int lenType = _b.I32();
        _b.I32();                       // fOffset
        _b.U8();                        // fIsRange
        bool unsigned = _b.U8() != 0;
        var count = ReadObjectAny() as LeafModel;
        EndAt(leafEnd, "TLeaf");
        if (end >= 0) _b.Seek(end);
        if (len < 0 || lenType < 0) throw _b.Error($"Leaf '{name}' has fLen {len}, fLenType {lenType}; expected non-negative sizes");
        return new LeafModel
        {
            ClassName = className, Name = name, Title = title, Len = len, LenType = lenType,
            IsUnsigned = unsigned, LeafCount = count, Version = lv,
        };
    }

    private object Basket(int end)
    {
        int keyStart = _b.Position;
        _b.I32();                       // fNbytes
        int keyVersion = _b.I16();
        _b.I32();                       // fObjlen
        _b.U32();                       // fDatime
        int keylen = _b.I16();
        _b.I16();                       // fCycle
        if (keyVersion > 1000) _b.Skip(16); else _b.Skip(8);
        _b.TString(); _b.TString(); _b.TString();
        _b.I16();                       // TBasket version
        _b.I32();                       // fBufferSize
        int nevBufSize = _b.I32();
        int nevBuf = _b.I32();
        int last = _b.I32();
        int flag = _b.U8();
        if (_b.Position - keyStart != keylen)
            throw _b.Error($"Embedded basket key header is {_b.Position - keyStart} bytes, its fKeylen says {keylen}");
        if (nevBuf < 0 || last < keylen)
            throw _b.Error($"Embedded basket has fNevBuf {nevBuf}, fLast {last}, fKeylen {keylen}; expected fNevBuf ≥ 0 and fLast ≥ fKeylen");
        // ROOT's TBasket::Streamer: flag 0 is a header only; otherwise 1 means an entry-offset array follows and 2 that
        // none does (fixed-size entries), +10 that the buffer itself follows (a basket embedded in the TTree, so 11 or
        // 12), +40 that a displacement array follows the offsets; 21–39 carry displacement bits in the offsets' top
        // byte; ≥ 80 means the offsets were left out for the reader to regenerate.
        if (flag == 0) return new SkippedObject("TBasket (header only)");
        bool offsetsLeftOut = flag >= 80;
        if (offsetsLeftOut) flag -= 80;
        int[]? offsets = null;
        if (!offsetsLeftOut && flag % 10 != 2)
        {
            if (nevBuf > 0)
            {
                int n = _b.Count(4, "Embedded basket entry offset");
                if (n < nevBuf) throw _b.Error($"Embedded basket offset array has {n} entries, expected at least fNevBuf = {nevBuf}");
                offsets = new int[nevBuf + 1];
                for (int i = 0; i < n; i++)
                {
                    int o = _b.I32();
                    if (flag is > 20 and < 40) o &= 0x00FFFFFF;
                    if (i < nevBuf) offsets[i] = o - keylen;
                }
                offsets[nevBuf] = last - keylen;
            }
            if (flag > 40) { int d = _b.Count(4, "Embedded basket displacement"); _b.Skip(4 * d); }
        }
        if (flag != 1 && flag <= 10) return new SkippedObject("TBasket (header only)");
        int limit = end >= 0 ? end : _b.End;
        if (limit - _b.Position < last)
            throw _b.Error($"Embedded basket declares fLast = {last} buffer bytes but only {limit - _b.Position} remain in the TBasket record");
        _b.Skip(keylen);                // the buffer starts with a copy of the key
        var data = _b.Bytes(last - keylen).ToArray();
        return new EmbeddedBasket { Keylen = keylen, NevBuf = nevBuf, NevBufSize = nevBufSize, Last = last, Data = data, Offsets = offsets, OffsetsLeftOut = offsetsLeftOut };
    }
}
