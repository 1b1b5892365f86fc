using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        else Line(sb, Scalar(v, 2, 0, false)); // go-yaml indents a root block scalar (and folded lines) by 2
        return sb.ToString();
    }

    private static int Column(StringBuilder sb)
    {
        int i = sb.Length - 1;
        while (i >= 0 && sb[i] != '\n') i--;
        return sb.Length - i - 1;
    }

    // the emitter starts the next node on a new line unless the scalar already ended with a line break (literal "|")
    private static void Line(StringBuilder sb, string scalar)
    {
        sb.Append(scalar);
        if (scalar.Length == 0 || !IsBreak(scalar[scalar.Length - 1])) sb.Append('\n');
    }

    private static void CheckDepth(int indent)
    {
        WorkBudget.Tick();
        if (indent > 400) throw new FunctionException("toYaml: nesting too deep (HubDsl limit)");
    }

    /// <summary>Writes map entries; the first one starts at the current position (after "- " when in a list).</summary>
    private static void WriteMap(StringBuilder sb, object map, int indent, int firstColumnOffset)
    {
        CheckDepth(indent);
        bool first = true;
        var entries = new List<KeyValuePair<string, object?>>(GoTypes.SortedEntries(map));
        entries.Sort((x, y) => YamlKeyOrder.Instance.Compare(x.Key, y.Key));
        foreach (var kv in entries)
        {
            if (!(first && firstColumnOffset > 0)) sb.Append(' ', indent);
            first = false;
            if (kv.Key.Any(c => IsBreak(c)) || Encoding.UTF8.GetByteCount(kv.Key) > 128)
            {
                // not a simple key: go-yaml writes "? key" then ": value", the value laid out like a list item
                sb.Append("? ");
                Line(sb, Scalar(kv.Key, indent + 2, Column(sb), false));
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
                Line(sb, Scalar(v, indent + 2, Column(sb), false));
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
        else Line(sb, Scalar(item, indent + 2, Column(sb), false));
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
        return Str(System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", indent, column, isKey);
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

    // ---- go-yaml v2 emitter: scalar analysis, style selection and the four scalar writers ----

    private static bool IsBreak(int r) => r == '\r' || r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029;

    private static bool IsPrintable(int r) =>
        r == 0x0A || (r >= 0x20 && r <= 0x7E) || (r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF);

    private static List<int> Runes(string s)
    {
        var runes = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                runes.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else runes.Add(char.IsSurrogate(s[i]) ? 0xFFFD : s[i]);
        }
        return runes;
    }

    private sealed class Analysis
    {
        public bool Multiline, BlockPlainAllowed, SingleQuotedAllowed, BlockAllowed;
    }

    private static Analysis Analyze(List<int> v)
    {
        var a = new Analysis();
        if (v.Count == 0)
        {
            a.BlockPlainAllowed = true;
            a.SingleQuotedAllowed = true;
            return a;
        }
        bool blockIndicators = false, lineBreaks = false, special = false, leadingSpace = false, leadingBreak = false,
            trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        if (v.Count >= 3 && ((v[0] == '-' && v[1] == '-' && v[2] == '-') || (v[0] == '.' && v[1] == '.' && v[2] == '.'))) blockIndicators = true;
        bool precededByWhitespace = true;
        for (int i = 0; i < v.Count; i++)
        {
            int c = v[i];
            bool followedByWhitespace = i + 1 >= v.Count || v[i + 1] == ' ' || v[i + 1] == '\t';
            if (i == 0)
            {
                if ("#,[]{}&*!|>'\"%@`".IndexOf((char)c) >= 0 && c < 128) blockIndicators = true;
                else if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) blockIndicators = true;
            }
            else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) blockIndicators = true;
            if (!IsPrintable(c)) special = true;
            if (c == ' ')
            {
                if (i == 0) leadingSpace = true;
                if (i == v.Count - 1) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(c))
            {
                lineBreaks = true;
                if (i == 0) leadingBreak = true;
                if (i == v.Count - 1) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = c == ' ' || c == '\t' || IsBreak(c);
        }
        a.Multiline = lineBreaks;
        a.BlockPlainAllowed = a.SingleQuotedAllowed = a.BlockAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.BlockPlainAllowed = false;
        if (trailingSpace) a.BlockAllowed = false;
        if (breakSpace) a.BlockPlainAllowed = a.SingleQuotedAllowed = false;
        if (spaceBreak || special) a.BlockPlainAllowed = a.SingleQuotedAllowed = a.BlockAllowed = false;
        if (lineBreaks) a.BlockPlainAllowed = false;
        if (blockIndicators) a.BlockPlainAllowed = false;
        return a;
    }

    private enum Style { Plain, Single, Double, Literal }

    /// <summary>Renders a string scalar that starts at <paramref name="column"/> (after "key: " or "- ").</summary>
    private static string Str(string s, int indent, int column, bool isKey)
    {
        var v = Runes(s);
        var a = Analyze(v);
        // encoder: literal for text with '\n', plain when it reads back as a string, else double-quoted
        Style style = s.IndexOf('\n') >= 0 ? Style.Literal : !ResolvesToNonString(s) ? Style.Plain : Style.Double;
        if (isKey && a.Multiline) style = Style.Double;
        if (style == Style.Plain && (!a.BlockPlainAllowed || (v.Count == 0 && isKey))) style = Style.Single;
        if (style == Style.Single && !a.SingleQuotedAllowed) style = Style.Double;
        if (style == Style.Literal && (!a.BlockAllowed || isKey)) style = Style.Double;
        var w = new ScalarWriter(indent, column);
        switch (style)
        {
            case Style.Plain: w.Plain(v, !isKey); break;
            case Style.Single: w.Single(v, !isKey); break;
            case Style.Double: w.Double(v, !isKey); break;
            default: w.Literal(v); break;
        }
        return w.ToString();
    }

    /// <summary>The emitter state (column, whitespace, indention) while one scalar is written.</summary>
    private sealed class ScalarWriter
    {
        private readonly StringBuilder _sb = new();
        private readonly int _indent;
        private int _column;
        private bool _whitespace = true;
        private bool _indention;

        public ScalarWriter(int indent, int column)
        {
            _indent = indent;
            _column = column;
        }

        public override string ToString() => _sb.ToString();

        private void Put(char c)
        {
            _sb.Append(c);
            _column++;
        }

        private void Write(int r)
        {
            _sb.Append(char.ConvertFromUtf32(r));
            _column++;
        }

        private void PutBreak()
        {
            _sb.Append('\n');
            _column = 0;
        }

        private void WriteBreak(int r)
        {
            if (r == '\n') PutBreak();
            else
            {
                _sb.Append(char.ConvertFromUtf32(r));
                _column = 0;
            }
        }

        private void WriteIndent()
        {
            if (!_indention || _column > _indent || (_column == _indent && !_whitespace)) PutBreak();
            while (_column < _indent) Put(' ');
            _whitespace = true;
            _indention = true;
        }

        public void Plain(List<int> v, bool allowBreaks)
        {
            bool spaces = false, breaks = false;
            for (int i = 0; i < v.Count; i++)
            {
                int c = v[i];
                if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && !(i + 1 < v.Count && v[i + 1] == ' ')) WriteIndent();
                    else Write(c);
                    spaces = true;
                }
                else if (IsBreak(c))
                {
                    if (!breaks && c == '\n') PutBreak();
                    WriteBreak(c);
                    _indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks) WriteIndent();
                    Write(c);
                    _indention = false;
                    spaces = breaks = false;
                }
            }
        }

        public void Single(List<int> v, bool allowBreaks)
        {
            Put('\'');
            _whitespace = false;
            bool spaces = false, breaks = false;
            for (int i = 0; i < v.Count; i++)
            {
                int c = v[i];
                if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < v.Count - 1 && v[i + 1] != ' ') WriteIndent();
                    else Write(c);
                    spaces = true;
                }
                else if (IsBreak(c))
                {
                    if (!breaks && c == '\n') PutBreak();
                    WriteBreak(c);
                    _indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks) WriteIndent();
                    if (c == '\'') Put('\'');
                    Write(c);
                    _indention = false;
                    spaces = breaks = false;
                }
            }
            Put('\'');
        }

        public void Double(List<int> v, bool allowBreaks)
        {
            Put('"');
            _whitespace = false;
            bool spaces = false;
            for (int i = 0; i < v.Count; i++)
            {
                int c = v[i];
                if (!IsPrintable(c) || IsBreak(c) || c == '"' || c == '\\')
                {
                    Put('\\');
                    string? e = c switch
                    {
                        0x00 => "0",
                        0x07 => "a",
                        0x08 => "b",
                        0x09 => "t",
                        0x0A => "n",
                        0x0B => "v",
                        0x0C => "f",
                        0x0D => "r",
                        0x1B => "e",
                        0x22 => "\"",
                        0x5C => "\\",
                        0x85 => "N",
                        0xA0 => "_",
                        0x2028 => "L",
                        0x2029 => "P",
                        _ => null,
                    };
                    e ??= c <= 0xFF ? "x" + c.ToString("X2", CultureInfo.InvariantCulture)
                        : c <= 0xFFFF ? "u" + c.ToString("X4", CultureInfo.InvariantCulture)
                        : "U" + c.ToString("X8", CultureInfo.InvariantCulture);
                    foreach (char ch in e) Put(ch);
                    spaces = false;
                }
                else if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < v.Count - 1)
                    {
                        WriteIndent();
                        if (v[i + 1] == ' ') Put('\\');
                    }
                    else Write(c);
                    spaces = true;
                }
                else
                {
                    Write(c);
                    spaces = false;
                }
            }
            Put('"');
        }

        public void Literal(List<int> v)
        {
            Put('|');
            if (v.Count > 0 && (v[0] == ' ' || IsBreak(v[0]))) Put('2');
            if (v.Count == 0 || !IsBreak(v[v.Count - 1])) Put('-');
            else if (v.Count == 1 || IsBreak(v[v.Count - 2])) Put('+');
            PutBreak();
            _indention = true;
            _whitespace = true;
            bool breaks = true;
            foreach (int c in v)
            {
                if (IsBreak(c))
                {
                    WriteBreak(c);
                    _indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks) WriteIndent();
                    Write(c);
                    _indention = false;
                    breaks = false;
                }
            }
        }
    }
}
