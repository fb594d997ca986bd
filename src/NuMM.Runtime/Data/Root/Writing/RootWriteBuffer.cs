using System;
using System.Buffers.Binary;
using System.Text;

namespace NuMM.Runtime.Data.Root.Writing;

/// <summary>A growable big-endian buffer for ROOT records: numbers, TStrings, and versioned records whose byte count
/// (ROOT's kByteCountMask | length) is patched in once the record is complete.</summary>
internal sealed class RootWriteBuffer
{
    public const uint ByteCountMask = 0x40000000;
    private byte[] _b;
    private int _n;

    public RootWriteBuffer(int capacity = 256) => _b = new byte[Math.Max(16, capacity)];

    public int Position => _n;

    public ReadOnlySpan<byte> Written => _b.AsSpan(0, _n);

    public byte[] ToArray() => _b.AsSpan(0, _n).ToArray();

    private Span<byte> Take(int n)
    {
        if (_b.Length - _n < n) Array.Resize(ref _b, Math.Max(_b.Length * 2, _n + n));
        var s = _b.AsSpan(_n, n);
        _n += n;
        return s;
    }

    public void U8(int v) => Take(1)[0] = (byte)v;
    public void Bool(bool v) => U8(v ? 1 : 0);
    public void I16(int v) => BinaryPrimitives.WriteInt16BigEndian(Take(2), (short)v);
    public void I32(int v) => BinaryPrimitives.WriteInt32BigEndian(Take(4), v);
    public void U32(uint v) => BinaryPrimitives.WriteUInt32BigEndian(Take(4), v);
    public void I64(long v) => BinaryPrimitives.WriteInt64BigEndian(Take(8), v);
    public void F32(float v) => BinaryPrimitives.WriteSingleBigEndian(Take(4), v);
    public void F64(double v) => BinaryPrimitives.WriteDoubleBigEndian(Take(8), v);
    public void Bytes(ReadOnlySpan<byte> s) => s.CopyTo(Take(s.Length));
    public void Zeros(int n) => Take(n).Clear();

    /// <summary>A TString: one length byte, or 255 and a 4-byte length for 255 bytes or more; then the bytes (UTF-8).</summary>
    public void TString(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (bytes.Length < 255) U8(bytes.Length);
        else { U8(255); I32(bytes.Length); }
        Bytes(bytes);
    }

    /// <summary>A NUL-terminated class name, as in a new-class tag.</summary>
    public void CString(string s)
    {
        Bytes(Encoding.ASCII.GetBytes(s));
        U8(0);
    }

    /// <summary>The size <see cref="TString"/> writes.</summary>
    public static int TStringSize(string s)
    {
        int n = Encoding.UTF8.GetByteCount(s);
        return (n < 255 ? 1 : 5) + n;
    }

    /// <summary>Starts a versioned record: a byte-count placeholder and the class version. Returns where it starts.</summary>
    public int Begin(int version)
    {
        int at = _n;
        U32(0);
        I16(version);
        return at;
    }

    /// <summary>Starts a record whose byte count is patched later but that carries no version (object pointers).</summary>
    public int BeginCountOnly()
    {
        int at = _n;
        U32(0);
        return at;
    }

    /// <summary>Patches the byte count of the record begun at <paramref name="at"/>.</summary>
    public void End(int at) => BinaryPrimitives.WriteUInt32BigEndian(_b.AsSpan(at), (uint)(_n - at - 4) | ByteCountMask);

    public void PatchI32(int at, int v) => BinaryPrimitives.WriteInt32BigEndian(_b.AsSpan(at), v);
}
