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
            string? s = GoQuote.Unquote(text);
            if (s == null) throw error("invalid syntax");
            int r = char.ConvertToUtf32(s, 0);
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

    /// <summary>Decimal floats only (Go also accepts hex floats; those are reported as illegal here).</summary>
    internal static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        string s = text.Replace("_", "");
        if (s.Length == 0 || s.IndexOfAny(new[] { 'x', 'X', 'p', 'P' }) >= 0) return false;
        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)) return false;
        return !double.IsInfinity(value);
    }
}
