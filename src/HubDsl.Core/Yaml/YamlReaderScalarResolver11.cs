using System.Globalization;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Yaml;

/// <summary>
/// go-yaml v2's resolve (resolve.go) for plain scalars, which kubectl and Argo CD read manifests with through
/// sigs.k8s.io/yaml: booleans in their YAML 1.1 spellings, Go's <c>ParseInt(s, 0, 64)</c> after removing every
/// underscore (so <c>010</c> is octal and <c>08</c> a float), timestamps kept as text. And sigs.k8s.io/yaml's rule
/// for keys that are not strings: an integer is its decimal text, a float its 32-bit shortest form, a bool
/// <c>true</c>/<c>false</c>.
/// </summary>
internal static class YamlReaderScalarResolver11
{
    private static readonly Regex YamlStyleFloat = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static YamlScalar ResolvePlain(string text)
    {
        switch (text)
        {
            case "y": case "Y": case "yes": case "Yes": case "YES":
            case "true": case "True": case "TRUE":
            case "on": case "On": case "ON":
                return YamlScalar.Bool(true);
            case "n": case "N": case "no": case "No": case "NO":
            case "false": case "False": case "FALSE":
            case "off": case "Off": case "OFF":
                return YamlScalar.Bool(false);
            case "": case "~": case "null": case "Null": case "NULL":
                return YamlScalar.Null;
            case ".nan": case ".NaN": case ".NAN":
                return YamlScalar.Float(double.NaN);
            case ".inf": case ".Inf": case ".INF": case "+.inf": case "+.Inf": case "+.INF":
                return YamlScalar.Float(double.PositiveInfinity);
            case "-.inf": case "-.Inf": case "-.INF":
                return YamlScalar.Float(double.NegativeInfinity);
        }

        var first = text[0];
        if (first == '.')
        {
            return TryGoParseFloat(text) is { } f ? YamlScalar.Float(f) : YamlScalar.String(text);
        }

        if (first != '+' && first != '-' && (first < '0' || first > '9')) return YamlScalar.String(text);
        return TryNumber(text) ?? YamlScalar.String(text);
    }

    /// <summary>An integer or float for the text by go-yaml v2's number rules, or null (a timestamp stays text).</summary>
    public static YamlScalar? TryNumber(string text)
    {
        var plain = text.Replace("_", string.Empty);
        if (TryParseIntBase0(plain, out var value, out var overflow)) return YamlScalar.Int(value);
        if (overflow is { } big) return YamlScalar.Float(big);
        if (YamlStyleFloat.IsMatch(plain) && TryGoParseFloat(plain) is { } f) return YamlScalar.Float(f);
        return null;
    }

    // strconv.ParseInt(s, 0, 64): sign, then 0x/0o/0b prefixes or a leading 0 for octal. A magnitude that fits only
    // uint64 comes back as overflow (go-yaml makes it a uint64; HubDsl's scalars hold it as a float).
    private static bool TryParseIntBase0(string s, out long value, out double? overflow)
    {
        value = 0;
        overflow = null;
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var radix = 10;
        if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] is 'x' or 'X')) { radix = 16; i += 2; }
        else if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] is 'o' or 'O')) { radix = 8; i += 2; }
        else if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] is 'b' or 'B')) { radix = 2; i += 2; }
        else if (i + 1 < s.Length && s[i] == '0') { radix = 8; i += 1; }

        if (i >= s.Length) return false;
        var start = i;
        ulong magnitude = 0;
        var tooBig = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix) return false;
            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix) tooBig = true;
            else magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        if (i == start) return false;
        if (tooBig) return false;
        if (negative)
        {
            if (magnitude > 9223372036854775808UL) return false;
            value = magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude;
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            overflow = magnitude;
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    // strconv.ParseFloat(s, 64) for the decimal forms YAML reaches it with (no hex floats or "inf" words here).
    private static double? TryGoParseFloat(string s)
    {
        if (!YamlStyleFloat.IsMatch(s)) return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) ? d : null;
    }

    /// <summary>
    /// The JSON key sigs.k8s.io/yaml makes of a plain key (convertToJSONableObject): strings stay, integers are decimal,
    /// floats their 32-bit shortest %g form, bools true/false. Null has no key: null is returned.
    /// </summary>
    public static string? JsonKey(string plainKey)
    {
        var resolved = ResolvePlain(plainKey);
        switch (resolved.Kind)
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Float:
                if (resolved.Value is ".nan" or ".inf" or "-.inf") return resolved.Value;
                var d = double.Parse(resolved.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                var single = (float)d;
                if (float.IsInfinity(single)) return single > 0 ? ".inf" : "-.inf";
                var shortest = double.Parse(single.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                return GoFloat.FormatG(shortest);
            default:
                return resolved.Value;
        }
    }
}
