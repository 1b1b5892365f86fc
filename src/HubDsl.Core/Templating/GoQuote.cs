using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>Go's strconv.Quote / Unquote rules, used for literals, %q and error messages.</summary>
internal static class GoQuote
{
    public static bool IsPrint(int r)
    {
        if (r == ' ') return true;
        if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return false;
        switch (CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(r), 0))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return false;
            default:
                return true;
        }
    }

    /// <summary>strconv.Quote; with maxRunes >= 0 only that many runes are quoted (Go's %.Nq).</summary>
    public static string Quote(string s, int maxRunes = -1, bool asciiOnly = false)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (maxRunes >= 0 && count >= maxRunes) break;
            count++;
            int r = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                sb.Append("\\ufffd");
                continue;
            }
            if (asciiOnly && r >= 0x80 && r != '\\' && r != '"')
            {
                // strconv.QuoteToASCII
                sb.Append(r < 0x10000 ? "\\u" + r.ToString("x4", CultureInfo.InvariantCulture) : "\\U" + r.ToString("x8", CultureInfo.InvariantCulture));
                continue;
            }
            AppendEscaped(sb, r, '"');
        }
        sb.Append('"');
        return sb.ToString();
    }

    public static void AppendEscaped(StringBuilder sb, int r, char quote)
    {
        if (r == quote || r == '\\')
        {
            sb.Append('\\').Append((char)r);
            return;
        }
        if (IsPrint(r))
        {
            sb.Append(char.ConvertFromUtf32(r));
            return;
        }
        switch (r)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }
        if (r < ' ' || r == 0x7f) sb.Append("\\x").Append(r.ToString("x2", CultureInfo.InvariantCulture));
        else if (r < 0x10000) sb.Append("\\u").Append(r.ToString("x4", CultureInfo.InvariantCulture));
        else sb.Append("\\U").Append(r.ToString("x8", CultureInfo.InvariantCulture));
    }

    /// <summary>strconv.Unquote for "...", `...` and '...'; null when the literal is invalid.</summary>
    public static string? Unquote(string lit)
    {
        if (lit.Length < 2) return null;
        char q = lit[0];
        if (lit[lit.Length - 1] != q) return null;
        string body = lit.Substring(1, lit.Length - 2);
        if (q == '`')
        {
            if (body.IndexOf('`') >= 0) return null;
            return body.Replace("\r", "");
        }
        if (q != '"' && q != '\'') return null;
        var sb = new StringBuilder(body.Length);
        int runes = 0;
        for (int i = 0; i < body.Length;)
        {
            char c = body[i];
            if (c == q) return null;
            if (q == '\'' && c == '\n') return null;
            if (c != '\\')
            {
                sb.Append(c);
                if (!char.IsHighSurrogate(c)) runes++;
                i++;
                continue;
            }
            if (i + 1 >= body.Length) return null;
            char e = body[i + 1];
            i += 2;
            runes++;
            switch (e)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': sb.Append('\\'); break;
                case '\'':
                    if (q != '\'') return null;
                    sb.Append('\'');
                    break;
                case '"':
                    if (q != '"') return null;
                    sb.Append('"');
                    break;
                case 'x':
                case 'u':
                case 'U':
                {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > body.Length) return null;
                    if (!int.TryParse(body.Substring(i, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int v)) return null;
                    i += n;
                    if (e == 'x')
                    {
                        // A \x byte: only ASCII maps cleanly onto .NET strings.
                        if (v > 0x7f) return null;
                        sb.Append((char)v);
                    }
                    else
                    {
                        if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return null;
                        sb.Append(char.ConvertFromUtf32(v));
                    }
                    break;
                }
                case >= '0' and <= '7':
                {
                    if (i + 2 > body.Length) return null;
                    string oct = e.ToString() + body.Substring(i, 2);
                    int v = 0;
                    foreach (char o in oct)
                    {
                        if (o < '0' || o > '7') return null;
                        v = v * 8 + (o - '0');
                    }
                    if (v > 0x7f) return null;
                    i += 2;
                    sb.Append((char)v);
                    break;
                }
                default:
                    return null;
            }
        }
        if (q == '\'' && runes != 1) return null;
        return sb.ToString();
    }
}
