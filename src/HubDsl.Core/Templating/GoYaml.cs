using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>
/// sigs.k8s.io/yaml Marshal of the data model: a JSON round trip (keys sorted, numbers as JSON numbers) then
/// go-yaml v2's emitter: block style, sequences not indented under their key, strings that would read back as another
/// type double-quoted, strings unsafe as plain text single-quoted, multi-line strings as literal blocks, and long
/// flow scalars folded at column 80 as go-yaml does.
/// </summary>
internal static class GoYaml
{
    private const int BestWidth = 80;

    public static string Marshal(object? v)
    {
        var sb = new StringBuilder();
        if (v is IReadOnlyList<object?> l && l.Count > 0) WriteSeq(sb, l, 0);
        else if (GoTypes.IsMap(v) && GoTypes.Length(v) > 0) WriteMap(sb, v!, 0, 0);
        else sb.Append(Scalar(v, 0, 0, false)).Append('\n');
        return sb.ToString();
    }

    private static int Column(StringBuilder sb)
    {
        int i = sb.Length - 1;
        while (i >= 0 && sb[i] != '\n') i--;
        return sb.Length - i - 1;
    }

    private static void CheckDepth(int indent)
    {
        if (indent > 400) throw new FunctionException("toYaml: nesting too deep (HubDsl limit)");
    }

    /// <summary>Writes map entries; the first one starts at the current position (after "- " when in a list).</summary>
    private static void WriteMap(StringBuilder sb, object map, int indent, int firstColumnOffset)
    {
        CheckDepth(indent);
        bool first = true;
        foreach (var kv in GoTypes.SortedEntries(map))
        {
            if (!(first && firstColumnOffset > 0)) sb.Append(' ', indent);
            first = false;
            if (kv.Key.IndexOf('\n') >= 0 || Encoding.UTF8.GetByteCount(kv.Key) > 128)
            {
                // not a simple key: go-yaml writes "? key" then ": value", the value laid out like a list item
                sb.Append("? ").Append(Scalar(kv.Key, indent + 2, Column(sb), false)).Append('\n');
                sb.Append(' ', indent).Append(": ");
                WriteItem(sb, kv.Value, indent);
                continue;
            }
            sb.Append(Scalar(kv.Key, indent, Column(sb), true)).Append(':');
            object? v = kv.Value;
            if (v is IReadOnlyList<object?> l && l.Count > 0)
            {
                sb.Append('\n');
                WriteSeq(sb, l, indent);
            }
            else if (GoTypes.IsMap(v) && GoTypes.Length(v) > 0)
            {
                sb.Append('\n');
                WriteMap(sb, v!, indent + 2, 0);
            }
            else
            {
                sb.Append(' ');
                sb.Append(Scalar(v, indent + 2, Column(sb), false)).Append('\n');
            }
        }
    }

    private static void WriteSeq(StringBuilder sb, IReadOnlyList<object?> list, int indent, bool firstOnCurrentLine = false)
    {
        CheckDepth(indent);
        bool first = true;
        foreach (var item in list)
        {
            if (!(first && firstOnCurrentLine)) sb.Append(' ', indent);
            first = false;
            sb.Append("- ");
            WriteItem(sb, item, indent);
        }
    }

    /// <summary>The node after "- " (or after ": " of a complex key): collections start on the same line.</summary>
    private static void WriteItem(StringBuilder sb, object? item, int indent)
    {
        if (GoTypes.IsMap(item) && GoTypes.Length(item) > 0) WriteMap(sb, item!, indent + 2, 2);
        else if (item is IReadOnlyList<object?> inner && inner.Count > 0) WriteSeq(sb, inner, indent + 2, true);
        else sb.Append(Scalar(item, indent + 2, Column(sb), false)).Append('\n');
    }

    private static string Scalar(object? v, int indent, int column, bool isKey)
    {
        switch (v)
        {
            case null: return "null";
            case NilMap: return "null";
            case bool b: return b ? "true" : "false";
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case double d: return Number(d);
            case IReadOnlyList<object?>: return "[]";
            case string s: return Str(s, indent, column, isKey);
        }
        if (GoTypes.IsMap(v)) return "{}";
        return Str(v.ToString() ?? "", indent, column, isKey);
    }

