using System.Collections.Generic;

namespace NuMM.Runtime.Data.Root.Writing;

/// <summary>What the TTree record says about one branch once its baskets are written.</summary>
internal sealed class BranchRecord
{
    public required string Name { get; init; }
    /// <summary>"x/F", "w[100]/F".</summary>
    public required string Title { get; init; }
    /// <summary>"TLeafF" etc.</summary>
    public required string LeafClass { get; init; }
    /// <summary>"x", "w[100]".</summary>
    public required string LeafTitle { get; init; }
    public required int Len { get; init; }
    public required int LenType { get; init; }
    public required bool Unsigned { get; init; }
    public required int Compress { get; init; }
    public required int BasketSize { get; init; }
    public List<int> BasketBytes { get; } = new();
    public List<long> BasketEntry { get; } = new();
    public List<long> BasketSeek { get; } = new();
    public long TotBytes { get; set; }
    public long ZipBytes { get; set; }
}

/// <summary>Serialises a flat TTree the way ROOT 6.20–6.32 streams it (TTree v20, TBranch v13, TLeaf v2, TLeaf* v1,
/// TObjArray v3, TNamed/TObject v1, TAttLine/TAttFill/TAttMarker v2, ROOT::TIOFeatures), member by member in the order
/// and with the defaults seen in uproot-sample-6.20.04-uncompressed.root, which ROOT 6.20/04 wrote. Object and class
/// references are displacements from the start of the key (key length + position in the record) plus ROOT's
/// kMapOffset = 2.</summary>
internal static class RootTreeRecord
{
    private const uint NewClassTag = 0xFFFFFFFF;
    private const uint ClassMask = 0x80000000;
    private const int MapOffset = 2;
    // fBits of the TObject parts, as ROOT 6.20/04 wrote them: kIsOnHeap | kNotDeleted, plus kMustCleanup (bit 3) on the
    // tree, bit 22 on a branch and bit 14 on the tree's TObjArray of branches.
    private const uint BitsTree = 0x03000008, BitsBranch = 0x03400000, BitsBranchArray = 0x03004000, BitsPlain = 0x03000000;
    // ROOT::TIOFeatures: a class without ClassDef, so version 0 and its checksum, then fIOBits = 0.
    private static readonly byte[] IoFeatures = [0x40, 0x00, 0x00, 0x07, 0x00, 0x00, 0x1a, 0xa1, 0x2f, 0x10, 0x00];

    /// <summary>The TTree record.</summary>
    /// <param name="keyLength">The length of the key the record will follow (references count from the key's start).</param>
    /// <param name="name">Tree name.</param>
    /// <param name="title">Tree title.</param>
    /// <param name="entries">Entries.</param>
    /// <param name="autoFlush">Entries per cluster (ROOT's fAutoFlush &gt; 0 counts entries).</param>
    /// <param name="branches">The branches.</param>
    public static byte[] Write(int keyLength, string name, string title, long entries, long autoFlush, IReadOnlyList<BranchRecord> branches)
    {
        var w = new RootWriteBuffer(4096 + 512 * branches.Count);
        var classTags = new Dictionary<string, uint>();
        var leafRefs = new List<uint>();
        long totBytes = 0, zipBytes = 0;
        foreach (var b in branches) { totBytes += b.TotBytes; zipBytes += b.ZipBytes; }

        int tree = w.Begin(20);
        TNamed(w, name, title, BitsTree);
        int a = w.Begin(2); w.I16(602); w.I16(1); w.I16(1); w.End(a);             // TAttLine: colour 602, style 1, width 1
        a = w.Begin(2); w.I16(0); w.I16(1001); w.End(a);                          // TAttFill: colour 0, style 1001
        a = w.Begin(2); w.I16(1); w.I16(1); w.F32(1f); w.End(a);                  // TAttMarker: colour 1, style 1, size 1
        w.I64(entries);
        w.I64(totBytes);
        w.I64(zipBytes);
        w.I64(0);                       // fSavedBytes
        w.I64(0);                       // fFlushedBytes (0, as in the ROOT 6.20/04 file)
        w.F64(1.0);                     // fWeight
        w.I32(0);                       // fTimerInterval
        w.I32(25);                      // fScanField
        w.I32(0);                       // fUpdate
        w.I32(1000);                    // fDefaultEntryOffsetLen
        w.I32(0);                       // fNClusterRange: one cluster size, fAutoFlush
        w.I64(1_000_000_000_000);       // fMaxEntries
        w.I64(1_000_000_000_000);       // fMaxEntryLoop
        w.I64(0);                       // fMaxVirtualSize
        w.I64(-300_000_000);            // fAutoSave (bytes)
        w.I64(autoFlush);               // fAutoFlush (entries)
        w.I64(1_000_000);               // fEstimate
        w.U8(0);                        // fClusterRangeEnd: no array
        w.U8(0);                        // fClusterSize: no array
        w.Bytes(IoFeatures);

        int arr = ObjArrayBegin(w, BitsBranchArray, branches.Count);
        foreach (var b in branches) Branch(w, keyLength, classTags, leafRefs, b, entries);
        w.End(arr);

        // fLeaves: references to the leaves written inside the branches.
        arr = ObjArrayBegin(w, BitsPlain, leafRefs.Count);
        foreach (var r in leafRefs) w.U32(r);
        w.End(arr);
        w.Zeros(4);                     // fAliases: null
        w.I32(0);                       // fIndexValues: empty TArrayD
        w.I32(0);                       // fIndex: empty TArrayI
        w.Zeros(4 * 4);                 // fTreeIndex, fFriends, fUserInfo, fBranchRef: null
        w.End(tree);
        return w.ToArray();
    }

