using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>Go's time.Duration (int64 nanoseconds): its String form and time.ParseDuration.</summary>
internal static class GoDuration
{
    private const long Nanosecond = 1, Microsecond = 1000, Millisecond = 1000 * Microsecond, Second = 1000 * Millisecond, Minute = 60 * Second, Hour = 60 * Minute;

    /// <summary>time.Duration.String: "72h3m0.5s", "1.5ms", "0s".</summary>
    public static string Format(long d)
    {
        if (d == 0) return "0s";
        var neg = d < 0;
        var u = neg ? unchecked((ulong)(-d)) : (ulong)d;
        string body;
        if (u < (ulong)Second)
        {
            // Sub-second: the largest unit that fits, with a fraction.
            if (u < (ulong)Microsecond) body = u.ToString(CultureInfo.InvariantCulture) + "ns";
            else if (u < (ulong)Millisecond) body = Fraction(u, 3) + "µs";
            else body = Fraction(u, 6) + "ms";
        }
        else
        {
            var sb = new StringBuilder();
            var seconds = Fraction(u % (ulong)Minute, 9);
            var minutes = u / (ulong)Minute;
            if (minutes > 0)
            {
                var hours = minutes / 60;
                if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
                sb.Append((minutes % 60).ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            body = sb + seconds + "s";
        }

        return neg ? "-" + body : body;
    }

    // v / 10^digits with the fraction's trailing zeros (and a bare point) dropped, as fmtFrac/fmtInt do.
    private static string Fraction(ulong v, int digits)
    {
        ulong scale = 1;
        for (var i = 0; i < digits; i++) scale *= 10;
        var whole = (v / scale).ToString(CultureInfo.InvariantCulture);
        var frac = (v % scale).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return frac.Length == 0 ? whole : whole + "." + frac;
    }

    /// <summary>time.ParseDuration; false where Go returns an error.</summary>
    public static bool TryParse(string s, out long duration)
    {
        duration = 0;
        var orig = s;
        var i = 0;
        var neg = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            neg = s[i] == '-';
            i++;
        }

        if (s.Substring(i) == "0") return true;
        if (i == s.Length) return false;
        ulong d = 0;
        while (i < s.Length)
        {
            if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) return false;
            var start = i;
            ulong v = 0;
            var overflow = false;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9')
            {
                if (v > (1UL << 63) / 10) overflow = true;
                v = unchecked((v * 10) + (ulong)(s[i] - '0'));
                if (v > 1UL << 63) overflow = true;
                i++;
            }

            if (overflow) return false;
            var pre = i != start;
            ulong f = 0;
            double scale = 1;
            var post = false;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var fracStart = i;
                var fracOverflow = false;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                {
                    if (!fracOverflow)
                    {
                        if (f > ((1UL << 63) - 1) / 10) fracOverflow = true;
                        else
                        {
                            var y = (f * 10) + (ulong)(s[i] - '0');
                            if (y > 1UL << 63) fracOverflow = true;
                            else
                            {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }

                    i++;
                }

                post = i != fracStart;
            }

            if (!pre && !post) return false;
            var unitStart = i;
            while (i < s.Length && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9')) i++;
            if (i == unitStart) return false;
            ulong unit;
            switch (s.Substring(unitStart, i - unitStart))
            {
                case "ns": unit = Nanosecond; break;
                case "us":
                case "\u00b5s":
                case "\u03bcs": unit = Microsecond; break;
                case "ms": unit = Millisecond; break;
                case "s": unit = Second; break;
                case "m": unit = Minute; break;
                case "h": unit = Hour; break;
                default: return false;
            }

            if (v > (1UL << 63) / unit) return false;
            v *= unit;
            if (f > 0)
            {
                v += (ulong)((double)f * ((double)unit / scale));
                if (v > 1UL << 63) return false;
            }

            d += v;
            if (d > 1UL << 63) return false;
        }

        _ = orig;
        if (neg)
        {
            duration = d == 1UL << 63 ? long.MinValue : -(long)d;
            return true;
        }

        if (d > (1UL << 63) - 1) return false;
        duration = (long)d;
        return true;
    }
}
