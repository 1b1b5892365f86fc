using System.Globalization;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Validation;

/// <summary>
/// Kubernetes resource quantities (apimachinery resource.Quantity): a signed decimal number with an optional
/// binary-SI (Ki, Mi, Gi, Ti, Pi, Ei), decimal-SI (m, k, M, G, T, P, E) or exponent (e3, E-2) suffix, no spaces.
/// </summary>
public static class Quantity
{
    private static readonly Regex Grammar = new(
        @"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$",
        RegexOptions.CultureInvariant);

    /// <summary>Whether the text is a valid quantity.</summary>
    public static bool IsValid(string text) => Grammar.IsMatch(text);

    /// <summary>The quantity's value in base units (bytes, cores), or null when the text is not a quantity.</summary>
    public static double? Value(string text)
    {
        var match = Grammar.Match(text);
        if (!match.Success) return null;
        var number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var suffix = match.Groups["suffix"].Value;
        return number * Multiplier(suffix);
    }

    /// <summary>
    /// The one valid spelling of a near miss, when there is exactly one: a mis-cased binary suffix
    /// (<c>64mi</c> → <c>64Mi</c>, <c>1GI</c> → <c>1Gi</c>), stray spaces (<c>100 m</c> → <c>100m</c>), or a
    /// byte suffix on a binary unit (<c>512MiB</c> → <c>512Mi</c>). Null when the intent is unclear.
    /// </summary>
    public static string? SuggestFix(string text)
    {
        if (IsValid(text)) return null;
        var compact = text.Replace(" ", string.Empty);
        if (IsValid(compact)) return compact;
        var match = Regex.Match(compact, @"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?<suffix>[kKmMgGtTpPeE][iI])[bB]?$", RegexOptions.CultureInvariant);
        if (!match.Success) return null;
        var suffix = match.Groups["suffix"].Value;
        var fixedSuffix = char.ToUpperInvariant(suffix[0]) + "i";
        var candidate = match.Groups["number"].Value + fixedSuffix;
        return IsValid(candidate) ? candidate : null;
    }

    private static double Multiplier(string suffix) => suffix switch
    {
        "" => 1,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => 1024d,
        "Mi" => 1024d * 1024,
        "Gi" => 1024d * 1024 * 1024,
        "Ti" => 1024d * 1024 * 1024 * 1024,
        "Pi" => 1024d * 1024 * 1024 * 1024 * 1024,
        "Ei" => 1024d * 1024 * 1024 * 1024 * 1024 * 1024,
        _ => System.Math.Pow(10, int.Parse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
    };
}
