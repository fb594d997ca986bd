using System;
using System.Buffers.Binary;
using System.Text;

namespace NuMM.Runtime.Data.Root;

/// <summary>A bounds-checked big-endian cursor over one ROOT record (a key header, a directory or an object's
/// bytes). Every read checks the remaining length first and reports an overrun as a <see cref="DataFormatException"/>
/// naming the file, the object and the file position, so a truncated or corrupt file never escapes as
/// <see cref="IndexOutOfRangeException"/>.</summary>
internal sealed class RootBuffer
{
    private readonly byte[] _data;
    private readonly int _start;
    private readonly int _end;

    /// <summary>Wraps <paramref name="data"/>[start..end).</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="start">First byte of the record.</param>
    /// <param name="end">One past the last byte.</param>
    /// <param name="file">File path, for messages.</param>
    /// <param name="objectName">Object being read, for messages.</param>
    /// <param name="fileOffset">File position of <paramref name="start"/>, or −1 when the bytes were decompressed.</param>
    /// <param name="displacementOrigin">ROOT's reference displacement of <paramref name="start"/> (the key length for an object's data).</param>
    public RootBuffer(byte[] data, int start, int end, string file, string objectName, long fileOffset, int displacementOrigin)
    {
        _data = data;
        _start = start;
        _end = end;
        Position = start;
        File = file;
        ObjectName = objectName;
        FileOffset = fileOffset;
        DisplacementOrigin = displacementOrigin;
    }

    /// <summary>Current index into the underlying array.</summary>
    public int Position { get; set; }

    /// <summary>File path, for messages.</summary>
    public string File { get; }

    /// <summary>Object being read, for messages.</summary>
    public string ObjectName { get; set; }

    /// <summary>File position of the record's first byte, or −1 for decompressed bytes.</summary>
    public long FileOffset { get; }

    /// <summary>ROOT's displacement value of the record's first byte.</summary>
    public int DisplacementOrigin { get; }

    /// <summary>Bytes left in the record.</summary>
    public int Remaining => _end - Position;

    /// <summary>One past the record's last byte.</summary>
    public int End => _end;

    /// <summary>ROOT's displacement of the current position (used by object references).</summary>
    public long Displacement => (long)Position - _start + DisplacementOrigin;

    /// <summary>The underlying array.</summary>
    public byte[] Array => _data;

    /// <summary>Builds an exception at the current position.</summary>
    public DataFormatException Error(string message, long? entry = null)
    {
        long rel = Position - _start;
        return FileOffset >= 0
            ? new DataFormatException(message, File, ObjectName, entry, FileOffset + rel)
            : new DataFormatException($"{message} [at byte {rel} of the decompressed record]", File, ObjectName, entry, null);
    }

    private void Need(int n)
    {
        if (n < 0 || n > _end - Position)
            throw Error($"Record ends early: needed {n} more byte(s), {Math.Max(0, _end - Position)} left");
    }

    /// <summary>Moves to an absolute array index inside the record.</summary>
    public void Seek(long index)
    {
        if (index < _start || index > _end) throw Error($"Byte count points outside the record (to {index - _start}, record length {_end - _start})");
        Position = (int)index;
    }

    /// <summary>Skips <paramref name="n"/> bytes.</summary>
    public void Skip(int n) { Need(n); Position += n; }

    public byte U8() { Need(1); return _data[Position++]; }
    public short I16() { Need(2); var v = BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(Position)); Position += 2; return v; }
    public ushort U16() { Need(2); var v = BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(Position)); Position += 2; return v; }
    public int I32() { Need(4); var v = BinaryPrimitives.ReadInt32BigEndian(_data.AsSpan(Position)); Position += 4; return v; }
    public uint U32() { Need(4); var v = BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(Position)); Position += 4; return v; }
    public long I64() { Need(8); var v = BinaryPrimitives.ReadInt64BigEndian(_data.AsSpan(Position)); Position += 8; return v; }
    public double F64() { Need(8); var v = BinaryPrimitives.ReadDoubleBigEndian(_data.AsSpan(Position)); Position += 8; return v; }

    /// <summary>Reads <paramref name="n"/> raw bytes.</summary>
    public ReadOnlySpan<byte> Bytes(int n) { Need(n); var s = _data.AsSpan(Position, n); Position += n; return s; }

    /// <summary>Reads a TString: one length byte, or 255 followed by a 32-bit length.</summary>
    public string TString()
    {
        int n = U8();
        if (n == 255)
        {
            n = I32();
            if (n < 0) throw Error($"Negative string length {n}");
        }
        Need(n);
        var s = Encoding.Latin1.GetString(_data, Position, n);
        Position += n;
        return s;
    }

    /// <summary>Reads a NUL-terminated C string (class names in object tags).</summary>
    public string CString()
    {
        int i = Position;
        while (i < _end && _data[i] != 0) i++;
        if (i >= _end) throw Error("Class name is not NUL-terminated before the record ends");
        var s = Encoding.Latin1.GetString(_data, Position, i - Position);
        Position = i + 1;
        return s;
    }

    /// <summary>Reads an array length and checks it against the bytes left (each element ≥ <paramref name="elementSize"/> bytes).</summary>
    public int Count(int elementSize, string what)
    {
        int n = I32();
        CheckCount(n, elementSize, what);
        return n;
    }

    /// <summary>Checks that <paramref name="n"/> elements of <paramref name="elementSize"/> bytes can fit in what is left.</summary>
    public void CheckCount(long n, int elementSize, string what)
    {
        if (n < 0 || n * elementSize > Remaining)
            throw Error($"{what} count {n} is negative or larger than the {Remaining} bytes left in the record");
    }
}
