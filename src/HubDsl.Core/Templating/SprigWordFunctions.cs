using System.Collections.Generic;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>
/// Sprig v3.3.0's word functions: abbrev, abbrevboth, initials, wrap, wrapWith, swapcase (strings.go and
/// functions.go over Masterminds/goutils v1.1.1, which counts bytes) and camelcase, kebabcase, snakecase
/// (huandu/xstrings v1.5.0 ToPascalCase, ToKebabCase, ToSnakeCase, which walk runes). Where goutils cuts a
/// multi-byte character, the invalid bytes read as U+FFFD, as Go prints them in JSON.
/// </summary>
internal static class SprigWordFunctions
{
    private const ParamType S = ParamType.String;
    private const ParamType I = ParamType.Int;
    private const int RuneError = 0xFFFD;

    public static void Register(Dictionary<string, GoFunction> m)
    {
        void F(string name, ParamType[] ps, System.Func<FunctionCall, GoValue> f) => m[name] = new GoFunction(ps, null, f);

        F("abbrev", new[] { I, S }, c => GoValue.Of(Abbrev(c.Int(0), c.Str(1))));
        F("abbrevboth", new[] { I, I, S }, c => GoValue.Of(AbbrevBoth(c.Int(0), c.Int(1), c.Str(2))));
        F("initials", new[] { S }, c => GoValue.Of(Initials(c.Str(0))));
        F("wrap", new[] { I, S }, c => GoValue.Of(Wrap(c.Str(1), c.Int(0), "\n", wrapLongWords: false)));
        F("wrapWith", new[] { I, S, S }, c => GoValue.Of(Wrap(c.Str(2), c.Int(0), c.Str(1), wrapLongWords: true)));
        F("swapcase", new[] { S }, c => GoValue.Of(SwapCase(c.Str(0))));
        F("camelcase", new[] { S }, c => GoValue.Of(PascalCase(c.Str(0))));
        F("kebabcase", new[] { S }, c => GoValue.Of(LowerCaseWords(c.Str(0), '-')));
        F("snakecase", new[] { S }, c => GoValue.Of(LowerCaseWords(c.Str(0), '_')));
    }

    // sprig abbrev: widths under 4 leave the string alone (goutils would fail, and sprig drops the error).
    public static string Abbrev(int width, string s) => width < 4 ? s : AbbreviateFull(Encoding.UTF8.GetBytes(s), 0, width);

    // sprig abbrevboth: goutils' minimum widths (4, or 7 with an offset) leave the string alone.
    public static string AbbrevBoth(int left, int right, string s) =>
        right < 4 || (left > 0 && right < 7) ? s : AbbreviateFull(Encoding.UTF8.GetBytes(s), left, right);

    // goutils.AbbreviateFull over bytes (maxWidth >= 4 here; >= 7 whenever the offset matters).
    private static string AbbreviateFull(byte[] b, int offset, int maxWidth)
    {
        var len = b.Length;
        if (len <= maxWidth) return GoRunes.FromUtf8(b, 0, len);
        if (offset > len) offset = len;
        if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
        if (offset <= 4) return GoRunes.FromUtf8(b, 0, maxWidth - 3) + "...";
        if (offset + maxWidth - 3 < len)
        {
            var rest = new byte[len - offset];
            System.Array.Copy(b, offset, rest, 0, rest.Length);
            return "..." + AbbreviateFull(rest, 0, maxWidth - 3);
        }

        return "..." + GoRunes.FromUtf8(b, len - (maxWidth - 3), maxWidth - 3);
    }

    // goutils.Initials: every byte is taken as a rune (so a multi-byte letter gives its first byte as Latin-1).
    public static string Initials(string s)
    {
        var sb = new StringBuilder();
        var gap = true;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (GoRunes.IsSpace(b)) gap = true;
            else if (gap)
            {
                sb.Append((char)b);
                gap = false;
            }
        }