    private static void TNamed(RootWriteBuffer w, string name, string title, uint bits)
    {
        int at = w.Begin(1);
        w.I16(1); w.U32(0); w.U32(bits); // TObject v1: fUniqueID, fBits
        w.TString(name);
        w.TString(title);
        w.End(at);
    }

    /// <summary>Starts a TObjArray v3 (TObject, empty name, size, lower bound 0); the caller writes the elements and ends it.</summary>
    private static int ObjArrayBegin(RootWriteBuffer w, uint bits, int size)
    {
        int at = w.Begin(3);
        w.I16(1); w.U32(0); w.U32(bits);
        w.TString("");
        w.I32(size);
        w.I32(0);
        return at;
    }

    /// <summary>Starts an object pointer of class <paramref name="cls"/> (a new-class tag the first time, a class reference
    /// after); returns where its byte count is, from which the object's reference number follows.</summary>
    private static int ObjectBegin(RootWriteBuffer w, int keyLength, Dictionary<string, uint> classTags, string cls)
    {
        int at = w.BeginCountOnly();
        if (classTags.TryGetValue(cls, out uint tag)) w.U32(ClassMask | tag);
        else
        {
            classTags[cls] = (uint)(keyLength + w.Position + MapOffset);
            w.U32(NewClassTag);
            w.CString(cls);
        }
        return at;
    }

    private static void Branch(RootWriteBuffer w, int keyLength, Dictionary<string, uint> classTags, List<uint> leafRefs, BranchRecord b, long entries)
    {
        int ptr = ObjectBegin(w, keyLength, classTags, "TBranch");
        int br = w.Begin(13);
        TNamed(w, b.Name, b.Title, BitsBranch);
        int a = w.Begin(2); w.I16(0); w.I16(1001); w.End(a);                      // TAttFill
        int baskets = b.BasketSeek.Count;
        int maxBaskets = System.Math.Max(10, baskets + 1);
        w.I32(b.Compress);
        w.I32(b.BasketSize);
        w.I32(0);                       // fEntryOffsetLen: fixed-size entries have no offset table
        w.I32(baskets);                 // fWriteBasket
        w.I64(entries);                 // fEntryNumber
        w.Bytes(IoFeatures);
        w.I32(0);                       // fOffset
        w.I32(maxBaskets);
        w.I32(0);                       // fSplitLevel
        w.I64(entries);
        w.I64(0);                       // fFirstEntry
        w.I64(b.TotBytes);
        w.I64(b.ZipBytes);
        w.End(ObjArrayBegin(w, BitsPlain, 0));                                    // fBranches: none

        int leaves = ObjArrayBegin(w, BitsPlain, 1);
        int leafPtr = ObjectBegin(w, keyLength, classTags, b.LeafClass);
        leafRefs.Add((uint)(keyLength + leafPtr + MapOffset));
        int sub = w.Begin(1);
        int leaf = w.Begin(2);
        TNamed(w, b.Name, b.LeafTitle, BitsPlain);
        w.I32(b.Len);
        w.I32(b.LenType);
        w.I32(0);                       // fOffset
        w.Bool(false);                  // fIsRange
        w.Bool(b.Unsigned);
        w.Zeros(4);                     // fLeafCount: null
        w.End(leaf);
        w.Zeros(2 * b.LenType);         // fMinimum, fMaximum of the TLeaf* subclass (not tracked; ROOT uses them only for counters)
        w.End(sub);
        w.End(leafPtr);
        w.End(leaves);

        w.End(ObjArrayBegin(w, BitsPlain, 0));                                    // fBaskets: all on disk

        w.U8(1);
        for (int i = 0; i < maxBaskets; i++) w.I32(i < baskets ? b.BasketBytes[i] : 0);
        w.U8(1);
        for (int i = 0; i < maxBaskets; i++) w.I64(i < baskets ? b.BasketEntry[i] : i == baskets ? entries : 0);
        w.U8(1);
        for (int i = 0; i < maxBaskets; i++) w.I64(i < baskets ? b.BasketSeek[i] : 0);
        w.TString("");                  // fFileName: baskets are in this file
        w.End(br);
        w.End(ptr);
    }
}
