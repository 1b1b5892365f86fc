using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>encoding/json Marshal / MarshalIndent of the data model: sorted keys, HTML-safe escaping.</summary>
internal static class GoJson
{
    public static string Serialize(object? v, bool pretty, bool escapeHtml = true)
    {
        var sb = new StringBuilder();
        Write(sb, v, pretty, 0, escapeHtml);
        return sb.ToString();
    }

    private static void Newline(StringBuilder sb, bool pretty, int depth)
    {
        if (!pretty) return;
        sb.Append('\n').Append(' ', depth * 2);
    }

    private static void Write(StringBuilder sb, object? v, bool pretty, int depth, bool html)
    {
        if (depth > 200) throw new FunctionException("json: nesting too deep (HubDsl limit)");
        WorkBudget.Tick();
        switch (v)
        {
            case null: sb.Append("null"); return;
            case NilMap: sb.Append("null"); return;
            case string s: WriteString(sb, s, html); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); return;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); return;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d)) throw new FunctionException("json: unsupported value: " + GoFloat.FormatG(d));
                sb.Append(GoFloat.FormatJson(d));
                return;
        }
        if (GoTypes.IsMap(v))
        {
            sb.Append('{');
            bool any = false;
            foreach (var kv in GoTypes.SortedEntries(v!))
            {
                if (any) sb.Append(',');
                any = true;
                Newline(sb, pretty, depth + 1);
                WriteString(sb, kv.Key, html);
                sb.Append(pretty ? ": " : ":");
                Write(sb, kv.Value, pretty, depth + 1, html);
            }
            if (any) Newline(sb, pretty, depth);
            sb.Append('}');
            return;
        }
        if (v is IReadOnlyList<object?> list)
        {
            sb.Append('[');
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) sb.Append(',');
                Newline(sb, pretty, depth + 1);
                Write(sb, list[i], pretty, depth + 1, html);
            }
            if (list.Count > 0) Newline(sb, pretty, depth);
            sb.Append(']');
            return;
        }
        WriteString(sb, System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", html);
    }

    internal static void WriteString(StringBuilder sb, string s, bool html = true)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' when html: sb.Append("\\u003c"); break;
                case '>' when html: sb.Append("\\u003e"); break;
                case '&' when html: sb.Append("\\u0026"); break;
                case '\u2028': sb.Append("\\u2028"); break;
                case '\u2029': sb.Append("\\u2029"); break;
                default:
                    if (c < 0x20) sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
