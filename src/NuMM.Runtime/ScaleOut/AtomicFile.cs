using System;
using System.IO;

namespace NuMM.Runtime.ScaleOut;

/// <summary>Writes a file so that readers see either nothing or the whole file: the bytes go to a temporary file in the
/// same folder, which is flushed to disk and then renamed over the target (a rename within a file system is atomic).</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The target file; its folder is created when missing.</param>
    /// <param name="bytes">The whole content.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var buffer = bytes.ToArray();
        Write(path, s => s.Write(buffer));
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>; when it throws, the target is
    /// left as it was and the temporary file is deleted.</summary>
    /// <param name="path">The target file; its folder is created when missing.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var s = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(s);
                s.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
