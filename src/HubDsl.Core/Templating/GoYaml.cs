using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>
/// sigs.k8s.io/yaml Marshal of the data model: JSON round trip (so keys sorted, numbers as JSON numbers), then
/// go-yaml v2 block style (sequences not indented under their key). Scalar quoting follows go-yaml's rules for the
/// common cases: strings that would read back as another type are double-quoted, multi-line strings use "|-".
/// </summary>
internal static class GoYaml
{
    public static string Marshal(object? v)
    {
        var sb = new StringBuilder();
        if (v is IReadOnlyList<object?> l && l.Count > 0) WriteSeq(sb, l, 0);
        else if (GoTypes.IsMap(v) && GoTypes.Length(v) > 0) WriteMap(sb, v!, 0);
        else sb.Append(Scalar(v, 0)).Append('\n');
        return sb.ToString();
    }

    private static void WriteMap(StringBuilder sb, object map, int indent)
    {
        foreach (var kv in GoTypes.SortedEntries(map))
        {
            sb.Append(' ', indent).Append(Scalar(kv.Key, indent)).Append(':');
            WriteValue(sb, kv.Value, indent, true);
        }
    }

    private static void WriteSeq(StringBuilder sb, IReadOnlyList<object?> list, int indent)
    {
        foreach (var item in list)
        {
            sb.Append(' ', indent).Append('-');
            if (GoTypes.IsMap(item) && GoTypes.Length(item) > 0)
            {
                // the first key goes on the dash line
                var inner = new StringBuilder();
                WriteMap(inner, item!, indent + 2);
                sb.Append(' ').Append(inner.ToString(indent + 2, inner.Length - indent - 2));
            }
            else if (item is IReadOnlyList<object?> inner && inner.Count > 0)
            {
                var nested = new StringBuilder();
                WriteSeq(nested, inner, indent + 2);
                sb.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
            }
            else WriteValue(sb, item, indent, false);
        }
    }

    private static void WriteValue(StringBuilder sb, object? v, int indent, bool inMap)
    {
        if (v is IReadOnlyList<object?> l && l.Count > 0)
        {
            sb.Append('\n');
            WriteSeq(sb, l, inMap ? indent : indent + 2);
        }
        else if (GoTypes.IsMap(v) && GoTypes.Length(v) > 0)
        {
            sb.Append('\n');
            WriteMap(sb, v!, indent + 2);
        }
        else sb.Append(' ').Append(Scalar(v, indent + 2)).Append('\n');
    }

    private static string Scalar(object? v, int indent)
    {
        switch (v)
        {
            case null: return "null";
            case bool b: return b ? "true" : "false";
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case double d: return Math(d);
            case IReadOnlyList<object?>: return "[]";
            case string s: return Str(s, indent);
        }
        if (GoTypes.IsMap(v)) return "{}";
        return Str(v.ToString() ?? "", indent);
    }

    private static string Math(double d)
    {
        // after the JSON round trip an integral float is an int
        if (System.Math.Floor(d) == d && System.Math.Abs(d) < 1e15) return ((long)d).ToString(CultureInfo.InvariantCulture);
        string s = GoFloat.FormatG(d);
        return s;
    }

    private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN", "<<",
    };

    private static string Str(string s, int indent)
    {
        if (s.IndexOf('\n') >= 0 && s.Trim(' ').Length > 0 && !s.StartsWith(" ", System.StringComparison.Ordinal))
        {
            var sb = new StringBuilder(s.EndsWith("\n", System.StringComparison.Ordinal) ? "|" : "|-");
            string body = s.EndsWith("\n", System.StringComparison.Ordinal) ? s.Substring(0, s.Length - 1) : s;
            foreach (var line in body.Split('\n'))
            {
                sb.Append('\n');
                if (line.Length > 0) sb.Append(' ', indent).Append(line);
            }
            return sb.ToString();
        }
        if (NeedsQuotes(s)) return Quote(s);
        return s;
    }

    private static bool LooksNumeric(string s) =>
        double.TryParse(s.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out _) ||
        (s.StartsWith("0x", System.StringComparison.Ordinal) && s.Length > 2) ||
        System.Text.RegularExpressions.Regex.IsMatch(s, "^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$");

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || Reserved.Contains(s) || LooksNumeric(s)) return true;
        if (s[0] == ' ' || s[s.Length - 1] == ' ') return true;
        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(s[0]) >= 0)
        {
            // "-", "?" and ":" start a plain scalar only when followed by a non-space
            if (!((s[0] == '-' || s[0] == '?' || s[0] == ':') && s.Length > 1 && s[1] != ' ')) return true;
        }
        if (s.Contains(": ") || s.Contains(" #") || s.EndsWith(":", System.StringComparison.Ordinal)) return true;
        foreach (char c in s)
            if (c < ' ' || c == '\u007f' || c == '\t') return true;
        return false;
    }

    private static string Quote(string s)
    {
        // go-yaml single-quotes strings that are only unsafe as plain text, double-quotes those that resolve to another type
        if (Reserved.Contains(s) || LooksNumeric(s) || s.Length == 0 || HasControl(s))
        {
            var sb = new StringBuilder("\"");
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c == '\t') sb.Append("\\t");
                else if (c == '\r') sb.Append("\\r");
                else if (c == '\n') sb.Append("\\n");
                else if (c < ' ') sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }
        return "'" + s.Replace("'", "''") + "'";
    }

    private static bool HasControl(string s)
    {
        foreach (char c in s)
            if (c < ' ') return true;
        return false;
    }
}
