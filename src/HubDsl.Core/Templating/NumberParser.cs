using System;
using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>Go's parse.newNumber: classifies a numeric literal as int / uint / float like Go does.</summary>
internal static class NumberParser
{
    public static NumberNode Parse(Token token, Func<string, TemplateParseException> error)
    {
        string text = token.Value;
        var n = new NumberNode(token.Pos, text);
        if (token.Kind == TokenKind.CharConstant)
        {
            // strconv.UnquoteChar on the body, then the rest must be the closing quote
            string body = text.Substring(1);
            string? first = null;
            // A lone surrogate is invalid UTF-8 to Go: strconv.UnquoteChar decodes it with utf8.DecodeRuneInString,
            // which gives RuneError (U+FFFD) for that one byte.
            if (body.Length > 0 && char.IsSurrogate(body[0]) && !(body.Length > 1 && char.IsSurrogatePair(body[0], body[1]))) first = body.Substring(0, 1);
            for (int len = 1; len <= body.Length - 1 && first == null; len++)
            {
                string? u = GoQuote.Unquote("'" + body.Substring(0, len) + "'");
                if (u != null && u.Length > 0) first = body.Substring(0, len);
            }
            if (first == null) throw error("invalid syntax");
            if (body.Substring(first.Length) != "'") throw error("malformed character constant: " + text);
            int r = first.Length == 1 && char.IsSurrogate(first[0]) ? 0xFFFD : GoRunes.Runes(GoQuote.Unquote("'" + first + "'")!)[0];
            n.Int64 = r;
            n.IsInt = n.IsUint = n.IsFloat = true;
            n.Float64 = r;
            return n;
        }
        if (token.Kind == TokenKind.Complex || text.EndsWith("i", StringComparison.Ordinal))
            throw error("complex number " + GoQuote.Quote(text) + " is not supported by HubDsl's template engine");

        bool isUint = TryParseInteger(text, out ulong magnitude, out bool negative) && !negative;
        bool isInt = TryParseInteger(text, out magnitude, out negative) &&
                     (negative ? magnitude <= 9223372036854775808UL : magnitude <= long.MaxValue);
        if (isInt)
        {
            n.IsInt = true;
            n.Int64 = negative ? (magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude) : (long)magnitude;
            if (n.Int64 == 0) n.IsUint = true;
        }
        if (isUint) n.IsUint = true;
        if (n.IsInt)
        {
            n.IsFloat = true;
            n.Float64 = n.Int64;
        }
        else if (n.IsUint)
        {
            n.IsFloat = true;
            n.Float64 = magnitude;
        }
        else if (TryParseFloat(text, out double f))
        {
            if (text.IndexOfAny(new[] { '.', 'e', 'E', 'p', 'P' }) < 0) throw error("integer overflow: " + GoQuote.Quote(text));
            n.IsFloat = true;
            n.Float64 = f;
            if (Math.Floor(f) == f && f >= -9.2233720368547758E18 && f < 9.2233720368547758E18)
            {
                n.IsInt = true;
                n.Int64 = (long)f;
            }
            if (Math.Floor(f) == f && f >= 0 && f < 1.8446744073709552E19) n.IsUint = true;
        }
        if (!n.IsInt && !n.IsUint && !n.IsFloat) throw error("illegal number syntax: " + GoQuote.Quote(text));
        return n;
    }

    /// <summary>strconv.ParseInt(s, 0, 64) syntax: optional sign, 0x/0o/0b/0 prefixes, '_' between digits.</summary>
    internal static bool TryParseInteger(string text, out ulong magnitude, out bool negative)
    {
        magnitude = 0;
        negative = false;
        string s = text;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s.Substring(1);
        }
        if (s.Length == 0) return false;
        int radix = 10;
        bool prefixed = false;
        if (s.Length > 1 && s[0] == '0')
        {
            char p = char.ToLowerInvariant(s[1]);
            if (p == 'x') { radix = 16; s = s.Substring(2); prefixed = true; }
            else if (p == 'o') { radix = 8; s = s.Substring(2); prefixed = true; }
            else if (p == 'b') { radix = 2; s = s.Substring(2); prefixed = true; }
            else { radix = 8; s = s.Substring(1); prefixed = true; }
        }
        if (s.Length == 0) return false;
        // underscores: only allowed with base 0, must separate digits (a prefix counts as a digit)
        char last = prefixed ? '0' : '_';
        bool sawDigit = false;
        foreach (char c in s)
        {
            if (c == '_')
            {
                if (last == '_') return false;
                last = c;
                continue;
            }
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (d >= radix) return false;
            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix) return false;
            magnitude = magnitude * (ulong)radix + (ulong)d;
            last = c;
            sawDigit = true;
        }
        return sawDigit && last != '_';
    }

    /// <summary>Go's underscoreOK: '_' only between digits (or after a base prefix).</summary>
    internal static bool UnderscoreOk(string s)
    {
        char saw = '^';
        int i = 0;
        if (s.Length >= 1 && (s[0] == '-' || s[0] == '+')) s = s.Substring(1);
        bool hex = false;
        if (s.Length >= 2 && s[0] == '0' && "bBoOxX".IndexOf(s[1]) >= 0)
        {
            i = 2;
            saw = '0';
            hex = s[1] == 'x' || s[1] == 'X';
        }
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if ((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))))
            {
                saw = '0';
                continue;
            }
            if (c == '_')
            {
                if (saw != '0') return false;
                saw = '_';
                continue;
            }
            if (saw == '_') return false;
            saw = '!';
        }
        return saw != '_';
    }

    /// <summary>strconv.ParseFloat syntax: decimal and hexadecimal (0x1.8p3) floats, '_' between digits.</summary>
    internal static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        if (text.IndexOf('_') >= 0 && !UnderscoreOk(text)) return false;
        string s = text.Replace("_", "");
        if (TryParseHexFloat(s, out value)) return true;
        if (s.Length == 0 || s.IndexOfAny(new[] { 'x', 'X', 'p', 'P' }) >= 0) return false;
        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)) return false;
        return !double.IsInfinity(value);
    }

    private static bool TryParseHexFloat(string s, out double value)
    {
        value = 0;
        var m = System.Text.RegularExpressions.Regex.Match(s, "^([-+]?)0[xX]([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?[pP]([-+]?[0-9]+)$");
        if (!m.Success || m.Groups[2].Length + m.Groups[3].Length == 0) return false;
        double mant = 0;
        foreach (char c in m.Groups[2].Value + m.Groups[3].Value) mant = mant * 16 + System.Convert.ToInt32(c.ToString(), 16);
        if (!int.TryParse(m.Groups[4].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exp)) return false;
        value = mant * System.Math.Pow(2, exp - 4 * m.Groups[3].Length);
        if (m.Groups[1].Value == "-") value = -value;
        return !double.IsInfinity(value);
    }
}
