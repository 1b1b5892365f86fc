using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>encoding/base32 StdEncoding (RFC 4648, padded); decoding errors are returned as text, as Sprig does.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(byte[] data)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < data.Length; i += 5)
        {
            int n = System.Math.Min(5, data.Length - i);
            ulong chunk = 0;
            for (int j = 0; j < 5; j++) chunk = (chunk << 8) | (j < n ? data[i + j] : (byte)0);
            int chars = n switch { 1 => 2, 2 => 4, 3 => 5, 4 => 7, _ => 8 };
            for (int j = 0; j < 8; j++) sb.Append(j < chars ? Alphabet[(int)((chunk >> (35 - 5 * j)) & 31)] : '=');
        }
        return sb.ToString();
    }

    public static string Decode(string s)
    {
        if (s.Length % 8 != 0) return "illegal base32 data at input byte " + (s.Length - s.Length % 8).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = new System.Collections.Generic.List<byte>();
        for (int i = 0; i < s.Length; i += 8)
        {
            ulong chunk = 0;
            int valid = 0;
            for (int j = 0; j < 8; j++)
            {
                char c = s[i + j];
                int v = Alphabet.IndexOf(c);
                if (c == '=') v = 0;
                else if (v < 0 || valid != j) return "illegal base32 data at input byte " + (i + j).ToString(System.Globalization.CultureInfo.InvariantCulture);
                else valid++;
                chunk = (chunk << 5) | (uint)v;
            }
            int n = valid switch { 8 => 5, 7 => 4, 5 => 3, 4 => 2, 2 => 1, _ => -1 };
            if (n < 0) return "illegal base32 data at input byte " + (i + valid).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (int j = 0; j < n; j++) bytes.Add((byte)(chunk >> (32 - 8 * j)));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
