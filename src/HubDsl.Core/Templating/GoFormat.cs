using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>fmt's %v rendering of data-model values, and fmt.Sprint / Sprintln spacing rules.</summary>
internal static class GoFormat
{
    public static string Value(object? o)
    {
        var sb = new StringBuilder();
        Append(sb, o, 0);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? o, int depth)
    {
        WorkBudget.Tick();
        switch (o)
        {
            case null:
                sb.Append("<nil>");
                return;
            case string s:
                sb.Append(s);
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                return;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                sb.Append(GoFloat.FormatG(d));
                return;
            case float f:
                sb.Append(GoFloat.FormatG(f));
                return;
        }
        if (depth > 64)
        {
            sb.Append("...");
            return;
        }
        if (GoTypes.IsMap(o))
        {
            sb.Append("map[");
            bool first = true;
            foreach (var kv in GoTypes.SortedEntries(o))
            {
                if (!first) sb.Append(' ');
                first = false;
                sb.Append(kv.Key).Append(':');
                Append(sb, kv.Value, depth + 1);
            }
            sb.Append(']');
            return;
        }
        if (o is IReadOnlyList<object?> list)
        {
            sb.Append('[');
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                Append(sb, list[i], depth + 1);
            }
            sb.Append(']');
            return;
        }
        // a value outside the data model: culture-invariant text rather than the current culture's
        sb.Append(System.Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>fmt.Sprint: a space between operands when neither side is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0 && !(args[i] is string) && !(args[i - 1] is string)) sb.Append(' ');
            sb.Append(Value(args[i]));
        }
        return sb.ToString();
    }

    /// <summary>fmt.Sprintln: always spaces, then a newline.</summary>
    public static string Sprintln(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(Value(args[i]));
        }
        sb.Append('\n');
        return sb.ToString();
    }
}