    // After the JSON round trip a number that JSON wrote without '.'/'e' and that fits 64 bits reads back as an integer.
    private static string Number(double d)
    {
        string json = GoFloat.FormatJson(d);
        if (json.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 &&
            (long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || ulong.TryParse(json, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return json;
        return GoFloat.FormatG(d);
    }

    private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "", "~", "null", "Null", "NULL",
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    };

    /// <summary>go-yaml v2's resolve(): would this plain text read back as something other than a string?</summary>
    private static bool ResolvesToNonString(string s)
    {
        if (Reserved.Contains(s)) return true;
        if (s.Length == 0 || "+-.0123456789".IndexOf(s[0]) < 0) return false;
        string plain = s.Replace("_", "");
        if (NumberParser.TryParseInteger(plain, out _, out _)) return true;
        if (GoParseFloat(plain)) return true;
        if (System.Text.RegularExpressions.Regex.IsMatch(s, @"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")) return true; // base 60
        if (IsTimestamp(s)) return true;
        return false;
    }

    private static bool GoParseFloat(string s) =>
        System.Text.RegularExpressions.Regex.IsMatch(s, @"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$") ||
        System.Text.RegularExpressions.Regex.IsMatch(s, @"^[-+]?(?i:inf|infinity|nan)$");

    private static bool IsTimestamp(string s) =>
        System.Text.RegularExpressions.Regex.IsMatch(s, @"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$");

    private static bool IsPrintable(char c) =>
        c == '\n' || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || char.IsSurrogate(c);

    private static string Str(string s, int indent, int column, bool isKey)
    {
        bool special = false;
        foreach (char c in s)
            if (!IsPrintable(c)) special = true;
        bool multiline = s.IndexOf('\n') >= 0;
        bool spaceBreak = s.Contains(" \n");
        if (ResolvesToNonString(s) || special || (multiline && (spaceBreak || isKey || s.EndsWith(" ", System.StringComparison.Ordinal))))
            return DoubleQuoted(s, indent, column, !isKey);
        if (multiline) return Literal(s, indent);
        if (!PlainAllowed(s)) return SingleQuoted(s, indent, column, !isKey);
        return Plain(s, indent, column, !isKey);
    }

    /// <summary>The emitter's scalar analysis for plain style in block context.</summary>
    private static bool PlainAllowed(string s)
    {
        if (s[0] == ' ' || s[s.Length - 1] == ' ') return false;
        if ("#,[]{}&*!|>'\"%@`".IndexOf(s[0]) >= 0) return false;
        if ((s[0] == '-' || s[0] == '?' || s[0] == ':') && (s.Length == 1 || s[1] == ' ')) return false;
        if (s.StartsWith("---", System.StringComparison.Ordinal) || s.StartsWith("...", System.StringComparison.Ordinal)) return false;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == ':' && (i + 1 == s.Length || s[i + 1] == ' ')) return false;
            if (s[i] == '#' && s[i - 1] == ' ') return false;
        }
        return true;
    }

    // Folding: a space may become a line break once the column passes 80, if the previous char was not a space
    // and the next is not one either (go-yaml's write_plain_scalar / write_single_quoted).
    private static string Plain(string s, int indent, int column, bool allowBreaks) => Folded(s, indent, column, allowBreaks, "", "", 0);

    private static string SingleQuoted(string s, int indent, int column, bool allowBreaks) =>
        Folded(s.Replace("'", "''"), indent, column, allowBreaks, "'", "'", 1);

    private static string Folded(string s, int indent, int column, bool allowBreaks, string open, string close, int openWidth)
    {
        var sb = new StringBuilder(open);
        int col = column + openWidth;
        bool spaces = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && col > BestWidth && i != 0 && i != s.Length - 1 && s[i + 1] != ' ')
                {
                    sb.Append('\n').Append(' ', indent);
                    col = indent;
                }
                else
                {
                    sb.Append(c);
                    col++;
                }
                spaces = true;
            }
            else
            {
                sb.Append(c);
                if (!char.IsLowSurrogate(c)) col++;
                spaces = false;
            }
        }
        return sb.Append(close).ToString();
    }

    private static string DoubleQuoted(string s, int indent, int column, bool allowBreaks)
    {
        var sb = new StringBuilder("\"");
        int col = column + 1;
        bool spaces = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            string? esc = c switch
            {
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\v' => "\\v",
                '\f' => "\\f",
                '\r' => "\\r",
                '\u001b' => "\\e",
                '"' => "\\\"",
                '\\' => "\\\\",
                '\u0085' => "\\N",
                '\u00a0' => "\\_",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ => null,
            };
            if (esc == null && !IsPrintable(c)) esc = c <= 0xFF ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            if (esc != null)
            {
                sb.Append(esc);
                col += esc.Length;
                spaces = false;
                continue;
            }
            if (c == ' ')
            {
                if (allowBreaks && !spaces && col > BestWidth && i != 0 && i != s.Length - 1)
                {
                    sb.Append('\n').Append(' ', indent);
                    col = indent;
                    if (s[i + 1] == ' ')
                    {
                        sb.Append('\\');
                        col++;
                    }
                }
                else
                {
                    sb.Append(c);
                    col++;
                }
                spaces = true;
                continue;
            }
            sb.Append(c);
            if (!char.IsLowSurrogate(c)) col++;
            spaces = false;
        }
        return sb.Append('"').ToString();
    }

    private static string Literal(string s, int indent)
    {
        var sb = new StringBuilder("|");
        if (s[0] == ' ' || s[0] == '\n') sb.Append('2');
        if (!s.EndsWith("\n", System.StringComparison.Ordinal)) sb.Append('-');
        else if (s.Length >= 2 && s[s.Length - 2] == '\n') sb.Append('+');
        string body = s.EndsWith("\n", System.StringComparison.Ordinal) ? s.Substring(0, s.Length - 1) : s;
        foreach (var line in body.Split('\n'))
        {
            sb.Append('\n');
            if (line.Length > 0) sb.Append(' ', indent).Append(line);
        }
        return sb.ToString();
    }
}
