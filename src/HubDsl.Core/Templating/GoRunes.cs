using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>
/// Go's view of a string as runes and bytes, for the Sprig functions that follow Go's byte and rune rules exactly:
/// the predicates of Go's <c>unicode</c> package over code points (not UTF-16 units), its simple case mappings, and
/// UTF-8 decoding where each invalid byte is one U+FFFD (<c>utf8.DecodeRune</c>, and how encoding/json prints them).
/// </summary>
internal static class GoRunes
{
    /// <summary>The code points of a .NET string (a lone surrogate is U+FFFD, as Go's conversion would give).</summary>
    public static List<int> Runes(string s)
    {
        var runes = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                runes.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                runes.Add(char.IsSurrogate(s[i]) ? 0xFFFD : s[i]);
            }
        }

        return runes;
    }

    /// <summary>Appends one code point.</summary>
    public static void Append(StringBuilder sb, int rune)
    {
        if (rune < 0x10000) sb.Append((char)rune);
        else sb.Append(char.ConvertFromUtf32(rune));
    }

    /// <summary>Bytes to a string the way Go prints them: valid UTF-8 decodes, each invalid byte is one U+FFFD.</summary>
    public static string FromUtf8(byte[] bytes, int start, int length)
    {
        var sb = new StringBuilder(length);
        var end = start + length;
        var i = start;
        while (i < end)
        {
            var size = DecodeRune(bytes, i, end, out var rune);
            Append(sb, rune);
            i += size;
        }

        return sb.ToString();
    }

    /// <summary>utf8.DecodeRune: the rune at <paramref name="i"/> and its size; an invalid or short sequence is (U+FFFD, 1).</summary>
    public static int DecodeRune(byte[] b, int i, int end, out int rune)
    {
        rune = 0xFFFD;
        var b0 = b[i];
        if (b0 < 0x80)
        {
            rune = b0;
            return 1;
        }

        int need, min, value;
        if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; min = 0x80; value = b0 & 0x1F; }
        else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 2; min = 0x800; value = b0 & 0x0F; }
        else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 3; min = 0x10000; value = b0 & 0x07; }
        else return 1;

        for (var k = 1; k <= need; k++)
        {
            if (i + k >= end) return 1;
            var c = b[i + k];
            if ((c & 0xC0) != 0x80) return 1;
            value = (value << 6) | (c & 0x3F);
        }

        if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 1;
        rune = value;
        return need + 1;
    }

    /// <summary>unicode.IsSpace.</summary>
    public static bool IsSpace(int r) => r switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 or 0x1680 or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        _ => r >= 0x2000 && r <= 0x200A,
    };

    /// <summary>unicode.IsUpper (category Lu).</summary>
    public static bool IsUpper(int r) => Category(r) == UnicodeCategory.UppercaseLetter;

    /// <summary>unicode.IsLower (category Ll).</summary>
    public static bool IsLower(int r) => Category(r) == UnicodeCategory.LowercaseLetter;

    /// <summary>unicode.IsTitle (category Lt).</summary>
    public static bool IsTitle(int r) => Category(r) == UnicodeCategory.TitlecaseLetter;

    /// <summary>unicode.IsLetter (category L).</summary>
    public static bool IsLetter(int r) => Category(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    /// <summary>unicode.IsNumber (category N).</summary>
    public static bool IsNumber(int r) => Category(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>unicode.IsPunct (category P).</summary>
    public static bool IsPunct(int r) => Category(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    /// <summary>unicode.ToUpper (simple mapping).</summary>
    public static int ToUpper(int r)
    {
        // Go's tables map these; .NET's invariant casing leaves them alone.
        switch (r)
        {
            case 0x0131: return 'I';
            case 0x017F: return 'S';
        }

        if (r < 0x10000) return char.ToUpperInvariant((char)r);

        var s = char.ConvertFromUtf32(r).ToUpperInvariant();
        return char.ConvertToUtf32(s, 0);
    }

    /// <summary>unicode.ToLower (simple mapping).</summary>
    public static int ToLower(int r)
    {
        switch (r)
        {
            case 0x0130: return 'i';
            case 0x212A: return 'k';
            case 0x212B: return 0xE5;
        }

        if (r < 0x10000) return char.ToLowerInvariant((char)r);
        var s = char.ConvertFromUtf32(r).ToLowerInvariant();
        return char.ConvertToUtf32(s, 0);
    }

    /// <summary>unicode.ToTitle: the upper case, except the Latin digraphs (their title case is their own letter) and Georgian.</summary>
    public static int ToTitle(int r) => r switch
    {
        0x01C4 or 0x01C5 or 0x01C6 => 0x01C5,
        0x01C7 or 0x01C8 or 0x01C9 => 0x01C8,
        0x01CA or 0x01CB or 0x01CC => 0x01CB,
        0x01F1 or 0x01F2 or 0x01F3 => 0x01F2,
        >= 0x10D0 and <= 0x10FF => r,
        _ => ToUpper(r),
    };

    private static UnicodeCategory Category(int r) =>
        r < 0x10000 ? CharUnicodeInfo.GetUnicodeCategory((char)r) : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(r), 0);
}
