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
