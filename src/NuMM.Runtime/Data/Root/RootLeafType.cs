namespace NuMM.Runtime.Data.Root;

/// <summary>The element type of a ROOT leaf, as stored (big-endian) in the file.</summary>
public enum RootLeafType
{
    /// <summary>A type the reader does not decode (see <see cref="RootBranch.UnsupportedReason"/>).</summary>
    Unsupported,
    /// <summary>bool (TLeafO), one byte.</summary>
    Boolean,
    /// <summary>Char_t (TLeafB).</summary>
    Int8,
    /// <summary>UChar_t (TLeafB, unsigned).</summary>
    UInt8,
    /// <summary>Short_t (TLeafS).</summary>
    Int16,
    /// <summary>UShort_t (TLeafS, unsigned).</summary>
    UInt16,
    /// <summary>Int_t (TLeafI).</summary>
    Int32,
    /// <summary>UInt_t (TLeafI, unsigned).</summary>
    UInt32,
    /// <summary>Long64_t (TLeafL) or Long_t (TLeafG).</summary>
    Int64,
    /// <summary>ULong64_t (TLeafL, unsigned) or ULong_t (TLeafG, unsigned).</summary>
    UInt64,
    /// <summary>Float_t (TLeafF).</summary>
    Float32,
    /// <summary>Double_t (TLeafD).</summary>
    Float64,
    /// <summary>A C string (TLeafC): one per entry.</summary>
    String,
}

/// <summary>How many values a branch holds per entry.</summary>
public enum RootArrayKind
{
    /// <summary>One value per entry.</summary>
    Scalar,
    /// <summary>A fixed number of values per entry (<see cref="RootBranch.FixedLength"/>), for example <c>x[10]/F</c>.</summary>
    Fixed,
    /// <summary>A per-entry number of values given by another branch (<see cref="RootBranch.CountBranch"/>), for example <c>Muon_Px[NMuon]/F</c>.</summary>
    Counted,
    /// <summary>One string per entry.</summary>
    String,
}
