using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NuMM.Runtime.Data.Numpy;

/// <summary>One array of a .npy file (or .npz member) as NuMM reads it: a C-ordered array of a fixed-size
/// boolean, integer or float dtype whose first dimension runs over entries; a 2-D (or higher) array is an array column
/// of <see cref="ValuesPerEntry"/> values per entry (the product of the other dimensions).</summary>
/// <param name="Name">The column name (the .npz member name without ".npy", or the .npy file's stem).</param>
/// <param name="Type">The element type.</param>
/// <param name="BigEndian">True when the dtype is big-endian ('&gt;'); values are byte-swapped on read.</param>
/// <param name="Length">Number of entries (the first dimension).</param>
/// <param name="DataOffset">Bytes before the data (magic, version, header length and header).</param>
/// <param name="Descr">The dtype descriptor as written ('&lt;f4', '&gt;f8', '|b1', ...).</param>
/// <param name="ValuesPerEntry">Values per entry: 1 for a 1-D array, the product of the dimensions after the first otherwise.</param>
public sealed record NpyArrayInfo(string Name, ColumnType Type, bool BigEndian, long Length, int DataOffset, string Descr, int ValuesPerEntry = 1);

/// <summary>Parses the header of the .npy format (versions 1.0, 2.0 and 3.0; numpy's NEP 1): the magic
/// "\x93NUMPY", the version, the header length, and a Python dict literal with 'descr', 'fortran_order' and
/// 'shape'.</summary>
internal static class NpyHeader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Headers longer than this are rejected before anything is allocated (numpy writes &lt; 200 bytes).</summary>
    public const int MaxHeaderLength = 1 << 16;

    /// <summary>Reads and parses the header at the start of <paramref name="stream"/>, leaving it at the first data byte.</summary>
    /// <param name="stream">The array's bytes.</param>
    /// <param name="name">The column name.</param>
    /// <param name="file">The file, for messages.</param>
    /// <param name="available">Bytes the array occupies in total (header and data), when known; validated against the shape.</param>
    /// <param name="onBytes">Receives every byte read (for a checksum), or null.</param>
    public static NpyArrayInfo Read(Stream stream, string name, string file, long? available, Action<ReadOnlySpan<byte>>? onBytes)
    {
        Span<byte> pre = stackalloc byte[12];
        ReadExactly(stream, pre[..8], file, name, 0, onBytes);
        if (!pre[..6].SequenceEqual(Magic))
            throw new DataFormatException($"Not a .npy array: expected magic 934E554D5059 (\"\\x93NUMPY\"), found {Convert.ToHexString(pre[..6])}.", file, name, byteOffset: 0);
        byte major = pre[6], minor = pre[7];
        int headerLength, prefix;
        switch (major)
        {
            case 1:
                ReadExactly(stream, pre.Slice(8, 2), file, name, 8, onBytes);
                headerLength = pre[8] | (pre[9] << 8);
                prefix = 10;
                break;
            case 2 or 3:
                ReadExactly(stream, pre.Slice(8, 4), file, name, 8, onBytes);
                uint len = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(pre[8..]);
                if (len > MaxHeaderLength)
                    throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"The .npy header claims {len} bytes; at most {MaxHeaderLength} are accepted."), file, name, byteOffset: 8);
                headerLength = (int)len;
                prefix = 12;
                break;
            default:
                throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"Unsupported .npy version {major}.{minor}; expected 1.0, 2.0 or 3.0."), file, name, byteOffset: 6);
        }
        if (available is long total && prefix + headerLength > total)
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"The .npy header ({headerLength} bytes) is longer than the array's {total} bytes."), file, name, byteOffset: prefix - 2);
        var header = new byte[headerLength];
        ReadExactly(stream, header, file, name, prefix, onBytes);
        string text;
        try
        {
            text = (major == 3 ? new UTF8Encoding(false, true) : (Encoding)Encoding.Latin1).GetString(header);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataFormatException("The .npy header is not valid UTF-8.", file, name, null, prefix, e);
        }
        var (descr, fortran, shape) = ParseDict(text, file, name, prefix);
        var (type, bigEndian) = ParseDescr(descr, file, name, prefix);
        string shapeText = $"({string.Join(", ", shape)}{(shape.Count == 1 ? "," : "")})";
        if (shape.Count == 0)
            throw new DataFormatException($"Array '{name}' has shape (); NuMM reads arrays whose first dimension runs over entries.", file, name, byteOffset: prefix);
        long values = 1;
        for (int d = 1; d < shape.Count; d++) values = Math.Min(values * Math.Min(shape[d], ColumnInfo.MaxLength + 1L), ColumnInfo.MaxLength + 1L); // capped: no overflow
        if (values < 1 || values > ColumnInfo.MaxLength)
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Array '{name}' has shape {shapeText}: {values} values per entry; an array column holds 1 to {ColumnInfo.MaxLength}."), file, name, byteOffset: prefix);
        if (fortran && shape.Count > 1)
            throw new DataFormatException($"Array '{name}' has shape {shapeText} stored in Fortran order; NuMM reads C-ordered arrays (numpy.ascontiguousarray).", file, name, byteOffset: prefix);
        long length = shape[0];
        long entryBytes = Mapping.ColumnTypes.Size(type) * values;
        if (available is long avail && (length > (avail - prefix - headerLength) / entryBytes || avail - prefix - headerLength != length * entryBytes))
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Array '{name}' declares {length} × {values} elements of '{descr}' ({length * (double)entryBytes:R} bytes) but {avail - prefix - headerLength} data bytes are stored."), file, name, byteOffset: prefix + headerLength);
        return new NpyArrayInfo(name, type, bigEndian, length, prefix + headerLength, descr, (int)values);
    }

    private static void ReadExactly(Stream s, Span<byte> buffer, string file, string name, long offset, Action<ReadOnlySpan<byte>>? onBytes)
    {
        int got = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (got != buffer.Length)
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"The .npy data ends inside its header: expected {buffer.Length} bytes, read {got}."), file, name, byteOffset: offset + got);
        onBytes?.Invoke(buffer);
    }

    /// <summary>Maps a dtype descriptor to a column type: byte order '&lt;', '&gt;', '|' or '=', kind b/i/u/f, size in bytes.</summary>
    internal static (ColumnType Type, bool BigEndian) ParseDescr(string descr, string file, string name, long offset)
    {
        DataFormatException Bad() => new($"Array '{name}' has dtype '{descr}'; NuMM reads bool ('|b1'), signed and unsigned integers of 1, 2, 4, 8 bytes ('<i4', '<u8', ...) and floats ('<f4', '<f8'), little- or big-endian.", file, name, byteOffset: offset);
        if (descr.Length < 3) throw Bad();
        char order = descr[0];
        if (order is not ('<' or '>' or '|' or '=')) throw Bad();
        bool big = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        ColumnType? type = descr[1..] switch
        {
            "b1" => ColumnType.Boolean,
            "i1" => ColumnType.SByte,
            "u1" => ColumnType.Byte,
            "i2" => ColumnType.Int16,
            "u2" => ColumnType.UInt16,
            "i4" => ColumnType.Int32,
            "u4" => ColumnType.UInt32,
            "i8" => ColumnType.Int64,
            "u8" => ColumnType.UInt64,
            "f4" => ColumnType.Single,
            "f8" => ColumnType.Double,
            _ => null,
        };
        if (type is null) throw Bad();
        if (order == '|' && Mapping.ColumnTypes.Size(type.Value) != 1) throw Bad();
        return (type.Value, big && Mapping.ColumnTypes.Size(type.Value) > 1);
    }

    /// <summary>Parses the header's Python dict literal: string keys; values a string, True/False, or a tuple of integers.</summary>
    internal static (string Descr, bool Fortran, List<long> Shape) ParseDict(string text, string file, string name, long offset)
    {
        var p = new Parser(text, file, name, offset);
        string? descr = null;
        bool? fortran = null;
        List<long>? shape = null;
        p.Expect('{');
        while (true)
        {
            if (p.TryConsume('}')) break;
            string key = p.String();
            p.Expect(':');
            switch (key)
            {
                case "descr":
                    if (!p.Peek('\'') && !p.Peek('"')) throw p.Error("'descr' must be a string; structured dtypes are not supported");
                    descr = p.String();
                    break;
                case "fortran_order": fortran = p.Boolean(); break;
                case "shape": shape = p.Tuple(); break;
                default: throw p.Error($"unexpected key '{key}'");
            }
            if (p.TryConsume(',')) continue;
            p.Expect('}');
            break;
        }
        if (descr is null || fortran is null || shape is null)
            throw p.Error("the header must give 'descr', 'fortran_order' and 'shape'");
        return (descr, fortran.Value, shape);
    }

    private sealed class Parser(string text, string file, string name, long offset)
    {
        private int _pos;

        public DataFormatException Error(string what) => new(string.Create(CultureInfo.InvariantCulture,
            $"Cannot parse the .npy header of '{name}' at character {_pos}: {what}. Header: {Shorten(text)}"), file, name, byteOffset: offset + _pos);

        private static string Shorten(string s) => s.Length <= 120 ? s.TrimEnd() : s[..120] + "…";

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        public bool Peek(char c)
        {
            SkipSpace();
            return _pos < text.Length && text[_pos] == c;
        }

        public bool TryConsume(char c)
        {
            if (!Peek(c)) return false;
            _pos++;
            return true;
        }

        public void Expect(char c)
        {
            if (!TryConsume(c)) throw Error($"expected '{c}'");
        }

        public string String()
        {
            SkipSpace();
            if (_pos >= text.Length || (text[_pos] != '\'' && text[_pos] != '"')) throw Error("expected a quoted string");
            char quote = text[_pos++];
            int start = _pos;
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\') throw Error("escapes in strings are not supported");
                _pos++;
            }
            if (_pos >= text.Length) throw Error("unterminated string");
            return text[start.._pos++];
        }

        public bool Boolean()
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, "True", 0, 4) == 0) { _pos += 4; return true; }
            if (string.CompareOrdinal(text, _pos, "False", 0, 5) == 0) { _pos += 5; return false; }
            throw Error("expected True or False");
        }

        public List<long> Tuple()
        {
            Expect('(');
            var values = new List<long>();
            while (!TryConsume(')'))
            {
                SkipSpace();
                int start = _pos;
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
                if (_pos == start || !long.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out long v))
                    throw Error("expected a non-negative integer dimension");
                if (values.Count >= 32) throw Error("too many dimensions");
                values.Add(v);
                if (TryConsume(',')) continue;
                Expect(')');
                break;
            }
            return values;
        }
    }
}