        return sb.ToString();
    }

    // goutils.WrapCustom over bytes: breaks at the last space within the width, drops a leading space of each line.
    public static string Wrap(string s, int width, string newLine, bool wrapLongWords)
    {
        if (s.Length == 0) return string.Empty;
        if (newLine.Length == 0) newLine = "\n";
        if (width < 1) width = 1;
        var b = Encoding.UTF8.GetBytes(s);
        var len = b.Length;
        var offset = 0;
        var result = new StringBuilder();
        while (len - offset > width)
        {
            if (b[offset] == ' ')
            {
                offset++;
                continue;
            }

            var space = LastIndexOf(b, (byte)' ', offset, offset + width + 1);
            if (space >= offset)
            {
                result.Append(GoRunes.FromUtf8(b, offset, space - offset)).Append(newLine);
                offset = space + 1;
            }
            else if (wrapLongWords)
            {
                result.Append(GoRunes.FromUtf8(b, offset, width)).Append(newLine);
                offset += width;
            }
            else
            {
                var next = System.Array.IndexOf(b, (byte)' ', offset + width);
                if (next < 0)
                {
                    result.Append(GoRunes.FromUtf8(b, offset, len - offset));
                    offset = len;
                }
                else
                {
                    result.Append(GoRunes.FromUtf8(b, offset, next - offset)).Append(newLine);
                    offset = next + 1;
                }
            }
        }

        result.Append(GoRunes.FromUtf8(b, offset, len - offset));
        return result.ToString();
    }

    private static int LastIndexOf(byte[] b, byte value, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (b[i] == value) return i;
        }

        return -1;
    }

    // goutils.SwapCase: upper and title to lower; lower to title after a space (or at the start), else to upper.
    public static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        var whitespace = true;
        foreach (var r in GoRunes.Runes(s))
        {
            var mapped = r;
            if (GoRunes.IsUpper(r) || GoRunes.IsTitle(r))
            {
                mapped = GoRunes.ToLower(r);
                whitespace = false;
            }
            else if (GoRunes.IsLower(r))
            {
                mapped = whitespace ? GoRunes.ToTitle(r) : GoRunes.ToUpper(r);
                whitespace = false;
            }
            else
            {
                whitespace = GoRunes.IsSpace(r);
            }

            GoRunes.Append(sb, mapped);
        }

        return sb.ToString();
    }

    private static bool IsConnector(int r) => r == '-' || r == '_' || GoRunes.IsSpace(r);

    // xstrings isAlphabet: a letter that is not a CJK ideograph.
    private static bool IsAlphabet(int r)
    {
        if (!GoRunes.IsLetter(r)) return false;
        if (r < 0x3400) return true;
        if (r >= 0x4E00 && r <= 0x9FCC) return false;
        if (r >= 0x3400 && r <= 0x4D85) return false;
        if (r >= 0x20000 && r <= 0x2B81D) return false;
        return true;
    }

    // xstrings v1.5.0 ToPascalCase (sprig 3.3.0's camelcase): connectors dropped between words, each word's first
    // rune upper-cased, and a word that starts upper-case has its following upper-case run lowered.
    public static string PascalCase(string s)
    {
        if (s.Length == 0) return string.Empty;
        var runes = GoRunes.Runes(s);
        var sb = new StringBuilder(s.Length);
        var i = 0;
        var r0 = 0;
        var firstUpper = false;
        var consumed = false;
        while (i < runes.Count)
        {
            r0 = runes[i++];
            consumed = true;
            if (!IsConnector(r0))
            {
                firstUpper = GoRunes.IsUpper(r0);
                r0 = GoRunes.ToUpper(r0);
                break;
            }

            GoRunes.Append(sb, r0);
        }

        if (i == runes.Count)
        {
            // Only one rune left (or only connectors): it is written once more, as in xstrings.
            if (consumed) GoRunes.Append(sb, r0);
            return sb.ToString();
        }

        while (i < runes.Count)
        {
            var r1 = r0;
            r0 = runes[i++];
            if (IsConnector(r0) && IsConnector(r1))
            {
                GoRunes.Append(sb, r1);
                continue;
            }

            if (IsConnector(r1))
            {
                firstUpper = GoRunes.IsUpper(r0);
                r0 = GoRunes.ToUpper(r0);
            }
            else
            {
                if (firstUpper)
                {
                    if (GoRunes.IsUpper(r0)) r0 = GoRunes.ToLower(r0);
                    else firstUpper = false;
                }

                GoRunes.Append(sb, r1);
            }
        }

        GoRunes.Append(sb, r0);
        return sb.ToString();
    }

    private enum WordType
    {
        Invalid,
        Number,
        UpperCase,
        Alphabet,
        Connector,
        Punct,
        Other,
    }

    // xstrings camelCaseToLowerCase (kebabcase, snakecase): split into words, lower them, join with the connector.
    public static string LowerCaseWords(string s, char connector)
    {
        if (s.Length == 0) return string.Empty;
        var runes = GoRunes.Runes(s);
        var sb = new StringBuilder(s.Length + 8);
        var pos = 0;
        var (wt, start, end) = NextWord(runes, pos);
        pos = end;
        while (pos < runes.Count)
        {
            if (wt != WordType.Connector) ToLower(sb, runes, wt, start, end, connector);
            var prev = wt;
            var (lastStart, lastEnd) = (start, end);
            (wt, start, end) = NextWord(runes, pos);
            pos = end;
            switch (prev)
            {
                case WordType.Number:
                    while (wt == WordType.Alphabet || wt == WordType.Number)
                    {
                        ToLower(sb, runes, wt, start, end, connector);
                        (wt, start, end) = NextWord(runes, pos);
                        pos = end;
                    }

                    if (wt != WordType.Invalid && wt != WordType.Punct && wt != WordType.Connector) sb.Append(connector);
                    break;
                case WordType.Connector:
                    ToLower(sb, runes, prev, lastStart, lastEnd, connector);
                    break;
                case WordType.Punct:
                    break;
                default:
                    if (wt != WordType.Number)
                    {
                        if (wt != WordType.Connector && wt != WordType.Punct) sb.Append(connector);
                        break;
                    }

                    if (pos >= runes.Count) break;
                    var (numberStart, numberEnd) = (start, end);
                    (wt, start, end) = NextWord(runes, pos);
                    pos = end;
                    if (wt != WordType.Alphabet)
                    {
                        // A number belongs to the word before it ("Bld4Floor" is bld4-floor).
                        ToLower(sb, runes, WordType.Number, numberStart, numberEnd, connector);
                        if (wt != WordType.Connector && wt != WordType.Punct) sb.Append(connector);
                        break;
                    }

                    // Lower-case letters after a number start a new word with it ("HTTP2xx" is http-2xx).
                    sb.Append(connector);
                    ToLower(sb, runes, WordType.Number, numberStart, numberEnd, connector);
                    while (wt == WordType.Alphabet || wt == WordType.Number)
                    {
                        ToLower(sb, runes, wt, start, end, connector);
                        (wt, start, end) = NextWord(runes, pos);
                        pos = end;
                    }

                    if (wt != WordType.Invalid && wt != WordType.Connector && wt != WordType.Punct) sb.Append(connector);
                    break;
            }
        }

        ToLower(sb, runes, wt, start, end, connector);
        return sb.ToString();
    }

    // xstrings nextWord: the word starting at pos (as rune indexes [start, end)); end is also where the rest starts.
    private static (WordType Type, int Start, int End) NextWord(List<int> runes, int pos)
    {
        if (pos >= runes.Count) return (WordType.Invalid, pos, pos);
        var count = runes.Count;
        var (r, size) = NextValidRune(runes, pos, RuneError);
        var offset = pos + size;
        if (r == RuneError) return (WordType.Invalid, pos, offset);
        var remaining = pos + size;
        WordType wt;
        if (IsConnector(r))
        {
            wt = WordType.Connector;
            while (remaining < count)
            {
                (r, size) = NextValidRune(runes, remaining, r);
                if (!IsConnector(r)) break;
                offset += size;
                remaining += size;
            }
        }
        else if (GoRunes.IsPunct(r))
        {
            wt = WordType.Punct;
            while (remaining < count)
            {
                (r, size) = NextValidRune(runes, remaining, r);
                if (!GoRunes.IsPunct(r)) break;
                offset += size;
                remaining += size;
            }
        }
        else if (GoRunes.IsUpper(r))
        {
            wt = WordType.UpperCase;
            if (remaining < count)
            {
                (r, size) = NextValidRune(runes, remaining, r);
                if (GoRunes.IsUpper(r))
                {
                    var prevSize = size;
                    offset += size;
                    remaining += size;
                    while (remaining < count)
                    {
                        (r, size) = NextValidRune(runes, remaining, r);
                        if (!GoRunes.IsUpper(r)) break;
                        prevSize = size;
                        offset += size;
                        remaining += size;
                    }

                    // "HTTPStatus" splits as HTTP and Status: the S stays for the next word.
                    if (remaining < count && IsAlphabet(r)) offset -= prevSize;
                }
                else if (IsAlphabet(r))
                {
                    offset += size;
                    remaining += size;
                    while (remaining < count)
                    {
                        (r, size) = NextValidRune(runes, remaining, r);
                        if (!IsAlphabet(r) || GoRunes.IsUpper(r)) break;
                        offset += size;
                        remaining += size;
                    }
                }
            }
        }
        else if (IsAlphabet(r))
        {
            wt = WordType.Alphabet;
            while (remaining < count)
            {
                (r, size) = NextValidRune(runes, remaining, r);
                if (!IsAlphabet(r) || GoRunes.IsUpper(r)) break;
                offset += size;
                remaining += size;
            }
        }
        else if (GoRunes.IsNumber(r))
        {
            wt = WordType.Number;
            while (remaining < count)
            {
                (r, size) = NextValidRune(runes, remaining, r);
                if (!GoRunes.IsNumber(r)) break;
                offset += size;
                remaining += size;
            }
        }
        else
        {
            wt = WordType.Other;
            while (remaining < count)
            {
                (r, size) = NextValidRune(runes, remaining, r);
                if (size == 0 || IsConnector(r) || IsAlphabet(r) || GoRunes.IsNumber(r) || GoRunes.IsPunct(r)) break;
                offset += size;
                remaining += size;
            }
        }

        return (wt, pos, offset);
    }

    // xstrings nextValidRune: skips U+FFFD runes; when only they remain, the previous rune stands for them all.
    private static (int Rune, int Size) NextValidRune(List<int> runes, int pos, int prev)
    {
        var size = 0;
        for (var i = pos; i < runes.Count; i++)
        {
            size++;
            if (runes[i] != RuneError) return (runes[i], size);
        }

        return (prev, size);
    }

    private static void ToLower(StringBuilder sb, List<int> runes, WordType wt, int start, int end, char connector)
    {
        for (var i = start; i < end; i++)
        {
            var r = runes[i];
            if (wt != WordType.UpperCase && wt != WordType.Connector) GoRunes.Append(sb, r);
            else if (IsConnector(r)) sb.Append(connector);
            else if (GoRunes.IsUpper(r)) GoRunes.Append(sb, GoRunes.ToLower(r));
            else GoRunes.Append(sb, r);
        }
    }
}
