using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Go's <c>fmt.Sprintf("%v", v)</c> and <c>json.Marshal</c> for parameter values, used where Argo CD turns
/// params into strings: the fasttemplate matrix merge, the post selector's flattening and merge keys.
/// </summary>
internal static class GoValueFormat
{
    public static string Format(object? value)
    {
        switch (value)
        {
            case null: return "<nil>";
            case string s: return s;
            case bool b: return b ? "true" : "false";
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case double d: return FormatFloat(d);
            case IReadOnlyDictionary<string, string> sm:
                return "map[" + string.Join(" ", sm.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => k + ":" + sm[k])) + "]";
            case IReadOnlyDictionary<string, object?> m:
                return "map[" + string.Join(" ", m.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => k + ":" + Format(m[k]))) + "]";
            case IReadOnlyList<object?> list:
                return "[" + string.Join(" ", list.Select(Format)) + "]";
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    /// <summary>%v of a float64: shortest digits, exponent form when the exponent is below -4 or at least 21.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "+Inf";
        if (double.IsNegativeInfinity(d)) return "-Inf";
        if (d == 0) return (1 / d) < 0 ? "-0" : "0";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative) r = r.Substring(1);
        var exponent = 0;
        var e = r.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            exponent = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r.Substring(0, e);
        }

        var point = r.IndexOf('.');
        var digits = point < 0 ? r : r.Remove(point, 1);
        var decimalPoint = (point < 0 ? r.Length : point) + exponent;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            decimalPoint--;
        }

        digits = digits.Substring(lead).TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var exp = decimalPoint - 1;
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (exp < -4 || exp >= 21)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decimalPoint <= 0)
        {
            sb.Append("0.").Append('0', -decimalPoint).Append(digits);
        }
        else if (decimalPoint >= digits.Length)
        {
            sb.Append(digits).Append('0', decimalPoint - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
        }

        return sb.ToString();
    }

    /// <summary>JSON like Go's encoding/json: map keys sorted, HTML characters escaped.</summary>
    public static string Json(object? value)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: GoJson.WriteString(sb, s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FormatFloat(d)); break;
            case IReadOnlyDictionary<string, string> sm:
                WriteJsonObject(sb, sm.Keys, k => sm[k]);
                break;
            case IReadOnlyDictionary<string, object?> m:
                WriteJsonObject(sb, m.Keys, k => m[k]);
                break;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteJson(sb, list[i]);
                }

                sb.Append(']');
                break;
            default: GoJson.WriteString(sb, Format(value)); break;
        }
    }

    private static void WriteJsonObject(StringBuilder sb, IEnumerable<string> keys, Func<string, object?> get)
    {
        sb.Append('{');
        var first = true;
        foreach (var key in keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!first) sb.Append(',');
            first = false;
            GoJson.WriteString(sb, key);
            sb.Append(':');
            WriteJson(sb, get(key));
        }

        sb.Append('}');
    }
}
