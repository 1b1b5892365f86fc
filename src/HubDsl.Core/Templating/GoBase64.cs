namespace HubDsl.Core.Templating;

/// <summary>
/// encoding/base64 StdEncoding.DecodeString with Go's error offsets ("illegal base64 data at input byte N"): line
/// breaks are skipped, padding is required, and the first bad byte, bad padding or trailing data is the reported offset.
/// </summary>
internal static class GoBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static byte[] Decode(string text)
    {
        var src = System.Text.Encoding.UTF8.GetBytes(text);
        var output = new System.Collections.Generic.List<byte>(src.Length * 3 / 4);
        var si = 0;
        var dbuf = new int[4];
        while (si < src.Length)
        {
            var dlen = 4;
            for (var j = 0; j < 4; j++)
            {
                if (si == src.Length)
                {
                    if (j == 0) return output.ToArray();
                    throw Corrupt(si - j);
                }

                var c = src[si++];
                var value = c < 128 ? Alphabet.IndexOf((char)c) : -1;
                if (value >= 0)
                {
                    dbuf[j] = value;
                    continue;
                }

                if (c == '\n' || c == '\r')
                {
                    j--;
                    continue;
                }

                if (c != '=') throw Corrupt(si - 1);
                if (j < 2) throw Corrupt(si - 1);
                if (j == 2)
                {
                    // "==" is expected: the first '=' is consumed.
                    while (si < src.Length && (src[si] == '\n' || src[si] == '\r')) si++;
                    if (si == src.Length) throw Corrupt(src.Length);
                    if (src[si] != '=') throw Corrupt(si - 1);
                    si++;
                }

                while (si < src.Length && (src[si] == '\n' || src[si] == '\r')) si++;
                if (si < src.Length) throw Corrupt(si);
                dlen = j;
                break;
            }

            var v = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
            if (dlen == 4)
            {
                output.Add((byte)(v >> 16));
                output.Add((byte)(v >> 8));
                output.Add((byte)v);
            }
            else if (dlen == 3)
            {
                output.Add((byte)(v >> 16));
                output.Add((byte)(v >> 8));
            }
            else if (dlen == 2)
            {
                output.Add((byte)(v >> 16));
            }

            if (dlen < 4) return output.ToArray();
            for (var k = 0; k < 4; k++) dbuf[k] = 0;
        }

        return output.ToArray();
    }

    private static FunctionException Corrupt(int offset) =>
        new("illegal base64 data at input byte " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
