using System.Collections.Generic;
using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>
/// Sprig v3.3.0's duration and durationRound (date.go): deterministic for a string or an int64 argument. Any other
/// argument type (an int literal, a float64 from JSON or YAML parameters) counts as 0, as in Go; a time.Time (which
/// would read the clock) cannot reach them here, since every clock function is refused.
/// </summary>
internal static class SprigDurationFunctions
{
    public static void Register(Dictionary<string, GoFunction> m)
    {
        m["duration"] = new GoFunction(new[] { ParamType.Any }, null, c => GoValue.Of(Duration(c[0])));
        m["durationRound"] = new GoFunction(new[] { ParamType.Any }, null, c => GoValue.Of(DurationRound(c[0])));
    }

    // (n * time.Second).String(), the product wrapping like Go's int64 multiplication.
    public static string Duration(object? seconds)
    {
        long n = seconds switch
        {
            string s => ParseInt(s),
            long l => l,
            _ => 0,
        };
        return GoDuration.Format(unchecked(n * 1_000_000_000L));
    }

    // strconv.ParseInt(s, 10, 64): a syntax error gives 0, a value out of range the nearest int64 (Go returns both with the error).
    private static long ParseInt(string s)
    {
        if (!IsGoDecimal(s)) return 0;
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        return s[0] == '-' ? long.MinValue : long.MaxValue;
    }

    // strconv.ParseInt(s, 10, 64) takes an optional sign and ASCII digits only.
    private static bool IsGoDecimal(string s)
    {
        var start = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        if (start == s.Length) return false;
        for (var i = start; i < s.Length; i++)
        {
            if (s[i] < '0' || s[i] > '9') return false;
        }

        return true;
    }

    // The largest unit the magnitude strictly exceeds (sign dropped), integer division.
    public static string DurationRound(object? value)
    {
        long d = value switch
        {
            string s => GoDuration.TryParse(s, out var parsed) ? parsed : 0,
            long l => l,
            _ => 0,
        };
        var u = d < 0 ? unchecked((ulong)(-d)) : (ulong)d;
        const ulong second = 1_000_000_000UL, minute = 60 * second, hour = 60 * minute, day = 24 * hour, month = 30 * day, year = 365 * day;
        if (u > year) return (u / year).ToString(CultureInfo.InvariantCulture) + "y";
        if (u > month) return (u / month).ToString(CultureInfo.InvariantCulture) + "mo";
        if (u > day) return (u / day).ToString(CultureInfo.InvariantCulture) + "d";
        if (u > hour) return (u / hour).ToString(CultureInfo.InvariantCulture) + "h";
        if (u > minute) return (u / minute).ToString(CultureInfo.InvariantCulture) + "m";
        if (u > second) return (u / second).ToString(CultureInfo.InvariantCulture) + "s";
        return "0s";
    }
}
