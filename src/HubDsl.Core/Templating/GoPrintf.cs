using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>fmt.Sprintf for the verbs templates use (%v %s %d %q %t %x %X %o %b %c %f %F %e %g %%), with fmt's
/// %!verb(type=value), %!verb(MISSING) and %!(EXTRA ...) error forms.</summary>
internal static class GoPrintf
{
    private sealed class Spec
    {
        public bool Minus, Plus, Zero, Space, Sharp;
        public int Width = -1, Prec = -1;
    }

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        int argi = 0;
        int i = 0;
        bool reordered = false;
        bool badIndex = false;
        while (i < format.Length)
        {
            char c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }
            i++;
            var spec = new Spec();
            // flags
            for (; i < format.Length; i++)
            {
                char f = format[i];
                if (f == '-') { spec.Minus = true; spec.Zero = false; }
                else if (f == '+') spec.Plus = true;
                else if (f == '0') spec.Zero = !spec.Minus;
                else if (f == ' ') spec.Space = true;
                else if (f == '#') spec.Sharp = true;
                else break;
            }
            badIndex = false;
            ArgIndex(format, ref i, args.Count, ref argi, ref reordered, ref badIndex);
            spec.Width = ReadNumber(format, ref i, args, ref argi, sb);
            if (spec.Width < -1)
            {
                spec.Minus = true;
                spec.Width = -spec.Width - 2;
            }
            if (i < format.Length && format[i] == '.')
            {
                i++;
                ArgIndex(format, ref i, args.Count, ref argi, ref reordered, ref badIndex);
                int p = ReadNumber(format, ref i, args, ref argi, sb, precision: true);
                // "%.f" has precision 0; a negative '*' precision counts as none
                spec.Prec = p == -1 ? 0 : p < -1 ? -1 : p;
            }
            ArgIndex(format, ref i, args.Count, ref argi, ref reordered, ref badIndex);
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            int verb;
            if (char.IsHighSurrogate(format[i]) && i + 1 < format.Length && char.IsLowSurrogate(format[i + 1]))
            {
                verb = char.ConvertToUtf32(format[i], format[i + 1]);
                i += 2;
            }
            else
            {
                verb = char.IsSurrogate(format[i]) ? 0xFFFD : format[i];
                i++;
            }
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }
            if (verb == 'v' && spec.Sharp) throw new FunctionException("printf: %#v (Go-syntax values) is not supported by HubDsl");
            // %+v means "with field names" in fmt, not "with a sign"
            if (verb == 'v') spec.Plus = false;
            if (badIndex)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(BADINDEX)");
                continue;
            }
            if (argi >= args.Count)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(MISSING)");
                continue;
            }
            FormatArg(sb, spec, verb, args[argi++]);
        }
        if (!reordered && argi < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (int k = argi; k < args.Count; k++)
            {
                if (k > argi) sb.Append(", ");
                if (args[k] == null) sb.Append("<nil>");
                else sb.Append(GoTypes.NameOf(args[k])).Append('=').Append(GoFormat.Value(args[k]));
            }
            sb.Append(')');
        }
        return sb.ToString();
    }

    /// <summary>An explicit argument index "[n]" (1-based) selects the next argument.</summary>
    private static void ArgIndex(string format, ref int i, int count, ref int argi, ref bool reordered, ref bool bad)
    {
        if (i >= format.Length || format[i] != '[') return;
        reordered = true;
        int close = format.IndexOf(']', i + 1);
        if (close < 0)
        {
            bad = true;
            i = format.Length;
            return;
        }
        string digits = format.Substring(i + 1, close - i - 1);
        i = close + 1;
        if (digits.Length == 0 || !digits.All(char.IsDigit) || digits.Length > 6 || int.Parse(digits, CultureInfo.InvariantCulture) < 1 || int.Parse(digits, CultureInfo.InvariantCulture) > count)
        {
            bad = true;
            return;
        }
        argi = int.Parse(digits, CultureInfo.InvariantCulture) - 1;
    }

    private static int ReadNumber(string format, ref int i, IReadOnlyList<object?> args, ref int argi, StringBuilder sb, bool precision = false)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            if (argi < args.Count && args[argi] is int n)
            {
                argi++;
                if (precision && n < 0)
                {
                    sb.Append("%!(BADPREC)");
                    return -2;
                }
                // a negative '*' width means left-justify: encoded as -(width) - 2 for the caller
                return n < 0 ? n - 2 : n;
            }
            if (argi < args.Count) argi++;
            sb.Append(precision ? "%!(BADPREC)" : "%!(BADWIDTH)");
            return precision ? -2 : -1;
        }
        int start = i;
        int v = 0;
        while (i < format.Length && format[i] >= '0' && format[i] <= '9')
        {
            if (v < 1_000_000) v = v * 10 + (format[i] - '0');
            i++;
        }
        return i == start ? -1 : v;
    }

    private static void FormatArg(StringBuilder sb, Spec spec, int verb, object? arg, int depth = 0)
    {
        WorkBudget.Tick();
        if (verb == 'T')
        {
            sb.Append(Pad(spec, arg == null ? "<nil>" : GoTypes.NameOf(arg), false));
            return;
        }
        if (depth > 64)
        {
            // a dict that contains itself (set $d "x" $d) would recurse forever; Go's fmt would overflow its stack
            sb.Append("...");
            return;
        }
        if (arg == null && depth > 0)
        {
            // fmt prints a nil element inside a slice or map as a bare <nil>, whatever the verb and width
            sb.Append("<nil>");
            return;
        }
        if (arg is IReadOnlyList<object?> list && verb != 'p')
        {
            // fmt formats slices element by element with the same verb and flags
            sb.Append('[');
            for (int k = 0; k < list.Count; k++)
            {
                if (k > 0) sb.Append(' ');
                FormatArg(sb, spec, verb, list[k], depth + 1);
            }
            sb.Append(']');
            return;
        }
        if (GoTypes.IsMap(arg))
        {
            sb.Append("map[");
            bool first = true;
            foreach (var kv in GoTypes.SortedEntries(arg!))
            {
                if (!first) sb.Append(' ');
                first = false;
                FormatArg(sb, spec, verb, kv.Key, depth + 1);
                sb.Append(':');
                FormatArg(sb, spec, verb, kv.Value, depth + 1);
            }
            sb.Append(']');
            return;
        }
        string? body = Format(spec, verb, arg);
        if (body == null)
        {
            // fmt's badVerb: %!verb(type=value), the value printed with %v and the same flags, width and precision
            sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append('(');
            if (arg == null) sb.Append("<nil>");
            else
            {
                sb.Append(GoTypes.NameOf(arg)).Append('=');
                FormatArg(sb, spec, 'v', arg, depth);
            }
            sb.Append(')');
            return;
        }
        // an explicit precision turns off zero padding for integers (fmtInteger)
        bool integer = arg is int || arg is long;
        var padSpec = integer && spec.Prec >= 0 && spec.Zero ? new Spec { Minus = spec.Minus, Width = spec.Width, Prec = spec.Prec } : spec;
        sb.Append(Pad(padSpec, body, integer || arg is double || arg is float));
    }

    private static string Pad(Spec spec, string body, bool numeric)
    {
        int len = new StringInfo(body).LengthInTextElements;
        if (spec.Width < 0 || len >= spec.Width) return body;
        int n = spec.Width - len;
        if (spec.Minus) return body + new string(' ', n);
        if (spec.Zero)
        {
            if (numeric && body.Length > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' '))
                return body[0] + new string('0', n) + body.Substring(1);
            return new string('0', n) + body;
        }
        return new string(' ', n) + body;
    }

    private static string Sign(Spec spec, bool negative) => negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";

    private static FunctionException Unsupported(string what) => new("printf: " + what + " is not supported by HubDsl");

    private static string? Format(Spec spec, int verb, object? arg)
    {
        // rare flag combinations whose fmt output HubDsl does not reproduce are refused rather than approximated
        if (arg is string && (verb == 'x' || verb == 'X') && (spec.Prec >= 0 || spec.Sharp || spec.Space || spec.Plus)) throw Unsupported("%x with a precision or flags on a string");
        if ((arg is int || arg is long) && spec.Sharp && (spec.Prec >= 0 || verb == 'b' || verb == 'c' || verb == 'q' || verb == 'U')) throw Unsupported("the # flag with this integer verb or a precision");
        if ((arg is int || arg is long) && verb == 'U' && (spec.Prec >= 0 || System.Convert.ToInt64(arg, CultureInfo.InvariantCulture) < 0)) throw Unsupported("%U with a precision or a negative value");
        if ((arg is int || arg is long) && (verb == 'c' || verb == 'q') && (spec.Prec >= 0 || spec.Plus || spec.Space)) throw Unsupported("%c/%q with a sign flag or a precision on an integer");
        switch (arg)
        {
            case null:
                if (verb == 'v') return "<nil>";
                return null;
            case string s:
                switch (verb)
                {
                    case 'v':
                    case 's':
                        return spec.Prec >= 0 ? TruncateRunes(s, spec.Prec) : s;
                    case 'q':
                    {
                        string q = spec.Prec >= 0 ? TruncateRunes(s, spec.Prec) : s;
                        // %#q backquotes when strconv.CanBackquote allows it (no backquote, no control characters but tab)
                        if (spec.Sharp && q.All(ch => ch != '`' && (ch >= ' ' || ch == '\t') && ch != '\u007f' && ch != '\uFEFF')) return "`" + q + "`";
                        return GoQuote.Quote(q, -1, asciiOnly: spec.Plus);
                    }
                    case 'x':
                    case 'X':
                    {
                        var bytes = Encoding.UTF8.GetBytes(s);
                        var sb = new StringBuilder();
                        foreach (byte b in bytes) sb.Append(b.ToString(verb == 'x' ? "x2" : "X2", CultureInfo.InvariantCulture));
                        return sb.ToString();
                    }
                    default:
                        return null;
                }
            case bool b:
                return verb == 'v' || verb == 't' ? (b ? "true" : "false") : null;
            case int i:
                return FormatInt(spec, verb, i);
            case long l:
                return FormatInt(spec, verb, l);
            case double d:
                return FormatFloat(spec, verb, d);
            case float f:
                return FormatFloat(spec, verb, f);
        }
        if (verb == 'v' || verb == 's') return GoFormat.Value(arg);
        return null;
    }

    private static string? FormatInt(Spec spec, int verb, long v)
    {
        bool neg = v < 0;
        ulong mag = neg ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        string digits;
        switch (verb)
        {
            case 'v':
            case 'd':
                digits = mag.ToString(CultureInfo.InvariantCulture);
                break;
            case 'x':
                digits = mag.ToString("x", CultureInfo.InvariantCulture);
                if (spec.Sharp) digits = "0x" + digits;
                break;
            case 'X':
                digits = mag.ToString("X", CultureInfo.InvariantCulture);
                if (spec.Sharp) digits = "0X" + digits;
                break;
            case 'o':
                digits = ToBase(mag, 8);
                if (spec.Sharp && digits[0] != '0') digits = "0" + digits;
                break;
            case 'b':
                digits = ToBase(mag, 2);
                break;
            case 'c':
                return v >= 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) ? char.ConvertFromUtf32((int)v) : "\uFFFD";
            case 'q':
                if (v >= 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
                {
                    var sb = new StringBuilder("'");
                    GoQuote.AppendEscaped(sb, (int)v, '\'');
                    return sb.Append('\'').ToString();
                }
                return "'\uFFFD'";
            case 'U':
                return "U+" + mag.ToString("X4", CultureInfo.InvariantCulture);
            default:
                return null;
        }
        // fmt: a zero value with precision 0 prints nothing, not even a sign (only padding)
        if (spec.Prec == 0 && v == 0 && (verb == 'd' || verb == 'v' || verb == 'x' || verb == 'X' || verb == 'o' || verb == 'b')) return "";
        if (spec.Prec >= 0 && digits.Length < spec.Prec) digits = new string('0', spec.Prec - digits.Length) + digits;
        // fmt: "%.0d" of zero prints nothing
        if (spec.Prec == 0 && v == 0 && (verb == 'd' || verb == 'v' || verb == 'x' || verb == 'X' || verb == 'o' || verb == 'b')) digits = "";
        return Sign(spec, neg) + digits;
    }

    private static string ToBase(ulong v, int radix)
    {
        if (v == 0) return "0";
        var sb = new StringBuilder();
        while (v > 0)
        {
            sb.Insert(0, (char)('0' + (int)(v % (ulong)radix)));
            v /= (ulong)radix;
        }
        return sb.ToString();
    }

    private static string? FormatFloat(Spec spec, int verb, double d)
    {
        bool neg = d < 0 || (d == 0 && System.BitConverter.DoubleToInt64Bits(d) < 0);
        double a = System.Math.Abs(d);
        string body;
        switch (verb)
        {
            case 'v':
            case 'g':
            case 'G':
                if (spec.Sharp) throw new FunctionException("printf: the # flag on floats is not supported by HubDsl");
                body = spec.Prec >= 0 ? GPrec(a, spec.Prec) : GoFloat.FormatG(a);
                if (verb == 'G') body = body.ToUpperInvariant();
                break;
            case 'f':
            case 'F':
                if (spec.Sharp) throw new FunctionException("printf: the # flag on floats is not supported by HubDsl");
                body = GoFloat.FormatF(a, spec.Prec < 0 ? 6 : spec.Prec);
                break;
            case 'e':
            case 'E':
                if (spec.Sharp) throw new FunctionException("printf: the # flag on floats is not supported by HubDsl");
                body = GoFloat.FormatEPrec(a, spec.Prec < 0 ? 6 : spec.Prec);
                if (verb == 'E') body = body.ToUpperInvariant();
                break;
            case 'b':
                throw new FunctionException("printf: %b on floats is not supported by HubDsl");
            case 'x':
            case 'X':
                if (spec.Prec >= 0) throw new FunctionException("printf: %x with a precision on a float is not supported by HubDsl");
                body = GoFloat.FormatHex(a, verb == 'X');
                break;
            default:
                return null;
        }
        if (double.IsNaN(d)) return (spec.Plus ? "+" : spec.Space ? " " : "") + "NaN";
        return Sign(spec, neg) + body.TrimStart('+');
    }

    private static string GPrec(double a, int prec)
    {
        if (prec == 0) prec = 1;
        string e = a.ToString("E" + (prec - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int exp = int.Parse(e.Substring(e.IndexOf('E') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exp < -4 || exp >= prec)
        {
            string mant = e.Substring(0, e.IndexOf('E'));
            if (mant.IndexOf('.') >= 0) mant = mant.TrimEnd('0').TrimEnd('.');
            int ax = System.Math.Abs(exp);
            return mant + "e" + (exp < 0 ? "-" : "+") + (ax < 10 ? "0" : "") + ax.ToString(CultureInfo.InvariantCulture);
        }
        string f = a.ToString("F" + System.Math.Max(0, prec - 1 - exp).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (f.IndexOf('.') >= 0) f = f.TrimEnd('0').TrimEnd('.');
        return f;
    }

    private static string TruncateRunes(string s, int n)
    {
        var si = new StringInfo(s);
        return si.LengthInTextElements <= n ? s : si.SubstringByTextElements(0, n);
    }
}
