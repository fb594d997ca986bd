namespace NuMM.Runtime.Data.Root;

/// <summary>One entry of a ROOT directory: a named, versioned (cycle) object stored at a file position.</summary>
public sealed class RootKey
{
    internal RootKey(string name, string title, string className, int cycle, int keyLength, int objectLength,
        int totalBytes, long seekKey, RootDirectory directory)
    {
        Name = name;
        Title = title;
        ClassName = className;
        Cycle = cycle;
        KeyLength = keyLength;
        ObjectLength = objectLength;
        TotalBytes = totalBytes;
        SeekKey = seekKey;
        Directory = directory;
    }

    /// <summary>The object's name.</summary>
    public string Name { get; }

    /// <summary>The object's title.</summary>
    public string Title { get; }

    /// <summary>The object's ROOT class (for example "TTree", "TDirectoryFile", "TH1F").</summary>
    public string ClassName { get; }

    /// <summary>The cycle number (ROOT keeps older cycles of an object under the same name).</summary>
    public int Cycle { get; }

    /// <summary>Length of the key header in bytes.</summary>
    public int KeyLength { get; }

    /// <summary>Size of the object's data once decompressed, in bytes.</summary>
    public int ObjectLength { get; }

    /// <summary>Size on disk of key header plus (possibly compressed) object data, in bytes.</summary>
    public int TotalBytes { get; }

    /// <summary>File position of the key header, in bytes from the start of the file.</summary>
    public long SeekKey { get; }

    /// <summary>The directory holding this key.</summary>
    public RootDirectory Directory { get; }

    /// <summary>True when the key holds a subdirectory.</summary>
    public bool IsDirectory => ClassName is "TDirectory" or "TDirectoryFile";

    /// <summary>True when the key holds a tree (TTree, TNtuple, TNtupleD).</summary>
    public bool IsTree => ClassName is "TTree" or "TNtuple" or "TNtupleD";

    /// <summary>The path of the object inside the file, "dir/sub/name".</summary>
    public string Path => Directory.Path.Length == 0 ? Name : Directory.Path + "/" + Name;

    /// <inheritdoc/>
    public override string ToString() => $"{Path};{Cycle} ({ClassName})";
}
