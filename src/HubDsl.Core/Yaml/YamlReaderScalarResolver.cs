using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Yaml;

/// <summary>
/// Resolves plain scalars with the YAML 1.2 core schema, the way Go's yaml.v3 (Kubernetes, Argo CD) does for
/// the common cases: <c>null ~ true false</c> in their three spellings, decimal/octal(0o)/hex(0x) integers,
/// floats with <c>.inf</c>/<c>.nan</c>. Quoted scalars are always strings and never come here.
/// </summary>
internal static class YamlReaderScalarResolver
{
    private static readonly Regex DecimalInt = new Regex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalInt = new Regex(@"^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex HexInt = new Regex(@"^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatNumber = new Regex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The node a plain scalar stands for.</summary>
    public static YamlScalar ResolvePlain(string text)
    {
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return YamlScalar.Null;
            case "true":
            case "True":
            case "TRUE":
                return YamlScalar.Bool(true);
            case "false":
            case "False":
            case "FALSE":
                return YamlScalar.Bool(false);
            case ".inf":
            case ".Inf":
            case ".INF":
            case "+.inf":
            case "+.Inf":
            case "+.INF":
                return YamlScalar.Float(double.PositiveInfinity);
            case "-.inf":
            case "-.Inf":
            case "-.INF":
                return YamlScalar.Float(double.NegativeInfinity);
            case ".nan":
            case ".NaN":
            case ".NAN":
                return YamlScalar.Float(double.NaN);
        }

        return TryInt(text) ?? TryFloat(text) ?? YamlScalar.String(text);
    }

    /// <summary>An integer scalar for the text, or null when it is not a core-schema integer.</summary>
    public static YamlScalar? TryInt(string text)
    {
        if (DecimalInt.IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return YamlScalar.Int(l);
            // Too big for 64 bits: Go reads it as a float.
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var big) ? YamlScalar.Float(big) : null;
        }

        if (OctalInt.IsMatch(text)) return ParseBase(text.Substring(2), 8);
        if (HexInt.IsMatch(text)) return ParseBase(text.Substring(2), 16);
        return null;
    }

    /// <summary>A float scalar for the text, or null when it is not a core-schema float.</summary>
    public static YamlScalar? TryFloat(string text)
    {
        if (!FloatNumber.IsMatch(text)) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? YamlScalar.Float(d) : null;
    }

    private static YamlScalar? ParseBase(string digits, int radix)
    {
        ulong value = 0;
        foreach (var c in digits)
        {
            var digit = c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a' + 10);
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix) return null;
            value = (value * (ulong)radix) + (ulong)digit;
        }

        return value <= long.MaxValue ? YamlScalar.Int((long)value) : YamlScalar.Float(value);
    }
}
