using System.Text;

namespace Baoku.Search;

/// <summary>
/// Integers as text in a URL-safe base64 alphabet, 5 bits per character, least significant group first, +32 on every
/// character but the last. Text (not binary) because index files are scripts, the only thing file:// pages can load.
/// </summary>
public static class CharVarint
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static readonly int[] Values = MakeValues();

    static int[] MakeValues()
    {
        var v = Enumerable.Repeat(-1, 128).ToArray();
        for (int i = 0; i < Alphabet.Length; i++) v[Alphabet[i]] = i;
        return v;
    }

    public static void Write(StringBuilder sb, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        while (value >= 32)
        {
            sb.Append(Alphabet[(value & 31) | 32]);
            value >>= 5;
        }
        sb.Append(Alphabet[value]);
    }

    /// <summary>Appends the encoding as ASCII bytes (the index builder keeps its streams as bytes).</summary>
    public static void Write(ByteBuffer buffer, int value)
    {
        while (value >= 32)
        {
            buffer.Add((byte)Alphabet[(value & 31) | 32]);
            value >>= 5;
        }
        buffer.Add((byte)Alphabet[value]);
    }

    public static int Read(string s, ref int at)
    {
        int value = 0, shift = 0;
        while (true)
        {
            int c = at < s.Length && s[at] < 128 ? Values[s[at]] : -1;
            if (c < 0) throw new FormatException($"bad character in index stream at {at}");
            at++;
            value |= (c & 31) << shift;
            if (c < 32) return value;
            shift += 5;
        }
    }
}

/// <summary>A growable byte array: one per gram stream while the index is built (a List&lt;byte&gt; costs more).</summary>
public sealed class ByteBuffer
{
    byte[] _bytes = new byte[8];
    public int Length { get; private set; }

    public void Add(byte b)
    {
        if (Length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length < 4096 ? _bytes.Length * 2 : _bytes.Length + _bytes.Length / 2);
        _bytes[Length++] = b;
    }

    public string ToAscii() => Encoding.ASCII.GetString(_bytes, 0, Length);
}
