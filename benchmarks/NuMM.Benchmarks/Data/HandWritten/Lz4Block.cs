using System;

namespace NuMM.Benchmarks.Data.HandWritten;

/// <summary>Managed decoder for the LZ4 block format (no frame). Every length and offset is checked against
/// the input and output sizes, so corrupt input ends with <see cref="InvalidOperationException"/>, never an overrun.</summary>
internal static class Lz4Block
{
    /// <summary>Decodes <paramref name="src"/> into <paramref name="dst"/>; returns the bytes written.</summary>
    /// <exception cref="InvalidOperationException">The block is malformed.</exception>
    public static int Decode(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int ip = 0, op = 0;
        while (true)
        {
            if (ip >= src.Length) throw new InvalidOperationException("LZ4 block ends before its last sequence");
            int token = src[ip++];
            int lit = token >> 4;
            if (lit == 15)
            {
                int b;
                do
                {
                    if (ip >= src.Length) throw new InvalidOperationException("LZ4 literal length runs past the block");
                    b = src[ip++];
                    lit += b;
                    if (lit > dst.Length) throw new InvalidOperationException("LZ4 literal length exceeds the output size");
                } while (b == 255);
            }
            if (lit > src.Length - ip || lit > dst.Length - op) throw new InvalidOperationException("LZ4 literals run past the block or the output");
            src.Slice(ip, lit).CopyTo(dst.Slice(op));
            ip += lit;
            op += lit;
            if (ip == src.Length) return op; // the last sequence carries literals only
            if (ip + 2 > src.Length) throw new InvalidOperationException("LZ4 match offset missing");
            int offset = src[ip] | (src[ip + 1] << 8);
            ip += 2;
            if (offset == 0 || offset > op) throw new InvalidOperationException($"LZ4 match offset {offset} points before the output start");
            int mlen = token & 15;
            if (mlen == 15)
            {
                int b;
                do
                {
                    if (ip >= src.Length) throw new InvalidOperationException("LZ4 match length runs past the block");
                    b = src[ip++];
                    mlen += b;
                    if (mlen > dst.Length) throw new InvalidOperationException("LZ4 match length exceeds the output size");
                } while (b == 255);
            }
            mlen += 4;
            if (mlen > dst.Length - op) throw new InvalidOperationException("LZ4 match runs past the output");
            int from = op - offset;
            if (offset >= mlen)
            {
                dst.Slice(from, mlen).CopyTo(dst.Slice(op));
            }
            else
            {
                // Overlapping copy repeats the last `offset` bytes; byte by byte keeps the LZ4 semantics.
                for (int k = 0; k < mlen; k++) dst[op + k] = dst[from + k];
            }
            op += mlen;
        }
    }
}
