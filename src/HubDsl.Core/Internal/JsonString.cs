using System.Text;

namespace HubDsl.Core;

/// <summary>
/// A JSON string literal read as Go's encoding/json reads it (decode.go <c>unquote</c> and <c>getu4</c>; scanner.go
/// <c>stateInStringEscU</c>): the escapes <c>\" \\ \/ \b \f \n \r \t</c> and <c>\uXXXX</c> with exactly four hex
/// digits; a <c>\u</c> surrogate pair is one character, a lone or mismatched surrogate becomes U+FFFD; a control
/// character or any other escape is an error. Shared by the schema reader and the templates' JSON (both sit above it).
/// </summary>
internal static class JsonString
{
    private const char Replacement = '\uFFFD';

    /// <summary>
    /// The string whose opening quote is at <paramref name="index"/>; <paramref name="index"/> ends after the closing
    /// quote. Null when the literal is not valid JSON: <paramref name="error"/> says why and <paramref name="index"/>
    /// is at the offending character.
    /// </summary>
    public static string? Read(string text, ref int index, out string error)
    {
        var i = index + 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length) return Fail(text.Length, "unexpected end of text in a string", ref index, out error);
            var c = text[i];
            if (c == '"')
            {
                index = i + 1;
                error = string.Empty;
                return sb.ToString();
            }

            if (c < 0x20) return Fail(i, "control character in a string", ref index, out error);
            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length) return Fail(text.Length, "unexpected end of text in a string", ref index, out error);
            var escape = text[i + 1];
            switch (escape)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    var unit = Hex4(text, i + 2);
                    if (unit < 0) return Fail(i, "invalid \\u escape (four hex digits expected)", ref index, out error);
                    if (char.IsSurrogate((char)unit))
                    {
                        // A high surrogate followed by an escaped low one is one character; anything else is U+FFFD
                        // and the next escape is read on its own.
                        var low = i + 7 < text.Length && text[i + 6] == '\\' && text[i + 7] == 'u' ? Hex4(text, i + 8) : -1;
                        if (char.IsHighSurrogate((char)unit) && low >= 0 && char.IsLowSurrogate((char)low))
                        {
                            sb.Append((char)unit).Append((char)low);
                            i += 12;
                            continue;
                        }

                        sb.Append(Replacement);
                    }
                    else
                    {
                        sb.Append((char)unit);
                    }

                    i += 6;
                    continue;
                default:
                    return Fail(i, "invalid escape '\\" + escape + "'", ref index, out error);
            }

            i += 2;
        }
    }

    // Exactly four hex digits (no sign, no spaces), or -1.
    private static int Hex4(string text, int start)
    {
        if (start + 4 > text.Length) return -1;
        var value = 0;
        for (var k = start; k < start + 4; k++)
        {
            var c = text[k];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return -1;
            value = (value * 16) + digit;
        }

        return value;
    }

    private static string? Fail(int at, string message, ref int index, out string error)
    {
        index = at;
        error = message;
        return null;
    }
}
